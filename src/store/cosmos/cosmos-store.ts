/**
 * The Azure Cosmos DB backend (`STORE=cosmos`): every record is an item in one container
 * partitioned on `/pk` (the DocumentStore partition key). Optimistic concurrency uses the item
 * `_etag` with If-Match; short-lived records carry a per-item `ttl` for the service to collect and
 * an `expiresAt` that every read and query checks against the injected clock, so expiry works
 * the same as in SQLite (and against emulators that have no TTL).
 */
import { Agent } from 'node:https';
import { CosmosClient, PartitionKeyDefinitionVersion, type Container, type ContainerDefinition, type CosmosClientOptions } from '@azure/cosmos';
import type { StoreConfig } from '../../config.ts';
import { WegwijsError } from '../../errors.ts';
import { StoreConflictError, systemStoreClock, type StoreClock, type Doc, type DocumentStore, type Kind, type QueryOptions, type WriteOptions } from '../document-store.ts';
import { CONTAINER_ID, buildQuery, isLive, itemId, toDoc, toItem, type CosmosItem } from './cosmos-items.ts';

export type CosmosStoreConfig = Extract<StoreConfig, { kind: 'cosmos' }>;

/** The container as Wegwijs creates it (the Bicep template in infra/azure declares the same). */
export const CONTAINER_DEFINITION: ContainerDefinition = {
  id: CONTAINER_ID,
  partitionKey: { paths: ['/pk'], version: PartitionKeyDefinitionVersion.V2 },
  // -1: time-to-live is on, but only items with their own `ttl` expire.
  defaultTtl: -1,
  indexingPolicy: {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: [{ path: '/*' }],
    excludedPaths: [{ path: '/"_etag"/?' }],
    // `ORDER BY c.updatedAt, c.key` needs this composite index on the real service.
    compositeIndexes: [
      [
        { path: '/updatedAt', order: 'ascending' },
        { path: '/key', order: 'ascending' },
      ],
    ],
  },
};

/** `DocumentStore` on one Cosmos DB container; build it with `openCosmosStore`. */
export class CosmosStore implements DocumentStore {
  constructor(
    private readonly client: CosmosClient,
    private readonly container: Container,
    private readonly clock: StoreClock = systemStoreClock,
  ) {}

  async read<T>(kind: Kind, pk: string, id: string): Promise<Doc<T> | undefined> {
    const item = await this.readItem(kind, pk, id);
    return item && isLive(item, this.nowMs()) ? toDoc<T>(item) : undefined;
  }

