/**
 * Composing the answer: the sentences of a card (its answer and body, in the answer's language)
 * that answer the question, chosen by the question's words and the kind of fact it wants. A card
 * answers many questions; the asker should see the one fact asked for first, not the summary.
 * The pieces: sentences.ts (a card's sentences), sentence-score.ts (scoring them), fact-cues.ts
 * (the kinds of fact), lead.ts (the lead); here the parts of the answer, a second card's too.
 */
import type { Lang } from '../core/index.ts';
import { indexTerms } from './analyze.ts';
import type { KnowledgeCard } from './knowledge.ts';
import type { Law, QuestionShape } from './question.ts';
import { comparedSides } from './compare.ts';
import { factCue } from './fact-cues.ts';
import { chooseLead, deciding } from './lead.ts';
import type { Concept } from './query-concepts.ts';
import { lawsOf, scoreSentences, uncovered, type ScoredSentence } from './sentence-score.ts';
import { cardSentences, sentenceHas } from './sentences.ts';

/** One card's contribution to the answer: the sentences shown and where they come from. */
export interface AnswerPart {
  card: KnowledgeCard;
  sentences: string[];
  /** The chosen sentences with their scores (for `wegwijs eval --explain`). */
  chosen: ScoredSentence[];
}

export interface ComposeInput {
  shape: QuestionShape;
  lang: Lang;
  concepts: Concept[];
  laws: Law[];
  /** Per card id: the laws it is about. */
  cardLaws: Map<string, string[]>;
}

/**
 * A second card answers a second part when that part carries this share of the question (this and
 * SECOND_PART_MATCH fitted on the tuning split and the probes, 1 Dec 2026: test/eval/README-facts.md).
 */
const SECOND_PART_SHARE = 0.2;
/** The second card's sentence must itself cover this share of the open part. */
const SECOND_PART_MATCH = 0.4;
/** Terms that only say which kind of fact is asked (a price, a period, a number). */
const MEASURE_WORD = /^(kost\w*|prijs\w*|tarie\w*|bedrag\w*|euro|hoeveel|lang|duur\w*|aantal\w*|cost\w*|price\w*|amount\w*|much|many|long|number\w*|last\w*|tak\w*)$/u;

/**
 * The answer's parts: the best card's sentences for the question, and when a second card covers
 * a part the first leaves open (another law, a second question), that card's best sentence too.
 * `matched` is how much of the question (beyond what the card's title already says) the best
 * card's sentences cover.
 */
export function composeAnswer(input: ComposeInput, cards: KnowledgeCard[]): { parts: AnswerPart[]; matched: number } {
  const { shape, lang, laws, cardLaws } = input;
  const [best, ...others] = cards;
  // The title stands above the answer: what it says counts as answered for the check below.
  const title = new Set(indexTerms(best.title));
  const beyondTitle = input.concepts.filter((c) => ![...c.terms].some((t) => title.has(t)));
  const lead = chooseLead(scoreSentences(cardSentences(best, lang), { shape, concepts: input.concepts, laws, title }), shape, undefined, input.concepts, beyondTitle.length > 0 ? beyondTitle : input.concepts);
  const parts: AnswerPart[] = [{ card: best, sentences: withAsOf(lead.map((s) => s.text), best, lang), chosen: lead }];
  // A close runner-up shown only as extra (lead.ts) decides nothing below: the answer is as sure,
  // and a part left open is as open, as without it.
  const core = deciding(lead);
  const total = input.concepts.reduce((a, c) => a + c.weight, 0) || 1;
  // What the title covers counts as matched: the user reads it above the sentences.
  const titleShare = beyondTitle.length === 0 ? 1 : 1 - beyondTitle.reduce((a, c) => a + c.weight, 0) / total;
  const matched = titleShare + (1 - titleShare) * Math.max(0, ...core.map((s) => s.matched));
  // The scene ("als geen aanbieder hem opneemt") asks for no answer of its own.
  // A word that only asks for the kind of fact ("kost", "hoe lang") is answered once the lead
  // has that kind of fact ("OCO is gratis"): it is no open part for another card.
  const cue = factCue(shape);
  const factShown = cue !== undefined && core.some((s) => sentenceHas(s, cue));
  const open = uncovered(input.concepts, core).filter((c) => !c.background && (!beyondTitle.length || beyondTitle.includes(c)) && !(factShown && [...c.terms].every((t) => MEASURE_WORD.test(t))));
  const missingLaw = shape.laws.find((law) => !core.some((s) => lawsOf(s, laws).includes(law)) && !cardLaws.get(best.id)?.includes(law));
  const openShare = open.reduce((a, c) => a + c.weight, 0) / total;
  if (!missingLaw && openShare < SECOND_PART_SHARE) return { parts, matched };
  // "X vs Y": each side is shown by the card that defines it (the engine's coverSides), not by
  // any sentence that mentions it.
  if (shape.wants.includes('compare') && comparedSides(shape.text)) return { parts, matched };
  let second: { card: KnowledgeCard; sentence: ScoredSentence } | undefined;
  for (const card of others.slice(0, 4)) {
    if (missingLaw && !cardLaws.get(card.id)?.includes(missingLaw)) continue;
    const [top] = scoreSentences(cardSentences(card, lang), { shape, concepts: open, laws }).sort((a, b) => b.score - a.score);
    // It must be about the open part itself, not only have the kind of fact asked for.
    if (top && top.matched >= SECOND_PART_MATCH && (!second || top.score > second.sentence.score)) second = { card, sentence: top };
  }
  if (second) parts.push({ card: second.card, sentences: withAsOf([second.sentence.text], second.card, lang), chosen: [second.sentence] });
  return { parts, matched };
}

/** A time-bound card says when its facts were true, unless the sentences already do. */
function withAsOf(sentences: string[], card: KnowledgeCard, lang: Lang): string[] {
  if (!card.as_of || sentences.length === 0) return sentences;
  const year = card.as_of.slice(0, 4);
  if (sentences.some((s) => s.includes(year))) return sentences;
  const last = sentences.length - 1;
  const note = lang === 'en' ? `(as of ${year})` : `(stand ${year})`;
  return [...sentences.slice(0, last), `${sentences[last].replace(/([.!?])?$/, ` ${note}$1`)}`];
}
