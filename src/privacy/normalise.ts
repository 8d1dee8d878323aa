/**
 * The text the detectors look at: NFKC-normalised (full-width digits, ligatures and odd spaces
 * become plain), digits of other scripts as 0–9, combining marks and zero-width and other
 * invisible format characters removed, so that
 * "１１１ ２２２ ３３３" or "111\u200B222333" read as a BSN. Each character keeps where it came from,
 * so a find is replaced in the text as the person wrote it (an emoji's joiners stay intact
 * outside finds).
 */

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
  /** For each character of `text`: the start and end of the code point in the original it came from. */
  from: number[];
  to: number[];
  /** Length of the original text. */
  length: number;
}

export function normalise(original: string): Normalised {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const char of original) {
    const end = at + char.length;
    if (!INVISIBLE.test(char)) {
      const folded = asciiDigits(char.normalize('NFKC')).replace(MARKS, '');
      text += folded;
      for (let i = 0; i < folded.length; i++) {
        from.push(at);
        to.push(end);
      }
    }
    at = end;
  }
  return { text, from, to, length: original.length };
}

/** The range in the original text that a span of the normalised text came from. */
export function originalRange(n: Normalised, start: number, end: number): { start: number; end: number } {
  // What was dropped right after the find (a combining mark, a zero-width space) goes with it.
  return { start: n.from[start], end: end < n.text.length ? n.from[end] : n.length };
}

/** Accents and case folded, for comparing words with the lists ("Cliënt" = "client"). */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
