/**
 * Several Wegwijs instances in one test process, each with its own store connection, sharing one
 * store: a SQLite file, or a Cosmos DB account (the fake by default). This is how the bot runs
 * when scaled out (several App Service instances on one Cosmos DB account).
 */
import { ConsoleAdapter, toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { createApp, type App, type AppOptions } from '../../app/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock, silentLogger } from '../../src/core/index.ts';
import { appEngine } from '../helpers/engine.ts';
import { tempDir } from '../helpers/temp.ts';
import { openCosmosTestAccount, uniqueDatabase, type CosmosTestAccount } from './cosmos-account.ts';

export type Backend = 'sqlite' | 'cosmos';

export interface Instance {
  app: App;
  adapter: ConsoleAdapter;
  /** What this instance's console adapter printed. */
  outputs: ConsoleOutput[];
  /** Handles a console turn on this instance; returns what this instance printed for it. */
  send(turn: ConsoleTurn): Promise<ConsoleOutput[]>;
}

export interface Cluster {
  instances: Instance[];
  /** One clock for all: the instances agree on the time, as NTP-synchronised servers do. */
  clock: ManualClock;
  /** Everything all instances printed, in order. */
  outputs(): ConsoleOutput[];
  close(): Promise<void>;
}

/** A backend that can host several clusters (one Cosmos account per test file, for speed). */
export interface ClusterOptions {
  count?: number;
  /** The clock's start. */
  start?: string;
  /** The features to plug in (all of app/features.ts unless given). */
  features?: AppOptions['features'];
}

export interface ClusterFactory {
  start(options?: ClusterOptions): Promise<Cluster>;
  close(): Promise<void>;
}

export async function clusterFactory(backend: Backend): Promise<ClusterFactory> {
  const account: CosmosTestAccount | undefined = backend === 'cosmos' ? await openCosmosTestAccount() : undefined;
  return {
    async start({ count = 3, start = '2026-11-16T10:00:00+01:00', features }: ClusterOptions = {}) {
      const temp = tempDir();
      const database = uniqueDatabase('scale');
      const env: Record<string, string> = { WEGWIJS_DATA_DIR: temp.dir };
      if (account) {
        const cosmos = account.config(database);
        Object.assign(env, { STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_DATABASE: database, COSMOS_ALLOW_SELF_SIGNED: String(cosmos.allowSelfSigned) });
        if (cosmos.key) env.COSMOS_KEY = cosmos.key;
      }
      const config = loadConfig(env);
      const clock = new ManualClock(start);
      const instances: Instance[] = [];
      const all: ConsoleOutput[] = [];
      // Started together, as a scale-out does: they race to create the container.
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          // The default features share the worker's offline ask engine (test/helpers/engine.ts) instead of
          // building one per instance (~0.3 s each, three per cluster); an engine keeps no state of an instance.
          const app = await createApp(config, { clock, log: silentLogger, messenger: { baseDelayMs: 1, sleep: async () => {} }, features, prepared: features ? undefined : { askEngine: appEngine(config) } });
          const outputs: ConsoleOutput[] = [];
          // Message ids from the shared store (as `wegwijs chat` does), so they are unique across
          // instances the way platform message ids are.
          const adapter = new ConsoleAdapter(
            (out) => {
              outputs.push(out);
              all.push(out);
            },
            { sequence: () => app.store.nextNumber('console', 'message') },
          );
          app.services.messenger.register(adapter);
          const send = async (turn: ConsoleTurn) => {
            const before = outputs.length;
            await app.bot.handle(toIncoming(turn, config.botName), adapter);
            return outputs.slice(before);
          };
          instances[i] = { app, adapter, outputs, send };
        }),
      );
      return {
        instances,
        clock,
        outputs: () => [...all],
        async close() {
          await Promise.all(instances.map((i) => i.app.close()));
          await account?.drop(database);
          temp.cleanup();
        },
      };
    },
    close: async () => account?.close(),
  };
}
