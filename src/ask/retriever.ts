/**
 * The offline index: BM25-style ranking (MiniSearch) over card titles, questions, answers and
 * topics, with field boosts, Dutch/English stems, synonym expansion, splitting of unknown Dutch
 * compounds, a little fuzziness for typos and a boost for cards meant for the asker's role.
 * It also says how sure it is: the share of the question's content (weighted by rarity) that the
 * best card covers.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Role } from './roles.ts';
import { analyseQuery, countsWith, indexTerms, stems, type QueryToken, type Synonyms } from './analyze.ts';
import type { KnowledgeCard } from './knowledge.ts';
import { TermSearch } from './term-search.ts';
import { compoundHeads, type Concept } from './compose.ts';

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
const BOOST = { title: 2.5, questions: 3, topics: 1.5, answer: 1, answer_en: 0.8, body: 0.4 };
const ROLE_BOOST = 1.2;
const COMPOUND_WEIGHT = 0.8;
const MODIFIER_WEIGHT = 0.5;
const RERANK_DEPTH = 15;
const DOMAIN_WEIGHT = 3;
const DISTINCTIVE_DF = 4;
const PHRASING_WEIGHT = 1;
const CONTEXT_WEIGHT = 0.5;
/** A synonym found in more than this share of the cards is an everyday word, not searched. */
const EVERYDAY_SHARE = 0.5;
/** In how close a phrasing is: a word of a synonym phrase found alone, against the phrase. */
const PHRASE_PART_CREDIT = 0.5;
/** With a situation told first: the cards best for the question's own words that are reranked too. */
const FOCUS_DEPTH = 5;
/** A second card this close to the first may answer another part of the question. */
const PAIR_SHARE = 0.8;

export interface Hit {
  card: KnowledgeCard;
  score: number;
}

export interface Retrieval {
  hits: Hit[];
  /** 0..1: how much of the question the best card covers (0 without any hit). */
  confidence: number;
  /** 0..1: how much of it the best two cards cover together, when the second is close to the first. */
  pairConfidence: number;
  /** Typed content words; 0 means there was nothing to search for. */
  typed: number;
  /** The things asked about: typed words, a synonym phrase's words ("care office") counted once. */
  units?: number;
}

export interface RetrieveOptions {
  role?: Role;
  limit?: number;
  context?: string;
  /** A factor per card id on the final score (the engine lowers cards about another law). */
  adjust?: (id: string) => number;
  /**
   * Typed words (folded) that only set the scene (the client's situation, an "als/if" clause),
   * with the factor they weigh by: they still find cards, but less than the words of what is asked.
   */
  background?: Map<string, number>;
}

export class Retriever {
  private readonly search: MiniSearch<IndexedCard>;
  /** The index, searched term by term with each term's hits kept (built on first use). */
  private terms?: TermSearch;
  private readonly byId: Map<string, KnowledgeCard>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly maxIdf: number;
  /** Terms of titles, topics and the synonym list: the domain's own words. */
  private readonly domain = new Set<string>();
  /** Per card: the terms of its title and of each example question, with their norm. */
  private readonly phrasings = new Map<string, { terms: Set<string>; total: number }[]>();

