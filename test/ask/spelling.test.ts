/** Typing errors in the domain's own long words are read as those words; everyday words stay. */
import { describe, expect, it } from 'vitest';
import { Spelling, typingDistance } from '../../src/ask/spelling.ts';

const terms = ['Zorgplicht van het zorgkantoor', 'De dossierhouder en de wachtlijst', 'Meerzorg in de Wlz', 'zorgaanbieder'];
const texts = [...terms, 'Wij zien je wel, de kamer van de vader, winnen en verliezen, ontwikkelen'];
const spelling = new Spelling(() => terms, () => texts);

describe('typingDistance', () => {
  it('counts a missing, added or wrong letter and two swapped neighbours as one error', () => {
    expect(typingDistance('zorgkantor', 'zorgkantoor', 2)).toBe(1);
    expect(typingDistance('zrogplicht', 'zorgplicht', 2)).toBe(1);
    expect(typingDistance('zorgplixht', 'zorgplicht', 2)).toBe(1);
    expect(typingDistance('dossierhouer', 'dossierhouder', 2)).toBe(1);
    expect(typingDistance('zorgaanbeider', 'zorgaanbieder', 2)).toBe(1);
    expect(typingDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('Spelling', () => {
  it('reads a mistyped term of the domain as that term', () => {
    expect(spelling.correct('wat si de zrogplicht van et zorgkantor?')).toBe('wat si de zorgplicht van et zorgkantoor?');
    expect(spelling.correct('wie is de dossierhouer')).toBe('wie is de dossierhouder');
  });

  it('leaves words the cards use, short words, numbers and other words alone', () => {
    for (const text of ['de kamer van de vader', 'winnen of verliezen', 'meerzorg 2026', 'hardloopschoenen bij platvoeten', 'wachtlijst']) expect(spelling.correct(text)).toBe(text);
  });
});

describe('Spelling toward function words', () => {
  it('never reads an everyday word as a function word of a synonym phrase ("woorden" is no "worden")', () => {
    const withPhrase = new Spelling(() => ['niet eens worden', 'dossierhouder'], () => ['dossierhouder']);
    expect(withPhrase.correct('in een paar woorden')).toBe('in een paar woorden');
  });
});

describe('a question full of typing errors', () => {
  it('is answered as the question it was meant to be', async () => {
    const { offlineEngine } = await import('../helpers/engine.ts');
    const engine = offlineEngine('2026-11-30T12:00:00Z');
    for (const q of ['wat si de zrogplicht van et zorgkantor?', 'wie is de dossierhouer bij een wachtlijst']) {
      const answer = engine.answerOffline(q);
      expect(answer.answered, q).toBe(true);
      expect(answer.text, q).toMatch(/zorgplicht|dossierhouder/i);
    }
  });
});
