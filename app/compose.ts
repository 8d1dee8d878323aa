/**
 * The composition root: config → store → services → bot → features. Every entry point (server,
 * console, CLI tools, tests) builds the app here, so they all run the same bot.
 */
import { join } from 'node:path';
import type { Config } from '../src/config.ts';
import { Bot, Catalog, type Feature, createLogger, DEFAULT_PROMPTS_DIR, Messenger, systemClock, type Clock, type Logger, type MessengerOptions, type Services } from '../src/core/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { createFeatures } from './features.ts';

export interface App {
  bot: Bot;
  services: Services;
  store: Store;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  messenger?: MessengerOptions;
  /** Which features to plug in; all of them (app/features.ts) unless given. */
  features?: (services: Services) => Feature[];
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.logLevel);
  const store = await openStore(config.store, clock);
  const catalog = Catalog.fromDirectory(join(config.promptsDir ?? DEFAULT_PROMPTS_DIR, 'messages'));
  const messenger = new Messenger(store, log, options.messenger);
  const services: Services = { config, store, clock, log, catalog, messenger, ports: {} };
  const bot = new Bot(services);
  for (const feature of (options.features ?? createFeatures)(services)) bot.use(feature);
  return { bot, services, store, close: () => store.close() };
}
