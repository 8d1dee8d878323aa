/**
 * `wegwijs chat --script FILE|-`: JSON lines in, JSON lines out, for tests and demos. Each input
 * line is a user message, a button press, or a clock line; a bad line is reported with its number
 * and the rest is still processed.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { errorCode, findPrototypeKey, IncomingActionSchema, type Bot, type IncomingMessage } from '../../src/core/index.ts';
import type { ConsoleAdapter } from './console-adapter.ts';
import { toIncoming } from './incoming.ts';

/** Dates a clock line may set: real calendar instants, not the far edges `Date` allows. */
const CLOCK_MIN = Date.UTC(1970, 0, 1);
const CLOCK_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const ClockLine = z
  .object({
    clock: z
      .string()
      .max(64)
      .refine((v) => {
        const at = Date.parse(v);
        return !Number.isNaN(at) && at >= CLOCK_MIN && at <= CLOCK_MAX;
      }, 'not a date-time between the years 1970 and 9999 (use ISO 8601, e.g. 2026-11-23T09:00:00+01:00)'),
  })
  .strict();
const TurnLine = z
  .object({
    user: z.string().trim().min(1).max(100),
    name: z.string().max(200).optional(),
    channel: z.string().trim().min(1).max(200).optional(),
    dm: z.boolean().optional(),
    thread: z.string().max(200).optional(),
    text: z.string().optional(),
    action: IncomingActionSchema.optional(),
  })
  .strict()
  .refine((l) => Boolean(l.channel) !== Boolean(l.dm), 'give either "channel" or "dm": true')
  .refine((l) => l.text !== undefined || l.action !== undefined, 'give "text" or "action"');

export interface ScriptOptions {
  bot: Bot;
  adapter: ConsoleAdapter;
  input: Readable;
  output: Writable;
  setClock: (to: Date) => void;
  botName: string;
  /** Whether the bot printed a message with this id (so a "thread" can refer to it). */
  printed?: (id: string) => Promise<boolean>;
}

/** Processes every line in order; resolves when the input ends. Returns the number of bad lines. */
export async function runScript(options: ScriptOptions): Promise<number> {
  const { input, output } = options;
  let lineNumber = 0;
  let bad = 0;
  const report = (message: string) => {
    bad++;
    output.write(`${JSON.stringify({ error: `line ${lineNumber}: ${message}`, line: lineNumber })}\n`);
  };
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    // One bad line never stops the run: whatever goes wrong is reported with its line number.
    try {
      const problem = await runLine(options, raw);
      if (problem) report(problem);
    } catch (err) {
      report(`could not be processed (${errorCode(err)})`);
    }
  }
  return bad;
}

/** Runs one non-empty line; returns what was wrong with it, or undefined when it ran. */
async function runLine(options: ScriptOptions, raw: string): Promise<string | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  const prototypeKey = findPrototypeKey(json);
  if (prototypeKey) return `${prototypeKey}: this key is not allowed`;
  const isClock = typeof json === 'object' && json !== null && 'clock' in json;
  const parsed = isClock ? ClockLine.safeParse(json) : TurnLine.safeParse(json);
  if (!parsed.success) return issueText(parsed.error);
  if ('clock' in parsed.data) {
    options.setClock(new Date(parsed.data.clock));
    await options.bot.tick();
    return undefined;
  }
  const turn = parsed.data;
  if (turn.thread && options.printed && !(await options.printed(turn.thread))) {
    return `thread: "${turn.thread}" is no message the bot printed (use the "id" of a bot message)`;
  }
  let message: IncomingMessage;
  try {
    message = toIncoming(turn, options.botName);
  } catch (err) {
    if (err instanceof z.ZodError) return issueText(err);
    throw err;
  }
  await options.bot.handle(message, options.adapter);
  return undefined;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}
