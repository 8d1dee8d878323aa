/**
 * A cache of the validated cards: parsing and validating the YAML front matter of every card is
 * the largest part of a start (`wegwijs ask`, `wegwijs serve`). The cache is a JSON file keyed by
 * the content of every card file and by the code that reads them (this folder's knowledge and
 * roles modules): a change to any of them is a miss, and a miss reads the cards as always. It is
 * written by `npm run build` and, for the installation's own knowledge folder, at the first start
 * after a change when dist/cache/ is writable. It is only ever a shortcut: a cache that cannot be
 * read or written is ignored, and a knowledge base with errors is never cached.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR, REPO_ROOT } from '../core/index.ts';

/** Raised when the shape of the cache file changes. */
const FORMAT = 1;
const CACHE_DIR = join(REPO_ROOT, 'dist', 'cache');

interface CacheFile<T> {
  format: number;
  key: string;
  cards: T[];
}

/** What decides the cards: the code that validates them (in the layout that runs, .ts or .js). */
let codeKey: string | undefined;
function codeVersion(): string {
  if (codeKey === undefined) {
    const here = fileURLToPath(import.meta.url);
    const hash = createHash('sha256').update(String(FORMAT));
    for (const name of ['knowledge', 'roles']) {
      try {
        hash.update(readFileSync(join(dirname(here), `${name}${extname(here)}`)));
      } catch {
        hash.update(`missing ${name}`);
      }
    }
    codeKey = hash.digest('hex');
  }
  return codeKey;
}

/** The key of a set of card files: their paths and contents, and the reading code. */
export function cardsKey(files: { file: string; text: string }[]): string {
  const hash = createHash('sha256').update(codeVersion());
  for (const { file, text } of files) hash.update(`\0${file}\0${text}`);
  return hash.digest('hex');
}

function cachePath(dir: string): string {
  return join(CACHE_DIR, `cards-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16)}.json`);
}

/** The cached cards of `dir` when they were made from exactly these files; else undefined. */
export function readCachedCards<T>(dir: string, key: string): T[] | undefined {
  try {
    const cached = JSON.parse(readFileSync(cachePath(dir), 'utf8')) as CacheFile<T>;
    return cached.format === FORMAT && cached.key === key && Array.isArray(cached.cards) ? cached.cards : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the cards of `dir` for the next start. Only the installation's own knowledge folder is
 * kept unless `always` (the build), so tests with their own folders leave nothing behind.
 */
export function writeCachedCards<T>(dir: string, key: string, cards: T[], options: { always?: boolean } = {}): void {
  if (!options.always && resolve(dir) !== resolve(DEFAULT_KNOWLEDGE_DIR)) return;
  try {
    if (!existsSync(CACHE_DIR)) {
      // Made by the build; a start does not create dist/ where there is none.
      if (!options.always || !existsSync(dirname(CACHE_DIR))) return;
      mkdirSync(CACHE_DIR, { recursive: true });
    }
    const path = cachePath(dir);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, key, cards } satisfies CacheFile<T>));
    // Atomic: a reader sees the old file or the new one, never half of one.
    renameSync(temporary, path);
  } catch {
    // A read-only installation simply reads the cards each time.
  }
}
