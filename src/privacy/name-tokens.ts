/**
 * The words of a text as the name detector (names.ts) reads them, and what each word can be: a
 * listed first name, a title, a kinship or role word, a particle, an initial.
 */
import { FIRST_NAMES } from './data/first-names.ts';
import { FIRST_NAMES_THAT_ARE_WORDS, KIN_PREFIXES, NAME_LABELS, NOT_NAMES, PARTICLES, STRONG_TITLES, WEAK_TITLES } from './data/words.ts';
import { foldWord } from './normalise.ts';

export interface Token {
  start: number;
  end: number;
  /** The word without a trailing dot. */
  word: string;
  folded: string;
  dot: boolean;
}

// Words, with a leading apostrophe for "'t" ("van 't Hof").
export const TOKEN = /['’]?\p{L}[\p{L}\p{M}'’-]*(\.)?/gu;

const TOKEN_AT = new RegExp(TOKEN.source, 'gu');

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_AT.lastIndex = 0;
  for (let m = TOKEN_AT.exec(text); m; m = TOKEN_AT.exec(text)) {
    const { word, skip, folded, dot } = wordOf(m[0]);
    tokens.push({ start: m.index + skip, end: m.index + m[0].length, word, folded, dot });
  }
  return tokens;
}

interface Word {
  word: string;
  /** Characters before the word (a leading quote). */
  skip: number;
  folded: string;
  dot: boolean;
}

// The same words come back in every message: what each reads as is worked out once (a bounded table).
const WORDS = new Map<string, Word>();

