/**
 * Cross-tenant attempts through the real Teams endpoint (local mode, fake Bot Connector per
 * tenant): a button, a card invoke, a reply chain and an anonymous code that point at tenant A,
 * sent from tenant B. Each is refused, changes nothing in A, and nothing B receives names A's
 * network, action title or owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelMention, FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';
import { ActionSchema } from '../../src/actions/model.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { countTurns, until, type TurnCount } from '../fuzz/gen.ts';
import { NETWORK_NAME, TEAMS_OWNER, TEAMS_SECRETS, TITLE } from '../helpers/tenant-secrets.ts';

const A = 'tenant-a';
const B = 'tenant-b';
const CHANNEL = '19:gedeeld-id@thread.tacv2';
const OWNER = TEAMS_OWNER;
const SECRETS = TEAMS_SECRETS;

let bot: TeamsBot;
let a: FakeConnector;
let b: FakeConnector;
let networkKey: string;
let sessionRoot: string;
let notYours: string;
let turns: TurnCount;

/** Delivers an activity and waits for the turn it causes (replies go out after Teams' HTTP answer). */
async function send(connector: FakeConnector, activity: Record<string, unknown>): Promise<number> {
  const before = turns.finished;
  const { status } = await connector.deliver(bot.url, activity);
  if (status === 200) await turns.after(before + 1);
  return status;
}

const openAction = async () => (await bot.app.store.collection('action', ActionSchema).get(networkKey, '1'))?.data;
const sessionOfA = async () => (await bot.app.store.collection('deliberation', SessionSchema).get(networkKey, sessionRoot))?.data;

/** Everything tenant B's connector received, as one string. */
const seenByB = () => JSON.stringify(b.requests.map((r) => r.body));

function expectNothingDisclosed(): void {
  const seen = seenByB();
  for (const secret of SECRETS) expect(seen).not.toContain(secret);
}

beforeAll(async () => {
  a = await new FakeConnector().start();
  b = await new FakeConnector().start();
  bot = await startTeamsBot({ localMode: true });
  turns = countTurns(bot.app.bot);
  notYours = bot.app.services.catalog.t('nl', 'core.not_yours');
  expect(bot.app.bot.has('actions') && bot.app.bot.has('deliberate') && bot.app.bot.has('networks')).toBe(true);
  await send(a, channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, `netwerk start "${NETWORK_NAME}"`));
  await send(a, channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, `actie ${TITLE}`));
  networkKey = `teams:${A}:${CHANNEL}`;
  expect((await openAction())?.title).toBe(TITLE);
  const before = a.sent.length;
  await send(a, channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, 'beraad kort'));
  await until('the opening card', () => a.sent.slice(before).some((r) => r.conversationId === CHANNEL));
  const opening = a.sent.slice(before).find((r) => r.conversationId === CHANNEL);
  sessionRoot = opening!.responseId!;
  expect((await sessionOfA())?.code).toBe(1);
});

afterAll(async () => {
  await bot?.close();
  await a?.close();
  await b?.close();
});

describe('Teams: nothing crosses a tenant', () => {
  it('refuses a DM button press whose value names another tenant’s network', async () => {
    const since = b.sent.length;
    const press = personalMessage({ tenant: B, user: OWNER }, '', { text: undefined, value: { wegwijs: 'actions.done', value: { network: networkKey, n: 1, dm: true } } });
    expect(await send(b, press)).toBe(200);
    await until('the refusal', () => JSON.stringify(b.sent.slice(since).map((r) => r.body)).includes(notYours));
    expect((await openAction())?.status).toBe('open');
    expectNothingDisclosed();
  });

  it('refuses the same press as an Action.Execute invoke, and in a channel with the same channel id', async () => {
    const invoke = personalMessage({ tenant: B, user: OWNER }, '', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', data: { wegwijs: 'actions.progress', value: { network: networkKey, n: 1, dm: true }, note: 'gelukt' } } },
    });
    expect(await send(b, invoke)).toBe(200);
    const inChannel = channelMention({ tenant: B, channel: CHANNEL, user: OWNER }, '', { text: undefined, entities: [], value: { wegwijs: 'actions.stuck', value: { network: networkKey, n: 1 }, note: 'vast' } });
    expect(await send(b, inChannel)).toBe(200);
    await until('three refusals', () => seenByB().split(notYours).length - 1 >= 3);
    const action = await openAction();
    expect(action?.status).toBe('open');
    expect(action?.history.map((h) => h.event)).not.toContain('progress');
    expectNothingDisclosed();
  });

  it('does not join or steer another tenant’s deliberation through its session id or reply chain', async () => {
    const before = await sessionOfA();
    const join = channelMention({ tenant: B, channel: CHANNEL, root: sessionRoot, user: { id: '29:mallory', name: 'Mallory' } }, '', {
      text: undefined,
      entities: [],
      value: { wegwijs: 'deliberate.next', value: { s: sessionRoot, i: 0 } },
    });
    expect(await send(b, join)).toBe(200);
    const reply = channelMention({ tenant: B, channel: CHANNEL, root: sessionRoot, user: { id: '29:mallory', name: 'Mallory' } }, '', { text: 'Een bijdrage van buiten', entities: [] });
    expect(await send(b, reply)).toBe(200);
    const after = await sessionOfA();
    expect(after?.step).toBe(before?.step);
    expect(after?.contributions).toEqual(before?.contributions);
    expect(after?.participants).toEqual(before?.participants);
    expectNothingDisclosed();
  });

  it('does not accept an anonymous note for another tenant’s session code', async () => {
    const before = await sessionOfA();
    const since = b.sent.length;
    await send(b, personalMessage({ tenant: B, user: OWNER }, `beraad anoniem #${before!.code} Een anonieme notitie van buiten`));
    await until('the answer', () => b.sent.length > since);
    expect((await sessionOfA())?.contributions).toEqual(before?.contributions);
    expect(JSON.stringify(a.requests.map((r) => r.body))).not.toContain('anonieme notitie van buiten');
    expectNothingDisclosed();
  });

  it('lists none of tenant A’s actions for the same user id asking “mijn acties” in tenant B', async () => {
    const since = b.sent.length;
    await send(b, personalMessage({ tenant: B, user: OWNER }, 'mijn acties'));
    await until('the answer', () => b.sent.length > since);
    expect(JSON.stringify(b.sent.slice(since).map((r) => r.body))).toContain(bot.app.services.catalog.t('nl', 'actions.mine.empty'));
    expectNothingDisclosed();
  });

  it('refuses an activity whose conversation and channel data name different tenants, with a 400', async () => {
    const since = b.requests.length;
    const forged = channelMention({ tenant: B, channel: CHANNEL, user: OWNER }, 'acties');
    const response = await b.deliver(bot.url, { ...forged, channelData: { tenant: { id: A }, channel: { id: CHANNEL } } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'tenant_mismatch' });
    expect(b.requests.slice(since)).toEqual([]);
    expect(a.requests.map((r) => JSON.stringify(r.body)).join()).not.toContain('Mallory');
  });
});
