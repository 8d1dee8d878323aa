/**
 * Grouping at the reveal: ideas that say the same are shown once, with how many people had them,
 * so the group sees agreement instead of repetition. "Same" is decided on words, not letters:
 * after folding case and accents and dropping small words, two ideas are one when they have the
 * same words or share at least three quarters of them. The facilitator can merge or split.
 */
import { fold } from '../core/index.ts';
import type { IdeaSession } from './session.ts';

type Idea = IdeaSession['ideas'][number];
type Group = IdeaSession['groups'][number];

const SMALL_WORDS = new Set(
  'de het een en of van voor met aan in op te om bij naar als dan die dat er ook nog wel niet the a an and or of for with to at in on by as is be'.split(' '),
);

function words(text: string): Set<string> {
  return new Set(
    fold(text)
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1 && !SMALL_WORDS.has(w)),
  );
}

function alike(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared) >= 0.75;
}

/** Groups the ideas in the order they came in; numbers run from 1. */
export function groupIdeas(ideas: readonly Idea[]): Group[] {
  const groups: { ideaIds: number[]; text: string; words: Set<string> }[] = [];
  for (const idea of ideas) {
    const w = words(idea.text);
    const same = groups.find((g) => alike(g.words, w));
    if (same) same.ideaIds.push(idea.id);
    else groups.push({ ideaIds: [idea.id], text: idea.text, words: w });
  }
  return groups.map((g, i) => ({ number: i + 1, ideaIds: g.ideaIds, text: g.text }));
}

const renumber = (groups: Omit<Group, 'number'>[]): Group[] => groups.map((g, i) => ({ ...g, number: i + 1 }));

/** Merges the groups with these numbers into the first of them; undefined when a number is unknown. */
export function mergeGroups(groups: readonly Group[], numbers: number[]): Group[] | undefined {
  const chosen = [...new Set(numbers)].map((n) => groups.find((g) => g.number === n));
  if (chosen.length < 2 || chosen.some((g) => !g)) return undefined;
  const [first, ...others] = chosen as Group[];
  const merged = { ...first, ideaIds: [...first.ideaIds, ...others.flatMap((g) => g.ideaIds)] };
  return renumber(groups.filter((g) => !others.includes(g)).map((g) => (g === first ? merged : g)));
}

/** Splits a group back into its ideas (each after the group's place); undefined when there is nothing to split. */
export function splitGroup(groups: readonly Group[], number: number, ideas: readonly Idea[]): Group[] | undefined {
  const group = groups.find((g) => g.number === number);
  if (!group || group.ideaIds.length < 2) return undefined;
  const parts = group.ideaIds.map((id) => ({ ideaIds: [id], text: ideas.find((i) => i.id === id)?.text ?? group.text }));
  return renumber(groups.flatMap((g) => (g === group ? parts : [g])));
}
