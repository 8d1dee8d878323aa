/**
 * When the engine is sure enough to answer: how much of the question the best card (or the best
 * two together) covers and how far it stands out, and whether the number, amount or duration
 * shown is about what was asked. Below these, Wegwijs says it does not know rather than guess.
 */
import { fold, type Lang } from '../core/index.ts';
import { cardSentences } from './sentences.ts';
import { indexTerms } from './analyze.ts';
import type { AnswerPart } from './compose.ts';
import { factCue } from './fact-cues.ts';
import { deciding } from './lead.ts';
import type { QuestionShape } from './question.ts';
import type { Concept } from './query-concepts.ts';
import type { Hit, Retrieval, RetrieveOptions, Retriever } from './retriever.ts';

/**
 * Below this share of the question covered by the best card, Wegwijs says it is not sure.
 * (0.4 and a margin of 0.08 until 1 December: on the tuning split 13 of the answerable questions
 * the gate refused were answered right and 3 wrong without it; at 0.3 and 0.05 eight were fixed
 * and none broken, and every must-refuse question stays refused. The checks after it, on the
 * sentences shown and the fact in them, still refuse an answer that is not about the question.)
 */
export const MIN_CONFIDENCE = 0.3;
/** Between MIN_CONFIDENCE and this, the best card must also stand out from the second. */
export const MARGIN_ZONE = 0.55;
const MIN_MARGIN = 0.05;
/** A question of this many things asked or told is long: mostly a situation told first. */
const LONG_UNITS = 8;
/** … whose best card stands out this far from the second … */
const LONG_MIN_MARGIN = 0.2;
/**
 * … needs this share of each bar below: a story's who, where and since when are words no card
 * shares, so the best card and its sentences cover less of it, though they answer it.
 */
const LONG_FACTOR = 0.5;
/** The best two cards together must cover this much more of the question than the first alone. */
const PAIR_GAIN = 0.2;
/**
 * The best sentence must itself cover this share of the question, or the card is not the answer
 * (fitted on the tuning split and the probes, 1 Dec 2026: test/eval/README-facts.md).
 */
const MIN_SENTENCE_MATCH = 0.25;

/** True when the shown sentences cover too little of the question to be about it. */
export function offTopic(matched: number, retrieval: Retrieval, margin: number): boolean {
  return retrieval.typed > 1 && matched < MIN_SENTENCE_MATCH * barFor(retrieval, margin);
}

/** A question of many things told or asked: mostly a situation told first. */
const isLong = (retrieval: Retrieval) => (retrieval.units ?? retrieval.typed) >= LONG_UNITS;

/** 1, or LONG_FACTOR for a long told situation whose best card stands out clearly from the second. */
export function barFor(retrieval: Retrieval, margin: number): number {
  return isLong(retrieval) && margin >= LONG_MIN_MARGIN ? LONG_FACTOR : 1;
}

/** "Wat is X en hoe lang …?": a definition and a fact asked as two parts. */
const DEFINE_AND_FACT = /\b(wat (is|zijn|betekent|houdt|doet|doen)|what (is|are|does|do))\b.+\b(en|and)\b.+\b(hoe ?lang|hoeveel|hoe vaak|wat kost|kost(en|t)? (het|dat|dit|die|ze)|how (long|many|much|often)|what does it cost|does (it|that) cost)\b/u;
/**
 * "Escalate where, and how often do they meet?", "wie regelt dat en hoe lang duurt het?": another question
 * and a fact asked as two parts, either way round, as with a definition.
 */
const OTHER_AND_FACT = /\b(wie|waar|welke?|waarom|who|where|which|why)\b.+\b(en|and)\b.+\b(hoe ?lang|hoeveel|hoe vaak|how (long|many|much|often))\b|\b(hoe ?lang|hoeveel|hoe vaak|how (long|many|much|often))\b.+\b(en|and)\b.+\b(wie|waar|welke?|waarom|who|where|which|why)\b/u;
/** Whether the (folded) question asks a fact and something else as two parts (a definition, a who, a where …). */
export function asksFactAndMore(folded: string): boolean {
  return DEFINE_AND_FACT.test(folded) || OTHER_AND_FACT.test(folded);
}
/** The kinds of fact a question can want that a card may lack. */
export const FACT_WANTS: string[] = ['duration', 'money', 'frequency', 'count'];

/** How far the best card stands out from the second (its share of the best score); 1 when alone. */
export function marginOf(hits: Hit[]): number {
  return hits.length > 1 ? (hits[0].score - hits[1].score) / hits[0].score : 1;
}

/**
 * Too unsure to answer: the best card covers too little of the question, or little and stands
 * not out from the second, unless two close cards that each answer one part ("X en Y?") answer
 * it together.
 */
export function tooUnsure(retrieval: Retrieval, confidence: number, margin: number): boolean {
  const together = retrieval.pairConfidence >= MARGIN_ZONE && retrieval.pairConfidence - confidence >= PAIR_GAIN;
  // A long situation spreads over related cards: two close ones need less of it covered too.
  const zone = isLong(retrieval) ? MARGIN_ZONE * LONG_FACTOR : MARGIN_ZONE;
  const unsure = confidence < MIN_CONFIDENCE * barFor(retrieval, margin) || (confidence < zone && margin < MIN_MARGIN);
  return unsure && !together;
}

/** The share of the question the sentence with the asked fact must cover itself. */
const MIN_FACT_MATCH = 0.25;

