/** What the actions feature tells besides the card: the ask-back with a date picker and the notices about owners who are no members yet. */
import { button, buttons, card, cardMessage, formatDate, input, mention, publicHoliday, text, type ChatUser, type Lang, type Network, type OutgoingMessage, type Services, type Translate, type Turn } from '../core/index.ts';
import type { Owner } from './log.ts';
import { isFacilitator, type Action } from './model.ts';

/**
 * Asks back for a date that could not be read: the message with a date picker (Slack datepicker,
 * Teams Input.Date, a text line in the console) whose button sets the action's date.
 */
export function askDate(turn: Turn, network: Network, number: number, key: string, typed: string): OutgoingMessage {
  const t = turn.t.bind(turn);
  return cardMessage(
    card(
      {},
      text(t(key, { text: typed, number, bot: turn.services.config.botName })),
      input('date', t('actions.input.pick_date'), { kind: 'date' }),
      buttons(button(t('actions.button.set_date'), 'actions.later', { network: network.id, n: number }, 'primary')),
    ),
  );
}

/**
 * A due date on a Dutch public holiday is accepted (someone may mean it), but the confirmation
 * says so: "by next Friday" typed mid-December can be Christmas Day without anyone noticing.
 */
export function holidayNotice(t: Translate, lang: Lang, bot: string, number: number, due: string | undefined, today?: string): string | undefined {
  const holiday = due ? publicHoliday(due, lang) : undefined;
  return holiday && due ? t('actions.due_holiday', { date: formatDate(due, lang, today), holiday, number, bot }) : undefined;
}

/** The facilitators as the members they are ("@Fleur Jansen"), not as platform ids. */
async function facilitatorNames(turn: Turn, network: Network): Promise<string> {
  const members = new Map((await turn.services.store.members.list({ pk: network.id })).map((d) => [d.data.userId, d.data.name]));
  return network.facilitators.map((id) => mention({ id, name: members.get(id) ?? id })).join(', ');
}

/** The confirmation's line for the facilitators about an owner who was no member yet. */
export async function ownerNotice(turn: Turn, network: Network, owner: Owner, action: Action): Promise<string> {
  // A mentioned person (with an id) is a member now; a typed name waits until that person takes part.
  const key = owner.id ? 'actions.owner_new_member' : 'actions.owner_not_member';
  return turn.t(key, { owner: owner.name, number: action.number, facilitators: await facilitatorNames(turn, network) });
}

/**
 * Tells the facilitators privately about an action whose owner was no member yet. After a
 * confirmation in the channel (`shown`) a facilitator author has read its line already, so only
 * another author's action is sent on; without one (the action-log port) every facilitator hears.
 * Delivery problems are logged, never thrown: the action is kept either way.
 */
export async function tellFacilitators(services: Services, network: Network, owner: Owner, action: Action, by: ChatUser, shown: boolean): Promise<void> {
  if (owner.member || (shown && isFacilitator(network, by.id))) return;
  const t = services.catalog.translator(network.language);
  const key = owner.id ? 'actions.owner_new_member_dm' : 'actions.owner_not_member_dm';
  const text = t(key, { network: network.name, author: by.name || by.id, owner: owner.name, number: action.number, title: action.title, bot: services.config.botName });
  for (const facilitator of network.facilitators.filter((f) => !shown || f !== by.id)) {
    try {
      const sent = await services.messenger.sendDirect(network.platform, network.tenantId, facilitator, { text });
      if (!sent.ok) services.log.warn({ network: network.id, action: action.number, error: sent.error }, 'telling a facilitator about a new owner failed');
    } catch (err) {
      services.log.warn({ network: network.id, action: action.number, err: { message: (err as Error).message } }, 'telling a facilitator about a new owner failed');
    }
  }
}
