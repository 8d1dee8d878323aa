/**
 * The personal-data corpus through real Teams requests (the real server and Agents SDK stack in
 * local mode, a local fake Bot Connector): personal chat messages and channel mentions, questions
 * and commands. Afterwards no form is in the SQLite file or its -wal, the logs at `trace`, or any
 * activity the bot sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/compose.ts';
import { startServer, type RunningServer } from '../../app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { channelMention, FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { corpusChunks, leaks, personalCorpus } from './forms.ts';

const TENANT = 'tenant-a';
// A colleague whose name is in no form (the fake's default user shares a surname with one).
const who = { tenant: TENANT, user: { id: '29:lotte', aadObjectId: 'aad-lotte', name: 'Lotte Brinkman' } };
const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const chunks = corpusChunks(corpus);

let teams: FakeConnector;
let app: App;
let server: RunningServer;
let dir: ReturnType<typeof tempDir>;
const logs: string[] = [];

beforeAll(async () => {
  teams = await new FakeConnector().start();
  dir = tempDir();
  const config = loadConfig({ WEGWIJS_DATA_DIR: dir.dir, PORT: '0', HOST: '127.0.0.1', SCHEDULER_INTERVAL_SECONDS: '3600', TEAMS_LOCAL_MODE: 'true' });
  const log = createLogger('trace', { write: (line: string) => void logs.push(line) } as never);
  app = await createApp(config, { log, messenger: { baseDelayMs: 1, sleep: async () => {} } });
  server = await startServer(app);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await app?.close();
  await teams?.close();
  dir?.cleanup();
});

async function deliver(activity: Record<string, unknown>): Promise<void> {
  const before = teams.sent.length;
  const { status } = await teams.deliver(server.url, activity);
  expect(status).toBe(200);
  await app.inbox.idle();
  expect(teams.sent.length, 'the bot answered').toBeGreaterThan(before);
}

describe('Teams requests with personal data', () => {
  it('store, log, send and answer none of it', async () => {
    await deliver(channelMention({ ...who, channel: '19:net@thread.tacv2' }, 'netwerk start Passende plekken'));
    for (const [i, chunk] of chunks.entries()) {
      await deliver(personalMessage(who, chunk));
      await deliver(channelMention({ ...who, channel: '19:net@thread.tacv2' }, chunk));
      await deliver(channelMention({ ...who, channel: '19:net@thread.tacv2' }, `actie ${chunk.slice(0, 180)}`));
      await deliver(channelMention({ ...who, channel: `19:new${i}@thread.tacv2` }, `netwerk start ${chunk.slice(0, 180)}`));
    }
    const db = join(dir.dir, 'wegwijs.db');
    const file = (path: string) => (existsSync(path) ? readFileSync(path).toString('utf8') : '');
    const where = { database: file(db), wal: file(`${db}-wal`), logs: logs.join(''), teams: JSON.stringify(teams.sent.map((r) => r.body)) };
    const found: string[] = [];
    for (const [place, content] of Object.entries(where)) {
      for (const form of forms) for (const leak of leaks(content, form, 4)) found.push(`${place}: ${leak} (from "${form}")`);
    }
    expect(found).toEqual([]);
    expect(where.database + where.wal).toContain('[BSN]');
    expect(where.teams).toContain('[naam]');
  }, 300_000);
});
