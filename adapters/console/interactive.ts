/**
 * `wegwijs chat`: talk to Wegwijs in the terminal as one user, in a channel or a DM. Cards show
 * as text with numbered buttons; type the number to press one. Lines starting with "/" steer the
 * session (/as, /channel, /dm, /thread, /clock, /quit).
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ZodError } from 'zod';
import { formatInstant, type Bot, type IncomingMessage, type Translate } from '../../src/core/index.ts';
import { toPrettyText, type ConsoleButton, type ConsoleCard, type ConsoleOutput } from './render.ts';
import { toIncoming, type ConsoleTurn } from './incoming.ts';
import type { ConsoleAdapter } from './console-adapter.ts';

export interface InteractiveOptions {
  bot: Bot;
  adapter: ConsoleAdapter;
  input: Readable;
  output: Writable;
  as: string;
  channel?: string;
  dm: boolean;
  botName: string;
  setClock: (to: Date) => void;
  /** The console's own texts, in the configured language. */
  t: Translate;
  /** The default zone and language: /clock echoes the local time there. */
  timeZone?: string;
  lang?: 'nl' | 'en';
  /** The outputs printed since the last prompt, to number their buttons. */
  drain: () => ConsoleOutput[];
}

export async function runInteractive(options: InteractiveOptions): Promise<void> {
  const { bot, adapter, output } = options;
  const state = { user: options.as, channel: options.channel ?? 'netwerk', dm: options.dm, thread: undefined as string | undefined };
  let buttons: { button: ConsoleButton; inputs: ConsoleCard['inputs'] }[] = [];
  const rl = createInterface({ input: options.input, output, terminal: Boolean((options.input as { isTTY?: boolean }).isTTY) });
  // The iterator buffers lines, so piped input that arrives all at once is not lost.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string | undefined> => {
    output.write(question);
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };
  const t = options.t;
  output.write(`${t(state.dm ? 'console.intro.dm' : 'console.intro.channel', { user: state.user, channel: state.channel, bot: options.botName })}\n`);
  const prompt = () => `${state.user}${state.dm ? ' (DM)' : ` #${state.channel}`}${state.thread ? ` ↳${state.thread}` : ''}> `;
  for (;;) {
    const typed = await ask(prompt());
    if (typed === undefined) break;
    const line = typed.trim();
    if (!line) continue;
    if (line === '/quit' || line === '/exit') break;
    if (line.startsWith('/') && !line.toLowerCase().startsWith(`/${options.botName}`)) {
      output.write(`${steer(line, state, options)}\n`);
      continue;
    }
    const turn: ConsoleTurn = { user: state.user, ...(state.dm ? { dm: true } : { channel: state.channel }), thread: state.thread };
    const picked = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    if (picked) {
      const inputs: Record<string, string> = {};
      for (const input of picked.inputs) inputs[input.id] = ((await ask(`  ${input.label}: `)) ?? '').trim();
      turn.action = { ...picked.button.action, inputs };
    } else {
      turn.text = line;
    }
    // A line the model refuses (an over-long @mention, an id that is not allowed) is answered, not fatal.
    let message: IncomingMessage;
    try {
      message = toIncoming(turn, options.botName);
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      const issue = err.issues[0];
      output.write(`${t('console.bad_input', { problem: `${issue.path.join('.')}: ${issue.message}` })}\n`);
      continue;
    }
    await bot.handle(message, adapter);
    buttons = [];
    for (const out of options.drain()) {
      output.write(`${toPrettyText(out, buttons.length + 1, t, options.botName)}\n`);
      for (const button of out.card?.buttons ?? []) buttons.push({ button, inputs: out.card!.inputs });
    }
  }
  rl.close();
}

function steer(line: string, state: { user: string; channel: string; dm: boolean; thread?: string }, options: InteractiveOptions): string {
  const [command, ...rest] = line.slice(1).split(/\s+/);
  const arg = rest.join(' ');
  const t = options.t;
  switch (command) {
    case 'as':
      if (arg) state.user = arg;
      return t('console.as', { user: state.user });
    case 'channel':
      state.channel = arg || state.channel;
      state.dm = false;
      state.thread = undefined;
      return t('console.channel', { channel: state.channel });
    case 'dm':
      state.dm = true;
      state.thread = undefined;
      return t('console.dm');
    case 'thread':
      state.thread = arg || undefined;
      return state.thread ? t('console.thread.in', { thread: state.thread }) : t('console.thread.out');
    case 'clock': {
      const when = new Date(arg);
      // Real calendar dates only (years 1970 to 9999), as in script mode.
      if (Number.isNaN(when.getTime()) || when.getUTCFullYear() < 1970 || when.getUTCFullYear() > 9999) return t('console.clock.usage');
      options.setClock(when);
      void options.bot.tick();
      return t('console.clock.set', { time: `${formatInstant(when, options.timeZone ?? 'Europe/Amsterdam', options.lang ?? 'nl')} (${options.timeZone ?? 'Europe/Amsterdam'})` });
    }
    default:
      return t('console.steering');
  }
}
