/**
 * Answers from the network: a reply in the question card's thread, or "Ik weet het" (a form),
 * reaches the asker by direct message; "Opgelost" (asker or facilitator) closes the question once
 * and turns question + answers into a draft card for the curators.
 */
import { mention, networkFromValue, networkId, sameTenant, type IncomingAction, type Network, type Services, type Turn, tenantKey } from '../core/index.ts';
import { answerDm, questionCard, replyCard } from './cards.ts';
import { createDraft } from './drafts.ts';
import { peers, questionKey, readQuestion, threadKey, type NetworkQuestion, type PeerAnswer } from './records.ts';
import { localDay, mayActIn, networkText, readNetworkDoc, sendToChannel, updateInChannel } from './shared.ts';

const MAX_ANSWER_CHARS = 3000;

export function answerHandlers(services: Services) {
  const { clock } = services;

  /** The question a payload names: its network must be the tenant's own, and the question must exist there. */
  async function fromValue(turn: Turn, action: IncomingAction): Promise<{ network: Network; question: NetworkQuestion } | undefined> {
    const key = await networkFromValue(turn, action.value?.n, turn.message.isDirect ? {} : { thisChannel: networkId(turn.conversation) });
    if (!key) return undefined;
    const network = await readNetworkDoc(services, key);
    const number = Number(action.value?.q);
    const question = network && Number.isInteger(number) && number > 0 ? await readQuestion(services, key, number) : undefined;
    if (!network || !question || !sameTenant(turn.message, question)) {
      await turn.replyPrivately({ text: turn.t('peers.question_gone') });
      return undefined;
    }
    if (!(await mayActIn(services, turn, network))) {
      turn.log.warn({ code: 'peers_not_a_member' }, 'network question refused: not in the network');
      await turn.replyPrivately({ text: turn.t('core.not_yours') });
      return undefined;
    }
    return { network, question };
  }

  async function ownsThread(turn: Turn): Promise<boolean> {
    const m = turn.message;
    if (m.isDirect || !m.threadId) return false;
    const pointer = await peers(services).get(networkId(turn.conversation), threadKey(m.threadId));
    return pointer?.data.type === 'thread';
  }

  /** A reply in the question's thread: kept with the question and sent to the asker. */
  async function threadMessage(turn: Turn): Promise<void> {
    const id = networkId(turn.conversation);
    const pointer = await peers(services).get(id, threadKey(turn.message.threadId!));
    if (pointer?.data.type !== 'thread') return;
    const network = await readNetworkDoc(services, id);
    const question = network && (await readQuestion(services, id, pointer.data.number));
    if (!network || !question) return;
    const body = turn.message.text.replace(new RegExp(`^\\s*[@/]?${services.config.botName}[\\s:,]*`, 'i'), '').trim();
    if (!body) return;
    await receiveAnswer(turn, network, question, body);
  }

  /** "Ik weet het": a form for the answer (modal where the platform has one, else a private card). */
  async function answer(turn: Turn, action: IncomingAction): Promise<void> {
    const found = await fromValue(turn, action);
    if (!found) return;
    if (found.question.status === 'resolved') return void (await turn.replyPrivately({ text: turn.t('peers.answer.already_resolved', { number: found.question.number }) }));
    const form = replyCard(turn.t.bind(turn), found.question);
    const opened = await turn.openModal({
      title: turn.t('peers.reply.modal_title'),
      card: { ...form.card!, elements: form.card!.elements.filter((e) => e.type !== 'buttons') },
      submitActionId: 'peers.reply',
      submitLabel: turn.t('peers.button.send_answer'),
      value: { n: found.network.id, q: found.question.number },
    });
    if (!opened) await turn.replyPrivately(form);
  }

  /** The form's answer: posted in the question's thread for everyone, and sent to the asker. */
  async function reply(turn: Turn, action: IncomingAction): Promise<void> {
    const found = await fromValue(turn, action);
    if (!found) return;
    const body = (action.inputs?.answer ?? '').trim();
    if (!body) return void (await turn.replyPrivately({ text: turn.t('peers.answer.empty') }));
    const kept = await receiveAnswer(turn, found.network, found.question, body);
    if (!kept || !found.question.messageId) return;
    const nt = networkText(services, found.network);
    const who = { id: turn.user.id, name: turn.user.name || turn.user.id };
    await sendToChannel(services, found.network, { text: nt('peers.thread.answer', { name: mention(who), text: body }), mentions: [who] }, found.question.messageId);
  }

  async function receiveAnswer(turn: Turn, network: Network, question: NetworkQuestion, body: string): Promise<boolean> {
    if (question.status === 'resolved') {
      await turn.replyPrivately({ text: turn.t('peers.answer.already_resolved', { number: question.number }) });
      return false;
    }
    if (body.length > MAX_ANSWER_CHARS) {
      await turn.replyPrivately({ text: turn.t('peers.answer.too_long', { max: MAX_ANSWER_CHARS }) });
      return false;
    }
    // The asker adding to their own question is no answer to forward.
    if (turn.user.id === question.askerId) return false;
    const entry: PeerAnswer = { userId: turn.user.id, name: turn.user.name || turn.user.id, text: body, at: clock.now().toISOString() };
    await peers(services).update(network.id, questionKey(question.number), (current) =>
      current?.type === 'question' ? { ...current, answers: [...current.answers, entry].slice(-20) } : undefined,
    );
    const stillMember = await services.store.members.get(network.id, question.askerId);
    if (!stillMember) {
      await turn.replyPrivately({ text: turn.t('peers.answer.asker_left') });
      return true;
    }
    const askerLang = (await services.store.users.get(tenantKey(network), question.askerId))?.data.language ?? question.lang;
    const sent = await services.messenger.sendDirect(network.platform, network.tenantId, question.askerId, answerDm(services.catalog.translator(askerLang), question, entry, network.name));
    turn.log.info({ network: network.id, number: question.number, forwarded: sent.ok }, 'peers: answer received');
    await turn.replyPrivately({ text: turn.t(sent.ok ? 'peers.answer.forwarded' : 'peers.answer.not_forwarded') });
    return true;
  }

  /** "Opgelost": by the asker or a facilitator, once; the card shows it and a draft card is made. */
  async function resolve(turn: Turn, action: IncomingAction): Promise<void> {
    const found = await fromValue(turn, action);
    if (!found) return;
    const { network } = found;
    if (turn.user.id !== found.question.askerId && !network.facilitators.includes(turn.user.id)) {
      return void (await turn.replyPrivately({ text: turn.t('peers.resolve.not_allowed') }));
    }
    let changed = false;
    const now = clock.now().toISOString();
    const doc = await peers(services).update(network.id, questionKey(found.question.number), (current) => {
      if (current?.type !== 'question' || current.status === 'resolved') return undefined;
      changed = true;
      return { ...current, status: 'resolved', resolvedAt: now, resolvedBy: turn.user.id };
    });
    const question = doc?.data.type === 'question' ? doc.data : found.question;
    if (!changed) return void (await turn.replyPrivately({ text: turn.t('peers.resolve.already', { number: question.number }) }));
    const nt = networkText(services, network);
    if (question.messageId) {
      const updated = await updateInChannel(services, network, question.messageId, questionCard(question, nt, localDay(new Date(question.askedAt), network, network.language)));
      if (!updated.ok) turn.log.warn({ code: 'peers_update_failed', error: updated.error }, 'question card not updated');
    }
    const draft = question.answers.length ? await createDraft(services, network, question) : undefined;
    // A facilitator closed it: the asker hears so (unless they left the network).
    if (turn.user.id !== question.askerId && question.askerId && (await services.store.members.get(network.id, question.askerId))) {
      const askerLang = (await services.store.users.get(tenantKey(network), question.askerId))?.data.language ?? question.lang;
      const text = services.catalog.t(askerLang, 'peers.resolve.told_asker', { number: question.number, network: network.name, name: turn.user.name || turn.user.id });
      await services.messenger.sendDirect(network.platform, network.tenantId, question.askerId, { text });
    }
    turn.log.info({ network: network.id, number: question.number, draft }, 'peers: question resolved');
    await turn.replyPrivately({ text: turn.t(draft ? 'peers.resolve.done_draft' : 'peers.resolve.done', { number: question.number, draft: draft ?? 0 }) });
  }

  return { ownsThread, threadMessage, answer, reply, resolve };
}
