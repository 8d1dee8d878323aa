/**
 * Wall-clock helpers for a network's IANA time zone, shared by the features that show or schedule
 * times. Dates people care about ("due Friday") are local calendar dates, kept as "YYYY-MM-DD";
 * instants are only used for scheduling. The zone arithmetic (offsets, wall time to instant across
 * the daylight-saving changes) is `@date-fns/tz`'s, on the platform's own time-zone data.
 */
import { TZDate, tzOffset } from '@date-fns/tz';

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
}

/** The calendar date and time shown on a wall clock in `timeZone` at `instant`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const wall = new TZDate(instant.getTime(), timeZone);
  return {
    year: wall.getFullYear(),
    month: wall.getMonth() + 1,
    day: wall.getDate(),
    hour: wall.getHours(),
    minute: wall.getMinutes(),
    weekday: wall.getDay() || 7,
  };
}

/** Minutes the zone is ahead of UTC at `instant` (Amsterdam: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return tzOffset(timeZone, instant);
}

/**
 * The instant a wall-clock time on a local date happens in `timeZone`. A time that does not
 * exist (skipped when the clocks go forward, 02:30 on the last Sunday of March in Amsterdam)
 * moves forward by the gap (03:30 summer time), as cron and Temporal do; a time that happens
 * twice (02:30 when the clocks go back) is the second one.
 */
export function localInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const found = new TZDate(y, m - 1, d, hour, minute, timeZone).getTime();
  const wall = localParts(new Date(found), timeZone);
  if (wall.hour === hour && wall.minute === minute) return new Date(found);
  const gap = offsetMinutes(new Date(found + 3 * 3_600_000), timeZone) - offsetMinutes(new Date(found - 3 * 3_600_000), timeZone);
  return new Date(found + gap * 60_000);
}

/** "YYYY-MM-DD" of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return ymd(p.year, p.month, p.day);
}

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds days to a "YYYY-MM-DD" date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The instant at which a local date starts (00:00) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return localInstant(date, 0, 0, timeZone);
}

/** ISO week key ("2027-W12") of a local "YYYY-MM-DD" date. */
export function isoWeekKey(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Sunday of the ISO week that contains `date`. */
export function endOfWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
  return addDays(date, 7 - weekday);
}

/**
 * A local date for people: "vr 27 nov" / "Fri 27 Nov". Given `today` ("YYYY-MM-DD"), a date in
 * another year shows its year ("ma 1 jan 1990"), so a past or far date is not mistaken for this year's.
 */
export function formatDate(date: string, lang: 'nl' | 'en', today?: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = today !== undefined && today.slice(0, 4) !== date.slice(0, 4) ? ({ year: 'numeric' } as const) : {};
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', ...year, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A local date and time for people, in the zone. */
export function formatInstant(instant: Date, timeZone: string, lang: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** The time of day of an instant in a time zone, as people read it ("14:08"). */
export function clockTime(iso: string, timeZone: string, lang: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}
