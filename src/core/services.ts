/** What every feature receives from the composition root. */
import type { Config } from '../config.ts';
import type { WegwijsStore as Store } from './records.ts';
import type { Clock } from './clock.ts';
import type { Catalog } from './i18n.ts';
import type { Logger } from './logger.ts';
import type { Messenger } from './messenger.ts';
import type { Ports } from './ports.ts';
import type { Sealer } from './seal.ts';

export interface Services {
  config: Config;
  store: Store;
  clock: Clock;
  log: Logger;
  catalog: Catalog;
  messenger: Messenger;
  ports: Ports;
  /** Seals payload fields that decide where something goes, and checks them on the press (seal.ts). */
  seal: Sealer;
}
