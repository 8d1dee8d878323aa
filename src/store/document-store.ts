/**
 * The one storage primitive every backend implements (SQLite now, Cosmos DB later): documents
 * of a `kind`, grouped by a partition key, with an eTag for optimistic concurrency. Modelled on
 * the Agents SDK storage and the Cosmos item API, so the Cosmos backend is a thin translation.
 */
import { WegwijsError } from '../errors.ts';

/**
 * The name of a kind of record. Kinds are declared by the unit that owns them (`defineKind` in
 * `kinds.ts`); backends store the name with every document.
 */
export type Kind = string;

export type Scalar = string | number | boolean | null;

/**
 * Where the store's "now" comes from (expiry, `updatedAt`). The store's own minimal type: the
 * core's `Clock` fits it, and the store needs nothing else from the core.
 */
export interface StoreClock {
  now(): Date;
}

export const systemStoreClock: StoreClock = { now: () => new Date() };

export interface Doc<T> {
  kind: Kind;
  /** Partition key: the network, tenant or user the record belongs to. */
  pk: string;
  id: string;
  /** Changes on every write; pass it back as `ifMatch` to update safely. */
  etag: string;
  data: T;
  updatedAt: string;
}

export interface WriteOptions {
  /** Records that expire (processed events, leases). Expired records read as absent. */
  ttlSeconds?: number;
}

export interface QueryOptions {
  /** Restrict to one partition (cheap); omit for a cross-partition query (rare, small kinds). */
  pk?: string;
  /** Equality on top-level fields of `data`. */
  where?: Record<string, Scalar>;
  limit?: number;
}

export interface DocumentStore {
  read<T>(kind: Kind, pk: string, id: string): Promise<Doc<T> | undefined>;
  /** Fails with `wegwijs_store_conflict` when a live record with this id exists. */
  create<T>(kind: Kind, pk: string, id: string, data: T, options?: WriteOptions): Promise<Doc<T>>;
  /** Fails with `wegwijs_store_conflict` when the record changed since `ifMatch` (or is gone). */
  replace<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions & { ifMatch: string }): Promise<Doc<T>>;
  upsert<T>(kind: Kind, pk: string, id: string, data: T, options?: WriteOptions): Promise<Doc<T>>;
  /** True when something was deleted. With `ifMatch`, a changed record is a conflict. */
  delete(kind: Kind, pk: string, id: string, options?: { ifMatch?: string }): Promise<boolean>;
  query<T>(kind: Kind, options?: QueryOptions): Promise<Doc<T>[]>;
  /**
   * Makes deleted and overwritten content unrecoverable now rather than eventually (SQLite: the
   * write-ahead log is checkpointed and truncated). Called after a person is forgotten or a text is
   * hidden; a backend that keeps nothing extra need not have it.
   */
  purge?(): Promise<void>;
  close(): Promise<void>;
}

export class StoreConflictError extends WegwijsError {
  constructor(kind: Kind, id: string) {
    super('wegwijs_store_conflict', `${kind} ${id} was changed by someone else`);
  }
}

export function isConflict(err: unknown): boolean {
  return err instanceof WegwijsError && err.code === 'wegwijs_store_conflict';
}
