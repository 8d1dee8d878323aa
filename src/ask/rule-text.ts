/**
 * How a refusal rule meets the typed text: digits typed for letters read as the letters, and a
 * pattern asked through its looser skeleton first (guardrails.ts).
 */

/** Digits typed for letters ("1gn0r33r j3 r3g3ls", "pr0mpt"), read as the letters they stand for. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
// A word with a digit between two letters: "vg7", "2028", "4e" or "art. 3.3.3" have none.
const LEET_WORD = /[a-z0-9]*[a-z][0-9]+[a-z][a-z0-9]*/g;
export function unleet(text: string): string {
  return /[a-z][0-9]+[a-z]/.test(text) ? text.replace(LEET_WORD, (word) => word.replace(/[013457]/g, (d) => LEET[d])) : text;
}

/**
 * Whether `pattern` matches `text`, its looser skeleton asked first when it has one: a text the
 * skeleton does not match is no match, and the pattern (tens of thousands of characters of
 * negations) is then neither run nor compiled.
 */
export function fits(pattern: RegExp, loose: RegExp | undefined, text: string): boolean {
  return mayFit(loose, text) && pattern.test(text);
}

/** False when the skeleton `loose` rules `text` out: no pattern it was made from can match it. */
export function mayFit(loose: RegExp | undefined, text: string): boolean {
  return !loose || loose.test(text);
}
