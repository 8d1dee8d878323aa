/**
 * A question about a thing no card knows ("huisdieren", "parkeerkosten") is not answered from a
 * card that only shares its setting ("verpleeghuis", "mantelzorgers"): a confident answer from the
 * wrong card is worse than none. Words no card knows that only set the scene, or that are verb
 * forms, adverbs or names, do not count. Probes written for this class, not taken from the eval.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AskEngine } from '../../src/ask/index.ts';
import { offlineEngine } from '../helpers/engine.ts';

let engine: AskEngine;
beforeAll(() => {
  engine = offlineEngine();
});

describe('a subject no card knows', () => {
  it.each([
    'wat zijn de regels voor huisdieren in een verpleeghuis?',
    'is er een vergoeding voor parkeerkosten van mantelzorgers bij het ziekenhuis?',
    'mag een stagiair een zorgplan ondertekenen?',
    'wie betaalt de kapper voor bewoners in een wlz-instelling?',
    // A compound whose last part, the thing itself, no card knows: a repair, not a wheelchair.
    'wie is verantwoordelijk voor de rolstoelreparatie bij wlz-verblijf?',
    'wat kost een tilliftkeuring in het verpleeghuis?',
  ])('is refused as not known, not answered from a card about its setting: %s', (q) => {
    const answer = engine.answerOffline(q);
    expect(answer.answered).toBe(false);
    expect(answer.refusal).toBe('unknown');
  });

  it.each([
    ['hoe lang duurt het voordat het ciz beslist over een wlz-indicatie?', /zes weken|6 weken/i],
    ['binnen welke termijn moet de gemeente een wmo-melding onderzoeken? vraagt mijn nieuwe collega', /zes weken|6 weken/i],
    // Only an ending after the known part ("streng|ere", "alternat|ief") is no unknown thing.
    ['is er een strengere norm voor de wachttijd bij de wlz?', /treeknorm|weken|wachttijd/i],
    // A word before an article ("for lodging an objection") or before a word of the domain ("een
    // doordeweekse dag") describes what follows: an adverb, a verb form, an adjective.
    ['what is the time limit for lodging an objection against a CIZ decision?', /six weeks|6 weeks/i],
  ])('still answers when the unknown word is a verb form or a remark after the question: %s', (q, fact) => {
    const answer = engine.answerOffline(q);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(fact);
  });
});
