/**
 * The personal-data corpus through real Teams requests (the real server and Agents SDK stack in
 * local mode, a local fake Bot Connector): personal chat messages and channel mentions, questions
 * and commands. Afterwards no form is in the SQLite file or its -wal, the logs at `trace`, or any
 * activity the bot sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { channelMention, FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { startTracedServer, teamsLocalConfig, type TracedServer } from './traced-server.ts';
import { corpusChunks, leaks, personalCorpus } from './forms.ts';

const TENANT = 'tenant-a';
// A colleague whose name is in no form (the fake's default user shares a surname with one).
const who = { tenant: TENANT, user: { id: '29:lotte', aadObjectId: 'aad-lotte', name: 'Lotte Brinkman' } };
const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const chunks = corpusChunks(corpus);

let teams: FakeConnector;
let traced: TracedServer;

beforeAll(async () => {
  teams = await new FakeConnector().start();
  traced = await startTracedServer((dir) => loadConfig(teamsLocalConfig(dir)));
}, 60_000);

afterAll(async () => {
  await traced?.close();
  await teams?.close();
});

async function deliver(activity: Record<string, unknown>): Promise<void> {
  const before = teams.sent.length;
  const { status } = await teams.deliver(traced.server.url, activity);
  expect(status).toBe(200);
  await traced.app.inbox.idle();
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
    const where = { ...traced.kept(), teams: JSON.stringify(teams.sent.map((r) => r.body)) };
    const found: string[] = [];
    for (const [place, content] of Object.entries(where)) {
      for (const form of forms) for (const leak of leaks(content, form, 4)) found.push(`${place}: ${leak} (from "${form}")`);
    }
    expect(found).toEqual([]);
    expect(where.database + where.wal).toContain('[BSN]');
    expect(where.teams).toContain('[naam]');
  }, 300_000);
});
