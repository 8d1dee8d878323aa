/**
 * The validated cards through the start-up cache (src/core/data-cache.ts): the same card files
 * read by the same code (this folder's knowledge and roles modules) give the cards of the last
 * start without parsing and validating ~180 YAML front matters again.
 */
import { extname } from 'node:path';
import { cachedData, type DataFile } from '../core/index.ts';

/** The modules whose source decides the cards, in the layout that runs (.ts sources or .js in dist/). */
function readingCode(): string[] {
  const ext = extname(new URL(import.meta.url).pathname);
  return ['./knowledge', './roles'].map((name) => new URL(`${name}${ext}`, import.meta.url).href);
}

/** `read()` (which throws on a knowledge base with errors), or the cards it gave for exactly these files. */
export function cachedCards<T>(dir: string, files: DataFile[], read: () => T[]): T[] {
  return cachedData('cards', dir, files, readingCode(), read);
}
