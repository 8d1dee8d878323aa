// Loaded with `node --import ./bench/apps/memory-probe.mjs …` by the process figures
// (bench/lib/figures.ts): on SIGUSR2 the process appends its memory as V8 sees it
// (process.memoryUsage, the heap spaces, code and bytecode) as one JSON line to $MEMORY_PROBE_FILE.
// Without the signal it does nothing; it collects no garbage, so what it reads is what was there.
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
    appendFileSync(file, `${JSON.stringify({ memory: process.memoryUsage(), spaces, code: v8.getHeapCodeStatistics() })}\n`);
  });
}
