/**
 * The personal-data corpus through the platforms' native surfaces, as real signed requests into
 * the real server (Bolt with the local fake Slack Web API; the Agents SDK with the local fake Bot
 * Connector), logs at `trace`:
 * - Slack: "Vraag Wegwijs hierover" (a message shortcut that takes another person's message text),
 *   the "Actie loggen" modal's submission, and a press on the App Home;
 * - Teams: a press on a Universal Actions card (`adaptiveCard/action` with its inputs), a dialog
 *   (`task/fetch`, `task/submit`) and the feedback control (`message/submitAction`, with its
 *   free-text comment).
 * Afterwards no form is in the SQLite file or its -wal, the logs, or any call to the platform.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_METADATA } from '../../adapters/slack/home.ts';
import { slackTiming } from '../../adapters/slack/index.ts';
import { loadConfig } from '../../src/config.ts';
import { actions } from '../../src/actions/model.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendInteraction, slackTestConfig } from '../slack/slack-helpers.ts';
import { channelMention, FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { startTracedServer, teamsLocalConfig, type TracedServer } from './traced-server.ts';
import { corpusChunks, personalCorpus } from './forms.ts';
import { leaksIn as leaksOf } from './new-paths-leaks.ts';

type Json = Record<string, unknown>;
const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const chunks = corpusChunks(corpus, 2800);

const leaksIn = (where: Record<string, string>) => leaksOf(where, forms);

describe('Slack shortcuts, modal and App Home with personal data', () => {
  let fake: FakeSlack;
  let traced: TracedServer;
  let server: TracedServer['server'];

  beforeAll(async () => {
    slackTiming.placeholderAfterMs = 60_000;
    fake = await startFakeSlack({ users: { U1: 'Lotte Brinkman', U3: 'Joost Verbeek', U4: 'Mirjam Kok' } });
    traced = await startTracedServer((dir) => slackTestConfig(dir, fake));
    server = traced.server;
  }, 60_000);
  afterAll(async () => {
    await traced?.close();
    await fake?.close();
  });

  const team = { id: 'T1', domain: 'netwerk' };
  const waitSince = (since: number, test: (c: FakeSlack['calls'][number]) => boolean, what: string) => fake.waitFor((c) => fake.calls.indexOf(c) >= since && test(c), what);

  it('store, log and send none of it', async () => {
    let since = fake.calls.length;
    await sendCommand(server.url, 'netwerk start Passende plekken', { channel: 'C1' });
    await waitSince(since, (c) => c.args.channel === 'C1' || c.method.startsWith('response/'), 'the network started');
    for (const chunk of chunks) {
      // Another person's message, taken as a question by the one who pressed the shortcut.
      since = fake.calls.length;
      const ts = nextTs();
      await sendInteraction(server.url, {
        type: 'message_action', callback_id: 'wegwijs_ask_about', trigger_id: 'trigger-msg', team, user: { id: 'U3', username: 'joost', team_id: 'T1' },
        channel: { id: 'C1', name: 'passende-plekken' }, message: { type: 'message', user: 'U4', ts, text: chunk }, response_url: 'http://127.0.0.1:1/unused', api_app_id: 'A1', action_ts: nextTs(),
      });
      await waitSince(since, (c) => c.args.thread_ts === ts, 'the answer in the thread');
      // "Actie loggen": the modal's title field.
      since = fake.calls.length;
      await sendInteraction(server.url, {
        type: 'view_submission', team, user: { id: 'U1', username: 'lotte', team_id: 'T1' }, api_app_id: 'A1', trigger_id: 'trigger-submit',
        view: {
          id: 'V2', team_id: 'T1', type: 'modal', callback_id: 'wegwijs_log_action', private_metadata: JSON.stringify({ shortcut: 'log_action', ch: 'C1' }),
          state: { values: { 'input:title': { title: { type: 'plain_text_input', value: chunk } }, 'input:due': { due: { type: 'datepicker', selected_date: '2026-12-15' } } } },
        },
      });
      await waitSince(since, (c) => c.method === 'chat.postMessage' && c.args.channel === 'C1', 'the action card');
      // A press on the App Home whose value carries free text.
      since = fake.calls.length;
      await sendInteraction(server.url, {
        type: 'block_actions', team, user: { id: 'U1', username: 'lotte', team_id: 'T1' }, api_app_id: 'A1', trigger_id: 'trigger-home',
        container: { type: 'view', view_id: 'VH1' }, view: { id: 'VH1', type: 'home', team_id: 'T1', private_metadata: HOME_METADATA, blocks: [] },
        actions: [{ type: 'button', action_id: 'ask.show', block_id: 'b1', value: JSON.stringify({ card: chunk.slice(0, 900) }), action_ts: nextTs() }],
      });
      await waitSince(since, (c) => c.method === 'views.publish', 'the Home drawn again');
    }
    await traced.app.inbox.idle();
    const where = { ...traced.kept(), slack: JSON.stringify(fake.calls.map((c) => c.args)) };
    expect(leaksIn(where)).toEqual([]);
    expect(where.slack).toContain('[BSN]');
    // Every modal submission logged an action (redacted).
    expect((await actions(traced.app.services).list()).length).toBe(chunks.length);
    expect(where.database + where.wal).toContain('[naam]');
  }, 120_000);
});

describe('Teams invokes, dialogs and feedback with personal data', () => {
  const TENANT = 'tenant-a';
  const LOTTE = { id: '29:lotte', aadObjectId: 'aad-lotte', name: 'Lotte Brinkman' };
  const CHANNEL = '19:net@thread.tacv2';
  const who = { tenant: TENANT, user: LOTTE };
  let teams: FakeConnector;
  let traced: TracedServer;
  let server: TracedServer['server'];

  beforeAll(async () => {
    teams = await new FakeConnector().start();
    traced = await startTracedServer((dir) => loadConfig(teamsLocalConfig(dir)));
    server = traced.server;
  }, 60_000);
  afterAll(async () => {
    await traced?.close();
    await teams?.close();
  });

  const invoke = (name: string, value: unknown, extra: Json = {}, conversation: Json = { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT }) => ({
    type: 'invoke', name, id: `inv-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', from: LOTTE,
    recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' }, conversation, channelData: { tenant: { id: TENANT } }, value, ...extra,
  });
  const deliver = async (activity: Json) => {
    const res = await teams.deliver(server.url, activity);
    expect(res.status).toBeLessThan(500);
    await traced.app.inbox.idle();
    return res;
  };
  const cardOf = (r: { body: Json }) => ((r.body.attachments as { content: Json }[] | undefined)?.[0]?.content ?? {}) as Json;

  it('store, log and send none of it', async () => {
    await deliver(channelMention({ ...who, channel: CHANNEL }, 'netwerk start Passende plekken'));
    for (const chunk of chunks) {
      // A press on a Universal Actions card: the card's inputs come with the invoke.
      await deliver(invoke('adaptiveCard/action', { action: { type: 'Action.Execute', data: { wegwijs: 'actions.create', title: chunk, owner: chunk.slice(0, 90), due: chunk.slice(0, 30) } }, trigger: 'manual' }));
      // The dialog: `actie` posts an opener; the refresh gives the form's button; task/fetch the form; task/submit its values.
      const before = teams.sent.length;
      await deliver(channelMention({ ...who, channel: CHANNEL }, 'actie'));
      const opener = teams.sent.slice(before).find((r) => cardOf(r).refresh)!;
      expect(opener, 'the form opener').toBeDefined();
      const refresh = cardOf(opener).refresh as { action: { data: Json } };
      const mine = (await deliver(invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'wegwijs.refresh', data: refresh.action.data }, trigger: 'automatic' }, { replyToId: opener.responseId, conversation: { id: opener.conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT } }))).body as { value: Json };
      const open = JSON.stringify(mine.value).match(/"data":(\{"msteams":\{"type":"task\/fetch"\}[^}]*\})/);
      const openData = open ? (JSON.parse(open[1]) as Json) : (((mine.value.actions as Json[] | undefined)?.[0]?.data ?? {}) as Json);
      const fetched = (await deliver(invoke('task/fetch', { data: openData }))).body as { task: { type: string; value: { card: { content: Json } } } };
      expect(fetched.task.type).toBe('continue');
      const submit = (fetched.task.value.card.content.actions as Json[])[0];
      await deliver(invoke('task/submit', { data: { ...(submit.data as Json), title: chunk, owner: '', due: '' } }));
      // An answer in the personal chat, then Teams' feedback control with a free-text comment.
      const asked = teams.sent.length;
      await deliver(personalMessage(who, 'Wat is de zorgplicht van het zorgkantoor?'));
      const answer = teams.sent.slice(asked).find((r) => (r.body.channelData as Json | undefined)?.feedbackLoopEnabled);
      expect(answer, 'an answer with the feedback control').toBeDefined();
      await deliver(invoke('message/submitAction', { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: chunk }) } }, { replyToId: answer!.responseId }, { id: `a:personal-${LOTTE.id}`, conversationType: 'personal', tenantId: TENANT }));
    }
    const where = { ...traced.kept(), teams: JSON.stringify(teams.sent.map((r) => r.body)) };
    expect(leaksIn(where)).toEqual([]);
    expect(where.database + where.wal).toContain('[BSN]');
    expect(where.teams).toContain('[naam]');
    // Every press and every dialog logged an action (redacted); every 👎 was counted.
    expect((await actions(traced.app.services).list()).length).toBe(2 * chunks.length);
    const { feedbackRecords } = await import('../../src/ask/index.ts');
    expect((await feedbackRecords(traced.app.store).list()).length).toBeGreaterThan(0);
  }, 120_000);
});
