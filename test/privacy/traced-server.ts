/**
 * The real Wegwijs server for the personal-data path tests: a fresh data folder, logs at `trace`
 * collected in memory, and what the server kept afterwards (the SQLite file, its -wal, the logs)
 * to search for personal data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../app/compose.ts';
import { startServer, type RunningServer } from '../../app/server.ts';
import type { Config } from '../../src/config.ts';
import { createLogger } from '../../src/core/index.ts';
import { afterAll, beforeAll } from 'vitest';
import { slackTiming } from '../../adapters/slack/index.ts';
import { loadConfig } from '../../src/config.ts';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { slackTestConfig } from '../slack/slack-helpers.ts';
import { FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { expect } from 'vitest';
import { appEngine } from '../helpers/engine.ts';

export interface TracedServer {
  app: App;
  server: RunningServer;
  /** The SQLite file and its write-ahead log as text, and every log line written so far. */
  kept(): { database: string; wal: string; logs: string };
  close(): Promise<void>;
}

const read = (path: string) => (existsSync(path) ? readFileSync(path).toString('utf8') : '');

/** Starts the server on the configuration `configFor(dataDir)` gives for a fresh data folder. */
export async function startTracedServer(configFor: (dataDir: string) => Config): Promise<TracedServer> {
  const dir = tempDir();
  const logs: string[] = [];
  const log = createLogger('trace', { write: (line: string) => void logs.push(line) } as never);
  const config = configFor(dir.dir);
  // The shared engine only without an LLM (appEngine): with one, the engine's log lines are traced too.
  const app = await createApp(config, { log, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
  const server = await startServer(app);
  const db = join(dir.dir, 'wegwijs.db');
  return {
    app,
    server,
    kept: () => ({ database: read(db), wal: read(`${db}-wal`), logs: logs.join('') }),
    close: async () => {
      await server.close();
      await app.close();
      dir.cleanup();
    },
  };
}

/** The Teams test configuration: local mode (no credentials), scheduler quiet. */
export const teamsLocalConfig = (dataDir: string) => ({ WEGWIJS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SCHEDULER_INTERVAL_SECONDS: '3600', TEAMS_LOCAL_MODE: 'true' });

/** The fake Slack and Teams platforms and a traced Wegwijs server on each, for one describe block. */
export interface TracedPlatforms {
  fake: FakeSlack;
  teams: FakeConnector;
  slack: TracedServer;
  team: TracedServer;
}

/**
 * Starts both platforms and their servers before the block's tests and closes them after; `use`
 * gets them once started (assign them to the block's own variables).
 */
export function useTracedPlatforms(use: (platforms: TracedPlatforms) => void): void {
  let started: Partial<TracedPlatforms> = {};
  beforeAll(async () => {
    slackTiming.placeholderAfterMs = 60_000;
    const fake = await startFakeSlack();
    const teams = await new FakeConnector().start();
    started = { fake, teams };
    started.slack = await startTracedServer((dir) => slackTestConfig(dir, fake));
    started.team = await startTracedServer((dir) => loadConfig(teamsLocalConfig(dir)));
    use(started as TracedPlatforms);
  }, 60_000);
  afterAll(async () => {
    await started.slack?.close();
    await started.team?.close();
    await started.fake?.close();
    await started.teams?.close();
  });
}

/** The Teams user of the red-team files, writing in a personal chat. */
export const TEAMS_WRITER = { tenant: 'tenant-a', user: { id: '29:wouter', aadObjectId: 'aad-wouter', name: 'Wouter Brinkman' } };

/** Sends each chunk as a personal Teams message and waits until the bot has answered it. */
export async function sendPersonal(teams: FakeConnector, team: TracedServer, chunks: string[]): Promise<void> {
  for (const chunk of chunks) {
    const before = teams.sent.length;
    expect((await teams.deliver(team.server.url, personalMessage(TEAMS_WRITER, chunk))).status).toBe(200);
    await team.app.inbox.idle();
    expect(teams.sent.length).toBeGreaterThan(before);
  }
}
