/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn. Each exports `run(): Promise<void>`
 * and prints its own figures. Benchmarks are never part of `npm test`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${file}`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<void> };
  await module.run();
}
