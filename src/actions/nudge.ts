/**
 * The weekly progress nudge: wins first, then one small next step per open action, stuck actions
 * with an invitation to think along, one pair asking each other how it goes, and the group's
 * streak. Encouraging, never a ranking. Composing is pure reading; sending is in scheduler.ts.
 */
import { z } from 'zod';
import { button, buttons, card, cardMessage, divider, fold, input, mention, text, type CardElement, type Mention, type OutgoingMessage, type Services, type Translate, endOfWeek, formatDate, localDate } from '../core/index.ts';
import { defineKind } from '../store/index.ts';
import type { Member, Network } from '../core/index.ts';
import { actions, OPEN, type Action } from './model.ts';
import { choosePair, emptyHistory, type PairHistory } from './pairs.ts';

export const NudgeStateSchema = z.object({
  lastNudgeAt: z.string().optional(),
  lastWeek: z.string().optional(),
  streak: z.number().int().default(0),
  pairs: z
    .object({
      last: z.tuple([z.string(), z.string()]).optional(),
      pairs: z.record(z.string(), z.number()),
      people: z.record(z.string(), z.number()),
    })
    .default(emptyHistory()),
  failures: z.array(z.object({ at: z.string(), target: z.string(), error: z.string() })).default([]),
});
export type NudgeState = z.infer<typeof NudgeStateSchema>;

/** The nudge state of a network (kind "delivery", the name it has always had in the database). */
export const NUDGE_STATE_KIND = defineKind('delivery', { owner: 'actions', partition: 'network', about: 'weekly nudge state: last nudge, streak, pairs, delivery failures' });

export function nudgeStates(services: Services) {
  return services.store.collection(NUDGE_STATE_KIND, NudgeStateSchema);
}

export const STATE_ID = 'nudge';

export async function readState(services: Services, networkId: string): Promise<NudgeState> {
  return (await nudgeStates(services).get(networkId, STATE_ID))?.data ?? NudgeStateSchema.parse({});
}

export interface Reminder {
  member: Member;
  message: OutgoingMessage;
}

export interface ComposedNudge {
  channel: OutgoingMessage;
  reminders: Reminder[];
  pair?: [string, string];
  hadProgress: boolean;
  streak: number;
}

/** Everything one nudge would send now, without sending or changing anything. */
export async function composeNudge(services: Services, network: Network, now: Date): Promise<ComposedNudge> {
  const t = services.catalog.translator(network.language);
  const state = await readState(services, network.id);
  const since = state.lastNudgeAt ?? new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const all = (await actions(services).list({ pk: network.id })).map((d) => d.data).sort((a, b) => a.number - b.number);
  const members = new Map((await services.store.members.list({ pk: network.id })).map((d) => [d.data.userId, d.data]));
  // One person, one name: the member record's, as a real mention when the owner is a member.
  const mentioned = new Map<string, Mention>();
  const who = (a: Action): string => {
    const member = a.ownerId ? members.get(a.ownerId) : undefined;
    if (!member) return a.ownerName;
    mentioned.set(member.userId, { id: member.userId, name: member.name });
    return mention({ id: member.userId, name: member.name });
  };

  const wins = winLines(all, since, t, who);
  const hadProgress = wins.length > 0;
  const streak = hadProgress ? state.streak + 1 : 0;
  const lines: string[] = [`**${t('actions.nudge.title', { network: network.name })}**`, ''];
  if (hadProgress) lines.push(t('actions.nudge.wins'), ...wins);
  else lines.push(t('actions.nudge.no_wins'));

  const open = all.filter((a) => a.status === 'open' || a.status === 'in_progress');
  if (open.length) {
    lines.push('', t('actions.nudge.open'));
    for (const list of groupByOwner(open).values()) {
      lines.push(`**${who(list[0])}**`);
      for (const a of list) lines.push(`- #${a.number} ${a.title}${dueText(a, network, t)}: ${t('actions.nudge.next_step')}`);
    }
  }
  const stuck = all.filter((a) => a.status === 'stuck');
  if (stuck.length) {
    lines.push('', t('actions.nudge.stuck'));
    for (const a of stuck) {
      const blocker = [...a.notes].reverse().find((n) => n.kind === 'stuck')?.text;
      lines.push(`- #${a.number} ${a.title} (${who(a)})${blocker ? `: ${blocker}` : ''}`);
    }
    lines.push(t('actions.nudge.think_along'));
  }
  const candidates = [...new Set(all.filter((a) => OPEN.includes(a.status) && a.ownerId && members.has(a.ownerId)).map((a) => a.ownerId!))];
  const pair = choosePair(candidates, state.pairs as PairHistory);
  if (pair) {
    const [first, second] = pair.map((id) => ({ id, name: members.get(id)!.name }));
    for (const p of [first, second]) mentioned.set(p.id, p);
    lines.push('', t('actions.nudge.pair', { a: mention(first), b: mention(second) }));
  }
  if (streak > 0) lines.push('', t(streak === 1 ? 'actions.nudge.streak_one' : 'actions.nudge.streak', { weeks: streak }));
  lines.push('', `_${t('actions.nudge.footer', { bot: services.config.botName })}_`);

  const reminders = dueReminders(services, network, all, members, now);
  const channel: OutgoingMessage = { text: lines.join('\n'), ...(mentioned.size ? { mentions: [...mentioned.values()] } : {}) };
  return { channel, reminders, pair, hadProgress, streak };
}

