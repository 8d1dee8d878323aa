import { describe, expect, it } from 'vitest';
import { choosePair, emptyHistory, recordPair, type PairHistory } from '../../src/actions/index.ts';

function rotate(candidates: string[], weeks: number): ([string, string] | undefined)[] {
  let history: PairHistory = emptyHistory();
  const chosen: ([string, string] | undefined)[] = [];
  for (let i = 0; i < weeks; i++) {
    const pair = choosePair(candidates, history);
    chosen.push(pair);
    history = recordPair(history, pair);
  }
  return chosen;
}

describe('pair rotation', () => {
  it('needs two people', () => {
    expect(choosePair([], emptyHistory())).toBeUndefined();
    expect(choosePair(['anna', 'anna'], emptyHistory())).toBeUndefined();
  });

  it('never invites the same pair twice in a row when another pair is possible', () => {
    const chosen = rotate(['anna', 'bram', 'carla', 'dirk'], 12).map((p) => p!.join('|'));
    for (let i = 1; i < chosen.length; i++) expect(chosen[i]).not.toBe(chosen[i - 1]);
  });

  it('rotates fairly: every pair once before any pair twice, everyone equally often', () => {
    const people = ['anna', 'bram', 'carla', 'dirk'];
    const chosen = rotate(people, 6).map((p) => p!.join('|'));
    expect(new Set(chosen).size).toBe(6);
    const counts = Object.fromEntries(people.map((p) => [p, chosen.filter((c) => c.split('|').includes(p)).length]));
    expect(Object.values(counts)).toEqual([3, 3, 3, 3]);
  });

  it('with two people there is only one pair: it is left out the week after it was invited', () => {
    expect(rotate(['anna', 'bram'], 5).map((p) => p?.join('|'))).toEqual(['anna|bram', undefined, 'anna|bram', undefined, 'anna|bram']);
  });

  it('never repeats last week\'s pair, even when it is the only one left', () => {
    // Four people last week, but only anna and bram still have open actions, and they were last week's pair.
    const history = recordPair(recordPair(emptyHistory(), ['carla', 'dirk']), ['bram', 'anna']);
    expect(choosePair(['anna', 'bram'], history)).toBeUndefined();
    // A third person with an open action makes another pair possible again.
    expect(choosePair(['anna', 'bram', 'carla'], history)).not.toEqual(['anna', 'bram']);
    // A week without a pair clears "last": the next week the pair may be invited again.
    expect(choosePair(['anna', 'bram'], recordPair(history, undefined))).toEqual(['anna', 'bram']);
  });

  it('prefers people who were asked least when the group changes', () => {
    let history = recordPair(emptyHistory(), ['anna', 'bram']);
    history = recordPair(history, ['anna', 'carla']);
    // dirk joins: pairs with dirk are new, and dirk has never been asked.
    const pair = choosePair(['anna', 'bram', 'carla', 'dirk'], history)!;
    expect(pair).toContain('dirk');
    expect(pair).not.toContain('anna');
  });
});
