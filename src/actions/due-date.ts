/**
 * Due dates of actions: read by the bot's one date-phrase reader (src/core/dates.ts), in the
 * network's time zone relative to the injected clock. Kept as the feature's names for it.
 */
import { readDate, splitDate, type SplitDate } from '../core/index.ts';

/** Reads a whole phrase as a date ("vrijdag", "3-12", "over twee weken"): "YYYY-MM-DD" or undefined. */
export function parseDueDate(phrase: string, now: Date, timeZone: string): string | undefined {
  return readDate(phrase, now, timeZone);
}

export type SplitDue = SplitDate;

/** Takes the deadline ("voor vrijdag", "by 3/12") out of an action text; the last one wins. */
export function splitDue(text: string, now: Date, timeZone: string): SplitDue {
  return splitDate(text, now, timeZone);
}
