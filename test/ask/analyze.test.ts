import { describe, expect, it } from 'vitest';
import { analyseQuery, stems, type Synonyms } from '../../src/ask/analyze.ts';

const synonyms: Synonyms = {
  expansions: new Map([
    ['care office', [{ to: 'zorgkantoor', weight: 0.4 }]],
    ['zk', [{ to: 'zorgkantoor', weight: 0.9 }]],
    ['ouders', [{ to: 'familie', weight: 0.4 }]],
  ]),
  maxWords: 2,
};

describe('query analysis', () => {
  it('undoubles a final double consonant in Dutch stems, as Dutch spelling does', () => {
    expect(stems('stappen')).toContain('stap');
    expect(stems('zussen')).toContain('zus');
    expect(stems('plekken')).toContain('plek');
  });

  it('lets every typed word of a multi-word synonym phrase stand for its expansion, at a phrase weight', () => {
    const { tokens } = analyseQuery('complaint about the care office', synonyms);
    const expansion = tokens.filter((t) => t.word === 'zorgkantoor');
    const sources = new Set(expansion.map((t) => t.source));
    const typed = tokens.filter((t) => t.weight === 1);
    const care = typed.find((t) => t.word === 'care')!.source;
    const office = typed.find((t) => t.word === 'office')!.source;
    expect(sources).toEqual(new Set([care, office]));
    expect(Math.min(...expansion.map((t) => t.weight))).toBeGreaterThan(0.4);
  });

  it('keeps single-word synonyms soft and abbreviations strong', () => {
    const { tokens } = analyseQuery('ouders en zk', synonyms);
    expect(tokens.find((t) => t.word === 'familie')!.weight).toBe(0.4);
    expect(tokens.find((t) => t.word === 'zorgkantoor')!.weight).toBe(0.9);
  });

  it('drops English filler words that carry no topic', () => {
    const { typed } = analyseQuery('can someone get care under the wlz', synonyms);
    expect(typed).toBe(2);
  });
});

describe('function words', () => {
  it('count Dutch pronominal adverbs and the question word "hoelang" as function words, not as topic', () => {
    const words = analyseQuery('Hoelang mag de zorgaanbieder erover doen, en waar kunnen we daarmee heen?', synonyms).tokens.map((t) => t.word);
    expect(words).not.toContain('hoelang');
    expect(words).not.toContain('erover');
    expect(words).not.toContain('daarmee');
    expect(words).toContain('zorgaanbieder');
    // "alles" and the letters of "z'n", "m'n" say nothing of the topic either.
    const more = analyseQuery("stopt alles op z'n 18e verjaardag? m'n vraag", synonyms).tokens.map((t) => t.word);
    expect(more).not.toContain('alles');
    expect(more).not.toContain('z');
    expect(more).not.toContain('n');
    expect(more).toContain('verjaardag');
  });
});

describe('stems that would merge two words', () => {
  it('keeps "gegevens" (data) apart from "gegeven" (given)', () => {
    expect(stems('gegevens')).not.toEqual(expect.arrayContaining(stems('gegeven')));
    expect(stems('gegevens')).toEqual(['gegevens']);
  });
});
