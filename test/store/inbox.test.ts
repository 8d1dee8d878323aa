/**
 * The inbox (acknowledged means kept): a kept request runs once, is taken over by another
 * instance when its worker died, keeps no readable payload, and gives up after repeated failures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/core/index.ts';
import { Inbox, INBOX_KIND, SqliteStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers/temp.ts';

const temp = tempDir();
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function open(name: string, clock: ManualClock): SqliteStore {
  const store = new SqliteStore(join(temp.dir, `${name}.db`), clock);
  stores.push(store);
  return store;
}

const quiet = { warn: () => {}, error: () => {} };

describe('inbox', () => {
  it('runs a kept request once after the ack and drops a retry with the same id', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const docs = open('once', clock);
    const inbox = new Inbox(docs, clock, { secret: 's', log: quiet });
    const seen: unknown[] = [];
    inbox.on('slack', async (payload) => void seen.push(payload));
    expect(await inbox.receive('slack', 'Ev1', { text: 'hallo' })).toBe(true);
    inbox.run('slack', 'Ev1', { text: 'hallo' });
    await inbox.idle();
    expect(await inbox.receive('slack', 'Ev1', { text: 'hallo' })).toBe(false);
    await inbox.idle();
    expect(seen).toEqual([{ text: 'hallo' }]);
    const record = await docs.read<{ state: string; payload?: string }>(INBOX_KIND, 'slack', 'Ev1');
    expect(record?.data.state).toBe('done');
    expect(record?.data.payload).toBeUndefined();
  });

  it('keeps the payload encrypted while it waits', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const docs = open('sealed', clock);
    const inbox = new Inbox(docs, clock, { secret: 'signing-secret', log: quiet });
    await inbox.receive('teams', 'a1', { text: 'mevrouw Jansen belt 0612345678' });
    const raw = JSON.stringify((await docs.read(INBOX_KIND, 'teams', 'a1'))?.data);
    expect(raw).not.toContain('Jansen');
    expect(raw).not.toContain('0612345678');
    expect(readFileSync(join(temp.dir, 'sealed.db-wal')).includes('Jansen')).toBe(false);
  });

  it('lets another instance take over a request whose worker died, once, after the lease', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const file = 'shared';
    const dead = new Inbox(open(file, clock), clock, { secret: 's', log: quiet, leaseSeconds: 10 });
    // Received and acknowledged, then the process died before running it.
    await dead.receive('slack', 'Ev2', { n: 2 });
    const runs: string[] = [];
    const instances = [0, 1, 2].map((i) => {
      const inbox = new Inbox(open(file, clock), clock, { secret: 's', log: quiet, leaseSeconds: 10 });
      inbox.on('slack', async () => void runs.push(`instance ${i}`));
      return inbox;
    });
    expect(await Promise.all(instances.map((i) => i.resume()))).toEqual([0, 0, 0]);
    clock.advance(11_000);
    const taken = await Promise.all(instances.map((i) => i.resume()));
    await Promise.all(instances.map((i) => i.idle()));
    expect(taken.reduce((a, b) => a + b, 0)).toBe(1);
    expect(runs).toHaveLength(1);
    clock.advance(60_000);
    expect(await Promise.all(instances.map((i) => i.resume()))).toEqual([0, 0, 0]);
  });

  it('tries a failing request again and gives it up after the last attempt', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const docs = open('failing', clock);
    const errors: string[] = [];
    const inbox = new Inbox(docs, clock, { secret: 's', leaseSeconds: 10, maxAttempts: 3, log: { warn: () => {}, error: (_d, m) => void errors.push(m) } });
    let calls = 0;
    inbox.on('slack', async () => {
      calls++;
      throw new Error('store down');
    });
    await inbox.receive('slack', 'Ev3', {});
    inbox.run('slack', 'Ev3', {});
    await inbox.idle();
    for (let i = 0; i < 4; i++) {
      clock.advance(11_000);
      await inbox.resume();
      await inbox.idle();
    }
    expect(calls).toBe(3);
    expect((await docs.read<{ state: string }>(INBOX_KIND, 'slack', 'Ev3'))?.data.state).toBe('done');
    expect(errors).toContain('inbox request given up after repeated failures');
  });

  it('works on a limited number of requests at once; the others wait their turn', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const inbox = new Inbox(open('limit', clock), clock, { secret: 's', log: quiet, maxConcurrent: 2 });
    let running = 0;
    let most = 0;
    inbox.on('slack', async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    });
    for (let i = 0; i < 8; i++) {
      await inbox.receive('slack', `Ev${i}`, { i });
      inbox.run('slack', `Ev${i}`, { i });
    }
    await inbox.idle();
    expect(most).toBe(2);
  });

  it('renews the lease of a request that waited for its turn only once a third of the lease has gone', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const store = open('renew', clock);
    const inbox = new Inbox(store, clock, { secret: 's', log: quiet, maxConcurrent: 1, leaseSeconds: 30 });
    const replace = vi.spyOn(store, 'replace');
    const ran: number[] = [];
    let waitFor = 0;
    inbox.on('slack', async (payload) => {
      // The first request of each pair holds the only slot while the clock moves on.
      clock.advance(waitFor);
      ran.push((payload as { i: number }).i);
    });
    const pair = async (first: number, ms: number) => {
      waitFor = ms;
      await inbox.receive('slack', `Ev${first}`, { i: first });
      await inbox.receive('slack', `Ev${first + 1}`, { i: first + 1 });
      inbox.run('slack', `Ev${first}`, { i: first });
      inbox.run('slack', `Ev${first + 1}`, { i: first + 1 });
      await inbox.idle();
    };
    // Waited 5 s of a 30 s lease: two thirds still held, nobody else can take it; no write.
    await pair(0, 5_000);
    expect(replace).not.toHaveBeenCalled();
    // Waited 11 s: renewed on its eTag before it runs, as a running request would have been.
    await pair(2, 11_000);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace.mock.calls[0][2]).toBe('Ev3');
    expect(ran).toEqual([0, 1, 2, 3]);
  });
});
