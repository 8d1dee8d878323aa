/**
 * The actions feature's side of the web console (`services.ports.consoleActions`): the action
 * list, the progress chart's weeks, a change with the same rules as in chat, the CSV export and
 * the next nudge's preview. One partition query per call (pk = network id), no cross-partition scan.
 */
import { type ChatUser, type ConsoleActionChange, type ConsoleActionsPort, type ConsoleProgressWeek, type ConsoleResult, type Services, addDays, endOfWeek, localDate, offsetMinutes, startOfLocalDay } from '../core/index.ts';
import type { Network } from '../core/index.ts';
import { toCsv } from './csv.ts';
import { changeAction, readDate, resolveOwner, type Change } from './log.ts';
import { actions, type Action, type Status } from './model.ts';
import { composeNudge } from './nudge.ts';
import { actionCard } from './render.ts';

export function consoleActionsPort(services: Services): ConsoleActionsPort {
  const network = async (id: string): Promise<Network | undefined> => (await services.store.networks.get(id, id))?.data;
  // The feature's own records, written through ActionSchema: read raw here, since parsing 2,000
  // records again on every page view costs more than the page itself (bench/console-web.bench.ts).
  const all = async (id: string): Promise<Action[]> => (await services.store.docs.query<Action>('action', { pk: id })).map((d) => ({ ...d.data, notes: d.data.notes ?? [], history: d.data.history ?? [] }));
  return {
    async list(id) {
      return (await all(id))
        .sort((a, b) => a.number - b.number)
        .map((a) => ({ number: a.number, title: a.title, ownerId: a.ownerId, ownerName: a.ownerName, due: a.due, status: a.status, lastNote: a.notes[a.notes.length - 1]?.text, updatedAt: a.updatedAt }));
    },
    async progress(id, now, count) {
      const net = await network(id);
      const zone = net?.timeZone ?? services.config.timeZone;
      const weeks = progressWeeks(await all(id), now, count, zone);
      return { weeks, streak: streakOf(weeks) };
    },
    async change(id, number, change, by) {
      const net = await network(id);
      if (!net || net.status === 'stopped') return { ok: false, key: 'actions.network_stopped' };
      return applyChange(services, net, number, change, by);
    },
    async csv(id) {
      const net = await network(id);
      if (!net) return '';
      const t = services.catalog.translator(net.language);
      const words = new Map<string, string>();
      const status = (s: string) => words.get(s) ?? (words.set(s, t(`actions.status.${s}`)), words.get(s)!);
      const rows = (await all(id))
        .sort((a, b) => a.number - b.number)
        .map((a) => [a.number, a.title, a.ownerName, status(a.status), a.due, dayIn(a.createdAt, net.timeZone), dayIn(a.updatedAt, net.timeZone), a.notes[a.notes.length - 1]?.text]);
      const header = ['number', 'title', 'owner', 'status', 'due', 'created', 'updated', 'last_note'].map((c) => t(`actions.csv.${c}`));
      return toCsv([header, ...rows], { separator: ';', bom: true, newline: '\r\n' });
    },
    async nudgePreview(id, now) {
      const net = await network(id);
      if (!net || net.status === 'stopped') return undefined;
      const composed = await composeNudge(services, net, now);
      return { text: composed.channel.text ?? '', reminders: composed.reminders.length };
    },
  };
}

/**
 * The form's fields as chat changes: reopen first (a finished action takes no other change), then
 * owner and date, then the new status or a note. Each one passes the chat's rules in changeAction.
 */
async function toChanges(services: Services, network: Network, current: Action, change: ConsoleActionChange, by: ChatUser): Promise<Change[] | ConsoleResult> {
  const changes: Change[] = [];
  const note = (change.note ?? '').trim();
  const status = change.status && change.status !== current.status ? change.status : undefined;
  if (status && (current.status === 'done' || current.status === 'dropped')) changes.push({ kind: 'reopen' });
  const owner = (change.owner ?? '').trim();
  if (owner && owner !== current.ownerName && owner !== current.ownerId) changes.push({ kind: 'owner', owner: await resolveOwner(services, network.id, owner, by) });
  const due = (change.due ?? '').trim();
  if (due && due !== current.due) {
    const date = readDate(services, network, due);
    if (!date) return { ok: false, key: 'actions.later_unreadable', vars: { text: due, number: current.number } };
    changes.push({ kind: 'later', date });
  }
  // A note goes before the new status: a done or dropped action takes no note any more.
  if (note && status !== 'stuck') changes.push({ kind: !status && current.status === 'stuck' ? 'stuck' : 'progress', note });
  if (status === 'done' || status === 'in_progress') changes.push({ kind: 'status', status });
  else if (status === 'stuck') changes.push({ kind: 'stuck', note });
  else if (status === 'dropped') changes.push({ kind: 'drop' });
  return changes;
}

