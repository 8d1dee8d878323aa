/** The one-pass finder finds exactly the needles `includes` finds, overlapping and nested ones too. */
import { describe, expect, it } from 'vitest';
import { NeedleFinder } from '../../src/ask/needle-finder.ts';

describe('NeedleFinder', () => {
  it('finds the same needles as includes, on chosen and on random texts', () => {
    const needles = ['mijn client', 'client', 'lient', 'he', 'she', 'his', 'hers', 'zorgkantoor', 'kantoor', 'toor', 'aa', 'aaa', 'ab', 'bab', ' of ', 'winnen'];
    const finder = new NeedleFinder(needles);
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'abehilnorstwz k';
    const texts = ['gaat mijn client winnen', 'ushers', 'het zorgkantoor of de gemeente', 'aaaa', 'babab', ''];
    for (let i = 0; i < 300; i++) texts.push(Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    // The finder restored from its plain-data state (the start-up cache) finds exactly the same.
    const restored = NeedleFinder.fromState(JSON.parse(JSON.stringify(finder.state())));
    for (const text of texts) {
      const found = finder.find(text);
      for (const needle of needles) expect(found.has(finder.id(needle)!), `${needle} in "${text}"`).toBe(text.includes(needle));
      expect(restored.find(text)).toEqual(found);
    }
    for (const needle of needles) expect(restored.id(needle)).toBe(finder.id(needle));
  });
});
