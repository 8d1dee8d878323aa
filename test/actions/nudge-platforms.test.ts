/**
 * The weekly nudge card through the real Bolt and Agents SDK stacks against the local fake
 * platforms: in Slack it arrives as Block Kit with the owner's buttons and a real mention, a press
 * by someone else is refused privately, the owner's press updates the message (chat.update) and
 * "Mijn update" opens a modal whose submission updates the card again; in Teams it is an Adaptive
 * Card with Action.Submit buttons, and the owner's press updates it in place (PUT).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendEvent, sendInteraction, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';
import { channelMention, FakeConnector } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';

/** Wednesday 18 November 2026, 10:00 in Amsterdam, and the next Monday 09:00 (the default slot). */
const WEDNESDAY = '2026-11-18T09:00:00.000Z';
const MONDAY_0900 = new Date('2026-11-23T08:00:00.000Z');

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { type: string; action_id: string; value: string; text: { text: string } }[] };

describe('the nudge card in Slack (Block Kit)', () => {
  let fake: FakeSlack;
  let slack: SlackServer;
  const clock = new ManualClock(WEDNESDAY);
  beforeAll(async () => {
    fake = await startFakeSlack();
    slack = await startSlackServer(fake, { clock });
  });
  afterAll(async () => {
    await slack?.close();
    await fake?.close();
  });

  const press = (user: string, messageTs: string, button: { action_id: string; value: string }) =>
    sendInteraction(slack.server.url, {
      type: 'block_actions',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: `trigger-${user}`,
      container: { type: 'message', message_ts: messageTs, channel_id: 'C40', is_ephemeral: false },
      channel: { id: 'C40', name: 'passende-plekken' },
      message: { type: 'message', ts: messageTs, text: 'nudge', user: 'UBOTT1' },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: '1' }],
    });

  it('arrives as blocks with the owner buttons; only the owner changes it, in place, also through the modal', async () => {
    const url = slack.server.url;
    const owner = 'UBRAM40';
    let since = fake.calls.length;
    await sendCommand(url, 'netwerk start "Passende plekken"', { channel: 'C40', user: 'U1' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && String(c.args.text).includes('Passende plekken') && fake.calls.indexOf(c) >= since, 'the network');
    since = fake.calls.length;
    const ts = nextTs();
    await sendEvent(url, { type: 'app_mention', user: 'U1', text: `<@UBOTT1> actie Bel de wijkverpleging <@${owner}> voor vrijdag`, ts, channel: 'C40', event_ts: ts });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && String(c.args.text).includes('Bel de wijkverpleging') && fake.calls.indexOf(c) >= since, 'the action card');
    await fake.waitFor((c) => c.method === 'chat.postMessage' && String(c.args.text).includes('deed nog niet mee') && fake.calls.indexOf(c) >= since, 'the owner notice');

    since = fake.calls.length;
    await slack.app.bot.tick(MONDAY_0900);
    const post = fake.of('chat.postMessage', since).find((c) => c.args.channel === 'C40' && String(c.args.text).includes('Wekelijkse voortgang'))!;
    expect(post).toBeDefined();
    const blocks = post.args.blocks as Block[];
    const shown = JSON.stringify(blocks);
    expect(shown).toContain('Wekelijkse voortgang van Passende plekken');
    // The owner is a real Slack mention in the card, so Slack notifies them.
    expect(shown).toContain(`<@${owner}>`);
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.text.text)).toEqual(['Klaar', 'Loopt', 'Vast', 'Mijn update']);
    expect(buttons.map((b) => b.action_id.replace(/~\d+$/, ''))).toEqual(['actions.done', 'actions.progress', 'actions.stuck', 'actions.update']);
    const messageTs = String(post.response.ts);
    clock.set('2026-11-23T10:15:00+01:00');

    // Someone else: a private, friendly refusal; the card stays as it is.
    since = fake.calls.length;
    await press('U1', messageTs, buttons[0]);
    const refusal = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && fake.calls.indexOf(c) >= since, 'the refusal');
    expect(refusal.args).toMatchObject({ channel: 'C40', user: 'U1' });
    expect(String(refusal.args.text)).toContain('#1');
    expect(fake.of('chat.update', since)).toEqual([]);

    // The owner presses "Loopt": the same message is updated.
    since = fake.calls.length;
    await press(owner, messageTs, buttons[1]);
    const update = await fake.waitFor((c) => c.method === 'chat.update' && fake.calls.indexOf(c) >= since, 'the card updated');
    expect(update.args.ts).toBe(messageTs);
    expect(JSON.stringify(update.args.blocks)).toContain('bijgewerkt, dank je!');

    // "Mijn update": a modal with the two questions; its submission updates the card again.
    since = fake.calls.length;
    await press(owner, messageTs, buttons[3]);
    const open = await fake.waitFor((c) => c.method === 'views.open' && fake.calls.indexOf(c) >= since, 'the modal');
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('actions.update_submit');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['input:moved', 'input:next']);
    since = fake.calls.length;
    await sendInteraction(url, {
      type: 'view_submission',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: owner, username: 'bram', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-submit',
      view: {
        id: 'V40',
        team_id: 'T1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { 'input:moved': { moved: { type: 'plain_text_input', value: 'wijkverpleging gebeld' } }, 'input:next': { next: { type: 'plain_text_input', value: 'vrijdag terugbellen' } } } },
      },
    });
    const again = await fake.waitFor((c) => c.method === 'chat.update' && fake.calls.indexOf(c) >= since, 'the card updated from the modal');
    expect(again.args.ts).toBe(messageTs);
    expect(JSON.stringify(again.args.blocks)).toContain('wijkverpleging gebeld · volgende stap: vrijdag terugbellen');
  });
});

