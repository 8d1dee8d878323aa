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
      leaks: e.mustDisappear.filter((s) => present(out, s, false)),
      over: e.mustStay.filter((s) => !present(out, s, true)),
    };
  });
}
