/**
 * The store: the one interface through which features keep state. Backends implement the small
 * `DocumentStore`; everything typed is built on top of it here, once, for every backend.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import type { StoreConfig } from '../config.ts';
import { Collection } from './collection.ts';
import { isConflict, systemStoreClock, type DocumentStore, type Kind, type StoreClock } from './document-store.ts';
import { COUNTER_KIND, CounterSchema, EVENT_KIND, LEASE_KIND, LeaseSchema, MarkerSchema } from './entities.ts';
import { assertKind } from './kinds.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

export * from './document-store.ts';
export * from './entities.ts';
export { Collection } from './collection.ts';
export { defineKind, declaredKinds, assertKind, type KindInfo, type DeclaredKind } from './kinds.ts';
export { Inbox, INBOX_KIND, type InboxHandler, type InboxOptions } from './inbox.ts';
export { SqliteStore } from './sqlite/sqlite-store.ts';

export class Store {
  private readonly leases: Collection<typeof LeaseSchema>;
  private readonly events: Collection<typeof MarkerSchema>;
  private readonly counters: Collection<typeof CounterSchema>;

  constructor(
    readonly docs: DocumentStore,
    private readonly clock: StoreClock = systemStoreClock,
  ) {
    this.leases = this.collection(LEASE_KIND, LeaseSchema);
    this.events = this.collection(EVENT_KIND, MarkerSchema);
    this.counters = this.collection(COUNTER_KIND, CounterSchema);
  }

  /** A typed collection of a declared kind (`defineKind` in the unit that owns the records). */
  collection<S extends z.ZodType>(kind: Kind, schema: S): Collection<S> {
    assertKind(kind);
    return new Collection(this.docs, kind, schema);
  }

  /**
   * Claims something that must happen once across all processes (a platform event id, a weekly
   * nudge). Returns false when it was already claimed and the claim has not expired.
   */
  async claimOnce(scope: string, id: string, ttlSeconds?: number): Promise<boolean> {
    try {
      await this.events.create(scope, id, { at: this.clock.now().toISOString() }, { ttlSeconds });
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /** A time-limited lease (scheduler leadership, a job in progress): true when `owner` holds it. */
  async acquireLease(key: string, owner: string, ttlSeconds: number): Promise<boolean> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
    try {
      const doc = await this.leases.update('lease', key, (current) => {
        if (current && current.owner !== owner && current.until > now.toISOString()) return undefined;
        return { owner, until };
      });
      return doc?.data.owner === owner && doc.data.until === until;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  async releaseLease(key: string, owner: string): Promise<void> {
    const current = await this.leases.get('lease', key);
    if (current?.data.owner === owner) await this.docs.delete(LEASE_KIND, 'lease', key, { ifMatch: current.etag }).catch(() => false);
  }

  /** The next number in a sequence (action numbers within a network), safe across processes. */
  async nextNumber(pk: string, name: string): Promise<number> {
    const doc = await this.counters.update(pk, name, (current) => ({ value: (current?.value ?? 0) + 1 }));
    return doc!.data.value;
  }

  /** The last number handed out in a sequence (0 when none yet). */
  async currentNumber(pk: string, name: string): Promise<number> {
    return (await this.counters.get(pk, name))?.data.value ?? 0;
  }

  /** After forgetting or hiding: deleted content unrecoverable now (see `DocumentStore.purge`). */
  async purge(): Promise<void> {
    await this.docs.purge?.();
  }

  close(): Promise<void> {
    return this.docs.close();
  }
}

/** Opens the configured backend. The Cosmos backend is loaded only when chosen. */
export async function openDocuments(config: StoreConfig, clock: StoreClock = systemStoreClock): Promise<DocumentStore> {
  if (config.kind === 'sqlite') return new SqliteStore(join(config.dataDir, 'wegwijs.db'), clock);
  const { openCosmosStore } = await import('./cosmos/cosmos-store.ts' as string);
  return openCosmosStore(config, clock);
}

/** The configured backend as a `Store`, or as a subclass of it (the core's `WegwijsStore`). */
export async function openStore<T extends Store = Store>(
  config: StoreConfig,
  clock: StoreClock = systemStoreClock,
  make: (docs: DocumentStore, clock: StoreClock) => T = (docs, c) => new Store(docs, c) as T,
): Promise<T> {
  return make(await openDocuments(config, clock), clock);
}
