/**
 * Double surnames: one whose second part starts with a particle ("Catharina Bakker-de Ruiter",
 * "Bakker-van Dijk"), and one with a common surname in it, with the given name of any origin before
 * it ("Wendela Brouwer-Sloot", "Brouwer-Sloot belde"; places with a dash hold no common surname).
 */
import { COMMON_SURNAMES } from './data/words.ts';
import { joined } from './name-end.ts';
import { capitalised, mentionBefore, nameWord, particles, type Token } from './name-tokens.ts';
import { PLACE_BEFORE } from './name-context.ts';
import { DOUBLE_NAME } from './name-words.ts';
import type { Span } from './span.ts';

/** The first and last token of a double surname at `i` (`next`: the token joined after it, or -1), or undefined. */
export function doubleSurname(text: string, tokens: Token[], i: number, next: number, found: Span[]): [number, number] | undefined {
  const t = tokens[i];
  if (!capitalised(t) || mentionBefore(text, t)) return undefined;
  if (/^\p{Lu}\p{Ll}+-(?:de|van|ter|ten|den|der|van-der|van-den|van-de)$/u.test(t.word) && next >= 0 && nameWord(tokens[next])) {
    const before = i > 0 && joined(text, tokens[i - 1], t) && nameWord(tokens[i - 1]) && !tokens[i - 1].dot && !(i > 1 && PLACE_BEFORE.has(tokens[i - 2].folded)) ? i - 1 : i;
    return [before, next];
  }
  if (DOUBLE_NAME.test(t.word) && t.folded.split('-').some((part) => COMMON_SURNAMES.has(part))) {
    let from = i;
    let k = i - 1;
    while (k >= 0 && particles.has(tokens[k].folded) && /^\p{Ll}/u.test(tokens[k].word) && joined(text, tokens[k], tokens[k + 1])) k--;
    if (k >= 0 && joined(text, tokens[k], tokens[k + 1]) && nameWord(tokens[k]) && !tokens[k].dot && !found.some((o) => o.end >= tokens[k].start && o.start <= tokens[k].start)) from = k;
    return [from, i];
  }
  return undefined;
}
