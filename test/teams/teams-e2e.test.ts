/**
 * End to end: the real server with the real Agents SDK stack, against a local fake Bot Connector
 * (explicit local mode: no Teams credentials, so no token is needed and nothing calls Microsoft).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { button, buttons, card, cardMessage, input, text, type Feature, type IncomingAction } from '../../src/core/index.ts';
import { AskEngine } from '../../src/ask/engine.ts';
import { BOT, channelMention, FakeConnector, personalMessage } from './fake-connector.ts';
import { startTeamsBot, type TeamsBot } from './server.ts';

const TENANT = 'tenant-a';

type AnswerCard = {
  version: string;
  fallbackText?: string;
  body: { type: string; text?: string; size?: string; weight?: string; isSubtle?: boolean; actions?: { type: string; title: string; data: Record<string, unknown> }[] }[];
};

/** A small feature with a command that answers with a card with an input and a button. */
function cardFeature(pressed: { action: IncomingAction; user: string; tenant: string }[]): Feature {
  return {
    name: 'proef',
    commands: [
      {
        names: ['kaart', 'card'],
        summaryKey: 'core.help.summary',
        handler: async (turn) =>
          void (await turn.reply(
            cardMessage(card({ title: 'Proefkaart' }, text('Kies **iets**'), input('notitie', 'Notitie'), buttons(button('Ja', 'proef.ja', { n: 1 }, 'primary')))),
          )),
      },
    ],
    actions: {
      ja: async (turn, action) => {
        pressed.push({ action, user: turn.user.id, tenant: turn.message.tenantId });
        if (action.messageId) await turn.update(action.messageId, cardMessage(card({ title: 'Proefkaart' }, text('Gekozen: ja'))));
      },
    },
  };
}

