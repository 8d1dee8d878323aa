/**
 * Teams' native surfaces, end to end through the real Agents SDK against the fake Bot Connector:
 * Universal Actions (a refresh gives the facilitator the step controls and a member the
 * read-only card; a press is answered with a card), a dialog (task/fetch, task/submit) that logs
 * an action with a date, and an answer's citations, AI label and feedback control.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actions } from '../../src/actions/model.ts';
import { ManualClock } from '../../src/core/index.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { channelMention, FakeConnector, personalMessage, type Recorded } from './fake-connector.ts';
import { startTeamsBot, type TeamsBot, useTeamsBot } from './server.ts';

const TENANT = 'tenant-native';
const ANNA = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna de Boer' };
const BRAM = { id: '29:bram', aadObjectId: 'aad-bram', name: 'Bram' };
const CARLA = { id: '29:carla', aadObjectId: 'aad-carla', name: 'Carla' };

type Json = Record<string, unknown>;
const cardOf = (r: Recorded) => ((r.body.attachments as { content: Json }[] | undefined)?.[0]?.content ?? {}) as Json;
/** Every action of a card (in ActionSets and the card's own actions). */
function actionsOf(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Json;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    Object.values(o).forEach(walk);
  };
  walk(card.body);
  walk(card.actions);
  return out;
}

/** An `adaptiveCard/action` invoke on a card the bot posted (a refresh or a press). */
function execute(who: typeof ANNA, conversation: string, replyToId: string, action: Json): Json {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `inv-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    from: who,
    recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
    conversation: { id: conversation, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    replyToId,
    value: { action: { type: 'Action.Execute', ...action }, trigger: 'automatic' },
  };
}

function invoke(name: string, who: typeof ANNA, conversation: string, value: unknown, extra: Json = {}): Json {
  return {
    type: 'invoke',
    name,
    id: `inv-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    from: who,
    recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
    conversation: { id: conversation, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    value,
    ...extra,
  };
}

