/**
 * One answer for a message with several questions ("Wat is X? En wie betaalt Y?"): each answered
 * part in turn, a sentence shown once, and a word on the parts left unanswered.
 */
import type { Catalog, Lang } from '../core/index.ts';
import { sourcesOf, unique, type Answer } from './answer.ts';
import { MAX_FOLLOW_UPS } from './follow-up.ts';
import type { KnowledgeCard } from './knowledge.ts';

export function combineAnswers(answers: Answer[], lang: Lang, catalog: Catalog, cardOf: (id: string) => KnowledgeCard | undefined): Answer {
  const answered = answers.filter((a) => a.answered);
  if (answered.length === 0) return answers.find((a) => a.refusal !== 'unknown' && a.refusal !== 'empty' && a.refusal !== 'vague') ?? answers[0];
  const parts = answered.flatMap((a) => a.parts);
  const open = answers.length - answered.length;
  // Two parts answered from the same card may choose the same sentence: it is shown once.
  const shown = new Set<string>();
  const texts = answered.map((a) => {
    let text = a.text;
    for (const sentence of a.parts.flatMap((p) => p.sentences)) {
      if (shown.has(sentence)) text = text.replace(sentence, '');
      shown.add(sentence);
    }
    return text.replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  });
  const text = [...texts.filter(Boolean), ...(open > 0 ? [catalog.t(lang, 'ask.partly_unknown')] : [])].join('\n\n');
  const cardsShown = unique(parts.map((p) => p.card));
  return {
    ...answered[0],
    text,
    parts,
    cards: unique([...cardsShown, ...answered.flatMap((a) => a.cards.map((id) => cardOf(id)!))]).map((c) => c.id).slice(0, 5),
    followUps: unique(answered.flatMap((a) => a.followUps)).filter((c) => !cardsShown.includes(c)).slice(0, MAX_FOLLOW_UPS),
    sources: sourcesOf(cardsShown),
    confidence: Math.min(...answered.map((a) => a.confidence)),
  };
}
