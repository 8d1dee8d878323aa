/**
 * Attacks on the Teams endpoint from the outside, through the real Agents SDK stack:
 * - with credentials (a local authority whose keys this test serves): a token of the app's own
 *   tenant (what a person's Teams SSO token or another app's token is) speaking as the channel, and
 *   service URLs that point anywhere but the Bot Connector (the bot would send its token there);
 * - in local mode, against fake Bot Connectors for tenants A and B: service URLs off this machine,
 *   tenant ids that could pass for a key prefix, replayed activity ids, Action.Submit values and
 *   invokes naming tenant A's ids sent from tenant B, damaged invokes, oversized and junk text.
 * Each is refused (401/400) or answered in words; nothing changes in A, B sees nothing of A, and
 * no host outside the connectors is ever called.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorPolicy, teamsEdge } from '../../adapters/teams/index.ts';
import { ActionSchema } from '../../src/actions/model.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { countTurns, until, type TurnCount } from '../fuzz/gen.ts';
import { channelMention, FakeConnector, personalMessage } from './fake-connector.ts';
import { startTeamsBot, type TeamsBot } from './server.ts';
import { NETWORK_NAME, TEAMS_OWNER, TEAMS_SECRETS, TITLE } from '../helpers/tenant-secrets.ts';

/** A server that records every request: the place an attacker wants the bot to call. */
async function listener(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://localhost:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the Bot Connector hosts Wegwijs answers to', () => {
  it('takes Teams’ own service URLs and refuses look-alikes, plain http and hosts anyone can rent', () => {
    const policy = connectorPolicy('authenticated', []);
    for (const url of ['https://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net/amer/', 'https://smba.infra.gcc.teams.microsoft.com/', 'https://smba.infra.gov.teams.microsoft.us/', 'https://canary.botapi.skype.com/teams/', 'https://webchat.botframework.com/']) {
      expect(policy.isAllowed(url), url).toBe(true);
    }
    for (const url of ['http://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net.evil.example/', 'https://evilsmba.trafficmanager.net.example/', 'https://x.blob.core.windows.net/', 'https://contoso.sharepoint.com/', 'https://botframework.com@evil.example/', 'https://127.0.0.1/', 'not a url', '']) {
      expect(policy.isAllowed(url), url).toBe(false);
    }
    const local = connectorPolicy('local', []);
    expect(local.isAllowed('http://127.0.0.1:3978/')).toBe(true);
    expect(local.isAllowed('http://[::1]:3978/')).toBe(true);
    expect(local.isAllowed('https://smba.trafficmanager.net/emea/')).toBe(false);
  });
});

