/**
 * The store contract against Cosmos DB: the in-memory fake by default, a real account when
 * COSMOS_TEST_ENDPOINT (and COSMOS_TEST_KEY) are set.
 *
 * What the fake cannot show, and so is not checked here against it:
 * - that the service itself deletes items whose `ttl` ran out (the fake has no TTL; expiry is
 *   checked through `expiresAt` and the injected clock, which the real service run also covers);
 * - that a partition-key query reads only one physical partition (the fake ignores the option;
 *   the SQL filters on `c.pk` as well, so results are right either way);
 * - request-unit charges and throttling (429) retries.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/core/index.ts';
import { Store } from '../../src/store/index.ts';
import { CONTAINER_DEFINITION, openCosmosStore } from '../../src/store/cosmos/cosmos-store.ts';
import { buildQuery, itemId, TTL_GRACE_SECONDS, toItem } from '../../src/store/cosmos/cosmos-items.ts';
import { openCosmosTestAccount, uniqueDatabase, type CosmosTestAccount } from '../scale/cosmos-account.ts';
import { describeStoreContract } from './contract.ts';

let account: CosmosTestAccount;
beforeAll(async () => {
  account = await openCosmosTestAccount();
  if (!account.real) console.info('cosmos.test: against the in-memory fake; TTL expiry by the service itself is not checkable against it');
});
afterAll(async () => {
  await account?.close();
});

describeStoreContract('cosmos', async () => {
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const database = uniqueDatabase('contract');
  const config = account.config(database);
  const docs = await openCosmosStore(config, clock);
  return {
    docs,
    clock,
    openAnother: () => openCosmosStore(config, clock),
    close: async () => {
      await docs.close();
      await account.drop(database);
    },
  };
});

describe('cosmos store specifics', () => {
  it('keeps ids Cosmos forbids (/ \\ ? #) and very long ids apart and intact', async () => {
    const database = uniqueDatabase('ids');
    const docs = await openCosmosStore(account.config(database), new ManualClock('2026-11-23T08:00:00Z'));
    try {
      const ids = ['a/b', 'a%2Fb', 'what?#x\\y', 'x'.repeat(1500), 'x'.repeat(1501)];
      for (const id of ids) await docs.create('event', 'slack:T1', id, { id });
      for (const id of ids) expect((await docs.read<{ id: string }>('event', 'slack:T1', id))?.data.id).toBe(id);
      expect((await docs.query('event', { pk: 'slack:T1' })).map((d) => d.id).sort()).toEqual([...ids].sort());
    } finally {
      await docs.close();
      await account.drop(database);
    }
  });

  it('creates the container once when three instances start at the same moment, and reopens it', async () => {
    const database = uniqueDatabase('start');
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const stores = await Promise.all([1, 2, 3].map(() => openCosmosStore(account.config(database), clock)));
    try {
      await stores[0].create('network', 'n1', 'n1', { name: 'x' });
      expect((await stores[2].read<{ name: string }>('network', 'n1', 'n1'))?.data.name).toBe('x');
      const reopened = await openCosmosStore({ ...account.config(database), createContainers: false }, clock);
      expect((await reopened.read<{ name: string }>('network', 'n1', 'n1'))?.data.name).toBe('x');
      await reopened.close();
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await account.drop(database);
    }
  });

  it.runIf(!process.env.COSMOS_TEST_ENDPOINT)('signs in with DefaultAzureCredential (managed identity) when there is no key', async () => {
    const scopes: string[] = [];
    vi.doMock('@azure/identity', () => ({
      DefaultAzureCredential: class {
        async getToken(scope: string | string[]) {
          scopes.push(...[scope].flat());
          return { token: 'test-token', expiresOnTimestamp: Date.now() + 3600_000 };
        }
      },
    }));
    const database = uniqueDatabase('identity');
    try {
      const docs = await openCosmosStore({ ...account.config(database), key: undefined });
      await docs.upsert('network', 'n1', 'n1', { name: 'x' });
      await docs.close();
      expect(scopes.length).toBeGreaterThan(0);
      expect(scopes[0]).toMatch(/^https:\/\/.+\/\.default$/);
    } finally {
      vi.doUnmock('@azure/identity');
      await account.drop(database);
    }
  });

  it.runIf(!process.env.COSMOS_TEST_ENDPOINT)('accepts the fake\'s self-signed certificate only with COSMOS_ALLOW_SELF_SIGNED', async () => {
    await expect(openCosmosStore({ ...account.config(uniqueDatabase('tls')), allowSelfSigned: false })).rejects.toMatchObject({
      code: 'wegwijs_store_error',
      message: expect.stringMatching(/certificate/),
    });
  });

  it('says what to do when the container is missing and may not be created', async () => {
    const database = uniqueDatabase('missing');
    await expect(openCosmosStore({ ...account.config(database), createContainers: false })).rejects.toThrow(/COSMOS_CREATE_CONTAINERS=true/);
  });

  it('lets one of three instances claim a weekly nudge, and expired claims be claimed again', async () => {
    const database = uniqueDatabase('claims');
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const stores = await Promise.all([1, 2, 3].map(async () => new Store(await openCosmosStore(account.config(database), clock), clock)));
    try {
      const first = await Promise.all(stores.map((s) => s.claimOnce('nudge', 'n1:2026-W48', 3600)));
      expect(first.filter(Boolean)).toHaveLength(1);
      clock.advance(3601_000);
      const again = await Promise.all(stores.map((s) => s.claimOnce('nudge', 'n1:2026-W48', 3600)));
      expect(again.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await account.drop(database);
    }
  });
});

describe('cosmos item layout', () => {
  it('gives short-lived records a service ttl with slack and an expiry from the clock', () => {
    const item = toItem('lease', 'lease', 'scheduler', { owner: 'a' }, '2026-11-23T08:00:00.000Z', 1_000, 30);
    expect(item).toMatchObject({ id: 'lease|scheduler', pk: 'lease', key: 'scheduler', expiresAt: 31_000, ttl: 30 + TTL_GRACE_SECONDS });
    expect(toItem('network', 'n1', 'n1', {}, 'x', 1_000)).not.toHaveProperty('ttl');
    expect(CONTAINER_DEFINITION).toMatchObject({ defaultTtl: -1, partitionKey: { paths: ['/pk'] } });
  });

  it('escapes characters Cosmos forbids in ids', () => {
    expect(itemId('event', 'a/b?c#d\\e%f')).toBe('event|a%2Fb%3Fc%23d%5Ce%25f');
    expect(itemId('event', 'y'.repeat(2000))).toMatch(/^event\|~sha256~[0-9a-f]{64}$/);
  });

  it('builds parameterised SQL that always filters on the partition, kind and expiry', () => {
    const spec = buildQuery('action', { pk: 'n1', where: { status: 'open', owner: null }, limit: 3 }, 5);
    expect(spec.query).toBe(
      'SELECT TOP 3 * FROM c WHERE c.kind = @kind AND (IS_NULL(c.expiresAt) OR c.expiresAt > @now) AND c.pk = @pk AND c.data["status"] = @w0 AND (NOT IS_DEFINED(c.data["owner"]) OR IS_NULL(c.data["owner"])) ORDER BY c.updatedAt, c.key',
    );
    expect(spec.parameters).toContainEqual({ name: '@w0', value: 'open' });
    expect(() => buildQuery('action', { where: { 'x"] OR 1=1 --': 1 } }, 0)).toThrow(/Bad field name/);
  });
});
