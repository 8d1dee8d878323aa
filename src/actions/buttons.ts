/** Button presses: the form's submit, and done / progress / stuck / later on cards and DMs. */
import { type IncomingAction, type Turn, networkId, networkFromValue, sameTenant, endOfWeek, localDate } from '../core/index.ts';
import { privacyNotice } from '../privacy/index.ts';
import { logAndShow } from './new-action.ts';
import { requireNetwork } from './network-guard.ts';
import { parseDueDate } from './due-date.ts';
import { changeAction, readDate, resolveOwner, type Change } from './log.ts';
import { actions, OPEN } from './model.ts';
import { reminderMessage } from './nudge.ts';
import { ownerOnly, refreshNudge } from './nudge-buttons.ts';
import { actionCard, dueText } from './render.ts';
import { holidayNotice } from './notices.ts';

/** The submit of the new-action form (modal or card). */
export async function submitForm(turn: Turn, action: IncomingAction): Promise<void> {
  const network = await requireNetwork(turn);
  if (!network) return;
  const inputs = action.inputs ?? {};
  const title = (inputs.title ?? '').trim();
  if (!title) return void (await turn.replyPrivately({ text: turn.t('actions.form.title_missing') }));
  const owner = await resolveOwner(turn.services, network.id, inputs.owner?.trim() || undefined, turn.user);
  const typedDue = (inputs.due ?? '').trim();
  const due = typedDue ? parseDueDate(typedDue, turn.services.clock.now(), network.timeZone) : undefined;
  await logAndShow(turn, network, { title, owner, due }, typedDue && !due ? typedDue : undefined);
}

type Kind = 'done' | 'progress' | 'stuck' | 'later';

/** A status button on an action card (channel) or a reminder (DM). */
export function statusButton(kind: Kind) {
  return async (turn: Turn, action: IncomingAction): Promise<void> => {
    const { services } = turn;
    // The value is user input: its network must be this tenant's before anything is read; a
    // foreign one gets a refusal that names nothing.
    const target = await networkFromValue(turn, action.value?.network, { membersByDm: true });
    if (!target) return;
    const number = Number(action.value?.n);
    if (!turn.message.isDirect && networkId(turn.conversation) !== target) {
      return void (await turn.replyPrivately({ text: turn.t('actions.error.other_network', { number: Number.isInteger(number) ? number : '?' }) }));
    }
    const network = Number.isInteger(number) ? (await services.store.networks.get(target, target))?.data : undefined;
    if (!network || !sameTenant(turn.message, network)) return void (await turn.replyPrivately({ text: turn.t('core.action_unknown') }));
    // On the weekly nudge card these buttons are the owner's (others get a friendly word).
    if (action.value?.nudge) {
      const doc = await actions(services).get(network.id, String(number));
      if (doc && !(await ownerOnly(turn, network, doc.data))) return;
    }
    const note = (action.inputs?.note ?? '').trim();
    let change: Change;
    if (kind === 'done') change = { kind: 'status', status: 'done' };
    else if (kind === 'later') {
      // A summary card has one date input per action, named by the button.
      // The field name comes from the button: read through own properties only (never `constructor`).
      const field = typeof action.value?.input === 'string' ? action.value.input : 'date';
      const inputs = action.inputs ?? {};
      const typed = ((Object.hasOwn(inputs, field) ? inputs[field] : undefined) ?? inputs.date ?? '').trim();
      const date = typed ? readDate(services, network, typed) : undefined;
      if (!date) return void (await turn.replyPrivately({ text: turn.t('actions.later_button', { text: typed || '…', number }) }));
      change = { kind: 'later', date };
    } else change = { kind, note };
    const result = await changeAction(services, network, number, change, turn.user);
    if (!result.ok) return void (await turn.replyPrivately({ text: turn.t(result.key, { bot: services.config.botName, ...result.vars }) }));
    const t = services.catalog.translator(network.language);
    if (action.value?.dm && action.messageId) {
      // Re-render the whole reminder: the owner's due actions with their new state.
      const weekEnd = endOfWeek(localDate(services.clock.now(), network.timeZone));
      const mine = (await actions(services).list({ pk: network.id }))
        .map((d) => d.data)
        .filter((a) => a.number === number || (a.ownerId === turn.user.id && OPEN.includes(a.status) && a.due && a.due <= weekEnd))
        .sort((a, b) => a.number - b.number);
      await turn.update(action.messageId, reminderMessage(services, network, mine));
    } else if (action.value?.nudge) {
      // The nudge card shows the whole network's week: it is rendered again, in place.
      await refreshNudge(turn, network);
    } else if (action.value?.keep) {
      // A summary of several actions stays as it is; only the answer below is sent.
    } else if (action.messageId) {
      await turn.update(action.messageId, actionCard(t, network, result.action));
    } else {
      await turn.reply(actionCard(t, network, result.action));
    }
    const privacy = result.redaction && privacyNotice(result.redaction, turn.t.bind(turn));
    const thanks = turn.t(kind === 'done' ? 'actions.changed.done' : `actions.changed.${kind}`, { number, title: result.action.title, owner: result.action.ownerName, date: dueText(result.action, turn.lang) });
    const holiday = kind === 'later' && holidayNotice(turn.t.bind(turn), turn.lang, turn.services.config.botName, number, result.action.due, result.action.updatedAt.slice(0, 10));
    await turn.replyPrivately({ text: [thanks, privacy, holiday].filter(Boolean).join('\n') });
  };
}