describe('Teams Universal Actions and dialogs', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;

  // One bot for these tests: each works in its own channel.
  beforeAll(async () => {
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ localMode: true, clock: new ManualClock('2026-11-18T09:00:00.000Z') });
  });
  afterAll(async () => {
    await bot.close();
    await teams.close();
  });

  it('refresh: the facilitators get the step controls, a member the read-only card; a press is answered with a card', async () => {
    const channel = '19:beraad-native@thread.tacv2';
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk start "Noord"'));
    // Bram is a facilitator of the network too: he may steer Anna's deliberation (canSteer).
    const mentionBram = { entities: [{ type: 'mention', text: '<at>Wegwijs</at>', mentioned: { id: '28:wegwijs-bot', name: 'Wegwijs' } }, { type: 'mention', text: '<at>Bram</at>', mentioned: BRAM }] };
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk facilitator <at>Bram</at>', mentionBram));
    const before = teams.sent.length;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'beraad kort'));
    const step = teams.sent.slice(before).find((r) => r.conversationId?.startsWith(`${channel};messageid=`) && (cardOf(r).refresh as Json | undefined))!;
    expect(step).toBeDefined();
    const shared = cardOf(step);
    const refresh = shared.refresh as { action: Json; userIds: string[] };
    expect([...refresh.userIds].sort()).toEqual([ANNA.id, BRAM.id]);
    expect(refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'wegwijs.refresh' });
    // The shared card has no steering buttons; every button is a Universal Action.
    const sharedVerbs = actionsOf(shared).map((a) => a.verb);
    expect(sharedVerbs).not.toContain('deliberate.next');
    expect(actionsOf(shared).every((a) => a.type === 'Action.Execute')).toBe(true);

    const conversation = step.conversationId!;
    const refreshFor = async (who: typeof ANNA) => {
      const response = await teams.deliver(bot.url, execute(who, conversation, step.responseId!, { verb: 'wegwijs.refresh', data: refresh.action.data }));
      expect(response.status).toBe(200);
      const body = response.body as { statusCode: number; type: string; value: Json };
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      return body.value;
    };
    const annas = await refreshFor(ANNA);
    const annaVerbs = actionsOf(annas).map((a) => a.verb);
    expect(annaVerbs).toContain('deliberate.next');
    expect(annaVerbs).toContain('deliberate.pause');
    // The refreshed card keeps refreshing (for later updates).
    expect(annas.refresh).toBeDefined();
    expect(actionsOf(await refreshFor(BRAM)).map((a) => a.verb)).toContain('deliberate.next');
    const carlas = await refreshFor(CARLA);
    expect(actionsOf(carlas).map((a) => a.verb)).not.toContain('deliberate.next');
    expect(actionsOf(carlas).map((a) => a.verb)).toContain('deliberate.join');

    // Anna presses "next" (an Action.Execute): the invoke answers with a card, the core moves on.
    const next = actionsOf(annas).find((a) => a.verb === 'deliberate.next')!;
    const count = teams.sent.length;
    const pressed = await teams.deliver(bot.url, execute(ANNA, conversation, step.responseId!, { verb: next.verb, data: next.data }));
    expect(pressed.status).toBe(200);
    expect((pressed.body as { type: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    const after = teams.sent.slice(count);
    // The old step card is closed in place and the second step is posted.
    expect(after.some((r) => r.method === 'PUT' && r.activityId === step.responseId)).toBe(true);
    expect(JSON.stringify(after.map((r) => r.body))).toMatch(/2\/|stap 2|2 van/i);
  });

  it('a refresh of an unknown or another tenant\'s card leaves the card as it was', async () => {
    const response = await teams.deliver(bot.url, execute(ANNA, '19:x@thread.tacv2', 'm1', { verb: 'wegwijs.refresh', data: { wegwijsCard: 'no-such-card' } }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
  });

  it('a form opens as a dialog (task/fetch with Input.Date) and its submit logs the action with its date, once', async () => {
    const channel = '19:acties-native@thread.tacv2';
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk start "Noord"'));
    const before = teams.sent.length;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'actie'));
    const opener = teams.sent.slice(before).find((r) => (cardOf(r).refresh as Json | undefined))!;
    expect(opener).toBeDefined();
    // Everyone else sees whose form it is (a real mention), without the button.
    expect(actionsOf(cardOf(opener))).toEqual([]);
    expect((cardOf(opener).msteams as { entities: Json[] }).entities).toEqual([{ type: 'mention', text: `<at>${ANNA.name}</at>`, mentioned: { id: ANNA.id, name: ANNA.name } }]);
    expect(JSON.stringify(cardOf(opener).body)).toContain(`<at>${ANNA.name}</at>`);
    const refresh = cardOf(opener).refresh as { action: Json; userIds: string[] };
    expect(refresh.userIds).toEqual([ANNA.id]);
    const mine = (await teams.deliver(bot.url, execute(ANNA, opener.conversationId!, opener.responseId!, { verb: 'wegwijs.refresh', data: refresh.action.data }))).body as { value: Json };
    const open = actionsOf(mine.value)[0];
    expect(open).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' } } });
    const data = open.data as Json;

    // Bram cannot open Anna's form.
    const refused = (await teams.deliver(bot.url, invoke('task/fetch', BRAM, channel, { data }))).body as { task: Json };
    expect(refused.task.type).toBe('message');

    const fetched = (await teams.deliver(bot.url, invoke('task/fetch', ANNA, channel, { data }))).body as { task: { type: string; value: { card: { content: Json } } } };
    expect(fetched.task.type).toBe('continue');
    const form = fetched.task.value.card.content;
    expect(JSON.stringify(form.body)).toContain('"type":"Input.Date"');
    const submit = (form.actions as Json[])[0];
    expect(submit.type).toBe('Action.Submit');

    const count = teams.sent.length;
    const values = { ...(submit.data as Json), title: 'Bel de wijkverpleging over de plek', owner: '', due: '2026-12-15' };
    const submitted = await teams.deliver(bot.url, invoke('task/submit', ANNA, channel, { data: values }));
    expect(submitted.status).toBe(200);
    const logged = (await actions(bot.app.services).list()).map((d) => d.data);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ title: 'Bel de wijkverpleging over de plek', due: '2026-12-15' });
    const posted = JSON.stringify(teams.sent.slice(count).map((r) => r.body));
    expect(posted).toContain('Bel de wijkverpleging over de plek');
    expect(posted).toMatch(/15 dec/i);
    // The same dialog submitted again changes nothing.
    const again = await teams.deliver(bot.url, invoke('task/submit', ANNA, channel, { data: values }));
    expect((again.body as { task: Json }).task.type).toBe('message');
    expect(JSON.stringify(teams.sent.slice(count).map((r) => r.body)).split('Bel de wijkverpleging over de plek').length).toBe(posted.split('Bel de wijkverpleging over de plek').length);
  });
});

