/**
 * `npm run bench -- slack`: Wegwijs against the floor of its own stack. A bare Bolt 4 echo app and
 * then Wegwijs (compiled, `wegwijs serve`) get the same driver: signed `app_mention` events with
 * unique event ids to /slack/events, 16 at a time, a fixed count (BENCH_COUNT, default 2000,
 * at most 60 s), then a steady 100 requests/s for 5 s for the acknowledgement latency. Answers
 * are counted where the user would see them: at the local fake Slack Web API. Loopback only.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack, type FakeSlack } from '../test/slack/fake-slack.ts';
import { driveSide, type Request, type Side } from './lib/driver.ts';
import { printTable, processFigures, type Row } from './lib/figures.ts';
import { BIN, ROOT, startServer } from './lib/processes.ts';
import { loadSplit } from '../src/ask/evaluate.ts';

const SECRET = 'bench-signing-secret';
const TEAM = 'T1';

export function mention(url: string, i: number, text: string): Request {
  const ts = `${1_800_000_000 + i}.${String(i % 1_000_000).padStart(6, '0')}`;
  const body = JSON.stringify({
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${randomUUID()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_mention', user: `U${i % 50}`, text: `<@UBOT${TEAM}> ${text}`, ts, channel: `C${i % 20}`, event_ts: ts },
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: `UBOT${TEAM}`, is_bot: true, is_enterprise_install: false }],
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    url: `${url}/slack/events`,
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
    body,
  };
}

/**
 * Questions that got an answer: threads with a post that stayed (a placeholder that was deleted
 * is no answer; one replaced by the answer is), plus answers only the asker sees (ephemeral).
 */
export function answered(fake: FakeSlack): () => number {
  return () => {
    const deleted = new Set(fake.calls.filter((c) => c.method === 'chat.delete').map((c) => `${c.args.channel}|${c.args.ts}`));
    const threads = new Set<string>();
    let privately = 0;
    for (const c of fake.calls) {
      if (c.method === 'chat.postEphemeral') privately++;
      else if (c.method === 'chat.postMessage' && c.args.thread_ts && !deleted.has(`${c.args.channel}|${c.response.ts}`)) threads.add(`${c.args.channel}|${c.args.thread_ts}`);
    }
    return threads.size + privately;
  };
}


async function measure(name: string, args: string[], env: Record<string, string>, fake: FakeSlack, questions: string[]): Promise<Side> {
  const server = await startServer(args, env);
  try {
    let n = 0;
    return await driveSide(name, () => mention(server.url, n, questions[n++ % questions.length]), answered(fake), server.cpuMs, Math.max(100, questions.length));
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<void> {
  const fake = await startFakeSlack();
  const data = mkdtempSync(join(tmpdir(), 'wegwijs-bench-slack-'));
  try {
    const env = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: `xoxb-${TEAM}`, SLACK_API_URL: fake.url };
    const bare = await measure('bare Bolt 4 echo', [join(ROOT, 'bench/apps/bare-slack.mjs')], env, fake, ['echo']);
    const questions = benchQuestions();
    fake.calls.length = 0;
    const wegwijsEnv = { ...env, LOG_LEVEL: 'info', NODE_ENV: 'production' };
    // BENCH_BEFORE_BIN: an earlier installation, driven the same way in the same run (before/after).
    const before = await measureBefore((bin, dir) => measure('Wegwijs before', [bin, 'serve'], { ...wegwijsEnv, WEGWIJS_DATA_DIR: dir }, fake, questions));
    fake.calls.length = 0;
    const wegwijs = await measure('Wegwijs', wegwijsArgs(), { ...wegwijsEnv, WEGWIJS_DATA_DIR: data }, fake, questions);
    printSides(`Slack: signed app_mention events, 16 concurrent, ${questions.length} different questions in turn, answers counted at the fake Web API`, bare, wegwijs, before);
    const first = async (args: string[], dir: string) => firstAnswerMs(args, { ...wegwijsEnv, WEGWIJS_DATA_DIR: dir }, fake, questions[0]);
    const rows: Row[] = [];
    const earlier = await measureBefore((bin, dir) => first([bin, 'serve'], dir));
    if (earlier !== undefined) rows.push({ what: 'Wegwijs before: first answer after start (median of 3)', value: `${earlier.toFixed(0)} ms` });
    rows.push({ what: 'Wegwijs: first answer after start (median of 3)', value: `${(await first(wegwijsArgs(), data)).toFixed(0)} ms` });
    printTable('Slack: from the first healthy /healthz to the first answer posted (one question, a fresh process)', rows);
  } finally {
    await fake.close();
    rmSync(data, { recursive: true, force: true });
  }
  await printProcessFigures();
}

/**
 * The questions Wegwijs gets, in turn: those of the tuning splits as professionals typed them
 * (answers, refusals, the odd typo), so no cache of any kind sees one question over and over.
 */
export function benchQuestions(): string[] {
  return loadSplit(join(ROOT, 'test/eval'), 'tune').map((item) => item.q);
}

/**
 * From a fresh `wegwijs serve` being ready to the answer of its first question at the fake Web
 * API: what the first user after a deployment waits (start-up work left for the first question
 * shows here). The median of three starts.
 */
async function firstAnswerMs(args: string[], env: Record<string, string>, fake: FakeSlack, question: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await startServer(args, env);
    try {
      fake.calls.length = 0;
      const count = answered(fake);
      const started = performance.now();
      const request = mention(server.url, 1_000_000 + i, question);
      await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
      while (count() < 1 && performance.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 1));
      times.push(performance.now() - started);
    } finally {
      await server.stop();
    }
  }
  return times.sort((a, b) => a - b)[1];
}

