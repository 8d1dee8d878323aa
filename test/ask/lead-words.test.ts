import { describe, expect, it } from 'vitest';
import { offlineEngine } from '../helpers/engine.ts';

// Words and sentences that led the answer astray on phrasings nobody tuned on (issue 11, 1 December
// afternoon): a chat particle read as a verb, a sentence that only names what the one before it
// describes, "wanneer mag …?" read as a date, a Dutch term typed in an English question. The
// answers are checked for the facts a professional asked for.
const engine = offlineEngine('2026-11-30T12:00:00Z');
const ask = (q: string) => engine.answerOffline(q);

describe('the words of a question and the sentences of a lead', () => {
  it('"wat is X?" with a chat remark after it still defines X ("hoor" is a particle, not "horen")', () => {
    for (const q of ['wat is een zorgkantoor eigenlijk? ik hoor het steeds', 'wat is de Wlz eigenlijk? ik hoor het steeds']) {
      const answer = engine.answerOffline(q, { lang: 'nl' });
      expect(answer.answered).toBe(true);
      expect(answer.text).toMatch(/Wet langdurige zorg|\bWlz\b/);
    }
    expect(engine.answerOffline('wat is een zorgkantoor eigenlijk? ik hoor het steeds', { lang: 'nl' }).card?.id).toBe('rol-zorgkantoor');
  });

  it('a sentence that only names a thing ("Dat heet het trekkingsrecht.") brings the one that describes it', () => {
    expect(ask('wat is trekkingsrecht?').text).toMatch(/SVB|Sociale Verzekeringsbank/);
  });

  it('"wanneer mag …?" asks for the conditions, not a date', () => {
    expect(ask('wanneer mag onvrijwillige zorg onder de wzd?').text).toMatch(/laatste middel|ernstig nadeel/);
  });

  it('finds the English sentence for a Dutch term typed in an English question (dwangsom)', () => {
    expect(engine.answerOffline('what is a dwangsom when the municipality decides too late?', { lang: 'en' }).text).toMatch(/penalty[^.]*every day/i);
  });


  it('"what is the Wmo?" gets the card that defines it, not one whose sentence begins "Wmo support is …"', () => {
    const answer = engine.answerOffline('what is the Wmo?', { lang: 'en' });
    expect(answer.text).toMatch(/Social Support Act|municipalit/i);
    expect(answer.text).not.toMatch(/^Wmo support is requested/);
  });
});
