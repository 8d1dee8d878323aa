/**
 * The nudge schedule: typed as a weekday and a time ("dinsdag 10:00", "tuesday 10am") or as a
 * five-field cron expression, always read in the network's time zone.
 */
import { fold, isValidCron, localDate, nextCronRun, readDate, startOfLocalDay } from '../core/index.ts';

export const DEFAULT_SCHEDULE = '0 9 * * 1';

const DAYS: Record<string, number> = {
  zondag: 0, zo: 0, sunday: 0, sun: 0,
  maandag: 1, ma: 1, monday: 1, mon: 1,
  dinsdag: 2, di: 2, tuesday: 2, tue: 2, tues: 2,
  woensdag: 3, wo: 3, wednesday: 3, wed: 3,
  donderdag: 4, do: 4, thursday: 4, thu: 4, thur: 4, thurs: 4,
  vrijdag: 5, vr: 5, friday: 5, fri: 5,
  zaterdag: 6, za: 6, saturday: 6, sat: 6,
};
const DAY_NAMES = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** A cron expression for what was typed, or undefined when it is neither a day-and-time nor valid cron. */
export function parseSchedule(typed: string, timeZone: string): string | undefined {
  const words = fold(typed.trim()).replace(/[,]/g, ' ').split(/\s+/).filter(Boolean);
  const dayWord = words.find((w) => w in DAYS);
  if (dayWord !== undefined) {
    const time = words.map((w) => /^(\d{1,2})(?:[:.](\d{2}))?(?:u|uur|h|am|pm)?$/.exec(w)).find(Boolean);
    const rest = words.filter((w) => w !== dayWord && !/^\d/.test(w) && !['om', 'at', 'elke', 'iedere', 'every', 'uur', 'op', 'on'].includes(w));
    if (rest.length) return undefined;
    let hour = time ? Number(time[1]) : 9;
    const minute = time?.[2] ? Number(time[2]) : 0;
    if (time && /pm$/.test(time[0]) && hour < 12) hour += 12;
    if (hour > 23 || minute > 59) return undefined;
    return `${minute} ${hour} * * ${DAYS[dayWord]}`;
  }
  const expression = typed.trim().replace(/\s+/g, ' ');
  return isValidCron(expression, timeZone) ? expression : undefined;
}

/** "maandag 09:00" for the simple weekly form, else the cron expression itself. */
export function describeSchedule(schedule: string, lang: 'nl' | 'en'): string {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* ([0-6])$/.exec(schedule);
  if (!m) return `\`${schedule}\``;
  return `${DAY_NAMES[lang][Number(m[3])]} ${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}`;
}

export function nextRun(schedule: string, timeZone: string, now: Date): Date | undefined {
  return nextCronRun(schedule, timeZone, now);
}

/**
 * A pause end date ("6 januari", "2027-01-06", "3-1"): the local day as "YYYY-MM-DD", or undefined.
 * Not forward: "6 januari" typed in February means the past one, which the caller refuses.
 */
export function parseLocalDate(typed: string, now: Date, timeZone: string): string | undefined {
  return readDate(typed, now, timeZone, { forward: false, deadline: false });
}

export { localDate, startOfLocalDay };