  async create<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions = {}): Promise<Doc<T>> {
    const item = this.newItem(kind, pk, id, data, options);
    try {
      return toDoc<T>(await this.write(() => this.container.items.create<CosmosItem>(item)));
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
    // An expired record the service has not collected yet no longer exists as far as anyone can
    // tell: take its place, conditionally, so two creators racing for it cannot both win.
    const existing = await this.readItem(kind, pk, id);
    if (existing && isLive(existing, this.nowMs())) throw new StoreConflictError(kind, id);
    try {
      if (!existing) return toDoc<T>(await this.write(() => this.container.items.create<CosmosItem>(item)));
      return toDoc<T>(await this.write(() => this.container.item(item.id, pk).replace<CosmosItem>(item, ifMatch(existing._etag!))));
    } catch (err) {
      if (isConcurrencyStatus(statusOf(err)) || statusOf(err) === 409) throw new StoreConflictError(kind, id);
      throw err;
    }
  }

  async replace<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions & { ifMatch: string }): Promise<Doc<T>> {
    // A record that expired since the caller read it is gone, even with a matching eTag.
    const current = await this.readItem(kind, pk, id);
    if (!current || !isLive(current, this.nowMs()) || current._etag !== options.ifMatch) throw new StoreConflictError(kind, id);
    const item = this.newItem(kind, pk, id, data, options);
    try {
      return toDoc<T>(await this.write(() => this.container.item(item.id, pk).replace<CosmosItem>(item, ifMatch(options.ifMatch))));
    } catch (err) {
      if (isConcurrencyStatus(statusOf(err))) throw new StoreConflictError(kind, id);
      throw err;
    }
  }

  async upsert<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions = {}): Promise<Doc<T>> {
    const item = this.newItem(kind, pk, id, data, options);
    return toDoc<T>(await this.write(() => this.container.items.upsert<CosmosItem>(item)));
  }

  async delete(kind: Kind, pk: string, id: string, options: { ifMatch?: string } = {}): Promise<boolean> {
    try {
      await this.container.item(itemId(kind, id), pk).delete(options.ifMatch ? ifMatch(options.ifMatch) : undefined);
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return false;
      if (status === 412) {
        if (await this.read(kind, pk, id)) throw new StoreConflictError(kind, id);
        return false;
      }
      throw storeError(err);
    }
  }

  async query<T>(kind: Kind, options: QueryOptions = {}): Promise<Doc<T>[]> {
    const spec = buildQuery(kind, options, this.nowMs());
    try {
      // With a partition key the service reads that one partition; without it, all of them.
      const iterator = this.container.items.query<CosmosItem>(spec, options.pk !== undefined ? { partitionKey: options.pk } : {});
      const { resources } = await iterator.fetchAll();
      const items = options.limit ? resources.slice(0, options.limit) : resources;
      return items.map((item) => toDoc<T>(item));
    } catch (err) {
      throw storeError(err);
    }
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private newItem(kind: Kind, pk: string, id: string, data: unknown, options: WriteOptions): CosmosItem {
    return toItem(kind, pk, id, data, this.clock.now().toISOString(), this.nowMs(), options.ttlSeconds);
  }

  /** A point read (1 RU), whether or not the record has expired. */
  private async readItem(kind: Kind, pk: string, id: string): Promise<CosmosItem | undefined> {
    try {
      const { resource } = await this.container.item(itemId(kind, id), pk).read<CosmosItem>();
      // The service answers a point read by id and partition; check both in case an emulator does not.
      return resource && resource.pk === pk && resource.kind === kind ? resource : undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw storeError(err);
    }
  }

  /** Runs a write and returns the stored item; conflicts pass through, other failures are wrapped. */
  private async write(request: () => Promise<{ resource?: CosmosItem }>): Promise<CosmosItem> {
    let response: { resource?: CosmosItem };
    try {
      response = await request();
    } catch (err) {
      if (isConcurrencyStatus(statusOf(err)) || statusOf(err) === 409) throw err;
      throw storeError(err);
    }
    if (!response.resource) throw new WegwijsError('wegwijs_store_error', 'Cosmos DB returned no item');
    return response.resource;
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}

/**
 * Opens the Cosmos DB store: a key when configured, otherwise the managed identity (or developer
 * login) through `DefaultAzureCredential`; creates the database and container when allowed.
 */
export async function openCosmosStore(config: CosmosStoreConfig, clock: StoreClock = systemStoreClock): Promise<DocumentStore> {
  const options: CosmosClientOptions = { endpoint: config.endpoint, userAgentSuffix: 'wegwijs' };
  if (config.key) {
    options.key = config.key;
  } else {
    const { DefaultAzureCredential } = await import('@azure/identity');
    options.aadCredentials = new DefaultAzureCredential();
  }
  // Only for local emulators with a self-signed certificate; never in production.
  if (config.allowSelfSigned) options.agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  const client = new CosmosClient(options);
  try {
    const container = config.createContainers ? await createContainer(client, config.database) : await existingContainer(client, config.database);
    return new CosmosStore(client, container, clock);
  } catch (err) {
    client.dispose();
    if (err instanceof WegwijsError) throw err;
    throw new WegwijsError('wegwijs_store_error', `Cannot open Cosmos DB database ${config.database} at ${config.endpoint}: ${(err as Error).message}`, { cause: err });
  }
}

/** Creates the database and container if missing; several instances starting at once may race. */
async function createContainer(client: CosmosClient, databaseId: string): Promise<Container> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { database } = await client.databases.createIfNotExists({ id: databaseId });
      const { container } = await database.containers.createIfNotExists(CONTAINER_DEFINITION);
      return container;
    } catch (err) {
      // Another instance created it between our read and our create: read it again.
      if (statusOf(err) !== 409 || attempt >= 3) throw err;
    }
  }
}

async function existingContainer(client: CosmosClient, databaseId: string): Promise<Container> {
  const container = client.database(databaseId).container(CONTAINER_ID);
  try {
    await container.read();
  } catch (err) {
    if (statusOf(err) === 404) {
      throw new WegwijsError(
        'wegwijs_store_error',
        `Cosmos DB container ${databaseId}/${CONTAINER_ID} does not exist. Deploy infra/azure or set COSMOS_CREATE_CONTAINERS=true.`,
        { cause: err },
      );
    }
    throw err;
  }
  return container;
}

function ifMatch(etag: string) {
  return { accessCondition: { type: 'IfMatch', condition: etag } };
}

/** The HTTP status of a Cosmos SDK error (`ErrorResponse.code`), if any. */
function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** 412: the eTag no longer matches; 404: the record went away in between. */
function isConcurrencyStatus(status: number | undefined): boolean {
  return status === 412 || status === 404;
}

function storeError(err: unknown): unknown {
  if (err instanceof WegwijsError) return err;
  const status = statusOf(err);
  return new WegwijsError('wegwijs_store_error', `Cosmos DB request failed${status ? ` (${status})` : ''}: ${(err as Error).message}`, { cause: err });
}
