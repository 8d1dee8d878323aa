/**
 * Attacks on the Slack endpoint from the outside, through the real Bolt stack against the fake
 * Web API: forged and replayed requests, a workspace named in the body that is not the verified
 * one, forged button values and modal metadata that name another workspace's network, action or
 * deliberation, slash commands and direct messages from another workspace (url_verification and
 * damaged bodies: damaged-bodies.test.ts). Each is refused (401/400) or answered with a neutral text; nothing is
 * stored for the wrong workspace, nothing of workspace T1 is shown in T2, no 5xx.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTiming } from '../../adapters/slack/index.ts';
import { ActionSchema } from '../../src/actions/model.ts';
import type { IncomingMessage } from '../../src/core/index.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { countTurns, until, type TurnCount } from '../fuzz/gen.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { eventBody, nextTs, postSigned, sendCommand, sendEvent, sendInteraction, sendMarker, sign, startSlackServer, type SlackServer } from './slack-helpers.ts';

const OWNER = 'UOWNERX';
const NETWORK_NAME = 'Geheim Netwerk Zuidoost';
const TITLE = 'Overleg plaatsing logeerhuis Kersenlaan';
const NETWORK = 'slack:T1:C1';
const SECRETS = [NETWORK_NAME, TITLE, 'Kersenlaan', `Naam ${OWNER}`];

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
let turns: TurnCount;
let sessionTs: string;
let notYours: string;

const action = async () => (await wegwijs.app.store.collection('action', ActionSchema).get(NETWORK, '1'))?.data;
const session = async () => (await wegwijs.app.store.collection('deliberation', SessionSchema).get(NETWORK, sessionTs))?.data;
/** Everything the bot sent to Slack since call `since`, as one string. */
const postedSince = (since: number) => JSON.stringify(fake.calls.slice(since).filter((c) => /^(chat\.|views\.|response\/|files\.)/.test(c.method)).map((c) => c.args));
const expectNothingDisclosed = (since: number) => {
  const posted = postedSince(since);
  for (const secret of SECRETS) expect(posted).not.toContain(secret);
};
const marker = () => sendMarker(url, turns);
const turnsOf = (from: number, match: (m: IncomingMessage) => boolean) => turns.messages.slice(from).filter(match);
const stateOf = async () => ({ action: await action(), session: await session() });
/** The action and the session are as they were before the forged presses. */
async function expectUnchanged(before: Awaited<ReturnType<typeof stateOf>>): Promise<void> {
  const after = await stateOf();
  expect(after.action?.status).toBe(before.action?.status);
  expect(after.action?.history).toEqual(before.action?.history);
  expect(after.session?.step).toBe(before.session?.step);
  expect(after.session?.status).toBe(before.session?.status);
  expect(after.session?.participants).toEqual(before.session?.participants);
  expect(after.session?.contributions).toEqual(before.session?.contributions);
}

beforeAll(async () => {
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  wegwijs = await startSlackServer(fake);
  url = wegwijs.server.url;
  turns = countTurns(wegwijs.app.bot);
  notYours = wegwijs.app.services.catalog.t('nl', 'core.not_yours');
  await sendCommand(url, `netwerk start "${NETWORK_NAME}"`, { team: 'T1', channel: 'C1', user: OWNER });
  await turns.after(1);
  await sendCommand(url, `actie ${TITLE}`, { team: 'T1', channel: 'C1', user: OWNER });
  await turns.after(2);
  const since = fake.calls.length;
  await sendCommand(url, 'beraad kort', { team: 'T1', channel: 'C1', user: OWNER });
  await turns.after(3);
  const opening = fake.calls.slice(since).find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && !c.args.thread_ts);
  sessionTs = String(opening!.response.ts);
  expect((await action())?.title).toBe(TITLE);
  expect((await session())?.code).toBe(1);
});

afterAll(async () => {
  await wegwijs?.close();
  await fake?.close();
});

