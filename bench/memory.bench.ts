/**
 * `npm run bench -- memory` (issue #13): what each part of Wegwijs adds to a process's memory
 * (bench/apps/memory-parts.mjs, compiled code), then the process figures of `wegwijs serve` and the
 * answering loop (idle RSS and V8 heap, ready time, first answer, RSS after 1k and 100k questions;
 * BENCH_QUESTIONS sets the count).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { printTable, processFigures, type Row } from './lib/figures.ts';
import { ROOT } from './lib/processes.ts';

interface Part {
  part: string;
  ms: number;
  rss: number;
  heap: number;
  rssAdded: number;
  heapAdded: number;
}

export async function run(): Promise<void> {
  const result = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'bench/apps/memory-parts.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`memory-parts.mjs exited with ${result.status}: ${result.stderr}`);
  const parts = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Part);
  const rows: Row[] = parts.map((p) => ({
    what: p.part,
    value: `+${p.rssAdded.toFixed(1)} MB RSS, +${p.heapAdded.toFixed(1)} MB heap (${p.rss.toFixed(0)} / ${p.heap.toFixed(0)} MB), ${p.ms.toFixed(0)} ms`,
  }));
  printTable('Memory by part, loaded one after the other (settled after each; young generation held as in serve)', rows);
  printTable('Process', await processFigures());
}
