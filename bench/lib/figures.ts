/**
 * The figures every side-by-side run prints after its platform rows: serve ready time and idle
 * memory of `wegwijs serve`, the `wegwijs ask` one-shot time, and memory after 1k and after many
 * questions in one process (BENCH_QUESTIONS, default 100k), with the issue's targets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, oneShotMs, ROOT, startServer, type Running } from './processes.ts';

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

const PROBE = join(ROOT, 'bench/apps/memory-probe.mjs');
const MB = 1024 * 1024;

interface Idle {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  young: number;
  code: number;
}

/** What bench/apps/questions.mjs prints (older installations print only the first three). */
interface Questions {
  after1k: number;
  afterAll: number;
  heapAfter1k?: number;
  heapAfterAll?: number;
  /** After every distinct question was asked once (newer installations only). */
  afterPass?: number;
  heapAfterPass?: number;
  passCount?: number;
  answerMs?: number;
  engineMs?: number;
  firstAnswerMs?: number;
}

const signed = (share: number) => `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The V8 side of a running server's memory (zeros when the probe did not answer within 2 s). */
async function probeHeap(server: Running, file: string): Promise<Omit<Idle, 'rss'>> {
  server.child.kill('SIGUSR2');
  for (let i = 0; i < 200; i++) {
    if (existsSync(file)) {
      const line = readFileSync(file, 'utf8').trim();
      if (line) {
        const { memory, spaces, code } = JSON.parse(line) as { memory: NodeJS.MemoryUsage; spaces: Record<string, { size: number }>; code: { code_and_metadata_size: number } };
        return { heapUsed: memory.heapUsed / MB, heapTotal: memory.heapTotal / MB, young: (spaces.new_space?.size ?? 0) / MB, code: code.code_and_metadata_size / MB };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { heapUsed: 0, heapTotal: 0, young: 0, code: 0 };
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
    const idles: Idle[] = [];
    // Three starts, each measured 1.5 s after its first healthy /healthz: VmRSS first, then what V8
    // holds (bench/apps/memory-probe.mjs answers SIGUSR2; it collects nothing).
    for (let i = 0; i < 3; i++) {
      const probe = join(data, `probe-${i}.jsonl`);
      const server = await startServer(['--import', PROBE, bin, 'serve'], { ...env, MEMORY_PROBE_FILE: probe });
      readies.push(server.readyMs);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      idles.push({ rss: server.rssMb(), ...(await probeHeap(server, probe)) });
      await server.stop();
    }
    const ready = median(readies);
    const idle = median(idles.map((m) => m.rss));
    const ask = oneShotMs([bin, 'ask', 'Wie is dossierhouder als mijn cliënt op de wachtlijst staat?'], env);
    const count = Number(process.env.BENCH_QUESTIONS ?? 100_000);
    const run = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'bench/apps/questions.mjs'), String(count), join(dirname(bin), '..')], { cwd: ROOT, encoding: 'utf8' });
    const memory = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Questions;
    const growth = (memory.afterAll - memory.after1k) / memory.after1k;
    const heap = (m: Idle) => `${m.heapUsed.toFixed(0)} of ${m.heapTotal.toFixed(0)} MB (young ${m.young.toFixed(0)}, code ${m.code.toFixed(1)})`;
    return [
      { what: 'serve ready (spawn to /healthz 200, median of 3)', value: `${ready.toFixed(0)} ms`, target: '< 1000 ms', ok: ready < 1000 },
      { what: 'wegwijs ask "…" one-shot (median of 5)', value: `${ask.toFixed(0)} ms`, target: '< 800 ms', ok: ask < 800 },
      { what: 'idle RSS of wegwijs serve (median of 3)', value: `${idle.toFixed(0)} MB (${idles.map((m) => m.rss.toFixed(0)).join(', ')})`, target: '< 120 MB', ok: idle < 120 },
      ...(idles[0].heapTotal ? [{ what: 'idle V8 heap: used of total', value: heap(idles[0]) }] : []),
      { what: 'answering: engine built, first answer', value: `${memory.engineMs?.toFixed(0)} ms, ${memory.firstAnswerMs?.toFixed(1)} ms` },
      { what: `answering: mean of ${count / 1000}k (in-process)`, value: `${memory.answerMs?.toFixed(2)} ms` },
      { what: 'RSS after 1k questions (in-process, settled)', value: `${memory.after1k.toFixed(0)} MB (heap ${memory.heapAfter1k?.toFixed(0)} MB)` },
      {
        what: `RSS after ${count / 1000}k questions`,
        value: `${memory.afterAll.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%; heap ${memory.heapAfterAll?.toFixed(0)} MB)`,
        target: 'within 10% of 1k',
        ok: Math.abs(growth) <= 0.1,
      },
      // The leak reading: from the end of the first pass (every rule and table warmed) to the last question.
      ...(memory.afterPass && memory.passCount
        ? [
            {
              what: `RSS after ${memory.passCount / 1000}k (every question asked once) → after ${count / 1000}k`,
              value: `${memory.afterPass.toFixed(0)} → ${memory.afterAll.toFixed(0)} MB (${signed((memory.afterAll - memory.afterPass) / memory.afterPass)}; heap ${memory.heapAfterPass?.toFixed(0)} → ${memory.heapAfterAll?.toFixed(0)} MB)`,
              target: 'within 10% (no leak)',
              ok: Math.abs((memory.afterAll - memory.afterPass) / memory.afterPass) <= 0.1,
            },
          ]
        : []),
    ];
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
