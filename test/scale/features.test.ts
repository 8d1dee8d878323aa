/**
 * The features on three instances that share one store (a SQLite file, or Cosmos DB): the weekly
 * nudge is posted once when every instance's scheduler ticks at 09:00, and a deliberation session
 * that two people move on two instances at the same moment ends in one consistent state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { clusterFactory, type Backend, type Cluster, type ClusterFactory } from './instances.ts';

const isNudge = (o: ConsoleOutput) => o.channel === 'c1' && !o.private && !o.update && o.text.startsWith('**Wekelijkse voortgang');
const newCards = (outs: ConsoleOutput[], prefix: string) => outs.filter((o) => !o.update && o.card?.title?.startsWith(prefix));

describe.each<Backend>(['sqlite', 'cosmos'])('features on three instances sharing one %s store', (backend) => {
  let factory: ClusterFactory;
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    factory = await clusterFactory(backend);
  });
  afterAll(async () => {
    await factory?.close();
  });
  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
  });

  it('posts the weekly nudge once when all three schedulers tick at 09:00', async () => {
    cluster = await factory.start({ start: '2027-03-15T10:00:00+01:00' });
    const [a, b, c] = cluster.instances;
    await a.send({ user: 'anna', channel: 'c1', text: 'wegwijs netwerk start "Passende plekken"' });
    cluster.clock.set('2027-03-16T10:00:00+01:00');
    const [card] = await b.send({ user: 'bram', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor over het MDO voor vrijdag' });
    expect(card.card?.title).toBe('#1 Bel het zorgkantoor over het MDO');
    const [second] = await c.send({ user: 'carla', channel: 'c1', text: 'wegwijs actie Zoek een logeerplek voor 26 maart' });
    expect(second.card?.title).toMatch(/^#2 /);

    const tickAll = async (time: string) => {
      const before = cluster!.outputs().length;
      cluster!.clock.set(time);
      await Promise.all(cluster!.instances.map((i) => i.app.bot.tick()));
      return cluster!.outputs().slice(before);
    };
    expect((await tickAll('2027-03-22T07:59:00Z')).filter(isNudge)).toEqual([]);
    const monday = await tickAll('2027-03-22T08:00:00Z');
    expect(monday.filter(isNudge)).toHaveLength(1);
    expect(monday.filter(isNudge)[0].text).toContain('Bel het zorgkantoor');
    // Every instance keeps ticking; none sends that week again.
    expect((await tickAll('2027-03-22T08:00:30Z')).filter(isNudge)).toEqual([]);
    expect((await tickAll('2027-03-22T12:00:00Z')).filter(isNudge)).toEqual([]);
    // The next week is again sent once (Monday 29 March is Easter Monday: on Tuesday, 09:00 CEST).
    expect((await tickAll('2027-03-30T07:00:00Z')).filter(isNudge)).toHaveLength(1);
  });

  it('moves a deliberation session once when two people press "next" on two instances at once', async () => {
    cluster = await factory.start({ start: '2026-11-23T09:00:00+01:00' });
    const [a, b, c] = cluster.instances;
    const pk = 'console:local:c1';
    await a.app.store.networks.put(pk, pk, {
      id: pk, platform: 'console', tenantId: 'local', channelId: 'c1', name: 'c1', timeZone: 'Europe/Amsterdam', language: 'nl',
      schedule: '0 9 * * 1', facilitators: ['fleur'], status: 'active', createdAt: '2026-11-01T00:00:00Z', createdBy: 'fleur',
    });
    const opened = await a.send({ user: 'anna', channel: 'c1', text: 'wegwijs beraad start kort' });
    const opening = opened.find((o) => o.card?.title?.startsWith('Moreel beraad'));
    expect(opening).toBeDefined();
    const thread = opening!.id;

    const before = cluster.outputs().length;
    // anna (who leads the session) on instance b and fleur (a network facilitator) on instance c.
    await Promise.all([
      b.send({ user: 'anna', channel: 'c1', action: { id: 'deliberate.next', value: { s: thread, i: 0 } } }),
      c.send({ user: 'fleur', channel: 'c1', action: { id: 'deliberate.next', value: { s: thread, i: 0 } } }),
    ]);
    const after = cluster.outputs().slice(before);
    expect(newCards(after, 'Stap 2 van 7')).toHaveLength(1);
    expect(newCards(after, 'Stap 3')).toHaveLength(0);
    expect(after.filter((o) => o.private).map((o) => o.text).join()).toMatch(/eerdere stap/);
    const stored = await a.app.store.docs.read<{ step: number }>('deliberation', pk, thread);
    expect(stored?.data.step).toBe(1);
  });
});
