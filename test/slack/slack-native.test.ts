/**
 * Slack's own surfaces through the real Bolt stack against the fake Web API: the App Home
 * (`app_home_opened` → `views.publish` with the person's open actions and their buttons, a press
 * on it), the global shortcut "Actie loggen" (owner picker and datepicker, the action logged with
 * its owner and date), and the message shortcut "Vraag Wegwijs hierover" (the message as a
 * question, never as a command, answered privately in its thread).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions } from '../../src/actions/model.ts';
import { ManualClock } from '../../src/core/index.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from './fake-slack.ts';
import { nextTs, sendCommand, sendEvent, sendInteraction, startSlackServer, type SlackServer } from './slack-helpers.ts';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;

type Block = { type: string; block_id?: string; elements?: { type: string; action_id?: string; value?: string }[]; element?: { type: string; action_id?: string }; text?: { text?: string } };


beforeAll(async () => {
  fake = await startFakeSlack();
  wegwijs = await startSlackServer(fake, { clock: new ManualClock('2026-11-18T09:00:00.000Z') });
  url = wegwijs.server.url;
  await sendCommand(url, 'netwerk start "Passende plekken"', { channel: 'C1', user: 'U1' });
  await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1', 'the network reply');
  await sendCommand(url, 'actie Bel de wijkverpleging over de plek', { channel: 'C1', user: 'U1' });
  await fake.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args).includes('Bel de wijkverpleging'), 'the action card');
  await wegwijs.app.inbox.idle();
});

afterAll(async () => {
  await wegwijs?.close();
  await fake?.close();
});

const published = (user: string, since: number) => (c: SlackCall) => c.method === 'views.publish' && c.args.user_id === user && fake.calls.indexOf(c) >= since;

describe('Slack App Home', () => {
  it('app_home_opened publishes the person\'s open actions with their buttons, networks and settings', async () => {
    const since = fake.calls.length;
    await sendEvent(url, { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: nextTs() });
    const call = await fake.waitFor(published('U1', since), 'views.publish');
    const view = call.args.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('Bel de wijkverpleging over de plek');
    expect(all).toContain('Passende plekken');
    const buttons = view.blocks.flatMap((b) => b.elements ?? []).filter((e) => e.type === 'button');
    expect(buttons.map((b) => b.action_id).some((id) => id?.startsWith('actions.done'))).toBe(true);

    // Someone else has no actions: their Home says so.
    const other = fake.calls.length;
    await sendEvent(url, { type: 'app_home_opened', user: 'U9', channel: 'D9', tab: 'home', event_ts: nextTs() });
    const theirs = await fake.waitFor(published('U9', other), 'views.publish for U9');
    expect(JSON.stringify(theirs.args.view)).not.toContain('Bel de wijkverpleging');
  });

  it('a press on the Home marks the action done, answers in the DM and draws the Home again', async () => {
    const since = fake.calls.length;
    await sendEvent(url, { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: nextTs() });
    const view = (await fake.waitFor(published('U1', since), 'views.publish')).args.view as { blocks: Block[]; private_metadata: string };
    const done = view.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('actions.done'))!;
    const before = fake.calls.length;
    const response = await sendInteraction(url, {
      type: 'block_actions',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U1', username: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-home',
      container: { type: 'view', view_id: 'VH1' },
      view: { id: 'VH1', type: 'home', team_id: 'T1', private_metadata: view.private_metadata, blocks: view.blocks },
      actions: [{ type: 'button', action_id: done.action_id, block_id: 'b1', value: done.value, action_ts: nextTs() }],
    });
    expect(response.status).toBe(200);
    await fake.waitFor(published('U1', before), 'the Home drawn again');
    await wegwijs.app.inbox.idle();
    const [action] = (await actions(wegwijs.app.services).list()).map((d) => d.data).filter((a) => a.title === 'Bel de wijkverpleging over de plek');
    expect(action.status).toBe('done');
    const after = fake.calls.slice(before);
    expect(after.some((c) => (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.args.channel !== undefined)).toBe(true);
  });
});

describe('Slack App Home refresh', () => {
  it('is drawn again after a press elsewhere by someone who opened it', async () => {
    const card = [...fake.calls].reverse().find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && JSON.stringify(c.args.blocks ?? '').includes('actions.progress'));
    expect(card).toBeDefined();
    const blocks = (typeof card!.args.blocks === 'string' ? JSON.parse(card!.args.blocks) : card!.args.blocks) as Block[];
    const progress = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('actions.progress'))!;
    const since = fake.calls.length;
    await sendInteraction(url, {
      type: 'block_actions',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U1', username: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-card',
      container: { type: 'message', message_ts: String(card!.response.ts), channel_id: 'C1' },
      channel: { id: 'C1', name: 'passende-plekken' },
      message: { ts: String(card!.response.ts), text: '' },
      actions: [{ type: 'button', action_id: progress.action_id, block_id: 'b1', value: progress.value, action_ts: nextTs() }],
    });
    await fake.waitFor(published('U1', since), 'the Home drawn again');
  });
});

describe('Slack shortcuts', () => {
  it('"Actie loggen" opens a modal with an owner picker and a datepicker; its submit logs the action with owner and date', async () => {
    const since = fake.calls.length;
    await sendInteraction(url, { type: 'shortcut', callback_id: 'wegwijs_log_action', trigger_id: 'trigger-sc', team: { id: 'T1', domain: 'netwerk' }, user: { id: 'U1', username: 'anna', team_id: 'T1' }, api_app_id: 'A1', action_ts: nextTs() });
    const opened = await fake.waitFor((c) => c.method === 'views.open' && fake.calls.indexOf(c) >= since, 'views.open');
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    const kinds = view.blocks.map((b) => b.element?.type);
    expect(kinds).toEqual(['plain_text_input', 'users_select', 'datepicker']);

    const before = fake.calls.length;
    const response = await sendInteraction(url, {
      type: 'view_submission',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U1', username: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-submit',
      view: {
        id: 'V2',
        team_id: 'T1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            'input:title': { title: { type: 'plain_text_input', value: 'Zoek een logeerplek in de regio' } },
            'input:owner': { owner: { type: 'users_select', selected_user: 'U2' } },
            'input:due': { due: { type: 'datepicker', selected_date: '2026-12-15' } },
          },
        },
      },
    });
    expect(response.status).toBe(200);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && JSON.stringify(c.args).includes('Zoek een logeerplek') && fake.calls.indexOf(c) >= before, 'the action card in the channel');
    await wegwijs.app.inbox.idle();
    const logged = (await actions(wegwijs.app.services).list()).map((d) => d.data).find((a) => a.title === 'Zoek een logeerplek in de regio')!;
    expect(logged).toMatchObject({ due: '2026-12-15' });
    expect(logged.ownerName).not.toBe('');
    expect(logged.ownerId ?? logged.ownerName).not.toBe('U1');
  });

  it('"Vraag Wegwijs hierover" takes the message as a question (never a command) and answers privately in its thread', async () => {
    const count = (await actions(wegwijs.app.services).list()).length;
    const since = fake.calls.length;
    const ts = nextTs();
    await sendInteraction(url, {
      type: 'message_action',
      callback_id: 'wegwijs_ask_about',
      trigger_id: 'trigger-msg',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U3', username: 'carla', team_id: 'T1' },
      channel: { id: 'C1', name: 'passende-plekken' },
      message: { type: 'message', user: 'U4', ts, text: 'actie wat is de zorgplicht van het zorgkantoor bij een wlz-indicatie?' },
      response_url: 'http://127.0.0.1:1/unused',
      api_app_id: 'A1',
      action_ts: nextTs(),
    });
    const answer = await fake.waitFor((c) => (c.method === 'chat.postEphemeral' || c.method === 'chat.postMessage') && c.args.thread_ts === ts && fake.calls.indexOf(c) >= since, 'the answer in the thread');
    // Private first: only the asker sees it.
    expect(answer.method).toBe('chat.postEphemeral');
    expect(answer.args.user).toBe('U3');
    expect(JSON.stringify(answer.args).toLowerCase()).toContain('zorgkantoor');
    // Native formatting: the sources in a compact context block with links, the rest folded behind "Meer uitleg".
    const blocks = answer.args.blocks as { type: string; elements?: { type: string; text?: string; action_id?: string }[] }[];
    const sources = blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements ?? []).map((e) => e.text ?? '');
    expect(sources.some((t) => /<https?:\/\/[^|>]+\|[^>]+>/.test(t))).toBe(true);
    const more = wegwijs.app.services.catalog.t('nl', 'ask.explain_more');
    expect(JSON.stringify(blocks)).toContain(more);
    await wegwijs.app.inbox.idle();
    // "actie …" at the start did not log an action.
    expect((await actions(wegwijs.app.services).list()).length).toBe(count);

    // 👍/👎 are Slack's own feedback buttons; 👎 is stored as the answer's vote and the reasons follow.
    const feedback = blocks.find((b) => b.type === 'context_actions')?.elements?.[0] as { type: string; action_id: string; negative_button: { value: string } } | undefined;
    expect(feedback?.type).toBe('feedback_buttons');
    const before = fake.calls.length;
    await sendInteraction(url, {
      type: 'block_actions',
      team: { id: 'T1', domain: 'netwerk' },
      user: { id: 'U3', username: 'carla', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-fb',
      container: { type: 'message', message_ts: ts, channel_id: 'C1', is_ephemeral: true },
      channel: { id: 'C1', name: 'passende-plekken' },
      actions: [{ type: 'feedback_buttons', action_id: feedback!.action_id, block_id: 'fb', value: feedback!.negative_button.value, action_ts: nextTs() }],
    });
    await fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U3' && fake.calls.indexOf(c) >= before, 'the reasons');
    await wegwijs.app.inbox.idle();
    const { feedbackRecords } = await import('../../src/ask/index.ts');
    const votes = (await feedbackRecords(wegwijs.app.store).list()).map((d) => d.data);
    expect(votes).toEqual([expect.objectContaining({ vote: 'down', userId: 'U3' })]);
  });
});
