/**
 * Rows of a table or an export pasted into the chat ("Jan;de Vries;03-04-1951;294582393", "| Jan
 * Smit | 483390008 |", tab-separated): when a row holds personal data that another detector found
 * (a date of birth, a BSN, a phone number …), its fields that read as a name (capitalised words
 * and particles only) are names too. A row without such data is left to the other detectors.
 */
import { PARTICLES } from './data/words.ts';
import type { Span } from './span.ts';

const SEPARATOR = /[;|\t]/;
const PARTICLE = new Set(PARTICLES);
// A capitalised word with at least one lower-case letter ("Vries", "O'Neill"), not an abbreviation ("VG5", "NAH").
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;

function nameField(field: string): boolean {
  const words = field.trim().split(/\s+/);
  if (words.length === 0 || words.length > 5 || words[0] === '') return false;
  return words.some((w) => NAME_WORD.test(w)) && words.every((w) => NAME_WORD.test(w) || PARTICLE.has(w.toLowerCase()) || /^\p{Lu}\.$/u.test(w));
}

/** Name fields of the rows in `text` that hold another find (`finds`, spans of the same text). */
export function rowNames(text: string, finds: readonly Span[]): Span[] {
  if (!SEPARATOR.test(text)) return [];
  const out: Span[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const fields = line.split(SEPARATOR);
    const hasData = fields.length >= 3 && finds.some((f) => f.kind !== 'name' && f.start >= lineStart && f.end <= lineEnd);
    if (hasData) {
      let at = lineStart;
      for (const [k, field] of fields.entries()) {
        // The first field may follow a sentence on the same line: "… in Sneek. Jan;de Vries;…".
        const sentence = k === 0 ? /^[\s\S]*[.!?:][ \t]+/.exec(field) : null;
        const from = sentence ? sentence[0].length : 0;
        const value = field.slice(from);
        if (nameField(value)) {
          const lead = value.length - value.trimStart().length;
          out.push({ start: at + from + lead, end: at + from + value.trimEnd().length, kind: 'name' });
        }
        at += field.length + 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

// The head of a list item, up to a colon or dash: "- Willem de Groot: VV4", "2. Sevda Aydın – VV5".
const ITEM = /^[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+([^:\n–]{2,60}?)[ \t]*(?::|–|[ \t]-[ \t])/gmu;

/**
 * Items of a list whose head is a name another detector found ("- Willem de Groot: VV4"): the
 * other items' heads of two or more words that read as a name are names too ("- Sevda Aydın: VV5").
 */
export function itemNames(text: string, finds: readonly Span[]): Span[] {
  if (!text.includes('\n') || !finds.some((f) => f.kind === 'name')) return [];
  const heads = [...text.matchAll(ITEM)].map((m) => {
    const start = m.index! + m[0].indexOf(m[1]);
    return { start, end: start + m[1].trimEnd().length, value: m[1].trim() };
  });
  if (heads.length < 2 || !heads.some((h) => finds.some((f) => f.kind === 'name' && f.start < h.end && f.end > h.start))) return [];
  return heads.filter((h) => /\s/.test(h.value) && nameField(h.value)).map((h) => ({ start: h.start, end: h.end, kind: 'name' as const }));
}
