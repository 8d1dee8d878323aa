import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, loadCards } from '../../src/ask/index.ts';
import { CACHE_DIR, cachedData, dataKey } from '../../src/core/data-cache.ts';
import { Catalog, DEFAULT_KNOWLEDGE_DIR, DEFAULT_PROMPTS_DIR, REPO_ROOT } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';

describe('the start-up cache of data files', () => {
  it('gives the cards a full read gives, also when they come from the cache', () => {
    const full = checkKnowledge(DEFAULT_KNOWLEDGE_DIR).cards;
    expect(loadCards(DEFAULT_KNOWLEDGE_DIR)).toEqual(full);
    // The second load may come from the cache the first one wrote.
    expect(loadCards(DEFAULT_KNOWLEDGE_DIR)).toEqual(full);
  });

  it('gives the message catalogue a full read gives, also from the cache', () => {
    const dir = join(DEFAULT_PROMPTS_DIR, 'messages');
    const first = Catalog.fromDirectory(dir);
    const second = Catalog.fromDirectory(dir);
    expect(second.keys()).toEqual(first.keys());
    for (const key of first.keys()) expect([second.raw('nl', key), second.raw('en', key)]).toEqual([first.raw('nl', key), first.raw('en', key)]);
  });

  it('is keyed by every file name and content and by the code: any change is a miss', () => {
    const files = [
      { file: 'a.yaml', text: 'one' },
      { file: 'b.yaml', text: 'two' },
    ];
    const code = [import.meta.url];
    const key = dataKey(files, code);
    expect(dataKey(files.map((f) => ({ ...f })), code)).toBe(key);
    expect(dataKey([files[0], { ...files[1], text: 'two!' }], code)).not.toBe(key);
    expect(dataKey([files[0], { ...files[1], file: 'c.yaml' }], code)).not.toBe(key);
    expect(dataKey([files[0]], code)).not.toBe(key);
    expect(dataKey(files, [new URL('../helpers/temp.ts', import.meta.url).href])).not.toBe(key);
  });

  it('computes again for changed files, keeps nothing of folders outside the installation, and caches no error', () => {
    const temp = tempDir();
    try {
      const before = existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR).length : 0;
      let runs = 0;
      const compute = (text: string) => () => {
        runs++;
        return { text };
      };
      expect(cachedData('test', temp.dir, [{ file: 'x', text: 'a' }], [], compute('a'))).toEqual({ text: 'a' });
      expect(cachedData('test', temp.dir, [{ file: 'x', text: 'b' }], [], compute('b'))).toEqual({ text: 'b' });
      expect(runs).toBe(2);
      expect(() =>
        cachedData('test', temp.dir, [{ file: 'x', text: 'bad' }], [], () => {
          throw new Error('bad data');
        }),
      ).toThrow('bad data');
      expect(existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR).length : 0).toBe(before);
    } finally {
      temp.cleanup();
    }
  });

  it('serves a folder elsewhere with the same files from what the own folder kept, and keeps nothing of it', () => {
    const temp = tempDir();
    const own = join(REPO_ROOT, 'knowledge');
    const kept = existsSync(CACHE_DIR);
    try {
      const files = [{ file: 'x', text: `same ${process.pid}` }];
      const code = [new URL('../helpers/temp.ts', import.meta.url).href];
      expect(cachedData('test-copy', own, files, code, () => ({ made: 'own' }))).toEqual({ made: 'own' });
      // A folder outside the installation with the same files: the kept result, not computed again.
      expect(cachedData('test-copy', temp.dir, files, code, () => ({ made: 'copy' }))).toEqual(kept ? { made: 'own' } : { made: 'copy' });
      // With other files: computed each time, and not kept (the own folder still finds its result).
      let runs = 0;
      const other = () => ({ made: `other ${++runs}` });
      cachedData('test-copy', temp.dir, [{ file: 'x', text: 'other' }], code, other);
      expect(cachedData('test-copy', temp.dir, [{ file: 'x', text: 'other' }], code, other)).toEqual({ made: 'other 2' });
      expect(cachedData('test-copy', own, files, code, () => ({ made: 'again' }))).toEqual(kept ? { made: 'own' } : { made: 'again' });
    } finally {
      temp.cleanup();
      if (kept) for (const file of readdirSync(CACHE_DIR).filter((f) => f.startsWith('test-copy-'))) rmSync(join(CACHE_DIR, file), { force: true });
    }
  });
});
