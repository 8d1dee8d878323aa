/** The action-log port: agreements (a deliberation) become actions, with one summary for the facilitators. */
import { button, buttons, card, cardMessage, context, input, networkId, text, type ActionSource, type ChatUser, type NewActionItem, type Network, type Services } from '../core/index.ts';
import { createAction, readDate, resolveOwner, type Owner } from './log.ts';
import type { Action } from './model.ts';
import { dueText } from './render.ts';

/**
 * The action-log port: turns agreements (a deliberation) into actions. The owner is the person
 * mentioned (a participant by id), else the one who typed the line; the facilitators get ONE
 * summary of the whole batch, naming who typed what, instead of a message per action.
 */
export async function addActionsFor(
  services: Services,
  channel: Parameters<typeof networkId>[0],
  items: NewActionItem[],
  by: ChatUser,
  source?: ActionSource,
): Promise<{ number: number; title: string }[] | undefined> {
  const id = networkId(channel);
  const network = (await services.store.networks.get(id, id))?.data;
  if (!network || network.status === 'stopped') return undefined;
  const made: Logged[] = [];
  for (const item of items) {
    if (!item.title.trim()) continue;
    const author = item.author ?? by;
    const typed: string | ChatUser | undefined = item.ownerId ? { id: item.ownerId, name: item.owner ?? item.ownerId } : item.owner?.trim() || undefined;
    const owner = await resolveOwner(services, id, typed, author);
    const due = item.due ? readDate(services, network, item.due) : undefined;
    const { action } = await createAction(services, network, { title: item.title.trim(), owner, due }, author);
    made.push({ action, owner, author: item.author, unreadable: item.unreadableDue ?? (item.due && !due ? item.due : undefined) });
  }
  if (made.length) await tellFacilitatorsOnce(services, network, made, source);
  return made.map(({ action }) => ({ number: action.number, title: action.title }));
}

interface Logged {
  action: Action;
  owner: Owner;
  author?: { id: string; name: string };
  unreadable?: string;
}

/** One private summary per facilitator for a batch of actions, with a date picker where a date was unreadable. */
async function tellFacilitatorsOnce(services: Services, network: Network, made: Logged[], source?: ActionSource): Promise<void> {
  const t = services.catalog.translator(network.language);
  const bot = services.config.botName;
  const lines = made.map(({ action, owner, author, unreadable }) => {
    const parts = [
      t('actions.summary_line', { number: action.number, title: action.title, owner: owner.name, author: author?.name ?? t('actions.summary_anonymous') }),
      action.due ? t('actions.due_short', { date: dueText(action, network.language) }) : undefined,
      !owner.member ? t(owner.id ? 'actions.summary_new_member' : 'actions.summary_not_member', { owner: owner.name }) : undefined,
      unreadable ? t('actions.summary_unreadable', { text: unreadable }) : undefined,
    ];
    return `- ${parts.filter(Boolean).join(' · ')}`;
  });
  const asks = made.filter((m) => m.unreadable);
  const message = cardMessage(
    card(
      { title: t('actions.summary_title', { network: network.name }) },
      text(t('actions.summary_intro', { count: made.length, source: source?.label ?? network.name })),
      text(lines.join('\n')),
      ...asks.flatMap(({ action }) => [
        input(`date_${action.number}`, t('actions.summary_pick_date', { number: action.number }), { kind: 'date' }),
        buttons(button(t('actions.button.set_date'), 'actions.later', { network: network.id, n: action.number, input: `date_${action.number}`, keep: true }, 'primary')),
      ]),
      made.some((m) => !m.owner.member) ? context(t('actions.summary_members_hint', { bot })) : undefined,
    ),
  );
  for (const facilitator of network.facilitators) {
    try {
      const sent = await services.messenger.sendDirect(network.platform, network.tenantId, facilitator, message);
      if (!sent.ok) services.log.warn({ network: network.id, actions: made.length, error: sent.error }, 'telling a facilitator about new actions failed');
    } catch (err) {
      services.log.warn({ network: network.id, actions: made.length, err: { message: (err as Error).message } }, 'telling a facilitator about new actions failed');
    }
  }
}
