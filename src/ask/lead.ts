/**
 * The lead: which of a card's scored sentences are shown, and in which order. The best sentence,
 * then those that add the kind of fact asked for, what "wat is X" defines, every item of a list,
 * or a part of the question left open, while the whole stays short.
 */
import { fold } from '../core/index.ts';
import type { QuestionShape } from './question.ts';
import { factCues, LIST } from './fact-cues.ts';
import type { Concept } from './query-concepts.ts';
import { covers, definedHead, definesAsked, type ScoredSentence } from './sentence-score.ts';
import { notesOf, sentenceHas, type Sentence } from './sentences.ts';

/** Aim for a lead a professional reads at a glance. */
export const LEAD_MAX_WORDS = 60;
/** A question for a list ("welke groepen …") may get a longer lead: the list is the answer. */
export const LIST_MAX_WORDS = 80;
/**
 * A next sentence joins the lead when it scores this share of the best one and fits the words (this
 * and MAX_LEAD_SENTENCES fitted on the tuning split and the probes, 1 Dec 2026: test/eval/README-facts.md).
 */
const SECOND_SENTENCE_SHARE = 0.4;
/**
 * A next sentence that scores this share of the best one and covers a word of the question the lead
 * does not yet cover may stretch the lead to 1.5 x its words: cards' sentences are long, and the
 * asked fact often sits in the runner-up (fitted on tuning + incoming + probes, 1 Dec 2026 night:
 * +42 answers with the fact, lead 65 -> 69 words on average; test/eval/README-facts.md).
 */
const CLOSE_SENTENCE_SHARE = 0.6;
/** Short sentences may be four; LEAD_MAX_WORDS keeps the lead short either way. */
const MAX_LEAD_SENTENCES = 4;
/** A list may take one sentence more, each with an item of its own. */
const MAX_LIST_SENTENCES = 4;
/** An item's sentence must score half as well as the best sentence. */
const LIST_ITEM_MATCH = 0.5;
/** A word carrying this share of the question is a part of it the lead must cover if the card can. */
const OPEN_PART_SHARE = 0.2;
/** The sentence that covers an open part must also share this much more of the question. */
const OPEN_PART_EXTRA = 0.1;

/**
 * The lead: the best sentence, then the next best ones while they still answer the question and
 * the whole stays short; a sentence with the kind of fact asked for (a duration, an amount) is
 * always among them when the card has one. In the card's own order, so it reads as written.
 */