function wordOf(match: string): Word {
  let known = WORDS.get(match);
  if (known) return known;
  // TOKEN has no full stop inside a word: one at the end is its optional group.
  const dot = match.endsWith('.');
  let word = dot ? match.slice(0, -1) : match;
  let skip = 0;
  word = word.replace(/['’]+$/, '');
  // Quotes are no part of the word: "'Jan'" is Jan, "'t" stays.
  if (/^['’]\p{L}{2}/u.test(word)) {
    word = word.slice(1);
    skip = 1;
  }
  known = { word, skip, folded: foldWord(word).replace(/’/g, "'").replace(/'s$/, ''), dot };
  if (WORDS.size >= 10_000) WORDS.clear();
  WORDS.set(match, known);
  return known;
}

const listed = new Map<string, boolean>(
  FIRST_NAMES.trim()
    .split(/\s+/)
    .map((n) => [foldWord(n.replace(/\*$/, '')), n.endsWith('*')]),
);
// Diminutives of the listed names, as people call each other: "Keesje", "Jantje", "Henkie", "Wimpie",
// "Tommie". A diminutive of a name that is also a word counts as that name does ("roosje"). Worked
// out from the word (a word that ends in -je or -ie), not listed: a larger table slowed every lookup.
const stemFlag = (stem: string): boolean | undefined => {
  const flag = stem.length >= 3 ? listed.get(stem) : undefined;
  return flag === undefined ? undefined : flag || FIRST_NAMES_THAT_ARE_WORDS.includes(stem);
};
function diminutive(folded: string): boolean | undefined {
  const n = folded.length;
  if (n < 5 || folded.charCodeAt(n - 1) !== 101 || (folded[n - 2] !== 'j' && folded[n - 2] !== 'i') || folded.includes('-')) return undefined;
  if (folded[n - 2] === 'j') return (folded[n - 3] === 't' ? stemFlag(folded.slice(0, -3)) : undefined) ?? stemFlag(folded.slice(0, -2));
  return stemFlag(folded.slice(0, -2)) ?? (folded[n - 3] === 'p' ? stemFlag(folded.slice(0, -3)) : undefined) ?? (folded[n - 3] === folded[n - 4] ? stemFlag(folded.slice(0, -3)) : undefined);
}
/** Listed first names and their diminutives; `get` says whether the name is also an ordinary word. */
// (Only a word ending in "e" can be a diminutive: most words are answered by the table alone.)
const endsInE = (folded: string) => folded.charCodeAt(folded.length - 1) === 101;
export const firstNames = {
  has: (folded: string) => listed.has(folded) || (endsInE(folded) && diminutive(folded) !== undefined),
  get: (folded: string) => listed.get(folded) ?? (endsInE(folded) ? diminutive(folded) : undefined),
};
// Compound first names count when every part is listed: "Willem-Jan", "Anne-Marie".
export const isFirstName = (folded: string) => (folded.includes('-') ? folded.split('-').every((part) => firstNames.has(part)) : firstNames.has(folded));
// Written with a capital on every part, one listed part is enough: "Anna-Lena", "Mohammed-Amine".
export const isCapitalisedFirstName = (t: Token) =>
  isFirstName(t.folded) || (t.word.includes('-') && /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(t.word) && t.folded.split('-').some((part) => firstNames.has(part) && !ambiguousPart(part)));
export const ambiguousPart = (folded: string) => firstNames.get(folded) === true;
export const ambiguous = (folded: string) => !folded.includes('-') && firstNames.get(folded) === true;
// Listed first names that are also ordinary words in lower case: only capitalised they are names.
export const WORD_NAMES = new Set(FIRST_NAMES_THAT_ARE_WORDS);
// The list lookups first: most words are no listed name, and then the pattern need not run.
export const lowerCaseName = (t: Token) => t.word.length >= 4 && firstNames.has(t.folded) && /^\p{Ll}+$/u.test(t.word) && !ambiguous(t.folded) && !WORD_NAMES.has(t.folded);
export const strongTitles = new Set(STRONG_TITLES);
const kinWords = new Set(WEAK_TITLES);
const KIN_COMPOUND = new RegExp(`^(?:${KIN_PREFIXES.join('|')})(?:${WEAK_TITLES.filter((w) => /^\p{L}{3,}$/u.test(w)).join('|')})$`, 'u');
// "pleegzoon", "stiefdochter", "halfbroer": a kinship word with a prefix is one too.
// Short forms in notes ("cl. Verhoef", "pt Jansen") and diminutives ("het zoontje van Dewi").
const NOTE_ROLES = new Set(['cl', 'clt', 'pt']);
const kinWord = (folded: string) => kinWords.has(folded) || KIN_COMPOUND.test(folded) || NOTE_ROLES.has(folded);
// "daughter-in-law", "schoonzoon": an in-law is kin too.
const isWeakTitle = (folded: string) =>
  kinWord(folded) || (/t?je$/.test(folded) && kinWord(folded.replace(/t?je$/, ''))) || (folded.endsWith('-in-law') && kinWord(folded.slice(0, -7)));
// Asked several times for every word of every message: the answer is remembered per word (a bounded table).
const WEAK_TITLE = new Map<string, boolean>();
export const weakTitles = {
  has: (folded: string) => {
    let known = WEAK_TITLE.get(folded);
    if (known === undefined) {
      known = isWeakTitle(folded);
      if (WEAK_TITLE.size >= 10_000) WEAK_TITLE.clear();
      WEAK_TITLE.set(folded, known);
    }
    return known;
  },
  includes: (folded: string) => weakTitles.has(folded),
};
export const nameLabels = new Set(NAME_LABELS);
export const particles = new Set(PARTICLES);

// ASCII letters answered without the pattern (most words start with one).
export const capitalised = (t: Token) => {
  const c = t.word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return false;
  return /^\p{Lu}/u.test(t.word);
};
export const isInitial = (t: Token) => t.dot && /^\p{Lu}$/u.test(t.word);
/** A given name of any origin written as one: a capital, then small letters. */
export const NAME_SHAPED = /^\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+$/u;
/** A word that can be (part of) a surname when capitalised: not a common word or a care term. */
// All-caps words count from four letters ("JANSEN"); shorter ones are abbreviations ("CIZ", "VG").
// A title is never part of a name: in "haar moeder Mw. Bakker" the name starts after "Mw.".
// A care term joined to a lower-case word is a compound, not a double surname: "Wmo-indicatie",
// "Wlz-aanvraag" (but "Bakker-de Wit", "Jansen-Smit").
export const nameWord = (t: Token) =>
  capitalised(t) && t.word.length > 1 && !NOT_NAMES.has(t.folded) && !particles.has(t.folded) && !strongTitles.has(t.folded) && !/^\p{Lu}{2,3}$/u.test(t.word) && !careCompound(t);
const careCompound = (t: Token) => {
  const dash = t.folded.indexOf('-');
  return dash > 0 && NOT_NAMES.has(t.folded.slice(0, dash)) && /^\p{Ll}/u.test(t.word.slice(dash + 1)) && !particles.has(t.folded.slice(dash + 1).split('-')[0]);
};
/** An @mention or #channel: a colleague or a place on the platform, not a client. */
export const mentionBefore = (text: string, t: Token) => t.start > 0 && (text[t.start - 1] === '@' || text[t.start - 1] === '#');
