/**
 * The retriever's second stage and its certainty: reranking the search's best cards by how close
 * a title or example question is to the question, and how much of the question the best card(s)
 * cover (the confidence the engine decides on).
 */
import type { SearchResult } from 'minisearch';
import { countsWith, type QueryToken } from './analyze.ts';
import type { CardIndex } from './search-index.ts';

const PHRASING_WEIGHT = 1;
/** In how close a phrasing is: a word of a synonym phrase found alone, against the phrase. */
export const PHRASE_PART_CREDIT = 0.5;

/**
 * Second stage: BM25 over whole cards favours long answers that repeat common words; a card
 * whose title or one of whose example questions is close to the question (cosine over rare
 * terms) is the better answer. Final score = BM25 relative to the best + PHRASING_WEIGHT × that.
 */
export function rerank(index: CardIndex, results: SearchResult[], all: QueryToken[], soft = new Map<number, number>()): { result: SearchResult; score: number }[] {
  if (results.length === 0) return [];
  // MiniSearch multiplies a score by the number of query terms matched; with stems and synonyms
  // one typed word has several terms, so count the typed words (concepts) matched instead.
  // The query terms numbered (a query term is a term of a token), and each token's terms as numbers.
  const queryTerms = new Set(all.flatMap((t) => t.terms));
  const termList = [...queryTerms];
  const termNumber = new Map(termList.map((t, i) => [t, i]));
  const tokenTerms = all.map((token) => token.terms.map((t) => termNumber.get(t)!));
  const searched = new Uint8Array(termList.length);
  const concepts = (r: SearchResult) => {
    const matched = new Set<number>();
    searched.fill(0);
    for (const t of r.queryTerms) {
      const n = termNumber.get(t);
      if (n !== undefined) searched[n] = 1;
    }
    const hit = (t: string) => searched[termNumber.get(t) ?? -1] === 1 || (!termNumber.has(t) && r.queryTerms.includes(t));
    // A word of a synonym phrase counts for its typed word only with the rest of the phrase.
    all.forEach((token, j) => {
      if (tokenTerms[j].some((n) => searched[n] === 1) && (!token.together || countsWith(token, hit))) matched.add(token.source);
    });
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
    rarity.set(token.source, Math.max(rarity.get(token.source) ?? 0, ...token.terms.map((t) => factor * index.idfOf(t))));
  }
  const rarityTotal = [...rarity.values()].reduce((a, b) => a + b, 0) || 1;
  // Numbered once per question: the query terms' rarity and the typed words that have a rarity,
  // so each phrasing is matched with arrays, not sets and maps.
  const idfs = termList.map((t) => index.idfOf(t));
  const sources = [...rarity.keys()];
  const rarities = [...rarity.values()];
  const sourceNumber = new Map(sources.map((s, i) => [s, i]));
  const tokenSource = all.map((token) => sourceNumber.get(token.source) ?? -1);
  const inCommon = new Uint8Array(termList.length);
  const credit = new Float64Array(sources.length);
  // The phrasings' terms as the query's term numbers (-1: not in the question), and which
  // phrasings share a term with it at all: most phrasings of most cards share none, a similarity
  // of 0, and are not looked at.
  const table = index.phrasingTable();
  // Scratch arrays of the table's size, kept with it and set back after each question (a fresh,
  // filled pair per question was ~12 KB of allocation per answer).
  const { local, shares } = scratchOf(table);
  const used: number[] = [];
  termList.forEach((term, n) => {
    const id = table.termIds.get(term);
    if (id === undefined) return;
    local[id] = n;
    used.push(id);
    for (const p of table.postings[id]) shares[p] = 1;
  });
  // Reused for every phrasing (their contents are read within its own step only), as are the two
  // tests on the phrasing at hand.
  const common: number[] = [];
  const hits: number[] = [];
  let terms: Set<string> = new Set();
  const inPhrasing = (t: string) => terms.has(t);
  // Whether the phrasing has this typed word (for "is the whole phrase there?").
  const found = (source: number) => hits.some((j) => all[j].weight === 1 && all[j].source === source);
  try {
    return scoreAll();
  } finally {
    for (const id of used) {
      local[id] = -1;
      for (const p of table.postings[id]) shares[p] = 0;
    }
  }
  function scoreAll(): { result: SearchResult; score: number }[] {
  return results
    .map((result) => {
      let best = 0;
      const first = table.first.get(result.id as string) ?? 0;
      (index.phrasings.get(result.id as string) ?? []).forEach((phrasing, k) => {
        if (!shares[first + k]) return;
        let matched = 0;
        common.length = 0;
        for (const id of table.terms[first + k]) {
          const n = local[id];
          if (n < 0) continue;
          inCommon[n] = 1;
          common.push(n);
          matched += idfs[n];
        }
        // How much of the question the phrasing covers, and how much of the phrasing the
        // question covers (both weighted by rarity); their geometric mean, like a cosine.
        terms = phrasing.terms;
        // The tokens with a term in the phrasing, in order.
        hits.length = 0;
        for (let j = 0; j < all.length; j++) {
          for (const n of tokenTerms[j]) {
            if (inCommon[n] !== 1) continue;
            hits.push(j);
            break;
          }
        }
        credit.fill(0);
        for (const j of hits) {
          const token = all[j];
          if (token.together && !countsWith(token, inPhrasing)) continue;
          // Only the typed words (those with a rarity) count towards what is covered.
          const at = tokenSource[j];
          if (at < 0) continue;
          // A word of a phrase ("provider" in "no provider accepts") found without the rest of
          // the phrase (or its synonym) does not carry the phrase's meaning: it counts half.
          const alone = token.weight === 1 && token.phrase && !token.phrase.every(found);
          const value = alone ? token.weight * PHRASE_PART_CREDIT : token.weight;
          credit[at] = Math.max(credit[at], value);
        }
        for (const n of common) inCommon[n] = 0;
        let covered = 0;
        for (let i = 0; i < rarities.length; i++) covered += rarities[i] * credit[i];
        best = Math.max(best, Math.sqrt((covered / rarityTotal) * (matched / phrasing.total)));
      });
      return { result, score: base.get(result)! / top + PHRASING_WEIGHT * best };
    })
    .sort((a, b) => b.score - a.score);
  }
}

type PhrasingTable = ReturnType<CardIndex['phrasingTable']>;
const SCRATCH = new WeakMap<PhrasingTable, { local: Int32Array; shares: Uint8Array }>();
/** The query's number of each phrasing term (-1: none) and which phrasings share a term: all unset between questions. */
function scratchOf(table: PhrasingTable): { local: Int32Array; shares: Uint8Array } {
  let scratch = SCRATCH.get(table);
  if (!scratch) {
    scratch = { local: new Int32Array(table.postings.length).fill(-1), shares: new Uint8Array(table.terms.length) };
    SCRATCH.set(table, scratch);
  }
  return scratch;
}

/**
 * Share of the typed words (weighted by rarity) that the best card matches: fully when a word
 * (or its split compound, separable verb or synonym) occurs in the card as such, half when it
 * only matched through fuzziness or a prefix (a typo, or a different word altogether).
 */
export function coverage(index: CardIndex, top: SearchResult[], tokens: QueryToken[], all: QueryToken[], typed: number, soft = new Map<number, number>()): number {
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
    const w = index.weightOf(token) * (soft.get(token.source) ?? 1);
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
