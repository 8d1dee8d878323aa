/**
 * The small cues the name detector (names.ts) reads around a word: particles and abbreviated titles,
 * the shapes of surnames (Dutch endings, foreign endings), the words before a surname inside a
 * sentence and after one that opens a clause, and whether a clause starts at a place.
 */
import type { Token } from './name-tokens.ts';

// Lower-case particles that start a surname: "'t Hart", "van Dijk".
export const LEAD_PARTICLES = new Set(["'t", '’t', 'van', 'de', 'der', 'den', 'ter', 'ten']);

// Titles written short carry a dot ("Mw.", "dhr."); after a whole word a dot ends the sentence:
// in "met de cliënt. Volgende week" no name follows.
const ABBREVIATIONS = new Set(['mevr', 'mw', 'mvr', 'dhr', 'mnr', 'hr', 'fam', 'mr', 'mrs', 'ms', 'dr', 'drs', 'prof', 'cl', 'clt', 'pt', 'zr', 'wed', 'jkvr', 'jhr', 'ds', 'br', 'mej']);
export const sentenceEnd = (t: Token) => t.dot && !ABBREVIATIONS.has(t.folded);

// A capitalised word of letters only (no acronym, no dash or digit), as a surname after a title.
export const TITLE_WORD = /^\p{Lu}\p{Ll}{2,}$/u;

// Surname endings no Dutch or English word has (folded: "ović" reads "ovic", "oğlu" "oglu").
export const FOREIGN_SURNAME = /^\p{L}{3,}(?:wski|wska|cki|cka|dzki|dzka|nski|nska|lski|lska|rski|rska|wicz|czyk|czak|ovic|evic|escu|oglu|enko|chuk|czuk)$/u;

// Before a surname inside a sentence: who spoke with, called or saw them ("we hebben", "ik belde", "met").
export const SPOKEN_WITH_BEFORE =
  /(?<![\p{L}])(?:(?:we|wij|ik|ze|zij|hij|jij|je|i|we|they|she|he)\s+(?:hebben|heb|hadden|had|heeft|spraken|sprak|spreken|belden|belde|bellen|bel|zagen|zag|zien|bezochten|bezocht|mailden|mailde|spoke|called|phoned|visited|saw|met)(?:\s+(?:met|with|to))?|(?:gesprek|gesproken|overleg|contact|afspraak|belafspraak|call|meeting|talk|spoke|spoken)\s+(?:met|with))\s+$/iu;

export const FAMILY_WORDS = new Set(['familie', 'gezin', 'family']);
// Typical endings of Dutch surnames: Hendriksen, Dijkstra, Hulshof, Wolterink, Postma, Mulders.
export const SURNAME_ENDING = /(?:sen|stra|ink|ma|hof|huis|ing|man|mans|ens|ers)$/;

export const SHORT_NAME_KIN = /^[ \t]+(?:z['’]n|d['’]r)[ \t]+(?:zoon|dochter|vader|moeder|broer|zus|man|vrouw|kinderen|kind|ouders|opa|oma|partner|kleinzoon|kleindochter)(?![\p{L}])/iu;

// "ik ben", "I am", "I'm" right before the word at `i + 1`.
export function selfIntroduction(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.folded === "i'm" || t.folded === 'im') return t.word.length > 1;
  const prev = i > 0 ? tokens[i - 1].folded : '';
  return (t.folded === 'ben' && prev === 'ik') || (t.folded === 'am' && prev === 'i');
}

/** Does a clause start at `pos`: the text's or a line's start, or after . ! ? : ; (and spaces, a quote or a bullet)? */
export function clauseStart(text: string, pos: number): boolean {
  let k = pos - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '"' || text[k] === "'" || text[k] === '-' || text[k] === '*' || text[k] === '•')) k--;
  return k < 0 || /[\n.!?:;]/.test(text[k]);
}

// After a surname that opens a clause: a verb of calling, writing or saying, or where the person works.
export const REPORTING_AFTER =
  /^[ \t]+(?:(?:belt|belde|mailt|mailde|appt|appte|zegt|zei|vraagt|vroeg|meldt|meldde|laat\s+weten|liet\s+weten|(?:wil|wilde|wou)\s+(?:graag\s+)?weten|heeft\s+(?:net\s+|vanochtend\s+|gisteren\s+)?(?:gebeld|gemaild|geappt|gezegd|gevraagd|laten\s+weten))|(?:called|calls|rang|phoned|emailed|mailed|texted|said|says|asked|asks|wants\s+to\s+know|wanted\s+to\s+know)|(?:van|from)\s+(?:de|het|the)\s+(?:gemeente|wijkteam|zorgkantoor|thuiszorg|wijkverpleging|afdeling|huisartsenpraktijk|praktijk|apotheek|ciz|cak|svb|uwv|team|ward|council|municipality|unit|pharmacy))(?![\p{L}])/iu;
