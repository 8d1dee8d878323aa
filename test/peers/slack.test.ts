/**
 * Peers ask peers through Slack: real HTTP into the real Bolt stack, signed like Slack signs, with
 * the Web API answered by the local fake. Private first (ephemeral, with "Deel in kanaal"), then the
 * network: ephemeral refusal → "Vraag het netwerk" → modal (views.open) → submission → card in the
 * channel with a real mention of the knower → reply in the thread → the asker's DM → "Opgelost" →
 * the card updated and a draft kept. And a channel the bot was removed from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendEvent, sendInteraction, startSlackPair, type SlackServer } from '../slack/slack-helpers.ts';
import { listDrafts } from '../../src/peers/index.ts';
import { NETWORK_ANSWER, UNKNOWN_QUESTION } from './helpers.ts';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ fake, wegwijs, url, close } = await startSlackPair());
});
afterAll(async () => {
  await close?.();
});

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string; text?: { text: string } }[]; text?: { text: string } };

/** A button in a call's blocks whose action id starts with `id~`. */
function buttonIn(call: SlackCall, id: string): { action_id: string; value: string } {
  const blocks = (call.args.blocks ?? (call.args.view as { blocks?: Block[] } | undefined)?.blocks ?? []) as Block[];
  for (const block of blocks) for (const e of block.elements ?? []) if (e.action_id?.startsWith(`${id}~`)) return { action_id: e.action_id, value: e.value! };
  throw new Error(`no ${id} button in ${JSON.stringify(blocks).slice(0, 400)}`);
}

