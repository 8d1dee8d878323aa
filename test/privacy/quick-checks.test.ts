/**
 * The quick checks (src/privacy/gates.ts) only skip scans that would have found nothing: with them
 * on and off, `redact` gives the same text and the same kinds, byte for byte, on every line of the
 * redaction corpora (as written and with their escapes read), the tuning questions, and texts made
 * to sit right at the checks' edges (digit words, markup, street endings, written-out e-mail).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redact } from '../../src/privacy/index.ts';
import { useQuickChecks } from '../../src/privacy/gates.ts';
import { loadSplit } from '../../src/ask/evaluate.ts';
import { decode } from './blind-corpus.ts';

const now = new Date('2026-11-30T12:00:00Z');
const corpusDir = fileURLToPath(new URL('./corpus/', import.meta.url));
const evalDir = fileURLToPath(new URL('../eval/', import.meta.url));

function corpusLines(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').split('\n'))
    .filter((l) => l.trim() && !l.startsWith('#'))
    .flatMap((l) => [l.replace(/[⟦⟧]/g, ''), decode(l).replace(/[⟦⟧]/g, '')]);
}

// Tuning questions only (never the held-out sets).
function tuningQuestions(): string[] {
  return loadSplit(evalDir, 'tune').map((item) => item.q);
}

// At the edges of the checks: each needs what its check looks for, or just misses it.
const EDGES = [
  'bel haar op nul zes één twee drie vier vijf zes zeven acht',
  'NUL ZES, TWAALF, VIERENDERTIG, ZESENVIJFTIG, ACHTENZEVENTIG',
  'nul zes 1234 5678 is haar nummer',
  'nul-zes-twaalf.vierendertig',
  'Zij woont op de Kerkstraat twaalf, bij de Dorpsweg nr. drie',
  'Kerkstraat twaalf!',
  'geboren op drie april negentienhonderd eenenvijftig',
  'Tweeduizend twaalf was het jaar',
  'bel 06<b>1234</b>5678 of 06*1234*5678 of 06_1234_5678',
  'BSN 4440O3368 en O6-l2345678',
  'mail k.visser(at)example.nl of k.visser [at] example [dot] nl of k.visser at example dot nl',
  'insta sanne.kok92, snapchat: mo_010x, @sanne_kok92, facebook.com/annie.degroot.37',
  'zie https://example.nl/form?bsn=111222333&email=a@b.nl',
  'Kenteken KL-483-P, dossiernr 2023-0456, kenmerk CIZ-24-889123',
  'zijn nummerbord gx123b, Licence Plate: 75xnt3, registration 12 ABC 3',
  'een twee',
  'zeſ zeven acht negen tien elf',
  '\uFF11\uFF11\uFF11 \uFF12\uFF12\uFF12 \uFF13\uFF13\uFF13',
  'Mevrouw Jansen, Kerkstraat 45, 3511 AB Utrecht, 12-03-1949, NL91ABNA0417164300',
];

function outputs(texts: string[]): string[] {
  return texts.flatMap((text) => {
    const nl = redact(text, now);
    const en = redact(text, now, { lang: 'en', keepNames: ['Anna de Vries', 'Jan', 'U024BE7LH'] });
    return [`${nl.text}\u0000${nl.found.join(',')}`, `${en.text}\u0000${en.found.join(',')}`];
  });
}

describe('quick checks before the detectors', () => {
  afterEach(() => useQuickChecks(true));

  it('change nothing that redact returns', () => {
    const texts = [...corpusLines(), ...tuningQuestions(), ...EDGES];
    expect(texts.length).toBeGreaterThan(3000);
    useQuickChecks(false);
    const full = outputs(texts);
    useQuickChecks(true);
    const quick = outputs(texts);
    const differing = texts.filter((_, i) => quick[2 * i] !== full[2 * i] || quick[2 * i + 1] !== full[2 * i + 1]);
    expect(differing).toEqual([]);
  });

  it('still find what the checks guard', () => {
    const out = redact(EDGES[EDGES.length - 1], now);
    expect(out.found).toEqual(['name', 'birthdate', 'address', 'iban']);
    expect(redact(EDGES[0], now).found).toContain('phone');
    expect(redact(EDGES[10], now).found).toEqual(['email']);
  });
});
