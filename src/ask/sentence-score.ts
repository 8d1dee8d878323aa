/**
 * Scoring a card's sentences against the question: the share of the question's words each
 * sentence has (the scene's words and the card's title words weighing less), lifted for the kind
 * of fact asked for, the law asked about, a definition of what is asked, and concrete content.
 */
import { fold } from '../core/index.ts';
import { indexTerms } from './analyze.ts';
import type { Law, QuestionShape } from './question.ts';
import { DEFINE_INDIRECT, lawsIn } from './question.ts';
import { comparedSides } from './compare.ts';
import { CUES, CUE_WEIGHT } from './fact-cues.ts';
import { compoundHeads, type Concept } from './query-concepts.ts';
import { notesOf, sentenceHas, type Sentence } from './sentences.ts';

export interface ScoredSentence extends Sentence {
  score: number;
  /** The share of the question's words (weighted) the sentence itself covers, 0..1. */
  matched: number;
  /** Shown as a close runner-up only (lead.ts): it does not count as the answer's fact. */
  extra?: true;
}

const CARRY_OVER = 0.6;

// Concrete content (a number, an article, a named body) makes a sentence a better answer than a
// general one with the same words.
const CONCRETE = /\d|\b(art(ikel)?\.?\s*\d)|\b\p{Lu}{2,}\b/u;

/** How much a word of the situation or of an "als/if" clause counts, against a word of what is asked. */
const BACKGROUND_WEIGHT = 0.6;
/** What is asked must carry at least this share of the question for the background to weigh less. */
const MIN_FOCUS_SHARE = 0.2;

/**
 * The question's concepts with the words that only set the scene (the situation told first, an
 * "als/if" clause) weighing less: "wie heeft zorgplicht als geen aanbieder hem opneemt?" is
 * answered by the sentence about who has the duty, not by one about providers refusing.
 */
export function focusWeighted(concepts: Concept[], shape: QuestionShape): Concept[] {
  if (!shape.background) return concepts;
  const focus = new Set(indexTerms(shape.focus ?? shape.text));
  const inFocus = (c: Concept) => [...c.terms].some((t) => focus.has(t));
  const total = concepts.reduce((a, c) => a + c.weight, 0);
  const focused = concepts.filter(inFocus).reduce((a, c) => a + c.weight, 0);
  if (total === 0 || focused / total < MIN_FOCUS_SHARE) return concepts;
  return concepts.map((c) => (inFocus(c) ? c : { ...c, background: true }));
}

