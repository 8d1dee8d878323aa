/**
 * Re-pointed button values through the real Bolt stack (signed requests, fake Web API): the
 * channel in "Vraag het netwerk" and "Deel in kanaal" is sealed for the workspace
 * (src/core/seal.ts), so a press by DM naming network Noord's channel, with no seal, with the seal
 * of another channel or with one made in another workspace, is answered with the neutral text and
 * posts nothing in Noord; the unchanged buttons still work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peers, questionKey } from '../../src/peers/records.ts';
import { UNKNOWN_QUESTION } from '../peers/helpers.ts';
import { type FakeSlack, type SlackCall } from './fake-slack.ts';
import { nextTs, sendCommand, sendEvent, sendInteraction, startSlackPair, type SlackServer } from './slack-helpers.ts';

const NOORD = 'slack:T1:C1';
const SECRET_NAME = 'Noord Geheim';
let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
let close: () => Promise<void>;
let notYours: string;

beforeAll(async () => {
  ({ fake, wegwijs, url, close } = await startSlackPair());
  notYours = wegwijs.app.services.catalog.t('nl', 'core.not_yours').slice(0, 40);
  await sendCommand(url, `netwerk start "${SECRET_NAME}"`, { channel: 'C1', user: 'UFLEUR' });
  await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && String(c.args.text).includes(SECRET_NAME), 'network Noord');
  await sendCommand(url, 'netwerk start Zuid', { channel: 'C2', user: 'UMAL' });
  await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C2' && String(c.args.text).includes('Zuid'), 'network Zuid');
});
afterAll(async () => {
  await close?.();
});

type Block = { elements?: { action_id?: string; value?: string }[] };
const after = (since: number) => (c: SlackCall) => fake.calls.indexOf(c) >= since;
const textOf = (c: SlackCall) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? [])} ${JSON.stringify(c.args.view ?? '')}`;

/** The value (parsed) of the button with this action id in a call's blocks. */
function valueIn(call: SlackCall, id: string): Record<string, unknown> {
  for (const block of (call.args.blocks ?? []) as Block[]) for (const e of block.elements ?? []) if (e.action_id?.startsWith(`${id}~`)) return JSON.parse(e.value!);
  throw new Error(`no ${id} button in ${JSON.stringify(call.args.blocks).slice(0, 300)}`);
}

function press(team: string, user: string, channel: string, actionId: string, value: Record<string, unknown>, ephemeral = false) {
  const ts = nextTs();
  return sendInteraction(url, {
    type: 'block_actions',
    team: { id: team, domain: 'netwerk' },
    user: { id: user, username: user.toLowerCase(), team_id: team },
    api_app_id: 'A1',
    trigger_id: `trigger-${ts}`,
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: ephemeral },
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'netwerk' },
    message: { type: 'message', ts, text: '…', user: `UBOT${team}` },
    actions: [{ type: 'button', action_id: `${actionId}~1`, block_id: 'b1', value: JSON.stringify(value), action_ts: '1' }],
  });
}

/** Asks in a channel; returns the private answer (ephemeral) that carries the button. */
async function privateAnswer(team: string, user: string, channel: string, text: string, actionId: string): Promise<SlackCall> {
  const since = fake.calls.length;
  const ts = nextTs();
  await sendEvent(url, { type: 'app_mention', user, text: `<@UBOT${team}> ${text}`, ts, channel, event_ts: ts }, { team });
  return fake.waitFor((c) => c.method === 'chat.postEphemeral' && after(since)(c) && textOf(c).includes(`"${actionId}~`), `the private answer with ${actionId}`);
}

/** Presses by DM and waits for the neutral refusal. */
async function refusedInDm(team: string, user: string, actionId: string, value: Record<string, unknown>): Promise<void> {
  const since = fake.calls.length;
  expect((await press(team, user, 'D1MAL', actionId, value)).status).toBe(200);
  await fake.waitFor((c) => after(since)(c) && textOf(c).includes(notYours), `the refusal of ${actionId} ${JSON.stringify(value).slice(0, 60)}`);
}

async function expectNoordUntouched(since: number): Promise<void> {
  const calls = fake.calls.slice(since);
  expect(calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1')).toEqual([]);
  expect(calls.filter((c) => c.method === 'views.open')).toEqual([]);
  expect(calls.map(textOf).join('\n')).not.toContain(SECRET_NAME);
  expect(await peers(wegwijs.app.services).get(NOORD, questionKey(1))).toBeUndefined();
  expect(await wegwijs.app.store.members.get(NOORD, 'UMAL')).toBeUndefined();
}

describe('Slack: sealed channel fields in button values', () => {
  it('refuses "Vraag het netwerk" by DM naming Noord’s channel, unsealed, re-pointed, or sealed in another workspace', async () => {
    const refusal = await privateAnswer('T1', 'UMAL', 'C2', UNKNOWN_QUESTION, 'peers.ask');
    const genuine = valueIn(refusal, 'peers.ask');
    expect(genuine.c).toBe('C2');
    // A colleague in workspace T2 with a channel C1 of its own.
    const foreign = valueIn(await privateAnswer('T2', 'UEVE', 'C1', UNKNOWN_QUESTION, 'peers.ask'), 'peers.ask');
    expect(foreign.c).toBe('C1');
    const since = fake.calls.length;
    await refusedInDm('T1', 'UMAL', 'peers.ask', { t: UNKNOWN_QUESTION, lang: 'nl', c: 'C1' });
    await refusedInDm('T1', 'UMAL', 'peers.ask', { ...genuine, c: 'C1' });
    await refusedInDm('T1', 'UMAL', 'peers.ask', foreign);
    await expectNoordUntouched(since);
    // The unchanged button, pressed where it was shown, opens the confirmation for Zuid.
    const before = fake.calls.length;
    await press('T1', 'UMAL', 'C2', 'peers.ask', genuine, true);
    const modal = await fake.waitFor((c) => c.method === 'views.open' && after(before)(c), 'the confirmation for Zuid');
    expect(textOf(modal)).toContain('Zuid');
    expect(textOf(modal)).not.toContain(SECRET_NAME);
  });

  it('refuses "Deel in kanaal" re-pointed at Noord’s channel, and shares the unchanged one in its own thread', async () => {
    const answer = await privateAnswer('T1', 'UMAL', 'C2', 'Wat doet het CCE?', 'ask.share');
    const genuine = valueIn(answer, 'ask.share');
    const since = fake.calls.length;
    await refusedInDm('T1', 'UMAL', 'ask.share', { ...genuine, c: 'C1' });
    await refusedInDm('T1', 'UMAL', 'ask.share', { q: genuine.q, lang: 'nl', c: 'C1', m: '' });
    await expectNoordUntouched(since);
    expect(fake.of('chat.postMessage', since).filter((c) => c.args.channel === 'C2')).toEqual([]);
    await press('T1', 'UMAL', 'C2', 'ask.share', genuine, true);
    const shared = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C2' && after(since)(c), 'the shared answer');
    expect(textOf(shared)).toContain('Wat doet het CCE?');
  });
});
