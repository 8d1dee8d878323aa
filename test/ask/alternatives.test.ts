/** A wide alternation as one pattern per branch (src/ask/alternatives.ts): the same texts match. */
import { describe, expect, it } from 'vitest';
import { alternativesOf } from '../../src/ask/alternatives.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i}`);

describe('alternativesOf', () => {
  it('splits the widest alternation every match passes through, keeping what is around it', () => {
    const list = words(10).join('|');
    expect(alternativesOf(`.*\\b(?:${list})\\b`, 'i')).toEqual(words(10).map((w) => `.*\\b(?:${w})\\b`));
    // A small alternation whose branch holds the wide one is split to reach it.
    const parts = alternativesOf(`.*(\\b(?:${list})\\b|nooit)`, 'i')!;
    expect(parts).toHaveLength(11);
    expect(parts).toContain('.*(nooit)');
  });

  it('leaves small alternations, lookarounds, quantified groups and back-references whole', () => {
    expect(alternativesOf('.*\\b(?:a|b|c)\\b', 'i')).toBeUndefined();
    expect(alternativesOf(`(?=.*(?:${words(10).join('|')}))x`, 'i')).toBeUndefined();
    expect(alternativesOf(`(?:${words(10).join('|')})+`, 'i')).toBeUndefined();
    expect(alternativesOf(`(${words(10).join('|')}) \\1`, 'i')).toBeUndefined();
  });

  it('does not split where every branch would repeat a long context (two lists in a row)', () => {
    const list = words(40).join('|');
    expect(alternativesOf(`.*\\b(?:${list})\\b.*\\b(?:${list})\\b`, 'i')).toBeUndefined();
  });

  it('matches exactly the texts the whole pattern matches', () => {
    const list = ['ligt op de vloer', 'ademt (niet|raar)', 'blauwe lippen', 'reageert niet', 'valt (steeds )?om', 'bloedt', 'gas', 'rook', 'brand\\w*'];
    const source = `.*(\\b(?:${list.join('|')})\\b(?! gisteren)|nu meteen)`;
    const whole = new RegExp(`^(?:${source})`, 'i');
    const parts = alternativesOf(source, 'i')!.map((part) => new RegExp(`^(?:${part})`, 'i'));
    expect(parts.length).toBeGreaterThan(list.length);
    const texts = ['hij ligt op de vloer', 'ze ademt raar', 'rook gisteren', 'brandalarm gaat', 'valt steeds om', 'nu meteen graag', 'gasrekening', 'niets aan de hand', 'bloedt gisteren', 'ademt niet'];
    for (const text of texts) expect(parts.some((p) => p.test(text)), text).toBe(whole.test(text));
  });
});
