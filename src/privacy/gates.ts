/**
 * Quick checks that let a detector skip its full scan when the text cannot hold its kind of data:
 * every pattern of a date, an address, a BSN, a phone or account number, a record number or a
 * licence plate needs ASCII digits (the detectors read the normalised text, where digits of any
 * script are 0–9), and an e-mail address needs its "@" or a written-out "at". Each check is a
 * necessary condition of the patterns it guards, so a skipped scan would have found nothing:
 * the output is the same, only cheaper (test/privacy/quick-checks.test.ts runs the corpora both
 * ways). Most questions hold no digit at all.
 */

let enabled = true;

/** Tests only: with `false` every detector runs its full scan, to prove the checks change nothing. */
export function useQuickChecks(on: boolean): void {
  enabled = on;
}

// The detectors of one text ask one after the other: the count is kept for the last text seen.
let lastText: string | undefined;
let lastCount = 0;

/** Are the quick checks on (for a check that is not a pattern)? */
export function quickChecks(): boolean {
  return enabled;
}

/** How many ASCII digits the text holds (0–9). */
function digitCount(text: string): number {
  if (text === lastText) return lastCount;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  lastText = text;
  lastCount = count;
  return count;
}

/** May the text hold a find that needs at least `n` ASCII digits? Always true with the checks off. */
export function mayHaveDigits(text: string, n = 1): boolean {
  return !enabled || digitCount(text) >= n;
}

/** May the text match `pattern` (a non-global pattern every find needs)? Always true with the checks off. */
export function mayMatch(text: string, pattern: RegExp): boolean {
  return !enabled || pattern.test(text);
}
