import { describe, expect, it } from 'vitest';
import { offlineEngine } from '../helpers/engine.ts';
import { splitQuestions } from '../../src/ask/question.ts';

// Words and sentences that led the answer astray on phrasings nobody tuned on (issue 11, 1 December
// afternoon): a chat particle read as a verb, a sentence that only names what the one before it
// describes, "wanneer mag …?" read as a date, a Dutch term typed in an English question, a yes/no
// question joined to another with "en". The answers are checked for the facts a professional asked for.
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

describe('a yes/no question joined to a wh-question is a question of its own', () => {
  it('splits a yes/no question joined to a wh-question, not a story or a clause that leans back', () => {
    expect(splitQuestions('binnen welke termijn moet dat en kost een bezwaar geld?')).toHaveLength(2);
    expect(splitQuestions('how long does the CIZ take and can the family file the application?')).toHaveLength(2);
    // A story before the question: "… woont in Emmen en heeft …" is no question.
    expect(splitQuestions('Mijn moeder woont in Emmen en heeft dementie, kan ze naar een verpleeghuis?')).toHaveLength(1);
    // "… en moet het direct aansluiten?", "… en blijft het zorgkantoor dan …": about the first question.
    expect(splitQuestions('hoe lang mag GRZ duren en moet het direct aansluiten op de ziekenhuisopname?')).toHaveLength(1);
    expect(splitQuestions('wie is dossierhouder op de wachtlijst en blijft het zorgkantoor dan verantwoordelijk?')).toHaveLength(1);
  });

  it('answers both parts of "binnen welke termijn … en kost bezwaar maken geld?"', () => {
    const answer = ask('binnen welke termijn moet je bezwaar maken tegen een wmo-beschikking en kost bezwaar maken geld?');
    expect(answer.text).toMatch(/zes weken/);
    expect(answer.text).toMatch(/gratis|kosteloos|geen kosten|niets/i);
  });

});
