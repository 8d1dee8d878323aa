/**
 * Names written in another script inside a Dutch or English message: "Оксана Бондаренко belde",
 * "haar zoon محمد", "ተስፋይ komt morgen". Professionals write their chat in Latin letters; a word in
 * Cyrillic or Greek with a capital, or in a script without capitals (Arabic, Hebrew, Ethiopic,
 * Devanagari, Chinese, …), is almost always a name copied from a document. Only in a message with
 * Latin words and no more than a few foreign ones: a text written in that script is left alone.
 */
import type { Detector, Span } from './span.ts';

// Cyrillic, Greek, Armenian, Georgian: a capitalised word. Caseless scripts: any word.
const CASED = '[\\u0370-\\u03ff\\u0400-\\u052f\\u0530-\\u058f\\u10a0-\\u10ff]';
const CASELESS =
  '[\\u0590-\\u05ff\\u0600-\\u06ff\\u0750-\\u077f\\u0900-\\u0dff\\u0e00-\\u0eff\\u1200-\\u139f\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af]';
const WORD = `(?:(?=${CASED})\\p{Lu}[\\p{L}\\p{M}'’-]*|(?=${CASELESS})[\\p{L}\\p{M}'’-]+)`;
const RUN = new RegExp(`(?<![\\p{L}\\p{M}])${WORD}(?:[ \\t]+${WORD}){0,3}(?![\\p{L}\\p{M}])`, 'gu');
const FOREIGN = new RegExp(`${CASED}|${CASELESS}`, 'gu');

const FOREIGN_WORD = new RegExp(`(?:${CASED}|${CASELESS})[\\p{L}\\p{M}]*`, 'gu');
const LATIN_WORD = /(?<![\p{L}])[A-Za-z\u00c0-\u024f]{2,}/gu;

export const foreignScriptNames: Detector = (text) => {
  if (!FOREIGN.test(text)) return [];
  FOREIGN.lastIndex = 0;
  // A few foreign words (a name) in a Latin message; a longer text in that script is its own language.
  const foreign = text.match(FOREIGN_WORD)?.length ?? 0;
  const latin = text.match(LATIN_WORD)?.length ?? 0;
  if (latin === 0 || (foreign > 6 && latin < foreign)) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(RUN)) {
    // Look-alikes read as Latin by normalise() are Latin here; only what is still foreign counts.
    if (!new RegExp(FOREIGN.source, 'u').test(m[0])) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'name' });
  }
  return out;
};
