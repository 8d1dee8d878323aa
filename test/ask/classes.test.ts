import { describe, expect, it } from 'vitest';
import { offlineEngine } from '../helpers/engine.ts';

// Failure classes found by a fresh-eyes tester; each is tested with several phrasings, Dutch and
// English, and with phrasings that must keep their old outcome.
const engine = offlineEngine('2026-11-30T12:00:00Z');
const ask = (q: string) => engine.answerOffline(q);

describe('an organisation that does not respond is an escalation, a person who does not respond an emergency', () => {
  it.each([
    'escalatie: zorgkantoor reageert niet, wat nu',
    'de gemeente reageert niet op onze aanvraag, wat nu?',
    'geen reactie van het zorgkantoor, hoe escaleer ik?',
    'CIZ is al weken niet te bereiken, wat kan ik nu doen',
    'aanbieder belt niet terug, wat nu',
    'the care office is not responding, what now?',
    "the municipality doesn't respond to our request, what now",
  ])('is not refused as an emergency: %s', (q) => {
    expect(ask(q).refusal).not.toBe('emergency');
  });

  it.each([
    'mijn moeder reageert niet meer, wat nu',
    'hij ademt niet!',
    'bewoner reageert niet, wat nu?',
    'de instelling belt: de bewoner reageert niet, wat nu',
    'zorgkantoor reageert niet en mijn cliënt is net gevallen en bloedt',
    'my client is not responding right now',
  ])('is still an emergency: %s', (q) => {
    expect(ask(q).refusal).toBe('emergency');
  });

  it('answers a municipality that does not decide with putting it in default', () => {
    const answer = ask('de gemeente reageert niet op onze aanvraag, wat nu?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/in gebreke/i);
  });
});

describe('a price, tariff or number that no card states is unknown, not a nearby number', () => {
  it.each([
    'hoeveel kost een verpleeghuisplek per dag in 2026',
    'wat kost een plek in een instelling per maand?',
    'what does a nursing home bed cost per day?',
    'how much does a place in a care home cost per month',
    'hoeveel kost een dag dagbesteding',
  ])('says it does not know: %s', (q) => {
    const answer = ask(q);
    expect(answer.answered).toBe(false);
    expect(answer.refusal).toBe('unknown');
    expect(answer.text).not.toMatch(/25 ?%/);
  });

  it.each([
    ['hoeveel meer mag zorg thuis kosten dan in een instelling?', /25 ?%/],
    ['wat kost onafhankelijke clientondersteuning?', /gratis/i],
    ['what does a client supporter cost?', /free/i],
  ])('still answers an amount or share a card states: %s', (q, fact) => {
    const answer = ask(q);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(fact);
  });
});

describe('English phrasing reaches the Dutch card that fits', () => {
  it.each([
    'What should I do when no provider accepts my client under the Wlz?',
    'no provider accepts my client, what can I do',
    'none of the providers will admit my client, next steps?',
  ])('answers with the escalation route: %s', (q) => {
    const answer = ask(q);
    expect(answer.answered).toBe(true);
    expect(answer.cards[0]).toBe('escalatieroute-geen-passende-plek');
    expect(answer.text).toMatch(/task force|national committee/i);
  });
});

describe('of two plausible cards, the one that answers what is asked', () => {
  it('still explains why when asked why', () => {
    expect(ask('waarom zeggen aanbieders nee tegen mijn client met VG7?').cards[0]).toBe('passende-plek-waarom-moeilijk');
    expect(ask('hoe komt het dat zorgaanbieders nee zeggen bij VG7?').cards[0]).toBe('passende-plek-waarom-moeilijk');
    expect(ask('why is it so hard to find a suitable place?').cards[0]).toBe('passende-plek-waarom-moeilijk');
  });

  it.each([
    ['mag pgb budgethouder zorg inkopen bij familie', /familielid|sociale netwerk/i],
    ['mag de zoon van mijn client betaald worden uit het pgb?', /familielid|familieleden|sociale netwerk/i],
    ["can I pay my daughter from my client's pgb?", /family member|social network/i],
    ['can a budget holder hire a family member with a personal budget?', /family member|social network/i],
  ])('a pgb question about family gets the fact about family, not only what a pgb is: %s', (q, fact) => {
    const answer = ask(q);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(fact);
  });
});

describe('a comparison covers both sides, or says which side is not known', () => {
  it.each([
    'dossierhouder vs zorgcoördinator',
    'wat is het verschil tussen een dossierhouder en een zorgcoördinator?',
  ])('explains the known side and names the unknown one: %s', (q) => {
    const answer = ask(q);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/dossierhouder/i);
    expect(answer.text).toMatch(/zorgco[öo]rdinator/i);
    expect(answer.text).toMatch(/niets in de kennisbank/i);
  });

  it.each([
    ['difference between casemanager and dossierhouder', [/dossierhouder/i, /case manager/i]],
    ['casusregisseur vs dossierhouder', [/dossierhouder/i, /casusregisseur/i]],
    ['verschil tussen CCE en COT', [/Centrum voor Consultatie en Expertise/i, /C\.O\.T\./]],
    ['mee versus clientondersteuner', [/MEE/, /cliëntondersteun/i]],
  ])('covers both known sides without an unknown note: %s', (q, facts) => {
    const answer = ask(q);
    expect(answer.answered).toBe(true);
    for (const fact of facts) expect(answer.text).toMatch(fact);
    expect(answer.text).not.toMatch(/niets in de kennisbank|nothing about/i);
  });
});

describe('"wat is X?" for the core words gets what X is, not a card that only mentions X', () => {
  it.each([
    ['wat is de wlz?', /Wet langdurige zorg/],
    ['wat is de wmo?', /Wet maatschappelijke ondersteuning/],
    ['wat is een pgb?', /persoonsgebonden budget \(pgb\) is/i],
    ['wat is de zvw?', /Zorgverzekeringswet/],
  ])('%s', (q, fact) => {
    const answer = ask(q);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(fact);
  });
});
