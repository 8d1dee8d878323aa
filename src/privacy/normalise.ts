/**
 * The text the detectors look at: NFKC-normalised (full-width digits, ligatures and odd spaces
 * become plain), digits of other scripts as 0–9, combining marks and zero-width and other
 * invisible format characters removed, so that
 * "１１１ ２２２ ３３３" or "111\u200B222333" read as a BSN. Each character keeps where it came from,
 * so a find is replaced in the text as the person wrote it (an emoji's joiners stay intact
 * outside finds).
 */

import { mayHaveDigits, mayMatch, quickChecks } from './gates.ts';

// Format characters (Cf: zero-width space and joiners, soft hyphen, word joiner, BOM, bidi marks)
// and fillers that render as nothing.
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0]/u;

// Combining marks left after NFKC composed what it could ("1̲1̲1̲" is 111): only the detectors
// read this text, so nothing written is lost.
const MARKS = /\p{M}/gu;
const OTHER_DIGIT = /[^\P{Nd}0-9]/gu;

/** Decimal digits of any script ("١١١", "१२३") as 0–9: each script's digits run in tens from its zero. */
function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGIT, (d) => {
    let zero = d.codePointAt(0)!;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && d.codePointAt(0)! - (zero - 1) < 10) zero--;
    return String((d.codePointAt(0)! - zero) % 10);
  });
}

export interface Normalised {
  /** The normalised text. */
  text: string;
  /**
   * For each character of `text`: the start and end of the code point in the original it came
   * from. May be longer than `text` (plain ASCII shares one pair of tables); never changed by readers.
   */
  from: readonly number[];
  to: readonly number[];
  /** Length of the original text. */
  length: number;
  /** The original text. */
  source: string;
}

