/**
 * Which two members are invited to ask each other how it goes this week. Fair rotation: the pair
 * that met least often, then the people asked least often; never last week's pair again. When last
 * week's pair is the only one possible (two people with open actions), no pair is invited that
 * week. Pure, so it is easy to test.
 */

export interface PairHistory {
  /** The pair of the last nudge, as sorted ids. */
  last?: [string, string];
  /** How often each pair ("a|b", sorted) was invited. */
  pairs: Record<string, number>;
  /** How often each person was in an invited pair. */
  people: Record<string, number>;
}

export const emptyHistory = (): PairHistory => ({ pairs: {}, people: {} });

export function pairKey(a: string, b: string): string {
  return [a, b].sort().join('|');
}

/**
 * The next pair from the candidates (members with open actions); undefined with fewer than two,
 * or when the only possible pair is last week's.
 */
export function choosePair(candidates: string[], history: PairHistory): [string, string] | undefined {
  const people = [...new Set(candidates)].sort();
  if (people.length < 2) return undefined;
  const all: [string, string][] = [];
  for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) all.push([people[i], people[j]]);
  const lastKey = history.last ? pairKey(...history.last) : undefined;
  const allowed = all.filter((p) => pairKey(...p) !== lastKey);
  if (!allowed.length) return undefined;
  const score = (p: [string, string]) => [
    history.pairs[pairKey(...p)] ?? 0,
    (history.people[p[0]] ?? 0) + (history.people[p[1]] ?? 0),
    Math.max(history.people[p[0]] ?? 0, history.people[p[1]] ?? 0),
  ];
  return [...allowed].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] - sb[i];
    return pairKey(...a).localeCompare(pairKey(...b));
  })[0];
}

/** The history after a pair was invited. */
export function recordPair(history: PairHistory, pair: [string, string] | undefined): PairHistory {
  if (!pair) return { ...history, last: undefined };
  const key = pairKey(...pair);
  const sorted = key.split('|') as [string, string];
  return {
    last: sorted,
    pairs: { ...history.pairs, [key]: (history.pairs[key] ?? 0) + 1 },
    people: { ...history.people, [pair[0]]: (history.people[pair[0]] ?? 0) + 1, [pair[1]]: (history.people[pair[1]] ?? 0) + 1 },
  };
}
