/**
 * Replays a script-mode file (examples/*.jsonl, README "Script mode") through a real platform
 * stack: the same lines, translated into what Slack or Teams would send. Script mode's own run is
 * the reference for references inside the script: a `thread` or a pressed button names a console
 * message id (`m18`), so the replayer looks that message up in the console run and finds the same
 * message (by title) and the same button (by action id, label and the value's stable fields) in
 * what the bot sent to the platform.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { runInProcess } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

export type Value = Record<string, unknown>;

export interface ScriptTurn {
  user: string;
  name?: string;
  channel?: string;
  dm?: boolean;
  thread?: string;
  text?: string;
  action?: { id: string; value?: Value; messageId?: string; inputs?: Record<string, string> };
  inputs?: Record<string, string>;
}
export type ScriptLine = { clock: string } | ScriptTurn;

/** One line script mode printed. */
export interface ConsoleLine {
  id?: string;
  channel?: string;
  dm?: boolean;
  to?: string;
  private?: boolean;
  thread?: string;
  update?: boolean;
  text?: string;
  card?: { title?: string; buttons?: { label: string; action: { id: string; value?: Value; messageId?: string } }[]; inputs?: { id: string }[] };
  error?: string;
}

/** What a person sees on the platform, in one shape for Slack and Teams. */
export interface Shown {
  /** The platform's message id (Slack ts, Teams activity id); a modal's view id. */
  key: string;
  seq: number;
  place: 'channel' | 'dm' | 'private' | 'modal';
  /** The platform conversation (channel id, DM channel or Teams conversation id). */
  channel: string;
  /** The platform user a DM, private message or modal is for. */
  to?: string;
  thread?: string;
  update: boolean;
  title?: string;
  /** The text as the platform shows it (mrkdwn / Teams markdown, card text blocks). */
  text: string;
  buttons: ShownButton[];
  inputs: string[];
  raw: unknown;
}
export interface ShownButton {
  label: string;
  action: string;
  value: Value;
  raw: unknown;
}

export interface Person {
  /** The console user name (`anna`). */
  user: string;
  id: string;
  name: string;
}

