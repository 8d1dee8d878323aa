/**
 * The store contract: what every DocumentStore backend must do. The SQLite store's run of this
 * suite is the spec the others (Cosmos DB) must satisfy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/index.ts';
import { Store, type DocumentStore } from '../../src/store/index.ts';
import { z } from 'zod';

export interface ContractTarget {
  docs: DocumentStore;
  clock: ManualClock;
  close: () => Promise<void>;
  /** A second, independent connection to the same data (another process or instance). */
  openAnother?: () => Promise<DocumentStore>;
}

export interface ContractOptions {
  /** False when the backend cannot move its expiry with the injected clock. */
  clockDrivenTtl?: boolean;
}

export function describeStoreContract(name: string, open: () => Promise<ContractTarget>, options: ContractOptions = {}): void {
  describe(`store contract: ${name}`, () => {
    let target: ContractTarget;
    let docs: DocumentStore;
    beforeEach(async () => {
      target = await open();
      docs = target.docs;
    });
    afterEach(async () => {
      await target.close();
    });

    it('reads what it created, and absent records as undefined', async () => {
      const created = await docs.create('network', 'n1', 'n1', { name: 'Passende plekken', count: 1 });
      expect(created.etag).toBeTruthy();
      const read = await docs.read<{ name: string }>('network', 'n1', 'n1');
      expect(read?.data.name).toBe('Passende plekken');
      expect(read?.etag).toBe(created.etag);
      expect(await docs.read('network', 'n1', 'nope')).toBeUndefined();
      expect(await docs.read('network', 'other-partition', 'n1')).toBeUndefined();
    });

    it('refuses to create a record that exists', async () => {
      await docs.create('action', 'n1', '1', { title: 'a' });
      await expect(docs.create('action', 'n1', '1', { title: 'b' })).rejects.toMatchObject({ code: 'wegwijs_store_conflict' });
      expect((await docs.read<{ title: string }>('action', 'n1', '1'))?.data.title).toBe('a');
    });

    it('keeps kinds and partitions apart', async () => {
      await docs.create('action', 'n1', '1', { v: 'action' });
      await docs.create('member', 'n1', '1', { v: 'member' });
      await docs.create('action', 'n2', '1', { v: 'other network' });
      expect((await docs.read<{ v: string }>('action', 'n1', '1'))?.data.v).toBe('action');
      expect((await docs.read<{ v: string }>('member', 'n1', '1'))?.data.v).toBe('member');
      expect((await docs.read<{ v: string }>('action', 'n2', '1'))?.data.v).toBe('other network');
    });

    it('replaces only with the current eTag', async () => {
      const first = await docs.create('action', 'n1', '1', { status: 'open' });
      const second = await docs.replace('action', 'n1', '1', { status: 'done' }, { ifMatch: first.etag });
      expect(second.etag).not.toBe(first.etag);
      await expect(docs.replace('action', 'n1', '1', { status: 'stuck' }, { ifMatch: first.etag })).rejects.toMatchObject({ code: 'wegwijs_store_conflict' });
      expect((await docs.read<{ status: string }>('action', 'n1', '1'))?.data.status).toBe('done');
      await expect(docs.replace('action', 'n1', 'missing', { status: 'x' }, { ifMatch: first.etag })).rejects.toMatchObject({ code: 'wegwijs_store_conflict' });
    });

    it('upserts whether or not the record exists', async () => {
      await docs.upsert('user', 't1', 'anna', { language: 'nl' });
      await docs.upsert('user', 't1', 'anna', { language: 'en' });
      expect((await docs.read<{ language: string }>('user', 't1', 'anna'))?.data.language).toBe('en');
    });

    it('deletes, and with an old eTag refuses to', async () => {
      const doc = await docs.create('conversation', 't1', 'c1', { name: 'x' });
      await docs.upsert('conversation', 't1', 'c1', { name: 'y' });
      await expect(docs.delete('conversation', 't1', 'c1', { ifMatch: doc.etag })).rejects.toMatchObject({ code: 'wegwijs_store_conflict' });
      expect(await docs.delete('conversation', 't1', 'c1')).toBe(true);
      expect(await docs.delete('conversation', 't1', 'c1')).toBe(false);
      expect(await docs.read('conversation', 't1', 'c1')).toBeUndefined();
    });

    it('queries one partition, with equality filters and a limit', async () => {
      for (let i = 1; i <= 5; i++) {
        target.clock.advance(1000);
        await docs.create('action', 'n1', String(i), { number: i, status: i % 2 ? 'open' : 'done', owner: i < 3 ? 'anna' : 'bram', urgent: i === 5 });
      }
      await docs.create('action', 'n2', '1', { number: 1, status: 'open', owner: 'anna', urgent: false });
      expect((await docs.query('action', { pk: 'n1' })).map((d) => d.id)).toEqual(['1', '2', '3', '4', '5']);
      expect((await docs.query<{ number: number }>('action', { pk: 'n1', where: { status: 'open' } })).map((d) => d.data.number)).toEqual([1, 3, 5]);
      expect((await docs.query('action', { pk: 'n1', where: { status: 'open', owner: 'anna' } })).map((d) => d.id)).toEqual(['1']);
      expect((await docs.query('action', { pk: 'n1', where: { urgent: true } })).map((d) => d.id)).toEqual(['5']);
      expect(await docs.query('action', { pk: 'n1', limit: 2 })).toHaveLength(2);
      expect(await docs.query('action', { pk: 'n1', where: { status: 'nope' } })).toEqual([]);
    });

    it('queries across partitions when no partition is given', async () => {
      await docs.create('action', 'n1', '1', { owner: 'anna' });
      await docs.create('action', 'n2', '7', { owner: 'anna' });
      await docs.create('action', 'n3', '2', { owner: 'bram' });
      const mine = await docs.query('action', { where: { owner: 'anna' } });
      expect(mine.map((d) => `${d.pk}/${d.id}`).sort()).toEqual(['n1/1', 'n2/7']);
    });

    it('stores text with odd Unicode unchanged', async () => {
      const text = 'Cliënt “test” — 🙂 مرحبا \u200f ñ 日本 \\ \' " %';
      await docs.create('feedback', 'f', '1', { text });
      expect((await docs.read<{ text: string }>('feedback', 'f', '1'))?.data.text).toBe(text);
    });

    it.runIf(options.clockDrivenTtl !== false)('treats expired records as absent, and lets them be created again', async () => {
      await docs.create('event', 'slack', 'Ev1', { at: 'x' }, { ttlSeconds: 60 });
      await expect(docs.create('event', 'slack', 'Ev1', { at: 'y' }, { ttlSeconds: 60 })).rejects.toMatchObject({ code: 'wegwijs_store_conflict' });
      target.clock.advance(61_000);
      expect(await docs.read('event', 'slack', 'Ev1')).toBeUndefined();
      expect(await docs.query('event', { pk: 'slack' })).toEqual([]);
      await docs.create('event', 'slack', 'Ev1', { at: 'z' }, { ttlSeconds: 60 });
      expect((await docs.read<{ at: string }>('event', 'slack', 'Ev1'))?.data.at).toBe('z');
    });

    it('lets exactly one of two writers racing on one record win', async () => {
      const other = target.openAnother ? await target.openAnother() : docs;
      try {
        const base = await docs.create('deliberation', 'n1', 's1', { step: 0 });
        const results = await Promise.allSettled([
          docs.replace('deliberation', 'n1', 's1', { step: 1, by: 'anna' }, { ifMatch: base.etag }),
          other.replace('deliberation', 'n1', 's1', { step: 1, by: 'bram' }, { ifMatch: base.etag }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(loser.reason).toMatchObject({ code: 'wegwijs_store_conflict' });
        const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ data: { by: string } }>).value;
        expect((await docs.read<{ by: string }>('deliberation', 'n1', 's1'))?.data.by).toBe(winner.data.by);
      } finally {
        if (other !== docs) await other.close();
      }
    });

    it('loses no update when many writers update through the typed layer', async () => {
      const store = new Store(docs, target.clock);
      const other = target.openAnother ? new Store(await target.openAnother(), target.clock) : store;
      try {
        const list = store.collection('counter', z.object({ items: z.array(z.string()) }));
        const list2 = other.collection('counter', z.object({ items: z.array(z.string()) }));
        await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 ? list2 : list).update('n1', 'list', (cur) => ({ items: [...(cur?.items ?? []), `w${i}`] }))),
        );
        expect((await list.get('n1', 'list'))?.data.items.sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
        const numbers = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? other : store).nextNumber('n1', 'action')));
        expect(numbers.sort()).toEqual([1, 2, 3, 4, 5]);
      } finally {
        if (other !== store) await other.close();
      }
    });

    it('claims once, and leases exclusively until they expire', async () => {
      const store = new Store(docs, target.clock);
      expect(await store.claimOnce('nudge', 'n1:2026-W48')).toBe(true);
      expect(await store.claimOnce('nudge', 'n1:2026-W48')).toBe(false);
      expect(await store.claimOnce('nudge', 'n1:2026-W49')).toBe(true);
      expect(await store.acquireLease('scheduler', 'instance-a', 30)).toBe(true);
      expect(await store.acquireLease('scheduler', 'instance-b', 30)).toBe(false);
      expect(await store.acquireLease('scheduler', 'instance-a', 30)).toBe(true);
      target.clock.advance(31_000);
      expect(await store.acquireLease('scheduler', 'instance-b', 30)).toBe(true);
      await store.releaseLease('scheduler', 'instance-b');
      expect(await store.acquireLease('scheduler', 'instance-a', 30)).toBe(true);
    });
  });
}