describe('Teams with credentials: only the channel speaks, and only to the Bot Connector', () => {
  const APP_ID = '00000000-0000-4000-8000-000000000007';
  const TENANT_ID = '00000000-0000-4000-8000-0000000000dd';
  const CHANNEL_TENANT = 'd6d49420-f39b-4df7-a1dc-d59a935871db';
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Server;
  let bot: TeamsBot;
  let evil: Awaited<ReturnType<typeof listener>>;
  let turns: TurnCount;

  beforeAll(async () => {
    const jwk = { ...signing.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    keys = createServer((req, res) => {
      if (req.url?.endsWith('/discovery/v2.0/keys')) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    teamsEdge.authority = `http://127.0.0.1:${(keys.address() as { port: number }).port}/${TENANT_ID}`;
    teamsEdge.connectorHosts = ['127.0.0.1'];
    evil = await listener();
    bot = await startTeamsBot({ env: { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'not-a-secret', TEAMS_TENANT_ID: TENANT_ID } });
    turns = countTurns(bot.app.bot);
  });
  afterAll(async () => {
    teamsEdge.authority = undefined;
    teamsEdge.connectorHosts = [];
    await bot?.close();
    await evil?.close();
    await new Promise<void>((resolve) => keys.close(() => resolve()));
  });

  const token = (claims: Record<string, unknown>) =>
    jwt.sign({ aud: APP_ID, iss: `https://sts.windows.net/${CHANNEL_TENANT}/`, tid: CHANNEL_TENANT, exp: Math.floor(Date.now() / 1000) + 300, ...claims }, signing.privateKey, { algorithm: 'RS256', keyid: 'k1' });
  const deliver = async (serviceUrl: string, claims: Record<string, unknown>) => {
    const activity = { ...personalMessage({ tenant: TENANT_ID, user: { id: '29:facilitator', name: 'Fleur' } }, 'mijn gegevens'), serviceUrl };
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token(claims)}` }, body: JSON.stringify(activity) });
    return { status: res.status, body: await res.text() };
  };

  it('refuses a token of the app’s own tenant (SSO or app-only) with 401: it cannot speak as any user or name a service URL', async () => {
    for (const claims of [
      { iss: `https://sts.windows.net/${TENANT_ID}/`, tid: TENANT_ID, appid: '00000000-0000-4000-8000-0000000000ee' },
      { iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, tid: TENANT_ID, scp: 'access_as_user', oid: 'aad-mallory' },
    ]) {
      expect((await deliver(evil.url, claims)).status).toBe(401);
    }
    expect(evil.hits).toEqual([]);
    expect(turns.started).toBe(0);
  });

  it('refuses missing, unsigned, foreign-key, expired, not-yet-valid and wrong-audience channel tokens with 401', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: APP_ID, iss: `https://sts.windows.net/${CHANNEL_TENANT}/`, tid: CHANNEL_TENANT, serviceurl: evil.url };
    const headers: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: `Bearer ${jwt.sign({ ...claims, exp: now + 300 }, '', { algorithm: 'none' })}` },
      { authorization: `Bearer ${jwt.sign({ ...claims, exp: now + 300 }, stranger.privateKey, { algorithm: 'RS256', keyid: 'k1' })}` },
      { authorization: `Bearer ${jwt.sign({ ...claims, exp: now - 600 }, signing.privateKey, { algorithm: 'RS256', keyid: 'k1' })}` },
      { authorization: `Bearer ${jwt.sign({ ...claims, nbf: now + 3600, exp: now + 7200 }, signing.privateKey, { algorithm: 'RS256', keyid: 'k1' })}` },
      { authorization: `Bearer ${jwt.sign({ ...claims, aud: ['someone-else'], exp: now + 300 }, signing.privateKey, { algorithm: 'RS256', keyid: 'k1' })}` },
      { authorization: `Bearer ${jwt.sign({ ...claims, tid: TENANT_ID, exp: now + 300 }, signing.privateKey, { algorithm: 'RS256', keyid: 'k1' })}` },
    ];
    for (const [i, extra] of headers.entries()) {
      const activity = { ...personalMessage({ tenant: TENANT_ID }, 'hulp'), serviceUrl: evil.url };
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify(activity) });
      expect(res.status, `case ${i}`).toBe(401);
    }
    expect(evil.hits).toEqual([]);
    expect(turns.started).toBe(0);
  });

  it('refuses service URLs that are not the Bot Connector’s, or that differ from the token’s, with 400, and never calls them', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [evil.url, { serviceurl: evil.url }],
      [evil.url, { serviceurl: 'https://smba.trafficmanager.net/emea/' }],
      [evil.url, {}],
      ['https://attacker.blob.core.windows.net/v3/', {}],
      ['https://smba.trafficmanager.net.evil.example/emea/', { serviceurl: 'https://smba.trafficmanager.net.evil.example/emea/' }],
      ['http://smba.trafficmanager.net/emea/', { serviceurl: 'http://smba.trafficmanager.net/emea/' }],
      ['https://user:pw@smba.trafficmanager.net/emea/', { serviceurl: 'https://smba.trafficmanager.net/emea/' }],
      // Allowed host (the test's connector), but the token was issued for another service URL.
      ['http://127.0.0.1:9/', { serviceurl: 'https://smba.trafficmanager.net/emea/' }],
    ];
    for (const [serviceUrl, claims] of cases) expect((await deliver(serviceUrl, claims)).status, serviceUrl).toBe(400);
    expect(evil.hits).toEqual([]);
    expect(turns.started).toBe(0);
    expect(await bot.app.services.messenger.conversation('teams', TENANT_ID, 'a:personal-29:facilitator')).toBeUndefined();
  });
});

