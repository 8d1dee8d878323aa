/** What a pattern cannot match without (src/ask/needles.ts): sound first, selective second. */
import { describe, expect, it } from 'vitest';
import { needlesOf, withoutNegations } from '../../src/ask/needles.ts';

describe('needlesOf', () => {
  it('names the literal runs and alternatives a match needs, each part of a sequence', () => {
    expect(needlesOf('\\bmijn client\\b', 'i')).toEqual([['mijn client']]);
    expect(needlesOf('^(?=.*\\b(mijn|onze)\\b)(?!.*\\balgemeen\\b).*\\b(winnen|verliezen)\\b', 'i')).toEqual([['winnen', 'verliezen'], ['mijn', 'onze']]);
    expect(needlesOf('\\b(?:Zorgkantoor\\w*|gemeente) reageert', 'i')).toContainEqual(['zorgkantoor', 'gemeente']);
  });

  it('names nothing a match can do without', () => {
    // Optional parts, negative lookarounds, classes and dots need no literal.
    expect(needlesOf('a?b*(?!xyz)[a-z]+.', 'i')).toEqual([]);
    // An alternation with one branch that needs nothing needs nothing.
    expect(needlesOf('(?:foobar|\\d+)', 'i')).toEqual([]);
    // A quantified run is no literal run: "ab+c" matches "abbc", which has no "abc".
    expect(needlesOf('xyzab+cdef', 'i').flat()).not.toContain('xyzabcdef');
    // Too short to filter anything (unless shorter ones are asked for).
    expect(needlesOf('\\b(ja|nee)\\b', 'i')).toEqual([]);
    expect(needlesOf('\\b\\d+\\s?(mg|ml)\\b', 'i', 1)).toEqual([['mg', 'ml']]);
  });

  it('never misses a match: a text a pattern matches holds a needle of every set', () => {
    const cases: [string, string[]][] = [
      ['^(?=.*\\b(mijn|onze)\\b).*\\b(winnen|verliezen)\\b', ['gaat mijn client winnen', 'onze zaak verliezen we']],
      ['xyzab+cdef', ['xyzabbbcdef']],
      ['(foo|bar)+baz(qux)?', ['foofoobaz', 'barbazqux']],
      ['(?<=mevrouw )\\w+ (?:is|was) gevallen', ['mevrouw jansen is gevallen']],
    ];
    for (const [source, texts] of cases) {
      const sets = needlesOf(source, 'i');
      for (const text of texts) {
        expect(new RegExp(source, 'i').test(text), `${source} on ${text}`).toBe(true);
        for (const set of sets) expect(set.some((n) => text.includes(n)), `${source} on ${text}: ${set}`).toBe(true);
      }
    }
  });
});

describe('withoutNegations', () => {
  it('drops the negative lookarounds, with their quantifier, when they are most of the pattern', () => {
    const long = 'x'.repeat(200);
    expect(withoutNegations(`(?<=^|[.?!])(?![^.?!]*\\b(${long})\\b)[^.?!]*\\bvoor de verhuizing\\b`, 'gi')).toBe('(?<=^|[.?!])[^.?!]*\\bvoor de verhuizing\\b');
    expect(withoutNegations(`a(?!${long})?b(?!c(?!${long}))`, 'i')).toBe('ab');
    // Not worth a second pattern: the negations are a small part.
    expect(withoutNegations('\\bbrand(?! ?out)\\b', 'i')).toBeUndefined();
    // Back-references count groups, which removing a lookaround would renumber.
    expect(withoutNegations(`(?!(${long}))(a)\\2`, 'i', 0)).toBeUndefined();
  });

  it('matches wherever the pattern does: a text it does not match is no match', () => {
    const source = '(?<=^|[.?!;])(?![^.?!;]*\\b(net|nu|now|again)\\b)(?![^.?!;]*\\b(bloed|valt)\\b)[^.?!;]*\\b(voor|na) de (verhuizing|opname)\\b[^.?!;]*';
    const loose = new RegExp(withoutNegations(source, 'gi', 0.3)!, 'i');
    const texts = ['voor de verhuizing viel ze vaak', 'na de opname is ze nu weer aan het bloeden', 'nu bloedt ze. voor de opname ging het goed', 'niets aan de hand', 'na de opname. net'];
    for (const text of texts) if (new RegExp(source, 'i').test(text)) expect(loose.test(text), text).toBe(true);
    expect(loose.test('niets aan de hand')).toBe(false);
  });
});
