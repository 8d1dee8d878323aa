/**
 * The peers feature's cards: the question as posted in the network's channel (open and
 * resolved), the confirmation the asker sees before anything is posted, and the answer's DM.
 */
import { button, buttons, card, cardMessage, context, input, mention, text, type Card, type Mention, type OutgoingMessage, type Translate } from '../core/index.ts';
import type { NetworkQuestion, PeerAnswer } from './records.ts';

/** The question as the network sees it: anonymous when the asker chose so. */
export function questionCard(q: NetworkQuestion, t: Translate, date: string): OutgoingMessage {
  const asker: Mention | undefined = q.anonymous ? undefined : { id: q.askerId, name: q.askerName };
  const value = { n: q.networkId, q: q.number };
  const tagged = q.tagged.map(mention).join(' ');
  const built = card(
    { title: t('peers.card.title', { number: q.number }) },
    text(q.text),
    context(asker ? t('peers.card.asked_by', { name: mention(asker), date }) : t('peers.card.asked_anonymously', { date })),
    q.status === 'open' && text(tagged ? t('peers.card.who_knows', { names: tagged, count: q.tagged.length }) : t('peers.card.who_knows_none')),
    q.status === 'open' &&
      buttons(button(t('peers.button.know'), 'peers.answer', value, 'primary'), button(t('peers.button.resolve'), 'peers.resolve', value)),
    q.status === 'resolved' && text(t('peers.card.resolved', { count: q.answers.length })),
    context(t('peers.card.experience')),
  );
  return withMentions(cardMessage(built), [...(asker ? [asker] : []), ...(q.status === 'open' ? q.tagged : [])]);
}

/** What the asker confirms: exactly the text that will be posted, editable, by name or anonymously. */
export function confirmElements(t: Translate, network: string, questionText: string, withChoice: boolean): Card['elements'] {
  return [
    text(t('peers.confirm.intro', { network })),
    input('question', t('peers.confirm.input'), { multiline: true, required: true, value: questionText }),
    ...(withChoice
      ? [input('as', t('peers.confirm.as'), { kind: 'select', value: 'name', options: [{ label: t('peers.confirm.as_name'), value: 'name' }, { label: t('peers.confirm.as_anonymous'), value: 'anonymous' }] })]
      : []),
    context(t('peers.confirm.privacy')),
  ];
}

export function confirmCard(t: Translate, network: string, questionText: string, value: { p: string; n: string }, notice?: string): OutgoingMessage {
  const built = card(
    { title: t('peers.confirm.title') },
    notice ? text(notice) : null,
    // The text as it will be posted, also where a form field shows no value (plain-text clients).
    text(t('peers.confirm.preview', { text: questionText })),
    ...confirmElements(t, network, questionText, false),
    buttons(
      button(t('peers.button.post_named'), 'peers.post', { ...value, anon: false }, 'primary'),
      button(t('peers.button.post_anonymous'), 'peers.post', { ...value, anon: true }),
      button(t('peers.button.cancel'), 'peers.cancel', { p: value.p }),
    ),
  );
  return cardMessage(built);
}

/** The reply form of "Ik weet het" where no modal can be opened. */
export function replyCard(t: Translate, q: NetworkQuestion): OutgoingMessage {
  return cardMessage(
    card(
      { title: t('peers.reply.title', { number: q.number }) },
      text(q.text),
      input('answer', t('peers.reply.input'), { multiline: true, required: true }),
      context(t('peers.reply.privacy')),
      buttons(button(t('peers.button.send_answer'), 'peers.reply', { n: q.networkId, q: q.number }, 'primary')),
    ),
  );
}

/** The answer as it reaches the asker by direct message, with "Opgelost". */
export function answerDm(t: Translate, q: NetworkQuestion, answer: PeerAnswer, network: string): OutgoingMessage {
  return cardMessage(
    card(
      { title: t('peers.dm.title', { number: q.number, network }) },
      context(t('peers.dm.your_question', { text: q.text })),
      text(t('peers.dm.answer', { name: answer.name, text: answer.text })),
      buttons(button(t('peers.button.resolve'), 'peers.resolve', { n: q.networkId, q: q.number })),
    ),
  );
}

export function withMentions(message: OutgoingMessage, people: Mention[]): OutgoingMessage {
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  return unique.length ? { ...message, mentions: unique } : message;
}
