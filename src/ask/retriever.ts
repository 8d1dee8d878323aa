/**
 * The offline index: BM25-style ranking (MiniSearch) over card titles, questions, answers and
 * topics, with field boosts, Dutch/English stems, synonym expansion, splitting of unknown Dutch
 * compounds, a little fuzziness for typos and a boost for cards meant for the asker's role.
 * It also says how sure it is: the share of the question's content (weighted by rarity) that the
 * best card covers.
 */
import { fold } from '../core/index.ts';
import MiniSearch from 'minisearch';
import type { Role } from './roles.ts';
import { analyseQuery, indexTerms, words, type QueryToken, type Synonyms } from './analyze.ts';
import type { KnowledgeCard } from './knowledge.ts';
import { TermSearch } from './term-search.ts';
import { BOOST, CardIndex, type RetrieverState } from './search-index.ts';
import { coverage, PHRASE_PART_CREDIT, rerank } from './ranking.ts';
import { contextTokens, questionConcepts, splitCompounds, type Concept } from './query-concepts.ts';
export type { RetrieverState } from './search-index.ts';

const ROLE_BOOST = 1.2;
const RERANK_DEPTH = 15;
/** A synonym found in more than this share of the cards is an everyday word, not searched. */
const EVERYDAY_SHARE = 0.5;
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
  /** Long words of what is asked (not of the situation told first) that no card uses, even in part. */
  unknown?: string[];
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
  /** The index and its term statistics (search-index.ts). */
  private readonly index: CardIndex;
  /** The index, searched term by term with each term's hits kept (built on first use). */
  private terms?: TermSearch;

  constructor(
    readonly cards: KnowledgeCard[],
    private readonly synonyms: Synonyms,
    /** The index as `state()` gave it for exactly these cards and synonyms (the start-up cache). */
    prepared?: RetrieverState,
  ) {
    this.index = new CardIndex(cards, synonyms, prepared);
  }

  /** Everything the constructor computed from the cards, as plain data (for the start-up cache). */
  state(): RetrieverState {
    return this.index.state();
  }

  card(id: string): KnowledgeCard | undefined {
    return this.index.byId.get(id);
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
    const noise = (t: QueryToken) => t.weight === 1 && t.word.length <= 2 && !expanded.has(t.source) && !t.terms.some((term) => this.index.documentFrequency.has(term));
    const tokens = analysed.tokens.filter((t) => !noise(t) && (t.weight === 1 || !t.terms.every((term) => (this.index.documentFrequency.get(term) ?? 0) > everyday)));
    const all = [...tokens, ...splitCompounds(this.index, tokens), ...contextTokens(this.synonyms, options.context, typed)];
    const weights = new Map<string, number>();
    const sources = new Map<string, Set<number>>();
    const background = options.background;
    const soft = new Map<number, number>();
    if (background) for (const t of tokens) if (t.weight === 1 && background.has(t.word)) soft.set(t.source, background.get(t.word)!);
    // A word no card uses, told outside the sentence that asks ("…? Ik ben geen zorgmens."), is
    // an aside: it cannot find a card, and it says little about what is asked.
    const asking = new Set(words(askingSentences(question)));
    for (const t of tokens) {
      if (t.weight !== 1 || asking.has(t.word) || t.terms.some((term) => this.index.documentFrequency.has(term))) continue;
      soft.set(t.source, Math.min(soft.get(t.source) ?? 1, ASIDE_WEIGHT));
    }
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
    this.terms ??= new TermSearch(this.index.search as MiniSearch<unknown>, BOOST);
    const searchOptions = {
      // Only words the cards never use are typos worth the (costly) fuzzy search.
      fuzzy: (term: string) => (term.length >= 5 && !this.index.documentFrequency.has(term) && !/\d/.test(term) ? 0.2 : false),
      maxFuzzy: 2,
      // Prefix search (the costly part) for the words typed, not for their synonyms.
      prefix: (term: string) => term.length >= 5 && typedTerms.has(term),
      weight: (term: string) => weights.get(term) ?? 1,
      boostDocument: role ? (id: string) => (this.forRole(role).has(id) ? ROLE_BOOST : 1) : undefined,
    };
    // Only the cards reranked are needed, unless a situation told first may bring in more.
    const results = this.terms.search([...weights.keys()], searchOptions, soft.size > 0 ? Infinity : RERANK_DEPTH);
    const adjust = options.adjust;
    const candidates = results.slice(0, RERANK_DEPTH);
    // A long situation told first can push the card about the question itself out of the first
    // ones; the best cards for the question's own words are always considered too.
    if (soft.size > 0) {
      const focusTerms = [...weights.keys()].filter((term) => [...(sources.get(term) ?? [])].some((source) => !soft.has(source)));
      const focused = focusTerms.length > 0 ? this.terms.search(focusTerms, searchOptions, FOCUS_DEPTH).map((r) => r.id) : [];
      for (const r of results.slice(RERANK_DEPTH)) if (focused.includes(r.id)) candidates.push(r);
    }
    const reranked = rerank(this.index, candidates, all, soft)
      .map((r) => (adjust ? { ...r, score: r.score * adjust(r.result.id as string) } : r))
      .sort((a, b) => b.score - a.score);
    // Rounded: a restored index sums the same scores in another order (last-digit differences).
    const hits = reranked.slice(0, options.limit ?? 10).map((r) => ({ card: this.index.byId.get(r.result.id as string)!, score: Math.round(r.score * 1e9) / 1e9 }));
    const confidence = reranked.length > 0 ? coverage(this.index, [reranked[0].result], tokens, all, typed, soft) : 0;
    // "Wat zijn X en Y?": two close cards that together cover the question answer it together.
    const pair = reranked.length > 1 && reranked[1].score >= reranked[0].score * PAIR_SHARE ? coverage(this.index, [reranked[0].result, reranked[1].result], tokens, all, typed, soft) : confidence;
    const units = new Set(tokens.filter((t) => t.weight === 1).map((t) => (t.phrase ? Math.min(...t.phrase) : t.source))).size;
    return { hits, confidence, pairConfidence: Math.max(confidence, pair), typed, units, unknown: unknownWords(this.index, tokens, all, soft, question) };
  }

  /** True when the index knows a stem of this (folded) word. */
  knows(word: string): boolean {
    return this.index.knows(word);
  }

  /** The ids of the cards meant for a role (their audience includes it), per role once. */
  private forRole(role: Role): Set<string> {
    let ids = this.roleCards.get(role);
    if (!ids) this.roleCards.set(role, (ids = new Set([...this.index.byId.values()].filter((c) => c.audience.includes(role)).map((c) => c.id))));
    return ids;
  }

  private readonly roleCards = new Map<Role, Set<string>>();

  /** The words of the synonym list (its phrases and what they stand for). */
  synonymWords(): string[] {
    return [...this.synonyms.expansions].flatMap(([from, to]) => [from, ...to.map((t) => t.to)]);
  }

  /** True when some typed word of the question is one of the domain's own words (titles, topics, synonyms). */
  inDomain(question: string, vocabulary: Set<string> = new Set()): boolean {
    const { tokens } = analyseQuery(question, this.synonyms);
    const known = (term: string) => this.index.domain.has(term) || vocabulary.has(term);
    return tokens.some((t) => t.terms.some((term) => known(term) || compoundOf(term, known)));
  }

  /**
   * The question's typed words as concepts (each with its stems and synonyms) weighted by how
   * much they say, for choosing the sentences that answer it.
   */
  concepts(question: string): Concept[] {
    return questionConcepts(this.index, this.synonyms, question);
  }
}

