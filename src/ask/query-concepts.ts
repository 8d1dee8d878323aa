/**
 * The question's words beyond what was typed: unknown Dutch compounds split into parts the cards
 * use, the earlier question of a thread as soft context, and the typed words as concepts (stems,
 * synonyms, compound heads, rarity) for choosing the sentences that answer.
 */
import { analyseQuery, stems, type QueryToken, type Synonyms } from './analyze.ts';
import type { CardIndex } from './search-index.ts';

const COMPOUND_WEIGHT = 0.8;
const MODIFIER_WEIGHT = 0.5;
const CONTEXT_WEIGHT = 0.5;

/** One typed word of the question: its stems and synonyms, and how much it says (rarity). */
export interface Concept {
  terms: Set<string>;
  weight: number;
  /** Weaker forms: the head of a compound ("groep" in "doelgroepen"), counted at half. */
  partial?: Set<string>;
  /** A word of the situation or of an "als/if" clause, not of what is asked. */
  background?: boolean;
}

/**
 * Dutch compounds end in what they are: a "beslistermijn" is a "termijn", a "doelgroep" a
 * "groep". The tails (of four letters or more, after three or more) of a text's long terms.
 */
export function compoundHeads(terms: Iterable<string>): Set<string> {
  const heads = new Set<string>();
  for (const term of terms) {
    if (term.length < 7 || /\d/.test(term)) continue;
    for (let i = 3; i <= term.length - 4; i++) heads.add(term.slice(i));
  }
  return heads;
}

/** The heads of one term (as `compoundHeads`, in its order) that the cards use: per index, each term once. */
function knownHeads(index: CardIndex, term: string): string[] {
  let known = KNOWN_HEADS.get(index);
  if (!known) KNOWN_HEADS.set(index, (known = new Map()));
  let heads = known.get(term);
  if (!heads) {
    heads = [...compoundHeads([term])].filter((h) => index.documentFrequency.has(h));
    if (known.size >= 20_000) known.clear();
    known.set(term, heads);
  }
  return heads;
}
const KNOWN_HEADS = new WeakMap<CardIndex, Map<string, string[]>>();

/** The earlier question's words, searching softly, with sources after the typed words'. */
export function contextTokens(synonyms: Synonyms, context: string | undefined, offset: number): QueryToken[] {
  if (!context) return [];
  const { tokens } = analyseQuery(context, synonyms);
  return tokens.map((t) => ({ ...t, source: t.source < 0 ? t.source : offset + t.source, weight: t.weight * CONTEXT_WEIGHT, credit: 0 }));
}

/**
 * The question's typed words as concepts (each with its stems and synonyms) weighted by how
 * much they say, for choosing the sentences that answer it.
 */
export function questionConcepts(index: CardIndex, synonyms: Synonyms, question: string): Concept[] {
  const { tokens } = analyseQuery(question, synonyms);
  const all = [...tokens, ...splitCompounds(index, tokens)];
  const bySource = new Map<number, Concept>();
  const typed = tokens.filter((t) => t.weight === 1);
  typed.forEach((token, i) => {
    // "wlz-pgb" gives wlz, pgb and wlzpgb: the joined word is its last part's concept, not a third one.
    const [a, b] = [typed[i - 2], typed[i - 1]];
    if (a && b && token.word === a.word + b.word) {
      for (const term of token.terms) bySource.get(b.source)?.terms.add(term);
      return;
    }
    // A number counts not for confidence, but a year or a number asked about marks the sentence.
    const weight = /^\d+$/.test(token.word) ? index.maxIdf / 2 : index.weightOf(token);
    bySource.set(token.source, { terms: new Set(token.terms), weight });
  });
  for (const token of all) {
    const concept = bySource.get(token.source);
    if (!concept) continue;
    // Inside a card that retrieval found, a word of one of the typed word's synonym phrases is
    // enough to mark a sentence about it (the card's own wording rarely repeats the phrase).
    for (const term of token.terms) concept.terms.add(term);
  }
  // The head of a typed compound ("groep" in "doelgroepen") finds a sentence weakly.
  for (const concept of bySource.values()) {
    const heads = new Set<string>();
    for (const term of concept.terms) for (const h of knownHeads(index, term)) if (!concept.terms.has(h)) heads.add(h);
    if (heads.size > 0) concept.partial = heads;
  }
  return [...bySource.values()];
}

/**
 * Dutch writes compounds as one word ("meerzorgaanvraag"): a typed word the cards never use is
 * split into two parts the cards do use (allowing a linking "s" or "en").
 */
export function splitCompounds(index: CardIndex, tokens: QueryToken[]): QueryToken[] {
  const known = (w: string) => stems(w).some((t) => index.documentFrequency.has(t));
  const out: QueryToken[] = [];
  for (const token of tokens) {
    if (token.weight !== 1 || token.word.length < 8 || known(token.word)) continue;
    let modifier: string | undefined;
    for (let i = 3; i <= token.word.length - 3; i++) {
      const left = token.word.slice(0, i);
      const right = token.word.slice(i);
      // A linking "s" or "en" between the parts: "zorgs|traject", "wachtlijsten|beleid".
      const head = known(left) ? left : left.endsWith('s') && known(left.slice(0, -1)) ? left.slice(0, -1) : left.endsWith('en') && known(left.slice(0, -2)) ? left.slice(0, -2) : undefined;
      if (!head) continue;
      if (known(right)) {
        out.push({ word: head, terms: stems(head), source: token.source, weight: COMPOUND_WEIGHT, credit: 0.8 });
        out.push({ word: right, terms: stems(right), source: token.source, weight: COMPOUND_WEIGHT, credit: 0.8 });
        modifier = undefined;
        break;
      }
      // Only the first part is known ("bezwaar|procedure"): it says what the word is about.
      if (head.length >= 5) modifier = head;
    }
    if (modifier) out.push({ word: modifier, terms: stems(modifier), source: token.source, weight: MODIFIER_WEIGHT, modifier: true });
  }
  return out;
}
