/**
 * The search index from the start-up cache answers exactly as one built from the cards: the same
 * ranking, scores and confidence for questions of every kind, Dutch and English.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/core/index.ts';
import { loadSynonyms } from '../../src/ask/analyze.ts';
import { loadCards } from '../../src/ask/knowledge.ts';
import { Retriever } from '../../src/ask/retriever.ts';

describe('the retriever from its cached state', () => {
  it('ranks, scores and judges confidence exactly as the one it was taken from', () => {
    const cards = loadCards(DEFAULT_KNOWLEDGE_DIR);
    const synonyms = loadSynonyms(DEFAULT_KNOWLEDGE_DIR);
    const built = new Retriever(cards, synonyms);
    // Through JSON, as the cache file keeps it.
    const restored = new Retriever(cards, synonyms, JSON.parse(JSON.stringify(built.state())));
    const questions = [
      'wat is meerzorg',
      'Wie heeft de zorgplicht als geen aanbieder mijn cliënt wil opnemen?',
      'hoe lang mag logeeropvang duren in de wlz',
      'What does the care office have to do when no provider accepts my client?',
      'verschil tussen dossierhouder en casusregisseur',
      'pgb familie',
      'xyz qqq',
    ];
    for (const q of questions) expect(restored.retrieve(q)).toEqual(built.retrieve(q));
  });
});
