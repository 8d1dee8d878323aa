/**
 * Where a name that starts at a given word ends: its first names, initials, particles and surname
 * ("J.P. de Wit", "mevrouw kuipers", "Reinier de Graaf" but not "in Delft" after it), and a surname
 * in lower case after a first name ("fatma yilmaz", "ria de vries"). Used by the name detector (names.ts).
 */
import { COMMON_SURNAMES, NOT_NAMES, ORDINARY_AFTER_TITLE, STRONG_TITLES, WEAK_TITLES } from './data/words.ts';
import { capitalised, firstNames, isInitial, mentionBefore, nameWord, particles, weakTitles, type Token } from './name-tokens.ts';

/**
 * The word after a lower-case first name that is its surname ("fatma yilmaz", "anna jansen"): not
 * a common word or a verb ("fatma belde", "anna zoekt", "met anna praten"), unless a common surname.
 */
export const lowerCaseSurname = (t: Token) =>
  /^\p{Ll}[\p{Ll}'-]+$/u.test(t.word) &&
  !NOT_NAMES.has(t.folded) &&
  !particles.has(t.folded) &&
  !WEAK_TITLES.includes(t.folded) &&
  !STRONG_TITLES.includes(t.folded) &&
  (COMMON_SURNAMES.has(t.folded) || (!verbLike(t.folded) && !/[^s]en$/.test(t.folded)));

/** Between two words of one name: spaces only (or nothing after an initial's dot: "J.P."; a line break after "van", "der"). */
export function joined(text: string, a: Token, b: Token): boolean {
  // Read in place (it is asked for nearly every pair of words): one to three spaces or tabs.
  const length = b.start - a.end;
  if (length <= 0) return a.dot;
  if (length > 3) return false;
  let breaks = 0;
  for (let k = a.end; k < b.start; k++) {
    if (text[k] === '\n') breaks++;
    else if (text[k] !== ' ' && text[k] !== '\t') return false;
  }
  // A surname's particles do not end a line; a name wrapped there goes on: "Johanna van\nder Linden".
  return breaks === 0 || (breaks === 1 && LINE_END_PARTICLES.has(a.word));
}
const LINE_END_PARTICLES = new Set(['van', 'der', 'den', 'ter', 'ten']);

/**
 * The end of a name starting at token `i`, or -1. `anyCase`: the first word may be lower case
 * ("mevrouw kuipers"). Particles count only with a name word after them.
 */
export function nameEnd(text: string, tokens: Token[], i: number, anyCase: boolean): number {
  let end = -1;
  let words = 0;
  let j = i;
  let pendingParticles = 0;
  let surnameDone = false;
  // A lower-case "al", "in", "op" before a lower-case word is an ordinary word ("mevrouw al in het
  // systeem"), not the first part of a surname as "van der" or "de" are.
  let looseParticles = false;
  while (j < tokens.length && words < 4) {
    const t = tokens[j];
    if (j > i && !joined(text, tokens[j - 1], t)) break;
    // An initial: "K.", or after a title also without its dot ("Dhr P de Vries").
    // "Reinier de Graaf in Delft", "Jan Smit op Texel", and after a title "mw Jansen in Rotterdam" (one
    // word that is no first name: the surname): after a whole surname a preposition starts a place ("Anna
    // te Riele", "mw Anna te Riele", "Jan in 't Veld" are surnames: a particle is their first part).
    if (PREPOSITIONS.has(t.folded) && (words >= 2 || surnameDone || (anyCase && words === 1 && end >= 0 && !firstNames.has(tokens[end].folded))) && pendingParticles === 0 && !(j + 1 < tokens.length && particles.has(tokens[j + 1].folded))) break;
    if (isInitial(t) || (anyCase && j === i && /^\p{Lu}$/u.test(t.word))) {
      end = j;
      words++;
    } else if (words > 0 && capitalised(t) && /^\p{Lu}\p{Ll}+$/u.test(t.word) && (t.word.toLowerCase() !== t.folded || (pendingParticles === 0 && tokens[j - 1].word.toLowerCase() !== tokens[j - 1].folded && /[\u0100-\u024f\u1e00-\u1eff]/u.test(tokens[j - 1].word)))) {
      // A capitalised word with accents inside a name is one of its words, even when it folds to a
      // particle or a short word, and so is the capitalised word after it: "Nguyễn Văn An", "Trần Thị
      // Hoa" (Vietnamese middle and given names; letters beyond Latin-1 only, not "Müller Is").
      end = j;
      words++;
    } else if ((particles.has(t.folded) && pendingParticles < 3 && !(t.dot && !t.folded.startsWith("'"))) || (t.dot && /^[vd]$/.test(t.word) && pendingParticles < 3)) {
      // "v.d." and "v." are "van de(r)" and "van" written short: "Dhr. v.d. Berg", "Mw. v. Dijk".
      if (!capitalised(t) && !LOWER_CASE_PARTICLES.has(t.folded)) looseParticles = true;
      pendingParticles++;
      j++;
      continue;
    } else if (words > 0 && pendingParticles === 0 && t.word === 'A' && !t.dot && j + 1 < tokens.length && joined(text, t, tokens[j + 1]) && nameWord(tokens[j + 1])) {
      // The "A" of Surinamese-Chinese surnames: "Tjon A Fong", "Lie A Kwie".
      pendingParticles++;
      j++;
      continue;
    } else if (nameWord(t) || (pendingParticles > 0 && capitalised(t) && COMMON_SURNAMES.has(t.folded)) || (anyCase && words === 0 && !looseParticles && lowerCaseAfterTitle(t))) {
      if (pendingParticles > 0) surnameDone = true;
      end = j;
      words++;
    } else break;
    pendingParticles = 0;
    // A sentence-ending dot ends the name (an initial's dot does not).
    if (t.dot && !isInitial(t)) break;
    j++;
  }
  return end;
}


const PREPOSITIONS = new Set(['in', 'op', 'te', 'uit', 'aan']);

// Dutch verbs in the third person end in -t ("weigert", "vindt"), past tenses in -de/-te
// ("belde", "woonde"): after a title such a word is what the person does, not their name.
const verbLike = (w: string) => /(?:t|de|te)$/.test(w) && w.length >= 3;
/** A lower-case word right after a title that is a surname: "mevrouw kuipers", "mevrouw smit", not "mevrouw weigert". */
const lowerCaseAfterTitle = (t: Token) =>
  t.word.length > 1 &&
  /^\p{Ll}+(?:-\p{L}+)*$/u.test(t.word) &&
  !NOT_NAMES.has(t.folded) &&
  !ORDINARY_AFTER_TITLE.has(t.folded) &&
  !weakTitles.has(t.folded) &&
  (COMMON_SURNAMES.has(t.folded) || !verbLike(t.folded));

const LOWER_CASE_PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'vander', 'vande', 'el', 'ait', 'abou', 'bou']);

/** The end of a lower-case surname starting at token `i`, particles first ("de wit"), or -1. */
export function lowerCaseSurnameAt(text: string, tokens: Token[], i: number): number {
  let j = i;
  // In lower case only the surname particles proper ("op", "in", "te" are also ordinary words).
  while (j + 1 < tokens.length && j - i < 3 && LOWER_CASE_PARTICLES.has(tokens[j].folded) && joined(text, tokens[j], tokens[j + 1])) j++;
  return lowerCaseSurname(tokens[j]) && !mentionBefore(text, tokens[j]) ? j : -1;
}

/** The end of a common surname starting at token `i`, particles first ("de vries"), or -1. */
export function commonSurnameAt(text: string, tokens: Token[], i: number): number {
  let j = i;
  while (j + 1 < tokens.length && j - i < 3 && LOWER_CASE_PARTICLES.has(tokens[j].folded) && joined(text, tokens[j], tokens[j + 1])) j++;
  return COMMON_SURNAMES.has(tokens[j].folded) && !mentionBefore(text, tokens[j]) ? j : -1;
}
