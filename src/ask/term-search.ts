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

/**
 * One term's hits: per card (its slot, see `TermSearch.slotOf`), its BM25 part and the index
 * terms it matched (exact, prefix, fuzzy). Typed arrays: a question adds up some 500 hits, and
 * the remembered hits of a few thousand terms stay small.
 */
interface TermHits {
  slots: Int32Array;
  scores: Float64Array;
  terms: string[][];
  /** When it was last used (the least recently used go first when the memory is full). */
  used: number;
}

/**
 * Enough for the vocabulary a network uses; the least recently used term goes first. The 1,131
 * questions of the tuning split alone search 2,684 different terms: at 2,000 every pass through
 * them searched the index again for some 1,800. 8,000 terms of hits take about 6 MB.
 */
const MAX_TERMS = 8000;

/**
 * A card found by a search. Which index terms matched it is worked out only when asked (the
 * retriever asks it of the best one or two cards).
 */
class TermResult implements SearchResult {
  [key: string]: unknown;
  match = {};
  private matchedTerms?: string[];

  constructor(
    readonly id: string,
    public score: number,
    /** The query terms that found this card, in query order. */
    public queryTerms: string[],
    private readonly slot: number,
    private readonly found: TermHits[],
  ) {}

  /** The index terms matched, in the order one combined query lists them. */
  get terms(): string[] {
    if (!this.matchedTerms) {
      const matched = new Set<string>();
      this.found.forEach((hits) => {
        const at = hits.slots.indexOf(this.slot);
        if (at >= 0) for (const t of hits.terms[at]) matched.add(t);
      });
      this.matchedTerms = [...matched];
    }
    return this.matchedTerms;
  }

  set terms(terms: string[]) {
    this.matchedTerms = terms;
  }
}

export class TermSearch {
  /** Per term, per way of searching it (exact, prefix, fuzzy), its hits. */
  private readonly hits = new Map<string, Map<string, TermHits>>();
  /** How many terms' hits are kept, and a clock for when each was last used. */
  private kept = 0;
  private clock = 0;
  /** Card ids by slot, and their slots: hits are kept and added up by slot. */
  private readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();

  constructor(
    private readonly index: MiniSearch<unknown>,
    private readonly boost: Record<string, number>,
  ) {}

  /**
   * Ranks the cards for these (distinct) query terms, as `index.search(terms.join(' '), {
   * combineWith: 'OR', … })` does. `match` (which field each index term was found in) is left
   * empty: the retriever needs only which terms matched. With a `limit`, only that many of the
   * best (the same ones, in the same order): some 150 cards are found, a dozen are looked at.
   */
  search(terms: string[], options: TermSearchOptions, limit = Infinity): SearchResult[] {
    const found = terms.map((term) => this.termHits(term, options));
    // Per card slot: the summed score, how many query terms found it, and the order cards were
    // first found in (the order of equal scores, as in one combined query).
    const score = new Float64Array(this.ids.length);
    const count = new Uint16Array(this.ids.length);
    const order: number[] = [];
    found.forEach((hits, i) => {
      const weight = options.weight(terms[i]);
      const { slots, scores } = hits;
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[k];
        // Summed in query order, as MiniSearch does (the same floating-point sums).
        if (count[slot]++ === 0) {
          score[slot] = weight * scores[k];
          order.push(slot);
        } else score[slot] += weight * scores[k];
      }
    });
    const final = order.map((slot) => score[slot] * (options.boostDocument?.(this.ids[slot]) ?? 1) * count[slot]);
    // Best first; equal scores in the order found (a stable sort, as MiniSearch's).
    const ranked = limit >= order.length ? order.map((_, p) => p).sort((a, b) => final[b] - final[a] || a - b) : best(final, limit);
    // The query terms that found each card ranked, in query order.
    const rank = new Int32Array(this.ids.length).fill(-1);
    ranked.forEach((p, r) => (rank[order[p]] = r));
    const queried: string[][] = ranked.map(() => []);
    found.forEach((hits, i) => {
      for (const slot of hits.slots) if (rank[slot] >= 0) queried[rank[slot]].push(terms[i]);
    });
    return ranked.map((p, r) => new TermResult(this.ids[order[p]], final[p], queried[r], order[p], found));
  }

  private slotOf(id: string): number {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.push(id) - 1;
      this.slots.set(id, slot);
    }
    return slot;
  }

  private termHits(term: string, options: TermSearchOptions): TermHits {
    const fuzzy = options.fuzzy(term);
    const prefix = options.prefix(term);
    // Per term (the same string objects question after question), then per way of searching it.
    const how = fuzzy === false ? (prefix ? 'prefix' : 'exact') : `${prefix ? 'prefix' : 'exact'} ${fuzzy}`;
    const kept = this.hits.get(term)?.get(how);
    if (kept) {
      kept.used = ++this.clock;
      return kept;
    }
    const own = [term];
    const results = this.index.search(term, { boost: this.boost, combineWith: 'OR', fuzzy, maxFuzzy: options.maxFuzzy, prefix });
    // A term no card has, looked up without fuzziness (a number, a name), is quickly looked up
    // again: not kept, so that endless numbers and names do not fill the memory.
    if (results.length === 0 && fuzzy === false) return { slots: NO_SLOTS, scores: NO_SCORES, terms: [], used: this.clock };
    const found: TermHits = {
      slots: Int32Array.from(results, (r) => this.slotOf(r.id as string)),
      scores: Float64Array.from(results, (r) => r.score),
      // An exact search matches the term itself in every card: one array for all of them.
      terms: results.map((r) => (r.terms.length === 1 && r.terms[0] === term ? own : r.terms)),
      used: ++this.clock,
    };
    if (this.kept >= MAX_TERMS) this.forget();
    let ways = this.hits.get(term);
    if (!ways) this.hits.set(term, (ways = new Map()));
    ways.set(how, found);
    this.kept++;
    return found;
  }

  /** Drops the least recently used quarter of the terms' hits (all at once: a full memory is rare). */
  private forget(): void {
    const all = [...this.hits].flatMap(([term, ways]) => [...ways].map(([how, hits]) => ({ term, how, used: hits.used })));
    all.sort((a, b) => a.used - b.used);
    for (const { term, how } of all.slice(0, Math.ceil(all.length / 4))) {
      const ways = this.hits.get(term)!;
      ways.delete(how);
      if (ways.size === 0) this.hits.delete(term);
      this.kept--;
    }
  }
}

const NO_SLOTS = new Int32Array(0);
const NO_SCORES = new Float64Array(0);

/** The places of the `limit` highest scores, highest first, equal ones in the order given. */
function best(scores: number[], limit: number): number[] {
  const top: number[] = [];
  for (let p = 0; p < scores.length; p++) {
    const value = scores[p];
    if (top.length === limit && !(value > scores[top[limit - 1]])) continue;
    let at = top.length;
    while (at > 0 && scores[top[at - 1]] < value) at--;
    top.splice(at, 0, p);
    if (top.length > limit) top.pop();
  }
  return top;
}
