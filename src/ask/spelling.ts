/**
 * Typing errors in the domain's own long words ("zorgkantor", "zrogplicht", "dossierhouer"). A
 * typed word the cards never use is read as a term of the domain (a word of the cards' titles and
 * topics, of the synonym list or of domain.yaml) that is one typing error away (two for long
 * words): a letter missing, added or wrong, or two neighbouring letters swapped. Only long words
 * (everyday words such as "kamer" or "winnen" are too close to other words to correct without a
 * dictionary), never numbers, and only toward a term with the same first letter (people rarely
 * mistype that one); of several candidates the most used wins. Built on the first question.
 */
import { fold } from '../core/index.ts';
import { isStopWord } from './analyze.ts';

interface Known {
  word: string;
  count: number;
}

/** What the corrections are looked up in: every word of the cards with its count, the terms by first letter. */
export interface Vocabulary {
  counts: Map<string, number>;
  byStart: Map<string, Known[]>;
}

const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;
/**
 * Everyday words of seven letters or more that sit one typing error from a term of the cards
 * ("geleden" from "gelden", "gebeurd" …): words, not typing errors, and never corrected.
 */
const EVERYDAY = new Set(
  `geleden gebeurd gebeurt gisteren vandaag helemaal misschien ongeveer volgende afgelopen natuurlijk gelukkig waarschijnlijk`.split(/\s+/),
);
const MIN_LENGTH = 7;
/** From this length on, two typing errors are still the same word. */
const TWO_ERRORS_FROM = 10;

export class Spelling {
  private vocabulary?: Vocabulary;

  /**
   * `terms`: the domain's terms (card titles and topics, synonyms, domain words); `texts`: all
   * the cards' text, whose words are never corrected.
   */
  constructor(
    private readonly terms: () => string[],
    private readonly texts: () => string[],
    /** True for a word the index finds as it is (through its stems): no need to correct it. */
    private readonly indexed: (word: string) => boolean = () => false,
    /** The vocabulary `build` gives, or the one it gave for the same cards and terms (the start-up cache). */
    private readonly cached: (build: () => Vocabulary) => Vocabulary = (build) => build(),
  ) {}

  /** The text with each mistyped word replaced by the cards' word (folded); others unchanged. */
  correct(text: string): string {
    return this.joinSplit(text).replace(WORD, (typed) => {
      // The same words come back question after question: each typed form is looked at once (bounded).
      let fixed = this.fixed.get(typed);
      if (fixed === undefined) {
        fixed = this.fix(typed) ?? typed;
        if (this.fixed.size >= 20_000) this.fixed.clear();
        this.fixed.set(typed, fixed);
      }
      return fixed;
    });
  }

  private readonly fixed = new Map<string, string>();

