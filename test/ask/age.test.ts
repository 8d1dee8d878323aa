import { describe, expect, it } from 'vitest';
import { withAgeBands } from '../../src/ask/age.ts';
import { offlineEngine } from '../helpers/engine.ts';

// An age says which rules apply; the cards speak of "jonger dan 18" and "kinderen", not of 16.
describe('an age in a question is read as the age band the rules speak of', () => {
  it.each([
    ['does a 16 y/o with a wlz indication pay an eigen bijdrage?', /16 jaar \(kind jonger dan 18 jaar, child under 18\)/],
    ['betaalt een 15-jarige met wlz een eigen bijdrage?', /15 jaar \(kind jonger dan 18/],
    ['my client (17 years old) needs 24h care', /17 jaar \(kind/],
    ['mevrouw is 84 jaar oud en woont alleen', /84 jaar \(oudere, older person\)/],
    ['a 25 yo with autism', /a 25 jaar with autism/],
    ['jongen van 17 krijgt hulp via de jw', /jongen van 17 jaar \(kind jonger dan 18/],
    ['Mevr. 87 woont alleen', /Mevr\. 87 jaar \(oudere/],
  ])('%s', (q, expected) => {
    expect(withAgeBands(q)).toMatch(expected);
  });

  it('adds the band in the question\'s language when it is known', () => {
    expect(withAgeBands('does a 16 y/o pay?', 'en')).toBe('does a 16 jaar (child under 18) pay?');
    expect(withAgeBands('betaalt een 16-jarige?', 'nl')).toBe('betaalt een 16 jaar (kind jonger dan 18 jaar)?');
  });

  it('leaves numbers that are no age alone', () => {
    for (const q of ['ik zorg al 6 jaar voor mijn man', 'sinds 2 jaar woont ze in Ede', 'for 3 years now', 'twee keer in 5 jaar', 'hij verhuisde 4 jaar geleden', 'de wlz bestaat sinds 2015', 'binnen 6 weken', 'zorg 24 uur per dag', 'ibs duurt 3 dagen', 'client van 3 tot 5 uur', 'mevrouw van 2 weken geleden']) expect(withAgeBands(q)).toBe(q);
  });

  it('answers for a child when the question gives an age under 18', () => {
    const engine = offlineEngine('2026-11-30T12:00:00Z');
    const answer = engine.answerOffline('betaalt een 15-jarige met een wlz-indicatie een eigen bijdrage?');
    expect(answer.text).toMatch(/jonger dan 18[^.]*geen eigen bijdrage/);
  });
});