export function chooseLead(scored: ScoredSentence[], shape: QuestionShape, maxWords = shape.wants.includes('list') ? LIST_MAX_WORDS : LEAD_MAX_WORDS, concepts: Concept[] = [], open: Concept[] = concepts): ScoredSentence[] {
  if (scored.length === 0) return [];
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.position - b.position);
  const best = ranked[0];
  const lead = [best];
  const wordsOf = (s: Sentence) => (notesOf(s).words ??= s.text.split(/\s+/).length);
  let words = wordsOf(best);
  const fits = (s: ScoredSentence, budget = maxWords) => !lead.includes(s) && !repeats(s, lead) && words + wordsOf(s) <= budget;
  const take = (s: ScoredSentence) => {
    lead.push(s);
    words += wordsOf(s);
  };
  // Each kind of fact asked for (a duration and a who, say) gets a sentence that has it.
  const cues = factCues(shape);
  for (const cue of cues) {
    if (lead.some((s) => sentenceHas(s, cue))) continue;
    // The asked fact may stretch the lead a little: it is what the asker came for.
    const withFact = ranked.find((s) => s.score > 0.15 && sentenceHas(s, cue) && fits(s, maxWords * 1.5));
    if (withFact) take(withFact);
  }
  // "Wat is meerzorg en wie vraagt het aan?": the other part's facts do not push out what X is.
  const otherWants = shape.wants.some((w) => w !== 'define' && w !== 'list' && w !== 'how' && w !== 'compare');
  const head = shape.wants.includes('define') && otherWants ? definedHead(fold(shape.text), concepts) : undefined;
  if (head && !lead.some((s) => definesAsked(s, [head]))) {
    const definition = ranked.find((s) => s.score > 0.15 && definesAsked(s, [head]) && fits(s, maxWords * 1.5));
    if (definition) take(definition);
  }
  // "Welke termijnen gelden …?", "wie zitten er aan tafel?": every item asked for, not only the
  // first. The other sentences with the kind of fact asked for that add a new one (another term,
  // another body), while they are about the question too.
  const itemCue = shape.wants.includes('list') ? factCues(shape).find((c) => c !== LIST) : undefined;
  if (itemCue) {
    // One global pattern for every sentence (match() starts it from 0 each time).
    const itemPattern = new RegExp(itemCue.source, 'giu');
    const items = (s: Sentence) => new Set((s.folded.match(itemPattern) ?? []).map((m) => m.trim()));
    const known = new Set(lead.flatMap((s) => [...items(s)]));
    for (const s of ranked) {
      if (lead.length >= MAX_LIST_SENTENCES) break;
      if (lead.includes(s) || s.matched <= 0 || s.score < best.score * LIST_ITEM_MATCH || !fits(s)) continue;
      const found = [...items(s)];
      if (found.length === 0 || found.every((f) => known.has(f))) continue;
      found.forEach((f) => known.add(f));
      take(s);
    }
  }
  // "Op welke drie niveaus …?": a sentence that announces a count ("werken op drie niveaus.")
  // is followed by one sentence per item; those sentences are the answer.
  if (shape.wants.includes('list') || shape.wants.includes('count')) {
    for (const announcing of [...lead]) {
      const count = announcedCount(announcing.folded);
      if (!count) continue;
      const following = [...scored].sort((a, b) => a.position - b.position).filter((s) => s.position > announcing.position).slice(0, count);
      for (const s of following) if (!lead.includes(s) && words + wordsOf(s) <= maxWords * 1.5) take(s);
    }
  }
  // A part of the question the lead leaves open ("NZa vs Zorginstituut", "wie … en wie …") gets
  // the best sentence that covers it, when that sentence is about the question itself too.
  // The parts are what the question asks beyond the card's title (the title names the subject).
  const total = concepts.reduce((a, c) => a + c.weight, 0) || 1;
  const openTotal = open.reduce((a, c) => a + c.weight, 0) || 1;
  for (const concept of [...open].sort((a, b) => b.weight - a.weight)) {
    if (concept.weight < openTotal * OPEN_PART_SHARE || lead.some((s) => covers(s, concept))) continue;
    const candidates = ranked.filter((s) => s.score > 0.15 && s.matched >= concept.weight / total + OPEN_PART_EXTRA && covers(s, concept) && fits(s));
    // "Wie … bij natura en wie bij een pgb?": the part's sentence with the kind of fact asked for.
    const filling = candidates.find((s) => cues.some((cue) => sentenceHas(s, cue))) ?? candidates[0];
    if (filling) take(filling);
  }
  for (const next of ranked.slice(1)) {
    if (lead.length >= MAX_LEAD_SENTENCES || next.score < best.score * SECOND_SENTENCE_SHARE || next.score <= 0.15) break;
    if (fits(next)) take(next);
  }
  // A chosen sentence that leans on the one before it brings that one, while the lead stays short.
  const bringBefore = (leans: RegExp, matters: (s: ScoredSentence) => boolean) => {
    for (const later of [...lead]) {
      const before = sentenceHas(later, leans) ? scored.find((s) => s.position === later.position - 1) : undefined;
      if (before && !lead.includes(before) && matters(before) && words + wordsOf(before) <= maxWords * 1.5) take(before);
    }
  };
  // "Waarom …?": a sentence that opens with the consequence ("Daardoor hadden zij geen
  // dossierhouder.") leans on the one before it for the reason; that one is the answer.
  if (shape.wants.includes('why')) bringBefore(RESULT_OPENING, () => true);
  // "Is verplichte zorg daarna nog nodig, …" goes on from the sentence before it, which says
  // what "daarna" is after: without it the lead reads as if it answered something else.
  bringBefore(GOES_ON, (s) => s.matched > 0);
  // "Dat heet het trekkingsrecht." names what the sentence before it describes: without that one,
  // the lead names a thing it does not explain.
  bringBefore(NAMES_BEFORE, () => true);
  // Last, and only where the words allow: a runner-up close to the best sentence that brings a
  // word of the question the lead lacks. The checks on the answer's fact look past it (`extra`),
  // so it adds to an answer and never decides whether there is one.
  const addsWord = (s: ScoredSentence) => concepts.some((c) => covers(s, c) && !lead.some((l) => covers(l, c)));
  for (const next of ranked.slice(1)) {
    if (lead.length >= MAX_LEAD_SENTENCES || next.score < best.score * CLOSE_SENTENCE_SHARE) break;
    if (addsWord(next) && fits(next, maxWords * 1.5)) take({ ...next, extra: true });
  }
  return lead.sort((a, b) => a.position - b.position);
}

