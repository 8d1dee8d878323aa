/**
 * The checks of red-team corpus 2 (corpus-rt2.json): a leak is a must-disappear span of which a
 * telling part survives; over-redaction is a must-stay word or phrase that is gone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIncoming } from '../../src/core/message.ts';
import { redactIncoming } from '../../src/privacy/index.ts';

export interface Rt2Message {
  id: string;
  lang: 'nl' | 'en';
  text: string;
  mustDisappear: string[];
  mustStay: string[];
  hardNegative?: boolean;
}

export function rt2Corpus(): Rt2Message[] {
  const file = fileURLToPath(new URL('./corpus-rt2.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { messages: Rt2Message[] }).messages;
}

/** The real edge: the whole message through redactIncoming, as a console user "Tester" sends it. */
export function redactRt2(text: string, now: Date): string {
  const message = parseIncoming({ platform: 'console', tenantId: 'local', channelId: 'rt2', user: { id: 'u-rt2', name: 'Tester' }, text });
  return redactIncoming(message, now).message.text;
}

// Parts of a span that say nothing on their own: name particles, month names, the words and
// domains of a written-out or real e-mail address or link.
const WEAK = new Set(
  (
    "van de der den het ter ten te t 's el al la le da di du von op in " +
    'januari februari maart april mei juni juli augustus september oktober november december ' +
    'january february march may june july august october ' +
    'at dot punt com nl net org gmail hotmail outlook ziggo kpnmail www http https linkedin facebook example zorgdossier client bis'
  ).split(' '),
);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${esc(w)}(?![\\p{L}\\p{N}])`, 'u');
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** Does a telling part of `span` survive in `out`? */
export function spanLeaks(span: string, out: string): boolean {
  if (out.toLowerCase().includes(span.toLowerCase())) return true;
  const tokens = span.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const t of tokens) {
    if (WEAK.has(t.toLowerCase())) continue;
    if (/\d/.test(t) && digitsOf(t).length < 3) continue; // "14", "3a": too short to tell
    if (word(t).test(out)) return true;
  }
  const digits = digitsOf(span);
  if (digits.length >= 6) {
    for (const run of out.match(/\d[\d\s.\-/()+]*\d/g) ?? []) if (digitsOf(run).includes(digits)) return true;
  }
  return false;
}

export interface Rt2Result {
  id: string;
  out: string;
  leaks: string[];
  lost: string[];
}

export function checkRt2(m: Rt2Message, out: string): Rt2Result {
  return { id: m.id, out, leaks: m.mustDisappear.filter((s) => spanLeaks(s, out)), lost: m.mustStay.filter((s) => !out.includes(s)) };
}
