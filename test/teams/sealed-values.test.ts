/**
 * Forged Action.Submit data through real HTTP into the Teams stack (local mode, fake Bot
 * Connector). On Teams a custom client can send any `value`, so a colleague in the same tenant
 * can write the channel id of another team's network into "Vraag het netwerk" or "Deel in kanaal".
 * Those channel fields are sealed for the tenant (src/core/seal.ts): a forged, changed, foreign
 * or expired one is answered with the catalogue's text and nothing is posted or kept; the
 * unchanged buttons still work, also for someone outside the network (the Teams flow by DM).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, networkId } from '../../src/core/index.ts';
import { peers, questionKey } from '../../src/peers/records.ts';
import { UNKNOWN_QUESTION } from '../peers/helpers.ts';
import { channelMention, FakeConnector, personalMessage, type Recorded } from './fake-connector.ts';
import { startTeamsBot, type TeamsBot } from './server.ts';

const A = 'tenant-a';
const B = 'tenant-b';
const NOORD = '19:noord@thread.tacv2';
const ZUID = '19:zuid@thread.tacv2';
const fleur = { id: '29:fleur', aadObjectId: 'aad-fleur', name: 'Fleur' };
const mallory = { id: '29:mallory', aadObjectId: 'aad-mallory', name: 'Mallory' };
const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna de Boer' };
const eve = { id: '29:eve', aadObjectId: 'aad-eve', name: 'Eve' };
const KNOWN_QUESTION = 'Wat doet het CCE?';

const clock = new ManualClock('2026-11-30T10:00:00+01:00');
let bot: TeamsBot;
let teams: FakeConnector;
const noordKey = networkId({ platform: 'teams', tenantId: A, channelId: NOORD });

beforeAll(async () => {
  teams = await new FakeConnector().start();
  bot = await startTeamsBot({ localMode: true, clock });
  await teams.deliver(bot.url, channelMention({ tenant: A, channel: NOORD, user: fleur }, 'netwerk start "Noord Geheim"'));
  await teams.deliver(bot.url, channelMention({ tenant: A, channel: ZUID, user: mallory }, 'netwerk start "Zuid"'));
});
afterAll(async () => {
  await bot?.close();
  await teams?.close();
});

const body = (r: Recorded) => JSON.stringify(r.body);
const t = (key: string) => bot.app.services.catalog.t('nl', key);
/** Everything the bot sent since `since` (POSTs), and what went into a conversation of a channel. */
const sentSince = (since: number) => teams.sent.slice(since).filter((r) => r.method === 'POST');
const intoChannel = (channel: string, since: number) => sentSince(since).filter((r) => r.conversationId?.startsWith(channel));

/** The Action.Submit data of a button with this action id in a sent activity. */
function submitOf(record: Recorded, actionId: string): { wegwijs: string; value: Record<string, unknown> } {
  const found = body(record).match(new RegExp(`"data":(\\{"wegwijs":"${actionId.replace('.', '\\.')}"(?:,"value":\\{[^}]*\\})?\\})`));
  if (!found) throw new Error(`no ${actionId} in ${body(record).slice(0, 400)}`);
  return JSON.parse(found[1]);
}

/** Asks in a channel and returns the private answer (a DM on Teams) holding the button. */
async function privateAnswer(tenant: string, channel: string, user: typeof mallory, text: string, actionId: string): Promise<Recorded> {
  const since = teams.sent.length;
  await teams.deliver(bot.url, channelMention({ tenant, channel, user }, text));
  const found = sentSince(since).find((r) => !r.conversationId?.startsWith('19:') && body(r).includes(`"wegwijs":"${actionId}"`));
  if (!found) throw new Error(`no private answer with ${actionId}`);
  return found;
}

function pressInDm(tenant: string, user: typeof mallory, data: Record<string, unknown>) {
  return teams.deliver(bot.url, personalMessage({ tenant, user }, '', { text: undefined, value: data }));
}

