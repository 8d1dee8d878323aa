// RSS after 1k, after one pass through every distinct question, and after N questions in one process (default 100k): the offline answering path of
// the compiled code (dist/), the questions of the tuning sets in turn (never the held-out ones),
// each made unique. A leak shows as RSS and the live heap growing with the count. Each reading comes
// after full collections with pauses between them (the sweeper runs concurrently; a reading right
// after one gc() swung by ±25% with the garbage of the last run still on its pages). Prints one
// JSON line. Run with --expose-gc.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The installation whose compiled code is measured (argument 2; this checkout by default).
const installation = process.argv[3] ? `${process.argv[3].replace(/\/$/, '')}/` : root;
const { AskEngine } = await import(`${installation}dist/src/ask/index.js`);
const total = Number(process.argv[2] ?? 100_000);
const evalDir = `${root}test/eval/`;
const questions = readdirSync(evalDir)
  .filter((f) => f.endsWith('.jsonl') && !f.includes('heldout'))
  .flatMap((f) => readFileSync(evalDir + f, 'utf8').split('\n'))
  .flatMap((line) => {
    try {
      const q = JSON.parse(line).q;
      return typeof q === 'string' ? [q] : [];
    } catch {
      return [];
    }
  });
let t0 = performance.now();
const engine = new AskEngine();
const engineMs = performance.now() - t0;
t0 = performance.now();
await engine.answer(questions[0]);
const firstAnswerMs = performance.now() - t0;
const MB = 1024 * 1024;
async function settled() {
  globalThis.gc?.();
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    globalThis.gc?.();
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MB, heap: heapUsed / MB };
}
const started = performance.now();
let at1k = { rss: 0, heap: 0 };
let atAll = at1k;
// After every distinct question has been asked once (and a little more): what start-up work each
// kind of question leaves (a refusal rule compiled when a question first wakes it, the bounded
// tables filled) is done, so growth from here on is what a leak would show.
const passed = Math.min(total - 1, Math.ceil((questions.length * 1.25) / 1000) * 1000 - 1);
let atPass = at1k;
let busy = 0;
for (let i = 0; i < total; i++) {
  const t = performance.now();
  await engine.answer(`${questions[i % questions.length]} (${i})`);
  busy += performance.now() - t;
  if (i === 999) at1k = await settled();
  if (i === passed) atPass = await settled();
  // Read inside the loop: after it, nothing refers to the engine and V8 may collect it.
  if (i === total - 1) atAll = await settled();
}
console.log(JSON.stringify({ questions: total, after1k: at1k.rss, afterAll: atAll.rss, heapAfter1k: at1k.heap, heapAfterAll: atAll.heap, afterPass: atPass.rss, heapAfterPass: atPass.heap, passCount: passed + 1, ms: performance.now() - started, answerMs: busy / total, engineMs, firstAnswerMs }));
