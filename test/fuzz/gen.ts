/**
 * Deterministic generators for the fuzz tests: a seeded PRNG, random JSON values (prototype keys,
 * wrong types, long and odd strings included) and mutations of valid inputs. The same seed gives
 * the same inputs, so a failure can be replayed by its seed and case number.
 */
import pino from 'pino';
import type { Bot, IncomingMessage, Logger } from '../../src/core/index.ts';

/** mulberry32: small, fast, good enough to pick cases. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)], chance: (p: number) => next() < p };
}

export interface Rand {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

const ODD_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'actions.constructor',
  'ask.toString',
  'deliberate.__proto__',
  '\u0000\u0001\u001f',
  '\u202e\u2066bidi',
  '\ud800',
  '😀👩‍⚕️',
  'wegwijs hulp',
  'wegwijs actie Bel de wijkverpleging voor vrijdag',
  'wegwijs beraad anoniem #1 iets',
  'wegwijs netwerk start "X"',
  'Wat doet het CCE?',
  '<@U1> <!channel> <at>Wegwijs</at>',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T25:61:00Z',
  'NaN',
  '-1',
  '1e309',
  '{"network":"slack:T1:C1","n":1}',
  'slack:T1:C1',
  'teams:tenant-a:19:x@thread.tacv2',
  'console:local:net',
];

export function randomString(r: Rand): string {
  switch (r.int(6)) {
    case 0:
      return r.pick(ODD_STRINGS);
    case 1:
      return 'x'.repeat(r.pick([1, 63, 64, 65, 255, 256, 257, 1000, 1001, 4000, 4001, 20_000]));
    case 2:
      return '@' + 'a'.repeat(r.pick([10, 256, 257, 400]));
    case 3:
      return Array.from({ length: r.int(40) }, () => String.fromCharCode(r.int(0x3000))).join('');
    case 4:
      return String(r.int(1_000_000));
    default:
      return r.pick(['anna', 'bram', 'net', 'D1', 'C1', 'T1', 'm1', 'q-0123456789abcdef0123', 'nl', 'en']);
  }
}

/** Any JSON value, with a bias towards the shapes that break parsers: prototype keys, nesting, wrong types. */
export function randomValue(r: Rand, depth = 0): unknown {
  const kind = r.int(depth > 3 ? 5 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308]);
    case 3:
    case 4:
      return randomString(r);
    case 5:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(5); i > 0; i--) setOwn(out, r.chance(0.3) ? r.pick(['__proto__', 'constructor', 'prototype']) : randomString(r).slice(0, 80), randomValue(r, depth + 1));
      return out;
    }
  }
}

/** Sets an own, enumerable key, even `__proto__` (which plain assignment would turn into a prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** A copy of `base` with one to three fields replaced, removed or given a hostile twin. */
export function mutateObject(r: Rand, base: Record<string, unknown>, paths: string[][]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (let i = 1 + r.int(3); i > 0; i--) {
    const path = r.pick(paths);
    let target: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      const child = target[key];
      if (!child || typeof child !== 'object' || Array.isArray(child)) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1];
    const op = r.int(4);
    if (op === 0) delete target[last];
    else if (op === 1) setOwn(target, r.pick(['__proto__', 'constructor', 'prototype']), randomValue(r));
    else target[last] = randomValue(r);
    if (op === 3) target[last] = randomString(r);
  }
  return copy;
}

/** Text-level damage to a JSON line: a cut, a flipped character, a duplicated slice. */
export function mutateText(r: Rand, text: string): string {
  const at = r.int(text.length + 1);
  switch (r.int(4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + String.fromCharCode(r.int(128)) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + text.slice(r.int(text.length));
    default:
      return text.replace(/"[a-z]+"\s*:/i, `"${r.pick(['__proto__', 'constructor', 'prototype', 'clock', 'action'])}":`);
  }
}

/** A pino logger that keeps warnings and errors in memory, to assert that no turn failed. */
export function recordingLogger(): { log: Logger; errors: Record<string, unknown>[] } {
  const errors: Record<string, unknown>[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, errors };
}

/** Polls until `condition` holds (the platforms' work runs after their HTTP answer). */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Counts the turns the bot handles (started, finished, and the messages), so a test can wait for
 * the work a request caused, including turns that answer nothing.
 */
export function countTurns(bot: Bot): TurnCount {
  const count: TurnCount = { started: 0, finished: 0, messages: [], after: (n) => until(`${n} finished turn(s)`, () => count.finished >= n) };
  const handle = bot.handle.bind(bot);
  bot.handle = async (message, adapter) => {
    count.started++;
    try {
      await handle(message, adapter);
    } finally {
      count.finished++;
      count.messages.push(message);
    }
  };
  return count;
}

export interface TurnCount {
  started: number;
  finished: number;
  messages: IncomingMessage[];
  /** Waits until at least `n` turns have finished in all. */
  after(n: number): Promise<void>;
}
