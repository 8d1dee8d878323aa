/**
 * Due dates typed in Dutch or English ("vrijdag", "volgende week", "15 december", "2026-12-15",
 * "friday", "next week"), read as a calendar date in the network's time zone relative to now.
 */
import * as chrono from 'chrono-node';
import { offsetMinutes, ymd } from '../core/index.ts';

/**
 * Reads a whole phrase as a date; undefined when it is not (only) a date. Returns "YYYY-MM-DD"
 * in `timeZone`. A bare weekday means the next one (today counts).
 */
export function parseDueDate(phrase: string, now: Date, timeZone: string): string | undefined {
  const wanted = phrase.trim().replace(/[.,;:!?]+$/, '').trim();
  if (!wanted || wanted.length > 60) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(wanted);
  if (iso) {
    const [y, m, d] = iso.slice(1).map(Number);
    const check = new Date(Date.UTC(y, m - 1, d));
    return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? ymd(y, m, d) : undefined;
  }
  const reference = { instant: now, timezone: offsetMinutes(now, timeZone) };
  for (const parser of [chrono.nl, chrono.en]) {
    const [result] = parser.parse(wanted, reference, { forwardDate: true });
    if (!result || result.index !== 0 || result.text.length < wanted.length) continue;
    const year = result.start.get('year');
    const month = result.start.get('month');
    const day = result.start.get('day');
    if (year && month && day) return ymd(year, month, day);
  }
  return undefined;
}

export interface SplitDue {
  /** The text without the due-date phrase (or with it, when it could not be read). */
  title: string;
  due?: string;
  /** A phrase that looked like a due date but could not be read: ask back, keep it in the title. */
  unreadable?: string;
}

const DATE_WORDS = /(dag|week|weken|maand|morgen|vandaag|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|day|month|tomorrow|today)/i;

const MARKER = /\s+(voor|vóór|uiterlijk|deadline|by|before|due)\s+(\S+(?:\s+\S+){0,4})\s*$/iu;

/** Takes a trailing "voor vrijdag" / "by Friday" off an action text and reads it. */
export function splitDue(text: string, now: Date, timeZone: string): SplitDue {
  const match = MARKER.exec(text);
  if (!match) return { title: text.trim() };
  const [, marker, phrase] = match;
  const due = parseDueDate(phrase, now, timeZone);
  if (due) return { title: text.slice(0, match.index).trim(), due };
  // "voor" is also just "for" ("voor de cliënt"): only short phrases count as an attempt at a date.
  const looksLikeDate = /\d/.test(phrase) || marker.toLowerCase() !== 'voor' || DATE_WORDS.test(phrase);
  return looksLikeDate ? { title: text.trim(), unreadable: phrase.trim() } : { title: text.trim() };
}
