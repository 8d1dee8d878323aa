/**
 * The weekly nudge as a card, in the order of the progress principle: wins first (small ones
 * too), then one small next step per open action with buttons for its owner, the actions that are
 * stuck with an invitation to think along, the pair who ask each other, and the network's open
 * questions. Never a ranking: people appear by their actions, grouped, in number order.
 * Pure: the same frame and records give the same card, so a card updated in place after a button
 * press is the same card with the new state.
 */
import { button, buttons, card, cardMessage, context, divider, fold, mention, text, type CardElement, type Mention, type Member, type Network, type OpenNetworkQuestion, type OutgoingMessage, type Translate, formatDate, localDate } from '../core/index.ts';
import { OPEN, type Action } from './model.ts';

/** What stays fixed for one week's card: the window its wins are counted from, its pair and streak. */
export interface NudgeFrame {
  /** ISO instant: progress after this counts as this week's win. */
  since: string;
  /** ISO instant the card was sent (or composed): what owners say after it shows on the card. */
  sentAt: string;
  pair?: [string, string];
  streak: number;
}

export interface NudgeInput {
  network: Network;
  t: Translate;
  bot: string;
  actions: Action[];
  members: Map<string, Member>;
  questions: OpenNetworkQuestion[];
}

/** Open actions shown with buttons; more would make the card too long (Slack allows 50 blocks). */
export const MAX_WITH_BUTTONS = 8;
const MAX_STUCK_BUTTONS = 3;
const MAX_QUESTIONS = 5;

/** The value every button of the nudge card carries: which action, and that it sits on the nudge. */
export function nudgeValue(network: Network, number: number) {
  return { network: network.id, n: number, nudge: true };
}

export function nudgeCard(input: NudgeInput, frame: NudgeFrame): OutgoingMessage {
  const { network, t } = input;
  const mentioned = new Map<string, Mention>();
  const who = (a: Action): string => {
    const member = a.ownerId ? input.members.get(a.ownerId) : undefined;
    if (!member) return a.ownerName;
    mentioned.set(member.userId, { id: member.userId, name: member.name });
    return mention({ id: member.userId, name: member.name });
  };
  const all = [...input.actions].sort((a, b) => a.number - b.number);
  const elements: CardElement[] = [];

  const wins = winLines(all, frame.since, t, who);
  if (wins.lines.length) {
    const lines = [t('actions.nudge.wins'), ...wins.lines];
    if (!wins.done) lines.push(t('actions.nudge.small_wins'));
    elements.push(text(lines.join('\n')));
  } else elements.push(text(t('actions.nudge.no_wins')));

  // Lines are gathered and written as one text until a row of buttons follows, so a long week
  // stays within the platforms' limits (Slack: 50 blocks) with every action still listed.
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) elements.push(text(buffer.join('\n')));
    buffer = [];
  };

  const open = all.filter((a) => a.status === 'open' || a.status === 'in_progress');
  if (open.length) {
    elements.push(divider());
    buffer.push(t('actions.nudge.open'));
    let shown = 0;
    for (const list of groupByOwner(open).values()) {
      buffer.push(`**${who(list[0])}**`);
      for (const a of list) {
        const withButtons = shown++ < MAX_WITH_BUTTONS;
        buffer.push(openLine(a, input, frame.sentAt, withButtons));
        if (withButtons) {
          flush();
          elements.push(buttons(...ownerButtons(t, network, a.number)));
        }
      }
    }
    flush();
    if (open.length > MAX_WITH_BUTTONS) elements.push(context(t('actions.nudge.more', { count: open.length - MAX_WITH_BUTTONS, bot: input.bot })));
  }

  const stuck = all.filter((a) => a.status === 'stuck');
  if (stuck.length) {
    elements.push(divider());
    buffer.push(t('actions.nudge.stuck'));
    stuck.forEach((a, i) => {
      const blocker = [...a.notes].reverse().find((n) => n.kind === 'stuck')?.text;
      buffer.push(`- #${a.number} ${a.title} (${who(a)})${blocker ? `: ${blocker}` : ''}`);
      if (i < MAX_STUCK_BUTTONS) {
        flush();
        elements.push(buttons(button(t('actions.nudge.button.think'), 'actions.think', { network: network.id, n: a.number })));
      }
    });
    buffer.push(t('actions.nudge.think_along'));
    flush();
  }

  if (frame.pair && frame.pair.every((id) => input.members.has(id))) {
    const [first, second] = frame.pair.map((id) => ({ id, name: input.members.get(id)!.name }));
    for (const p of [first, second]) mentioned.set(p.id, p);
    elements.push(divider(), text(t('actions.nudge.pair', { a: mention(first), b: mention(second) })));
  }

  const questions = input.questions.slice(0, MAX_QUESTIONS);
  if (questions.length) {
    const lines = [t('actions.nudge.questions', { count: input.questions.length })];
    for (const q of questions) lines.push(`- ❓ ${q.text} (${formatDate(q.askedAt.slice(0, 10), network.language)})`);
    elements.push(divider(), text(lines.join('\n')), context(t('actions.nudge.questions_hint', { bot: input.bot })));
  }

  if (frame.streak > 0) elements.push(text(t(frame.streak === 1 ? 'actions.nudge.streak_one' : 'actions.nudge.streak', { weeks: frame.streak })));
  elements.push(context(t('actions.nudge.footer', { bot: input.bot })));

  const message = cardMessage(card({ title: t('actions.nudge.title', { network: network.name }) }, ...elements));
  return mentioned.size ? { ...message, mentions: [...mentioned.values()] } : message;
}