/** The shortest parts of a compound that count as words of their own. */
const COMPOUND_HEAD = 5;
const COMPOUND_TAIL = 4;
/**
 * A Dutch compound of two of the domain's words ("bezwaartermijn", "beroepstermijn" with its
 * linking s) is a word of the domain too, though no title or topic spells it out.
 */
function compoundOf(term: string, known: (term: string) => boolean): boolean {
  for (let i = COMPOUND_HEAD; i <= term.length - COMPOUND_TAIL; i++) {
    if (!known(term.slice(0, i))) continue;
    const tail = term.slice(i);
    if (known(tail) || (tail.startsWith('s') && tail.length > COMPOUND_TAIL && known(tail.slice(1)))) return true;
  }
  return false;
}

/** The shortest word that counts as a subject no card knows (shorter ones are mostly chat or typos). */
/** The sentences of a message that ask (with a question mark), or all of them when none does. */
function askingSentences(question: string): string {
  const sentences = fold(question).split(/(?<=[.!?])\s+/u);
  return sentences.filter((s) => s.includes('?')).join(' ') || sentences.join(' ');
}
/** How much a word no card uses weighs when it stands outside the sentences that ask. */
const ASIDE_WEIGHT = 0.3;
const UNKNOWN_MIN_LENGTH = 6;
/** The shortest last part of a compound that counts as a word of its own ("reparatie"). */
const UNKNOWN_HEAD_LENGTH = 5;
/** An article or a determiner: what stands before it is no noun of its own. */
const MODIFIED = /^(de|het|een|deze|dit|die|dat|the|a|an|this|that|these|those)$/u;
const OWNED = /^(de|het|een|deze|dit|die|the|a|an|this|that|these|those|mijn|onze|zijn|haar|hun|my|our|his|her|their)$/u;
const NOUN_BEFORE = '(de|het|een|voor|van|over|met|bij|aan|om|zijn|haar|hun|mijn|onze|the|a|an|for|of|about|with|his|her|their|my|our)';