/** The chosen sentences that decide about the answer: all but the close runner-ups shown as extra. */
export function deciding<S extends ScoredSentence>(chosen: S[]): S[] {
  return chosen.filter((s) => !s.extra);
}

/** A sentence that only names what the one before it describes ("Dat heet het trekkingsrecht."). */
const NAMES_BEFORE = /^(dat|dit|die|deze|this|that|these|it) (heet|heten|noemt men|noemen we|noem je|wordt .{1,30} genoemd|is called|are called|is known as|are known as)\b/u;

/** A sentence that goes on in time or case from the one before it ("Daarna …", "Is X daarna nog nodig"). */
const GOES_ON = /^(\S+\s+){0,3}(daarna|hierna|nadien|vervolgens|in dat geval|after that|afterwards|after this|in that case)\b/u;

/** A sentence that states a consequence of the one before it. */
const RESULT_OPENING = /^(daardoor|hierdoor|daarom|hierom|dat komt doordat|as a result|because of this|therefore|this is why|that is why)\b/u;

// A time, an amount or a count of people is a fact, not a list announced.
const MEASURE_NOUN = /^(dagen|weken|maanden|jaren|jaar|uren|uur|minuten|keer|maal|procent|euro|miljoen|miljard|mensen|personen|clienten|days|weeks|months|years|hours|minutes|times|percent|euros|million|people|persons|clients)$/u;
const COUNT_WORDS: Record<string, number> = { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * The number of items a sentence announces and leaves to the sentences after it: "werkt op drie
 * niveaus." (not "… drie niveaus: micro, meso en macro", which holds them itself).
 */
function announcedCount(folded: string): number | undefined {
  if (folded.includes(':') || LIST.test(folded)) return undefined;
  const m = /\b([2-6]|twee|drie|vier|vijf|zes|two|three|four|five|six) (\p{L}+)[^.;]{0,15}[.!]?\s*$/u.exec(folded.replace(/\s*\([^)]*\)/gu, ''));
  if (!m || !/(en|s|'s)$/u.test(m[2]) || MEASURE_NOUN.test(m[2])) return undefined;
  return COUNT_WORDS[m[1]] ?? Number(m[1]);
}

/** A sentence that says nearly the same as one already chosen (cards sometimes repeat a fact). */
function repeats(s: Sentence, chosen: Sentence[]): boolean {
  return chosen.some((c) => {
    let shared = 0;
    for (const t of s.terms) if (c.terms.has(t)) shared++;
    // Mostly words already shown: a sentence that says more than one shown before is no repeat.
    return shared >= 0.7 * s.terms.size;
  });
}