const after = (since: number) => (c: SlackCall) => fake.calls.indexOf(c) >= since;
const textOf = (c: SlackCall) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? [])}`;

function press(user: string, channel: string, button: { action_id: string; value: string }, options: { ephemeral?: boolean; messageTs?: string; dm?: boolean } = {}) {
  const ts = options.messageTs ?? nextTs();
  return sendInteraction(url, {
    type: 'block_actions',
    team: { id: 'T1', domain: 'netwerk' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: `trigger-${ts}`,
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: Boolean(options.ephemeral) },
    channel: { id: channel, name: options.dm ? 'directmessage' : 'noord' },
    message: { type: 'message', ts, text: '…', user: 'UBOTT1' },
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: '1' }],
  });
}

async function mention(user: string, channel: string, text: string): Promise<string> {
  const ts = nextTs();
  await sendEvent(url, { type: 'app_mention', user, text: `<@UBOTT1> ${text}`, ts, channel, event_ts: ts });
  return ts;
}

describe('peers through Slack', () => {
  it('answers privately first with "Deel in kanaal", and shares the answer in the thread on request', async () => {
    await sendCommand(url, 'netwerk start Noord', { channel: 'C1', user: 'U9' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && String(c.args.text).includes('Noord'), 'the network');
    const since = fake.calls.length;
    const asked = await mention('U1', 'C1', 'Wat doet het CCE?');
    const answer = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && after(since)(c), 'the private answer');
    expect(answer.args).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(textOf(answer)).toContain('Deel in kanaal');
    expect(fake.of('chat.postMessage', since).filter((c) => c.args.channel === 'C1')).toEqual([]);
    const share = buttonIn(answer, 'ask.share');
    const before = fake.calls.length;
    await press('U1', 'C1', share, { ephemeral: true });
    const shared = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && after(before)(c), 'the shared answer');
    expect(shared.args.thread_ts).toBe(asked);
    expect(textOf(shared)).toContain('Wat doet het CCE?');
    expect(textOf(shared)).toContain('CCE');
  });

  it('takes a refusal to the network and the answer back to the asker', async () => {
    await sendCommand(url, 'ik weet van pgb', { channel: 'C1', user: 'U2' });
    await fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U2', 'the knower saved');
    let since = fake.calls.length;
    await mention('U1', 'C1', UNKNOWN_QUESTION);
    const refusal = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && after(since)(c) && textOf(c).includes('Vraag het netwerk'), 'the private refusal');
    expect(refusal.args.user).toBe('U1');

    // "Vraag het netwerk" opens a modal with the text to post; nothing is posted yet.
    since = fake.calls.length;
    await press('U1', 'C1', buttonIn(refusal, 'peers.ask'), { ephemeral: true });
    const open = await fake.waitFor((c) => c.method === 'views.open' && after(since)(c), 'the confirmation modal');
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { initial_value?: string } }[] };
    expect(view.callback_id).toBe('peers.post');
    expect(view.blocks.find((b) => b.block_id === 'input:question')!.element!.initial_value).toBe(UNKNOWN_QUESTION);
    expect(fake.of('chat.postMessage', since)).toEqual([]);

    // Submitted by name: the card tags the knower with a real mention.
    since = fake.calls.length;
    await sendInteraction(url, {
      type: 'view_submission',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U1', username: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-submit',
      view: {
        id: 'V1', team_id: 'T1', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata,
        state: { values: { 'input:question': { question: { type: 'plain_text_input', value: UNKNOWN_QUESTION } }, 'input:as': { as: { type: 'static_select', selected_option: { value: 'name' } } } } },
      },
    });
    const card = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && after(since)(c) && textOf(c).includes('Vraag aan het netwerk'), 'the question card');
    expect(textOf(card)).toContain('<@U2>');
    expect(textOf(card)).toContain('<@U1>');
    const cardTs = card.response.ts as string;

    // Bram replies in the thread; Anna gets it by direct message.
    since = fake.calls.length;
    const ts = nextTs();
    await sendEvent(url, { type: 'message', channel_type: 'channel', channel: 'C1', user: 'U2', text: NETWORK_ANSWER, ts, thread_ts: cardTs, event_ts: ts });
    await fake.waitFor((c) => c.method === 'conversations.open' && after(since)(c), 'the DM opened');
    const dm = await fake.waitFor((c) => c.method === 'chat.postMessage' && after(since)(c) && textOf(c).includes('vijf werkdagen'), "the asker's DM");
    expect(String(dm.args.channel)).not.toBe('C1');

    // "Opgelost" from the DM: the card is updated, a draft is kept.
    since = fake.calls.length;
    await press('U1', String(dm.args.channel), buttonIn(dm, 'peers.resolve'), { dm: true });
    const update = await fake.waitFor((c) => c.method === 'chat.update' && after(since)(c), 'the card update');
    expect(update.args).toMatchObject({ channel: 'C1', ts: cardTs });
    expect(textOf(update)).toContain('Opgelost');
    await fake.waitFor((c) => c.method === 'chat.postMessage' && after(since)(c) && textOf(c).includes('concept'), 'the resolver told about the draft');
    expect((await listDrafts(wegwijs.app.store)).map((d) => d.question)).toContain(UNKNOWN_QUESTION);
  });

  it('tells the asker when Slack says the bot is no longer in the channel', async () => {
    let since = fake.calls.length;
    await mention('U3', 'C1', UNKNOWN_QUESTION);
    const refusal = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && after(since)(c) && textOf(c).includes('Vraag het netwerk'), 'the refusal');
    since = fake.calls.length;
    await press('U3', 'C1', buttonIn(refusal, 'peers.ask'), { ephemeral: true });
    const open = await fake.waitFor((c) => c.method === 'views.open' && after(since)(c), 'the modal');
    const view = open.args.view as { callback_id: string; private_metadata: string };
    since = fake.calls.length;
    fake.queue('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await sendInteraction(url, {
      type: 'view_submission', team: { id: 'T1', domain: 'netwerk' }, user: { id: 'U3', username: 'carla', team_id: 'T1' }, api_app_id: 'A1', trigger_id: 'trigger-x',
      view: { id: 'V2', team_id: 'T1', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: {} } },
    });
    const told = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && after(since)(c) && c.args.user === 'U3', 'the message to the asker');
    expect(textOf(told)).toContain('niet meer posten');
  });
});