describe('Slack: forged and replayed requests', () => {
  it('refuses unsigned, mis-signed, tampered, re-schemed and stale requests with 401, before any turn', async () => {
    const before = turns.started;
    const body = new URLSearchParams({ token: 'x', team_id: 'T1', channel_id: 'C1', user_id: OWNER, command: '/wegwijs', text: 'actie Gestolen', api_app_id: 'A1', trigger_id: 't' }).toString();
    const form = 'application/x-www-form-urlencoded';
    const now = Math.floor(Date.now() / 1000);
    const good = sign(body, now);
    const attempts: [string, Promise<Response>][] = [
      ['no headers', fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': form }, body })],
      ['no signature', fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': form, 'x-slack-request-timestamp': String(now) }, body })],
      ['another secret', postSigned(url, body, form, { secret: 'not-the-secret' })],
      ['a tampered body', postSigned(url, body.replace('Gestolen', 'Gestolen2'), form, { timestamp: now, signature: good })],
      ['another scheme', postSigned(url, body, form, { timestamp: now, signature: good.replace('v0=', 'v1=') })],
      ['a truncated signature', postSigned(url, body, form, { timestamp: now, signature: good.slice(0, 20) })],
      ['an empty signature', postSigned(url, body, form, { timestamp: now, signature: '' })],
      ['a timestamp six minutes old', postSigned(url, body, form, { timestamp: now - 360 })],
      ['a timestamp six minutes ahead', postSigned(url, body, form, { timestamp: now + 360 })],
      ['a timestamp that is no number', postSigned(url, body, form, { headers: { 'x-slack-request-timestamp': '1e9' } })],
      ['the signature of another timestamp', postSigned(url, body, form, { timestamp: now - 1, signature: good })],
    ];
    for (const [what, request] of attempts) expect((await request).status, what).toBe(401);
    await marker();
    expect(turns.messages.filter((m) => m.text.includes('Gestolen'))).toEqual([]);
    expect((await wegwijs.app.store.collection('action', ActionSchema).list({ pk: NETWORK })).map((d) => d.data.title)).toEqual([TITLE]);
    expect(turns.started).toBe(before + 1);
  });

  it('runs an event once, however often it arrives (retries with X-Slack-Retry-Num, a replay of the same signed request)', async () => {
    const count = turns.messages.length;
    const ts = nextTs();
    const body = eventBody({ type: 'message', channel: 'D1A', channel_type: 'im', user: 'U1', text: 'wat doet het CCE eenmalig?', ts, event_ts: ts }, { eventId: 'EvReplayOnce1' });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await postSigned(url, body, 'application/json', { timestamp })).status).toBe(200);
    expect((await postSigned(url, body, 'application/json', { timestamp })).status).toBe(200);
    for (const n of ['1', '2']) {
      const retry = await postSigned(url, body, 'application/json', { headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' } });
      expect(retry.status).toBe(200);
    }
    await marker();
    expect(turnsOf(count, (m) => m.text.includes('eenmalig'))).toHaveLength(1);
  });

  it('runs a replayed slash command or button press once: the same signed request within the five minutes', async () => {
    const count = turns.messages.length;
    const command = new URLSearchParams({
      token: 'legacy', team_id: 'T1', channel_id: 'C1', channel_name: 'netwerk', user_id: OWNER, user_name: 'x', command: '/wegwijs',
      text: 'actie Eenmaal gelogd', api_app_id: 'A1', response_url: `${fake.url}response/replay`, trigger_id: 'trig-replay',
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000) - 10;
    const signature = sign(command, timestamp);
    for (let i = 0; i < 3; i++) expect((await postSigned(url, command, 'application/x-www-form-urlencoded', { timestamp, signature })).status).toBeLessThan(500);
    const ts = nextTs();
    const press = new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions', team: { id: 'T1', domain: 'x' }, api_app_id: 'A1', user: { id: OWNER, username: 'x', team_id: 'T1' },
        container: { type: 'message', message_ts: ts, channel_id: 'C1' }, channel: { id: 'C1', name: 'netwerk' },
        message: { type: 'message', ts, text: 'kaart', user: 'UBOTT1' },
        actions: [{ type: 'button', action_id: 'deliberate.join', block_id: 'b', value: JSON.stringify({ s: sessionTs }), action_ts: '1' }],
      }),
    }).toString();
    const pressSignature = sign(press, timestamp);
    for (let i = 0; i < 3; i++) expect((await postSigned(url, press, 'application/x-www-form-urlencoded', { timestamp, signature: pressSignature })).status).toBeLessThan(500);
    await marker();
    expect(turnsOf(count, (m) => m.text === 'actie Eenmaal gelogd')).toHaveLength(1);
    expect(turnsOf(count, (m) => m.action?.id === 'deliberate.join')).toHaveLength(1);
    const titles = (await wegwijs.app.store.collection('action', ActionSchema).list({ pk: NETWORK })).map((d) => d.data.title);
    expect(titles.filter((t) => t === 'Eenmaal gelogd')).toHaveLength(1);
  });
});

