/**
 * How a `Doc` is laid out as a Cosmos DB item, and the parameterised SQL the store sends. Pure
 * functions, so the mapping is easy to read and to test without a server.
 */
import { createHash } from 'node:crypto';
import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { WegwijsError } from '../../errors.ts';
import type { Doc, Kind, QueryOptions } from '../document-store.ts';

/** The one container; see ARCHITECTURE.md "Cosmos DB: containers and partition keys". */
export const CONTAINER_ID = 'docs';

/**
 * Seconds the service keeps an item after our own expiry moment. Our `expiresAt` (from the
 * injected clock) decides whether a record is alive; the service TTL only collects the garbage,
 * so a little slack keeps clock skew between instances from deleting a record early.
 */
export const TTL_GRACE_SECONDS = 60;

/** The stored item: the Doc plus the fields Cosmos needs (`id` unique per partition, `ttl`). */
export interface CosmosItem {
  /** `${kind}|${encoded id}`: unique within the partition across all kinds. */
  id: string;
  pk: string;
  kind: Kind;
  /** The record id as the caller gave it. */
  key: string;
  data: unknown;
  updatedAt: string;
  /** Milliseconds since the epoch after which the record reads as absent; null = never. */
  expiresAt: number | null;
  /** Per-item time-to-live in seconds (the container's defaultTtl is -1: on, no default). */
  ttl?: number;
  _etag?: string;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters Cosmos DB does not allow in an item id, plus the escape character itself. */
const UNSAFE = /[%/\\?#]/g;
/** Cosmos allows ids up to 1,023 bytes; longer ones are replaced by a hash. */
const MAX_ID_BYTES = 1000;

/** The item id for a record: kind-prefixed, with the characters Cosmos forbids escaped. */
export function itemId(kind: Kind, id: string): string {
  const encoded = `${kind}|${id.replace(UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`;
  if (Buffer.byteLength(encoded) <= MAX_ID_BYTES) return encoded;
  return `${kind}|~sha256~${createHash('sha256').update(id).digest('hex')}`;
}

/** Builds the item written for a record. */
export function toItem(kind: Kind, pk: string, id: string, data: unknown, updatedAt: string, nowMs: number, ttlSeconds?: number): CosmosItem {
  const item: CosmosItem = { id: itemId(kind, id), pk, kind, key: id, data, updatedAt, expiresAt: null };
  if (ttlSeconds && ttlSeconds > 0) {
    item.expiresAt = nowMs + ttlSeconds * 1000;
    item.ttl = Math.ceil(ttlSeconds) + TTL_GRACE_SECONDS;
  }
  return item;
}

export function toDoc<T>(item: CosmosItem): Doc<T> {
  return { kind: item.kind, pk: item.pk, id: item.key, etag: item._etag ?? '', data: item.data as T, updatedAt: item.updatedAt };
}

export function isLive(item: Pick<CosmosItem, 'expiresAt'>, nowMs: number): boolean {
  return item.expiresAt === null || item.expiresAt === undefined || item.expiresAt > nowMs;
}

/**
 * The query for `DocumentStore.query`. The partition is always filtered in the SQL as well as
 * passed as the request's partition key: the real service then reads one partition only, and
 * the local fake (which ignores the request option) still returns the right records.
 */
export function buildQuery(kind: Kind, options: QueryOptions, nowMs: number): SqlQuerySpec {
  const clauses = ['c.kind = @kind', '(IS_NULL(c.expiresAt) OR c.expiresAt > @now)'];
  const parameters: SqlParameter[] = [
    { name: '@kind', value: kind },
    { name: '@now', value: nowMs },
  ];
  if (options.pk !== undefined) {
    clauses.push('c.pk = @pk');
    parameters.push({ name: '@pk', value: options.pk });
  }
  Object.entries(options.where ?? {}).forEach(([field, value], i) => {
    if (!FIELD.test(field)) throw new WegwijsError('wegwijs_store_error', `Bad field name ${field}`);
    // Bracket notation: field names such as `value` or `top` are reserved words in Cosmos SQL.
    const path = `c.data["${field}"]`;
    if (value === null) {
      clauses.push(`(NOT IS_DEFINED(${path}) OR IS_NULL(${path}))`);
    } else {
      clauses.push(`${path} = @w${i}`);
      parameters.push({ name: `@w${i}`, value });
    }
  });
  const top = options.limit ? `TOP ${Math.max(1, Math.floor(options.limit))} ` : '';
  // Needs the composite index (updatedAt, key) that the container is created with.
  const query = `SELECT ${top}* FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.updatedAt, c.key`;
  return { query, parameters };
}
