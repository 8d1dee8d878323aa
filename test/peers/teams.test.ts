/**
 * Peers ask peers through Teams, in explicit local mode against the fake Bot Connector. Teams has no
 * ephemeral messages: the private answer and the confirmation (a card with an input, no modal) come
 * by direct message. The question card mentions the knower with a Teams mention entity; a reply in
 * the card's reply chain reaches the asker by DM; "Opgelost" updates the card in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelMention, FakeConnector, personalMessage, type Recorded } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';
import { listDrafts } from '../../src/peers/index.ts';
import { NETWORK_ANSWER, UNKNOWN_QUESTION } from './helpers.ts';

const TENANT = 'tenant-a';
const CHANNEL = '19:noord@thread.tacv2';
const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna de Boer' };
const bram = { id: '29:bram', aadObjectId: 'aad-bram', name: 'Bram' };
const fleur = { id: '29:fleur', aadObjectId: 'aad-fleur', name: 'Fleur' };

let bot: TeamsBot;
let teams: FakeConnector;

beforeAll(async () => {
  teams = await new FakeConnector().start();
  bot = await startTeamsBot({ localMode: true });
  await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user: fleur }, 'netwerk start "Noord"'));
  await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user: bram }, 'ik weet van pgb, meerzorg'));
});
afterAll(async () => {
  await bot?.close();
  await teams?.close();
});

/** The conversation id of the bot's direct chat with a user (opened with POST /v3/conversations). */
function dmOf(userId: string): string | undefined {
  const all = teams.requests;
  const created = all.findLastIndex((r) => r.path === '/v3/conversations' && r.method === 'POST' && JSON.stringify(r.body.members ?? []).includes(userId));
  // The bot posts into the conversation it was given right after creating it.
  return created < 0 ? undefined : all.slice(created + 1).find((r) => r.conversationId?.startsWith('a:'))?.conversationId;
}

/** The Action.Submit data of a button with this action id in a sent activity. */
function submitOf(record: Recorded, actionId: string): Record<string, unknown> {
  const found = JSON.stringify(record.body).match(new RegExp(`"data":(\\{"wegwijs":"${actionId.replace('.', '\\.')}"(?:,"value":\\{[^}]*\\})?\\})`));
  if (!found) throw new Error(`no ${actionId} in ${JSON.stringify(record.body).slice(0, 500)}`);
  return JSON.parse(found[1]);
}

const to = (conversation: string | undefined, since: number) => teams.sent.slice(since).filter((r) => r.method === 'POST' && r.conversationId === conversation);
/** What a user got by direct message since `since`: proactive (the chat the bot opened) or as the reply to their own turn in the chat. */
const dms = (user: { id: string }, since: number) => teams.sent.slice(since).filter((r) => r.method === 'POST' && (r.conversationId === dmOf(user.id) || r.conversationId === `a:personal-${user.id}`));
const body = (r: Recorded) => JSON.stringify(r.body);

