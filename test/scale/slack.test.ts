/**
 * Slack retries across instances: three Wegwijs servers (real HTTP, real Bolt) share one store
 * behind one Slack app. Slack sends an event to one instance and, when the answer is slow, retries
 * it; the load balancer hands each retry to another instance. The event must be handled once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { nextTs, sendEvent, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';
import { openCosmosTestAccount, uniqueDatabase, type CosmosTestAccount } from './cosmos-account.ts';
import type { Backend } from './instances.ts';

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`waited in vain for ${what}`);
}

describe.each<Backend>(['sqlite', 'cosmos'])('a Slack retry on another instance, %s store', (backend) => {
  let fake: FakeSlack;
  let account: CosmosTestAccount | undefined;
  let servers: SlackServer[] = [];
  const database = uniqueDatabase('slack');
  const temp = tempDir();
  const claims: { instance: number; id: string; claimed: boolean }[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    const env: Record<string, string> = { SLACK_BOT_TOKEN: 'xoxb-T1' };
    if (backend === 'cosmos') {
      account = await openCosmosTestAccount();
      const cosmos = account.config(database);
      Object.assign(env, { STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_DATABASE: database, COSMOS_ALLOW_SELF_SIGNED: String(cosmos.allowSelfSigned) });
      if (cosmos.key) env.COSMOS_KEY = cosmos.key;
    }
    servers = await Promise.all([0, 1, 2].map(() => startSlackServer(fake, { env, dataDir: temp.dir })));
    servers.forEach((server, instance) => {
      const inbox = server.app.inbox;
      const receive = inbox.receive.bind(inbox);
      inbox.receive = async (source, id, payload) => {
        const claimed = await receive(source, id, payload);
        if (source === 'slack') claims.push({ instance, id, claimed });
        return claimed;
      };
    });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await fake?.close();
    await account?.drop(database);
    await account?.close();
    temp.cleanup();
  });

  it('handles the event once, whichever instances the retries land on', async () => {
    expect(servers.map((s) => s.app.services.config.store.kind)).toEqual([backend, backend, backend]);
    const ts = nextTs();
    const channel = `C-${backend}`;
    const event = { type: 'app_mention', user: 'U2', text: '<@UBOTT1> hulp', ts, channel, event_ts: ts };
    const toChannel = (c: SlackCall) => c.method === 'chat.postMessage' && c.args.channel === channel;
    const eventId = `EvSCALE-${backend}`;
    const responses = await Promise.all([
      sendEvent(servers[0].server.url, event, { eventId }),
      sendEvent(servers[1].server.url, event, { eventId, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
      sendEvent(servers[2].server.url, event, { eventId, headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await until(() => claims.filter((c) => c.id === eventId).length === 3, 'three claims');
    expect(claims.filter((c) => c.id === eventId && c.claimed)).toHaveLength(1);
    await fake.waitFor(toChannel, 'the answer');
    // A late retry, after the answer went out, is dropped too.
    await sendEvent(servers[1].server.url, event, { eventId, headers: { 'x-slack-retry-num': '3', 'x-slack-retry-reason': 'http_timeout' } });
    await until(() => claims.filter((c) => c.id === eventId).length === 4, 'the fourth claim');
    expect(claims.filter((c) => c.id === eventId && c.claimed)).toHaveLength(1);
    expect(fake.calls.filter(toChannel)).toHaveLength(1);
  });
});