/** What a platform driver does: the platform side of each script line. */
export interface Driver {
  /** The console's channel name to the platform's channel (a Teams channel id, a Slack C… id). */
  channelId(name: string): string;
  person(user: string, name?: string): Person;
  tick(at: Date): Promise<void>;
  say(from: Person, where: { channel?: string; dm?: boolean; root?: Shown }, text: string): Promise<void>;
  press(from: Person, on: Shown, button: ShownButton, inputs: Record<string, string>): Promise<void>;
  /** Everything the bot sent so far, in order. */
  shown(): Shown[];
  /** What `person` sees now: the latest version of each message (Teams refreshes cards for the user). */
  seenBy(person: Person): Promise<Shown[]>;
}

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export function readScript(name: string): ScriptLine[] {
  return readFileSync(`${EXAMPLES}${name}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
    .map((l) => JSON.parse(l) as ScriptLine);
}

/** The console run of the same file: the reference for ids and labels, and for the facts. */
export async function consoleRun(name: string): Promise<ConsoleLine[]> {
  const temp = tempDir();
  const result = await runInProcess(['chat', '--script', `${EXAMPLES}${name}`], { env: { WEGWIJS_DATA_DIR: temp.dir }, timeoutMs: 60_000 });
  temp.cleanup();
  expect(result.code).toBe(0);
  return result.lines as ConsoleLine[];
}

/** A value's fields that mean the same on every platform: not console message ids or console network keys. */
export function stableFields(value: Value | undefined): Value {
  const out: Value = {};
  for (const [k, v] of Object.entries(value ?? {})) {
    if (typeof v === 'string' && (/^[mp]\d+$/.test(v) || v.startsWith('console:'))) continue;
    out[k] = v;
  }
  return out;
}

const sameButton = (b: ShownButton, action: string, stable: Value) =>
  b.action === action && Object.entries(stable).every(([k, v]) => isDeepStrictEqual(b.value[k], v));

/** The latest version of each message (an update replaces what it updates). */
export function latest(shown: Shown[]): Shown[] {
  const byKey = new Map<string, Shown>();
  for (const s of shown) byKey.set(s.key, s);
  return [...byKey.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Waits until the bot has worked on every request it acknowledged: the inbox takes a request up
 * just after the ack (setImmediate), so an empty inbox right after the response proves nothing.
 */
export async function settleInbox(inbox: { idle(): Promise<void> }): Promise<void> {
  const state = inbox as unknown as { received: Map<string, unknown>; inFlight: Map<string, unknown> };
  for (let i = 0; i < 1000; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await inbox.idle();
    if (state.received.size === 0 && state.inFlight.size === 0) return;
  }
  throw new Error('the inbox did not settle');
}

export interface ReplayLog {
  line: ScriptTurn | { clock: string };
  /** How many messages had been shown before the line ran. */
  since: number;
  pressed?: { on: Shown; button: ShownButton };
}

/** Runs every line of `script` against `driver`; throws naming the line when a reference cannot be followed. */
export async function replay(driver: Driver, script: ScriptLine[], reference: ConsoleLine[]): Promise<ReplayLog[]> {
  const log: ReplayLog[] = [];
  const byId = new Map<string, ConsoleLine>();
  for (const l of reference) if (l.id && !l.update) byId.set(l.id, l);
  for (const [n, line] of script.entries()) {
    const entry: ReplayLog = { line, since: driver.shown().length };
    log.push(entry);
    if ('clock' in line) {
      await driver.tick(new Date(line.clock));
      continue;
    }
    const from = driver.person(line.user, line.name);
    const where = line.dm ? { dm: true } : { channel: line.channel };
    if (line.action) {
      const { on, button } = await findButton(driver, from, line, reference, n);
      entry.pressed = { on, button };
      // Script mode takes a card's inputs on the line or in its action.
      await driver.press(from, on, button, { ...line.action.inputs, ...line.inputs });
      continue;
    }
    let root: Shown | undefined;
    if (line.thread) {
      const origin = byId.get(line.thread);
      if (!origin) throw new Error(`line ${n + 1}: thread ${line.thread} is no console message`);
      root = findSame(driver, origin, line.channel ? driver.channelId(line.channel) : undefined);
      if (!root) throw new Error(`line ${n + 1}: no platform message like console ${line.thread} ("${titleOf(origin)}")`);
    }
    await driver.say(from, { ...where, root }, line.text ?? '');
  }
  return log;
}

const titleOf = (l: ConsoleLine) => l.card?.title ?? (l.text ?? '').split('\n')[0].replace(/\*\*/g, '');

/** The platform message that is the console's `origin`: same place, same title, the latest. */
function findSame(driver: Driver, origin: ConsoleLine, channel: string | undefined): Shown | undefined {
  const title = titleOf(origin);
  return latest(driver.shown())
    .filter((s) => s.place === 'channel' && !s.thread && (!channel || s.channel.startsWith(channel)))
    .reverse()
    .find((s) => s.title === title || s.text.includes(title));
}

/**
 * The button a script line presses: its label from the console run (the same action and value),
 * then on the platform the latest button the person can see with that action, label and the
 * value's stable fields.
 */
async function findButton(driver: Driver, from: Person, line: ScriptTurn, reference: ConsoleLine[], n: number): Promise<{ on: Shown; button: ShownButton }> {
  const action = line.action!;
  const wanted = JSON.stringify(action.value ?? {});
  const labels = new Set<string>();
  for (const l of reference) for (const b of l.card?.buttons ?? []) if (b.action.id === action.id && JSON.stringify(b.action.value ?? {}) === wanted) labels.add(b.label);
  const stable = stableFields(action.value);
  const seen = await driver.seenBy(from);
  const candidates: { on: Shown; button: ShownButton }[] = [];
  for (const on of seen) for (const button of on.buttons) if (sameButton(button, action.id, stable)) candidates.push({ on, button });
  // A form the person has open (a Slack modal, a Teams dialog) is where its submit goes.
  const modal = candidates.filter((c) => c.on.place === 'modal');
  const labelled = candidates.filter((c) => labels.size === 0 || [...labels].some((l) => c.button.label === l || l.startsWith(c.button.label.replace(/…$/, ''))));
  const pick = (modal.length ? modal : labelled).at(-1);
  if (!pick) {
    const all = seen.flatMap((s) => s.buttons.map((b) => `${b.label} (${b.action} ${JSON.stringify(b.value)})`));
    throw new Error(`line ${n + 1}: no button ${action.id} ${[...labels].join('/')} ${JSON.stringify(stable)} for ${from.user}; seen: ${all.slice(-12).join(', ')}`);
  }
  return pick;
}

/** Raw Markdown marks the platform would show as characters (`**bold**`, `_x_` in Teams text, `**` in Slack mrkdwn). */
export const RAW_BOLD = /\*\*[^*\n]+\*\*/;

/** Script mode's run, the platform's replay of it, and the people in it. */
export interface Week {
  reference: ConsoleLine[];
  log: ReplayLog[];
  shown: Shown[];
  people: Person[];
}

export async function runWeek(driver: Driver, file: string): Promise<Week> {
  const script = readScript(file);
  const reference = await consoleRun(file);
  const log = await replay(driver, script, reference);
  const people = [...new Set(script.flatMap((l) => ('user' in l ? [l.user] : [])))].map((u) => driver.person(u));
  return { reference, log, shown: driver.shown(), people };
}

/**
 * Text reduced to what a reader takes from it, the same for every surface: a mention as
 * "@Name", no bold/italic/code marks, "- " bullets, Slack's escapes decoded, spaces collapsed.
 */
export function plain(text: string, people: Person[]): string {
  let out = text;
  for (const p of people) out = out.split(`<@${p.id}>`).join(`@${p.name}`).split(`<at>${p.name}</at>`).join(`@${p.name}`);
  return out
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[*`]/g, '')
    .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,:;!?])/g, '$1$2')
    .replace(/^\s*[•◦▪-]\s+/gm, '- ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The phrases the bot said it could not read as a date. */
export function unreadableDates(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/"([^"]+)" (?:kon ik niet als datum lezen|could not be read as a date|I could not read as a date)/g)) out.add(m[1]);
  return [...out].sort();
}