describe('Slack: the workspace is the verified one, never the body’s', () => {
  it('takes the installation named in authorizations, not a team_id in the body, as the tenant of an event', async () => {
    const count = turns.messages.length;
    const since = fake.calls.length;
    const ts = nextTs();
    const body = JSON.parse(eventBody({ type: 'app_mention', channel: 'C1', user: 'UMALLORY', text: '<@UBOTT2> acties', ts, event_ts: ts }, { team: 'T2' }));
    await postSigned(url, JSON.stringify({ ...body, team_id: 'T1', event: { ...body.event, team: 'T1', user_team: 'T1' } }), 'application/json');
    await marker();
    expect(turnsOf(count, (m) => m.text.endsWith('acties')).map((m) => m.tenantId)).toEqual(['T2']);
    expectNothingDisclosed(since);
  });

  it('refuses an event whose installation names no workspace (an enterprise id alone, or garbage)', async () => {
    const count = turns.messages.length;
    for (const auth of [
      { enterprise_id: 'T1', team_id: null, user_id: 'UBOTT1', is_bot: true, is_enterprise_install: true },
      { enterprise_id: null, team_id: 'T1:C1', user_id: 'UBOTT1', is_bot: true, is_enterprise_install: false },
    ]) {
      const ts = nextTs();
      const body = JSON.parse(eventBody({ type: 'message', channel: 'D9', channel_type: 'im', user: 'UMALLORY', text: 'acties enterprise', ts, event_ts: ts }));
      const response = await postSigned(url, JSON.stringify({ ...body, team_id: null, authorizations: [auth] }), 'application/json');
      expect(response.status).toBeLessThan(500);
    }
    await marker();
    expect(turnsOf(count, (m) => m.text === 'acties enterprise')).toEqual([]);
  });

  it('answers slash commands from T2 in T1’s channel id with T2’s (empty) data only', async () => {
    const count = turns.messages.length;
    const since = fake.calls.length;
    for (const text of ['acties', 'mijn acties', 'netwerk', 'beraad rapport 1', 'beraad anoniem #1 Een notitie van buiten', 'mijn gegevens', 'netwerk kenners']) {
      await sendCommand(url, text, { team: 'T2', channel: 'C1', user: OWNER, responseUrl: `${fake.url}response/t2` });
    }
    await marker();
    expect(turnsOf(count, (m) => m.channelId === 'C1').every((m) => m.tenantId === 'T2')).toBe(true);
    expectNothingDisclosed(since);
    expect((await session())?.contributions).toEqual([]);
  });

  it('shows none of T1’s networks or actions on the App Home the same user id opens in T2', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    await sendEvent(url, { type: 'app_home_opened', user: OWNER, channel: 'D2HOME', tab: 'home', event_ts: ts }, { team: 'T2' });
    await fake.waitFor((c) => c.method === 'views.publish' && fake.calls.indexOf(c) >= since, 'the Home view');
    expectNothingDisclosed(since);
    // The same user in T1 does see the action: the view is not simply empty.
    const home = fake.calls.length;
    await sendEvent(url, { type: 'app_home_opened', user: OWNER, channel: 'D1HOME', tab: 'home', event_ts: nextTs() }, { team: 'T1' });
    await fake.waitFor((c) => c.method === 'views.publish' && fake.calls.indexOf(c) >= home, 'the Home view in T1');
    expect(postedSince(home)).toContain('Kersenlaan');
  });

  it('lists none of T1’s networks or actions in a direct message from T2, for the same user id', async () => {
    const count = turns.messages.length;
    const since = fake.calls.length;
    for (const text of ['mijn acties', 'acties', 'mijn gegevens', 'netwerken', 'Hoe snel reageert het zorgkantoor op een pgb vraag in ons netwerk?']) {
      const ts = nextTs();
      await sendEvent(url, { type: 'message', channel: 'D2OWNER', channel_type: 'im', user: OWNER, text, ts, event_ts: ts }, { team: 'T2' });
    }
    await marker();
    expect(turnsOf(count, (m) => m.channelId === 'D2OWNER')).toHaveLength(5);
    expectNothingDisclosed(since);
  });
});

