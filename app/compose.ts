/**
 * The composition root: config → store → services → bot → features. Every entry point (server,
 * console, CLI tools, tests) builds the app here, so they all run the same bot.
 */
import { join } from 'node:path';
import type { Config } from '../src/config.ts';
import { Bot, Catalog, type Feature, createLogger, createSealer, sealKey, DEFAULT_PROMPTS_DIR, Messenger, openWegwijsStore, systemClock, type Clock, type Logger, type MessengerOptions, type Services, type WegwijsStore } from '../src/core/index.ts';
import { Inbox } from '../src/store/index.ts';
import { createFeatures, type PreparedParts } from './features.ts';

export interface App {
  bot: Bot;
  services: Services;
  store: WegwijsStore;
  /** Platform requests kept before they are acknowledged, worked on after (src/store/inbox.ts). */
  inbox: Inbox;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  messenger?: MessengerOptions;
  /** Which features to plug in; all of them (app/features.ts) unless given. */
  features?: (services: Services) => Feature[];
  /** With the default features: parts built beforehand (a shared ask engine in tests). */
  prepared?: PreparedParts;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.logLevel);
  const store = await openWegwijsStore(config.store, clock);
  const catalog = Catalog.fromDirectory(join(config.promptsDir ?? DEFAULT_PROMPTS_DIR, 'messages'));
  const messenger = new Messenger(store, log, options.messenger);
  const seal = createSealer(await sealKey(store, config.sealKey, clock), clock);
  const services: Services = { config, store, clock, log, catalog, messenger, ports: {}, seal };
  const bot = new Bot(services);
  for (const feature of options.features ? options.features(services) : createFeatures(services, options.prepared)) bot.use(feature);
  const inbox = new Inbox(store.docs, clock, { secret: inboxSecret(config), log, leaseSeconds: config.inboxLeaseSeconds });
  return {
    bot,
    services,
    store,
    inbox,
    close: async () => {
      await inbox.close();
      await store.close();
    },
  };
}

/**
 * The inbox key comes from the platforms' secrets, which every instance of a deployment shares
 * (so any instance can resume another's requests) and which are never stored. Without them (local
 * mode, tests) the payloads are only obscured, not protected.
 */
function inboxSecret(config: Config): string {
  return [config.slack?.signingSecret, config.teams?.appPassword, config.teams?.appId].filter(Boolean).join('|') || 'wegwijs-local';
}
