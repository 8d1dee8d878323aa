/**
 * Signs of a name that need more than one token: a label before it ("Naam: …"), the Dutch genitive
 * ("Annemieks moeder") and a signature under a message ("Groetjes, Ilse").
 */
import { NOT_NAMES } from './data/words.ts';
import { nameEnd } from './name-end.ts';
import { CLOSINGS, LABEL_TAIL, POSSESSIVE_KIN, ROLE_LABELS, SIGNATURE_GAP } from './name-context.ts';
import { capitalised, isFirstName, mentionBefore, nameLabels, nameWord, weakTitles, type Token } from './name-tokens.ts';

/**
 * The first word of a name after a label and a colon ("Naam: …", "Naam cliënt: …", "Cliënt: …"),
 * or -1. A role word as label only counts before a capital (its value may be a description).
 */
export function labelled(text: string, tokens: Token[], i: number): number {
  const t = tokens[i];
  const label = nameLabels.has(t.folded) || ROLE_LABELS.has(t.folded) || (weakTitles.has(t.folded) && !NOT_NAMES.has(t.folded));
  if (!label) return -1;
  const m = LABEL_TAIL.exec(text.slice(t.end, t.end + 40));
  if (!m) return -1;
  const at = t.end + m[0].length;
  const j = tokens.findIndex((u, k) => k > i && u.start === at);
  if (j < 0) return -1;
  return nameLabels.has(t.folded) || capitalised(tokens[j]) ? j : -1;
}

/** The Dutch genitive without an apostrophe: "Annemieks moeder", "Jans indicatie". */
export function genitiveName(text: string, t: Token): boolean {
  return capitalised(t) && t.folded.length > 3 && t.folded.endsWith('s') && !isFirstName(t.folded) && isFirstName(t.folded.slice(0, -1)) && !mentionBefore(text, t) && POSSESSIVE_KIN.test(text.slice(t.end, t.end + 24));
}

/**
 * A signature under a message: "Groetjes, Ilse", "gr. Wouter", "Met vriendelijke groet,\nEsther": after
 * the closing at `i`, a name alone on the rest of its line; the index of its last word, or -1.
 */
export function signatureEnd(text: string, tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!CLOSINGS.has(t.folded) || i + 1 >= tokens.length || !SIGNATURE_GAP.test(text.slice(t.end, tokens[i + 1].start)) || !nameWord(tokens[i + 1]) || mentionBefore(text, tokens[i + 1])) return -1;
  const end = Math.max(i + 1, nameEnd(text, tokens, i + 1, false));
  return /^[ \t]*[.!]?[ \t]*(?:\n|$)/.test(text.slice(tokens[end].end, tokens[end].end + 8)) ? end : -1;
}