/** The rows of a CSV export shown in a message (BOM and header included), first `columns` fields each. */
export function csvRows(text: string, columns = 5): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\uFEFF/, '').trim())
    .filter((l) => /^(\d+|nummer|number);/.test(l))
    .map((l) => l.split(';').slice(0, columns).join(';'));
}

/**
 * Fixed fragments (24+ characters) of the catalogue's texts in one language that the other
 * language does not share: a Dutch run must show none of the English ones, and the other way round.
 */
export async function catalogueFragments(lang: 'nl' | 'en'): Promise<string[]> {
  const { readdirSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const dir = fileURLToPath(new URL('../../prompts/messages/', import.meta.url));
  const other = lang === 'nl' ? 'en' : 'nl';
  const mine: string[] = [];
  const theirs: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(`${dir}${file}`, 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const entry of Object.values(doc ?? {})) {
      if (typeof entry?.[lang] === 'string') mine.push(entry[lang]);
      if (typeof entry?.[other] === 'string') theirs.push(entry[other]);
    }
  }
  const own = mine.map((t) => clean(t)).join('\n');
  const out = new Set<string>();
  for (const t of theirs) for (const part of t.split(/[{}]/)) {
    const f = clean(part);
    if (f.length >= 24 && !own.includes(f)) out.add(f);
  }
  return [...out];
}
const clean = (t: string) => t.replace(/[*`_]/g, '').replace(/\s+/g, ' ').trim();