describe('Teams end to end (local mode)', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;
  const pressed: { action: IncomingAction; user: string; tenant: string }[] = [];

  beforeEach(async () => {
    pressed.length = 0;
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ features: [cardFeature(pressed)], localMode: true });
  });
  afterEach(async () => {
    await bot.close();
    await teams.close();
  });

  it('answers help in a personal chat and stores the reference with its service URL', async () => {
    const res = await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, 'hulp'));
    expect(res.status).toBe(200);
    expect(teams.sent).toHaveLength(1);
    const [reply] = teams.sent;
    expect(reply.method).toBe('POST');
    expect(reply.conversationId).toBe('a:personal-29:anna');
    expect(reply.authorization).toBeUndefined();
    const attachment = (reply.body.attachments as { contentType: string; content: Record<string, unknown> }[])[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.version).toBe('1.5');
    expect(String(attachment.content.fallbackText)).toContain('Wat Wegwijs kan');
    expect(JSON.stringify(attachment.content.body)).toContain('Wat Wegwijs kan');

    const stored = await bot.app.services.messenger.conversation('teams', TENANT, 'a:personal-29:anna');
    expect(stored?.isDirect).toBe(true);
    expect(stored?.userId).toBe('29:anna');
    expect((stored?.platformRef as { serviceUrl: string }).serviceUrl).toBe(teams.url);
  });

  it('refuses malformed activities with 400, sends nothing, and keeps serving', async () => {
    const post = (body: string) => fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = ['not json', '{}', '[1,2,3]', '{"type":"message"}', JSON.stringify({ type: 'message', serviceUrl: teams.url, conversation: {}, from: { id: 'x' } })];
    for (const body of malformed) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
    }
    const named = await (await post('{"type":"message","serviceUrl":"not a url","conversation":{"id":"c"}}')).json();
    expect(named).toMatchObject({ error: 'malformed_activity', field: 'serviceUrl' });
    expect((await post(JSON.stringify({ type: 'message', text: 'x'.repeat(2_000_000) }))).status).toBe(413);
    expect(teams.sent).toHaveLength(0);
    expect((await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, 'hulp'))).status).toBe(200);
    expect(teams.sent).toHaveLength(1);
  });

  it('answers a question in a personal chat with the answer card: title, sources line and 👍/👎 buttons', async () => {
    expect(bot.app.bot.has('ask')).toBe(true);
    const question = 'Wie is dossierhouder bij een crisisopname?';
    // What the offline engine answers from the same knowledge base (no LLM is configured here),
    // so the test follows edits to the cards instead of copying their text.
    const expected = await AskEngine.fromConfig(bot.app.services.config).answer(question, { lang: 'nl' });
    expect(expected.answered).toBe(true);
    const answerCard = expected.card!;
    expect(answerCard.title).toMatch(/dossierhouder/i);
    expect(expected.sources.length).toBeGreaterThan(0);
    const t = bot.app.services.catalog.translator('nl');

    await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, question));
    expect(teams.sent).toHaveLength(1);
    const [reply] = teams.sent;
    expect(reply.method).toBe('POST');
    expect(reply.conversationId).toBe('a:personal-29:anna');
    const attachments = reply.body.attachments as { contentType: string; content: AnswerCard }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = attachments[0].content;
    expect(content.version).toBe('1.5');
    // The card's title comes first, as the card's heading.
    expect(content.body[0]).toMatchObject({ type: 'TextBlock', text: answerCard.title.replace(/`/g, ''), size: 'Large', weight: 'Bolder' });
    // The compact sources line: the first documents with publisher and date ("Meer uitleg" has the rest).
    const sourcesLine = content.body.find((e) => e.type === 'TextBlock' && e.text?.startsWith(t('ask.source_short', { source: '' }).trim()));
    expect(sourcesLine).toMatchObject({ isSubtle: true });
    const documents = [...new Set(expected.sources.map((s) => s.document))].slice(0, 2);
    for (const document of documents) expect(sourcesLine!.text).toContain(document.replace(/`/g, ''));
    // 👍/👎 are Teams' own feedback control (message/submitAction, see teams-native.test.ts), not card buttons.
    expect((reply.body.channelData as { feedbackLoopEnabled?: boolean }).feedbackLoopEnabled).toBe(true);
    expect(JSON.stringify(content.body)).not.toContain('"wegwijs":"ask.up"');
    expect(JSON.stringify(content.body)).not.toContain('"wegwijs":"ask.down"');
    expect(String(content.fallbackText)).toContain(answerCard.title);

    // Pressing Teams' 👍 (a message/submitAction invoke on the answer) reaches the ask feature.
    const like = { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":""}' } };
    await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, '', { type: 'invoke', name: 'message/submitAction', text: undefined, replyToId: reply.responseId, value: like }));
    expect(teams.sent).toHaveLength(2);
    expect(teams.sent[1].body.text).toBe(t('ask.feedback.thanks'));
  });

  it('answers a mention in a channel (mention text stripped) and replies inside a reply chain', async () => {
    const channel = '19:kanaal@thread.tacv2';
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'hulp'));
    expect(teams.sent).toHaveLength(1);
    expect(teams.sent[0].conversationId).toBe(channel);
    expect(JSON.stringify(teams.sent[0].body)).toContain('Wat Wegwijs kan');

    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel, root: 'root-1' }, 'help'));
    expect(teams.sent).toHaveLength(2);
    expect(teams.sent[1].conversationId).toBe(`${channel};messageid=root-1`);

    // A channel message that does not mention the bot (and is in no thread it leads) is ignored.
    const plain = channelMention({ tenant: TENANT, channel }, 'hulp');
    await teams.deliver(bot.url, { ...plain, text: 'hulp', entities: [] });
    expect(teams.sent).toHaveLength(2);
  });

  it('routes an Action.Submit press (flat Teams payload) to the core and updates the card in place', async () => {
    await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, 'kaart'));
    const posted = teams.sent[0];
    const content = (posted.body.attachments as { content: { body: { type: string; actions?: { type: string; data: Record<string, unknown> }[] }[] } }[])[0].content;
    expect(content.body.map((e) => e.type)).toEqual(['TextBlock', 'TextBlock', 'Input.Text', 'ActionSet']);
    const submit = content.body.find((e) => e.type === 'ActionSet')!.actions![0];
    expect(submit.type).toBe('Action.Submit');
    expect(submit.data).toEqual({ wegwijs: 'proef.ja', value: { n: 1 } });
    const cardId = 'bot-1';

    // Teams merges the inputs into the button's data and sends it as a message with `value`.
    const press = personalMessage({ tenant: TENANT, user: { id: '29:bram', aadObjectId: 'aad-bram', name: 'Bram' } }, '', {
      text: undefined,
      replyToId: cardId,
      value: { ...submit.data, notitie: 'graag' },
    });
    const res = await teams.deliver(bot.url, press);
    expect(res.status).toBe(200);
    expect(pressed).toEqual([{ action: { id: 'proef.ja', value: { n: 1 }, inputs: { notitie: 'graag' }, messageId: cardId }, user: '29:bram', tenant: TENANT }]);
    const update = teams.sent.at(-1)!;
    expect(update.method).toBe('PUT');
    expect(update.activityId).toBe(cardId);
    expect(JSON.stringify(update.body)).toContain('Gekozen: ja');
  });

  it('routes an Action.Execute invoke and answers the invoke with 200', async () => {
    const invoke = personalMessage({ tenant: TENANT }, '', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      replyToId: 'bot-9',
      value: { action: { type: 'Action.Execute', verb: 'press', data: { wegwijs: 'proef.ja', value: { n: 2 } } }, trigger: 'manual' },
    });
    const res = await teams.deliver(bot.url, invoke);
    expect(res.status).toBe(200);
    expect((res.body as { statusCode: number }).statusCode).toBe(200);
    expect(pressed.map((p) => p.action)).toEqual([{ id: 'proef.ja', value: { n: 2 }, messageId: 'bot-9' }]);
  });

  it('handles a duplicate delivery of the same activity id once', async () => {
    const activity = personalMessage({ tenant: TENANT }, 'hulp');
    expect((await teams.deliver(bot.url, activity)).status).toBe(200);
    expect((await teams.deliver(bot.url, activity)).status).toBe(200);
    expect(teams.sent).toHaveLength(1);
  });

  it('posts proactively through the stored reference, retrying once after a 429 with Retry-After', async () => {
    await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, 'hulp'));
    const { messenger } = bot.app.services;
    const ref = await messenger.conversation('teams', TENANT, 'a:personal-29:anna');
    expect(ref).toBeDefined();

    const ok = await messenger.post(ref!, { text: 'Hoe gaat het met **je actie**?' });
    expect(ok).toMatchObject({ ok: true, attempts: 1 });
    expect(teams.sent.at(-1)!.body).toMatchObject({ type: 'message', text: 'Hoe gaat het met **je actie**?' });

    teams.failNext(429, { headers: { 'Retry-After': '3' } });
    const slept = bot.sleeps.length;
    const retried = await messenger.post(ref!, { text: 'Tweede herinnering' });
    expect(retried).toMatchObject({ ok: true, attempts: 2 });
    // The one long wait is the Retry-After; the messenger's pacing between messages to one
    // conversation may add short waits (well under a second) that this test does not pin.
    expect(bot.sleeps.slice(slept).filter((ms) => ms >= 1000)).toEqual([3000]);
    expect(teams.requests.filter((r) => r.status === 429)).toHaveLength(1);
    expect(teams.sent.at(-1)!.body.text).toBe('Tweede herinnering');
  });

  it('marks a conversation dead when Teams says the bot is no longer in it', async () => {
    await teams.deliver(bot.url, personalMessage({ tenant: TENANT }, 'hulp'));
    const { messenger } = bot.app.services;
    const ref = await messenger.conversation('teams', TENANT, 'a:personal-29:anna');
    teams.failNext(403, { body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } });
    const result = await messenger.post(ref!, { text: 'Nudge' });
    expect(result).toMatchObject({ ok: false, error: 'conversation_gone', attempts: 1 });
    expect((await messenger.conversation('teams', TENANT, 'a:personal-29:anna'))?.dead).toBe(true);
  });

  it('opens a direct chat with a user seen in a channel (sendDirect through createConversation)', async () => {
    const channel = '19:kanaal@thread.tacv2';
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel, user: { id: '29:carla', aadObjectId: 'aad-carla', name: 'Carla' } }, 'hulp'));
    const result = await bot.app.services.messenger.sendDirect('teams', TENANT, '29:carla', { text: 'Alleen voor jou' });
    expect(result.ok).toBe(true);
    const create = teams.requests.find((r) => r.path === '/v3/conversations');
    expect(create?.body).toMatchObject({ isGroup: false, tenantId: TENANT, members: [{ id: '29:carla' }] });
    expect(teams.sent.at(-1)).toMatchObject({ conversationId: 'a:dm-2', body: { text: 'Alleen voor jou' } });
  });

  it('stores, greets and forgets a conversation on install and removal', async () => {
    const install = {
      type: 'conversationUpdate',
      id: 'cu-1',
      channelId: 'msteams',
      from: { id: '29:anna', aadObjectId: 'aad-anna' },
      recipient: BOT,
      membersAdded: [BOT],
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, team: { id: '19:general@thread.tacv2', name: 'Netwerk' }, eventType: 'teamMemberAdded' },
    };
    await teams.deliver(bot.url, install);
    await teams.deliver(bot.url, { ...install, type: 'installationUpdate', id: 'iu-1', action: 'add', membersAdded: undefined });
    expect(teams.sent).toHaveLength(1);
    expect(String(teams.sent[0].body.text)).toContain('Hallo! Ik ben Wegwijs');
    const { messenger } = bot.app.services;
    const stored = await messenger.conversation('teams', TENANT, '19:general@thread.tacv2');
    expect((stored?.platformRef as { serviceUrl: string; conversation: { id: string } }).conversation.id).toBe('19:general@thread.tacv2');

    await teams.deliver(bot.url, { ...install, id: 'cu-2', membersAdded: undefined, membersRemoved: [BOT] });
    expect(await messenger.conversation('teams', TENANT, '19:general@thread.tacv2')).toBeUndefined();
  });
});
