/**
 * The people's rights through the real Slack stack (signed HTTP into Bolt, fake Web API):
 * `/wegwijs mijn gegevens` from a channel arrives as a direct message, with only an ephemeral
 * note in the channel; `/wegwijs vergeet mij` asks with an ephemeral button that only its owner
 * can use, and a press by that owner removes their data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type SlackCall } from './fake-slack.ts';
import { slackTiming } from '../../adapters/slack/index.ts';
import { nextTs, sendCommand, sendInteraction, startSlackServer, type SlackServer } from './slack-helpers.ts';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;

beforeAll(async () => {
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  wegwijs = await startSlackServer(fake);
  url = wegwijs.server.url;
});

afterAll(async () => {
  await wegwijs?.close();
  await fake?.close();
});

const after = (since: number) => (c: SlackCall) => fake.calls.indexOf(c) >= since;

type Block = { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] };

function press(user: string, channel: string, element: { action_id: string; value: string }) {
  const ts = nextTs();
  return sendInteraction(url, {
    type: 'block_actions',
    team: { id: 'T1', domain: 'netwerk' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: `trigger-${ts}`,
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: true },
    channel: { id: channel, name: 'passende-plekken' },
    actions: [{ type: 'button', action_id: element.action_id, block_id: 'b1', value: element.value, action_ts: '1' }],
  });
}

describe('people’s rights in Slack', () => {
  it('sends "mijn gegevens" as a direct message and forgets only after its owner confirms', async () => {
    let since = fake.calls.length;
    await sendCommand(url, 'rol zorgkantoor', { user: 'U1' });
    await fake.waitFor((c) => after(since)(c) && String(c.args.text).includes('zorgkantoor'), 'the role answer');
    await sendCommand(url, 'rol gemeente', { user: 'U2' });
    await fake.waitFor((c) => after(since)(c) && String(c.args.text).includes('gemeente'), 'the second role answer');

    since = fake.calls.length;
    await sendCommand(url, 'mijn gegevens', { user: 'U1' });
    const dm = await fake.waitFor((c) => after(since)(c) && c.method === 'chat.postMessage' && c.args.channel === 'DU1', 'the direct message');
    expect(String(dm.args.text)).toContain('Rol: zorgkantoor');
    expect(String(dm.args.text)).not.toContain('gemeente');
    const note = await fake.waitFor((c) => after(since)(c) && c.method === 'chat.postEphemeral', 'the private note');
    expect(note.args).toMatchObject({ channel: 'C1', user: 'U1' });
    // Nothing of it in the channel itself.
    expect(fake.of('chat.postMessage', since).filter((c) => c.args.channel === 'C1')).toEqual([]);

    since = fake.calls.length;
    await sendCommand(url, 'vergeet mij', { user: 'U1' });
    const ask = await fake.waitFor((c) => after(since)(c) && c.method === 'chat.postEphemeral' && c.args.user === 'U1', 'the confirmation');
    const confirm = (ask.args.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.text?.text === 'Ja, vergeet mij')!;
    expect(confirm).toBeDefined();

    // Someone else pressing it (the same value, replayed) removes nothing.
    since = fake.calls.length;
    await press('U2', 'C1', confirm);
    const refused = await fake.waitFor((c) => after(since)(c) && c.method === 'chat.postEphemeral' && c.args.user === 'U2', 'the refusal');
    expect(String(refused.args.text)).toContain('niets verwijderd');
    expect(await wegwijs.app.store.users.get('slack:T1', 'U1')).toBeDefined();
    expect(await wegwijs.app.store.users.get('slack:T1', 'U2')).toBeDefined();

    since = fake.calls.length;
    await press('U1', 'C1', confirm);
    const done = await fake.waitFor((c) => after(since)(c) && c.method === 'chat.postEphemeral' && c.args.user === 'U1', 'the result');
    expect(String(done.args.text)).toContain('je voorkeuren verwijderd');
    expect(await wegwijs.app.store.users.get('slack:T1', 'U1')).toBeUndefined();
    expect(await wegwijs.app.store.users.get('slack:T1', 'U2')).toBeDefined();
  });
});
