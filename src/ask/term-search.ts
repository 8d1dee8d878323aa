/**
 * MiniSearch's OR query, one query term at a time, with each term's hits remembered.
 *
 * A question's score for a card is, in MiniSearch, the sum over the query terms of
 * weight(term) × BM25(term, card) (exact, prefix and fuzzy matches of the term together), times
 * the role boost of the card, times the number of query terms that matched it. Every factor but
 * the per-term BM25 part depends on the question; that part depends only on the index and on how
 * the term is searched (prefix, fuzzy). So it is looked up once per term and kept: professionals
 * use the same few thousand words, and the prefix and fuzzy walks through the index are the
 * costly part of answering. The sums are MiniSearch's own, so the ranking is the same as one
 * combined query (tested in test/ask/term-search.test.ts). The memory is bounded (least recently
 * used terms go first).
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';

export interface TermSearchOptions {
  /** MiniSearch's fuzzy setting for this term (false: exact only). */
  fuzzy: (term: string) => number | false;
  maxFuzzy: number;
  /** Whether this term also matches longer index terms that start with it. */
  prefix: (term: string) => boolean;
  /** The weight of this term in the question. */
  weight: (term: string) => number;
  /** A factor per card (the asker's role); none is 1. */
  boostDocument?: (id: string) => number;
}

/** One term's hits: per card, its BM25 part and the index terms it matched (exact, prefix, fuzzy). */
type TermHits = { id: string; score: number; terms: string[] }[];

/** Enough for the vocabulary a network uses (a few MB at most); the least recently used term goes first. */
const MAX_TERMS = 2000;

export class TermSearch {
  private readonly hits = new Map<string, TermHits>();

  constructor(
    private readonly index: MiniSearch<unknown>,
    private readonly boost: Record<string, number>,
  ) {}

  /**
   * Ranks the cards for these (distinct) query terms, as `index.search(terms.join(' '), {
   * combineWith: 'OR', … })` does. `match` (which field each index term was found in) is left
   * empty: the retriever needs only which terms matched.
   */
  search(terms: string[], options: TermSearchOptions): SearchResult[] {
    const byCard = new Map<string, { score: number; queryTerms: string[]; terms: Set<string> }>();
    for (const term of terms) {
      const weight = options.weight(term);
      for (const hit of this.termHits(term, options)) {
        const found = byCard.get(hit.id);
        if (!found) {
          byCard.set(hit.id, { score: weight * hit.score, queryTerms: [term], terms: new Set(hit.terms) });
          continue;
        }
        found.score += weight * hit.score;
        found.queryTerms.push(term);
        for (const t of hit.terms) found.terms.add(t);
      }
    }
    const results: SearchResult[] = [];
    for (const [id, { score, queryTerms, terms: matched }] of byCard) {
      const boost = options.boostDocument?.(id) ?? 1;
      results.push({ id, score: score * boost * queryTerms.length, terms: [...matched], queryTerms, match: {} });
    }
    return results.sort((a, b) => b.score - a.score);
  }

  private termHits(term: string, options: TermSearchOptions): TermHits {
    const fuzzy = options.fuzzy(term);
    const prefix = options.prefix(term);
    const key = `${term}\u0000${prefix ? 1 : 0}\u0000${fuzzy}`;
    const known = this.hits.get(key);
    if (known) {
      // Most recently used last: the first key is the one to drop when full.
      this.hits.delete(key);
      this.hits.set(key, known);
      return known;
    }
    const found = this.index
      .search(term, { boost: this.boost, combineWith: 'OR', fuzzy, maxFuzzy: options.maxFuzzy, prefix })
      .map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
    if (this.hits.size >= MAX_TERMS) this.hits.delete(this.hits.keys().next().value!);
    this.hits.set(key, found);
    return found;
  }
}