describe('the nudge card in Teams (Adaptive Card)', () => {
  const TENANT = 'tenant-a';
  let bot: TeamsBot;
  let teams: FakeConnector;
  beforeEach(async () => {
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ localMode: true, clock: new ManualClock(WEDNESDAY) });
  });
  afterEach(async () => {
    await bot.close();
    await teams.close();
  });

  it('arrives as an Adaptive Card with Action.Submit buttons, and the owner press updates it in place', async () => {
    const channel = '19:nudge-card@thread.tacv2';
    const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna de Boer' };
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk start "Passende plekken"'));
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel, user: anna }, 'actie Bel de wijkverpleging voor vrijdag'));
    const before = teams.requests.length;
    await bot.app.bot.tick(MONDAY_0900);
    const post = teams.requests.slice(before).find((r) => r.method === 'POST' && r.conversationId === channel)!;
    expect(post).toBeDefined();
    const attachment = (post.body.attachments as { contentType: string; content: unknown }[])[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(attachment.content);
    expect(json).toContain('Wekelijkse voortgang van Passende plekken');
    const submits = [...json.matchAll(/"type":"Action\.Submit","title":"([^"]*)","data":(\{"wegwijs":"actions\.[^"]+"(?:,"value":\{[^}]*\})?\})/g)];
    expect(submits.map((m) => m[1])).toEqual(['Klaar', 'Loopt', 'Vast', 'Mijn update']);
    const cardId = post.responseId!;
    const sent = teams.sent.length;
    const press = channelMention({ tenant: TENANT, channel, root: cardId, user: anna }, '', { text: undefined, entities: [], replyToId: cardId, value: JSON.parse(submits[0][2]) });
    expect((await teams.deliver(bot.url, press)).status).toBe(200);
    const answers = teams.sent.slice(sent);
    const put = answers.find((r) => r.method === 'PUT' && r.activityId === cardId)!;
    expect(put).toBeDefined();
    expect(JSON.stringify(put.body)).toContain('heeft #1 \\"Bel de wijkverpleging\\" afgerond');
  });
});
