/**
 * The knowledge base's topics of a text (the `KnowledgeTopicsPort`): the cards' `topics` tags and
 * the synonym groups of `synonyms.yaml`, read with the same analyser as the questions (folded,
 * stemmed words, whole words and phrases only). "persoonsgebonden budget", "PGB" and "pgb's" all
 * give "pgb"; "zorgplichtig" gives nothing, unlike a substring match on "zorgplicht".
 */
import { z } from 'zod';
import type { KnowledgeTopicsPort } from '../core/index.ts';
import { stems, words } from './analyze.ts';
import { readDataFile } from './data-file.ts';
import type { KnowledgeCard } from './knowledge.ts';

const SynonymGroupsSchema = z.object({
  groups: z.array(z.array(z.string().min(1))).default([]),
  abbreviations: z.record(z.string(), z.string()).default({}),
});

/** One phrase as a lookup key: its words, each by its first (Dutch) stem. */
function key(phrase: string): string {
  return words(phrase)
    .filter((w) => !w.includes('-'))
    .map((w) => stems(w)[0])
    .join(' ');
}

/** The canonical name of a tag: its folded words ("passende-plek" → "passende plek"). */
function canonical(tag: string): string {
  return words(tag).filter((w) => !w.includes('-')).join(' ');
}

/**
 * The port. Its index is built when a text is first looked up (a question passed to peers, an
 * expertise tag), not at start: stemming every tag and synonym cost `serve` some 100 ms before it
 * could listen, for a lookup many runs never make.
 */
export function createKnowledgeTopics(cards: readonly KnowledgeCard[], knowledgeDir: string): KnowledgeTopicsPort {
  let built: { index: Map<string, string>; maxWords: number } | undefined;
  return {
    topicsOf(text: string): string[] {
      built ??= buildIndex(cards, knowledgeDir);
      return topicsIn(text, built.index, built.maxWords);
    },
  };
}

function buildIndex(cards: readonly KnowledgeCard[], knowledgeDir: string): { index: Map<string, string>; maxWords: number } {
  const topics = new Map<string, string>();
  for (const card of cards) for (const tag of card.topics) if (key(tag)) topics.set(key(tag), canonical(tag));
  const index = new Map(topics);
  const synonyms = readDataFile(knowledgeDir, 'synonyms.yaml', SynonymGroupsSchema);
  for (const group of synonyms.groups) {
    // A group names one topic: the card tag among its members, else its first member.
    const named = group.map((m) => topics.get(key(m))).find(Boolean) ?? canonical(group[0]);
    for (const member of group) if (key(member) && !index.has(key(member))) index.set(key(member), named);
  }
  for (const [short, long] of Object.entries(synonyms.abbreviations)) {
    const target = index.get(key(long));
    if (target && key(short) && !index.has(key(short))) index.set(key(short), target);
  }
  return { index, maxWords: Math.max(1, ...[...index.keys()].map((k) => k.split(' ').length)) };
}

function topicsIn(text: string, index: Map<string, string>, maxWords: number): string[] {
  const terms = words(text)
    .filter((w) => !w.includes('-'))
    .map((w) => stems(w)[0]);
  const found = new Set<string>();
  // Longest phrase first at each position: "passende plek" is one topic, not "plek" too.
  for (let i = 0; i < terms.length; ) {
    let step = 1;
    for (let n = Math.min(maxWords, terms.length - i); n >= 1; n--) {
      const topic = index.get(terms.slice(i, i + n).join(' '));
      if (topic) {
        found.add(topic);
        step = n;
        break;
      }
    }
    i += step;
  }
  return [...found];
}
