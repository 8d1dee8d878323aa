/** The knowledge base's topics of a text (the port the peers feature matches knowers with). */
import { describe, expect, it } from 'vitest';
import { loadCards } from '../../src/ask/index.ts';
import { createKnowledgeTopics } from '../../src/ask/topics.ts';
import { parseTags } from '../../src/peers/knowers.ts';
import { KNOWLEDGE_DIR } from './helpers.ts';

const topics = createKnowledgeTopics(loadCards(KNOWLEDGE_DIR), KNOWLEDGE_DIR);

describe('knowledge topics', () => {
  it('reads tags, synonyms and abbreviations as one topic', () => {
    expect(topics.topicsOf('pgb')).toEqual(['pgb']);
    expect(topics.topicsOf('Hoe regel ik een persoonsgebonden budget?')).toContain('pgb');
    expect(topics.topicsOf('PGB')).toEqual(topics.topicsOf('pgb'));
    expect(topics.topicsOf('extra zorg bovenop het profiel')).toContain('meerzorg');
    expect(topics.topicsOf('Wie is de Wlz-uitvoerder?')).toContain('zorgkantoor');
  });

  it('matches whole words, not parts of words', () => {
    for (const t of topics.topicsOf('wlzachtig pgbx meerzorgen')) expect(['wlz', 'pgb']).not.toContain(t);
    expect(topics.topicsOf('Welke aanbieder heeft plek in Twente?')).not.toContain('pgb');
    expect(topics.topicsOf('')).toEqual([]);
  });

  it('splits what a member types into tags', () => {
    expect(parseTags('pgb, meerzorg en wlz; NAH')).toEqual(['pgb', 'meerzorg', 'wlz', 'NAH']);
    expect(parseTags('pgb, PGB, pgb.')).toEqual(['pgb']);
    expect(parseTags(',,,')).toEqual([]);
  });
});