describe('Teams in local mode: tenants, service URLs, replays and forged card data', () => {
  const A = 'tenant-a';
  const B = 'tenant-b';
  const CHANNEL = '19:gedeeld@thread.tacv2';
  const OWNER = TEAMS_OWNER;
  const SECRETS = TEAMS_SECRETS;
  let bot: TeamsBot;
  let a: FakeConnector;
  let b: FakeConnector;
  let evil: Awaited<ReturnType<typeof listener>>;
  let turns: TurnCount;
  let sessionRoot: string;
  const networkKey = `teams:${A}:${CHANNEL}`;
  const action = async () => (await bot.app.store.collection('action', ActionSchema).get(networkKey, '1'))?.data;
  const session = async () => (await bot.app.store.collection('deliberation', SessionSchema).get(networkKey, sessionRoot))?.data;
  const seenByB = () => JSON.stringify(b.requests.map((r) => r.body));
  const expectNothingDisclosed = () => {
    for (const secret of SECRETS) expect(seenByB()).not.toContain(secret);
  };
  async function send(connector: FakeConnector, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const before = turns.finished;
    const result = await connector.deliver(bot.url, activity);
    if (result.status === 200 && (activity.type === 'message' || activity.name === 'adaptiveCard/action')) await turns.after(before + 1);
    return result;
  }

  beforeAll(async () => {
    a = await new FakeConnector().start();
    b = await new FakeConnector().start();
    evil = await listener();
    bot = await startTeamsBot({ localMode: true });
    turns = countTurns(bot.app.bot);
    await send(a, channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, `netwerk start "${NETWORK_NAME}"`));
    await send(a, channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, `actie ${TITLE}`));
    const before = a.sent.length;
    await send(a, channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, 'beraad kort'));
    await until('the opening card', () => a.sent.slice(before).some((r) => r.conversationId === CHANNEL));
    sessionRoot = a.sent.slice(before).find((r) => r.conversationId === CHANNEL)!.responseId!;
    expect((await action())?.title).toBe(TITLE);
    expect((await session())?.code).toBe(1);
  });
  afterAll(async () => {
    await bot?.close();
    await a?.close();
    await b?.close();
    await evil?.close();
  });

  it('refuses service URLs off this machine (and with credentials in them) with 400, calling nothing', async () => {
    const started = turns.started;
    for (const serviceUrl of [`${evil.url.replace('localhost', '127.0.0.1.nip.io')}/`, 'http://169.254.169.254/latest/', 'http://10.0.0.1/', 'https://evil.example/', 'file:///etc/passwd', `http://user:pw@127.0.0.1:${new URL(evil.url).port}/`]) {
      const res = await b.deliver(bot.url, { ...personalMessage({ tenant: B }, 'hulp'), serviceUrl });
      expect(res.status, serviceUrl).toBe(400);
      expect(res.body).toMatchObject({ field: 'serviceUrl' });
    }
    expect(evil.hits).toEqual([]);
    expect(turns.started).toBe(started);
  });

  it('refuses tenant ids that could pass for part of another tenant’s keys, and two tenants in one activity', async () => {
    const started = turns.started;
    for (const tenant of [`${A}:${CHANNEL}`, 'tenant a', `${A}\u0000`, ':', 'x'.repeat(200)]) {
      const res = await b.deliver(bot.url, personalMessage({ tenant }, 'acties'));
      expect(res.status, tenant).toBe(400);
    }
    const forged = channelMention({ tenant: B, channel: CHANNEL, user: OWNER }, 'acties');
    expect((await b.deliver(bot.url, { ...forged, channelData: { ...(forged.channelData as object), tenant: { id: A } } })).status).toBe(400);
    expect((await b.deliver(bot.url, { ...forged, conversation: { ...(forged.conversation as object), tenantId: A.toUpperCase() }, channelData: { tenant: { id: B } } })).status).toBe(400);
    expect(turns.started).toBe(started);
    expectNothingDisclosed();
  });

  it('runs a replayed activity once (same id, same conversation), however often it comes', async () => {
    const count = turns.messages.length;
    const activity = personalMessage({ tenant: B, user: { id: '29:bram', name: 'Bram' } }, 'wat doet het CCE nogmaals?');
    for (let i = 0; i < 3; i++) expect((await b.deliver(bot.url, activity)).status).toBe(200);
    await send(b, personalMessage({ tenant: B, user: { id: '29:bram', name: 'Bram' } }, 'hulp'));
    expect(turns.messages.slice(count).filter((m) => m.text.includes('nogmaals'))).toHaveLength(1);
  });

  it('changes nothing in A for Action.Submit values and invokes from B naming A’s network, action, session or channel', async () => {
    const before = { action: await action(), session: await session() };
    const count = turns.messages.length;
    const values: Record<string, unknown>[] = [
      { wegwijs: 'actions.update', value: { network: networkKey, n: 1, dm: true } },
      { wegwijs: 'actions.later', value: { network: networkKey, n: 1, dm: true }, date: 'morgen' },
      { wegwijs: 'actions.think', value: { network: networkKey, n: 1 } },
      { wegwijs: 'deliberate.end', value: { s: sessionRoot, i: 0, net: networkKey, ok: true } },
      { wegwijs: 'deliberate.report', value: { s: sessionRoot, net: networkKey } },
      { wegwijs: 'deliberate.download', value: { s: sessionRoot, net: networkKey } },
      { wegwijs: 'peers.ask', value: { t: 'Hoe snel reageert het zorgkantoor?', c: CHANNEL, lang: 'nl' } },
      { wegwijs: 'peers.answer', value: { n: networkKey, q: 1 } },
      { wegwijs: 'networks.quiet', value: { network: networkKey }, date: 'morgen' },
      { wegwijs: 'rights.forget', value: { u: OWNER.id } },
    ];
    for (const value of values) {
      expect((await send(b, personalMessage({ tenant: B, user: OWNER }, '', { text: undefined, value }))).status).toBe(200);
      const invoke = personalMessage({ tenant: B, user: OWNER }, '', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: 'x', data: value } } });
      expect((await send(b, invoke)).status).toBe(200);
    }
    expect(turns.messages.slice(count).filter((m) => m.tenantId === A)).toEqual([]);
    const after = { action: await action(), session: await session() };
    expect(after.action?.history).toEqual(before.action?.history);
    expect(after.action?.due).toBe(before.action?.due);
    expect(after.session?.status).toBe(before.session?.status);
    expect(after.session?.step).toBe(before.session?.step);
    expect((await bot.app.store.networks.get(networkKey, networkKey))?.data.status).toBe('active');
    expect(JSON.stringify(a.requests.slice(-5).map((r) => r.body))).not.toContain('Hoe snel reageert');
    expectNothingDisclosed();
  });

  it('does not forget or take over A’s channel when B says the bot was removed from, or added to, a conversation with the same id', async () => {
    const stored = async () => bot.app.services.messenger.conversation('teams', A, CHANNEL);
    expect(await stored()).toBeDefined();
    const base = { channelId: 'msteams', recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' }, from: { id: '29:mallory', name: 'Mallory' } };
    const conversation = { id: CHANNEL, conversationType: 'channel', tenantId: B };
    const channelData = { tenant: { id: B }, channel: { id: CHANNEL, name: 'Kaper' }, team: { id: '19:team@thread.tacv2', name: 'Kaper' } };
    for (const activity of [
      { ...base, type: 'conversationUpdate', id: 'cu-1', conversation, channelData, membersRemoved: [{ id: '28:wegwijs-bot' }] },
      { ...base, type: 'installationUpdate', id: 'iu-1', action: 'remove', conversation, channelData },
      { ...base, type: 'conversationUpdate', id: 'cu-2', conversation, channelData, membersAdded: [{ id: '28:wegwijs-bot' }] },
    ]) {
      expect((await b.deliver(bot.url, activity)).status).toBe(200);
    }
    await bot.app.inbox.idle();
    const after = await stored();
    expect(after).toBeDefined();
    expect(after?.name).not.toBe('Kaper');
    expect((after?.platformRef as { serviceUrl: string }).serviceUrl).toBe(a.url);
    expect((await bot.app.store.networks.get(networkKey, networkKey))?.data.status).toBe('active');
    expectNothingDisclosed();
  });

  it('answers damaged and unknown invokes with 200 and a body, never a 5xx, and tells B nothing of A', async () => {
    const invokes: Record<string, unknown>[] = [
      { name: 'adaptiveCard/action', value: null },
      { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: 'actions.done' } } },
      { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: { wegwijs: 'x'.repeat(500) } } } },
      { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: { wegwijs: 'actions.done', value: { network: networkKey, n: { $gt: 0 } } } } } },
      { name: 'task/fetch', value: { data: { wegwijsModal: `${networkKey}|1`, wegwijs: 'actions.later' } } },
      { name: 'task/submit', value: { data: { wegwijs: 'actions.later', value: { network: networkKey, n: 1 }, date: 'morgen' } } },
      { name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"x":1}' } }, replyToId: sessionRoot },
      { name: 'composeExtension/query', value: { commandId: 'search', parameters: [{ name: 'q', value: NETWORK_NAME }] } },
      { name: 'signin/verifyState', value: { state: '123' } },
      { name: 'config/fetch', value: {} },
      { name: 'unknown/thing', value: [1, 2, 3] },
    ];
    for (const extra of invokes) {
      const res = await b.deliver(bot.url, personalMessage({ tenant: B, user: OWNER }, '', { type: 'invoke', text: undefined, ...extra }));
      expect(res.status, String(extra.name)).toBeLessThan(500);
      expect(JSON.stringify(res.body ?? '')).not.toContain(TITLE);
    }
    await send(b, personalMessage({ tenant: B, user: OWNER }, 'hulp'));
    expect((await action())?.due).toBeUndefined();
    expectNothingDisclosed();
  });

  it('takes a card input longer than the core keeps (pasted into a form) as a press, never a 400 the person cannot read', async () => {
    const user = { id: '29:dirk', name: 'Dirk' };
    const chan = '19:eigen@thread.tacv2';
    await send(b, channelMention({ tenant: B, channel: chan, user }, 'netwerk start "Eigen netwerk"'));
    await send(b, channelMention({ tenant: B, channel: chan, user }, 'actie Bel de gemeente'));
    const count = turns.messages.length;
    const long = 'Gebeld en besproken. '.repeat(400);
    const press = channelMention({ tenant: B, channel: chan, user }, '', { text: undefined, entities: [], value: { wegwijs: 'actions.progress', value: { network: `teams:${B}:${chan}`, n: 1 }, note: long } });
    expect((await send(b, press)).status).toBe(200);
    const invoke = channelMention({ tenant: B, channel: chan, user }, '', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, entities: [], value: { action: { type: 'Action.Execute', data: { wegwijs: 'actions.progress', value: { network: `teams:${B}:${chan}`, n: 1 }, note: long } } } });
    expect((await send(b, invoke)).status).toBe(200);
    expect(turns.messages.slice(count).filter((m) => m.action?.id === 'actions.progress')).toHaveLength(2);
  });

  it('takes a message that mentions more people than the core keeps as a message (the first ones kept), never a 400', async () => {
    const user = { id: '29:erik', name: 'Erik' };
    const people = Array.from({ length: 120 }, (_, i) => ({ id: `29:p${i}`, name: `Persoon ${i}` }));
    const text = `<at>Wegwijs</at> wat is de zorgplicht? ${people.map((p) => `<at>${p.name}</at>`).join(' ')}`;
    const entities = [{ type: 'mention', text: '<at>Wegwijs</at>', mentioned: { id: '28:wegwijs-bot', name: 'Wegwijs' } }, ...people.map((p) => ({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: p })), { type: 'clientInfo', locale: 'nl-NL' }];
    const count = turns.messages.length;
    expect((await send(b, channelMention({ tenant: B, channel: '19:veel@thread.tacv2', user }, '', { text, entities }))).status).toBe(200);
    const [turn] = turns.messages.slice(count);
    expect(turn?.mentions.length).toBeGreaterThan(0);
    expect(turn?.text).toContain('zorgplicht');
  });

  it('takes the bot being added to a team together with hundreds of people at once, without a 400', async () => {
    const chan = '19:groot@thread.tacv2';
    const members = [{ id: '28:wegwijs-bot' }, ...Array.from({ length: 600 }, (_, i) => ({ id: `29:m${i}`, name: `Lid ${i}` }))];
    const since = b.sent.length;
    const added = { type: 'conversationUpdate', id: 'cu-big', channelId: 'msteams', recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' }, from: { id: '29:admin' }, conversation: { id: chan, conversationType: 'channel', tenantId: B }, channelData: { tenant: { id: B }, channel: { id: chan, name: 'Groot' } }, membersAdded: members };
    expect((await b.deliver(bot.url, added)).status).toBe(200);
    await until('the greeting', () => b.sent.slice(since).some((r) => r.conversationId?.startsWith(chan)));
  });

  it('answers oversized, junk and self-addressed text in words or not at all, never with a 5xx', async () => {
    const since = b.sent.length;
    const user = { id: '29:carla', name: 'Carla' };
    expect((await send(b, personalMessage({ tenant: B, user }, `wat is zorgplicht ${'heel lang '.repeat(3000)}`))).status).toBe(200);
    const tooLong = bot.app.services.catalog.t('nl', 'core.too_long', { length: 0, max: 0 }).split('(')[0];
    await until('the too-long answer', () => JSON.stringify(b.sent.slice(since).map((r) => r.body)).includes(tooLong));
    expect((await b.deliver(bot.url, personalMessage({ tenant: B, user }, 'x'.repeat(100_001)))).status).toBe(400);
    expect((await send(b, personalMessage({ tenant: B, user }, '\u202Eacties\u202C \u200B\uD800 \u0000 <at>x</at> &amp;lt;script&gt;'))).status).toBe(200);
    // The bot's own id as the sender: never answered.
    const count = turns.finished;
    const echo = personalMessage({ tenant: B, user: { id: '28:wegwijs-bot', name: 'Wegwijs' } }, 'acties');
    expect((await b.deliver(bot.url, echo)).status).toBe(200);
    await send(b, personalMessage({ tenant: B, user }, 'hulp'));
    expect(turns.finished).toBeGreaterThan(count);
    expectNothingDisclosed();
  });
});
