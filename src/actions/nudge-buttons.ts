/**
 * The buttons of the weekly nudge card: "Klaar" / "Loopt" / "Vast" / "Mijn update" for an action's
 * owner (anyone else gets a friendly word instead), and "Denk mee" for everyone at a stuck action.
 * What is given on the card updates the card in place (its stored message id), so the channel
 * sees this week's progress grow.
 */
import { button, buttons, card, cardMessage, input, mention, networkId, networkFromValue, sameTenant, type IncomingAction, type Network, type Turn } from '../core/index.ts';
import { privacyNotice } from '../privacy/index.ts';
import { changeAction } from './log.ts';
import { actions, isFacilitator, type Action } from './model.ts';
import { currentNudgeCard } from './nudge.ts';

/** Limits of the short form's answers (the form says what moved and what is next, not a report). */
const FORM_CHARS = 500;

/** The network and action a nudge button points at, checked against the tenant and the channel. */
export async function pressedAction(turn: Turn, action: IncomingAction): Promise<{ network: Network; action: Action } | undefined> {
  const target = await networkFromValue(turn, action.value?.network, { membersByDm: true });
  if (!target) return undefined;
  const number = Number(action.value?.n);
  if (!turn.message.isDirect && networkId(turn.conversation) !== target) {
    return void (await turn.replyPrivately({ text: turn.t('actions.error.other_network', { number: Number.isInteger(number) ? number : '?' }) }));
  }
  const network = Number.isInteger(number) ? (await turn.services.store.networks.get(target, target))?.data : undefined;
  if (!network || !sameTenant(turn.message, network)) return void (await turn.replyPrivately({ text: turn.t('core.action_unknown') }));
  const doc = await actions(turn.services).get(network.id, String(number));
  if (!doc) return void (await turn.replyPrivately({ text: turn.t('actions.error.unknown_number', { number }) }));
  return { network, action: doc.data };
}

/**
 * The nudge's owner buttons are the owner's: someone else pressing gets a friendly word (ask them,
 * or think along) and nothing changes. An action kept under a typed name (no member yet) may be
 * updated by a facilitator, as everywhere else.
 */
export async function ownerOnly(turn: Turn, network: Network, a: Action): Promise<boolean> {
  const allowed = a.ownerId ? a.ownerId === turn.user.id : isFacilitator(network, turn.user.id);
  if (allowed) return true;
  const owner = a.ownerId ? mention({ id: a.ownerId, name: a.ownerName }) : a.ownerName;
  await turn.replyPrivately({
    text: turn.t('actions.nudge.not_yours', { owner, number: a.number, bot: turn.services.config.botName }),
    ...(a.ownerId ? { mentions: [{ id: a.ownerId, name: a.ownerName }] } : {}),
  });
  return false;
}

/** Re-renders this week's nudge card where it was posted (the channel), if it is known. */
export async function refreshNudge(turn: Turn, network: Network): Promise<void> {
  const { services } = turn;
  const current = await currentNudgeCard(services, network);
  if (!current) return;
  try {
    if (!turn.message.isDirect && networkId(turn.conversation) === network.id) {
      await turn.update(current.messageId, current.message);
      return;
    }
    // Given in a form elsewhere (a direct message on Teams, the console): update through the messenger.
    const ref = (await services.messenger.conversation(network.platform, network.tenantId, network.channelId)) ?? {
      platform: network.platform,
      tenantId: network.tenantId,
      channelId: network.channelId,
      isDirect: false,
    };
    const result = await services.messenger.update(ref, current.messageId, current.message);
    if (!result.ok) services.log.warn({ network: network.id, error: result.error }, 'updating the nudge card failed');
  } catch (err) {
    // The update itself is stored; only the card lags behind.
    services.log.warn({ network: network.id, err: { message: (err as Error).message } }, 'updating the nudge card failed');
  }
}

/** A form: as a modal where the platform has one, else a card with the inputs, only for this person. */
async function openForm(turn: Turn, title: string, elements: ReturnType<typeof input>[], submitId: string, submitLabel: string, value: Record<string, string | number | boolean>): Promise<void> {
  const form = card({ title }, ...elements);
  if (await turn.openModal({ title, card: form, submitActionId: submitId, submitLabel, value })) return;
  await turn.replyPrivately(cardMessage({ ...form, elements: [...form.elements, buttons(button(submitLabel, submitId, value, 'primary'))] }));
}

/** "Mijn update": the short form (what moved, what is next) for the owner. */
export async function myUpdate(turn: Turn, pressed: IncomingAction): Promise<void> {
  const found = await pressedAction(turn, pressed);
  if (!found || !(await ownerOnly(turn, found.network, found.action))) return;
  const { network, action: a } = found;
  await openForm(
    turn,
    turn.t('actions.update.title', { number: a.number }),
    [
      input('moved', turn.t('actions.update.moved'), { multiline: true, placeholder: turn.t('actions.update.moved_placeholder') }),
      input('next', turn.t('actions.update.next'), { multiline: true, placeholder: turn.t('actions.update.next_placeholder') }),
    ],
    'actions.update_submit',
    turn.t('actions.update.submit'),
    { network: network.id, n: a.number },
  );
}

