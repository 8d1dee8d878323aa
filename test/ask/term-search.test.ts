/**
 * The term-by-term search with remembered hits ranks exactly as MiniSearch's own OR query with
 * the same weights, prefix and fuzzy settings and role boost, also when asked again (from memory)
 * and when asked for the best few only.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadCards } from '../../src/ask/index.ts';
import { TermSearch } from '../../src/ask/term-search.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/core/index.ts';

const cards = loadCards(DEFAULT_KNOWLEDGE_DIR);
const words = (text: string) => text.toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 1);
const fields = ['title', 'questions', 'answer'];
const index = new MiniSearch<{ id: string; title: string; questions: string; answer: string }>({
  fields,
  tokenize: words,
  searchOptions: { tokenize: (text: string) => text.split(' ') },
});
index.addAll(cards.map((c) => ({ id: c.id, title: c.title, questions: c.questions.join(' '), answer: c.answer })));
const boost = { title: 2.5, questions: 3, answer: 1 };
const vocabulary = [...new Set(cards.flatMap((c) => words(`${c.title} ${c.answer}`)))];

/** A reproducible pseudo-random pick of query terms, with a typo and a prefix now and then. */
function queries(count: number): string[][] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + Math.floor(next() * 8) }, () => {
      const word = vocabulary[Math.floor(next() * vocabulary.length)];
      const roll = next();
      return roll < 0.15 ? `${word}x` : roll < 0.3 ? word.slice(0, Math.max(5, word.length - 3)) : word;
    }),
  ).map((q) => [...new Set(q)]);
}

describe('TermSearch', () => {
  it('ranks as one MiniSearch OR query, the first time and from memory', () => {
    const search = new TermSearch(index as MiniSearch<unknown>, boost);
    const role = new Set(cards.filter((c) => c.audience.includes('zorgkantoor')).map((c) => c.id));
    for (const [round, terms] of [...queries(150), ...queries(150)].entries()) {
      const weight = (t: string) => 0.5 + (t.length % 3) / 2;
      const fuzzy = (t: string) => (t.length >= 5 && !vocabulary.includes(t) ? 0.2 : false);
      const prefix = (t: string) => t.length >= 5 && t.length % 2 === 0;
      const boostDocument = round % 2 ? (id: string) => (role.has(id) ? 1.2 : 1) : undefined;
      const expected = index.search(terms.join(' '), { boost, combineWith: 'OR', fuzzy, maxFuzzy: 2, prefix, boostTerm: weight, boostDocument });
      const got = search.search(terms, { fuzzy, maxFuzzy: 2, prefix, weight, boostDocument });
      expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      // The best few alone are the same cards, in the same order, with the same scores.
      const limit = 1 + (round % 15);
      expect(search.search(terms, { fuzzy, maxFuzzy: 2, prefix, weight, boostDocument }, limit).map((r) => [r.id, r.score, r.queryTerms])).toEqual(got.slice(0, limit).map((r) => [r.id, r.score, r.queryTerms]));
      got.forEach((r, i) => {
        expect(r.score).toBeCloseTo(expected[i].score, 9);
        expect([...r.queryTerms].sort()).toEqual([...expected[i].queryTerms].sort());
        expect([...r.terms].sort()).toEqual([...expected[i].terms].sort());
      });
    }
  });
});
