/**
 * Measures the fifth red team's corpus (corpus-rt5.json) against the real redaction, as
 * corpus-rt4-check.ts does the fourth's: a span leaks when it survives whole (case-insensitive, any
 * run of white space alike), or a telling word of a name, e-mail or link does, or a digit group of
 * three or more; a word or group counts only when the redacted text holds it more often than the
 * message does outside its spans. An over-redaction is a must-stay word that is gone (case as written).
 */
import { readFileSync } from 'node:fs';
import { redact } from '../../src/privacy/index.ts';
import { count, leakTest } from './leak-check.ts';

export interface Rt5Entry {
  id: string;
  kind: string;
  text: string;
  mustRedact: string[];
  mustKeep: string[];
}

export const RT5: Rt5Entry[] = JSON.parse(readFileSync(new URL('./corpus-rt5.json', import.meta.url), 'utf8'));

// Particles, the words of an obfuscated address and written-out numbers tell nothing on their own.
const SILENT = new Set(['de', 'van', 'der', 'den', 'ter', 'ten', 'het', 'el', 'al', 'jr', 'mevr', 'mw', 'dhr', 'at', 'dot', 'punt', 'com', 'nl', 'gmail', 'hotmail', 'outlook', 'ziggo', 'zorg', 'care', 'www', 'https', 'http', 'maart', 'march', 'jan', 'nul', 'zes', 'een', 'twee', 'drie', 'vier', 'vijf', 'zeven', 'acht', 'negen', 'één', 'zero', 'six', 'one', 'two', 'three', 'four', 'five', 'seven', 'eight', 'abc', 'abna', 'bis', 'iii']);
// Kinds whose letters are no name: written-out numbers, dates, plates, references.
const NUMBERISH = /^(written-number|bsn|dob|date|plate|iban|postcode|ref-|clientnr|phone|partial-bsn)/;
export const leaks = leakTest({ silent: SILENT, hasWords: (kind) => !(NUMBERISH.test(kind) || kind === 'en-dob' || kind === 'en-bsn' || kind === 'en-phone') });

export interface Rt5Result {
  id: string;
  kind: string;
  text: string;
  out: string;
  leaks: string[];
  over: string[];
}

export function measure(e: Rt5Entry, out: string): Rt5Result {
  return {
    id: e.id,
    kind: e.kind,
    text: e.text,
    out,
    leaks: e.mustRedact.filter((s) => leaks(out, e.kind, s, e.text, e.mustRedact)),
    over: e.mustKeep.filter((w) => count(out, w, true) < count(e.text, w, true)),
  };
}

const EN = /\b(the|is|with|can|please|her|his|called|has|for|of|and|she|he|they|thanks)\b/i;
export const langOf = (e: Rt5Entry): 'nl' | 'en' => (e.kind.endsWith('-en') || e.kind.startsWith('en-') ? 'en' : EN.test(e.text) && !/\b(de|het|een|van|is de|heeft)\b/.test(e.text) ? 'en' : 'nl');

export function measureRt5(now = new Date('2026-12-02T12:00:00Z')): Rt5Result[] {
  return RT5.map((e) => measure(e, redact(e.text, now, { lang: langOf(e) }).text));
}