  /**
   * A compound typed or dictated in parts ("wet lang durige zorg", "zorg verzekerings wet", "in aan
   * merking") read as the cards' one word: two or three neighbouring words whose join the cards use,
   * when one part is no word of its own (so "wel zijn" never becomes "welzijn").
   */
  private joinSplit(text: string): string {
    const { counts } = this.build();
    const known = (part: string) => counts.has(part) || isStopWord(part);
    const tokens = text.split(/([ \t]+)/); // words (and punctuation) at even places, gaps at odd ones
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i += 2) {
      let taken = 0;
      for (const size of [3, 2]) {
        const parts = tokens.slice(i, i + 2 * size).filter((_, k) => k % 2 === 0);
        // The last part may carry the sentence's punctuation ("wet?"), kept after the join.
        const [, last = '', tail = ''] = /^(\p{L}{2,})(\p{P}*)$/u.exec(parts.at(-1) ?? '') ?? [];
        parts[parts.length - 1] = last;
        if (parts.length < size || !parts.every((part) => /^\p{L}{2,}$/u.test(part))) continue;
        const joined = fold(parts.join(''));
        if (joined.length <= MIN_LENGTH || (counts.get(joined) ?? 0) < 2) continue;
        if (parts.every((part) => known(fold(part)))) continue;
        out.push(joined + tail, tokens[i + 2 * size - 1] ?? '');
        taken = size;
        break;
      }
      if (taken) i += 2 * (taken - 1);
      else out.push(tokens[i], tokens[i + 1] ?? '');
    }
    return out.join('');
  }


  private fix(typed: string): string | undefined {
    const word = fold(typed);
    if (isStopWord(word) || EVERYDAY.has(word)) return undefined;
    const { counts, byStart } = this.build();
    if (counts.has(word) || this.indexed(word)) return undefined;
    // A compound with a hyphen: each part on its own ("wmo-meldng" is "wmo-melding").
    if (word.includes('-')) {
      const parts = word.split('-').map((part) => (part.length > 0 && !counts.has(part) ? this.fix(part) : undefined) ?? part);
      const joined = parts.join('-');
      if (joined !== word) return joined;
    }
    if (word.length >= SHORT_FROM && word.length < MIN_LENGTH) return vowelDropped(word, counts);
    if (word.length < MIN_LENGTH) return undefined;
    const limit = word.length >= TWO_ERRORS_FROM ? 2 : 1;
    let best: Known | undefined;
    let bestDistance = limit + 1;
    for (const known of byStart.get(word[0]) ?? []) {
      if (Math.abs(known.word.length - word.length) > limit) continue;
      const distance = typingDistance(word, known.word, limit);
      if (distance < bestDistance || (distance === bestDistance && best && known.count > best.count)) {
        best = known;
        bestDistance = distance;
      }
    }
    return best && bestDistance <= limit ? best.word : undefined;
  }

  private build(): Vocabulary {
    return (this.vocabulary ??= this.cached(() => this.count()));
  }

  private count(): Vocabulary {
    const wordsOf = (text: string) => fold(text).match(/\p{L}[\p{L}'-]*\p{L}/gu) ?? [];
    const counts = new Map<string, number>();
    for (const text of this.texts()) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const byStart = new Map<string, Known[]>();
    for (const word of new Set(this.terms().flatMap(wordsOf))) {
      // A function word of a synonym phrase ("worden" in "niet eens worden") is no term to correct toward.
      if (word.length < MIN_LENGTH - 1 || isStopWord(word)) continue;
      const list = byStart.get(word[0]) ?? [];
      list.push({ word, count: counts.get(word) ?? 1 });
      byStart.set(word[0], list);
    }
    return { counts, byStart };
  }
}

/**
 * A shorter word typed fast drops the vowel of its last syllable ("dagn", "meldng", "tegn"): the cards' word
 * with that one vowel back, when the cards use it often enough to be sure (the most used of several). No other
 * correction is safe for a short word without a dictionary; a vowel put back rarely makes another word.
 */
function vowelDropped(word: string, counts: Map<string, number>): string | undefined {
  // The e or i of a last syllable -en, -er, -el, -ing ("dag(e)n", "meld(i)ng", "regel(e)n"); a word without any
  // vowel is an abbreviation ("vlgs"), and other vowels or places make other words ("cold", "wont", "plot", "mest").
  if (!/^\p{L}*[aeiouy]\p{L}*[^aeiouy][nrlg]$/u.test(word)) return undefined;
  let best: string | undefined;
  let bestCount = MIN_SHORT_COUNT - 1;
  for (let at = word.length - 2; at < word.length; at++) {
    for (const vowel of 'ei') {
      const candidate = word.slice(0, at) + vowel + word.slice(at);
      const count = counts.get(candidate) ?? 0;
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
  }
  return best;
}
/** Short words (a vowel dropped) from this length, toward a word the cards use at least this often. */
const SHORT_FROM = 4;
const MIN_SHORT_COUNT = 3;

/**
 * The number of typing errors between two words (optimal string alignment: a letter missing,
 * added, wrong, or two neighbours swapped), or `limit + 1` once it is certainly more than `limit`.
 */
export function typingDistance(a: string, b: string, limit: number): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
