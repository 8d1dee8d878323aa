/**
 * The validated cards through the start-up cache (src/core/data-cache.ts): the same card files
 * read by the same code (this folder's knowledge and roles modules) give the cards of the last
 * start without parsing and validating ~180 YAML front matters again.
 */
import { extname } from 'node:path';
import { cachedData, dataKeyOf, type DataFile } from '../core/index.ts';
import type { Synonyms } from './analyze.ts';
import type { KnowledgeCard } from './knowledge.ts';
import { Retriever } from './retriever.ts';
import type { Vocabulary } from './spelling.ts';

/** The modules whose source decides the cards, in the layout that runs (.ts sources or .js in dist/). */
function readingCode(names = ['./knowledge', './roles']): string[] {
  const ext = extname(new URL(import.meta.url).pathname);
  return names.map((name) => new URL(`${name}${ext}`, import.meta.url).href);
}

/** `read()` (which throws on a knowledge base with errors), or the cards it gave for exactly these files. */
export function cachedCards<T>(dir: string, files: DataFile[], read: () => T[]): T[] {
  return cachedData('cards', dir, files, readingCode(), read);
}

/**
 * The retriever for these cards and synonyms: its index (stemming every card text both ways is
 * most of a start) taken from the start-up cache when it was built from exactly the same cards and
 * synonyms by the same code, else built (and kept for the next start).
 */
export function cachedRetriever(dir: string, cards: KnowledgeCard[], synonyms: Synonyms): Retriever {
  let built: Retriever | undefined;
  const input: DataFile = { file: 'cards+synonyms', text: JSON.stringify([cardsKey(cards), [...synonyms.expansions], synonyms.maxWords]) };
  const state = cachedData('retriever', dir, [input], readingCode(['./retriever', './search-index', './analyze']), () => (built = new Retriever(cards, synonyms)).state());
  return built ?? new Retriever(cards, synonyms, state);
}

/**
 * The vocabulary of the spelling corrector (spelling.ts): counting every word of every card is
 * ~60 ms of a first question, so it is kept like the index, for the same cards and terms.
 */
export function cachedVocabulary(dir: string, cards: KnowledgeCard[], terms: string[], build: () => Vocabulary): Vocabulary {
  const input: DataFile = { file: 'cards+terms', text: JSON.stringify([cardsKey(cards), terms]) };
  return cachedData('spelling', dir, [input], readingCode(['./spelling', './analyze', '../core/text']), build);
}

/** Cards from the cache (or just read into it) are named by their key: no need to hash them all again. */
function cardsKey(cards: KnowledgeCard[]): string {
  return dataKeyOf(cards) ?? JSON.stringify(cards);
}
