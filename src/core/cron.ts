/**
 * The one cron helper: every schedule (the weekly nudge, a network's calendar, the settings'
 * "next") is computed here with croner, in the network's IANA time zone, so a slot at 09:00 stays
 * at 09:00 local time across the daylight-saving changes.
 */
import { Cron } from 'croner';

/** A paused (never firing) schedule to read runs from, or undefined when the expression or zone is not valid. */
export function parseCron(expression: string, timeZone: string): Cron | undefined {
  try {
    // croner checks the zone only when it computes a run: an unknown zone is refused here, once.
    new Intl.DateTimeFormat('en', { timeZone });
    return new Cron(expression, { timezone: timeZone, paused: true });
  } catch {
    return undefined;
  }
}

/** The first run strictly after `after` (default: now), or undefined when there is none or the schedule is not valid. */
export function nextCronRun(expression: string, timeZone: string, after?: Date): Date | undefined {
  try {
    return parseCron(expression, timeZone)?.nextRun(after) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Up to `count` runs strictly after `after`. */
export function cronRuns(expression: string, timeZone: string, after: Date, count: number): Date[] {
  try {
    return parseCron(expression, timeZone)?.nextRuns(count, after) ?? [];
  } catch {
    return [];
  }
}

/** Whether a five-field expression is a schedule that will run (in this zone). */
export function isValidCron(expression: string, timeZone: string): boolean {
  return expression.trim().split(/\s+/).length === 5 && nextCronRun(expression, timeZone) !== undefined;
}
