/**
 * Slack end to end: real HTTP into the real server and Bolt stack, signed like Slack signs, with
 * the Web API answered by a local fake that records every call.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startFakeSlack, type FakeSlack, type SlackCall } from './fake-slack.ts';
import { slackTiming } from '../../adapters/slack/index.ts';
import { toMrkdwn } from '../../adapters/slack/mrkdwn.ts';
import { formatDate, ManualClock } from '../../src/core/index.ts';
import { probeFeature } from './probe-feature.ts';
import { nextTs, postSigned, sendCommand, sendEvent, sendInteraction, sign, startSlackServer, type SlackServer } from './slack-helpers.ts';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
const claims: { id: string; claimed: boolean }[] = [];
let openGate: () => void = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));

const posted = (channel: string, contains: string, since = 0) => (c: SlackCall) =>
  c.method === 'chat.postMessage' && c.args.channel === channel && String(c.args.text).includes(contains) && fake.calls.indexOf(c) >= since;

beforeAll(async () => {
  // Only the placeholder test wants a placeholder; elsewhere a slow machine must not cause one.
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  wegwijs = await startSlackServer(fake, {
    features: [
      probeFeature({
        gate: () => gate,
        // The slow answer waits until the user has seen the placeholder.
        slow: async () => void (await fake.waitFor((c) => c.method === 'chat.postMessage' && String(c.args.text).includes('Even zoeken'), 'the placeholder')),
      }),
    ],
  });
  url = wegwijs.server.url;
  // Every request is kept in the inbox before the ack; a retry finds it there (claimed: false).
  const inbox = wegwijs.app.inbox;
  const receive = inbox.receive.bind(inbox);
  inbox.receive = async (source, id, payload) => {
    const claimed = await receive(source, id, payload);
    if (source === 'slack') claims.push({ id, claimed });
    return claimed;
  };
});

afterAll(async () => {
  await wegwijs?.close();
  await fake?.close();
});

describe('Slack over HTTP', () => {
  it('answers a signed slash command after acknowledging it at once', async () => {
    const since = fake.calls.length;
    const response = await sendCommand(url, 'hulp');
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(posted('C1', 'hulp', since), 'the help reply');
    expect(reply.token).toBe('xoxb-T1');
    expect(fake.of('users.info', since).map((c) => c.args.user)).toContain('U1');
  });

  it('acknowledges before the work is done', async () => {
    const since = fake.calls.length;
    // The handler waits for the gate; the HTTP answer must not.
    const response = await sendCommand(url, 'sonde wacht', { channel: 'C11' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(fake.of('chat.postMessage', since).filter((c) => c.args.text === 'klaar met wachten')).toEqual([]);
    openGate();
    await fake.waitFor(posted('C11', 'klaar met wachten', since), 'the answer after the ack');
  });

  it('answers a slash command in a channel the bot is not in through the response_url', async () => {
    const since = fake.calls.length;
    fake.queue('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await sendCommand(url, 'sonde wie', { channel: 'C10', user: 'U1', responseUrl: `${fake.url}response/cmd1` });
    const responded = await fake.waitFor((c) => c.method === 'response/cmd1' && fake.calls.indexOf(c) >= since, 'the response_url answer');
    expect(responded.args).toMatchObject({ response_type: 'in_channel', text: 'tenant=T1 user=Naam U1' });
  });

  it('answers an app_mention in the thread of the question, without the bot mention', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    const response = await sendEvent(url, { type: 'app_mention', user: 'U2', text: '<@UBOTT1> sonde draad waar is de dossierhouder?', ts, channel: 'C1', event_ts: ts });
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(posted('C1', 'Antwoord in de draad', since), 'the thread reply');
    expect(reply.args.thread_ts).toBe(ts);
    expect(String(reply.args.text)).toContain('waar is de dossierhouder?');
    expect(String(reply.args.text)).not.toContain('UBOT');
  });

  it('answers a question in a direct message', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    await sendEvent(url, { type: 'message', channel_type: 'im', channel: 'D42', user: 'U3', text: 'Wat doet het CCE?', ts, event_ts: ts });
    const reply = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'D42' && fake.calls.indexOf(c) >= since, 'the DM answer');
    expect(reply.args.thread_ts).toBeUndefined();
    const conversation = await wegwijs.app.store.conversations.get('slack:T1', 'D42');
    expect(conversation?.data).toMatchObject({ isDirect: true, userId: 'U3' });
  });

  it('shows a placeholder for a slow answer and replaces it with the answer', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    slackTiming.placeholderAfterMs = 50;
    onTestFinished(() => void (slackTiming.placeholderAfterMs = 60_000));
    await sendEvent(url, { type: 'app_mention', user: 'U2', text: '<@UBOTT1> sonde traag', ts, channel: 'C5', event_ts: ts });
    const placeholder = await fake.waitFor(posted('C5', 'Even zoeken', since), 'the placeholder');
    expect(placeholder.args.thread_ts).toBe(ts);
    const update = await fake.waitFor((c) => c.method === 'chat.update' && c.args.channel === 'C5', 'the update');
    expect(String(update.args.text)).toContain('Eindelijk het antwoord');
    expect(update.args.ts).toBe(placeholder.response.ts);
    expect(fake.of('chat.postMessage', since).filter((c) => c.args.channel === 'C5')).toHaveLength(1);
  });

  it('renders a card as Block Kit and brings a button press back with the inputs', async () => {
    const since = fake.calls.length;
    await sendCommand(url, 'sonde kaart', { channel: 'C2' });
    const cardCall = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C2' && fake.calls.indexOf(c) >= since, 'the card');
    const blocks = cardCall.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'input', 'actions']);
    expect(String(cardCall.args.text)).toContain('*Sonde*');
    const press = blocks.find((b) => b.type === 'actions')!.elements![0];
    expect(press.text.text).toBe('Druk');
    const messageTs = String(cardCall.response.ts);

    const response = await sendInteraction(url, {
      type: 'block_actions',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U4', username: 'bram', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-press',
      container: { type: 'message', message_ts: messageTs, channel_id: 'C2', is_ephemeral: false },
      channel: { id: 'C2', name: 'netwerk' },
      message: { type: 'message', ts: messageTs, text: 'Sonde', user: 'UBOTT1' },
      state: { values: { 'input:note': { note: { type: 'plain_text_input', value: 'hallo' } } } },
      actions: [{ type: 'button', action_id: press.action_id, block_id: 'b1', value: press.value, action_ts: '1' }],
    });
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(posted('C2', 'pressed', since), 'the press reply');
    expect(reply.args.text).toBe(`pressed n=1 note=hallo msg=${messageTs} by=U4`);
  });

  it('answers a press of an unknown button privately (chat.postEphemeral)', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    await sendInteraction(url, {
      type: 'block_actions',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U4', username: 'bram', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-old',
      container: { type: 'message', message_ts: ts, channel_id: 'C2', is_ephemeral: false },
      channel: { id: 'C2', name: 'netwerk' },
      message: { type: 'message', ts, text: 'oud', user: 'UBOTT1' },
      actions: [{ type: 'button', action_id: 'weg.feature~1', block_id: 'b1', value: 'not json', action_ts: '1' }],
    });
    const ephemeral = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && fake.calls.indexOf(c) >= since, 'the private answer');
    expect(ephemeral.args).toMatchObject({ channel: 'C2', user: 'U4' });
    expect(fake.of('chat.postMessage', since)).toEqual([]);
  });

  it('opens a modal with the trigger id and brings the submission back as an action', async () => {
    const since = fake.calls.length;
    await sendCommand(url, 'sonde formulier', { channel: 'C3' });
    const open = await fake.waitFor((c) => c.method === 'views.open' && fake.calls.indexOf(c) >= since, 'views.open');
    expect(open.args.trigger_id).toMatch(/^trigger-command-/);
    const view = open.args.view as { callback_id: string; private_metadata: string; title: { text: string }; blocks: { type: string; block_id: string }[] };
    expect(view.callback_id).toBe('probe.saved');
    expect(view.title.text).toBe('Nieuwe actie');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['input:wat', 'input:wanneer']);

    const response = await sendInteraction(url, {
      type: 'view_submission',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U5', username: 'carla', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-submit',
      view: {
        id: 'V1',
        team_id: 'T1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            'input:wat': { wat: { type: 'plain_text_input', value: 'Bellen met zorgkantoor' } },
            'input:wanneer': { wanneer: { type: 'datepicker', selected_date: '2026-12-01' } },
          },
        },
      },
    });
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(posted('C3', 'saved', since), 'the submission reply');
    expect(reply.args.text).toBe('saved wat=Bellen met zorgkantoor wanneer=2026-12-01 session=s1');
  });

  it('handles a retried event once', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    const event = { type: 'app_mention', user: 'U2', text: '<@UBOTT1> sonde draad eenmalig', ts, channel: 'C4', event_ts: ts };
    await sendEvent(url, event, { eventId: 'EvRETRY1' });
    await fake.waitFor(posted('C4', 'eenmalig', since), 'the first answer');
    const retry = await sendEvent(url, event, { eventId: 'EvRETRY1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await until(() => claims.filter((c) => c.id === 'EvRETRY1').length === 2);
    expect(claims.filter((c) => c.id === 'EvRETRY1').map((c) => c.claimed)).toEqual([true, false]);
    expect(fake.of('chat.postMessage', since).filter((c) => c.args.channel === 'C4')).toHaveLength(1);
  });

  it('ignores other bots, edits and joins, and channel chatter not meant for it', async () => {
    const since = fake.calls.length;
    const base = { type: 'message', channel_type: 'channel', channel: 'C6' };
    await sendEvent(url, { ...base, user: 'U9', bot_id: 'BOTHER', subtype: 'bot_message', text: 'wegwijs hulp', ts: nextTs() });
    await sendEvent(url, { ...base, subtype: 'message_changed', message: { user: 'U9', text: 'wegwijs hulp' }, ts: nextTs() });
    await sendEvent(url, { ...base, subtype: 'channel_join', user: 'U9', text: '<@U9> has joined', ts: nextTs() });
    await sendEvent(url, { ...base, user: 'U9', text: 'gewoon een praatje', ts: nextTs() });
    // A channel message that starts with the entry word is for the bot.
    await sendEvent(url, { ...base, user: 'U9', text: 'wegwijs sonde wie', ts: nextTs() });
    const reply = await fake.waitFor(posted('C6', 'tenant=T1', since), 'the answer to the entry word');
    expect(reply.args.text).toBe('tenant=T1 user=Naam U9');
    expect(fake.of('chat.postMessage', since).filter((c) => c.args.channel === 'C6')).toHaveLength(1);
  });

  it('refuses bad signatures and stale timestamps with 401 and no Web API call', async () => {
    const since = fake.calls.length;
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'EvBAD', event: { type: 'app_mention', user: 'U1', text: 'hulp', ts: '1.1', channel: 'C1' } });
    const now = Math.floor(Date.now() / 1000);
    const wrongSecret = await postSigned(url, body, 'application/json', { secret: 'not-the-secret' });
    const garbage = await postSigned(url, body, 'application/json', { signature: 'v0=00' });
    const stale = await postSigned(url, body, 'application/json', { timestamp: now - 6 * 60, signature: sign(body, now - 6 * 60) });
    const missing = await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect([wrongSecret.status, garbage.status, stale.status, missing.status]).toEqual([401, 401, 401, 401]);
    expect(fake.calls.slice(since)).toEqual([]);
    expect(claims.some((c) => c.id === 'EvBAD')).toBe(false);
  });

  it('answers Slack’s URL verification challenge', async () => {
    const response = await postSigned(url, JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }), 'application/json');
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });
});

describe('Slack proactive delivery through the messenger', () => {
  it('retries after a 429 with the Retry-After of the Web API', async () => {
    const since = fake.calls.length;
    fake.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const before = wegwijs.sleeps.length;
    const result = await wegwijs.app.services.messenger.post({ platform: 'slack', tenantId: 'T1', channelId: 'C7', isDirect: false }, { text: 'Wekelijkse voortgang' });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(wegwijs.sleeps.slice(before)).toContain(1000);
    expect(fake.of('chat.postMessage', since).map((c) => c.args.channel)).toEqual(['C7', 'C7']);
  });

  it('sends a nudge as a direct message, opening the DM first', async () => {
    const since = fake.calls.length;
    const result = await wegwijs.app.services.messenger.sendDirect('slack', 'T1', 'U8', { text: 'Hoe gaat het met je actie?' });
    expect(result.ok).toBe(true);
    expect(fake.of('conversations.open', since).map((c) => c.args.users)).toEqual(['U8']);
    const post = fake.of('chat.postMessage', since)[0];
    expect(post.args).toMatchObject({ channel: 'DU8', text: 'Hoe gaat het met je actie?' });
  });

  it('posts cards proactively in a thread and marks a channel that is gone as dead', async () => {
    const since = fake.calls.length;
    const ref = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C8', isDirect: false };
    const messenger = wegwijs.app.services.messenger;
    expect((await messenger.post(ref, { text: 'In de draad' }, '111.222')).ok).toBe(true);
    expect(fake.of('chat.postMessage', since)[0].args).toMatchObject({ channel: 'C8', thread_ts: '111.222' });

    await wegwijs.app.store.conversations.put('slack:T1', 'C9', { platform: 'slack', tenantId: 'T1', channelId: 'C9', isDirect: false, lastSeenAt: new Date().toISOString() });
    fake.queue('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    const gone = await messenger.post({ ...ref, channelId: 'C9' }, { text: 'Wekelijkse voortgang' });
    expect(gone).toMatchObject({ ok: false, error: 'conversation_gone', attempts: 1 });
    expect((await wegwijs.app.store.conversations.get('slack:T1', 'C9'))?.data.dead).toBe(true);
  });
});

describe('Slack weekly nudge (the real scheduler, end to end)', () => {
  /** Wednesday 18 November 2026, 10:00 in Amsterdam: when the network and its actions are made. */
  const WEDNESDAY = '2026-11-18T09:00:00.000Z';
  /** The next Monday 09:00 in Amsterdam (CET, UTC+1): the default nudge slot. */
  const MONDAY_0900 = new Date('2026-11-23T08:00:00.000Z');
  let nudging: SlackServer;

  beforeAll(async () => {
    // Its own server (and store) with a pinned clock, on the same fake Web API.
    nudging = await startSlackServer(fake, { clock: new ManualClock(WEDNESDAY) });
  });
  afterAll(async () => {
    await nudging?.close();
  });

  it('posts the nudge in the channel and a reminder with buttons to the owner at Monday 09:00, once', async () => {
    const app = nudging.app;
    expect(app.bot.has('networks')).toBe(true);
    expect(app.bot.has('actions')).toBe(true);
    const nudgeUrl = nudging.server.url;
    const t = app.services.catalog.translator('nl');
    const channel = 'C20';
    const owner = 'UBRAM01';
    const step = async (send: () => Promise<Response>, contains: string, what: string) => {
      const since = fake.calls.length;
      expect((await send()).status).toBe(200);
      await fake.waitFor(posted(channel, contains, since), what);
    };

    await step(() => sendCommand(nudgeUrl, 'netwerk start "Passende plekken"', { channel, user: 'U1' }), 'Passende plekken', 'the network started');
    const ts = nextTs();
    await step(
      () => sendEvent(nudgeUrl, { type: 'app_mention', user: 'U1', text: `<@UBOTT1> actie Bel de wijkverpleging over de plek <@${owner}> voor vrijdag`, ts, channel, event_ts: ts }),
      'Bel de wijkverpleging over de plek',
      'the action card',
    );
    await step(() => sendCommand(nudgeUrl, 'actie Zoek een logeerplek in de regio', { channel, user: 'U1' }), 'Zoek een logeerplek', 'the second action');
    // The facilitator notes progress on the owner's action: next Monday's win.
    await step(() => sendCommand(nudgeUrl, 'actie 1 voortgang Eerste gesprek gehad', { channel, user: 'U1' }), 'Voortgang bij actie #1', 'the progress');
    const [network] = (await app.store.networks.list()).map((d) => d.data);
    expect(network).toMatchObject({ name: 'Passende plekken', platform: 'slack', tenantId: 'T1', channelId: channel, schedule: '0 9 * * 1', timeZone: 'Europe/Amsterdam' });
    const ownerName = (await app.store.members.get(network.id, owner))?.data.name;
    expect(ownerName).toBeTruthy();

    const since = fake.calls.length;
    await app.bot.tick(MONDAY_0900);
    const nudged = fake.calls.slice(since);
    expect(nudged.map((c) => c.method)).toEqual(['chat.postMessage', 'conversations.open', 'chat.postMessage']);
    expect(nudged.every((c) => c.token === 'xoxb-T1' && c.response.ok === true)).toBe(true);

    // In the channel (not in a thread): the weekly progress, wins first, then the open actions.
    const [post, open, dm] = nudged;
    expect(post.args.channel).toBe(channel);
    expect(post.args.thread_ts).toBeUndefined();
    const text = String(post.args.text);
    expect(text).toContain(toMrkdwn(`**${t('actions.nudge.title', { network: 'Passende plekken' })}**`));
    expect(text).toContain(t('actions.nudge.wins'));
    // The owner is a real Slack mention, so Slack notifies them.
    expect(text).toContain(t('actions.nudge.win_progress', { owner: `<@${owner}>`, number: 1, title: 'Bel de wijkverpleging over de plek' }).replace(/^@/, ''));
    expect(text).toContain('Eerste gesprek gehad');
    expect(text).toContain(t('actions.nudge.open'));
    // Due last Friday: marked kindly as past, with its date.
    expect(text).toContain(`#1 Bel de wijkverpleging over de plek (${t('actions.nudge.overdue', { date: formatDate('2026-11-20', 'nl') })})`);
    expect(text).toContain('#2 Zoek een logeerplek in de regio');
    expect(text.indexOf(t('actions.nudge.wins'))).toBeLessThan(text.indexOf(t('actions.nudge.open')));

    // To the owner (overdue since Friday): the DM is opened, and the reminder card goes there.
    expect(open.args.users).toBe(owner);
    expect(dm.args.channel).toBe(`D${owner}`);
    const blocks = dm.args.blocks as { type: string; text?: { text: string }; elements?: { type: string; action_id: string; value: string; text: { text: string } }[] }[];
    const shown = JSON.stringify(blocks);
    expect(shown).toContain(t('actions.reminder.title'));
    expect(shown).toContain('#1 Bel de wijkverpleging over de plek');
    expect(shown).not.toContain('#2');
    const pressable = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(pressable.map((b) => b.text.text)).toEqual([t('actions.button.done'), t('actions.button.progress'), t('actions.button.stuck'), t('actions.button.later')]);
    expect(pressable.map((b) => b.action_id.replace(/~\d+$/, ''))).toEqual(['actions.done', 'actions.progress', 'actions.stuck', 'actions.later']);
    for (const b of pressable) expect(JSON.parse(b.value)).toEqual({ network: network.id, n: 1, dm: true });

    // The same slot again (a second tick, a later tick in the same hour): nothing more.
    await app.bot.tick(MONDAY_0900);
    await app.bot.tick(new Date(MONDAY_0900.getTime() + 30 * 60_000));
    expect(fake.calls.slice(since)).toHaveLength(3);
    expect((await app.services.ports.nudgeStatus?.status(network.id))?.lastNudgeAt).toBe(MONDAY_0900.toISOString());
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition not met');
}
