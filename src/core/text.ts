/**
 * Hygiene for text that comes from people: normalised, stripped of control and bidi-override
 * characters (which can hide or reorder text), and measured against a length limit.
 */

/** Longest message a feature will work on; longer ones get a friendly request to shorten. */
export const MAX_MESSAGE_CHARS = 4000;

// C0/C1 controls except tab and newline; bidi embedding/override/isolate controls and the bidi
// marks (LRM, RLM, ALM); invisible characters that hide inside a word (zero-width space, word
// joiner, invisible operators, BOM). Zero-width (non-)joiners stay: emoji and scripts need them.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function cleanText(input: string): string {
  return input.normalize('NFC').replace(/\r\n?/g, '\n').replace(UNSAFE, '').trim();
}

/** A text as a literal part of a regular expression ("Dr. (Anna)" matches itself). */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text made safe inside HTML or SVG, as element content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Folds accents and case so "cliënt", "Client" and "CLIËNT" compare equal. */
export function fold(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The text on one line, each line break ending a sentence: a pasted e-mail or notes ("Van: …\nAan: …
 * \n---\nvraag: …") read as the sentences they are, for patterns whose `.` does not cross a line.
 */
export function linesAsSentences(text: string): string {
  return text.replace(/([.!?:;])?[^\S\r\n]*[\r\n]+\s*/g, (_, end: string | undefined) => (end ? `${end} ` : '. '));
}

/** Cuts text to at most `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Edit distance between two strings: how many single-character edits turn one into the other. */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