/**
 * The words of what is asked that no card uses, whole or as the parts of a compound: "regels voor
 * huisdieren in een verpleeghuis" asks about pets, which no card knows, though it knows nursing
 * homes well. Words of the situation told first (`soft`) and numbers do not count.
 */
function unknownWords(index: CardIndex, tokens: QueryToken[], all: QueryToken[], soft: Map<number, number>, question: string): string[] {
  // A compound of known parts is known; one whose last part (in Dutch the thing itself:
  // "rolstoel|reparatie" is a repair) no card knows is not.
  // (A short rest is an ending, not a word: "streng|ere", "alternat|ief".)
  const typedWord = new Map(tokens.map((t) => [t.source, t.word]));
  const unknownHead = (t: QueryToken) => t.modifier === true && (typedWord.get(t.source)?.length ?? 0) - t.word.length >= UNKNOWN_HEAD_LENGTH;
  const split = new Set(all.filter((t) => t.weight < 1 && t.weight > 0 && !unknownHead(t)).map((t) => t.source));
  // Only the sentence that asks ("…? client is net met pensioen": the remark after it sets the scene).
  const text = askingSentences(question);
  // A thing, not a verb form or an adverb ("bedoelt", "besproken", "zomaar"): after an article,
  // a preposition or a possessive ("regels voor huisdieren", "een stagiair").
  const named = (word: string) => new RegExp(`\\b${NOUN_BEFORE} ${word}\\b`, 'u').test(text) && !modifies(word) && !setting(word);
  // Where something was said or is wanted ("in de sessie zei iemand", "someone in the thread", "zet
  // het in een lijstje") sets the scene: it is not the thing asked about.
  const setting = (word: string) => new RegExp(`\\b(in|at|on|op|tijdens|during) (de|het|een|the|a|an|ons|onze|our) ${word}\\b`, 'u').test(text);
  // A word before an article or a word of the domain's titles and topics describes what follows
  // ("een doordeweekse dag", "for lodging an objection", "wat zijn grofweg de criteria"): an
  // adjective, an adverb or a verb form, not the thing asked about.
  const modifies = (word: string) => {
    const around = new RegExp(`(\\S+) ${word} (\\S+)`, 'u').exec(text);
    if (!around) return false;
    const [, before, next] = around;
    // (After an article or a possessive it is a noun, whatever follows: "mag een stagiair een zorgplan …".)
    return (MODIFIED.test(next) && !OWNED.test(before)) || indexTerms(next).some((term) => index.domain.has(term));
  };
  return tokens
    .filter((t) => t.weight === 1 && !soft.has(t.source) && !split.has(t.source) && !t.phrase && t.word.length >= UNKNOWN_MIN_LENGTH && !/\d/.test(t.word))
    .filter((t) => t.terms.every((term) => !index.documentFrequency.has(term)) && named(t.word) && !comparesKnown(index, t.word) && !startsCompound(index, t.word))
    .map((t) => t.word);
}

// "a shorter term", "een kortere termijn", "de snelste route": a comparison of a word the cards know
// is no subject they lack.
const COMPARED = /^(.{4,}?)(\w)?\2?(er|ere|est|ste|st)$/u;
function comparesKnown(index: CardIndex, word: string): boolean {
  const m = COMPARED.exec(word);
  if (!m) return false;
  const bases = [m[1] + (m[2] ?? ''), m[1]];
  return bases.some((base) => indexTerms(base).some((term) => index.documentFrequency.has(term)));
}

// "waar moet ze heen voor respijt?": the first part of a compound the cards use ("respijtzorg") is a word they know.
const COMPOUND_REST = 4;
function startsCompound(index: CardIndex, word: string): boolean {
  for (const term of index.documentFrequency.keys()) if (term.length >= word.length + COMPOUND_REST && term.startsWith(word)) return true;
  return false;
}
