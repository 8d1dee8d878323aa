/**
 * An in-process Wegwijs on a real SQLite file, the console adapter and a manual clock: the
 * quickest way to drive features end to end in a test. (For the real CLI process, see cli.ts.)
 */
import { join } from 'node:path';
import { ConsoleAdapter, toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { createApp, type App, type AppOptions } from '../../app/compose.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { ManualClock, silentLogger, type IncomingAction } from '../../src/core/index.ts';
import { appEngine } from './engine.ts';
import { tempDir } from './temp.ts';

export interface Harness {
  app: App;
  clock: ManualClock;
  adapter: ConsoleAdapter;
  /** Everything the bot printed, in order. */
  outputs: ConsoleOutput[];
  /** Sends a turn and returns what the bot printed in answer to it. */
  send(turn: ConsoleTurn): Promise<ConsoleOutput[]>;
  say(user: string, channel: string, text: string, thread?: string): Promise<ConsoleOutput[]>;
  dm(user: string, text: string): Promise<ConsoleOutput[]>;
  press(user: string, where: { channel?: string; dm?: boolean; thread?: string }, action: IncomingAction): Promise<ConsoleOutput[]>;
  /** Moves the clock and runs what is due, like a `{"clock": …}` script line. */
  at(time: string): Promise<ConsoleOutput[]>;
  dataDir: string;
  close(): Promise<void>;
}

export async function createHarness(
  options: { env?: Record<string, string>; start?: string; dataDir?: string; config?: Partial<Config>; features?: AppOptions['features'] } = {},
): Promise<Harness> {
  const temp = options.dataDir ? undefined : tempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const config = { ...loadConfig({ WEGWIJS_DATA_DIR: dataDir, ...options.env }), ...options.config };
  const clock = new ManualClock(options.start ?? '2026-11-16T10:00:00+01:00');
  const outputs: ConsoleOutput[] = [];
  const adapter = new ConsoleAdapter((out) => outputs.push(out), { picturesDir: join(dataDir, 'pictures'), documentsDir: join(dataDir, 'reports') });
  const app = await createApp(config, { clock, log: silentLogger, messenger: { baseDelayMs: 1, sleep: async () => {} }, features: options.features, prepared: options.features ? undefined : { askEngine: appEngine(config) } });
  app.services.messenger.register(adapter);
  const collect = async (work: () => Promise<void>) => {
    const before = outputs.length;
    await work();
    return outputs.slice(before);
  };
  const send = (turn: ConsoleTurn) => collect(() => app.bot.handle(toIncoming(turn, config.botName), adapter));
  return {
    app,
    clock,
    adapter,
    outputs,
    dataDir,
    send,
    say: (user, channel, text, thread) => send({ user, channel, text, thread }),
    dm: (user, text) => send({ user, dm: true, text }),
    press: (user, where, action) => send({ user, ...where, action } as ConsoleTurn),
    at: (time) =>
      collect(async () => {
        clock.set(time);
        await app.bot.tick();
      }),
    close: async () => {
      await app.close();
      temp?.cleanup();
    },
  };
}