describe('Slack: forged button values and modal metadata', () => {
  const press = (team: string, user: string, channel: string, actionId: string, value: unknown, extra: Record<string, unknown> = {}) => {
    const ts = nextTs();
    return sendInteraction(url, {
      type: 'block_actions',
      team: { id: team, domain: 'x' },
      api_app_id: 'A1',
      user: { id: user, username: 'x', team_id: team },
      trigger_id: `trig-${ts}`,
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
      channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'netwerk' },
      message: { type: 'message', ts, text: 'kaart', user: `UBOT${team}` },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: typeof value === 'string' ? value : JSON.stringify(value), action_ts: '1' }],
      ...extra,
    });
  };

  it('changes nothing in T1 for T2 presses naming T1’s network, action, deliberation or question', async () => {
    const before = await stateOf();
    const since = fake.calls.length;
    const count = turns.messages.length;
    const forged: [string, string, unknown][] = [
      ['D2X', 'actions.done', { network: NETWORK, n: 1, dm: true }],
      ['D2X', 'actions.later', { network: NETWORK, n: 1, dm: true }],
      ['D2X', 'actions.update', { network: NETWORK, n: 1, dm: true }],
      ['D2X', 'actions.think', { network: NETWORK, n: 1 }],
      ['C1', 'actions.progress', { network: NETWORK, n: 1 }],
      ['D2X', 'deliberate.next', { s: sessionTs, i: 0, net: NETWORK }],
      ['D2X', 'deliberate.end', { s: sessionTs, i: 0, net: NETWORK, ok: true }],
      ['D2X', 'deliberate.report', { s: sessionTs, net: NETWORK }],
      ['D2X', 'deliberate.download', { s: sessionTs, net: NETWORK }],
      ['C1', 'deliberate.vote', { s: sessionTs, i: 0, c: 0 }],
      ['C1', 'deliberate.rate', { s: sessionTs, i: 0, score: 5 }],
      ['C1', 'deliberate.join', { s: sessionTs }],
      ['D2X', 'peers.ask', { t: 'Hoe snel reageert het zorgkantoor?', c: 'C1', lang: 'nl' }],
      ['D2X', 'peers.post', { p: '00000000-0000-4000-8000-000000000001', n: NETWORK }],
      ['D2X', 'peers.answer', { n: NETWORK, q: 1 }],
      ['D2X', 'peers.resolve', { n: NETWORK, q: 1 }],
      ['D2X', 'networks.quiet', { network: NETWORK }],
      ['D2X', 'rights.forget', { u: OWNER }],
    ];
    for (const [channel, id, value] of forged) expect((await press('T2', OWNER, channel, id, value)).status, id).toBe(200);
    await marker();
    expect(turnsOf(count, (m) => m.action !== undefined && m.tenantId === 'T2')).toHaveLength(forged.length);
    await expectUnchanged(before);
    expect((await wegwijs.app.store.networks.get(NETWORK, NETWORK))?.data.status).toBe('active');
    expectNothingDisclosed(since);
    expect(postedSince(since)).toContain(notYours.slice(0, 30));
    // Nothing was posted in T1's channel by any of it.
    expect(fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && c.token === 'xoxb-T1' && !c.args.user)).toEqual([]);
  });

  it('changes nothing in network C1 for presses in another channel of the same workspace, or by DM from a colleague outside it', async () => {
    await sendCommand(url, 'netwerk start "Ander netwerk"', { team: 'T1', channel: 'C2', user: 'UMALLORY' });
    await marker();
    const before = await stateOf();
    const since = fake.calls.length;
    const count = turns.messages.length;
    const forged: [string, string, unknown][] = [
      ['C2', 'actions.done', { network: NETWORK, n: 1 }],
      ['C2', 'actions.stuck', { network: NETWORK, n: 1 }],
      ['D1MAL', 'actions.done', { network: NETWORK, n: 1, dm: true }],
      ['D1MAL', 'actions.later', { network: NETWORK, n: 1, dm: true }],
      ['C2', 'deliberate.next', { s: sessionTs, i: 0 }],
      ['C2', 'deliberate.join', { s: sessionTs }],
      ['D1MAL', 'deliberate.next', { s: sessionTs, i: 0, net: NETWORK }],
      ['D1MAL', 'deliberate.end', { s: sessionTs, i: 0, net: NETWORK, ok: true }],
      ['D1MAL', 'deliberate.report', { s: sessionTs, net: NETWORK }],
      ['D1MAL', 'peers.answer', { n: NETWORK, q: 1 }],
    ];
    for (const [channel, id, value] of forged) expect((await press('T1', 'UMALLORY', channel, id, value)).status, id).toBe(200);
    await marker();
    expect(turnsOf(count, (m) => m.user.id === 'UMALLORY' && m.action !== undefined)).toHaveLength(forged.length);
    await expectUnchanged(before);
    // Nothing posted in C1 because of it, and the report went to nobody.
    expect(fake.calls.slice(since).filter((c) => /^chat\.post/.test(c.method) && c.args.channel === 'C1')).toEqual([]);
    expect(postedSince(since)).not.toContain(TITLE);
  });

  it('changes nothing for a T2 modal submission whose metadata names T1’s channel, network or session', async () => {
    const before = await action();
    const since = fake.calls.length;
    const count = turns.messages.length;
    const submissions: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['actions.later', { c: 'C1', v: { network: NETWORK, n: 1 } }, { 'input:date': { date: { type: 'plain_text_input', value: 'morgen' } } }],
      ['actions.create', { c: 'C1' }, { 'input:title': { title: { type: 'plain_text_input', value: 'Ingeschoven actie' } } }],
      ['actions.update_submit', { c: 'D2X', d: true, v: { network: NETWORK, n: 1, dm: true } }, { 'input:note': { note: { type: 'plain_text_input', value: 'van buiten' } } }],
      ['peers.post', { c: 'C1', v: { p: '00000000-0000-4000-8000-000000000001', n: NETWORK } }, { 'input:question': { question: { type: 'plain_text_input', value: 'van buiten?' } } }],
      ['deliberate.submit', { c: 'C1', t: sessionTs, v: { s: sessionTs, i: 0 } }, { 'input:answer': { answer: { type: 'plain_text_input', value: 'van buiten' } } }],
    ];
    for (const [callback, metadata, values] of submissions) {
      const response = await sendInteraction(url, {
        type: 'view_submission',
        team: { id: 'T2', domain: 'x' },
        api_app_id: 'A1',
        user: { id: OWNER, username: 'x', team_id: 'T2' },
        trigger_id: 'trig-view',
        view: { id: 'V1', team_id: 'T2', type: 'modal', callback_id: callback, private_metadata: JSON.stringify(metadata), state: { values } },
      });
      expect(response.status, callback).toBe(200);
    }
    await marker();
    expect(turnsOf(count, (m) => m.tenantId === 'T1')).toEqual([]);
    expect((await action())?.history).toEqual(before?.history);
    const titles = (await wegwijs.app.store.collection('action', ActionSchema).list({ pk: NETWORK })).map((d) => d.data.title);
    expect(titles).not.toContain('Ingeschoven actie');
    expect(JSON.stringify((await session())?.contributions)).not.toContain('van buiten');
    expectNothingDisclosed(since);
  });

  it('answers damaged button values and metadata (not JSON, huge, prototype keys, unicode junk) without a 5xx or a failed turn', async () => {
    const count = turns.messages.length;
    const values = ['{', 'null', '[]', '"x"', '{"__proto__":{"x":1},"network":"slack:T1:C1"}', JSON.stringify({ network: 'x'.repeat(5000) }), '\u0000\uFFFF\uD800', JSON.stringify({ network: 'slack:T2:C1\u202E', n: '1e309' })];
    for (const value of values) expect((await press('T2', 'UMALLORY', 'C5', 'actions.done', value)).status).toBe(200);
    const view = await sendInteraction(url, {
      type: 'view_submission',
      team: { id: 'T2', domain: 'x' },
      api_app_id: 'A1',
      user: { id: 'UMALLORY', username: 'x', team_id: 'T2' },
      view: { id: 'V2', type: 'modal', callback_id: 'actions.later', private_metadata: '{"c":', state: { values: {} } },
    });
    expect(view.status).toBe(200);
    await marker();
    expect(turnsOf(count, (m) => m.tenantId === 'T1')).toEqual([]);
  });
});

describe('Slack: where the bot posts', () => {
  it('never calls a command’s response_url that is not Slack’s, even when the channel refuses the answer', async () => {
    const hits: string[] = [];
    const evil = createServer((req, res) => {
      hits.push(String(req.url));
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const port = (evil.address() as { port: number }).port;
      for (const responseUrl of [`http://localhost:${port}/steal`, `https://hooks.slack.com.evil.example/x`, `http://user:pw@127.0.0.1:${port}/x`, 'file:///etc/passwd']) {
        const since = fake.calls.length;
        const count = turns.messages.length;
        fake.queue('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
        fake.queue('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
        await sendCommand(url, 'hulp', { team: 'T2', channel: 'C404', user: 'UMALLORY', responseUrl });
        await until('the command', () => turns.messages.slice(count).some((m) => m.channelId === 'C404'));
        await turns.after(turns.started);
        expect(fake.calls.slice(since).filter((c) => c.method.startsWith('response/'))).toEqual([]);
      }
      expect(hits).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
  });
});
