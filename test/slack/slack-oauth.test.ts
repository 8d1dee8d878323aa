/**
 * Distribution to several workspaces: Bolt's OAuth flow with the installation kept in Wegwijs's
 * store, each workspace answered with its own token, and no data of one workspace in another.
 * Also: a retry that lands on another instance (same store) is still handled once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationCollection, INSTALLATION_PK } from '../../adapters/slack/installation-store.ts';
import { slackTiming } from '../../adapters/slack/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from './fake-slack.ts';
import { probeFeature } from './probe-feature.ts';
import { nextTs, sendCommand, sendEvent, startSlackServer, type SlackServer } from './slack-helpers.ts';

const OAUTH_ENV = { SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-for-tests' };

let fake: FakeSlack;
let first: SlackServer;
let second: SlackServer;
let data: ReturnType<typeof tempDir>;

const reply = (channel: string, contains: string, since: number) => (c: SlackCall) =>
  c.method === 'chat.postMessage' && c.args.channel === channel && String(c.args.text).includes(contains) && fake.calls.indexOf(c) >= since;

beforeAll(async () => {
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  data = tempDir();
  // Two instances of Wegwijs on one store, as in a scaled-out deployment.
  first = await startSlackServer(fake, { env: OAUTH_ENV, features: [probeFeature()], dataDir: data.dir });
  second = await startSlackServer(fake, { env: OAUTH_ENV, features: [probeFeature()], dataDir: data.dir });
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await fake?.close();
  data?.cleanup();
});

/** Goes through /slack/install and /slack/oauth_redirect like a browser would. */
async function install(team: string): Promise<Response> {
  const page = await fetch(`${first.server.url}/slack/install`, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const html = await page.text();
  const cookie = page.headers.get('set-cookie') ?? '';
  const state = /state=([^&"]+)/.exec(html)?.[1];
  expect(state, 'the install page links to Slack with a state').toBeTruthy();
  expect(html).toContain('client_id=111.222');
  return fetch(`${first.server.url}/slack/oauth_redirect?code=code-${team}&state=${state}`, {
    headers: { cookie: cookie.split(';')[0] },
    redirect: 'manual',
  });
}

describe('Slack OAuth distribution', () => {
  it('installs two workspaces through the OAuth flow into the store', async () => {
    for (const team of ['T1', 'T2']) {
      const done = await install(team);
      expect(done.status).toBe(200);
    }
    expect(fake.of('oauth.v2.access').map((c) => c.args.code)).toEqual(['code-T1', 'code-T2']);
    const stored = await installationCollection(first.app.store).list({ pk: INSTALLATION_PK });
    expect(stored.map((d) => d.id).sort()).toEqual(['T1', 'T2']);
    expect(stored.find((d) => d.id === 'T2')?.data).toMatchObject({ tenantId: 'T2', teamId: 'T2', isEnterpriseInstall: false, botUserId: 'UBOTT2' });
  });

  it('refuses a callback without the state cookie', async () => {
    const response = await fetch(`${first.server.url}/slack/oauth_redirect?code=code-T3&state=forged`, { redirect: 'manual' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(fake.of('oauth.v2.access').map((c) => c.args.code)).not.toContain('code-T3');
  });

  it('answers each workspace with its own token, on either instance', async () => {
    const since = fake.calls.length;
    await sendCommand(first.server.url, 'sonde wie', { team: 'T1', channel: 'C1', user: 'U1' });
    await sendCommand(second.server.url, 'sonde wie', { team: 'T2', channel: 'C1', user: 'U1' });
    const one = await fake.waitFor(reply('C1', 'tenant=T1', since), 'the T1 answer');
    const two = await fake.waitFor(reply('C1', 'tenant=T2', since), 'the T2 answer');
    expect(one.token).toBe('xoxb-T1');
    expect(two.token).toBe('xoxb-T2');
  });

  it('keeps workspaces apart: the same user and channel ids in two workspaces share nothing', async () => {
    let since = fake.calls.length;
    // U1 in T1 switches to English; U1 in T2 (another person) keeps Dutch.
    await sendCommand(first.server.url, 'taal en', { team: 'T1', channel: 'C1', user: 'U1' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.token === 'xoxb-T1' && fake.calls.indexOf(c) >= since, 'the language answer');
    since = fake.calls.length;
    await sendCommand(first.server.url, 'hulp', { team: 'T1', channel: 'C1', user: 'U1' });
    await sendCommand(first.server.url, 'hulp', { team: 'T2', channel: 'C1', user: 'U1' });
    const t1 = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.token === 'xoxb-T1' && fake.calls.indexOf(c) >= since, 'T1 help');
    const t2 = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.token === 'xoxb-T2' && fake.calls.indexOf(c) >= since, 'T2 help');
    expect(t1.args.text).not.toEqual(t2.args.text);

    const store = first.app.store;
    expect((await store.users.get('slack:T1', 'U1'))?.data.language).toBe('en');
    expect((await store.users.get('slack:T2', 'U1'))?.data.language).toBeUndefined();
    expect(await store.conversations.get('slack:T1', 'C1')).toBeDefined();
    expect(await store.conversations.get('slack:T2', 'C1')).toBeDefined();
    const t2Conversations = await store.conversations.list({ pk: 'slack:T2' });
    expect(t2Conversations.every((c) => c.data.tenantId === 'T2')).toBe(true);
  });

  it('sends proactive messages with the token of the right workspace', async () => {
    const since = fake.calls.length;
    const result = await second.app.services.messenger.post({ platform: 'slack', tenantId: 'T2', channelId: 'C1', isDirect: false }, { text: 'Voortgang' });
    expect(result.ok).toBe(true);
    expect(fake.of('chat.postMessage', since).map((c) => c.token)).toEqual(['xoxb-T2']);
    const unknown = await second.app.services.messenger.post({ platform: 'slack', tenantId: 'T404', channelId: 'C1', isDirect: false }, { text: 'Voortgang' });
    expect(unknown).toMatchObject({ ok: false, error: 'conversation_gone' });
  });

  it('handles a retry that lands on the other instance once', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    const event = { type: 'app_mention', user: 'U2', text: '<@UBOTT2> sonde draad één keer', ts, channel: 'C9', event_ts: ts };
    await sendEvent(first.server.url, event, { team: 'T2', eventId: 'EvTWICE' });
    await fake.waitFor(reply('C9', 'één keer', since), 'the answer');
    const inbox = second.app.inbox;
    const receive = inbox.receive.bind(inbox);
    const refused: string[] = [];
    inbox.receive = async (source, id, payload) => {
      const claimed = await receive(source, id, payload);
      if (!claimed) refused.push(id);
      return claimed;
    };
    const retry = await sendEvent(second.server.url, event, { team: 'T2', eventId: 'EvTWICE', headers: { 'x-slack-retry-num': '1' } });
    expect(retry.status).toBe(200);
    for (let i = 0; i < 500 && !refused.includes('EvTWICE'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(refused).toEqual(['EvTWICE']);
    // A later event on the retry's instance is answered; the retry was not.
    const later = nextTs();
    await sendEvent(second.server.url, { ...event, text: '<@UBOTT2> sonde draad daarna', ts: later, event_ts: later }, { team: 'T2' });
    await fake.waitFor(reply('C9', 'daarna', since), 'the later answer');
    expect(fake.of('chat.postMessage', since).filter((c) => String(c.args.text).includes('één keer'))).toHaveLength(1);
  });
});