describe('Teams answers: citations, AI label, feedback', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;

  useTeamsBot((b, t) => ([bot, teams] = [b, t]));

  it('an answer carries its sources as citation entities, no AI label without an LLM, and the feedback control wired to the feedback store', async () => {
    const before = teams.sent.length;
    await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, 'Wat is de zorgplicht van het zorgkantoor?'));
    const answer = teams.sent.slice(before).find((r) => Array.isArray(r.body.entities) && (r.body.entities as Json[]).some((e) => e.type === 'https://schema.org/Message'))!;
    expect(answer).toBeDefined();
    const entity = (answer.body.entities as Json[]).find((e) => e.type === 'https://schema.org/Message')!;
    const citations = entity.citation as { position: number; appearance: { name: string; abstract: string; url?: string } }[];
    expect(citations.length).toBeGreaterThan(0);
    expect(citations[0].position).toBe(1);
    expect(citations[0].appearance.name.length).toBeGreaterThan(0);
    expect(citations[0].appearance.name.length).toBeLessThanOrEqual(80);
    expect(answer.body.text).toContain('[1]');
    // Offline (a curated card, no LLM): no "AI generated" label.
    expect(entity.additionalType).toBeUndefined();
    // Teams' own 👍/👎 replaces the card's buttons.
    expect((answer.body.channelData as Json).feedbackLoopEnabled).toBe(true);
    expect(JSON.stringify(answer.body.attachments)).not.toContain('"ask.up"');

    // 👎 through Teams' feedback control: stored as the answer's vote, and the reasons follow.
    const count = teams.sent.length;
    const feedback = {
      type: 'invoke',
      name: 'message/submitAction',
      id: 'fb-1',
      channelId: 'msteams',
      from: ANNA,
      recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
      conversation: { id: `a:personal-${ANNA.id}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      replyToId: answer.responseId,
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'klopt niet' }) } },
    };
    expect((await teams.deliver(bot.url, feedback)).status).toBe(200);
    const { feedbackRecords } = await import('../../src/ask/index.ts');
    const votes = await feedbackRecords(bot.app.store).list();
    expect(votes.map((v) => v.data.vote)).toEqual(['down']);
    // The free-text comment is never stored.
    expect(JSON.stringify(votes)).not.toContain('klopt niet');
    expect(teams.sent.length).toBeGreaterThan(count);
  });
});

describe('Teams answers written by an LLM', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;
  let llm: FakeOpenAi;

  beforeEach(async () => {
    // A grounded answer citing the first card it was given.
    llm = await startFakeOpenAi((request) => {
      const ids = [...request.messages[1].content.matchAll(/"id": "([a-z0-9-]+)"/g)].map((m) => m[1]);
      return { status: 200, json: completion(JSON.stringify({ answered: true, answer: 'Samengevat: het zorgkantoor moet zorgen dat iemand passende zorg krijgt.', cards: [ids[0]] })) };
    });
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ localMode: true, env: llm.env });
  });
  afterEach(async () => {
    await bot.close();
    await teams.close();
    await llm.close();
  });

  it('has the "AI generated" label with its citations', async () => {
    const before = teams.sent.length;
    await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, 'Wat is de zorgplicht van het zorgkantoor?'));
    expect(llm.requests.length).toBeGreaterThan(0);
    const answer = teams.sent.slice(before).find((r) => JSON.stringify(r.body).includes('Samengevat: het zorgkantoor'))!;
    expect(answer).toBeDefined();
    const entity = (answer.body.entities as Json[]).find((e) => e.type === 'https://schema.org/Message')!;
    expect(entity.additionalType).toEqual(['AIGeneratedContent']);
    expect((entity.citation as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('Teams meetings', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;

  useTeamsBot((b, t) => ([bot, teams] = [b, t]));

  it('a deliberation in a meeting chat announces its step with a targeted meeting notification, and goes on without permission', async () => {
    const chat = '19:meeting_native@thread.v2';
    const inMeeting = (text: string) =>
      personalMessage({ tenant: TENANT }, `<at>Wegwijs</at> ${text}`, {
        conversation: { id: chat, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, meeting: { id: 'MCMmeeting-1' } },
        entities: [{ type: 'mention', text: '<at>Wegwijs</at>', mentioned: { id: '28:wegwijs-bot', name: 'Wegwijs' } }],
      });
    await teams.deliver(bot.url, inMeeting('netwerk start "Overleg"'));
    const before = teams.requests.length;
    await teams.deliver(bot.url, inMeeting('beraad kort'));
    const after = teams.requests.slice(before);
    const notification = after.find((r) => r.method === 'POST' && r.path === '/v1/meetings/MCMmeeting-1/notification');
    expect(notification).toBeDefined();
    const value = notification!.body.value as { recipients: string[]; surfaces: { surface: string }[] };
    expect(notification!.body.type).toBe('targetedMeetingNotification');
    expect(value.recipients).toContain(ANNA.id);
    expect(value.surfaces.length).toBe(1);
    // The fake connector refuses it (no meeting permission): the step card is in the chat all the same.
    expect(after.some((r) => r.conversationId === chat && r.status < 300 && JSON.stringify(r.body).includes('Stap 1'))).toBe(true);

    // Outside a meeting nothing is sent to the meetings API.
    const channel = '19:geen-meeting@thread.tacv2';
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk start "Noord"'));
    const count = teams.requests.length;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'beraad kort'));
    expect(teams.requests.slice(count).some((r) => r.path.startsWith('/v1/meetings/'))).toBe(false);
  });
});
