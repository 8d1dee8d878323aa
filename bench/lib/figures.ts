/**
 * The figures every side-by-side run prints after its platform rows: serve ready time and idle
 * memory of `wegwijs serve`, the `wegwijs ask` one-shot time, and memory after 1k and after many
 * questions in one process (BENCH_QUESTIONS, default 100k), with the issue's targets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, oneShotMs, ROOT, startServer } from './processes.ts';

export interface Row {
  what: string;
  value: string;
  target?: string;
  ok?: boolean;
}

export function printTable(title: string, rows: Row[]): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.what.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  console.log(`\n${title}`);
  for (const r of rows) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
    console.log(`  ${r.what.padEnd(width)}  ${r.value.padStart(valueWidth)}${r.target ? `   (target ${r.target})${verdict}` : ''}`);
  }
}

/** BENCH_PROCESS=0 leaves them out (a quick platform-only run). */
export async function processFigures(installation?: string): Promise<Row[]> {
  if (process.env.BENCH_PROCESS === '0') return [];
  const data = mkdtempSync(join(tmpdir(), 'wegwijs-bench-'));
  try {
    const env = { WEGWIJS_DATA_DIR: data, LOG_LEVEL: 'warn' };
    // BENCH_WEGWIJS_BIN: another installation's command (a before/after comparison in one run).
    const bin = installation ?? process.env.BENCH_WEGWIJS_BIN ?? BIN;
    const readies: number[] = [];
    let idle = 0;
    for (let i = 0; i < 3; i++) {
      const server = await startServer([bin, 'serve'], env);
      readies.push(server.readyMs);
      if (i === 0) {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        idle = server.rssMb();
      }
      await server.stop();
    }
    const ready = readies.sort((a, b) => a - b)[1];
    const ask = oneShotMs([bin, 'ask', 'Wie is dossierhouder als mijn cliënt op de wachtlijst staat?'], env);
    const count = Number(process.env.BENCH_QUESTIONS ?? 100_000);
    const run = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'bench/apps/questions.mjs'), String(count), join(dirname(bin), '..')], { cwd: ROOT, encoding: 'utf8' });
    const memory = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { after1k: number; afterAll: number };
    const growth = (memory.afterAll - memory.after1k) / memory.after1k;
    return [
      { what: 'serve ready (spawn to /healthz 200, median of 3)', value: `${ready.toFixed(0)} ms`, target: '< 1000 ms', ok: ready < 1000 },
      { what: 'wegwijs ask "…" one-shot (median of 5)', value: `${ask.toFixed(0)} ms`, target: '< 800 ms', ok: ask < 800 },
      { what: 'idle RSS of wegwijs serve', value: `${idle.toFixed(0)} MB`, target: '< 120 MB', ok: idle < 120 },
      { what: 'RSS after 1k questions (in-process)', value: `${memory.after1k.toFixed(0)} MB` },
      {
        what: `RSS after ${count / 1000}k questions`,
        value: `${memory.afterAll.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`,
        target: 'within 10% of 1k',
        ok: Math.abs(growth) <= 0.1,
      },
    ];
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
