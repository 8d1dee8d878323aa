/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, `npm run bench -- NAME` the ones whose
 * file name contains NAME (`slack`, `teams`, `ask`, `store`). Each exports `run(): Promise<void>`
 * and prints its own figures. Benchmarks are never part of `npm test`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

// @ts-expect-error: plain JavaScript (bin/ runs before anything is built)
import { build, distIsStale } from '../bin/runtime.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
// The benchmarks measure the compiled runtime, as it runs in production.
if (distIsStale()) {
  console.log('building dist/ first (npm run build)');
  build({ quiet: true });
}
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${file}`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<void> };
  await module.run();
}
