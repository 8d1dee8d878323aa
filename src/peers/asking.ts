/**
 * "Vraag het netwerk": from a refusal or a 👎 to a question card in the network's channel. Nothing
 * is posted without the asker's own press on the confirmation, which shows exactly the (redacted)
 * text that will be posted, editable, by name or anonymously. A question asked in a direct message
 * first asks which network.
 */
import { randomUUID } from 'node:crypto';
import {
  button,
  buttons,
  card,
  cardMessage,
  networkFromValue,
  networkId,
  SEAL_FIELD,
  sealedFields,
  tenantKey,
  text,
  type IncomingAction,
  type Network,
  type Services,
  type Turn,
} from '../core/index.ts';
import { privacyNotice } from '../privacy/index.ts';
import { confirmCard, confirmElements, questionCard } from './cards.ts';
import { matchKnowers } from './knowers.ts';
import { PENDING_TTL_SECONDS, peers, questionKey, threadKey, type NetworkQuestion, type Pending } from './records.ts';
import { localDay, mayActIn, networkText, readNetworkDoc, sendToChannel } from './shared.ts';

/** Longest question the network is asked (a chat question, not a document). */
export const MAX_QUESTION_CHARS = 1500;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function askingActions(services: Services) {
  const { store, clock } = services;
  const pendingKey = (id: string) => `pending-${id}`;

  async function readPending(turn: Turn, raw: unknown): Promise<{ id: string; pending: Pending } | undefined> {
    const id = str(raw);
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    // Looked up in the turn's own tenant only, and only the asker's own.
    const doc = await peers(services).get(tenantKey(turn.message), pendingKey(id));
    if (doc?.data.type !== 'pending' || doc.data.userId !== turn.user.id) return undefined;
    return { id, pending: doc.data };
  }

  /** "Vraag het netwerk" on a refusal or after a 👎 (buttons of the ask feature). */
  async function ask(turn: Turn, action: IncomingAction): Promise<void> {
    const questionText = str(action.value?.t).trim().slice(0, MAX_QUESTION_CHARS);
    if (!questionText) return void (await turn.replyPrivately({ text: turn.t('peers.ask.empty') }));
    const lang = action.value?.lang === 'en' ? 'en' : 'nl';
    // The channel asked in and the question id come with the seal the ask feature put on them for
    // this tenant; a forged, foreign or expired one is refused and nothing is kept.
    const sealed = await sealedQuestion(turn, action);
    if (!sealed) return;
    const gap = sealed.q;
    // Pressed in a channel, that channel is where it was asked; the button's channel is for a press
    // by direct message (Teams sends private answers there).
    const origin = turn.message.isDirect ? sealed.c : turn.message.channelId;
    const id = randomUUID();
    const pending: Pending = { type: 'pending', userId: turn.user.id, text: questionText, lang, channelId: origin, at: clock.now().toISOString(), ...(/^q-[0-9a-f]{20}$/.test(gap) ? { gapQuestion: gap } : {}) };
    await peers(services).put(tenantKey(turn.message), pendingKey(id), pending, { ttlSeconds: PENDING_TTL_SECONDS });
    // The channel the question was asked in, when it is a network: the channel id comes from the
    // turn or the button's seal, the platform and tenant from the verified request.
    if (origin) {
      const network = await readNetworkDoc(services, networkId({ platform: turn.message.platform, tenantId: turn.message.tenantId, channelId: origin }));
      if (network) return confirm(turn, id, pending, network);
    }
    const mine = await memberNetworks(turn);
    // The asker goes on in the language the refusal was given in (an English question: English).
    const at = services.catalog.translator(lang);
    if (mine.length === 0) return void (await turn.replyPrivately({ text: at('peers.ask.no_network') }));
    if (mine.length === 1) return confirm(turn, id, pending, mine[0]);
    const choices = mine.slice(0, 20).map((n) => button(n.name, 'peers.choose', { p: id, n: n.id }));
    await turn.replyPrivately(cardMessage(card({ title: at('peers.choose.title') }, text(at('peers.choose.text', { count: mine.length })), buttons(...choices))));
  }

  /**
   * The channel asked in (`c`) and question id (`q`) of a "Vraag het netwerk" press, as sealed by
   * the ask feature; both '' for a value that names neither; undefined after a refusal. In a
   * channel the channel is the turn's own, so a changed value only loses its question id there.
   */
  async function sealedQuestion(turn: Turn, action: IncomingAction): Promise<{ c: string; q: string } | undefined> {
    const v = action.value;
    if (!v?.c && !v?.q && v?.[SEAL_FIELD] === undefined) return { c: '', q: '' };
    if (!turn.message.isDirect) {
      const opened = services.seal.open(turn.message, 'peers.ask', v, ['c', 'q']);
      return { c: '', q: opened.ok ? str(opened.fields.q) : '' };
    }
    const sealed = await sealedFields(turn, 'peers.ask', v, ['c', 'q'], 'peers.pending_gone');
    return sealed && { c: str(sealed.c), q: str(sealed.q) };
  }

  /** The network chosen for a question asked in a direct message. */
  async function choose(turn: Turn, action: IncomingAction): Promise<void> {
    const pressed = await pressedQuestion(turn, action);
    if (pressed) await confirm(turn, pressed.found.id, pressed.found.pending, pressed.network);
  }

  /**
   * The pending question and the network a press names. The network comes from the payload: only
   * the channel's own, one the asker is in, or the one the question was asked in (on Teams the
   * confirmation comes by direct message). Undefined after telling the person why not.
   */
  async function pressedQuestion(turn: Turn, action: IncomingAction) {
    const key = await networkFromValue(turn, action.value?.n);
    if (!key) return undefined;
    const found = await readPending(turn, action.value?.p);
    if (!found) return void (await turn.replyPrivately({ text: turn.t('peers.pending_gone') }));
    const network = await readNetworkDoc(services, key);
    if (!network) return void (await turn.replyPrivately({ text: turn.t('peers.network_gone') }));
    if (!(await mayAsk(turn, found.pending, network))) return void (await turn.replyPrivately({ text: turn.t('core.not_yours') }));
    return { found, network };
  }

  /** The confirmation: a form (modal) where the platform has one, else a private card with the text to edit. */
  async function confirm(turn: Turn, id: string, pending: Pending, network: Network, notice?: string): Promise<void> {
    const blocked = statusProblem(turn, network);
    if (blocked) return void (await turn.replyPrivately({ text: blocked }));
    const t = services.catalog.translator(pending.lang);
    const value = { p: id, n: network.id };
    const opened = !notice && (await turn.openModal({
      title: t('peers.confirm.modal_title'),
      card: card({}, ...confirmElements(t, network.name, pending.text, true)),
      submitActionId: 'peers.post',
      submitLabel: t('peers.button.post'),
      value,
    }));
    if (!opened) await turn.replyPrivately(confirmCard(t, network.name, pending.text, value, notice));
  }

  /** The asker's press: posts the question in the network's channel, tagging who knows the topic. */
  async function post(turn: Turn, action: IncomingAction): Promise<void> {
    const pressed = await pressedQuestion(turn, action);
    if (!pressed) return;
    const { found, network } = pressed;
    const blocked = statusProblem(turn, network);
    if (blocked) return void (await turn.replyPrivately({ text: blocked }));
    const edited = (action.inputs?.question ?? '').trim();
    const questionText = edited || found.pending.text;
    if (questionText.length > MAX_QUESTION_CHARS) return void (await turn.replyPrivately({ text: turn.t('peers.ask.too_long', { max: MAX_QUESTION_CHARS }) }));
    // The edited text had personal data in it: it was taken out at the edge, so what would be posted
    // is no longer what the asker saw. Show it again, as it will be posted, and post nothing yet.
    if (edited && turn.redacted.length > 0) {
      const updated = { ...found.pending, text: questionText };
      await peers(services).put(tenantKey(turn.message), pendingKey(found.id), updated, { ttlSeconds: PENDING_TTL_SECONDS });
      const at = services.catalog.translator(found.pending.lang);
      const notice = privacyNotice({ found: [...turn.redacted] }, at);
      return confirm(turn, found.id, updated, network, notice ?? at('peers.confirm.changed'));
    }
    // Claimed on the pending record: a double press (or two instances) posts one card.
    const pk = tenantKey(turn.message);
    /** Not posted: the claim goes, so the asker may press again once the channel is back. */
    const failed = async (error: string | undefined) => {
      turn.log.warn({ code: 'peers_post_failed', error, network: network.id }, 'network question not posted');
      await peers(services).update(pk, pendingKey(found.id), (current) => (current?.type === 'pending' ? { ...current, claimed: undefined } : undefined));
      await turn.replyPrivately({ text: turn.t(error === 'conversation_gone' ? 'peers.channel_gone' : 'peers.post_failed', { network: network.name }) });
    };
    let claimed = false;
    await peers(services).update(pk, pendingKey(found.id), (current) => {
      if (current?.type !== 'pending' || current.claimed) return undefined;
      claimed = true;
      return { ...current, claimed: clock.now().toISOString() };
    });
    if (!claimed) return void (await turn.replyPrivately({ text: turn.t('peers.ask.already_posted') }));
    const anonymous = action.inputs?.as === 'anonymous' || action.value?.anon === true;
    const ref = await services.messenger.conversation(network.platform, network.tenantId, network.channelId);
    if (!ref || ref.dead) return failed('conversation_gone');
    const number = await store.nextNumber(network.id, 'peer-question');
    const now = clock.now();
    const question: NetworkQuestion = {
      type: 'question', number, networkId: network.id, platform: network.platform, tenantId: network.tenantId, channelId: network.channelId,
      askerId: turn.user.id, askerName: turn.user.name || turn.user.id, anonymous, text: questionText, lang: found.pending.lang,
      askedAt: now.toISOString(), status: 'open', tagged: await matchKnowers(services, network, questionText, turn.user.id), answers: [],
      ...(found.pending.gapQuestion ? { gapQuestion: found.pending.gapQuestion } : {}),
    };
    const nt = networkText(services, network);
    const sent = await sendToChannel(services, network, questionCard(question, nt, localDay(now, network, network.language)));
    if (!sent.ok) return failed(sent.error);
    question.messageId = sent.messageId;
    // Asking in a network makes you a member of it (as `stil` and `ik weet van` do): answers follow you there.
    await store.members.update(network.id, turn.user.id, (current) => (current ? undefined : { userId: turn.user.id, name: turn.user.name || turn.user.id, quiet: false, joinedAt: now.toISOString() }));
    await peers(services).put(network.id, questionKey(number), question);
    if (sent.messageId) await peers(services).put(network.id, threadKey(sent.messageId), { type: 'thread', number });
    turn.log.info({ network: network.id, number, tagged: question.tagged.length, anonymous }, 'peers: question posted');
    await turn.replyPrivately({ text: services.catalog.translator(found.pending.lang)(anonymous ? 'peers.ask.posted_anonymous' : 'peers.ask.posted', { number, network: network.name }) });
  }

  async function cancel(turn: Turn, action: IncomingAction): Promise<void> {
    const found = await readPending(turn, action.value?.p);
    if (found) await peers(services).delete(tenantKey(turn.message), pendingKey(found.id));
    await turn.replyPrivately({ text: turn.t('peers.ask.cancelled') });
  }

  /** The networks of this tenant the user is a member of (for a question in a direct message). */
  async function mayAsk(turn: Turn, pending: Pending, network: Network): Promise<boolean> {
    return (pending.channelId !== '' && pending.channelId === network.channelId) || mayActIn(services, turn, network);
  }

  async function memberNetworks(turn: Turn): Promise<Network[]> {
    const prefix = `${tenantKey(turn.message)}:`;
    const memberships = (await store.members.list({ where: { userId: turn.user.id } })).filter((d) => d.pk.startsWith(prefix));
    const found: Network[] = [];
    for (const m of memberships) {
      const network = await readNetworkDoc(services, m.pk);
      if (network && network.platform === turn.message.platform && network.tenantId === turn.message.tenantId && network.status !== 'stopped') found.push(network);
    }
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  return { ask, choose, post, cancel };
}

/** Why nothing can be asked of a network now (paused or stopped), in the user's words. */
export function statusProblem(turn: Turn, network: Network): string | undefined {
  if (network.status === 'stopped') return turn.t('peers.network_stopped', { network: network.name });
  if (network.status === 'paused') return turn.t('peers.network_paused', { network: network.name });
  return undefined;
}
