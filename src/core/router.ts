/**
 * Pure routing decisions: does a text address the bot, which command does it start, and what
 * remains as arguments. Kept free of I/O so it is easy to test.
 */
import { escapeRegExp, fold, levenshtein } from './text.ts';
import type { Command } from './feature.ts';

export interface Addressed {
  /** The text without the entry word. */
  body: string;
  /** True when the text started with @wegwijs, /wegwijs or wegwijs. */
  entryWord: boolean;
}

/** Strips a leading "@wegwijs", "/wegwijs" or "wegwijs" (any case, optional ":" or ","). */
export function stripEntryWord(text: string, botName = 'wegwijs'): Addressed {
  const pattern = new RegExp(`^\\s*[@/]?${escapeRegExp(botName)}(?=$|[\\s:,!?.])[\\s:,]*`, 'i');
  const match = pattern.exec(text);
  if (!match) return { body: text.trim(), entryWord: false };
  return { body: text.slice(match[0].length).trim(), entryWord: true };
}

export interface CommandMatch {
  command: Command;
  name: string;
  args: string;
}

/** Finds the command whose name matches the most leading words of the body. */
export function matchCommand(body: string, commands: Command[]): CommandMatch | undefined {
  const words = body.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => fold(w).replace(/[?!.,:;]+$/, ''));
  let best: CommandMatch | undefined;
  let bestLength = 0;
  for (const command of commands) {
    for (const name of command.names) {
      const nameWords = fold(name).split(/\s+/);
      if (nameWords.length <= bestLength || nameWords.length > folded.length) continue;
      if (command.bare && folded.length > nameWords.length) continue;
      if (nameWords.every((w, i) => w === folded[i])) {
        const args = words.slice(nameWords.length).join(' ');
        if (command.accepts && !command.accepts(args)) continue;
        best = { command, name, args };
        bestLength = nameWords.length;
      }
    }
  }
  return best;
}

/** At most `max` words: a command's short arguments, not a sentence. */
export function fewWords(args: string, max = 2): boolean {
  return args.split(/\s+/).filter(Boolean).length <= max;
}

/**
 * A short body that is no command and no question is most likely a mistyped command:
 * it gets the list of commands rather than a knowledge-base answer.
 */
export function looksLikeUnknownCommand(body: string): boolean {
  const words = body.split(/\s+/).filter(Boolean);
  return words.length === 1 && !body.includes('?');
}

/**
 * The command name closest to what was typed, for "did you mean": at most 2 edits, and fewer
 * than the word has letters beyond two (a short word like "hi" is two edits from anything short,
 * even "?"), and never a name without letters.
 */
export function suggestCommand(word: string, commands: Command[]): string | undefined {
  const typed = fold(word);
  const limit = Math.min(2, typed.length - 2);
  let best: { name: string; distance: number } | undefined;
  for (const name of commands.flatMap((c) => c.names)) {
    if (!/\p{L}/u.test(name)) continue;
    const distance = levenshtein(typed, fold(name.split(' ')[0]));
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Greetings and "are you there?" probes in Dutch and English: a first contact, not a question. */
const GREETINGS = new Set([
  'hi', 'hoi', 'hallo', 'hello', 'hey', 'he', 'hee', 'hai', 'hoihoi', 'hiya', 'yo', 'dag', 'daag', 'goedemorgen', 'goedemiddag', 'goedenavond',
  'goeiemorgen', 'goeiemiddag', 'goeienavond', 'morning', 'afternoon', 'evening', 'test', 'testing', 'testje', 'ping', 'proef',
]);
/** Words that may stand around a greeting ("hi there", "goede morgen allemaal", "test 123"). */
const GREETING_FILLERS = new Set(['there', 'all', 'everyone', 'allemaal', 'iedereen', 'good', 'goede', 'goeie', 'morgen', 'middag', 'avond', 'daar', 'bot', '1', '2', '3', '123']);

/**
 * True when the body is only a greeting or a probe ("Hi", "hallo Wegwijs!", "test"), at most four
 * words: it gets a friendly "what I can do" instead of a knowledge-base answer or a "did you mean".
 */
export function isGreeting(body: string, botName = 'wegwijs'): boolean {
  // Emoji codes (":wave:") and punctuation are no words.
  const words = fold(body).replace(/:[a-z0-9_+-]+:/g, ' ').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  const bot = fold(botName);
  if (!words.length || words.length > 4) return false;
  return words.some((w) => GREETINGS.has(w)) && words.every((w) => GREETINGS.has(w) || GREETING_FILLERS.has(w) || w === bot);
}

/**
 * "Ik heb een vraag over de wlz", "vraagje", "quick question about pgb": the question is announced,
 * not asked yet (a chat habit). Answering it from a card would be a guess at what comes next.
 */
const ANNOUNCED = /^(?:(?:hoi|hallo|hi|hey|beste \p{L}+)[,!.]?\s+)?(?:(?:ik|wij|we)\s+(?:heb|hebben)\s+|i\s+(?:have|got)\s+|(?:heb|got)\s+)?(?:een\s+|a\s+)?(?:korte\s+|snelle\s+|kleine\s+|quick\s+|short\s+|small\s+)?(?:vraag(?:je)?|question)(?:\s+(?:over|about|mbt|m\.b\.t\.|ivm|i\.v\.m\.|rond|regarding|on)\s+(?!.*\b(?:wie|wat|hoe|waar|wanneer|waarom|welke?|mag|kan|moet|who|what|how|where|when|why|which|can|may|must)\b)[^?,;]{1,40})?\s*[.!:]?$/iu;

export function isAnnouncedQuestion(body: string): boolean {
  return ANNOUNCED.test(fold(body).trim());
}

/**
 * A handler by name from a feature's table, through own properties only: an action id such as
 * `actions.constructor` or `ask.toString` names no handler, however the table was built.
 */
export function ownHandler<T>(table: Record<string, T> | undefined, name: string): T | undefined {
  if (!table || !name || !Object.hasOwn(table, name)) return undefined;
  const handler = table[name];
  return typeof handler === 'function' ? handler : undefined;
}

/** Splits an action id `<feature>.<handler>`; undefined when it has no feature or no handler part. */
export function splitActionId(id: string): { feature: string; handler: string } | undefined {
  const dot = id.indexOf('.');
  if (dot < 1 || dot === id.length - 1) return undefined;
  return { feature: id.slice(0, dot), handler: id.slice(dot + 1) };
}
