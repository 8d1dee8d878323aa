/**
 * The network's calendar: when a weekly nudge is really sent. A slot on a Dutch public holiday
 * moves to the next working day (same local time); a slot in a week the network skips (summer)
 * or while it is paused is not sent. Holidays come from `date-holidays` (kept up to date by its
 * maintainers, incl. Koningsdag on the 26th when the 27th is a Sunday), only its `public` type:
 * observances such as Dodenherdenking and the school-only Bevrijdingsdag are working days.
 * Shared by the scheduler (actions) and the preview (networks), so both say the same thing.
 */
import type { Cron } from 'croner';
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { Network } from './records.ts';
import type { Lang } from './i18n.ts';
import { parseCron } from './cron.ts';
import { addDays, localDate, localInstant, localParts } from './time-zone.ts';

export interface SkipWeeks {
  /** First local day skipped, "YYYY-MM-DD". */
  from: string;
  /** Last local day skipped (inclusive). */
  to: string;
}


/** Why a slot was not sent as scheduled. */
export type SlotReason =
  | { kind: 'holiday'; date: string; name: string }
  | { kind: 'skip'; from: string; to: string }
  | { kind: 'paused'; until?: string };

export interface PlannedSlot {
  /** The slot of the schedule (cron), which also names the week. */
  slot: Date;
  /** When it is sent: the slot, or the next working day after a holiday. Absent when skipped. */
  at?: Date;
  /** Holidays it moved past (in order). */
  moved: { date: string; name: string }[];
  /** Why nothing is sent for this slot. */
  skipped?: SlotReason;
}

/** Dutch holiday data is read once per language, and each year's public holidays once (the scheduler asks every tick). */
const calendars = new Map<Lang, Holidays>();
const years = new Map<string, Map<string, string>>();

/** date-holidays (its data and moment-timezone), loaded at the first holiday asked for, not at every start. */
let holidaysModule: typeof Holidays | undefined;
const holidaysClass = (): typeof Holidays => (holidaysModule ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays);

function holidaysOf(year: number, lang: Lang): Map<string, string> {
  const key = `${lang}:${year}`;
  let found = years.get(key);
  if (!found) {
    let hd = calendars.get(lang);
    if (!hd) {
      hd = new (holidaysClass())('NL', { languages: [lang], types: ['public'] });
      calendars.set(lang, hd);
    }
    found = new Map(hd.getHolidays(year, lang).filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
    years.set(key, found);
  }
  return found;
}

/** The name of the Dutch public holiday on a local date ("Tweede paasdag"), or undefined. */
export function publicHoliday(date: string, lang: Lang = 'nl'): string | undefined {
  return holidaysOf(Number(date.slice(0, 4)), lang).get(date);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}


/** Whether a local date lies in one of the network's skipped periods; the period if so. */
export function skipPeriod(network: Pick<Network, 'skipWeeks'>, date: string): SkipWeeks | undefined {
  return (network.skipWeeks ?? []).find((p) => p.from <= date && date <= p.to);
}

/** What happens to one slot of the schedule: sent as is, moved past holidays, or skipped. */
export function planSlot(network: Network, slot: Date, lang: Lang = network.language): PlannedSlot {
  const zone = network.timeZone;
  const original = localDate(slot, zone);
  const moved: { date: string; name: string }[] = [];
  let date = original;
  for (let name = publicHoliday(date, lang); name && moved.length < 7; name = publicHoliday(date, lang)) {
    moved.push({ date, name });
    // The next working day: not a weekend day (unless the schedule itself is on one), not a holiday.
    do date = addDays(date, 1);
    while (weekday(date) > 5 && weekday(original) <= 5);
  }
  const period = skipPeriod(network, original) ?? skipPeriod(network, date);
  if (period) return { slot, moved, skipped: { kind: 'skip', from: period.from, to: period.to } };
  const { hour, minute } = localParts(slot, zone);
  const at = moved.length ? localInstant(date, hour, minute, zone) : slot;
  if (network.status === 'paused' && (!network.pausedUntil || at.toISOString() < network.pausedUntil)) {
    return { slot, moved, skipped: { kind: 'paused', until: network.pausedUntil } };
  }
  return { slot, at, moved };
}

function cronOf(network: Network): Cron | undefined {
  return parseCron(network.schedule, network.timeZone);
}

/** The schedule's slots from `now` on (at most `count`), each planned. */
export function upcomingSlots(network: Network, now: Date, count: number, lang: Lang = network.language): PlannedSlot[] {
  if (network.status === 'stopped') return [];
  const cron = cronOf(network);
  if (!cron) return [];
  // A slot a few days back may have moved past a holiday to a moment still ahead.
  const back = cron.previousRuns(2, now).reverse();
  const ahead = cron.nextRuns(count, now);
  return [...back, ...ahead].map((slot) => planSlot(network, slot, lang)).filter((p) => (p.at ?? p.slot).getTime() > now.getTime()).slice(0, count);
}

/**
 * The next nudge: the first upcoming slot that is sent, and the slots before it that are not
 * (skipped or paused) or that moved, so the preview can say why. Looks a year ahead at most.
 */
export function nextNudge(network: Network, now: Date, lang: Lang = network.language): { next?: PlannedSlot; passed: PlannedSlot[] } {
  const planned = upcomingSlots(network, now, 60, lang);
  const index = planned.findIndex((p) => p.at && p.at.getTime() > now.getTime());
  if (index < 0) return { passed: planned.filter((p) => p.skipped).slice(0, 1) };
  return { next: planned[index], passed: planned.slice(0, index).filter((p) => p.skipped) };
}

/**
 * The slot whose nudge is due now: the latest slot (of the last two, for a moved one) whose send
 * moment has come, within the catch-up window; undefined when none is due.
 */
export function dueNudge(network: Network, now: Date, catchUpHours: number): PlannedSlot | undefined {
  if (network.status === 'stopped') return undefined;
  const cron = cronOf(network);
  if (!cron) return undefined;
  // previousRuns excludes a run at exactly the reference time; look one second ahead.
  const slots = cron.previousRuns(2, new Date(now.getTime() + 1000));
  for (const slot of slots) {
    const plan = planSlot(network, slot);
    if (!plan.at || plan.at.getTime() > now.getTime()) continue;
    if (now.getTime() - plan.at.getTime() > catchUpHours * 3_600_000) return undefined;
    if (slot.toISOString() < network.createdAt) return undefined;
    // A schedule set (or a network resumed) at 11:00 for "today 10:00" waits for next week.
    if (network.scheduleSince && plan.at.toISOString() < network.scheduleSince) return undefined;
    return plan;
  }
  return undefined;
}
