/**
 * The personal-data corpus through real Slack requests (signed HTTP into the real server and
 * Bolt, the Web API answered by the local fake): a direct message, an app_mention and slash
 * commands. Afterwards no form is in the SQLite file or its -wal (the inbox keeps requests before
 * redaction, encrypted), the logs at `trace` (Bolt's included), or any call to Slack's API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTiming } from '../../adapters/slack/index.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendEvent, slackTestConfig } from '../slack/slack-helpers.ts';
import { startTracedServer, type TracedServer } from './traced-server.ts';
import { corpusChunks, leaks, personalCorpus } from './forms.ts';

const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const chunks = corpusChunks(corpus);

let fake: FakeSlack;
let traced: TracedServer;
let server: TracedServer['server'];

beforeAll(async () => {
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  traced = await startTracedServer((dir) => slackTestConfig(dir, fake));
  server = traced.server;
}, 60_000);

afterAll(async () => {
  await traced?.close();
  await fake?.close();
});

/** Sends a request and waits until the bot has answered in `channel`. */
async function answered(channel: string, send: () => Promise<Response>): Promise<void> {
  const since = fake.calls.length;
  const response = await send();
  expect(response.status).toBe(200);
  await fake.waitFor((c) => fake.calls.indexOf(c) >= since && (c.args.channel === channel || c.method.startsWith('response/')), `an answer in ${channel}`);
}

describe('Slack requests with personal data', () => {
  it('store, log, send and answer none of it', async () => {
    await answered('C1', () => sendCommand(server.url, 'netwerk start Passende plekken', { channel: 'C1' }));
    for (const [i, chunk] of chunks.entries()) {
      let ts = nextTs();
      await answered(`D${i}`, () => sendEvent(server.url, { type: 'message', channel_type: 'im', channel: `D${i}`, user: 'U3', text: chunk, ts, event_ts: ts }));
      ts = nextTs();
      await answered('C1', () => sendEvent(server.url, { type: 'app_mention', user: 'U2', text: `<@UBOTT1> ${chunk}`, ts, channel: 'C1', event_ts: ts }));
      await answered('C1', () => sendCommand(server.url, `actie ${chunk.slice(0, 180)}`, { channel: 'C1' }));
      await answered(`C${i + 100}`, () => sendCommand(server.url, `netwerk start ${chunk.slice(0, 180)}`, { channel: `C${i + 100}` }));
    }
    await traced.app.inbox.close?.();
    const where = { ...traced.kept(), slack: JSON.stringify(fake.calls.map((c) => c.args)) };
    const found: string[] = [];
    for (const [place, content] of Object.entries(where)) {
      for (const form of forms) for (const leak of leaks(content, form, 4)) found.push(`${place}: ${leak} (from "${form}")`);
    }
    expect(found).toEqual([]);
    // The requests went all the way: placeholders were stored and sent, and Bolt logged at trace.
    expect(where.database + where.wal).toContain('[BSN]');
    expect(where.slack).toContain('[naam]');
    expect(where.logs).toContain('"component":"slack"');
  }, 300_000);
});
