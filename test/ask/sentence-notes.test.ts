import { describe, expect, it } from 'vitest';
import { notesOf, sentenceHas, type Sentence } from '../../src/ask/sentences.ts';
import { fold } from '../../src/core/index.ts';

// What a card sentence has is worked out once and kept (sentences.ts): the kept verdicts must be
// the pattern's own, for the sentence, its scored copies, and no other text.
const sentence = (text: string, terms = new Set(fold(text).split(/\W+/).filter(Boolean))): Sentence => ({ text, folded: fold(text), terms, position: 0 });

describe('sentence notes', () => {
  it('gives each pattern its own verdict, kept for the sentence and its scored copies', () => {
    const s = sentence('De aanvraag duurt zes weken bij het zorgkantoor.');
    const weeks = /\bweken\b/u;
    const euro = /€|\beuro\b/u;
    expect([sentenceHas(s, weeks), sentenceHas(s, euro)]).toEqual([true, false]);
    const copy = { ...s, score: 1, matched: 0.5 };
    expect([sentenceHas(copy, weeks), sentenceHas(copy, euro)]).toEqual([true, false]);
    expect(notesOf(copy)).toBe(notesOf(s));
  });

  it('gives another text that shares the terms set notes of its own', () => {
    const s = sentence('Het kost niets.');
    const other = { ...sentence('Het kost 25 euro.'), terms: s.terms };
    const euro = /\beuro\b/u;
    expect(sentenceHas(s, euro)).toBe(false);
    expect(sentenceHas(other, euro)).toBe(true);
    expect(sentenceHas(s, euro)).toBe(false);
  });

  it('keeps right verdicts beyond the patterns it has bits for, and never keeps a global pattern', () => {
    const s = sentence('Binnen 8 weken beslist het CIZ over de aanvraag.');
    const patterns = Array.from({ length: 40 }, (_, i) => new RegExp(i % 2 ? `\\b${i}\\b` : '\\bweken\\b', 'u'));
    for (let round = 0; round < 2; round++) expect(patterns.map((p) => sentenceHas(s, p))).toEqual(patterns.map((p) => p.test(s.folded)));
    const global = /\bweken\b/gu;
    expect([sentenceHas(s, global), sentenceHas(s, global), sentenceHas(s, global)]).toEqual([true, false, true]);
  });
});
