/**
 * A card's text as sentences: its answer and body (in the answer's language) split into plain
 * sentences, each folded and stemmed once, for scoring them against a question.
 */
import { fold, type Lang } from '../core/index.ts';
import { indexTerms, separableTerms } from './analyze.ts';
import type { KnowledgeCard } from './knowledge.ts';

export interface Sentence {
  text: string;
  /** The text folded (lower case, no accents), once: cues and laws are matched on it. */
  folded: string;
  /** Terms of the sentence, stemmed as in the index. */
  terms: Set<string>;
  /** Its separable verbs joined ("vraagt … aan": "aanvrag"), matched like terms but no words of their own. */
  joined?: Set<string>;
  /** Position in the card's text: 0 is the first sentence of the answer. */
  position: number;
}

/**
 * What is found in a card sentence whatever the question (which patterns its folded text matches,
 * its compound heads, the laws it names …), worked out at first use and kept: cards never change
 * while running, and each answer tests the same sentences again. Kept per `terms` set, which
 * every scored copy of a sentence (`{ ...sentence, score }`) shares with it, so a copy finds it
 * too; the folded text is checked, so a set shared by another text gets its own notes.
 */
export interface SentenceNotes {
  folded: string;
  /** Which patterns (bits of PATTERN_BITS) were tested on it, and which of those it matches. */
  tested: number;
  found: number;
  /** Free slots for the scoring (sentence-score.ts). */
  heads?: Set<string>;
  lawsFor?: unknown;
  laws?: string[];
  definedBy?: Set<string> | null;
  concrete?: boolean;
  words?: number;
}
const NOTES = new WeakMap<Set<string>, SentenceNotes>();

export function notesOf(s: Sentence): SentenceNotes {
  let notes = NOTES.get(s.terms);
  if (notes === undefined || notes.folded !== s.folded) {
    notes = { folded: s.folded, tested: 0, found: 0 };
    NOTES.set(s.terms, notes);
  }
  return notes;
}

/**
 * The patterns whose verdicts are kept, one bit each (two numbers per sentence, not a map: some
 * 5,000 card sentences get notes). The fact cues and the lead's patterns are some twenty; a
 * pattern beyond the 30th is simply tested each time.
 */
const PATTERN_BITS = new Map<RegExp, number>();
const MAX_BITS = 30;

/** `pattern.test(s.folded)`, once per sentence and pattern (a pattern without the g or y flag). */
export function sentenceHas(s: Sentence, pattern: RegExp): boolean {
  if (pattern.global || pattern.sticky) return pattern.test(s.folded);
  let bit = PATTERN_BITS.get(pattern);
  if (bit === undefined) {
    if (PATTERN_BITS.size >= MAX_BITS) return pattern.test(s.folded);
    bit = 1 << PATTERN_BITS.size;
    PATTERN_BITS.set(pattern, bit);
  }
  const notes = notesOf(s);
  if ((notes.tested & bit) !== 0) return (notes.found & bit) !== 0;
  const found = pattern.test(s.folded);
  notes.tested |= bit;
  if (found) notes.found |= bit;
  return found;
}

// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS = /(?:\b(?:art|artt|bijv|bv|o\.a|d\.w\.z|e\.d|nr|ca|resp|incl|excl|m\.b\.t|t\.a\.v|i\.p\.v|z\.s\.m|evt|jl|lid|e\.g|i\.e|etc|vs|mr|mw|dhr|mevr|mrs|ms|drs|dr|prof|st|jr|blz|p|zgn|min|max)|\b\p{Lu})\.$/u;

// Cards are loaded once and never change while running: split and stem each card once per language.
const SENTENCES = new WeakMap<KnowledgeCard, Partial<Record<Lang, Sentence[]>>>();

/** Plain sentences of a card's text in a language: answer first, then the body. */
export function cardSentences(card: KnowledgeCard, lang: Lang): Sentence[] {
  const cached = SENTENCES.get(card) ?? {};
  if (!cached[lang]) {
    cached[lang] = splitCard(card, lang);
    SENTENCES.set(card, cached);
  }
  return cached[lang];
}

function splitCard(card: KnowledgeCard, lang: Lang): Sentence[] {
  const { nl, en } = splitBody(card.body);
  const texts = lang === 'en' && card.answer_en ? [card.answer_en, en] : [card.answer, nl];
  const out: Sentence[] = [];
  for (const text of texts) {
    for (const sentence of splitSentences(plain(text))) {
      // No separable verb (most sentences): no set to look in for every concept of every question.
      const joined = separableTerms(sentence);
      out.push({ text: sentence, folded: fold(sentence), terms: new Set(indexTerms(sentence)), joined: joined.length > 0 ? new Set(joined) : undefined, position: out.length });
    }
  }
  return out;
}

/** The body's Dutch part, and its English part after a `## English` heading. */
export function splitBody(body: string): { nl: string; en: string } {
  const at = body.search(/^#{1,3}\s*English\s*$/im);
  if (at < 0) return { nl: body, en: '' };
  return { nl: body.slice(0, at), en: body.slice(at).replace(/^#{1,3}\s*English\s*$/im, '') };
}

/** Markdown to plain text: headings, emphasis, links and list markers removed. */
function plain(markdown: string): string {
  return markdown
    // An editor's locator in the text ("(seed 002, r. 591)") is for the sources, not the lead.
    .replace(/\s*\(seed \d{3}(?:[,;][^()]*)?\)/giu, '')
    .replace(/^#{1,6}\s+.*$/gm, '\n\n')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]+?)\1/g, '$2')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '\n\n');
}

export function splitSentences(text: string): string[] {
  // Paragraphs and list items are blocks; a single newline only wraps a line.
  return text
    .split(/\n\s*\n/)
    .flatMap((block) => sentencesOf(block))
    .filter((s) => s.split(/\s+/).length >= 3);
}

/**
 * One run of text cut where a sentence ends: after . ? or ! before a capital, a digit, a quote or a
 * bracket, not after an abbreviation or an initial ("een C.O.T. dat je kan inschakelen", "Mr. [naam]").
 */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+(?=[\p{Lu}\d"'„‘“([])/u)) {
    current = current ? `${current} ${piece}` : piece;
    if (!ABBREVIATIONS.test(current)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

// Shortenings typed in chat whose full stop ends no sentence, beyond the cards' own.
const CHAT_ABBREVIATIONS = /\b(?:psych|ongev|afd|enz|approx|dept)\.$/i;

/**
 * A chat message as sentences. Chat writes on in lower case after a question mark ("…psychiater?
 * zitting van mijn cliënt…"), where `sentencesOf` waits for a capital; a full stop after a word of
 * four letters or more ends a sentence too, unless it ends an abbreviation ("psych. stoornis").
 */
export function sentencesOfChat(text: string): string[] {
  return text
    .split(/(?<=[?!])\s+|(?<=\.)\s+(?=[A-Z])|(?<=[a-z]{4,}\.)\s+|(?<=\.\.\.)\s*|\n+/)
    .reduce<string[]>((all, part) => {
      const last = all[all.length - 1];
      return last !== undefined && (ABBREVIATIONS.test(last) || CHAT_ABBREVIATIONS.test(last)) ? [...all.slice(0, -1), `${last} ${part}`] : [...all, part];
    }, [])
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
