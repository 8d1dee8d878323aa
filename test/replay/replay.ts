/**
 * Shared parts of the replay suites: the recorded payloads with their expected outcomes
 * (test/fixtures/expected.json), waiting until the server has finished with a payload (by counting
 * work in flight, not by sleeping a fixed time), classifying what the user saw, and a readable
 * report of every fixture that did not get its expected outcome.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../../app/compose.ts';
import type { Lang } from '../../src/core/index.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export type Outcome = 'answered' | 'silent' | 'welcomed' | 'refused';

export interface Expected {
  status: number;
  outcome: Outcome;
  /** The answer is the help list ("what Wegwijs can do"). */
  answer?: 'help';
  /** The answer must not be a "did you mean" suggestion. */
  notSuggest?: boolean;
  /** The answer comes in the thread / reply chain of the message. */
  thread?: boolean;
  /** The answer is in this language. */
  lang?: Lang;
  /** The answer goes to the user alone (an ephemeral message or a 1:1 chat). */
  private?: boolean;
  /** A Teams invoke: the answer may come in the invoke response itself. */
  invoke?: boolean;
  /** The response body contains this field of the payload (Slack's url_verification challenge). */
  body?: string;
  /** Sent with a wrong signature. */
  signature?: 'invalid';
  /** Replayed after this fixture (an edit after the original). */
  after?: string;
}

export interface Fixture {
  name: string;
  payload: Record<string, unknown>;
  expected: Expected;
}

/** The fixtures of one platform, in the order of expected.json; every file must have an expectation. */
export function loadFixtures(platform: 'slack' | 'teams'): Fixture[] {
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const files = readdirSync(join(FIXTURES, platform)).filter((f) => f.endsWith('.json'));
  const missing = files.filter((f) => !expected[`${platform}/${f.slice(0, -5)}`]);
  if (missing.length) throw new Error(`fixtures without an expected outcome in expected.json: ${missing.join(', ')}`);
  const fixtures: Fixture[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (!key.startsWith(`${platform}/`)) continue;
    const name = key.slice(platform.length + 1);
    const payload = JSON.parse(readFileSync(join(FIXTURES, platform, `${name}.json`), 'utf8')) as Record<string, unknown>;
    fixtures.push({ name, payload, expected: value });
  }
  return fixtures;
}

/**
 * Counts the bot's work in flight (turns and welcomes), so a test can wait until the server is done
 * with a payload instead of sleeping a guessed time.
 */
export function trackWork(app: App): { inFlight: () => number; started: () => number } {
  let inFlight = 0;
  let started = 0;
  const bot = app.bot as unknown as Record<'handle' | 'welcome', (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['handle', 'welcome'] as const) {
    const original = bot[method].bind(bot);
    bot[method] = async (...args: unknown[]) => {
      inFlight++;
      started++;
      try {
        return await original(...args);
      } finally {
        inFlight--;
      }
    };
  }
  return { inFlight: () => inFlight, started: () => started };
}

/**
 * Resolves once the server has finished with a payload: the inbox is idle (`Inbox.idle`: every
 * request it kept, also one whose run starts just after the ack, has been worked on), nothing is
 * in flight, and `activity()` (a count of calls to the fake platform) has not changed for
 * `quietMs`. The work itself is waited for, so the quiet time only has to catch work the counters
 * do not see (a Home view published in the background): short, instead of a guessed 120 ms per
 * payload. Gives up after `maxMs` (the report then shows what happened so far).
 */
export async function settle(inFlight: () => number, activity: () => number, idle: () => Promise<void>, quietMs = 30, maxMs = 8000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    await idle();
    const seen = activity();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    if (inFlight() === 0 && activity() === seen) return;
  }
}

/** What one replay produced, for the comparison and the report. */
export interface Observed {
  status: number;
  ackMs: number;
  outcome: Outcome;
  /** User-visible messages (posts, ephemeral messages, invoke responses), not updates. */
  messages: string[];
  problems: string[];
  /** Every call the bot made to the fake platform, for the report. */
  trace?: string[];
}

/** The texts a user would recognise: the catalogue's welcome, help title and "did you mean". */
export function markers(app: App) {
  const { catalog, config } = app.services;
  const bot = config.botName;
  const langs: Lang[] = ['nl', 'en'];
  const start = (text: string) => text.slice(0, 24);
  return {
    welcome: langs.map((l) => start(catalog.t(l, 'core.welcome', { bot }))),
    help: Object.fromEntries(langs.map((l) => [l, catalog.t(l, 'core.help.title')])) as Record<Lang, string>,
    // "did you mean" with its placeholders as wildcards, so a change of wording keeps the check.
    suggest: langs.map((l) => new RegExp(escape(catalog.t(l, 'core.unknown.suggest', { word: '\u0000', suggestion: '\u0000', bot: '\u0000' })).replace(/\u0000/g, '.*'))),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compares an observation with the expectation; returns the problems (empty when it matches). */
export function judge(expected: Expected, observed: Observed, m: ReturnType<typeof markers>): string[] {
  const problems = [...observed.problems];
  if (observed.status !== expected.status) problems.push(`status ${observed.status}, expected ${expected.status}`);
  if (observed.outcome !== expected.outcome) problems.push(`${observed.outcome}, expected ${expected.outcome}`);
  if (observed.messages.length > 1) problems.push(`${observed.messages.length} messages (a duplicate answer)`);
  if (observed.ackMs >= 3000) problems.push(`acknowledged after ${observed.ackMs} ms`);
  const all = observed.messages.join('\n');
  if (expected.answer === 'help' && !Object.values(m.help).some((title) => all.includes(title))) problems.push('no help list in the answer');
  if (expected.lang && !all.includes(m.help[expected.lang]) && expected.answer === 'help') problems.push(`help not in ${expected.lang}`);
  if (expected.notSuggest && m.suggest.some((re) => re.test(all))) problems.push('answered with a "did you mean" suggestion');
  return problems;
}

export function report(platform: string, rows: { name: string; expected: Expected; observed: Observed; problems: string[] }[]): string {
  const failed = rows.filter((r) => r.problems.length);
  const lines = failed.map(
    (r) =>
      `- ${platform}/${r.name}: ${r.problems.join('; ')}\n    got status ${r.observed.status}, ${r.observed.outcome}, ${r.observed.messages.length} message(s), ack ${r.observed.ackMs} ms` +
      (r.observed.trace?.length ? `\n    calls: ${r.observed.trace.join(', ')}` : '') +
      r.observed.messages.map((m, i) => `\n    ${i + 1}: ${m.replace(/\s+/g, ' ').slice(0, 160)}`).join(''),
  );
  return `${failed.length} of ${rows.length} ${platform} fixtures did not get their expected outcome:\n${lines.join('\n')}`;
}

export function summary(rows: { observed: Observed }[]): { maxAckMs: number; medianAckMs: number } {
  const acks = rows.map((r) => r.observed.ackMs).sort((a, b) => a - b);
  return { maxAckMs: acks.at(-1) ?? 0, medianAckMs: acks[Math.floor(acks.length / 2)] ?? 0 };
}
