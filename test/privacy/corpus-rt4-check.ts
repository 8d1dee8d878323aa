/**
 * Measures the fourth red team's corpus (corpus-rt4.json) against the real redaction. A leak is a
 * span that must disappear and survives: the whole span (case-insensitive, any run of white space
 * alike, so a no-break space or a line break inside it counts), or a telling word of a name, e-mail
 * or link ("[naam] Linden", "jan.[naam]@…"), or a digit group of three or more of a number ("06-[…]
 * 345678" still leaks "345678"). A word or group counts only when the redacted text holds it more
 * often than the message does outside its spans ("mevr Hoogeveen uit Hoogeveen" keeps the town).
 * An over-redaction is a word that must stay and is gone (case as written).
 */
import { readFileSync } from 'node:fs';
import { redact } from '../../src/privacy/index.ts';
import { count, leakTest } from './leak-check.ts';

export interface Rt4Entry {
  id: string;
  lang: 'nl' | 'en';
  text: string;
  leak: { kind: string; span: string }[];
  keep: string[];
}

export const RT4: Rt4Entry[] = JSON.parse(readFileSync(new URL('./corpus-rt4.json', import.meta.url), 'utf8'));

// Particles, and the words of an obfuscated address, tell nothing on their own.
const SILENT = new Set(['de', 'van', 'der', 'den', 'ter', 'ten', 'het', 'el', 'al', 'dos', 'da', 'la', "'t", 'mevr', 'mw', 'dhr', 'at', 'dot', 'punt', 'apenstaartje', 'com', 'nl', 'gmail', 'hotmail', 'outlook', 'ziggo', 'kpnmail', 'www', 'facebook', 'https', 'http']);
/** A name's words, an e-mail's or link's name parts tell; other kinds' letters do not. */
export const leaks = leakTest({ silent: SILENT, hasWords: (kind) => ['name', 'email', 'url'].includes(kind) });

export interface Rt4Result {
  id: string;
  text: string;
  out: string;
  leaks: { kind: string; span: string }[];
  over: string[];
}

export function measure(entry: Rt4Entry, out: string): Rt4Result {
  const spans = entry.leak.map((l) => l.span);
  return {
    id: entry.id,
    text: entry.text,
    out,
    leaks: entry.leak.filter((l) => leaks(out, l.kind, l.span, entry.text, spans)),
    over: entry.keep.filter((w) => count(out, w, true) < count(entry.text, w, true)),
  };
}

export function measureRt4(now = new Date('2026-12-02T12:00:00Z')): Rt4Result[] {
  return RT4.map((e) => measure(e, redact(e.text, now, { lang: e.lang }).text));
}