/** "Klaar", "Loopt", "Vast" and "Mijn update": for the owner only (checked when pressed). */
export function ownerButtons(t: Translate, network: Network, number: number) {
  const value = nudgeValue(network, number);
  return [
    button(t('actions.nudge.button.done'), 'actions.done', value, 'primary'),
    button(t('actions.nudge.button.progress'), 'actions.progress', value),
    button(t('actions.nudge.button.stuck'), 'actions.stuck', value),
    button(t('actions.nudge.button.update'), 'actions.update', value),
  ];
}

/** One open action: its next-step question, or a thank-you once its owner updated it on the card. */
function openLine(a: Action, { network, t, bot }: NudgeInput, sentAt: string, withButtons: boolean): string {
  // A date that has passed is said plainly and kindly: a new date is a step too, never a reproach.
  const today = localDate(new Date(sentAt), network.timeZone);
  const overdue = a.due !== undefined && a.due < today;
  const due = a.due ? ` (${t(overdue ? 'actions.nudge.overdue' : 'actions.due_short', { date: formatDate(a.due, network.language, today) })})` : '';
  const updated = a.history.some((h) => h.at >= sentAt && (h.event === 'progress' || h.event === 'in_progress'));
  if (updated) return `- #${a.number} ${a.title}${due}: 🌱 ${t('actions.nudge.updated')}`;
  return `- #${a.number} ${a.title}${due}: ${t(withButtons ? 'actions.nudge.next_step' : 'actions.nudge.next_step_typed', { number: a.number, bot })}`;
}

/** This week's wins: finished actions and every step forward, however small. */
function winLines(all: Action[], since: string, t: Translate, who: (a: Action) => string): { lines: string[]; done: boolean } {
  const lines: string[] = [];
  let done = false;
  for (const a of all) {
    if (a.status === 'done' && a.doneAt && a.doneAt > since) {
      done = true;
      lines.push(`- 🎉 ${t('actions.nudge.win_done', { owner: who(a), number: a.number, title: a.title })}`);
      continue;
    }
    if (!OPEN.includes(a.status)) continue;
    const notes = a.notes.filter((n) => n.kind === 'progress' && n.at > since);
    const started = a.history.some((h) => h.at > since && (h.event === 'progress' || h.event === 'in_progress'));
    if (notes.length || started) {
      const last = notes[notes.length - 1];
      lines.push(`- 🌱 ${t('actions.nudge.win_progress', { owner: who(a), number: a.number, title: a.title })}${last?.text ? `: ${last.text}` : ''}`);
    }
  }
  return { lines, done };
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
