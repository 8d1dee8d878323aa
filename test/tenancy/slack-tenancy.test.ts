/**
 * Cross-tenant attempts through the real Slack endpoint (signed requests into Bolt, the Web API
 * answered by a local fake): workspace T2 presses buttons, submits a modal, replies in a thread
 * and sends an anonymous code that point at workspace T1, and sends slash commands whose
 * enterprise fields try to stand in for the workspace. Each is refused, changes nothing in T1, and
 * nothing posted in answer names T1's network, action title or owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTiming } from '../../adapters/slack/index.ts';
import { ActionSchema } from '../../src/actions/model.ts';
import type { IncomingMessage } from '../../src/core/index.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { nextTs, postSigned, sendCommand, sendEvent, sendInteraction, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';
import { countTurns, until, type TurnCount } from '../fuzz/gen.ts';

const OWNER = 'UOWNERX';
const OWNER_NAME = `Naam ${OWNER}`;
const NETWORK_NAME = 'Geheim Netwerk Zuidoost';
const TITLE = 'Overleg plaatsing logeerhuis Kersenlaan';
const NETWORK = 'slack:T1:C1';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
let sessionTs: string;
let notYours: string;
let turns: TurnCount;

const action = async () => (await wegwijs.app.store.collection('action', ActionSchema).get(NETWORK, '1'))?.data;
const session = async () => (await wegwijs.app.store.collection('deliberation', SessionSchema).get(NETWORK, sessionTs))?.data;

/** What the bot posted (messages, ephemerals, updates, modals, response_url answers) since a call index. */
const postedSince = (since: number) =>
  JSON.stringify(fake.calls.slice(since).filter((c) => /^(chat\.|views\.|response\/)/.test(c.method)).map((c) => c.args));

function expectNothingDisclosed(since: number, secrets = [NETWORK_NAME, TITLE, OWNER_NAME, 'Kersenlaan']): void {
  const posted = postedSince(since);
  for (const secret of secrets) expect(posted).not.toContain(secret);
}

/** Waits until a turn matching `match` has been handled since `from` (the work runs after Slack's ack). */
const handledSince = (from: number, what: string, match: (m: IncomingMessage) => boolean) => until(what, () => turns.messages.slice(from).some(match));

const refusal = (since: number) => (c: SlackCall) =>
  fake.calls.indexOf(c) >= since && /^chat\.post/.test(c.method) && String(c.args.text).includes(notYours);

const teamT2 = { team: { id: 'T2', domain: 'andere' }, api_app_id: 'A1' };

beforeAll(async () => {
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  wegwijs = await startSlackServer(fake);
  url = wegwijs.server.url;
  notYours = wegwijs.app.services.catalog.t('nl', 'core.not_yours');
  turns = countTurns(wegwijs.app.bot);
  expect(wegwijs.app.bot.has('actions') && wegwijs.app.bot.has('deliberate')).toBe(true);
  await sendCommand(url, `netwerk start "${NETWORK_NAME}"`, { team: 'T1', channel: 'C1', user: OWNER });
  await turns.after(1);
  await sendCommand(url, `actie ${TITLE}`, { team: 'T1', channel: 'C1', user: OWNER });
  await turns.after(2);
  expect((await action())?.title).toBe(TITLE);
  const since = fake.calls.length;
  await sendCommand(url, 'beraad kort', { team: 'T1', channel: 'C1', user: OWNER });
  await turns.after(3);
  const opening = fake.calls.slice(since).find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && !c.args.thread_ts);
  sessionTs = String(opening!.response.ts);
  expect((await session())?.code).toBe(1);
});

afterAll(async () => {
  await wegwijs?.close();
  await fake?.close();
});

