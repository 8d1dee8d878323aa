// RSS after 1k and after N questions in one process (default 100k): the offline answering path of
// the compiled code (dist/), the questions of the evaluation sets in turn, each made unique. A leak
// shows as RSS growing with the count. Prints one JSON line. Run with --expose-gc.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The installation whose compiled code is measured (argument 2; this checkout by default).
const installation = process.argv[3] ? `${process.argv[3].replace(/\/$/, '')}/` : root;
const { AskEngine } = await import(`${installation}dist/src/ask/index.js`);
const total = Number(process.argv[2] ?? 100_000);
const evalDir = `${root}test/eval/`;
const questions = readdirSync(evalDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(evalDir + f, 'utf8').split('\n'))
  .flatMap((line) => {
    try {
      const q = JSON.parse(line).q;
      return typeof q === 'string' ? [q] : [];
    } catch {
      return [];
    }
  });
const engine = new AskEngine();
const rss = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
};
const started = performance.now();
let after1k = 0;
for (let i = 0; i < total; i++) {
  await engine.answer(`${questions[i % questions.length]} (${i})`);
  if (i === 999) after1k = rss();
}
console.log(JSON.stringify({ questions: total, after1k, afterAll: rss(), ms: performance.now() - started }));