// Inline markup that can sit inside a number or a name without showing: HTML tags of rich text
// ("06<b>1234</b>5678", "mevrouw <b>Jansen</b>") and the Slack/Markdown markers * ~ ` ("06*1234*5678");
// an underscore only between digits (it belongs to handles and e-mail addresses).
// Tags with attributes stay: their attributes are read like text ('<a href="tel:06…">').
const MARKUP = /<\/?(?:b|i|u|s|em|strong|code|span|font|strike|del|ins|mark|sub|sup|small|big|a|at)\s*>|[*~`]+|(?<=\d)_+(?=\d)/giu;
// Digits written as words, six or more in a row ("vier vier vier nul nul drie …", "zero six one two …"):
// read as the digits, so a spelled-out BSN or phone number is a number.
const DIGIT_WORDS: Record<string, string> = {
  nul: '0', een: '1', één: '1', twee: '2', drie: '3', vier: '4', vijf: '5', zes: '6', zeven: '7', acht: '8', negen: '9',
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
// Dutch numbers are also read out in pairs ("nul zes, twaalf, vierendertig …"): 10 to 99 as words.
const UNITS = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'].forEach((w, i) => (DIGIT_WORDS[w] = String(10 + i)));
['twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'].forEach((tens, i) => {
  DIGIT_WORDS[tens] = String(20 + i * 10);
  UNITS.forEach((unit, u) => {
    const value = String(21 + i * 10 + u);
    DIGIT_WORDS[`${unit}en${tens}`] = value;
    if (unit.endsWith('e')) DIGIT_WORDS[`${unit}ën${tens}`] = value;
  });
});
// Longest first, so "tweeëntwintig" is not read as "twee".
const DIGIT_WORD = `(?:${Object.keys(DIGIT_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const DIGIT_WORD_RUN = new RegExp(`(?<![\\p{L}])${DIGIT_WORD}(?:[\\s,.-]{1,3}${DIGIT_WORD}){5,14}(?![\\p{L}])`, 'giu');
// Two or more right before digits: "nul zes 1234 5678".
const DIGIT_WORDS_THEN_DIGITS = new RegExp(`(?<![\\p{L}])${DIGIT_WORD}(?:[\\s,.-]{1,3}${DIGIT_WORD}){1,12}(?=[\\s,.-]{1,3}\\d)`, 'giu');

// Digits and digit words mixed in one number ("06 twaalf 34 56 78", "nul zes 12 drie vier 56 78"): four
// groups or more, a digit word among them; its words read as digits, its digit groups as written.
const MIXED_RUN = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d{1,4}|${DIGIT_WORD})(?:[\\s,.-]{1,3}(?:\\d{1,4}|${DIGIT_WORD})){3,14}(?![\\p{L}\\p{N}])`, 'giu');
const ONE_DIGIT_WORD_IN = new RegExp(`(?<![\\p{L}])${DIGIT_WORD}(?![\\p{L}])`, 'giu');

// A year in words ("negentienhonderd eenenvijftig", "negentienvijftig", "tweeduizend twaalf") and a day in words before a
// month ("drie april"): read as digits, so "geboren op drie april negentienhonderd eenenvijftig" is a date.
// Said the short way too, "negentienvijftig", "negentien achtenveertig": nineteen and a number of 20 to 99.
const TENS_WORD = `(?:${Object.keys(DIGIT_WORDS).filter((w) => Number(DIGIT_WORDS[w]) >= 20).sort((a, b) => b.length - a.length).join('|')})`;
const YEAR_WORDS = new RegExp(`(?<![\\p{L}])(negentienhonderd|tweeduizend|negentien(?=[\\s-]?${TENS_WORD}(?![\\p{L}])))(?:[\\s-]?(?:en[\\s-]?)?(${DIGIT_WORD}))?(?![\\p{L}])`, 'giu');
const MONTH_WORD = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
const DAY_WORD = new RegExp(`(?<![\\p{L}])${DIGIT_WORD}(?=\\s+(?:de\\s+)?${MONTH_WORD}(?![\\p{L}]))`, 'giu');

// A house number in words after a capitalised street ("Kerkstraat twaalf", "Dorpsweg nr. drie"): read as
// digits ("grofweg vijf" is no street).
const STREET_NUMBER_WORD = new RegExp(
  `(?<=(?<![\\p{L}])\\p{Lu}\\p{Ll}*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|hof|pad|park)\\s+(?:(?:nr|no|nummer|huisnummer)\\.?\\s*)?)${DIGIT_WORD}(?![\\p{L}])`,
  'gu',
);

// Letters typed for digits inside a number: "O6-l2345678", "BSN 4440O3368". A run of digits, these letters
// and separators ("O6 - 47 11 23 90"), with at least six real digits and at most three such letters, reads them as 0 and 1.
const LETTER_DIGITS: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', '|': '1' };
const DIGIT_LIKE_RUN = /(?<![\p{L}\p{N}])[0-9OoIl|](?:[0-9OoIl|]|[ .-]{1,3}(?=[0-9OoIl|])){5,40}(?![\p{L}\p{N}])/gu;

// What each pass of `substitutions` cannot do without, checked before its long pattern runs (see gates.ts):
// markup characters, a year word, a street ending, a month, two digit words in a row.
const MARKUP_CHAR = /[<*~`_]/;
const YEAR_WORD = /negentien|tweeduizend/iu;
const STREET_ENDING = /(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|hof|pad|park)\s/u;
const MONTH = new RegExp(MONTH_WORD, 'iu');
const LETTER = /^\p{L}$/u;
const DIGIT_WORD_GAP = /^[\s,.-]{1,3}$/u;
const DIGIT_WORD_KEYS = new Set(Object.keys(DIGIT_WORDS));
const LONGEST_DIGIT_WORD = Math.max(...[...DIGIT_WORD_KEYS].map((k) => k.length));
const ONE_DIGIT_WORD = new RegExp(`^${DIGIT_WORD}$`, 'iu');
// A word of plain ASCII letters is a digit word when its lower case is one; any other is left to the pattern (case folding).
function isDigitWord(word: string): boolean {
  if (DIGIT_WORD_KEYS.has(word)) return true;
  let lower = true;
  for (let i = 0; i < word.length && lower; i++) lower = word.charCodeAt(i) >= 97 && word.charCodeAt(i) <= 122;
  if (lower) return false;
  return DIGIT_WORD_KEYS.has(word.toLowerCase()) || (/[^a-z]/i.test(word) && ONE_DIGIT_WORD.test(word));
}

/**
 * Two digit words in a row, only separators between them ("nul zes"): what DIGIT_WORD_RUN and
 * DIGIT_WORDS_THEN_DIGITS need. Each digit word of their matches is a whole run of letters (a
 * letter never sits next to one), so looking at the runs of letters finds the same pairs.
 */
function digitWordPair(text: string): boolean {
  let previousEnd = -1;
  let i = 0;
  while (i < text.length) {
    let size = letterAt(text, i);
    if (size === 0) {
      i++;
      continue;
    }
    const start = i;
    while (size > 0) {
      i += size;
      size = i < text.length ? letterAt(text, i) : 0;
    }
    const digit = i - start <= LONGEST_DIGIT_WORD && isDigitWord(text.slice(start, i));
    if (digit && previousEnd >= 0 && DIGIT_WORD_GAP.test(text.slice(previousEnd, start))) return true;
    previousEnd = digit ? i : -1;
  }
  return false;
}

/** The length of the letter (\p{L}) at `i` in code units (2 outside the BMP), or 0: ASCII by its code. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  const point = text.codePointAt(i)!;
  return LETTER.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

const MAY_SUBSTITUTE = new RegExp(`[<*~\`_|]|${DIGIT_WORD}(?:[\\s,.-]|$)|honderd|duizend|\\d[OoIl]|[OoIl]\\d`, 'iu');

/** Where the original text reads as something else for the detectors: markup as nothing, digit words as digits. */
function substitutions(original: string): Map<number, { end: number; text: string }> {
  const subs = new Map<number, { end: number; text: string }>();
  const none: RegExpMatchArray[] = [];
  for (const m of mayMatch(original, MARKUP_CHAR) ? original.matchAll(MARKUP) : none) subs.set(m.index!, { end: m.index! + m[0].length, text: '' });
  for (const m of mayMatch(original, YEAR_WORD) ? original.matchAll(YEAR_WORDS) : none) {
    const tail = m[2] ? DIGIT_WORDS[m[2].toLowerCase()] ?? '' : '';
    const century = m[1].toLowerCase().startsWith('negentien') ? '19' : '20';
    subs.set(m.index!, { end: m.index! + m[0].length, text: century + (tail ? tail.padStart(2, '0') : '00') });
  }
  // Only a run with six digits or more is read (below).
  for (const m of mayHaveDigits(original, 6) ? original.matchAll(DIGIT_LIKE_RUN) : none) {
    const letters = m[0].replace(/[^OoIl|]/g, '').length;
    if (letters === 0 || letters > 3 || m[0].replace(/\D/g, '').length < 6) continue;
    for (let k = 0; k < m[0].length; k++) {
      const digit = LETTER_DIGITS[m[0][k]];
      if (digit) subs.set(m.index! + k, { end: m.index! + k + 1, text: digit });
    }
  }
  for (const m of mayMatch(original, STREET_ENDING) ? original.matchAll(STREET_NUMBER_WORD) : none) {
    if (!subs.has(m.index!)) subs.set(m.index!, { end: m.index! + m[0].length, text: DIGIT_WORDS[m[0].toLowerCase()] });
  }
  for (const m of mayMatch(original, MONTH) ? original.matchAll(DAY_WORD) : none) {
    const day = DIGIT_WORDS[m[0].toLowerCase()];
    if (day && Number(day) <= 31 && !subs.has(m.index!)) subs.set(m.index!, { end: m.index! + m[0].length, text: day });
  }
  const pair = !quickChecks() || digitWordPair(original);
  const runs = pair ? [...original.matchAll(DIGIT_WORD_RUN), ...(mayHaveDigits(original) ? original.matchAll(DIGIT_WORDS_THEN_DIGITS) : none)] : none;
  for (const m of runs) {
    for (const w of m[0].matchAll(new RegExp(`${DIGIT_WORD}|[^\\p{L}]+`, 'giu'))) {
      const start = m.index! + w.index!;
      subs.set(start, { end: start + w[0].length, text: DIGIT_WORDS[w[0].toLowerCase()] ?? '' });
    }
  }
  for (const m of mayHaveDigits(original, 4) && mayMatch(original, MAY_SUBSTITUTE) ? original.matchAll(MIXED_RUN) : none) {
    if (!/\d/.test(m[0])) continue;
    for (const w of m[0].matchAll(ONE_DIGIT_WORD_IN)) {
      const start = m.index! + w.index!;
      if (!subs.has(start)) subs.set(start, { end: start + w[0].length, text: DIGIT_WORDS[w[0].toLowerCase()] });
    }
  }
  return subs;
}

// Cyrillic and Greek letters that look like Latin ones. In a word that mixes them with Latin letters
// ("ВSN" with a Cyrillic В, "Jаnssen" with a Cyrillic а) or is a short label of look-alike capitals, they are
// read as the Latin letter: a label or name typed to slip past the detectors is still read.
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'i', κ: 'k', τ: 't', υ: 'u', χ: 'x', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N',
  Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const LOOKALIKE = /[\u0370-\u03ff\u0400-\u052f]/u;
const WORD_RUN = /[\p{L}\p{M}\p{Cf}]+/gu;

/** Positions of look-alike letters to read as Latin: in mixed words or words of look-alikes only. */
function lookalikes(original: string): Set<number> {
  const at = new Set<number>();
  if (!LOOKALIKE.test(original)) return at;
  for (const m of original.matchAll(WORD_RUN)) {
    const chars = [...m[0]];
    const letters = chars.filter((c) => /\p{L}/u.test(c));
    // Look-alikes only: a label in capitals ("ВЅΝ"); a word in lower case is that script's own ("Оксана").
    const mixed = letters.some((c) => /[a-z]/i.test(c)) || (letters.every((c) => c in LOOKALIKES && /\p{Lu}/u.test(c)) && letters.length <= 5);
    if (!mixed) continue;
    let offset = m.index!;
    for (const c of chars) {
      if (c in LOOKALIKES) at.add(offset);
      offset += c.length;
    }
  }
  return at;
}

// What a character reads as (NFKC, other scripts' digits as 0-9, no combining marks), for each
// character once: the per-character normalising and regular expressions were most of the cost of
// a short message. ASCII stays as it is; the rest is remembered (a bounded table).
const PLAIN_CHARS = new Map<string, string>();
function plainChar(char: string): string {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return char;
  let plain = PLAIN_CHARS.get(char);
  if (plain === undefined) {
    plain = asciiDigits(char.normalize('NFKC')).replace(MARKS, '');
    if (PLAIN_CHARS.size >= 4096) PLAIN_CHARS.clear();
    PLAIN_CHARS.set(char, plain);
  }
  return plain;
}

const ASCII = /^[\x00-\x7f]*$/;

// Plain ASCII with nothing to substitute maps character i to i: one shared pair of tables, grown
// as needed, instead of two new arrays per message (a quarter of what a redaction allocated).
// Longer texts than the cap get their own, so the tables stay small.
const SHARED_IDENTITY_MAX = 16_384;
const IDENTITY_FROM: number[] = [];
const IDENTITY_TO: number[] = [];
function identity(length: number): { from: readonly number[]; to: readonly number[] } {
  if (length > SHARED_IDENTITY_MAX) return { from: Array.from({ length }, (_, i) => i), to: Array.from({ length }, (_, i) => i + 1) };
  for (let i = IDENTITY_FROM.length; i < length; i++) {
    IDENTITY_FROM.push(i);
    IDENTITY_TO.push(i + 1);
  }
  return { from: IDENTITY_FROM, to: IDENTITY_TO };
}

export function normalise(original: string): Normalised {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  // Each pass of substitutions() checks first whether it can find anything, so for most texts it
  // returns nothing without MAY_SUBSTITUTE's long scan; that scan only decides whether finds count.
  const found = substitutions(original);
  const subs = found.size > 0 && MAY_SUBSTITUTE.test(original) ? found : undefined;
  // Plain ASCII with nothing to substitute (most messages) reads as it is, character for character.
  if (!subs && ASCII.test(original)) return { text: original, ...identity(original.length), length: original.length, source: original };
  const latin = lookalikes(original);
  let skipTo = 0;
  for (const char of original) {
    const end = at + char.length;
    const sub = subs?.get(at);
    if (at < skipTo) {
      at = end;
      continue;
    }
    if (sub) {
      for (let i = 0; i < sub.text.length; i++) {
        text += sub.text[i];
        from.push(at);
        to.push(sub.end);
      }
      skipTo = sub.end;
      at = end;
      continue;
    }
    if (char.length === 1 && char.charCodeAt(0) < 0x80) {
      // ASCII (most characters) is neither invisible, nor a look-alike, nor changed by NFKC.
      text += char;
      from.push(at);
      to.push(end);
    } else if (!INVISIBLE.test(char)) {
      const folded = latin.has(at) ? LOOKALIKES[char] : plainChar(char);
      text += folded;
      for (let i = 0; i < folded.length; i++) {
        from.push(at);
        to.push(end);
      }
    }
    at = end;
  }
  return { text, from, to, length: original.length, source: original };
}

/** The range in the original text that a span of the normalised text came from. */
export function originalRange(n: Normalised, start: number, end: number): { start: number; end: number } {
  // What was dropped right after the find goes with it when it was invisible (a combining mark, a
  // zero-width space); markup after it (a closing "</b>" or "*") stays.
  const last = n.to[end - 1];
  const next = end < n.text.length ? n.from[end] : n.length;
  const gap = n.source.slice(last, next);
  return { start: n.from[start], end: gap && /^[\p{Cf}\p{M}\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0]+$/u.test(gap) ? next : last };
}

/** Accents and case folded, for comparing words with the lists ("Cliënt" = "client"). */
export function foldWord(word: string): string {
  // Plain ASCII (most words) has nothing to take apart or strip: lower case is all.
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđıßæœ]/g, (c) => UNDECOMPOSED[c]);
}
// Letters that NFD does not take apart: "Łukasz" = "lukasz", "Ødegaard", "Yıldız".
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe' };
