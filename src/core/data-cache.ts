/**
 * A cache of what a start computes from data files: the validated cards, the checked message
 * catalogues. Parsing and validating their YAML is most of the time `wegwijs ask` and
 * `wegwijs serve` need to start. A result is kept in dist/cache/ in V8's own serialisation (read
 * back in a half to a sixth of the time JSON takes, typed arrays as they are), keyed by the name and
 * content of every file it was made from and by the source of the modules that made it: a change
 * to any of them is a miss, and a miss computes as always. Only the installation's own data
 * folders are kept (a test with folders of its own leaves nothing behind), only where the build
 * made dist/cache/, and only results that were computed without an error. It is only ever a
 * shortcut: a cache that cannot be read or written is ignored.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './paths.ts';

/** Raised when the shape of a cache file changes. */
const FORMAT = 2;
export const CACHE_DIR = join(REPO_ROOT, 'dist', 'cache');

/** One data file a result is made from: its name (relative to its folder) and its text. */
export interface DataFile {
  file: string;
  text: string;
}

interface CacheFile {
  format: number;
  key: string;
  value: unknown;
}

const codeHashes = new Map<string, string>();

/** The source of a module (a file: URL, `import.meta.url`), hashed once per process. */
function codeHash(url: string): string {
  let hash = codeHashes.get(url);
  if (hash === undefined) {
    try {
      hash = createHash('sha256').update(readFileSync(fileURLToPath(url))).digest('hex');
    } catch {
      hash = `unreadable ${url}`;
    }
    codeHashes.set(url, hash);
  }
  return hash;
}

/** The key of a result: the files it is made from (names and contents) and the code that makes it. */
export function dataKey(files: DataFile[], code: string[]): string {
  // V8's serialisation belongs to one Node.js version.
  const hash = createHash('sha256').update(`${FORMAT} ${process.version}`);
  for (const url of code) hash.update(`\0${codeHash(url)}`);
  for (const { file, text } of files) hash.update(`\0${file}\0${text}`);
  return hash.digest('hex');
}

/**
 * One file per result and per reading code (the sources, for tests and tsx, and dist/ do not take
 * turns), whatever the folder: a result is found by what it is made from (its key), so a copy of
 * the knowledge folder with the same guardrails.yaml (a curated copy set in WEGWIJS_KNOWLEDGE_DIR,
 * a test's folder with one card more) reads the rules the build compiled, where it compiled them
 * again (~2.7 s of a 4.4 s start). Only the installation's own folders write it (`cachedData`).
 */
function cachePath(name: string, code: string[]): string {
  return join(CACHE_DIR, `${name}-${createHash('sha256').update(code.join('\0')).digest('hex').slice(0, 16)}.bin`);
}

/** True for a folder of this installation (knowledge/, prompts/), not one of a test or elsewhere. */
function isOwn(dir: string): boolean {
  const inside = relative(REPO_ROOT, resolve(dir));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * What `compute()` gives for these files of `dir`: taken from the cache when it was made from
 * exactly these files by exactly this code (`code`: the URLs of the modules whose source decides
 * the result), else computed (and kept for the next start).
 */
export function cachedData<T>(name: string, dir: string, files: DataFile[], code: string[], compute: () => T): T {
  const key = dataKey(files, code);
  const path = cachePath(name, code);
  const hit = readCache(path, key);
  const value = hit ? (hit.value as T) : compute();
  if (!hit && isOwn(dir)) writeCache(path, key, value);
  if (typeof value === 'object' && value !== null) KEYS.set(value, key);
  return value;
}

const KEYS = new WeakMap<object, string>();

/**
 * The key of a result `cachedData` gave (its files and code), for a result made from it in turn:
 * the search index is keyed by the cards' key instead of by hashing every card again.
 */
export function dataKeyOf(value: object): string | undefined {
  return KEYS.get(value);
}

function readCache(path: string, key: string): CacheFile | undefined {
  try {
    const cached = deserialize(readFileSync(path)) as CacheFile;
    return cached.format === FORMAT && cached.key === key && cached.value !== undefined ? cached : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(path: string, key: string, value: unknown): void {
  // Made by the build; a start does not create dist/ where there is none.
  if (!existsSync(CACHE_DIR)) return;
  try {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ format: FORMAT, key, value } satisfies CacheFile));
    // Atomic: a reader sees the old file or the new one, never half of one.
    renameSync(temporary, path);
  } catch {
    // A read-only installation simply computes it each time.
  }
}
