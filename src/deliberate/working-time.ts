/**
 * Working time for asynchronous deliberation: a step's open time counts only the hours people
 * work (08:00–18:00 on working days in the network's time zone; Saturdays, Sundays and Dutch
 * public holidays do not count), so a step never closes overnight unseen and a reminder never
 * goes out at night. One working day is ten working hours.
 */
import { addDays, localDate, localInstant, localParts, publicHoliday } from '../core/index.ts';

export const WORKDAY_START_HOUR = 8;
export const WORKDAY_END_HOUR = 18;
export const WORKDAY_MINUTES = (WORKDAY_END_HOUR - WORKDAY_START_HOUR) * 60;
/** Enough days to cover the longest step (14 working days) plus holidays and weekends in between. */
const MAX_DAYS = 400;

/** A Saturday, Sunday or Dutch public holiday, for a local "YYYY-MM-DD". */
export function isDayOff(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6 || publicHoliday(date) !== undefined;
}

/** The working window of a local date, or undefined on a day off. */
function windowOf(date: string, timeZone: string): { start: number; end: number } | undefined {
  if (isDayOff(date)) return undefined;
  return { start: localInstant(date, WORKDAY_START_HOUR, 0, timeZone).getTime(), end: localInstant(date, WORKDAY_END_HOUR, 0, timeZone).getTime() };
}

export function isWorkingTime(instant: Date, timeZone: string): boolean {
  const w = windowOf(localDate(instant, timeZone), timeZone);
  return !!w && instant.getTime() >= w.start && instant.getTime() < w.end;
}

/** The instant `minutes` of working time after `from` (from 18:01, eight hours: 16:00 on the next working day). */
export function addWorkingMinutes(from: Date, minutes: number, timeZone: string): Date {
  let remaining = Math.max(0, minutes) * 60_000;
  let date = localDate(from, timeZone);
  let cursor = from.getTime();
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    const w = windowOf(date, timeZone);
    if (!w || cursor >= w.end) continue;
    const begin = Math.max(cursor, w.start);
    if (remaining <= w.end - begin) return new Date(begin + remaining);
    remaining -= w.end - begin;
    cursor = w.end;
  }
  return new Date(cursor + remaining);
}

/** Minutes of working time between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, timeZone: string): number {
  let total = 0;
  let date = localDate(from, timeZone);
  const last = localDate(to, timeZone);
  for (let i = 0; i < MAX_DAYS && date <= last; i++, date = addDays(date, 1)) {
    const w = windowOf(date, timeZone);
    if (!w) continue;
    const begin = Math.max(from.getTime(), w.start);
    const end = Math.min(to.getTime(), w.end);
    if (end > begin) total += end - begin;
  }
  return total / 60_000;
}

/** Shown in the network's language: "1 werkdag", "8 werkuren" (the catalogue words it). */
export function workingTimeParts(minutes: number): { days?: number; hours?: number } {
  if (minutes % WORKDAY_MINUTES === 0) return { days: minutes / WORKDAY_MINUTES };
  return { hours: Math.round((minutes / 60) * 10) / 10 };
}
