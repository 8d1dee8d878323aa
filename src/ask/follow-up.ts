/**
 * Follow-ups: a message that only makes sense with the earlier question of the thread, and the
 * cards offered after an answer ("Zie ook": close runners-up and the card's related cards).
 */
import { isStopWord, words } from './analyze.ts';
import { orderForRole, unique } from './answer.ts';
import type { AnswerPart } from './compose.ts';
import { MARGIN_ZONE } from './confidence.ts';
import type { KnowledgeCard } from './knowledge.ts';
import type { Hit } from './retriever.ts';
import type { Role } from './roles.ts';

/** A runner-up this close to the best card is offered after the answer. */
const FOLLOW_UP_SHARE = 0.55;
export const MAX_FOLLOW_UPS = 4;

/**
 * A follow-up that only makes sense with the earlier question: short, and either starting with
 * a connecting word ("en bij een crisisopname?", "and the CCE?") or too vague to answer alone.
 * A full question on its own is a new question, even in the same thread.
 */
export function isElliptic(question: string, confidenceAlone: number): boolean {
  const content = words(question).filter((w) => !isStopWord(w));
  if (content.length > 5) return false;
  if (/^\s*(en|and|maar|but|ook|also|dus|so|what about|how about|wat als|en als|en bij|en voor|en wat|en wie|and if|and for)\b/i.test(question)) return true;
  return content.length <= 2 && confidenceAlone < MARGIN_ZONE;
}

/** The runners-up close to the best card. */
export function nearCards(hits: Hit[]): KnowledgeCard[] {
  return hits.slice(1).filter((h) => h.score >= hits[0].score * FOLLOW_UP_SHARE).map((h) => h.card);
}

/** The cards offered after an answer: close runners-up and the best card's related cards, not those shown. */
export function followUpCards(near: KnowledgeCard[], best: KnowledgeCard, parts: AnswerPart[], role: Role | undefined, cardOf: (id: string) => KnowledgeCard | undefined): KnowledgeCard[] {
  const related = best.related.map((id) => cardOf(id)).filter((c): c is KnowledgeCard => Boolean(c));
  const shown = parts.map((p) => p.card.id);
  return orderForRole(unique([...near, ...related]).filter((c) => !shown.includes(c.id)), role).slice(0, MAX_FOLLOW_UPS);
}
