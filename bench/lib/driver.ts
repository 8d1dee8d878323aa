/**
 * One load driver for every side-by-side run: loopback HTTP only, bounded in count and time.
 * - `saturate`: `concurrency` requests in flight until `count` are sent; answers are counted by the
 *   fake platform API (what the user would see), throughput = answers / time to the last answer.
 * - `paced`: an open loop at a fixed rate (requests/s) for a fixed time, for acknowledgement
 *   latency under a steady load.
 */
import { percentile } from '../util.ts';

export interface Request {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface AckStats {
  sent: number;
  failed: number;
  p50: number;
  p99: number;
}

export interface SaturateResult extends AckStats {
  answers: number;
  seconds: number;
  perSecond: number;
}

async function post(request: Request): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  try {
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
    await response.arrayBuffer();
    return { ms: performance.now() - started, ok: response.status < 300 };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

function stats(results: { ms: number; ok: boolean }[]): AckStats {
  const ms = results.map((r) => r.ms);
  return { sent: results.length, failed: results.filter((r) => !r.ok).length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

export async function saturate(options: {
  count: number;
  concurrency: number;
  maxSeconds: number;
  make: (i: number) => Request;
  answers: () => number;
}): Promise<SaturateResult> {
  const { count, concurrency, maxSeconds, make, answers } = options;
  const before = answers();
  const results: { ms: number; ok: boolean }[] = [];
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let next = 0;
  const worker = async () => {
    while (next < count && performance.now() < deadline) results.push(await post(make(next++)));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const expected = results.filter((r) => r.ok).length;
  while (answers() - before < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = (performance.now() - started) / 1000;
  const answered = answers() - before;
  return { ...stats(results), answers: answered, seconds, perSecond: answered / seconds };
}

export async function paced(options: { rate: number; seconds: number; make: (i: number) => Request }): Promise<AckStats> {
  const { rate, seconds, make } = options;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const pending: Promise<{ ms: number; ok: boolean }>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post(make(i)));
  }
  return stats(await Promise.all(pending));
}

/** One side of a side-by-side benchmark: a warm-up, a burst at 16 at once, then 100 requests/s. */
export interface Side {
  name: string;
  throughput: number;
  answers: number;
  sent: number;
  ackP50: number;
  ackP99: number;
  pacedP50: number;
  pacedP99: number;
  failed: number;
  /** CPU time the server used per answer during the burst (0 when unknown): cost, whatever the machine's load. */
  cpuPerAnswerMs: number;
}

/** Drives one side with the same load as the other: the one driver both benchmarks share. */
export async function driveSide(name: string, make: (i: number) => Request, answers: () => number, cpuMs: () => number = () => 0, warmUp = 100): Promise<Side> {
  const count = Number(process.env.BENCH_COUNT ?? 2000);
  // Warm-up: authentication, the caches and the JIT (for a side that gets many different
  // questions, each of them once: the first answer compiles the regular expressions it meets).
  await saturate({ count: warmUp, concurrency: 16, maxSeconds: 60, make, answers });
  const cpuBefore = cpuMs();
  const load = await saturate({ count, concurrency: 16, maxSeconds: 60, make, answers });
  const cpuPerAnswerMs = load.answers ? (cpuMs() - cpuBefore) / load.answers : 0;
  const steady = await paced({ rate: 100, seconds: 5, make });
  return {
    name,
    throughput: load.perSecond,
    answers: load.answers,
    sent: load.sent,
    ackP50: load.p50,
    ackP99: load.p99,
    pacedP50: steady.p50,
    pacedP99: steady.p99,
    failed: load.failed + steady.failed,
    cpuPerAnswerMs,
  };
}