/** An invoke (a dialog's task/fetch or task/submit) in the user's personal chat. */
function dialogInvoke(name: string, user: typeof mallory, value: unknown) {
  return {
    type: 'invoke', name, id: `inv-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', from: user, recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: A }, channelData: { tenant: { id: A } }, value,
  };
}

/** Opens the dialog whose opener card was sent since `since`, and returns its submit data. */
async function dialogSubmit(user: typeof mallory, since: number): Promise<Record<string, unknown>> {
  const opener = sentSince(since).map(body).join('\n').match(/"data":(\{"msteams":\{"type":"task\/fetch"\},"wegwijsModal":"[^"]+"\})/);
  if (!opener) throw new Error(`no dialog opener for ${user.id}: ${sentSince(since).map(body).join('\n').slice(0, 1500)}`);
  const fetched = (await teams.deliver(bot.url, dialogInvoke('task/fetch', user, { data: JSON.parse(opener[1]) }))).body as { task: { value: { card: { content: { actions: { data: Record<string, unknown> }[] } } } } };
  return fetched.task.value.card.content.actions[0].data;
}

/** Nothing reached Noord: no post in its channel, no question kept, no new member. */
async function expectNoordUntouched(since: number) {
  expect(intoChannel(NOORD, since)).toEqual([]);
  expect(await peers(bot.app.services).get(noordKey, questionKey(1))).toBeUndefined();
  expect(await bot.app.store.members.get(noordKey, mallory.id)).toBeUndefined();
  expect(sentSince(since).map(body).join('\n')).not.toContain('Noord Geheim');
}

describe('sealed channel fields in Teams card data', () => {
  it('refuses "Vraag het netwerk" by DM naming another network’s channel, unsealed or with the seal of another channel', async () => {
    const since = teams.sent.length;
    const refusal = await privateAnswer(A, ZUID, mallory, UNKNOWN_QUESTION, 'peers.ask');
    const genuine = submitOf(refusal, 'peers.ask');
    expect(genuine.value.c).toBe(ZUID);
    const forged = [
      { wegwijs: 'peers.ask', value: { t: UNKNOWN_QUESTION, lang: 'nl', c: NOORD } },
      { ...genuine, value: { ...genuine.value, c: NOORD } },
      // The question id is sealed too (it links the network's answer to a curator's gap).
      { ...genuine, value: { ...genuine.value, q: `q-${'a'.repeat(20)}` } },
      { ...genuine, value: { ...genuine.value, c: NOORD, seal: 'seal:00000000' + '0'.repeat(56) } },
    ];
    for (const data of forged) {
      const before = teams.sent.length;
      expect((await pressInDm(A, mallory, data)).status).toBe(200);
      const answers = sentSince(before).map(body).join('\n');
      expect(answers).toContain(t('core.not_yours').slice(0, 40));
      // No confirmation (a dialog opener, or post buttons) for any network.
      expect(answers).not.toMatch(/wegwijsModal|peers\.post/);
    }
    await expectNoordUntouched(since);
  });

  it('refuses a sealed value from another tenant, even for a channel id that tenant shares', async () => {
    const since = teams.sent.length;
    // Eve in tenant B has a channel with the same id as Noord in tenant A.
    const refusal = await privateAnswer(B, NOORD, eve, UNKNOWN_QUESTION, 'peers.ask');
    const fromB = submitOf(refusal, 'peers.ask');
    expect(fromB.value.c).toBe(NOORD);
    const before = teams.sent.length;
    await pressInDm(A, mallory, fromB);
    expect(sentSince(before).map(body).join('\n')).toContain(t('core.not_yours').slice(0, 40));
    await expectNoordUntouched(since);
  });

  it('refuses "Deel in kanaal" with its channel changed, and still shares the unchanged button in its own thread', async () => {
    const since = teams.sent.length;
    const answer = await privateAnswer(A, ZUID, mallory, KNOWN_QUESTION, 'ask.share');
    const genuine = submitOf(answer, 'ask.share');
    for (const data of [{ ...genuine, value: { ...genuine.value, c: NOORD } }, { ...genuine, value: { ...genuine.value, m: 'other-thread' } }, { wegwijs: 'ask.share', value: { q: genuine.value.q, c: NOORD, m: '' } }]) {
      const before = teams.sent.length;
      await pressInDm(A, mallory, data);
      expect(sentSince(before).map(body).join('\n')).toContain(t('core.not_yours').slice(0, 40));
      expect(intoChannel(ZUID, before)).toEqual([]);
    }
    await expectNoordUntouched(since);
    const before = teams.sent.length;
    await pressInDm(A, mallory, genuine);
    const shared = intoChannel(ZUID, before);
    expect(shared).toHaveLength(1);
    expect(body(shared[0])).toContain(KNOWN_QUESTION);
  });

  it('lets someone outside the network ask it from its channel by DM (the sealed channel holds)', async () => {
    const refusal = await privateAnswer(A, NOORD, anna, UNKNOWN_QUESTION, 'peers.ask');
    const since = teams.sent.length;
    await pressInDm(A, anna, submitOf(refusal, 'peers.ask'));
    // The confirmation for Noord is a dialog on Teams: its form names the network; nothing posted yet.
    const opener = body(sentSince(since)[0]).match(/"data":(\{"msteams":\{"type":"task\/fetch"\},"wegwijsModal":"[^"]+"\})/);
    expect(opener).not.toBeNull();
    const fetch = { type: 'invoke', name: 'task/fetch', value: { data: JSON.parse(opener![1]) } };
    const form = await teams.deliver(bot.url, personalMessage({ tenant: A, user: anna }, '', { ...fetch, text: undefined }));
    expect(JSON.stringify(form.body)).toContain('Noord Geheim');
    expect(intoChannel(NOORD, since)).toEqual([]);
  });

  it('refuses a forged answer by DM to a question posted in Noord through the dialog', async () => {
    // Fleur asks Noord (refusal by DM → dialog → posted card in the channel).
    const refusal = await privateAnswer(A, NOORD, fleur, UNKNOWN_QUESTION, 'peers.ask');
    let since = teams.sent.length;
    await pressInDm(A, fleur, submitOf(refusal, 'peers.ask'));
    const submit = await dialogSubmit(fleur, since);
    since = teams.sent.length;
    await teams.deliver(bot.url, dialogInvoke('task/submit', fleur, { data: { ...submit, as: 'name' } }));
    const card = intoChannel(NOORD, since).find((r) => body(r).includes('"wegwijs":"peers.answer"'))!;
    expect(card).toBeDefined();
    const number = (submitOf(card, 'peers.answer').value as { q: number }).q;

    // Mallory (same tenant, not in Noord) forges the dialog's submit by DM: refused, nothing kept.
    since = teams.sent.length;
    await pressInDm(A, mallory, { wegwijs: 'peers.reply', value: { n: noordKey, q: number }, answer: 'Ingebroken antwoord' });
    expect(sentSince(since).map(body).join('\n')).toContain(t('core.not_yours').slice(0, 40));

    const kept = await peers(bot.app.services).get(noordKey, questionKey(number));
    expect(kept?.data.type === 'question' && kept.data.answers).toEqual([]);
    expect(intoChannel(NOORD, since)).toEqual([]);
  });

  it('answers an expired button with "gone" and keeps nothing (runs last: it moves the clock)', async () => {
    const refusal = await privateAnswer(A, ZUID, mallory, UNKNOWN_QUESTION, 'peers.ask');
    const answer = await privateAnswer(A, ZUID, mallory, KNOWN_QUESTION, 'ask.share');
    clock.advance(15 * 24 * 3600 * 1000);
    const since = teams.sent.length;
    await pressInDm(A, mallory, submitOf(refusal, 'peers.ask'));
    expect(sentSince(since).map(body).join('\n')).toContain(t('peers.pending_gone').slice(0, 30));
    const before = teams.sent.length;
    await pressInDm(A, mallory, submitOf(answer, 'ask.share'));
    expect(sentSince(before).map(body).join('\n')).toContain(t('peers.share.gone').slice(0, 30));
    expect(intoChannel(ZUID, since)).toEqual([]);
    // No confirmation (a dialog opener or post buttons) came: nothing was kept to post.
    expect(sentSince(since).map(body).join('\n')).not.toMatch(/wegwijsModal|peers\.post/);
  });
});
