/**
 * Small changes to the card order for what a question asks: "wat is X?" wants the card that
 * defines X, "hoe lang …?" a card that has a duration.
 */
import { fold, type Lang } from '../core/index.ts';
import { indexTerms } from './analyze.ts';
import { cardSentences } from './sentences.ts';
import { lacksFact } from './fact-cues.ts';
export { definedHead } from './sentence-score.ts';
import type { KnowledgeCard } from './knowledge.ts';
import type { QuestionShape } from './question.ts';
import type { Hit } from './retriever.ts';
import type { Concept } from './query-concepts.ts';

export const FACT_RUNNER_UP = 0.6;
/** A card that defines the word asked about must score this share of the best card named after it. */
const DEFINER_SHARE = 0.6;

/** A close second card with the asked fact (a duration, an amount) goes before a first without it. */
export function withFactFirst(hits: Hit[], shape: QuestionShape, lang: Lang): Hit[] {
  if (hits.length < 2 || !lacksFact(cardSentences(hits[0].card, lang), shape)) return hits;
  const better = hits.slice(1, 3).find((h) => h.score >= hits[0].score * FACT_RUNNER_UP && !lacksFact(cardSentences(h.card, lang), shape));
  return better ? [better, ...hits.filter((h) => h !== better)] : hits;
}

/** True when a card's title (or also its topics) names one of the terms (a word, its stems and synonyms). */
export function namesCard(card: KnowledgeCard, terms: Set<string>, withTopics = true): boolean {
  return indexTerms(withTopics ? `${card.title} ${card.topics.join(' ')}` : card.title).some((t) => terms.has(t));
}

/**
 * For "what is X": the card that defines X goes first: one whose first sentence says "X is …",
 * else the best-ranked card whose title names X.
 */
export function definitionFirst(hits: Hit[], terms: Set<string>, lang: Lang, concepts: Concept[] = [], head?: Concept): Hit[] {
  const top = hits.slice(0, 6);
  // "wat zijn de wachtstatussen bij het zk?": the card named after the most specific word asked
  // about ("wachtstatus", in few titles), not one named after a common one ("zorgkantoor").
  // "Wat is de zorgplicht van het zorgkantoor?" defines its head noun, whatever follows "van".
  const namedBy = (c: Concept) => top.filter((h) => namesCard(h.card, c.terms)).length;
  const key = head && namedBy(head) > 0 ? head : concepts.filter((c) => namedBy(c) > 0).sort((a, b) => namedBy(a) - namedBy(b) || b.weight - a.weight)[0];
  if (key && (concepts.length > 1 || key === head)) terms = key.terms;
  const inTitle = top.filter((h) => namesCard(h.card, terms, false));
  const naming = inTitle.length > 0 ? inTitle : top.filter((h) => namesCard(h.card, terms));
  // A card that opens with "X is …" goes first, unless it ranks far below the best card named after X.
  // Also one that names X only in its topics ("Nederland heeft vier zorgwetten: … De Zvw is …"):
  // a title that lists X among others ("Wlz gaat voor: geen Wmo, Jeugdwet of Zvw") defines nothing.
  const candidates = [...naming, ...top.filter((h) => !naming.includes(h) && namesCard(h.card, terms))];
  const best = candidates.find((h) => defines(h.card, terms, lang) && h.score >= (naming[0]?.score ?? 0) * DEFINER_SHARE) ?? naming[0];
  return best ? [best, ...hits.filter((h) => h !== best)] : hits;
}

/** The defined word, then at most a year or a bracketed expansion, then the verb that defines it. */
const SUBJECT_DEFINED = /^(?:de |het |een |the |a |an )?([^\s(]+(?: [^\s(]+)?)(?: \d{4})?(?: ?\([^)]*\))? (?:is|zijn|betekent|betekenen|staat voor|houdt in|heet|regelt|gaat over|means|stands for|are|refers to|covers|governs|is about)\b/u;

/** How many of a card's opening sentences may hold its definition (a glossary: "Nederland heeft vier zorgwetten: … De Zvw is …", the fourth). */
const DEFINING_SENTENCES = 5;

/** True when one of the card's opening sentences defines one of the terms ("Een maatwerkplek is …"). */
function defines(card: KnowledgeCard, terms: Set<string>, lang: Lang): boolean {
  return cardSentences(card, lang).slice(0, DEFINING_SENTENCES).some((s) => {
    // The defined word stands before the verb ("De Wmo 2015 (…) is …"), not after it ("Opvang
    // voor dakloze mensen heet maatschappelijke opvang" does not define the Wmo).
    // … as the head of the subject: "De Wmo 2015 (…) is", "Een pgb is", "The Wzd (…) covers", not
    // "The Wzd client confidential adviser is" or "Under the Wzd, every provider is".
    const subject = SUBJECT_DEFINED.exec(fold(s.text));
    if (subject === null) return false;
    // The head is the subject's last word (a number is no head): "Wmo support is requested …"
    // says something of support, not what the Wmo is; "De Wmo 2015 (…) is …" defines the Wmo.
    const words = subject[1].split(' ').filter((w) => !/^\d+$/.test(w));
    return indexTerms(words[words.length - 1] ?? '').some((t) => terms.has(t));
  });
}

