/**
 * Names next to a name the detector found, which nothing else marks: a listed first name joined to
 * it by "en" ("Dewi en Rob Soerjadi", "Bart, Lisa en Merel"), a given name after it with a comma
 * ("Huisman, Marloes", "mw. Kocak, Derya,"), and a year of birth in brackets ("Adam (2014)").
 * Linear in the text whatever the number of finds.
 */
import { BORN_AFTER, PLACE_BEFORE, ROLE_NOUN } from './name-context.ts';
import { ORGANISATION_WORD } from './name-words.ts';
import { COMMON_SURNAMES, NOT_NAMES } from './data/words.ts';
import { foldWord } from './normalise.ts';
import { capitalised, isCapitalisedFirstName, isFirstName, mentionBefore, NAME_SHAPED, nameWord, strongTitles, tokenise, weakTitles, type Token } from './name-tokens.ts';
import type { Span } from './span.ts';

// Right after a name: "en"/"and" or a comma, and a listed first name ("Dewi en Rob Soerjadi",
// "Kevin en Dylan, 15 jaar", "Huisman, Marloes"); a year of birth in brackets ("de moeder van Adam (2014)").
const AND_BETWEEN = /^[ \t]+(?:en|and|&)[ \t]+$/iu;
const CALLED_IN_BRACKETS = /^[ \t]*\([ \t]*(?:zeg\s+maar|roepnaam|bijnaam|ook\s+wel|alias|aka|a\.k\.a\.|called|nickname|known\s+as)[ \t]*:?[ \t]*(\p{Lu}[\p{L}'’-]*)/iu;
const FIRST_NAME_IN_BRACKETS = /^[ \t]*\([ \t]*(\p{Lu}[\p{L}\p{M}'’-]+)[ \t]*(?:\)|,[ \t]*\d{1,3}[ \t]*(?:jaar|jr|j)?[ \t]*\))/u;
const SECOND_SURNAME = /^[ \t]+[-–][ \t]+((?:(?:van|de|der|den|ter|ten|['’]t)[ \t]+){0,3})(\p{Lu}[\p{L}\p{M}'’]+)(?![\p{L}-])/u;
// Where a record's "Surname, Given name" starts: a line or sentence, a colon, or "over"/"about"/"bij" before it.
const RECORD_START = /(?:^|[\n:;(.?!]|(?<![\p{L}])(?:over|about|bij|voor|van|for|re:?))[ \t]*$/iu;
// A town in brackets after a name ("Hiske Dijkstra (Leeuwarden)"): the endings of Dutch place names.
const PLACE_SHAPE = /(?:dam|dorp|wijk|veen|hout|burg|horst|rade|ingen|drecht|huizen|hoven|zijl|woude|kerk|meer|warden|wolde|broek|berg|haven|stad|loo|geest|sloot|vaart|recht|mond|sluis|dijk)$/u;
// A colon too: chat exports write the speaker so ("[10:32] Vermeulen, Inge: …").
const REVERSED_TAIL = /^[ \t]*(?:["'”’)>\]\n:]|$)/u;

/**
 * Names next to a found name that nothing else marks: a listed first name joined to it by "en"
 * (either side) or after it with a comma at the end of a quoted or bracketed name ("Huisman,
 * Marloes"), and a year of birth in brackets right after it.
 */
export function companions(text: string, tokens: Token[], found: Span[]): Span[] {
  // Nothing to stand next to (most messages): none of the tables below.
  if (!found.some((span) => span.kind === 'name')) return [];
  const extra: Span[] = [];
  const covered = new Uint8Array(tokens.length);
  const bounds = tokensOf(tokens, found, covered).map(([first, last]) => ({ first, last }));
  const firstNameAt = (k: number) => k >= 0 && k < tokens.length && capitalised(tokens[k]) && isCapitalisedFirstName(tokens[k]) && !mentionBefore(text, tokens[k]);
  const nameWordAt = (k: number) => k >= 0 && k < tokens.length && nameWord(tokens[k]) && !tokens[k].dot && !mentionBefore(text, tokens[k]);
  const push = (k: number) => extra.push({ start: tokens[k].start, end: tokens[k].start + tokens[k].word.length, kind: 'name' });
  // A given name of any origin joined by "en" to a found name ("Ghazal en Gülay Doğan"): of a name's shape, no word, no town.
  const partnerAt = (k: number) => nameWordAt(k) && NAME_SHAPED.test(tokens[k].word) && !PLACE_SHAPE.test(tokens[k].folded) && !(k > 0 && PLACE_BEFORE.has(tokens[k - 1].folded));
  const and = (k: number) => k >= 0 && k < tokens.length && (tokens[k].folded === 'en' || tokens[k].folded === 'and');
  found.forEach((span, n) => {
    if (span.kind !== 'name') return;
    const { first, last } = bounds[n];
    // A title before the found name belongs to it: "Kees, Truus, Mustafa en mevr. Dijkstra".
    const head = first > 0 && first < tokens.length && strongTitles.has(tokens[first - 1].folded) ? first - 1 : first;
    const before = and(head - 1) ? head - 2 : head - 1;
    if (before >= 0 && (firstNameAt(before) || partnerAt(before)) && AND_BETWEEN.test(text.slice(tokens[before].end, head === first ? span.start : tokens[head].start))) {
      if (!covered[before]) push(before);
      // A list: "Bart, Lisa en Merel" — the names before the "en" pair, each followed by a comma.
      for (let k = before - 1; k >= 0 && before - k <= 20 && firstNameAt(k) && /^,[ \t]*$/.test(text.slice(tokens[k].end, tokens[k + 1].start)); k--) {
        if (!covered[k]) push(k);
      }
    }
    const after = and(last + 1) ? last + 2 : last + 1;
    if (after < tokens.length && !covered[after]) {
      const gap = text.slice(span.end, tokens[after].start);
      const tail = text.slice(tokens[after].start + tokens[after].word.length, tokens[after].start + tokens[after].word.length + 4);
      const comma = /^,[ \t]*$/.test(gap);
      // "Okonkwo, Chidi" at the end of a line or in quotes: a surname and a given name of any origin.
      if (firstNameAt(after) ? AND_BETWEEN.test(gap) || (comma && (REVERSED_TAIL.test(tail) || /^[ \t]*[,.]/.test(tail))) : (comma && nameWordAt(after) && REVERSED_TAIL.test(tail)) || (AND_BETWEEN.test(gap) && partnerAt(after))) push(after);
    }
    // After a title the name starts with it: "Bel meneer Jansen" has no part before "meneer".
    extra.push(...namePartsAround(text, tokens, first, last, covered, head === first));
    // A surname before a comma at the start of a line, as records list people: "Post, Anneke - 78 jr",
    // "Winter, Eva (9 jaar)", "over Groen, Thijs (dossier …)".
    const surname = head - 1;
    if (surname >= 0 && !covered[surname] && nameWordAt(surname) && /^,[ \t]*$/.test(text.slice(tokens[surname].end, tokens[head].start)) && RECORD_START.test(text.slice(Math.max(0, tokens[surname].start - 24), tokens[surname].start))) push(surname);
    // A nickname in brackets right after the name, of any shape: "Pieter-Jan (zeg maar PJ)", "Mohammed (roepnaam Mo)".
    const called = CALLED_IN_BRACKETS.exec(text.slice(span.end, span.end + 40));
    if (called) {
      const at = span.end + called[0].length - called[1].length;
      extra.push({ start: at, end: at + called[1].length, kind: 'name' });
    }
    // A given name in brackets right after the name, listed, or of a name's shape with an age:
    // "dhr. Wiśniewski (Łukasz)", "de jongste (Thiago, 9)".
    const given = FIRST_NAME_IN_BRACKETS.exec(text.slice(span.end, span.end + 40));
    // Unlisted only with an age beside it: "(Zwolle)" after a name is as likely the town.
    if (given && (isFirstName(foldWord(given[1])) || (/,/.test(given[0]) && NAME_SHAPED.test(given[1]) && !NOT_NAMES.has(foldWord(given[1])) && !PLACE_SHAPE.test(foldWord(given[1]))))) {
      const at = span.end + given[0].indexOf(given[1]);
      extra.push({ start: at, end: at + given[1].length, kind: 'name' });
    }
    // The second part of a double surname set off by a spaced dash: "mw. A. van der Meer - de Graaf".
    const second = SECOND_SURNAME.exec(text.slice(span.end, span.end + 48));
    if (second && (second[1] || COMMON_SURNAMES.has(foldWord(second[2])))) extra.push({ start: span.start, end: span.end + second[0].length, kind: 'name' });
    const born = BORN_AFTER.exec(text.slice(span.end, span.end + 12));
    if (born) {
      const year = span.end + born[0].indexOf(born[1]);
      extra.push({ start: year, end: year + 4, kind: 'birthdate' });
    }
  });
  return extra;
}

/**
 * The other parts of a name of several capitalised words, of any origin, joined to the tokens
 * `first`..`last` of a find by one space: "Adilson Semedo" when "Semedo" was found, "Wong Ka Wai",
 * "Vo Thi Ngoc Anh" (two words each way at most). Not a title, a job or an organisation word
 * ("Zorgcentrum Sint Elisabeth"), nor a word after a place preposition.
 */
function namePartsAround(text: string, tokens: Token[], first: number, last: number, covered: Uint8Array, leftward = true): Span[] {
  const partAt = (k: number) => {
    const t = tokens[k];
    return !covered[k] && nameWord(t) && !t.dot && !mentionBefore(text, t) && !weakTitles.has(t.folded) && !strongTitles.has(t.folded) && !ROLE_NOUN.test(t.folded) && !ORGANISATION_WORD.test(t.word) && !(k > 0 && PLACE_BEFORE.has(tokens[k - 1].folded));
  };
  const spaceBetween = (a: number, b: number) => text.slice(tokens[a].start + tokens[a].word.length, tokens[b].start) === ' ';
  const out: Span[] = [];
  const push = (k: number) => out.push({ start: tokens[k].start, end: tokens[k].start + tokens[k].word.length, kind: 'name' });
  for (let k = first - 1, n = 0; leftward && n < 2 && k >= 0 && partAt(k) && spaceBetween(k, k + 1); k--, n++) push(k);
  for (let k = last + 1, n = 0; n < 2 && k < tokens.length && partAt(k) && spaceBetween(k - 1, k); k++, n++) push(k);
  return out;
}

/**
 * The first and last token each find covers (marked in `covered`), by binary search: linear in the
 * text, whatever the number of finds.
 */
function tokensOf(tokens: Token[], finds: readonly Span[], covered: Uint8Array): [number, number][] {
  return finds.map((f) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < f.start) lo = mid + 1;
      else hi = mid;
    }
    let last = lo - 1;
    while (last + 1 < tokens.length && tokens[last + 1].start + tokens[last + 1].word.length <= f.end) covered[++last] = 1;
    return [lo, last];
  });
}

/** The same for names found again elsewhere (`repeatedNames`): "Adilson Semedo … moeder Nilza Semedo". */
export function namePartsOf(text: string, finds: readonly Span[]): Span[] {
  const names = finds.filter((f) => f.kind === 'name');
  if (names.length === 0) return [];
  const tokens = tokenise(text);
  const covered = new Uint8Array(tokens.length);
  return tokensOf(tokens, names, covered).flatMap(([first, last]) => (last >= first ? namePartsAround(text, tokens, first, last, covered) : []));
}

const NAME_PART = /\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*/gu;
const CAPITALISED_WORD = /(?<![\p{L}\p{N}@#'’-])\p{Lu}[\p{Ll}\p{M}]+(?![\p{L}\p{N}])/gu;

/**
 * The same name again elsewhere in the message: once "Mo's broer" makes "Mo" a person's name, the
 * "Mo" in "de Wajong van Mo" is that person too. The capitalised words of the name finds (as written,
 * with their capital) are looked for in one pass over the text; an @mention or #channel stays.
 */
export function repeatedNames(text: string, finds: readonly Span[]): Span[] {
  const words = new Set<string>();
  for (const f of finds) {
    if (f.kind !== 'name') continue;
    for (const m of text.slice(f.start, f.end).matchAll(NAME_PART)) if (!PARTICLE_WORDS.has(m[0].toLowerCase())) words.add(m[0].replace(/['’]s?$/, ''));
  }
  if (words.size === 0) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(CAPITALISED_WORD)) if (words.has(m[0])) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'name' });
  return out;
}
const PARTICLE_WORDS = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'het', 'el', 'al', 'la', 'le', 'du', 'da', 'di', 'dos', 'das', 'von', 'ben', 'bin', 'abu', 'ait']);
