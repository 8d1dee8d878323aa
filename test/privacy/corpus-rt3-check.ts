/**
 * Measures the third red team's corpus (corpus-rt3.json) against the real redaction: a leak is a
 * span that must disappear and is still in the redacted text (as a whole word, case-insensitive);
 * an over-redaction is a word that must stay and is gone (case as written).
 */
import { readFileSync } from 'node:fs';
import { redact } from '../../src/privacy/index.ts';

export interface Rt3Entry {
  id: string;
  text: string;
  mustDisappear: string[];
  mustStay: string[];
}

export const RT3: Rt3Entry[] = JSON.parse(readFileSync(new URL('./corpus-rt3.json', import.meta.url), 'utf8'));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function present(out: string, span: string, caseSensitive: boolean): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(span)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu').test(out);
}

const PARTICLES = new Set(['de', 'van', 'der', 'den', 'ter', 'ten', 'het', 'el', 'al', 'ben', 'bin', 'a', 'op', 'in']);
// Spoken numbers, months and obfuscated e-mail words are no telling part of a span on their own.
const NOT_TELLING = /^(?:at|dot|nul|een|twee|drie|vier|vijf|zes|zeven|acht|negen|twaalf|maart|negentien\p{L}*)$/iu;

/**
 * Does a span that must disappear survive? The whole span (case-insensitive), or, for a name of
 * several words, any telling word of it ("[naam] asante" still leaks "asante"); a word written with
 * a capital is looked for with its capital ("de bakker op de hoek" keeps the baker, not "Bakker").
 */
export function leaks(out: string, span: string, text = ''): boolean {
  // Case counts when the message also holds the span as an ordinary word ("Bakker" and "de bakker").
  const sameWordOtherCase = text.toLowerCase().split(span.toLowerCase()).length > text.split(span).length;
  if (present(out, span, sameWordOtherCase)) return true;
  if (!/^[\p{L}.'’ -]+$/u.test(span)) return false;
  const parts = span.split(/\s+/).map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, ''));
  if (parts.length < 2 || parts.some((w) => NOT_TELLING.test(w))) return false;
  return parts.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 3 && !PARTICLES.has(w.toLowerCase())).some((w) => present(out, w, /\p{Lu}/u.test(w)));
}


export interface Rt3Result {
  id: string;
  text: string;
  out: string;
  leaks: string[];
  over: string[];
}

export function measureRt3(now = new Date('2026-12-02T12:00:00Z')): Rt3Result[] {
  return RT3.map((e) => {
    const out = redact(e.text, now).text;
    return {
      id: e.id,
      text: e.text,
      out,
      leaks: e.mustDisappear.filter((s) => leaks(out, s, e.text)),
      over: e.mustStay.filter((s) => !present(out, s, true)),
    };
  });
}
