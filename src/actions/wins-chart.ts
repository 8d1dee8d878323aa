/**
 * The small chart in the weekly nudge: the network's wins (actions done) in each of the last
 * eight weeks, the group's total only. Shown once the network has three weeks of history and at
 * least one win to show, unless a facilitator turned pictures off (`netwerk plaatjes uit`).
 */
import { addDays, endOfWeek, isoWeekKey, localDate, type Network, type Picture, type Translate } from '../core/index.ts';
import { winsChartPicture } from '../pictures/index.ts';
import type { Action } from './model.ts';

const WEEKS = 8;
const HISTORY_DAYS = 21;

export async function winsPicture(t: Translate, network: Network, actions: readonly Action[], now: Date): Promise<Picture | undefined> {
  if (network.pictures === false) return undefined;
  const today = localDate(now, network.timeZone);
  if (addDays(localDate(new Date(network.createdAt), network.timeZone), HISTORY_DAYS) > today) return undefined;
  // Eight weeks by the network's local calendar, up to the week of yesterday: on a Monday that is
  // the week just ended (a Monday-morning bar would always be empty).
  const lastSunday = endOfWeek(addDays(today, -1));
  const weeks = Array.from({ length: WEEKS }, (_, i) => isoWeekKey(addDays(lastSunday, -7 * (WEEKS - 1 - i))));
  const wins = new Map(weeks.map((w) => [w, 0]));
  for (const a of actions) {
    if (!a.doneAt) continue;
    const week = isoWeekKey(localDate(new Date(a.doneAt), network.timeZone));
    if (wins.has(week)) wins.set(week, wins.get(week)! + 1);
  }
  if ([...wins.values()].every((n) => n === 0)) return undefined;
  const data = weeks.map((w) => ({ label: t('actions.nudge.chart_week', { week: Number(w.slice(-2)) }), wins: wins.get(w)! }));
  return winsChartPicture(data, t('actions.nudge.chart_title', { name: network.name }), `gelukt-${weeks.at(-1)}.png`);
}
