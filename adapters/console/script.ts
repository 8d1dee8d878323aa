/**
 * `wegwijs chat --script FILE|-`: JSON lines in, JSON lines out, for tests and demos. Each input
 * line is a user message, a button press, or a clock line; a bad line is reported with its number
 * and the rest is still processed.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { IncomingActionSchema, type Bot } from '../../src/core/index.ts';
import type { ConsoleAdapter } from './console-adapter.ts';
import { toIncoming } from './incoming.ts';

const ClockLine = z.object({ clock: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date-time (use ISO 8601, e.g. 2026-11-23T09:00:00+01:00)') }).strict();
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
  const { bot, adapter, input, output } = options;
  let lineNumber = 0;
  let bad = 0;
  const report = (message: string) => {
    bad++;
    output.write(`${JSON.stringify({ error: `line ${lineNumber}: ${message}`, line: lineNumber })}\n`);
  };
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      report(`not valid JSON (${(err as Error).message})`);
      continue;
    }
    const isClock = typeof json === 'object' && json !== null && 'clock' in json;
    const parsed = isClock ? ClockLine.safeParse(json) : TurnLine.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      report(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
      continue;
    }
    if ('clock' in parsed.data) {
      options.setClock(new Date(parsed.data.clock));
      await bot.tick();
      continue;
    }
    const turn = parsed.data;
    if (turn.thread && options.printed && !(await options.printed(turn.thread))) {
      report(`thread: "${turn.thread}" is no message the bot printed (use the "id" of a bot message)`);
      continue;
    }
    await bot.handle(toIncoming(turn, options.botName), adapter);
  }
  return bad;
}