describe('Slack: nothing crosses a workspace', () => {
  it('refuses DM button presses from another workspace whose value names T1’s network (owner and stranger)', async () => {
    for (const user of [OWNER, 'UMALLORY']) {
      const since = fake.calls.length;
      const ts = nextTs();
      const response = await sendInteraction(url, {
        type: 'block_actions',
        ...teamT2,
        user: { id: user, username: 'x', team_id: 'T2' },
        trigger_id: 'trigger-dm',
        container: { type: 'message', message_ts: ts, channel_id: 'D2X', is_ephemeral: false },
        channel: { id: 'D2X', name: 'directmessage' },
        message: { type: 'message', ts, text: 'herinnering', user: 'UBOTT1' },
        actions: [{ type: 'button', action_id: 'actions.done', block_id: 'b1', value: JSON.stringify({ network: NETWORK, n: 1, dm: true }), action_ts: '1' }],
      });
      expect(response.status).toBe(200);
      await fake.waitFor(refusal(since), 'the neutral refusal');
      expect((await action())?.status).toBe('open');
      expectNothingDisclosed(since);
    }
  });

  it('refuses a press in a channel of T2 with the same channel id', async () => {
    const since = fake.calls.length;
    const ts = nextTs();
    await sendInteraction(url, {
      type: 'block_actions',
      ...teamT2,
      user: { id: 'UMALLORY', username: 'x', team_id: 'T2' },
      container: { type: 'message', message_ts: ts, channel_id: 'C1', is_ephemeral: false },
      channel: { id: 'C1', name: 'netwerk' },
      message: { type: 'message', ts, text: 'kaart', user: 'UBOTT1' },
      state: { values: { 'input:note': { note: { type: 'plain_text_input', value: 'via de zijdeur' } } } },
      actions: [{ type: 'button', action_id: 'actions.stuck', block_id: 'b1', value: JSON.stringify({ network: NETWORK, n: 1 }), action_ts: '1' }],
    });
    await fake.waitFor(refusal(since), 'the neutral refusal');
    expect((await action())?.history.map((h) => h.event)).not.toContain('stuck');
    expectNothingDisclosed(since);
  });

  it('refuses a modal submission whose private metadata carries T1’s network', async () => {
    const since = fake.calls.length;
    await sendInteraction(url, {
      type: 'view_submission',
      ...teamT2,
      user: { id: OWNER, username: 'x', team_id: 'T2' },
      trigger_id: 'trigger-submit',
      view: {
        id: 'V9',
        team_id: 'T2',
        type: 'modal',
        callback_id: 'actions.later',
        private_metadata: JSON.stringify({ c: 'D2X', d: true, v: { network: NETWORK, n: 1, dm: true } }),
        state: { values: { 'input:date': { date: { type: 'plain_text_input', value: 'volgende week' } } } },
      },
    });
    await fake.waitFor(refusal(since), 'the neutral refusal');
    expect((await action())?.due).toBeUndefined();
    expectNothingDisclosed(since);
  });

  it('does not let a T2 thread reply or session button reach T1’s deliberation', async () => {
    const before = await session();
    const count = turns.messages.length;
    const since = fake.calls.length;
    const ts = nextTs();
    await sendEvent(url, { type: 'message', channel: 'C1', channel_type: 'channel', user: 'UMALLORY', text: 'Een bijdrage van buiten', ts, thread_ts: sessionTs, event_ts: ts }, { team: 'T2' });
    const press = nextTs();
    await sendInteraction(url, {
      type: 'block_actions',
      ...teamT2,
      user: { id: OWNER, username: 'x', team_id: 'T2' },
      container: { type: 'message', message_ts: press, channel_id: 'C1', thread_ts: sessionTs },
      channel: { id: 'C1', name: 'netwerk' },
      message: { type: 'message', ts: press, thread_ts: sessionTs, text: 'stap', user: 'UBOTT1' },
      actions: [{ type: 'button', action_id: 'deliberate.next', block_id: 'b1', value: JSON.stringify({ s: sessionTs, i: 0 }), action_ts: '1' }],
    });
    await handledSince(count, 'the thread reply', (m) => m.tenantId === 'T2' && m.text === 'Een bijdrage van buiten');
    await handledSince(count, 'the session button', (m) => m.tenantId === 'T2' && m.action?.id === 'deliberate.next');
    const after = await session();
    expect(after?.step).toBe(before?.step);
    expect(after?.contributions).toEqual(before?.contributions);
    expect(after?.participants).toEqual(before?.participants);
    expectNothingDisclosed(since);
  });

  it('does not take an anonymous note from T2 for T1’s session code', async () => {
    const before = await session();
    const count = turns.messages.length;
    const since = fake.calls.length;
    const ts = nextTs();
    await sendEvent(url, { type: 'message', channel: 'D2X', channel_type: 'im', user: OWNER, text: `beraad anoniem #${before!.code} Een notitie van buiten`, ts, event_ts: ts }, { team: 'T2' });
    await handledSince(count, 'the anonymous note', (m) => m.tenantId === 'T2' && m.channelId === 'D2X' && m.text.includes('anoniem'));
    expect((await session())?.contributions).toEqual(before?.contributions);
    expect(postedSince(since)).not.toContain('notitie van buiten');
    expectNothingDisclosed(since, [NETWORK_NAME, TITLE, OWNER_NAME, 'Kersenlaan', 'passende-plekken']);
  });

  it('takes the workspace, never the enterprise, as the tenant of a slash command', async () => {
    // A workspace inside an enterprise: the tenant is the team (T2), which has no network in C1.
    let count = turns.messages.length;
    let since = fake.calls.length;
    const body = (fields: Record<string, string>) =>
      new URLSearchParams({ token: 'legacy', channel_id: 'C1', channel_name: 'netwerk', user_id: OWNER, user_name: 'x', command: '/wegwijs', text: 'acties', api_app_id: 'A1', response_url: `${fake.url}response/ent`, trigger_id: 't', ...fields }).toString();
    await postSigned(url, body({ team_id: 'T2', enterprise_id: 'E1', is_enterprise_install: 'false' }), 'application/x-www-form-urlencoded');
    await handledSince(count, 'the command', (m) => m.channelId === 'C1' && m.text === 'acties');
    expect(turns.messages.slice(count).filter((m) => m.text === 'acties').map((m) => m.tenantId)).toEqual(['T2']);
    expectNothingDisclosed(since);

    // An enterprise id claiming to be T1 (an "org install" a workspace token cannot have), or an
    // enterprise id without a team: refused before the bot sees them.
    count = turns.messages.length;
    since = fake.calls.length;
    await postSigned(url, body({ team_id: 'T2', enterprise_id: 'T1', is_enterprise_install: 'true' }), 'application/x-www-form-urlencoded');
    await postSigned(url, body({ enterprise_id: 'T1', is_enterprise_install: 'false' }), 'application/x-www-form-urlencoded');
    // A marker from T2 afterwards: once it is handled, the two before it have been dealt with too.
    await sendCommand(url, 'hulp', { team: 'T2', channel: 'C7', user: 'UMALLORY' });
    await handledSince(count, 'the marker', (m) => m.channelId === 'C7');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(turns.messages.slice(count).filter((m) => m.text === 'acties')).toEqual([]);
    expectNothingDisclosed(since);
  });
});
