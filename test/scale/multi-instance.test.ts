/**
 * Three Wegwijs instances on one shared store behave as one bot. These are the store guarantees
 * the features build on: a weekly nudge claimed once, a Slack retry landing on another instance
 * processed once, the scheduler lease held by one instance, no lost updates when people act at
 * the same moment on different instances, and unique action numbers. Each runs on a shared SQLite
 * file and on a shared Cosmos DB account (the fake, or a real one with COSMOS_TEST_ENDPOINT).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Store } from '../../src/store/index.ts';
import { clusterFactory, type Backend, type Cluster, type ClusterFactory } from './instances.ts';

describe.each<Backend>(['sqlite', 'cosmos'])('three instances on one %s store', (backend) => {
  // One cluster per backend, without features (these are the store guarantees); each test uses its own ids.
  let factory: ClusterFactory;
  let cluster: Cluster;
  let stores: Store[];
  beforeAll(async () => {
    factory = await clusterFactory(backend);
    cluster = await factory.start({ features: () => [] });
    stores = cluster.instances.map((i) => i.app.store);
  });
  afterAll(async () => {
    await cluster?.close();
    await factory?.close();
  });
  const expectShared = () => {
    expect(cluster.instances.map((i) => i.app.services.config.store.kind)).toEqual([backend, backend, backend]);
  };

  it('claims each weekly nudge on exactly one instance', async () => {
    expectShared();
    for (const week of ['2026-W47', '2026-W48', '2026-W49']) {
      const claims = await Promise.all(stores.map((s) => s.claimOnce('nudge', `n1:${week}`, 8 * 24 * 3600)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
    // A retry of the same week, later, on any instance: still claimed.
    cluster.clock.advance(3600_000);
    expect(await Promise.all(stores.map((s) => s.claimOnce('nudge', 'n1:2026-W48', 8 * 24 * 3600)))).toEqual([false, false, false]);
  });

  it('processes a Slack event retry that lands on another instance once', async () => {
    expectShared();
    const processed: string[] = [];
    const receive = async (instance: number, eventId: string) => {
      if (await stores[instance].claimOnce('slack-event', eventId, 3600)) processed.push(`${eventId}@${instance}`);
    };
    // Slack retries after 3 s when the first delivery is slow: the retry goes to another instance,
    // sometimes while the first is still busy.
    await Promise.all([receive(0, 'Ev1'), receive(1, 'Ev1'), receive(2, 'Ev2')]);
    await receive(2, 'Ev1');
    await receive(0, 'Ev2');
    expect(processed.map((p) => p.split('@')[0]).sort()).toEqual(['Ev1', 'Ev2']);
  });

  it('gives the scheduler lease to one instance at a time, and to another when it lapses', async () => {
    expectShared();
    const owners = ['instance-0', 'instance-1', 'instance-2'];
    const first = await Promise.all(stores.map((s, i) => s.acquireLease('scheduler', owners[i], 60)));
    expect(first.filter(Boolean)).toHaveLength(1);
    const holder = first.indexOf(true);
    // The holder renews; the others keep trying and fail.
    cluster.clock.advance(30_000);
    const renew = await Promise.all(stores.map((s, i) => s.acquireLease('scheduler', owners[i], 60)));
    expect(renew.map((r, i) => (i === holder ? r : !r))).toEqual([true, true, true]);
    // The holder stops (crash, scale-in): after the lease runs out exactly one other takes over.
    cluster.clock.advance(61_000);
    const others = stores.map((s, i) => (i === holder ? Promise.resolve(false) : s.acquireLease('scheduler', owners[i], 60)));
    const takeover = await Promise.all(others);
    expect(takeover.filter(Boolean)).toHaveLength(1);
    expect(takeover[holder]).toBe(false);
  });

  it('loses no update when people act on different instances at the same moment', async () => {
    expectShared();
    const Tally = z.object({ count: z.number(), by: z.array(z.string()) });
    const tallies = stores.map((s) => s.collection('counter', Tally));
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      // Two writers per instance, six in all, per round.
      await Promise.all(
        tallies.flatMap((t, i) =>
          [0, 1].map((w) => t.update('n1', 'tally', (cur) => ({ count: (cur?.count ?? 0) + 1, by: [...(cur?.by ?? []), `r${round}i${i}w${w}`] }))),
        ),
      );
    }
    const final = await tallies[2].get('n1', 'tally');
    expect(final?.data.count).toBe(rounds * 6);
    expect(new Set(final?.data.by).size).toBe(rounds * 6);
  });

  it('moves a deliberation session once when two people press "next" at the same moment', async () => {
    expectShared();
    const Session = z.object({ step: z.number(), log: z.array(z.string()) });
    const sessions = stores.map((s) => s.collection('deliberation', Session));
    await sessions[0].create('n1', 's1', { step: 0, log: [] });
    // A button carries the step it was shown on: pressing "next" on step 0 twice moves to step 1.
    const next = (instance: number, shownStep: number, who: string) =>
      sessions[instance].update('n1', 's1', (cur) => (cur && cur.step === shownStep ? { step: cur.step + 1, log: [...cur.log, who] } : undefined));
    await Promise.all([next(0, 0, 'anna'), next(1, 0, 'bram'), next(2, 0, 'cees')]);
    const after = await sessions[1].get('n1', 's1');
    expect(after?.data.step).toBe(1);
    expect(after?.data.log).toHaveLength(1);
    // Two different changes at the same moment (both land, one after the other).
    const note = (instance: number, who: string) => sessions[instance].update('n1', 's1', (cur) => cur && { ...cur, log: [...cur.log, who] });
    await Promise.all([note(0, 'dirk'), note(2, 'eva')]);
    expect((await sessions[0].get('n1', 's1'))?.data.log.slice(1).sort()).toEqual(['dirk', 'eva']);
  });

  it('numbers actions uniquely and without gaps across instances', async () => {
    expectShared();
    const numbers: number[] = [];
    for (let round = 0; round < 3; round++) {
      numbers.push(...(await Promise.all(stores.flatMap((s) => [s.nextNumber('n1', 'action'), s.nextNumber('n1', 'action')]))));
    }
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    // Another network has its own sequence.
    expect(await stores[1].nextNumber('n2', 'action')).toBe(1);
  });
});
