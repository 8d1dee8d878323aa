/** Starts the real Wegwijs server (createApp + startServer, port 0) for the Teams tests. */
import { createApp, type App } from '../../app/compose.ts';
import { startServer, type RunningServer } from '../../app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, type Clock, type Feature } from '../../src/core/index.ts';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from '../helpers/temp.ts';
import { FakeConnector } from './fake-connector.ts';
import { appEngine } from '../helpers/engine.ts';

/** The bots started by this test process, so the fake connector can wait for their work. */
const running = new Set<App>();

/**
 * Waits until every running bot has finished the activities it acknowledged: Teams gets its
 * 200 before the turn runs, so a test that delivers an activity waits for this before looking
 * at what the bot sent.
 */
export async function settleTeamsBots(): Promise<void> {
  await Promise.all([...running].map((app) => app.inbox.idle()));
}

export interface TeamsBot {
  app: App;
  url: string;
  /** Delays the messenger asked for (it does not really sleep in tests). */
  sleeps: number[];
  close(): Promise<void>;
}

/**
 * `localMode`: explicitly enable Teams local mode (no credentials, no tokens) before starting.
 * `clock`: the app's clock (a `ManualClock` pins "now" for dates typed in commands).
 */
export async function startTeamsBot(options: { env?: Record<string, string>; features?: Feature[]; localMode?: boolean; clock?: Clock } = {}): Promise<TeamsBot> {
  const temp = tempDir('wegwijs-teams-');
  const config = loadConfig({
    WEGWIJS_DATA_DIR: temp.dir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SCHEDULER_INTERVAL_SECONDS: '3600',
    // Local mode is configuration, read once at start (never switched on afterwards).
    ...(options.localMode ? { TEAMS_LOCAL_MODE: 'true' } : {}),
    ...options.env,
  });
  const sleeps: number[] = [];
  const app = await createApp(config, { clock: options.clock, log: silentLogger, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async (ms) => void sleeps.push(ms) } });
  for (const feature of options.features ?? []) app.bot.use(feature);
  let server: RunningServer;
  try {
    server = await startServer(app);
  } catch (err) {
    await app.close();
    temp.cleanup();
    throw err;
  }
  running.add(app);
  return {
    app,
    url: server.url,
    sleeps,
    close: async () => {
      running.delete(app);
      await server.close();
      await app.close();
      temp.cleanup();
    },
  };
}

/**
 * A fresh fake Bot Connector and Teams bot (local mode) for every test of the describe block it is
 * called in, closed after each; `set` receives them (the test's own `bot` and `teams` variables).
 */
export function useTeamsBot(set: (bot: TeamsBot, teams: FakeConnector) => void, options: () => Parameters<typeof startTeamsBot>[0] = () => ({ localMode: true })): void {
  let bot: TeamsBot | undefined;
  let teams: FakeConnector | undefined;
  beforeEach(async () => {
    teams = await new FakeConnector().start();
    bot = await startTeamsBot(options());
    set(bot, teams);
  });
  afterEach(async () => {
    await bot?.close();
    await teams?.close();
  });
}