async function applyChange(services: Services, network: Network, number: number, change: ConsoleActionChange, by: ChatUser): Promise<ConsoleResult> {
  const current = (await actions(services).get(network.id, String(number)))?.data;
  if (!current) return { ok: false, key: 'actions.error.unknown_number', vars: { number } };
  const changes = await toChanges(services, network, current, change, by);
  if (!Array.isArray(changes)) return changes;
  let last: Action | undefined;
  for (const c of changes) {
    const result = await changeAction(services, network, number, c, by);
    if (!result.ok) return { ok: false, key: result.key, vars: { bot: services.config.botName, ...result.vars } };
    last = result.action;
  }
  // The channel's card follows, so the change is visible in chat where the action was posted.
  if (last?.messageId) {
    const ref = await services.messenger.conversation(network.platform, network.tenantId, network.channelId);
    if (ref) await services.messenger.update(ref, last.messageId, actionCard(services.catalog.translator(network.language), network, last)).catch(() => undefined);
  }
  return { ok: true };
}

/** The status an action had at an instant, replayed from its history (no per-week snapshots needed). */
export function statusAt(a: Action, at: string): Status | undefined {
  if (a.createdAt >= at) return undefined;
  let status: Status = 'open';
  for (const h of a.history) {
    if (h.at >= at) break;
    status = replay(status, h.event);
  }
  return status;
}

/**
 * Weeks Monday–Sunday in the network's zone, the last one containing `now`. One pass over each
 * action's history: its status at every week's end, its win, and who moved it in which week.
 */
export function progressWeeks(all: Action[], now: Date, count: number, zone: string): ConsoleProgressWeek[] {
  const lastSunday = endOfWeek(localDate(now, zone));
  const mondays = Array.from({ length: count }, (_, i) => addDays(lastSunday, -6 - 7 * (count - 1 - i)));
  const starts = [...mondays, addDays(mondays[count - 1], 7)].map((d) => localStartIso(d, zone));
  const nowIso = now.toISOString();
  const cuts = starts.slice(1).map((end) => (end < nowIso ? end : nowIso));
  const weekOf = (at: string): number => {
    if (at < starts[0] || at >= starts[count]) return -1;
    let i = count - 1;
    while (at < starts[i]) i--;
    return i;
  };
  const weeks = mondays.map((week) => ({ week, wins: 0, open: 0, stuck: 0, movers: new Set<string>() }));
  for (const a of all) {
    if (a.doneAt && a.status === 'done') {
      const w = weekOf(a.doneAt);
      if (w >= 0) weeks[w].wins++;
    }
    let status: Status | undefined;
    let h = 0;
    for (let w = 0; w < count; w++) {
      const cut = cuts[w];
      if (a.createdAt >= cut) continue;
      status ??= 'open';
      for (; h < a.history.length && a.history[h].at < cut; h++) status = replay(status, a.history[h].event);
      if (status === 'open' || status === 'in_progress') weeks[w].open++;
      else if (status === 'stuck') weeks[w].stuck++;
    }
    for (const event of a.history) {
      const w = weekOf(event.at);
      if (w >= 0) weeks[w].movers.add(event.by);
    }
  }
  return weeks.map((w) => ({ week: w.week, wins: w.wins, open: w.open, stuck: w.stuck, movers: w.movers.size }));
}

/**
 * The group's streak: weeks in a row with at least one action done, up to last week (and this
 * week once it has a win, so a week in progress does not break it).
 */
export function streakOf(weeks: ConsoleProgressWeek[]): number {
  let streak = weeks[weeks.length - 1]?.wins ? 1 : 0;
  for (let i = weeks.length - 2; i >= 0 && weeks[i].wins > 0; i--) streak++;
  return streak;
}

/** The status after one history event (the events changeAction writes). */
function replay(status: Status, event: string): Status {
  if (event === 'done') return 'done';
  if (event === 'in_progress' || event === 'progress') return 'in_progress';
  if (event === 'stuck') return 'stuck';
  if (event === 'dropped') return 'dropped';
  if (event === 'reopened') return 'open';
  if (event === 'due' && status === 'stuck') return 'in_progress';
  return status;
}

function localStartIso(date: string, zone: string): string {
  return startOfLocalDay(date, zone).toISOString();
}

/**
 * The local day of an ISO instant, for thousands of rows: the zone's offset is looked up once per
 * UTC hour (offsets change only on the hour), not formatted per row.
 */
const hourOffsets = new Map<string, number>();
export function dayIn(iso: string, zone: string): string {
  const key = `${zone}|${iso.slice(0, 13)}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    offset = offsetMinutes(new Date(`${iso.slice(0, 13)}:00:00Z`), zone);
    if (hourOffsets.size > 50_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return new Date(Date.parse(iso) + offset * 60_000).toISOString().slice(0, 10);
}