/** An invoke (a dialog's task/fetch or task/submit) in the user's personal chat. */
function dialogInvoke(name: string, user: typeof anna, value: unknown) {
  return {
    type: 'invoke', name, id: `inv-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', from: user, recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } }, value,
  };
}

function pressInDm(user: typeof anna, value: Record<string, unknown>, replyToId?: string) {
  return teams.deliver(bot.url, personalMessage({ tenant: TENANT, user }, '', { text: undefined, value, ...(replyToId ? { replyToId } : {}) }));
}

describe('peers through Teams', () => {
  it('answers privately first by DM with "Deel in kanaal", and shares it in the reply chain', async () => {
    const since = teams.sent.length;
    const question = channelMention({ tenant: TENANT, channel: CHANNEL, user: anna }, 'Wat doet het CCE?');
    await teams.deliver(bot.url, question);
    const dm = dms(anna, since);
    expect(dm).toHaveLength(1);
    expect(body(dm[0])).toContain('Deel in kanaal');
    expect(teams.sent.slice(since).filter((r) => r.conversationId?.startsWith(CHANNEL))).toEqual([]);
    const before = teams.sent.length;
    await pressInDm(anna, submitOf(dm[0], 'ask.share'), dm[0].responseId);
    const shared = teams.sent.slice(before).filter((r) => r.conversationId === `${CHANNEL};messageid=${question.id}`);
    expect(shared).toHaveLength(1);
    expect(body(shared[0])).toContain('Wat doet het CCE?');
  });

  it('goes from a refusal to the network, and the answer back to the asker', async () => {
    let since = teams.sent.length;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user: anna }, UNKNOWN_QUESTION));
    const refusal = dms(anna, since)[0];
    expect(body(refusal)).toContain('Vraag het netwerk');

    // The confirmation is a Teams dialog: an opener card in the DM, the form by task/fetch.
    since = teams.sent.length;
    await pressInDm(anna, submitOf(refusal, 'peers.ask'), refusal.responseId);
    const opener = dms(anna, since)[0];
    expect(teams.sent.slice(since).filter((r) => r.conversationId === CHANNEL)).toEqual([]);
    const open = JSON.parse(body(opener).match(/"data":(\{"msteams":\{"type":"task\/fetch"\},"wegwijsModal":"[^"]+"\})/)![1]);
    const fetched = (await teams.deliver(bot.url, dialogInvoke('task/fetch', anna, { data: open }))).body as { task: { type: string; value: { card: { content: { body: unknown; actions: { data: Record<string, unknown> }[] } } } } };
    expect(fetched.task.type).toBe('continue');
    const form = fetched.task.value.card.content;
    expect(JSON.stringify(form.body)).toContain('Input.Text');
    expect(JSON.stringify(form.body)).toContain(UNKNOWN_QUESTION);

    // Submitted with an edit, by name: the card in the channel mentions Bram with a mention entity.
    since = teams.sent.length;
    const edited = `${UNKNOWN_QUESTION} Graag ervaringen uit de regio.`;
    expect((await teams.deliver(bot.url, dialogInvoke('task/submit', anna, { data: { ...form.actions[0].data, question: edited, as: 'name' } }))).status).toBe(200);
    const card = teams.sent.slice(since).find((r) => r.conversationId === CHANNEL && body(r).includes('Vraag aan het netwerk'))!;
    expect(card).toBeDefined();
    expect(body(card)).toContain('Graag ervaringen uit de regio.');
    expect(body(card)).toContain('<at>Bram</at>');
    // A real mention: the entity (in the card's msteams.entities) names Bram's Teams id.
    expect(body(card)).toMatch(new RegExp(`"type":"mention","text":"<at>Bram</at>","mentioned":\\{"id":"${bram.id}"`));

    // Bram answers in the card's reply chain (no mention needed); Anna gets a DM.
    since = teams.sent.length;
    const reply = channelMention({ tenant: TENANT, channel: CHANNEL, root: card.responseId, user: bram }, '', { text: NETWORK_ANSWER, entities: [] });
    await teams.deliver(bot.url, reply);
    const dm = dms(anna, since).find((r) => body(r).includes('vijf werkdagen'))!;
    expect(dm).toBeDefined();

    // "Opgelost" in the DM: the channel card is updated in place (PUT), a draft is kept.
    since = teams.sent.length;
    await pressInDm(anna, submitOf(dm, 'peers.resolve'), dm.responseId);
    const update = teams.sent.slice(since).find((r) => r.method === 'PUT' && r.activityId === card.responseId)!;
    expect(body(update)).toContain('Opgelost');
    expect((await listDrafts(bot.app.store)).map((d) => d.question)).toContain(edited);
  });

  it('refuses a question of another tenant', async () => {
    const since = teams.sent.length;
    await pressInDm({ ...anna }, { wegwijs: 'peers.resolve', value: { n: `teams:tenant-b:${CHANNEL}`, q: 1 } });
    const answer = dms(anna, since)[0];
    expect(answer.body.text).toBe(bot.app.services.catalog.t('nl', 'core.not_yours'));
  });
});
