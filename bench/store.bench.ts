/**
 * Store figures for SQLite and Cosmos DB (the in-memory fake over HTTPS on loopback, or a real
 * account when COSMOS_TEST_ENDPOINT/COSMOS_TEST_KEY are set): writes and point reads per second,
 * read-modify-write updates per second, and the p50/p95 of the weekly-digest query: all 500 actions
 * of one network (one partition), and the open ones only.
 * The fake's figures measure this code and the SDK, not the service: a real account adds roughly
 * 5–10 ms per request in the same region.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ManualClock } from '../src/core/clock.ts';
import { SqliteStore, Store, type DocumentStore } from '../src/store/index.ts';
import { openCosmosStore } from '../src/store/cosmos/cosmos-store.ts';
import { tempDir } from '../test/helpers/temp.ts';
import { openCosmosTestAccount, uniqueDatabase } from '../test/scale/cosmos-account.ts';
import { fmt, percentile, timeAsync } from './util.ts';

const ACTIONS = 500;
const QUERY_RUNS = 40;
const UPDATES = 200;
const NETWORK = 'netwerk-passende-plekken';

async function measure(label: string, docs: DocumentStore, clock: ManualClock): Promise<void> {
  const statuses = ['open', 'open', 'done', 'stuck'];
  const writes = await timeAsync(async () => {
    for (let i = 1; i <= ACTIONS; i++) {
      clock.advance(1000);
      await docs.create('action', NETWORK, String(i), { number: i, title: `Actie ${i}: bel het zorgkantoor`, owner: `lid-${i % 12}`, status: statuses[i % 4], updates: [] });
    }
  });
  // A second network, so the query has to pick its partition.
  for (let i = 1; i <= 50; i++) await docs.create('action', 'ander-netwerk', String(i), { number: i, status: 'open' });
  const reads = await timeAsync(async () => {
    for (let i = 1; i <= ACTIONS; i++) await docs.read('action', NETWORK, String(i));
  });
  const store = new Store(docs, clock);
  const counters = store.collection('counter', z.object({ value: z.number() }));
  const updates = await timeAsync(async () => {
    for (let i = 0; i < UPDATES; i++) await counters.update(NETWORK, 'digest', (cur) => ({ value: (cur?.value ?? 0) + 1 }));
  });
  const all: number[] = [];
  const open: number[] = [];
  let rows = 0;
  for (let run = 0; run < QUERY_RUNS; run++) {
    const a = await timeAsync(() => docs.query('action', { pk: NETWORK }));
    const b = await timeAsync(() => docs.query('action', { pk: NETWORK, where: { status: 'open' } }));
    all.push(a.ms);
    open.push(b.ms);
    rows = a.value.length + b.value.length;
  }
  if (rows !== ACTIONS + ACTIONS / 2) throw new Error(`${label}: the digest query returned ${rows} rows`);
  const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000)}/s`;
  console.log(
    `${label.padEnd(12)} writes ${perSecond(ACTIONS, writes.ms).padStart(8)}  reads ${perSecond(ACTIONS, reads.ms).padStart(8)}  updates ${perSecond(UPDATES, updates.ms).padStart(8)}` +
      `  digest (${ACTIONS} actions) p50 ${fmt(percentile(all, 50))} p95 ${fmt(percentile(all, 95))}` +
      `  open only p95 ${fmt(percentile(open, 95))}`,
  );
}

export async function run(): Promise<void> {
  const temp = tempDir('wegwijs-bench-');
  try {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const sqlite = new SqliteStore(join(temp.dir, 'wegwijs.db'), clock);
    await measure('sqlite', sqlite, clock);
    await sqlite.close();
  } finally {
    temp.cleanup();
  }

  const account = await openCosmosTestAccount();
  const database = uniqueDatabase('bench');
  try {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const cosmos = await openCosmosStore(account.config(database), clock);
    await measure(account.real ? 'cosmos' : 'cosmos-fake', cosmos, clock);
    await cosmos.close();
  } finally {
    await account.drop(database);
    await account.close();
  }
}