/** Runs `measure` for the installation in BENCH_BEFORE_BIN (with a data folder of its own), if any. */
export async function measureBefore<T = Side>(measure: (bin: string, dataDir: string) => Promise<T>): Promise<T | undefined> {
  const bin = process.env.BENCH_BEFORE_BIN;
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'wegwijs-bench-before-'));
  try {
    return await measure(bin, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The process figures of this installation, and of BENCH_BEFORE_BIN's when set (BENCH_BEFORE_PROCESS=0: not). */
export async function printProcessFigures(): Promise<void> {
  const before = process.env.BENCH_BEFORE_PROCESS === '0' ? undefined : process.env.BENCH_BEFORE_BIN;
  if (before) printTable('Process, before (BENCH_BEFORE_BIN)', await processFigures(before));
  printTable('Process', await processFigures());
}

/**
 * `wegwijs serve`; BENCH_WEGWIJS_BIN runs another checkout's command (a before/after comparison),
 * BENCH_CPU_PROF=DIR writes a CPU profile of the Wegwijs process there (node --cpu-prof), and
 * BENCH_NODE_FLAGS gives the Wegwijs process Node or V8 flags (e.g. a heap setting to weigh).
 */
export function wegwijsArgs(): string[] {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const flags = process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return [...flags, ...profile, process.env.BENCH_WEGWIJS_BIN ?? BIN, 'serve'];
}

export function printSides(title: string, bare: Side, wegwijs: Side, before?: Side): void {
  const ratio = wegwijs.throughput / bare.throughput;
  const rows: Row[] = [];
  for (const side of before ? [bare, before, wegwijs] : [bare, wegwijs]) {
    rows.push({ what: `${side.name}: answers/s (16 concurrent)`, value: `${side.throughput.toFixed(0)} (${side.answers}/${side.sent}${side.failed ? `, ${side.failed} failed` : ''})` });
    rows.push({ what: `${side.name}: ack p50 / p99 under that load`, value: `${side.ackP50.toFixed(1)} / ${side.ackP99.toFixed(1)} ms` });
    rows.push({
      what: `${side.name}: ack p50 / p99 at 100 req/s`,
      value: `${side.pacedP50.toFixed(1)} / ${side.pacedP99.toFixed(1)} ms`,
      ...(side === wegwijs ? { target: 'p99 < 50 ms', ok: side.pacedP99 < 50 } : {}),
    });
  }
  if (before) rows.push({ what: 'Wegwijs before / bare', value: `${(before.throughput / bare.throughput).toFixed(2)}×` });
  rows.push({ what: 'Wegwijs / bare', value: `${ratio.toFixed(2)}×`, target: '≥ 0.7×', ok: ratio >= 0.7 });
  // CPU per answer does not depend on what else the machine runs: the cost ratio, next to the throughput ratio.
  if (bare.cpuPerAnswerMs && wegwijs.cpuPerAnswerMs) {
    for (const side of before ? [bare, before, wegwijs] : [bare, wegwijs]) rows.push({ what: `${side.name}: CPU per answer`, value: `${side.cpuPerAnswerMs.toFixed(2)} ms` });
    rows.push({ what: 'bare / Wegwijs, CPU per answer', value: `${(bare.cpuPerAnswerMs / wegwijs.cpuPerAnswerMs).toFixed(2)}×` });
  }
  printTable(title, rows);
}

export type { Side };
