import { describe, expect, it } from 'vitest';
import { checkKnowledge, loadCards } from '../../src/ask/index.ts';
import { cardsKey, readCachedCards } from '../../src/ask/card-cache.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/core/index.ts';

describe('the card cache', () => {
  it('gives the cards a full read gives, also when they come from the cache', () => {
    const full = checkKnowledge(DEFAULT_KNOWLEDGE_DIR).cards;
    expect(loadCards(DEFAULT_KNOWLEDGE_DIR)).toEqual(full);
    // The second load may come from the cache the first one wrote.
    expect(loadCards(DEFAULT_KNOWLEDGE_DIR)).toEqual(full);
  });

  it('is keyed by every file name and content: any change is a miss', () => {
    const files = [
      { file: 'cards/a.md', text: 'one' },
      { file: 'cards/b.md', text: 'two' },
    ];
    const key = cardsKey(files);
    expect(cardsKey(files.map((f) => ({ ...f })))).toBe(key);
    expect(cardsKey([files[0], { ...files[1], text: 'two!' }])).not.toBe(key);
    expect(cardsKey([files[0], { ...files[1], file: 'cards/c.md' }])).not.toBe(key);
    expect(cardsKey([files[0]])).not.toBe(key);
    expect(readCachedCards(DEFAULT_KNOWLEDGE_DIR, key)).toBeUndefined();
  });
});