/** Words that say which kind of fact is asked (a price, a period, a number), not what it is about. */
const MEASURE = /^(kost\w*|prijs\w*|tarie\w*|tarif\w*|bedrag\w*|euro|hoeveel|hoe|veel|lang|duur\w*|aantal\w*|dag\w*|etmaal|week|weken|maand\w*|jaar|jar\w*|uur|uren|per|gemiddeld\w*|ongeveer|cost\w*|price\w*|rate|rates|tariff\w*|amount\w*|how|much|many|long|number\w*|day\w*|week\w*|month\w*|year\w*|hour\w*|average|\d{4})$/u;
/** A question for a price (not for how much more or a share) is not answered by a percentage. */
const PRICE_ASKED = /\b((wat|hoeveel) (kost|kosten)|what (does|do|will) .{1,60}\bcost|how much (does|do|is|will) .{1,60}\bcost|prijs|tarief|tarieven|price|tariff|rate per)\b/u;
const RELATIVE = /\b(meer|minder|hoger|lager|duurder|goedkoper|extra|procent|percentage|deel|more|less|higher|lower|dearer|cheaper|percent|share)\b/u;
const ABSOLUTE_AMOUNT = /(€|\beuro\b|\bmiljoen\b|\bmiljard\b|\bmillion\b|\bbillion\b|\bgratis\b|\bkosteloos\b|\b(for free|costs nothing|no charge)\b|\bis (always |completely )?free\b|\bno cost\b|\bniets\b|\beigen bijdrage\b|\bbedrag\w*\b|\bamount\b)/u;
/** The share of the question's subject (beyond the measure words) the fact's sentence must cover. */
const MIN_SUBJECT_MATCH = 0.3;
/** With the title, the fact's sentence must cover this much of the subject when it repeats little itself. */
const TITLE_CARRIES = 0.5;

/**
 * True unless the question wants a specific fact and no shown sentence with it is about the
 * question: it must cover enough of the question, and of what the fact is about ("een
 * verpleeghuisplek"), not only the measure ("kost", "per dag"). The card's title and the sentence
 * just before may carry the subject ("Zorg thuis kan duurder zijn. Dan mag het 25% hoger zijn.").
 */
export function factIsAbout(parts: AnswerPart[], shape: QuestionShape, concepts: Concept[], lang: Lang = 'nl', bar = 1): boolean {
  const asked = factCue(shape);
  if (!asked) return true;
  const question = fold(shape.text);
  const priceOnly = shape.wants.includes('money') && PRICE_ASKED.test(question) && !RELATIVE.test(question);
  const cue = priceOnly ? { test: (t: string) => asked.test(t) && ABSOLUTE_AMOUNT.test(t) } : asked;
  // A concept is a measure when most of its forms are ("hoevel|hoeveel"), not when a synonym's
  // word is one ("ekt" also searches "extra kosten thuis", but asks about the EKT).
  const measureless = concepts.filter((c) => [...c.terms].filter((t) => MEASURE.test(t)).length * 2 < c.terms.size);
  // What is asked may carry the fact alone, without the situation told before it ("Dochter …
  // diende een klacht in. Binnen welke termijn moeten we volgens de Wkkgz een oordeel geven?").
  const focus = measureless.filter((c) => !c.background);
  const subjects = focus.length > 0 && focus.length < measureless.length ? [measureless, focus] : [measureless];
  return parts.some((p) => {
    // The card's title stands above its sentences: what it names is the subject of all of them;
    // so does its opening sentence, in the answer's language ("Geriatric rehabilitation (GRZ) is …"
    // under a Dutch title).
    const title = [...indexTerms(`${p.card.title} ${p.card.topics.join(' ')}`), ...(cardSentences(p.card, lang)[0]?.terms ?? [])];
    // A close runner-up shown as extra (lead.ts) is neither a fact nor the context of one.
    const core = deciding(p.chosen);
    return core.some((s, i) => {
      if (!cue.test(s.folded)) return false;
      if (measureless.length === 0) return s.matched >= MIN_FACT_MATCH * bar;
      const near = new Set([...s.terms, ...(core[i - 1]?.terms ?? []), ...title]);
      return subjects.some((subject) => {
        const about = shareOf(subject, near);
        // A short fact sentence ("De aanbieder moet binnen zes weken een oordeel geven") under a
        // title that names the rest of the question is about it, though it repeats few words itself.
        return about >= MIN_SUBJECT_MATCH * bar && (s.matched >= MIN_FACT_MATCH * bar || about >= TITLE_CARRIES);
      });
    });
  });
}

/** The share of the concepts' weight that the terms cover. */
function shareOf(concepts: Concept[], terms: Set<string>): number {
  const total = concepts.reduce((a, c) => a + c.weight, 0);
  return concepts.reduce((a, c) => a + ([...c.terms].some((t) => terms.has(t)) ? c.weight : 0), 0) / (total || 1);
}

/**
 * A story told before the question ("stel dat een cliënt … dreigt te escaleren. Welke route is er via de
 * C.O.T.'s, en hoe snel?") brings words no card has; the question asked after it may still be plain.
 * Sure when the asking sentence alone finds the same card, and is sure of it.
 */
export function sureOfFocus(retriever: Retriever, shape: QuestionShape, top: string, options: RetrieveOptions): boolean {
  if (!shape.background || !shape.focus) return false;
  const alone = retriever.retrieve(shape.focus, options);
  return alone.hits[0]?.card.id === top && !tooUnsure(alone, alone.confidence, marginOf(alone.hits));
}