function winLines(all: Action[], since: string, t: Translate, who: (a: Action) => string): string[] {
  const lines: string[] = [];
  for (const a of all) {
    if (a.status === 'done' && a.doneAt && a.doneAt > since) {
      lines.push(`- 🎉 ${t('actions.nudge.win_done', { owner: who(a), number: a.number, title: a.title })}`);
      continue;
    }
    const notes = a.notes.filter((n) => n.kind === 'progress' && n.at > since);
    if (notes.length) {
      const last = notes[notes.length - 1];
      lines.push(`- 🌱 ${t('actions.nudge.win_progress', { owner: who(a), number: a.number, title: a.title })}${last.text ? `: ${last.text}` : ''}`);
    }
  }
  return lines;
}

/** Actions per owner: by member id when there is one, so one person is one group. */
function groupByOwner(list: Action[]): Map<string, Action[]> {
  const groups = new Map<string, Action[]>();
  for (const a of list) {
    const key = a.ownerId ? `id:${a.ownerId}` : `name:${fold(a.ownerName)}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return groups;
}

function dueText(a: Action, network: Network, t: Translate): string {
  return a.due ? ` (${t('actions.due_short', { date: formatDate(a.due, network.language) })})` : '';
}

/** One short DM per owner whose actions are due this week or overdue (not for opted-out members). */
function dueReminders(services: Services, network: Network, all: Action[], members: Map<string, Member>, now: Date): Reminder[] {
  const weekEnd = endOfWeek(localDate(now, network.timeZone));
  const due = all.filter((a) => OPEN.includes(a.status) && a.due && a.due <= weekEnd && a.ownerId);
  const byOwner = new Map<string, Action[]>();
  for (const a of due) byOwner.set(a.ownerId!, [...(byOwner.get(a.ownerId!) ?? []), a]);
  const reminders: Reminder[] = [];
  for (const [ownerId, list] of byOwner) {
    const member = members.get(ownerId);
    // `stil tot <datum>`: quiet until that day, from which reminders come back (as a pause ends).
    if (!member || (member.quiet && (!member.quietUntil || member.quietUntil > localDate(now, network.timeZone)))) continue;
    reminders.push({ member, message: reminderMessage(services, network, list) });
  }
  return reminders;
}

/** The DM card with the owner's due actions and buttons to update each. */
export function reminderMessage(services: Services, network: Network, list: Action[]): OutgoingMessage {
  const t = services.catalog.translator(network.language);
  const elements: CardElement[] = [text(t('actions.reminder.intro', { network: network.name }))];
  for (const a of list) {
    elements.push(divider());
    const status = t(`actions.status.${a.status}`);
    elements.push(text(`**#${a.number} ${a.title}**${dueText(a, network, t)} · ${status}`));
    if (OPEN.includes(a.status)) elements.push(buttons(...statusButtons(t, network.id, a.number, true)));
  }
  elements.push(input('note', t('actions.input.note'), { multiline: true }), input('date', t('actions.input.date'), { kind: 'date' }));
  return cardMessage(card({ title: t('actions.reminder.title') }, ...elements));
}

/** Done / progress / stuck / later buttons for one action. */
export function statusButtons(t: Translate, networkId: string, number: number, dm = false) {
  const value = { network: networkId, n: number, ...(dm ? { dm: true } : {}) };
  return [
    button(t('actions.button.done'), 'actions.done', value, 'primary'),
    button(t('actions.button.progress'), 'actions.progress', value),
    button(t('actions.button.stuck'), 'actions.stuck', value),
    button(t('actions.button.later'), 'actions.later', value),
  ];
}
