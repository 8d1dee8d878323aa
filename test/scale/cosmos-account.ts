/**
 * A Cosmos DB account for tests: a real one (or the emulator, with COSMOS_TEST_ALLOW_SELF_SIGNED=true)
 * when COSMOS_TEST_ENDPOINT and COSMOS_TEST_KEY are set (a key: the tests create and remove
 * databases, which Entra ID data-plane roles may not), otherwise the in-memory fake
 * `@vercel/cosmosdb-server`, started here over HTTPS on loopback. The fake uses the self-signed
 * test-only certificate that ships inside that package, hence `allowSelfSigned`.
 */
import { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import type { StoreConfig } from '../../src/config.ts';

export type CosmosConfig = Extract<StoreConfig, { kind: 'cosmos' }>;

export interface CosmosTestAccount {
  endpoint: string;
  /** True for a real account (or the Azure emulator), false for the in-memory fake. */
  real: boolean;
  /** A store configuration for a database of its own on this account. */
  config(database: string): CosmosConfig;
  /** Removes a database made by a test (a no-op when it does not exist). */
  drop(database: string): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** A database name no other test run uses. */
export function uniqueDatabase(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export async function openCosmosTestAccount(): Promise<CosmosTestAccount> {
  const endpoint = process.env.COSMOS_TEST_ENDPOINT;
  if (endpoint) return account(endpoint, process.env.COSMOS_TEST_KEY, process.env.COSMOS_TEST_ALLOW_SELF_SIGNED === 'true', true, async () => {});
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  await new Promise<void>((resolve, reject) => server.listen(0, '127.0.0.1', () => resolve()).on('error', reject));
  const { port } = server.address() as AddressInfo;
  return account(`https://127.0.0.1:${port}`, 'test-only-key-for-the-local-fake', true, false, async () => {
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

function account(endpoint: string, key: string | undefined, allowSelfSigned: boolean, real: boolean, stop: () => Promise<void>): CosmosTestAccount {
  const config = (database: string): CosmosConfig => ({ kind: 'cosmos', endpoint, key, database, createContainers: true, allowSelfSigned });
  return {
    endpoint,
    real,
    config,
    async drop(database) {
      const client = await adminClient(config(database));
      try {
        await client.database(database).delete();
      } catch (err) {
        if ((err as { code?: unknown }).code !== 404) throw err;
      } finally {
        client.dispose();
      }
    },
    close: stop,
  };
}

async function adminClient(config: CosmosConfig): Promise<CosmosClient> {
  const agent = config.allowSelfSigned ? new Agent({ rejectUnauthorized: false }) : undefined;
  if (config.key) return new CosmosClient({ endpoint: config.endpoint, key: config.key, agent });
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new CosmosClient({ endpoint: config.endpoint, aadCredentials: new DefaultAzureCredential(), agent });
}
