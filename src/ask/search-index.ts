/**
 * The retriever's index and term statistics: MiniSearch over card titles, questions, answers and
 * topics, each term's document frequency, the domain's own words, and each card's phrasings (title
 * and example questions). Built once from the cards, or restored from the start-up cache.
 */
import MiniSearch from 'minisearch';
import { indexTerms, stems, type QueryToken, type Synonyms } from './analyze.ts';
import type { KnowledgeCard } from './knowledge.ts';

interface IndexedCard {
  id: string;
  title: string;
  questions: string;
  answer: string;
  answer_en: string;
  topics: string;
  body: string;
}

const FIELDS = ['title', 'questions', 'answer', 'answer_en', 'topics', 'body'] as const;

const SEARCH_OPTIONS = {
  fields: [...FIELDS],
  tokenize: (text: string) => indexTerms(text),
  processTerm: (term: string) => term,
  searchOptions: { tokenize: (text: string) => text.split(' '), processTerm: (term: string) => term },
};

/** The retriever's index and term statistics as plain data (see `Retriever.state`). */
export interface RetrieverState {
  index: string;
  documentFrequency: [string, number][];
  domain: string[];
  phrasings: [string, { terms: string[]; total: number }[]][];
}
/** Field boosts of the search: a card's own phrasings say most about what it answers. */
export const BOOST = { title: 2.5, questions: 3, topics: 1.5, answer: 1, answer_en: 0.8, body: 0.4 };
const DOMAIN_WEIGHT = 3;
const DISTINCTIVE_DF = 4;

/** One phrasing of a card (its title or an example question): its terms and their summed rarity. */
export interface Phrasing {
  terms: Set<string>;
  total: number;
}

/** The phrasings as numbers: see `CardIndex.phrasingTable`. */
export interface PhrasingTable {
  /** A number per term of any phrasing. */
  termIds: Map<string, number>;
  /** Per term number, the numbers of the phrasings that have it. */
  postings: number[][];
  /** Per phrasing number, its term numbers. */
  terms: Int32Array[];
  /** Per card id, the number of its first phrasing (its others follow). */
  first: Map<string, number>;
}

export class CardIndex {
  readonly search: MiniSearch<IndexedCard>;
  readonly byId: Map<string, KnowledgeCard>;
  readonly documentFrequency = new Map<string, number>();
  readonly maxIdf: number;
  /** Terms of titles, topics and the synonym list: the domain's own words. */
  readonly domain = new Set<string>();
  /** Per card: the terms of its title and of each example question, with their norm. */
  readonly phrasings = new Map<string, Phrasing[]>();
  /** The phrasings as numbers (see `phrasingTable`). */
  private table?: PhrasingTable;

