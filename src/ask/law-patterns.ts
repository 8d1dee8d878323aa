/**
 * The laws' patterns (`laws.yaml`, compiled by question.ts) carry the `u` flag, which makes a
 * case-insensitive test many times slower in V8, and every question and card sentence is tested
 * against some forty of them. A plain-ASCII pattern without Unicode-only syntax gives the same
 * verdict without `u` on a text that has none of the characters where the two modes part: the
 * long s and the Kelvin sign (which Unicode case folding reads as "s" and "k", and `\w` as a
 * letter) and astral characters (one character with `u`, two without). Such a text is tested with
 * the pattern as written.
 */
import type { Law } from './question.ts';

/** Where `/…/iu` and `/…/i` can part on a text (ſ, K, a surrogate half). */
const UNICODE_ONLY = /[\u017f\u212a\ud800-\udfff]/;

/** Whether the last text tested has none of them (the same text meets some forty patterns in a row). */
let lastText: string | undefined;
let lastPlain = false;
function plain(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastPlain = !UNICODE_ONLY.test(text);
  }
  return lastPlain;
}

class QuickPattern extends RegExp {
  constructor(
    private readonly exact: RegExp,
    private readonly quick: RegExp,
  ) {
    super(exact.source, exact.flags);
  }

  override test(text: string): boolean {
    return typeof text === 'string' && plain(text) ? this.quick.test(text) : this.exact.test(text);
  }
}

/** The pattern, tested without `u` where that gives the same verdict; as it is when it may not. */
export function quickPattern(pattern: RegExp): RegExp {
  if (!pattern.flags.includes('u') || /[gy]/.test(pattern.flags) || /[^\x20-\x7e]|\\[pPu]|\\k</.test(pattern.source)) return pattern;
  let quick: RegExp;
  try {
    quick = new RegExp(pattern.source, pattern.flags.replace('u', ''));
  } catch {
    return pattern;
  }
  return new QuickPattern(pattern, quick);
}

/** The laws with their patterns made quick (same verdicts). */
export function quickLaws(laws: Law[]): Law[] {
  return laws.map((law) => ({ ...law, named: law.named.map(quickPattern), implied: law.implied.map(quickPattern) }));
}
