/**
 * Private first, then share: in a channel an answer goes first only to the asker (Slack ephemeral;
 * elsewhere the core's private fallback, a direct message), with "Deel in kanaal", unless the
 * network answers in public (`wegwijs netwerk antwoorden openbaar`, kept by the peers feature and
 * read through the `AnswerPolicyPort`). Direct messages are answered as always. A refusal for lack
 * of knowledge, and a 👎, offer "Vraag het netwerk" when the peers feature is there (its button id is
 * a string: no import).
 */
import { button, networkId, sealedFields, type Button, type IncomingAction, type OutgoingMessage, type SealScope, type Services, type Turn, tenantKey } from '../core/index.ts';
import type { Answer, AskEngine } from './engine.ts';
import { questions } from './records.ts';
import { answerMessage, type RenderOptions } from './render.ts';

/** Longest question text a button carries (Slack allows 2,000 characters for the whole value). */
const BUTTON_TEXT_CHARS = 900;

/** Where a question was asked: its channel ('' in a DM) and message, for buttons that act on it later. */
export interface Origin {
  channel: string;
  message: string;
}

export function originOf(turn: Turn): Origin {
  const m = turn.message;
  return { channel: m.isDirect ? '' : m.channelId, message: m.threadId ?? m.messageId ?? '' };
}

/** The share button; its seal (src/core/seal.ts) covers its question, channel and thread. */
const SHARE = 'ask.share';
/** The peers feature's button (a string: no import); its seal covers the channel asked in and the question id. */
const ASK_NETWORK = 'peers.ask';

/**
 * "Vraag het netwerk" for a question, when the peers feature is plugged in. The channel asked in
 * (`c`) and the question id (`q`) are sealed for the tenant (src/core/seal.ts): the peers feature
 * trusts them only with a valid seal, so a forged value cannot name another team's channel.
 */
export function askNetworkButton(services: Services, t: RenderOptions['t'], q: { text: string; id: string; lang: string }, origin: Origin, scope: SealScope): Button | undefined {
  if (!services.ports.networkQuestions) return undefined;
  const sealed = services.seal.seal(scope, ASK_NETWORK, { q: q.id, ...(origin.channel ? { c: origin.channel } : {}) });
  return button(t('peers.ask_network.button'), ASK_NETWORK, { t: q.text.slice(0, BUTTON_TEXT_CHARS), lang: q.lang, ...sealed });
}

/** True when this turn's answer goes privately first (a channel whose network does not answer in public). */
export async function privateFirst(services: Services, turn: Turn): Promise<boolean> {
  if (turn.message.isDirect) return false;
  return !(await services.ports.answerPolicy?.answersInPublic(networkId(turn.conversation)));
}

/**
 * Sends an answer: privately with "Deel in kanaal" (an answer) or "Vraag het netwerk" (a refusal
 * for lack of knowledge), or in the question's thread where the network answers in public.
 */
export async function deliverAnswer(services: Services, turn: Turn, answer: Answer, options: RenderOptions, q: { text: string; id: string }): Promise<void> {
  const origin = originOf(turn);
  const isPrivate = await privateFirst(services, turn);
  const extra: Button[] = [];
  // Where the answer is shared (channel, thread) and which question: sealed, checked on the press.
  if (answer.answered && isPrivate) {
    extra.push(button(options.t('peers.share.button'), 'ask.share', services.seal.seal(turn.message, SHARE, { q: q.id, lang: answer.lang, c: origin.channel, m: origin.message }), 'primary'));
  }
  if (!answer.answered && answer.refusal === 'unknown') {
    const ask = askNetworkButton(services, options.t, { ...q, lang: answer.lang }, origin, turn.message);
    if (ask) extra.push(ask);
  }
  const note = answer.answered && isPrivate ? options.t('peers.share.private_note') : extra.length ? options.t('peers.ask_network.hint') : undefined;
  const message = answerMessage(answer, { ...options, extra: { buttons: extra, note } });
  if (isPrivate) await turn.replyPrivately(message);
  else await turn.reply(message, { inThread: true });
}

/**
 * "Deel in kanaal": the answer again, now for everyone, in the question's thread, with the question.
 * The question, channel and thread come from the button only with its seal intact (a forged or
 * foreign one changes nothing), and the channel is looked up among this tenant's conversations.
 */
export async function shareAnswer(services: Services, engine: AskEngine, turn: Turn, action: IncomingAction, today: string): Promise<void> {
  const pk = tenantKey(turn.message);
  const sealed = await sealedFields(turn, SHARE, action.value, ['q', 'lang', 'c', 'm'], 'peers.share.gone');
  if (!sealed) return;
  const qid = String(sealed.q ?? '');
  const channel = String(sealed.c ?? '');
  const thread = String(sealed.m ?? '');
  const asked = /^q-[0-9a-f]{20}$/.test(qid) ? await questions(services.store).get(pk, qid) : undefined;
  const ref = channel ? await services.messenger.conversation(turn.message.platform, turn.message.tenantId, channel) : undefined;
  if (asked?.data.type !== 'asked' || !ref || ref.isDirect) return void (await turn.replyPrivately({ text: turn.t('peers.share.gone') }));
  const lang = asked.data.lang;
  const t = turn.inLanguage(lang);
  const answer = await engine.answer(asked.data.text, { lang });
  const translate: RenderOptions['t'] = (k, v) => t.t(k, v);
  const shared = answerMessage(answer, { t: translate, questionId: qid, today, extra: { buttons: [], lead: translate('peers.share.by', { name: turn.user.name || turn.user.id, text: asked.data.text }) } });
  const sent = await services.messenger.post(ref, shared as OutgoingMessage, thread || undefined);
  if (!sent.ok) return void (await turn.replyPrivately({ text: turn.t('peers.share.gone') }));
  turn.log.info({ card: answer.card?.id }, 'ask: answer shared');
  await turn.replyPrivately({ text: turn.t('peers.share.done') });
}
