/**
 * The weekly progress nudge: wins first, then one small next step per open action, stuck actions
 * with an invitation to think along, one pair asking each other how it goes, and the group's
 * streak. Encouraging, never a ranking. Composing is pure reading; sending is in scheduler.ts.
 */
import { z } from 'zod';
import { button, buttons, card, cardMessage, divider, input, text, type CardElement, type OpenNetworkQuestion, type OutgoingMessage, type Services, type Translate, endOfWeek, formatDate, localDate } from '../core/index.ts';
import { defineKind } from '../store/index.ts';
import type { Member, Network } from '../core/index.ts';
import { actions, OPEN, type Action } from './model.ts';
import { nudgeCard, type NudgeFrame, type NudgeInput } from './nudge-card.ts';
import { choosePair, emptyHistory, type PairHistory } from './pairs.ts';
import { winsPicture } from './wins-chart.ts';

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
  /** The last nudge's delivery failures, shown to facilitators (settings) until a nudge goes through. */
  deliveryIssue: z.object({ at: z.string(), target: z.string(), error: z.string(), count: z.number().int() }).optional(),
  /** The last nudge card in the channel, so updates given on it change it in place. */
  card: z
    .object({ messageId: z.string().optional(), since: z.string(), sentAt: z.string(), pair: z.tuple([z.string(), z.string()]).optional(), streak: z.number().int() })
    .optional(),
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
  frame: NudgeFrame;
}

/** Everything one nudge would send now, without sending or changing anything. */
export async function composeNudge(services: Services, network: Network, now: Date): Promise<ComposedNudge> {
  const state = await readState(services, network.id);
  const since = state.lastNudgeAt ?? new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const input = await nudgeInput(services, network);
  const hadProgress = input.actions.some((a) => (a.doneAt && a.doneAt > since) || a.history.some((h) => h.at > since && (h.event === 'progress' || h.event === 'in_progress')));
  const streak = hadProgress ? state.streak + 1 : 0;
  const candidates = [...new Set(input.actions.filter((a) => OPEN.includes(a.status) && a.ownerId && input.members.has(a.ownerId)).map((a) => a.ownerId!))];
  const pair = choosePair(candidates, state.pairs as PairHistory);
  const frame: NudgeFrame = { since, sentAt: now.toISOString(), pair, streak };
  const reminders = dueReminders(services, network, input.actions, input.members, now);
  const picture = await winsPicture(input.t, network, input.actions, now);
  return { channel: { ...nudgeCard(input, frame), ...(picture ? { picture } : {}) }, reminders, pair, hadProgress, streak, frame };
}

/** What a nudge card is made of: the network's actions, members and open questions (when the peers feature offers them). */
export async function nudgeInput(services: Services, network: Network): Promise<NudgeInput> {
  const all = (await actions(services).list({ pk: network.id })).map((d) => d.data).sort((a, b) => a.number - b.number);
  const members = new Map((await services.store.members.list({ pk: network.id })).map((d) => [d.data.userId, d.data]));
  let questions: OpenNetworkQuestion[] = [];
  try {
    questions = (await services.ports.networkQuestions?.openQuestions(network.id)) ?? [];
  } catch (err) {
    // The questions are a bonus: without them the nudge still goes out.
    services.log.warn({ network: network.id, err: { message: (err as Error).message } }, 'open network questions unavailable');
  }
  return { network, t: services.catalog.translator(network.language), bot: services.config.botName, actions: all, members, questions };
}

/** This week's card again, with the actions as they are now (after a button or an update). */
export async function currentNudgeCard(services: Services, network: Network): Promise<{ messageId: string; message: OutgoingMessage } | undefined> {
  const state = await readState(services, network.id);
  if (!state.card?.messageId) return undefined;
  return { messageId: state.card.messageId, message: nudgeCard(await nudgeInput(services, network), state.card) };
}

function dueText(a: Action, network: Network, t: Translate): string {
  return a.due ? ` (${t('actions.due_short', { date: formatDate(a.due, network.language, a.updatedAt.slice(0, 10)) })})` : '';
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