// "wat is de zorgplicht van het zorgkantoor", "what is the duty of care of the care office",
// "wat doet een cliëntondersteuner en kost dat iets": the words right after "wat is/doet", up
// to "van"/"of", a preposition or "en", are what is asked to be defined.
const DEFINED_HEAD = /\b(?:wat (?:is|zijn|betekent|betekenen|houdt|doet|doen)|what (?:is|are|does|do))\s+(?:eigenlijk |precies |nou |exactly |actually )?(?:de |het |een |the |a |an )?((?:(?!(?:van|of|en|and|bij|in|voor|onder|for|at|under|met|with)\b)[^\s?,.:;]+\s*){1,3})/u;
// "waar staat CCE voor?", "what does COT stand for", "whats CCE short for": the abbreviation asked.
const SPELLED_OUT = /\b(?:waar staat|what does|whats|what's|what is)\s+(?:de |het |een |the |a |an )?([^\s?,.:;]+)\s+(?:voor\b|stand for|short for)|\bafkorting\s+(?:van\s+)?([^\s?,.:;]+)/u;
// Words that say what kind of answer is wanted, not what it is about.
const NOT_A_HEAD = /^(verschil\w*|difference\w*|kost\w*|cost\w*|prijs|price|rol|role|taak|taken|task\w*|doel|purpose|idee|idea)$/u;

/** The concept a "what is X (of Y)" question asks to define: X, the head before "of"/"van". */
export function definedHead(folded: string, concepts: Concept[]): Concept | undefined {
  const found = DEFINED_HEAD.exec(folded) ?? SPELLED_OUT.exec(folded) ?? DEFINE_INDIRECT.exec(folded);
  if (!found) return undefined;
  const head = new Set((found[1] ?? found[2]).split(/\s+/).filter((w) => w && !NOT_A_HEAD.test(w)).flatMap((w) => indexTerms(w)));
  return concepts.filter((c) => [...c.terms].some((t) => head.has(t))).sort((a, b) => b.weight - a.weight)[0];
}

/** A sentence that says what the asked word is, for "wat is …?". */
const DEFINITION = 0.2;
// The defined word, then the verb: "X is …", "X betekent …" (not "X kan duurder zijn").
const DEFINES = /^(?:(?!(?:kan|kunnen|mag|mogen|moet|moeten|zal|zullen|wil|willen|wordt|worden|can|may|must|will|would|should|does|do)\s)\S+\s+){0,5}?(?:is|zijn|betekent|betekenen|staat voor|houdt in|heet|heten|means|stands for|are|refers to)\s/u;
export function definesAsked(s: Sentence, concepts: Concept[]): boolean {
  const head = definedBy(s);
  return head !== null && concepts.some((c) => anyIn(c.terms, head));
}
/** The terms before a sentence's defining verb ("X is …"), or null without one; once per sentence. */
function definedBy(s: Sentence): Set<string> | null {
  const notes = notesOf(s);
  if (notes.definedBy === undefined) {
    const verb = DEFINES.exec(s.folded);
    notes.definedBy = verb ? new Set(indexTerms(s.folded.slice(0, verb[0].length))) : null;
  }
  return notes.definedBy;
}

/** "Hoeveel meer zorg?", "welk percentage?": a share answers it (25% meer), not a count (twee cliënten). */
const SHARE_ASKED = /\b(hoeveel (meer|extra|hoger|minder|lager|procent)|welk percentage|hoe groot (is )?het (deel|percentage)|how much (more|extra|higher|less|lower)|what percentage|what share)\b/u;
const SHARE = /\d+([.,]\d+)? ?(%|procent|percent)|\b(een kwart|de helft|a quarter|half)\b/u;
const SHARE_LIFT = 0.2;

/** A sentence that only names the source of the one before it. */
const ATTRIBUTION = /^(dat|dit|zo|that|this) (blijkt|staat|volgt|komt naar voren|shows|appears|is shown|follows|comes)\b.{0,30}\b(uit|in|from)\b/u;

/** A sentence that defines one side of a comparison: this much per side. */
const COMPARE_SIDE = 0.25;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** For "X vs Y": patterns of a sentence (or clause) that says what X is, and what Y is ("De Wlz (Wet langdurige zorg) is …"). */
function definingPatterns(shape: QuestionShape): RegExp[] {
  const sides = shape.wants.includes('compare') ? comparedSides(shape.text) : undefined;
  return sides ? sides.map(definingPattern) : [];
}
/** A sentence (or clause) that says what `side` is. */
export function definingPattern(side: string): RegExp {
  return new RegExp(`(?:^|[;:]\\s*|\\b(?:en|and|maar|but|terwijl|while|whereas)\\s+)(?:een |de |het |a |an |the )?${escape(side)}\\w{0,3}(?:\\s*\\([^)]{1,60}\\))?\\s+(?:(?:is|zijn|are)\\s+(?!(?:daarnaast|ook|niet|wel|nog|soms|vaak|dan|er|daar|hier|in|bij|op|betrokken|also|not|often|then|there|involved)\\b)|betekent\\b|means\\b|staat voor\\b|stands for\\b|heet\\b)`, 'u');
}

export interface ScoreContext {
  shape: QuestionShape;
  concepts: Concept[];
  laws: Law[];
  /** The terms of the card's title: in-card, the words it shares with the question weigh less. */
  title?: Set<string>;
}

/** Whether one of `terms` is in `set` (as `[...terms].some(…)`, without copying: this runs per sentence and concept). */
function anyIn(terms: Iterable<string>, set: Set<string>): boolean {
  for (const t of terms) if (set.has(t)) return true;
  return false;
}
export const covers = (s: Sentence, c: Concept) => anyIn(c.terms, s.terms) || (s.joined !== undefined && anyIn(c.terms, s.joined));
/** 1 when the sentence has the word (or a synonym), less when only the head of a compound ("groep" for "doelgroepen"). */
function creditOf(s: Sentence, terms: string[], partial: string[] | undefined): number {
  if (listIn(terms, s.terms) || (s.joined !== undefined && listIn(terms, s.joined))) return 1;
  return (partial && listIn(partial, s.terms)) || listIn(terms, headsOf(s)) ? PARTIAL_CREDIT : 0;
}
function listIn(terms: string[], set: Set<string>): boolean {
  for (let i = 0; i < terms.length; i++) if (set.has(terms[i])) return true;
  return false;
}
function headsOf(s: Sentence): Set<string> {
  const notes = notesOf(s);
  return (notes.heads ??= compoundHeads(s.terms));
}
const PARTIAL_CREDIT = 0.3;
/**
 * Inside one card, the words its title shares with the question say little about which sentence
 * answers: every sentence is about the card's subject. They count this much there.
 */
const TITLE_WORD_WEIGHT = 0.5;

// The laws a sentence names, found once per sentence (cards and laws do not change while running);
// a scored copy finds them too (notesOf).
export function lawsOf(s: Sentence, laws: Law[]): string[] {
  const notes = notesOf(s);
  if (notes.lawsFor !== laws || notes.laws === undefined) {
    notes.laws = lawsIn(s.folded, laws).named;
    notes.lawsFor = laws;
  }
  return notes.laws;
}
/** Concrete content in a sentence's text (CONCRETE), once per sentence. */
function isConcrete(s: Sentence): boolean {
  const notes = notesOf(s);
  return (notes.concrete ??= CONCRETE.test(s.text));
}

/** Scores every sentence of a card for the question: shared rare words, and the fact wanted. */
export function scoreSentences(sentences: Sentence[], context: ScoreContext): ScoredSentence[] {
  const title = context.title;
  const concepts = context.concepts;
  const inTitle = concepts.map((c) => Boolean(title && anyIn(c.terms, title)));
  // Each sentence's credit for each concept, worked out once for the two shares below (1 is covers()).
  // (The concepts' terms as arrays: looking them up by index is much cheaper than iterating sets.)
  const n = concepts.length;
  const credits = new Float64Array(sentences.length * n);
  const terms = concepts.map((c) => [...c.terms]);
  const partial = concepts.map((c) => (c.partial ? [...c.partial] : undefined));
  sentences.forEach((s, i) => {
    for (let k = 0; k < n; k++) credits[i * n + k] = creditOf(s, terms[k], partial[k]);
  });
  // The scene's words weigh less, when the card speaks of what is asked at all.
  const focusFound = credits.some((x, j) => x === 1 && !concepts[j % n].background && !inTitle[j % n]);
  const scene = (c: Concept) => (c.background && focusFound ? BACKGROUND_WEIGHT : 1);
  const shareOf = (weightOf: (c: Concept, k: number) => number) => {
    const weights = concepts.map(weightOf);
    const total = weights.reduce((a, w) => a + w, 0) || 1;
    const shares = sentences.map((_, i) => weights.reduce((sum, w, k) => sum + credits[i * n + k] * w, 0) / total);
    // A sentence often leans on the one before it ("Sinds 2021 zijn er vier: …"): it shares a
    // little of that sentence's match.
    return shares.map((m, i) => m + CARRY_OVER * (shares[i - 1] ?? 0) * (1 - m));
  };
  // `matched` is the plain share of the question; the ranking weighs the title's words less.
  const matches = shareOf((c) => c.weight);
  // "Wat is X?" and "X vs Y" ask about the title's words themselves.
  const aboutTitle = context.shape.wants.includes('define') || context.shape.wants.includes('compare');
  const ranks = shareOf((c, k) => c.weight * scene(c) * (inTitle[k] && !aboutTitle ? TITLE_WORD_WEIGHT : 1));
  const asked = context.shape.laws;
  const defines = definingPatterns(context.shape);
  // What "wat is X (van Y)?" asks to define: X when it can be told, else any word asked.
  const question = fold(context.shape.text);
  const head = context.shape.wants.includes('define') ? definedHead(question, context.concepts) : undefined;
  const defined = head ? [head] : context.concepts;
  const shareAsked = SHARE_ASKED.test(question);
  return sentences.map((s, i) => {
    const matched = matches[i];
    let score = ranks[i];
    const folded = s.folded;
    for (const want of context.shape.wants) {
      const cue = CUES[want];
      if (cue && sentenceHas(s, cue)) score += CUE_WEIGHT[want] ?? 0;
    }
    if (asked.length > 0) {
      const named = lawsOf(s, context.laws);
      if (named.some((l) => asked.includes(l))) score += 0.15;
      else if (named.length > 0) score -= 0.35;
    }
    // "Het verschil tussen X en Y": a sentence that says what X is (and what Y is) answers it.
    for (const pattern of defines) if (pattern.test(folded)) score += COMPARE_SIDE;
    // "Wat is X?": a sentence that says what X is ("X is een …", "X betekent …") is the answer.
    if (context.shape.wants.includes('define') && definesAsked(s, defined)) score += DEFINITION;
    // The card's opening sentence is its summary (for "what is …" its definition): a small lift.
    if (s.position === 0) score += context.shape.wants.includes('define') ? 0.2 : 0.08;
    if (isConcrete(s)) score += 0.05;
    if (shareAsked && sentenceHas(s, SHARE)) score += SHARE_LIFT;
    // A question in the card ("Wat maakt een netwerk succesvol?") introduces, it answers nothing.
    // A numbered step that ends in a question ("1) verhelderen: wat willen we oplossen?") is content.
    if (s.text.endsWith('?') && !/^\d+\)|:/u.test(s.text)) score -= 0.5;
    // "Dat blijkt uit het rapport …" only says where the sentence before it comes from.
    if (sentenceHas(s, ATTRIBUTION)) score -= 0.2;
    // (Written out: a spread copy was ~4% of an answer.)
    return { text: s.text, folded: s.folded, terms: s.terms, joined: s.joined, position: s.position, score, matched };
  });
}

/** The question's concepts that a set of sentences does not cover. */
export function uncovered(concepts: Concept[], covered: Sentence[]): Concept[] {
  return concepts.filter((c) => !covered.some((s) => covers(s, c)));
}