  constructor(
    readonly cards: KnowledgeCard[],
    private readonly synonyms: Synonyms,
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
    this.search = new MiniSearch<IndexedCard>(SEARCH_OPTIONS);
    const docs = cards.map(toIndexed);
    this.search.addAll(docs);
    for (const doc of docs) {
      const terms = new Set(FIELDS.flatMap((f) => indexTerms(doc[f])));
      for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.maxIdf = this.idf(0);
    // Title words only when distinctive: titles also use everyday words ("nieuwe", "goed").
    for (const card of cards) {
      for (const term of indexTerms(card.topics.join(' '))) this.domain.add(term);
      for (const term of indexTerms(card.title)) if ((this.documentFrequency.get(term) ?? 0) <= DISTINCTIVE_DF) this.domain.add(term);
    }
    for (const [from, to] of synonyms.expansions) for (const term of indexTerms(`${from} ${to.join(' ')}`)) this.domain.add(term);
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

  card(id: string): KnowledgeCard | undefined {
    return this.byId.get(id);
  }

  /**
   * Ranks the cards for a question; `role` lifts cards whose audience includes it. `context` (the
   * earlier question of a thread) searches at half weight and never counts towards confidence, so
   * a follow-up is answered about its own words, read in the light of the earlier question.
   */
  retrieve(question: string, options: RetrieveOptions = {}): Retrieval {
    const analysed = analyseQuery(question, this.synonyms);
    const typed = analysed.typed;
    // A synonym that is an everyday word of the cards ("care" from "no care provider", in nearly
    // every card) carries nothing of the phrase it stands in for: it is not searched.
    const everyday = this.cards.length * EVERYDAY_SHARE;
    // A word of one or two letters that the cards never use and that stands for nothing ("si",
    // "et": a mistyped "is", "het") is noise, not a part of the question the cards fail to cover.
    const expanded = new Set(analysed.tokens.filter((t) => t.weight < 1).map((t) => t.source));
    const noise = (t: QueryToken) => t.weight === 1 && t.word.length <= 2 && !expanded.has(t.source) && !t.terms.some((term) => this.documentFrequency.has(term));
    const tokens = analysed.tokens.filter((t) => !noise(t) && (t.weight === 1 || !t.terms.every((term) => (this.documentFrequency.get(term) ?? 0) > everyday)));
    const all = [...tokens, ...this.splitCompounds(tokens), ...this.contextTokens(options.context, typed)];
    const weights = new Map<string, number>();
    const sources = new Map<string, Set<number>>();
    const background = options.background;
    const soft = new Map<number, number>();
    if (background) for (const t of tokens) if (t.weight === 1 && background.has(t.word)) soft.set(t.source, background.get(t.word)!);
    for (const token of all) {
      // A typed word of a synonym phrase ("provider" in "no provider accepts") searches softer:
      // the phrase's synonyms carry its meaning.
      const own = token.weight === 1 && token.phrase ? PHRASE_PART_CREDIT : 1;
      const weight = token.weight * own * (soft.get(token.source) ?? 1);
      for (const term of token.terms) {
        // A word with two different stems (Dutch, English) must not count twice.
        weights.set(term, Math.max(weights.get(term) ?? 0, weight / token.terms.length));
        const set = sources.get(term) ?? new Set<number>();
        set.add(token.source);
        sources.set(term, set);
      }
    }
    if (weights.size === 0) return { hits: [], confidence: 0, pairConfidence: 0, typed };
    const typedTerms = new Set(tokens.filter((t) => t.weight === 1).flatMap((t) => t.terms));
    const role = options.role;
    // One OR query over all terms, each term's index lookup remembered (term-search.ts).
    this.terms ??= new TermSearch(this.search as MiniSearch<unknown>, BOOST);
    const searchOptions = {
      // Only words the cards never use are typos worth the (costly) fuzzy search.
      fuzzy: (term: string) => (term.length >= 5 && !/\d/.test(term) && !this.documentFrequency.has(term) ? 0.2 : false),
      maxFuzzy: 2,
      // Prefix search (the costly part) for the words typed, not for their synonyms.
      prefix: (term: string) => term.length >= 5 && typedTerms.has(term),
      weight: (term: string) => weights.get(term) ?? 1,
      boostDocument: role ? (id: string) => (this.byId.get(id)?.audience.includes(role) ? ROLE_BOOST : 1) : undefined,
    };
    const results = this.terms.search([...weights.keys()], searchOptions);
    const adjust = options.adjust;
    const candidates = results.slice(0, RERANK_DEPTH);
    // A long situation told first can push the card about the question itself out of the first
    // ones; the best cards for the question's own words are always considered too.
    if (soft.size > 0) {
      const focusTerms = [...weights.keys()].filter((term) => [...(sources.get(term) ?? [])].some((source) => !soft.has(source)));
      const focused = focusTerms.length > 0 ? this.terms.search(focusTerms, searchOptions).slice(0, FOCUS_DEPTH).map((r) => r.id) : [];
      for (const r of results.slice(RERANK_DEPTH)) if (focused.includes(r.id)) candidates.push(r);
    }
    const reranked = this.rerank(candidates, all, sources, soft)
      .map((r) => (adjust ? { ...r, score: r.score * adjust(r.result.id as string) } : r))
      .sort((a, b) => b.score - a.score);
    // Rounded: a restored index sums the same scores in another order (last-digit differences).
    const hits = reranked.slice(0, options.limit ?? 10).map((r) => ({ card: this.byId.get(r.result.id as string)!, score: Math.round(r.score * 1e9) / 1e9 }));
    const confidence = reranked.length > 0 ? this.coverage([reranked[0].result], tokens, all, typed, soft) : 0;
    // "Wat zijn X en Y?": two close cards that together cover the question answer it together.
    const pair = reranked.length > 1 && reranked[1].score >= reranked[0].score * PAIR_SHARE ? this.coverage([reranked[0].result, reranked[1].result], tokens, all, typed, soft) : confidence;
    const units = new Set(tokens.filter((t) => t.weight === 1).map((t) => (t.phrase ? Math.min(...t.phrase) : t.source))).size;
    return { hits, confidence, pairConfidence: Math.max(confidence, pair), typed, units };
  }

  /**
   * Second stage: BM25 over whole cards favours long answers that repeat common words; a card
   * whose title or one of whose example questions is close to the question (cosine over rare
   * terms) is the better answer. Final score = BM25 relative to the best + PHRASING_WEIGHT × that.
   */
  private rerank(results: SearchResult[], all: QueryToken[], sources: Map<string, Set<number>>, soft = new Map<number, number>()): { result: SearchResult; score: number }[] {
    if (results.length === 0) return [];
    // MiniSearch multiplies a score by the number of query terms matched; with stems and synonyms
    // one typed word has several terms, so count the typed words (concepts) matched instead.
    const concepts = (r: SearchResult) => {
      const matched = new Set<number>();
      const hit = new Set(r.queryTerms);
      // A word of a synonym phrase counts for its typed word only with the rest of the phrase.
      for (const token of all) if (token.terms.some((t) => hit.has(t)) && countsWith(token, (t) => hit.has(t))) matched.add(token.source);
      return (r.score / Math.max(1, r.queryTerms.length)) * matched.size;
    };
    const base = new Map(results.map((r) => [r, concepts(r)]));
    const top = Math.max(...base.values());
    // Rarity of each typed word (its rarest stem), for the phrasing similarity.
    const rarity = new Map<number, number>();
    for (const token of all) {
      if (token.weight !== 1) continue;
      // A word that only sets the scene counts less in how close a phrasing is, as in the search.
      const factor = soft.get(token.source) ?? 1;
      rarity.set(token.source, Math.max(rarity.get(token.source) ?? 0, ...token.terms.map((t) => factor * this.idfOf(t))));
    }
    const rarityTotal = [...rarity.values()].reduce((a, b) => a + b, 0) || 1;
    const queryTerms = new Set(all.flatMap((t) => t.terms));
    return results
      .map((result) => {
        let best = 0;
        for (const phrasing of this.phrasings.get(result.id as string) ?? []) {
          // How much of the question the phrasing covers, and how much of the phrasing the
          // question covers (both weighted by rarity); their geometric mean, like a cosine.
          const credit = new Map<number, number>();
          const inPhrasing = (t: string) => phrasing.terms.has(t);
          const hits = all.filter((token) => token.terms.some(inPhrasing));
          // The typed words this phrasing has (for "is the whole phrase there?").
          const found = new Set(hits.filter((t) => t.weight === 1).map((t) => t.source));
          for (const token of hits) {
            if (!countsWith(token, inPhrasing)) continue;
            // A word of a phrase ("provider" in "no provider accepts") found without the rest of
            // the phrase (or its synonym) does not carry the phrase's meaning: it counts half.
            const alone = token.weight === 1 && token.phrase && !token.phrase.every((source) => found.has(source));
            const value = alone ? token.weight * PHRASE_PART_CREDIT : token.weight;
            credit.set(token.source, Math.max(credit.get(token.source) ?? 0, value));
          }
          let covered = 0;
          for (const [source, r] of rarity) covered += r * (credit.get(source) ?? 0);
          let matched = 0;
          for (const term of phrasing.terms) if (queryTerms.has(term)) matched += this.idfOf(term);
          best = Math.max(best, Math.sqrt((covered / rarityTotal) * (matched / phrasing.total)));
        }
        return { result, score: base.get(result)! / top + PHRASING_WEIGHT * best };
      })
      .sort((a, b) => b.score - a.score);
  }

  /** True when the index knows a stem of this (folded) word. */
  knows(word: string): boolean {
    return stems(word).some((term) => this.documentFrequency.has(term));
  }

  /** The words of the synonym list (its phrases and what they stand for). */
  synonymWords(): string[] {
    return [...this.synonyms.expansions].flatMap(([from, to]) => [from, ...to.map((t) => t.to)]);
  }

  /** True when some typed word of the question is one of the domain's own words (titles, topics, synonyms). */
  inDomain(question: string, vocabulary: Set<string> = new Set()): boolean {
    const { tokens } = analyseQuery(question, this.synonyms);
    return tokens.some((t) => t.terms.some((term) => this.domain.has(term) || vocabulary.has(term)));
  }

  /** The earlier question's words, searching softly, with sources after the typed words'. */
  private contextTokens(context: string | undefined, offset: number): QueryToken[] {
    if (!context) return [];
    const { tokens } = analyseQuery(context, this.synonyms);
    return tokens.map((t) => ({ ...t, source: t.source < 0 ? t.source : offset + t.source, weight: t.weight * CONTEXT_WEIGHT, credit: 0 }));
  }

  /**
   * The question's typed words as concepts (each with its stems and synonyms) weighted by how
   * much they say, for choosing the sentences that answer it.
   */
  concepts(question: string): Concept[] {
    const { tokens } = analyseQuery(question, this.synonyms);
    const all = [...tokens, ...this.splitCompounds(tokens)];
    const bySource = new Map<number, Concept>();
    const typed = tokens.filter((t) => t.weight === 1);
    typed.forEach((token, i) => {
      // "wlz-pgb" gives wlz, pgb and wlzpgb: the joined word is its last part's concept, not a third one.
      const [a, b] = [typed[i - 2], typed[i - 1]];
      if (a && b && token.word === a.word + b.word) {
        for (const term of token.terms) bySource.get(b.source)?.terms.add(term);
        return;
      }
      // A number counts not for confidence, but a year or a number asked about marks the sentence.
      const weight = /^\d+$/.test(token.word) ? this.maxIdf / 2 : this.weightOf(token);
      bySource.set(token.source, { terms: new Set(token.terms), weight });
    });
    for (const token of all) {
      const concept = bySource.get(token.source);
      if (!concept) continue;
      // Inside a card that retrieval found, a word of one of the typed word's synonym phrases is
      // enough to mark a sentence about it (the card's own wording rarely repeats the phrase).
      for (const term of token.terms) concept.terms.add(term);
    }
    // The head of a typed compound ("groep" in "doelgroepen") finds a sentence weakly.
    for (const concept of bySource.values()) {
      const heads = [...compoundHeads(concept.terms)].filter((h) => this.documentFrequency.has(h) && !concept.terms.has(h));
      if (heads.length > 0) concept.partial = new Set(heads);
    }
    return [...bySource.values()];
  }

  private idfOf(term: string): number {
    return this.idf(this.documentFrequency.get(term) ?? 0);
  }

  private idf(df: number): number {
    const n = this.cards.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * How much a typed word counts for confidence: its rarity in the cards (a word the cards never
   * use counts as rarest), doubled for the domain's own words (titles, topics, synonyms), which
   * are common in the cards but say most about what the question is about. Numbers count not.
   */
  private weightOf(token: QueryToken): number {
    if (/^\d+$/.test(token.word)) return 0;
    const dfs = token.terms.map((t) => this.documentFrequency.get(t) ?? 0).filter((df) => df > 0);
    const rarity = dfs.length === 0 ? this.maxIdf : this.idf(Math.min(...dfs));
    return token.terms.some((t) => this.domain.has(t)) ? rarity * DOMAIN_WEIGHT : rarity;
  }

  /**
   * Share of the typed words (weighted by rarity) that the best card matches: fully when a word
   * (or its split compound, separable verb or synonym) occurs in the card as such, half when it
   * only matched through fuzziness or a prefix (a typo, or a different word altogether).
   */
  private coverage(top: SearchResult[], tokens: QueryToken[], all: QueryToken[], typed: number, soft = new Map<number, number>()): number {
    const docTerms = new Set(top.flatMap((r) => r.terms));
    const queryTerms = new Set(top.flatMap((r) => r.queryTerms));
    const credit = new Map<number, number>();
    const hit = (t: string) => docTerms.has(t) || queryTerms.has(t);
    for (const token of all) {
      if (!countsWith(token, hit)) continue;
      for (const term of token.terms) {
        const value = docTerms.has(term) ? (token.credit ?? (token.weight === 1 ? 1 : 0.5)) : queryTerms.has(term) ? 0.5 : 0;
        credit.set(token.source, Math.max(credit.get(token.source) ?? 0, value));
      }
    }
    // The typed words of one synonym phrase ("care office", "wet langdurige zorg") are one thing
    // asked: they count once, as their weightiest word, covered as well as the phrase is.
    const units = new Map<number, { weight: number; credit: number }>();
    for (const token of tokens) {
      if (token.weight !== 1) continue;
      // The words of what is asked count most; those that only set the scene less.
      const w = this.weightOf(token) * (soft.get(token.source) ?? 1);
      const key = token.phrase ? Math.min(...token.phrase) : token.source;
      const unit = units.get(key) ?? { weight: 0, credit: 0 };
      unit.weight = Math.max(unit.weight, w);
      unit.credit = Math.max(unit.credit, credit.get(token.source) ?? 0);
      units.set(key, unit);
    }
    let total = 0;
    let covered = 0;
    for (const unit of units.values()) {
      total += unit.weight;
      covered += unit.weight * unit.credit;
    }
    return typed === 0 || total === 0 ? 0 : covered / total;
  }

  /**
   * Dutch writes compounds as one word ("meerzorgaanvraag"): a typed word the cards never use is
   * split into two parts the cards do use (allowing a linking "s" or "en").
   */
  private splitCompounds(tokens: QueryToken[]): QueryToken[] {
    const known = (w: string) => stems(w).some((t) => this.documentFrequency.has(t));
    const out: QueryToken[] = [];
    for (const token of tokens) {
      if (token.weight !== 1 || token.word.length < 8 || known(token.word)) continue;
      let modifier: string | undefined;
      for (let i = 3; i <= token.word.length - 3; i++) {
        const left = token.word.slice(0, i);
        const right = token.word.slice(i);
        // A linking "s" or "en" between the parts: "zorgs|traject", "wachtlijsten|beleid".
        const head = known(left) ? left : left.endsWith('s') && known(left.slice(0, -1)) ? left.slice(0, -1) : left.endsWith('en') && known(left.slice(0, -2)) ? left.slice(0, -2) : undefined;
        if (!head) continue;
        if (known(right)) {
          out.push({ word: head, terms: stems(head), source: token.source, weight: COMPOUND_WEIGHT, credit: 0.8 });
          out.push({ word: right, terms: stems(right), source: token.source, weight: COMPOUND_WEIGHT, credit: 0.8 });
          modifier = undefined;
          break;
        }
        // Only the first part is known ("bezwaar|procedure"): it says what the word is about.
        if (head.length >= 5) modifier = head;
      }
      if (modifier) out.push({ word: modifier, terms: stems(modifier), source: token.source, weight: MODIFIER_WEIGHT });
    }
    return out;
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