  constructor(
    readonly cards: KnowledgeCard[],
    synonyms: Synonyms,
    /** The index as `state()` gave it for exactly these cards and synonyms (the start-up cache). */
    prepared?: RetrieverState,
  ) {
    this.byId = new Map(cards.map((c) => [c.id, c]));
    if (prepared) {
      this.search = MiniSearch.loadJSON<IndexedCard>(prepared.index, SEARCH_OPTIONS);
      for (const [term, df] of prepared.documentFrequency) this.documentFrequency.set(term, df);
      this.maxIdf = this.idf(0);
      for (const term of prepared.domain) this.domain.add(term);
      for (const [id, list] of prepared.phrasings) this.phrasings.set(id, list.map((p) => ({ terms: new Set(p.terms), total: p.total })));
      return;
    }
    // Each field's terms, worked out once for the search index and the document frequencies
    // (indexTerms keeps only short texts: every body and long answer was analysed twice, ~25% of the build).
    const docs = cards.map(toIndexed);
    const fieldTerms = docs.map((doc) => FIELDS.map((f) => indexTerms(doc[f])));
    const known = new Map<string, string[]>();
    docs.forEach((doc, i) => FIELDS.forEach((f, k) => known.set(doc[f], fieldTerms[i][k])));
    this.search = new MiniSearch<IndexedCard>({ ...SEARCH_OPTIONS, tokenize: (text: string) => known.get(text) ?? indexTerms(text) });
    this.search.addAll(docs);
    // (The index keeps its options: it does not keep the texts' terms.)
    known.clear();
    for (const terms of fieldTerms) {
      for (const term of new Set(terms.flat())) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.maxIdf = this.idf(0);
    // Title words only when distinctive: titles also use everyday words ("nieuwe", "goed").
    // A number is no word of the domain ("tot 23" in a title does not make "17 keer 23" a care question).
    const addDomain = (term: string) => {
      if (!/^\d+$/.test(term)) this.domain.add(term);
    };
    for (const card of cards) {
      for (const term of indexTerms(card.topics.join(' '))) addDomain(term);
      for (const term of indexTerms(card.title)) if ((this.documentFrequency.get(term) ?? 0) <= DISTINCTIVE_DF) addDomain(term);
    }
    // The phrases people type (each synonym is a key of its own, so its group is in here too).
    for (const from of synonyms.expansions.keys()) for (const term of indexTerms(from)) addDomain(term);
    for (const card of cards) {
      this.phrasings.set(
        card.id,
        [card.title, ...card.questions].map((text) => {
          const terms = new Set(indexTerms(text));
          const total = [...terms].reduce((sum, t) => sum + this.idfOf(t), 0) || 1;
          return { terms, total };
        }),
      );
    }
  }

  /** Everything the constructor computed from the cards, as plain data (for the start-up cache). */
  state(): RetrieverState {
    return {
      index: JSON.stringify(this.search),
      documentFrequency: [...this.documentFrequency],
      domain: [...this.domain],
      phrasings: [...this.phrasings].map(([id, list]) => [id, list.map((p) => ({ terms: [...p.terms], total: p.total }))]),
    };
  }

  /**
   * The phrasings as numbers, for the reranking to match them without hashing strings: each
   * phrasing numbered over all cards in order (a card's from `first` on), its terms as numbers
   * (in the order of its `terms`), and per term number the phrasings that have it. Made from
   * `phrasings` on first use (it is not part of `state()`).
   */
  phrasingTable(): PhrasingTable {
    if (this.table) return this.table;
    const termIds = new Map<string, number>();
    const postings: number[][] = [];
    const terms: Int32Array[] = [];
    const first = new Map<string, number>();
    for (const [id, list] of this.phrasings) {
      first.set(id, terms.length);
      for (const phrasing of list) {
        const ids = [...phrasing.terms].map((term) => {
          let n = termIds.get(term);
          if (n === undefined) {
            n = postings.push([]) - 1;
            termIds.set(term, n);
          }
          postings[n].push(terms.length);
          return n;
        });
        terms.push(Int32Array.from(ids));
      }
    }
    this.table = { termIds, postings, terms, first };
    return this.table;
  }

  /** True when the index knows a stem of this (folded) word. */
  knows(word: string): boolean {
    return stems(word).some((term) => this.documentFrequency.has(term));
  }

  idfOf(term: string): number {
    return this.idf(this.documentFrequency.get(term) ?? 0);
  }

  idf(df: number): number {
    const n = this.cards.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * How much a typed word counts for confidence: its rarity in the cards (a word the cards never
   * use counts as rarest), doubled for the domain's own words (titles, topics, synonyms), which
   * are common in the cards but say most about what the question is about. Numbers count not.
   */
  weightOf(token: QueryToken): number {
    if (/^\d+$/.test(token.word)) return 0;
    const dfs = token.terms.map((t) => this.documentFrequency.get(t) ?? 0).filter((df) => df > 0);
    // A word no card uses is already as rare as can be; being a synonym ("aannemen" for "opnemen")
    // does not make it weigh three times that on top.
    if (dfs.length === 0) return this.maxIdf;
    const rarity = this.idf(Math.min(...dfs));
    return token.terms.some((t) => this.domain.has(t)) ? rarity * DOMAIN_WEIGHT : rarity;
  }
}

function toIndexed(card: KnowledgeCard): IndexedCard {
  return {
    id: card.id,
    title: card.title,
    questions: card.questions.join('\n'),
    answer: card.answer,
    answer_en: card.answer_en ?? '',
    topics: card.topics.join(' '),
    body: card.body,
  };
}
