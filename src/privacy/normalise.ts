/**
 * The text the detectors look at: NFKC-normalised (full-width digits, ligatures and odd spaces
 * become plain), with zero-width and other invisible format characters removed, so that
 * "１１１ ２２２ ３３３" or "111\u200B222333" read as a BSN. Each character keeps where it came from,
 * so a find is replaced in the text as the person wrote it (an emoji's joiners stay intact
 * outside finds).
 */

// Format characters (Cf: zero-width space and joiners, soft hyphen, word joiner, BOM, bidi marks)
// and fillers that render as nothing.
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0]/u;

export interface Normalised {
  /** The normalised text. */
  text: string;
  /** For each character of `text`: the start and end of the code point in the original it came from. */
  from: number[];
  to: number[];
}

export function normalise(original: string): Normalised {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const char of original) {
    const end = at + char.length;
    if (!INVISIBLE.test(char)) {
      const folded = char.normalize('NFKC');
      text += folded;
      for (let i = 0; i < folded.length; i++) {
        from.push(at);
        to.push(end);
      }
    }
    at = end;
  }
  return { text, from, to };
}

/** The range in the original text that a span of the normalised text came from. */
export function originalRange(n: Normalised, start: number, end: number): { start: number; end: number } {
  return { start: n.from[start], end: n.to[end - 1] };
}

/** Accents and case folded, for comparing words with the lists ("Cliënt" = "client"). */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
