// What each part of Wegwijs adds to a process's memory: the parts are loaded one after the other
// (compiled code, dist/) and after each the process is settled (full collections with pauses) and
// its RSS and live V8 heap read. Cumulative, in the order a start loads them; the SDKs last, as
// `wegwijs serve` loads each only when its platform is configured. Prints one JSON line per part.
// Run with --expose-gc: `node --expose-gc bench/apps/memory-parts.mjs [installation]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// As in `wegwijs serve` (app/serve-memory.ts): the young generation keeps its initial size, so
// the RSS column shows the parts, not the young generation growing with what survives.
v8.setFlagsFromString('--semi-space-growth-factor=1');

const root = process.argv[2] ? `${process.argv[2].replace(/\/$/, '')}/` : fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist/`;
const data = mkdtempSync(join(tmpdir(), 'wegwijs-parts-'));
const MB = 1024 * 1024;

async function settled() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MB, heap: heapUsed / MB };
}

let last = await settled();
async function part(name, load) {
  const started = performance.now();
  await load();
  const ms = performance.now() - started;
  const now = await settled();
  console.log(JSON.stringify({ part: name, ms, rss: now.rss, heap: now.heap, rssAdded: now.rss - last.rss, heapAdded: now.heap - last.heap }));
  last = now;
}

const keep = [];
console.log(JSON.stringify({ part: 'node', ms: 0, rss: last.rss, heap: last.heap, rssAdded: last.rss, heapAdded: last.heap }));
await part('express, pino', async () => keep.push(await import('express'), await import('pino')));
await part('zod, yaml, intl-messageformat', async () => keep.push(await import('zod'), await import('yaml'), await import('intl-messageformat')));
await part('libsql (open a database)', async () => {
  const { default: Database } = await import('libsql');
  keep.push(new Database(join(data, 'parts.db')));
});
await part('core modules, message catalogues', async () => {
  const core = await import(`${dist}src/core/index.js`);
  keep.push(core.Catalog.fromDirectory(join(core.DEFAULT_PROMPTS_DIR, 'messages')));
});
await part('ask: cards, search index, refusal rules', async () => {
  const { AskEngine } = await import(`${dist}src/ask/index.js`);
  keep.push(new AskEngine());
});
// The app builds its own engine: this one goes, so the next line adds the rest of the app.
keep.pop();
await part('the whole app: the other features, the store', async () => {
  process.env.WEGWIJS_DATA_DIR = data;
  process.env.LOG_LEVEL = 'warn';
  const { createApp } = await import(`${dist}app/compose.js`);
  const { cliConfig } = await import(`${dist}app/commands/config.js`);
  keep.push(await createApp(cliConfig()));
});
await part('@slack/bolt (loaded only with Slack configured)', async () => keep.push(await import('@slack/bolt')));
await part('@microsoft/agents-hosting (only with Teams configured)', async () => keep.push(await import('@microsoft/agents-hosting')));
rmSync(data, { recursive: true, force: true });
process.exit(0);
