import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stems } from '../../src/ask/analyze.ts';

// Dutch and English stems of 2,709 words of the cards, catalogues and tuning questions as
// snowball-stemmers 0.6.0 (the package with every language, used until 1 December) gave them. The
// per-language modules of snowball-stemmer.jsx that replaced it must give the same terms, or every
// search index and answer would change (they did on all 286k words and particle compounds).
const reference = JSON.parse(readFileSync(new URL('./stems-reference.json', import.meta.url), 'utf8')) as Record<string, [string, string]>;

describe('stemmers', () => {
  it('give the reference Dutch and English stems of every word in the sample', () => {
    const differ: string[] = [];
    for (const [word, [nl, en]] of Object.entries(reference)) {
      // stems() undoubles a final double consonant of the Dutch stem (analyze.ts).
      const dutch = nl.replace(/([bfglmnprs])\1$/, '$1');
      const expected = dutch === en ? [dutch] : [dutch, en];
      if (JSON.stringify(stems(word)) !== JSON.stringify(expected)) differ.push(`${word}: ${stems(word).join('/')} != ${expected.join('/')}`);
    }
    expect(Object.keys(reference).length).toBeGreaterThan(2000);
    expect(differ).toEqual([]);
  });
});