/** The short form's submit: a progress note on the action, and the nudge card updated in place. */
export async function submitUpdate(turn: Turn, pressed: IncomingAction): Promise<void> {
  const found = await pressedAction(turn, pressed);
  if (!found || !(await ownerOnly(turn, found.network, found.action))) return;
  const { network, action: a } = found;
  const moved = (pressed.inputs?.moved ?? '').trim().slice(0, FORM_CHARS);
  const next = (pressed.inputs?.next ?? '').trim().slice(0, FORM_CHARS);
  if (!moved && !next) return void (await turn.replyPrivately({ text: turn.t('actions.update.empty', { number: a.number }) }));
  const t = turn.services.catalog.translator(network.language);
  const note = [moved, next && t('actions.update.next_note', { next })].filter(Boolean).join(' · ');
  const result = await changeAction(turn.services, network, a.number, { kind: 'progress', note }, turn.user);
  if (!result.ok) return void (await turn.replyPrivately({ text: turn.t(result.key, { bot: turn.services.config.botName, ...result.vars }) }));
  await refreshNudge(turn, network);
  const privacy = result.redaction && privacyNotice(result.redaction, turn.t.bind(turn));
  const thanks = turn.t('actions.update.thanks', { number: a.number });
  await turn.replyPrivately({ text: privacy ? `${thanks}\n${privacy}` : thanks });
}

/**
 * "Denk mee" is for everyone in the network's channel (its form, a modal or a Teams dialog, is
 * submitted there too). By direct message the payload alone names the network, so there it is
 * only for the network's members and facilitators: a forged value naming another team's network
 * is refused and posts nothing in its channel.
 */
async function mayThinkAlong(turn: Turn, network: Network): Promise<boolean> {
  if (!turn.message.isDirect) return true; // pressedAction held the press to this channel's network
  if (isFacilitator(network, turn.user.id) || (await turn.services.store.members.get(network.id, turn.user.id))) return true;
  turn.log.warn({ code: 'actions_not_a_member' }, 'think along by DM refused: not in the network');
  await turn.replyPrivately({ text: turn.t('core.not_yours') });
  return false;
}

/** "Denk mee" at a stuck action: a short form for an idea, a contact or an experience. */
export async function thinkAlong(turn: Turn, pressed: IncomingAction): Promise<void> {
  const found = await pressedAction(turn, pressed);
  if (!found || !(await mayThinkAlong(turn, found.network))) return;
  const { network, action: a } = found;
  await openForm(
    turn,
    turn.t('actions.think.title', { number: a.number }),
    [input('idea', turn.t('actions.think.input'), { multiline: true, required: true })],
    'actions.think_submit',
    turn.t('actions.think.submit'),
    { network: network.id, n: a.number },
  );
}

/** The idea goes to the nudge's thread (or the channel), naming the owner so they see it. */
export async function submitThought(turn: Turn, pressed: IncomingAction): Promise<void> {
  const found = await pressedAction(turn, pressed);
  if (!found || !(await mayThinkAlong(turn, found.network))) return;
  const { network, action: a } = found;
  const idea = (pressed.inputs?.idea ?? '').trim().slice(0, FORM_CHARS);
  if (!idea) return void (await turn.replyPrivately({ text: turn.t('actions.think.empty', { number: a.number }) }));
  const t = turn.services.catalog.translator(network.language);
  // One person, one name: the member record's when there is one.
  const me = (await turn.services.store.members.get(network.id, turn.user.id))?.data.name || turn.user.name || turn.user.id;
  const people = [{ id: turn.user.id, name: me }, ...(a.ownerId && a.ownerId !== turn.user.id ? [{ id: a.ownerId, name: a.ownerName }] : [])];
  const owner = a.ownerId ? mention({ id: a.ownerId, name: a.ownerName }) : a.ownerName;
  const message = { text: t('actions.think.posted', { who: mention(people[0]), owner, number: a.number, title: a.title, idea }), mentions: people };
  const current = await currentNudgeCard(turn.services, network);
  const inChannel = !turn.message.isDirect && networkId(turn.conversation) === network.id;
  if (inChannel) await (current ? turn.postToThread(current.messageId, message) : turn.post(message));
  else {
    const ref = (await turn.services.messenger.conversation(network.platform, network.tenantId, network.channelId)) ?? { platform: network.platform, tenantId: network.tenantId, channelId: network.channelId, isDirect: false };
    await turn.services.messenger.post(ref, message, current?.messageId);
  }
  await turn.replyPrivately({ text: turn.t('actions.think.thanks') });
}
