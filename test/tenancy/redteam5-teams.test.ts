/**
 * Red team 5, Teams: attacks written from the outside, through the real Agents SDK stack (local
 * mode) over HTTP, against fake Bot Connectors for tenants A and B. Tenant A has a network with
 * an action, a deliberation and an answered question; tenant B and a colleague of A outside the
 * network attack it. Each attack gets a 4xx or an answer in words (never a 5xx, never the apology
 * of a failed turn), changes nothing in A's network and shows the attacker nothing of it.
 * Figures before and after the fixes (both files): the comment at the top of redteam5.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionSchema } from '../../src/actions/model.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { countTurns, until, type TurnCount } from '../fuzz/gen.ts';
import { channelMention, FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';
import { NETWORK_NAME, TEAMS_OWNER, TEAMS_SECRETS, TITLE } from '../helpers/tenant-secrets.ts';

const A = 'tenant-a';
const B = 'tenant-b';
const CHANNEL = '19:gedeeld@thread.tacv2';
const OWNER = TEAMS_OWNER;
const COLLEAGUE = { id: '29:collega', aadObjectId: 'aad-collega', name: 'Collega Buiten' };
const networkKey = `teams:${A}:${CHANNEL}`;

let bot: TeamsBot;
let a: FakeConnector;
let b: FakeConnector;
let turns: TurnCount;
let sessionRoot: string;
let answerId: string;
let apology: string;

const action = async () => (await bot.app.store.collection('action', ActionSchema).get(networkKey, '1'))?.data;
const session = async () => (await bot.app.store.collection('deliberation', SessionSchema).get(networkKey, sessionRoot))?.data;
async function stateOf() {
  const s = await session();
  return JSON.stringify({ a: await action(), s: s && { step: s.step, status: s.status, participants: s.participants, contributions: s.contributions }, n: (await bot.app.store.networks.get(networkKey, networkKey))?.data, c: await bot.app.services.messenger.conversation('teams', A, CHANNEL) });
}

/** What a connector received since `since` (its requests' bodies), as one string. */
const seen = (connector: FakeConnector, since: number) => JSON.stringify(connector.requests.slice(since).map((r) => r.body));

/** The common verdict: no 5xx, no failed turn, nothing of A's network shown to `to`, A unchanged. */
async function attack(to: FakeConnector, run: () => Promise<number[]>, options: { secrets?: string[]; changes?: boolean } = {}) {
  const before = await stateOf();
  const since = to.requests.length;
  const statuses = await run();
  await bot.app.inbox.idle();
  await until('turns done', () => turns.finished === turns.started);
  for (const status of statuses) expect(status, 'no 5xx').toBeLessThan(500);
  const text = seen(to, since);
  expect(text, 'no apology of a failed turn').not.toContain(apology.slice(0, 30));
  for (const secret of options.secrets ?? TEAMS_SECRETS) expect(text, `leaks ${secret}`).not.toContain(secret);
  if (!options.changes) expect(await stateOf(), 'A unchanged').toBe(before);
  return text;
}

const post = async (connector: FakeConnector, activity: Record<string, unknown>) => (await connector.deliver(bot.url, activity)).status;
/** A raw request to /api/messages (any body, any content type). */
const raw = async (body: string | Buffer, contentType = 'application/json') => (await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body })).status;
const pressB = (value: Record<string, unknown>, who = OWNER, tenant = B) => personalMessage({ tenant, user: who }, '', { text: undefined, value });
const invokeB = (data: Record<string, unknown>, who = OWNER, tenant = B) => personalMessage({ tenant, user: who }, '', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: String(data.wegwijs ?? 'x'), data } } });

beforeAll(async () => {
  a = await new FakeConnector().start();
  b = await new FakeConnector().start();
  bot = await startTeamsBot({ localMode: true });
  turns = countTurns(bot.app.bot);
  apology = bot.app.services.catalog.t('nl', 'core.error');
  const send = async (activity: Record<string, unknown>) => {
    const before = turns.finished;
    await a.deliver(bot.url, activity);
    await turns.after(before + 1);
  };
  await send(channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, `netwerk start "${NETWORK_NAME}"`));
  await send(channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, `actie ${TITLE}`));
  let before = a.sent.length;
  await send(channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, 'beraad kort'));
  sessionRoot = a.sent.slice(before).find((r) => r.conversationId === CHANNEL)!.responseId!;
  before = a.sent.length;
  await send(channelMention({ tenant: A, channel: CHANNEL, user: OWNER }, 'wat is meerzorg in de Wlz?'));
  answerId = a.sent.slice(before).at(-1)!.responseId!;
  expect((await action())?.title).toBe(TITLE);
  expect((await session())?.code).toBe(1);
});

afterAll(async () => {
  await bot?.close();
  await a?.close();
  await b?.close();
});

describe('red team 5 (Teams): another tenant', () => {
  it('E1 reactions, edits and deletions from B naming A’s conversation and activities change nothing', async () => {
    await attack(b, async () => {
      const base = { channelId: 'msteams', recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' }, from: OWNER, conversation: { id: `${CHANNEL};messageid=${sessionRoot}`, conversationType: 'channel', tenantId: B }, channelData: { tenant: { id: B }, channel: { id: CHANNEL } } };
      return [
        await post(b, { ...base, type: 'messageReaction', id: 'r1', replyToId: answerId, reactionsAdded: [{ type: 'like' }] }),
        await post(b, { ...base, type: 'messageUpdate', id: sessionRoot, text: 'bewerkt', channelData: { ...base.channelData, eventType: 'editMessage' } }),
        await post(b, { ...base, type: 'messageDelete', id: sessionRoot, channelData: { ...base.channelData, eventType: 'softDeleteMessage' } }),
        await post(b, { ...base, type: 'conversationUpdate', id: 'cu9', channelData: { ...base.channelData, eventType: 'channelRenamed', channel: { id: CHANNEL, name: 'Gekaapt' } } }),
        await post(b, { ...base, type: 'deleteUserData', id: 'd1' }),
        await post(b, { ...base, type: 'event', name: 'application/vnd.microsoft.meetingStart', id: 'e1', value: { Id: 'meeting-a' } }),
        await post(b, { ...base, type: 'endOfConversation', id: 'x1' }),
        await post(b, { ...base, type: 'typing', id: 't1' }),
      ];
    });
  });

  it('E2 Teams feedback (message/submitAction) from B on A’s answer id records nothing in A', async () => {
    await attack(b, async () => {
      const out: number[] = [];
      for (const conversation of [{ id: CHANNEL, conversationType: 'channel', tenantId: B }, { id: `a:personal-${OWNER.id}`, conversationType: 'personal', tenantId: B }]) {
        out.push(await post(b, { ...personalMessage({ tenant: B, user: OWNER }, ''), text: undefined, type: 'invoke', name: 'message/submitAction', replyToId: answerId, conversation, value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'slecht' }) } } }));
      }
      return out;
    });
  });

  it('E3 an activity with the same id as A’s, from B, is B’s own: it neither suppresses nor replays A’s', async () => {
    const count = turns.messages.length;
    const activity = personalMessage({ tenant: B, user: { id: '29:bram', name: 'Bram' } }, 'hulp', { id: 'same-id-1' });
    await post(a, personalMessage({ tenant: A, user: { id: '29:bram', name: 'Bram' } }, 'hulp', { id: 'same-id-1', conversation: { ...(activity.conversation as object), tenantId: A }, channelData: { tenant: { id: A } } }));
    await post(b, activity);
    await bot.app.inbox.idle();
    await until('both turns', () => turns.messages.slice(count).length >= 2);
    expect(turns.messages.slice(count).map((m) => m.tenantId).sort()).toEqual([A, B]);
  });

  it('E4 Action.Submit through messageBack / imBack shapes naming A’s network from B change nothing', async () => {
    await attack(b, async () => [
      await post(b, pressB({ msteams: { type: 'messageBack', value: { wegwijs: 'actions.done', value: { network: networkKey, n: 1 } } }, wegwijs: 'actions.done', value: { network: networkKey, n: 1, dm: true } })),
      await post(b, personalMessage({ tenant: B, user: OWNER }, `wegwijs actie 1 klaar`, { value: { wegwijs: 'actions.done', value: { network: networkKey, n: 1 } } })),
      await post(b, invokeB({ wegwijs: 'peers.resolve', value: { n: networkKey, q: 1 } })),
      await post(b, invokeB({ wegwijs: 'ideas.join', value: { n: networkKey, s: sessionRoot } })),
      await post(b, invokeB({ wegwijs: 'networks.pause', value: { network: networkKey }, date: '2030-01-01' })),
      await post(b, invokeB({ wegwijs: 'ask.share', value: { q: 'q-0', c: CHANNEL, m: answerId } })),
    ]);
  });
});

describe('red team 5 (Teams): another tenant, people’s rights', () => {
  it('E5 “mijn gegevens”, “vergeet mij” and its confirmation from B for A’s owner id show and remove nothing of A', async () => {
    const member = async () => JSON.stringify((await bot.app.store.members.get(networkKey, OWNER.id))?.data);
    const before = await member();
    expect(before).toContain(OWNER.id);
    await attack(b, async () => [
      await post(b, personalMessage({ tenant: B, user: OWNER }, 'mijn gegevens')),
      await post(b, personalMessage({ tenant: B, user: OWNER }, 'vergeet mij')),
      await post(b, pressB({ wegwijs: 'rights.forget', value: { u: OWNER.id, ok: true } })),
      await post(b, invokeB({ wegwijs: 'core.forget', value: { u: OWNER.id, confirm: true } })),
    ]);
    expect(await member()).toBe(before);
  });
});

describe('red team 5 (Teams): a colleague of the same tenant outside the network', () => {
  it('F1 a DM press naming the network’s action answers with the neutral text, naming neither owner nor title', async () => {
    await attack(a, async () => [
      await post(a, pressB({ wegwijs: 'actions.done', value: { network: networkKey, n: 1, dm: true } }, COLLEAGUE, A)),
      await post(a, invokeB({ wegwijs: 'actions.stuck', value: { network: networkKey, n: 1, dm: true }, note: 'van buiten' }, COLLEAGUE, A)),
      await post(a, invokeB({ wegwijs: 'actions.update', value: { network: networkKey, n: 1, dm: true } }, COLLEAGUE, A)),
    ]);
  });

  // Known gap (as B3 in redteam5.test.ts): a session's code lets anyone of the tenant add an
  // anonymous note; checked here: the colleague is told nothing of the network, the note has no name.
  it('F2 an anonymous note by DM for the network’s session code: told nothing of the network, the note nameless (known gap: it is taken)', async () => {
    const since = a.requests.length;
    expect(await post(a, personalMessage({ tenant: A, user: COLLEAGUE }, 'beraad anoniem #1 Een notitie van buiten het netwerk'))).toBe(200);
    await bot.app.inbox.idle();
    await until('turns done', () => turns.finished === turns.started);
    const toColleague = JSON.stringify(a.requests.slice(since).filter((r) => r.conversationId === `a:personal-${COLLEAGUE.id}`).map((r) => r.body));
    expect(toColleague).not.toBe('[]');
    for (const secret of TEAMS_SECRETS) expect(toColleague).not.toContain(secret);
    expect(seen(a, since)).not.toContain(COLLEAGUE.name);
    expect(seen(a, since)).not.toContain(apology.slice(0, 30));
  });

  it('F3 “mijn acties”, “acties” and “export” by DM show nothing of the network', async () => {
    await attack(a, async () => [await post(a, personalMessage({ tenant: A, user: COLLEAGUE }, 'mijn acties')), await post(a, personalMessage({ tenant: A, user: COLLEAGUE }, 'acties')), await post(a, personalMessage({ tenant: A, user: COLLEAGUE }, 'export'))]);
  });
});

describe('red team 5 (Teams): bad input', () => {
  it('G1 deeply nested JSON, invalid UTF-8, wrong content types, an empty and a 1 MB body: 4xx', async () => {
    const statuses = await attack(b, async () => {
      const activity = JSON.stringify(personalMessage({ tenant: B }, 'hulp'));
      const out = [
        await raw(`${activity.slice(0, -1)},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
        await raw(`${activity.slice(0, -1)},"x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`),
        await raw(Buffer.concat([Buffer.from(activity.replace('"hulp"', '"XX"').split('XX')[0]), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from(activity.replace('"hulp"', '"XX"').split('XX')[1])])),
        await raw(activity, 'text/plain'),
        await raw(activity, 'application/x-www-form-urlencoded'),
        await raw(''),
        await raw('null'),
        await raw('[]'),
        await raw(`{"type":"message","text":"${'x'.repeat(1024 * 1024 + 10)}"}`),
      ];
      return out;
    });
    expect(statuses).toBeDefined();
  });

  it('G4 a card input with bidi overrides, zero-width and control characters is stored without them', async () => {
    const chan = '19:eigen@thread.tacv2';
    const user = { id: '29:dirk', name: 'Dirk' };
    const key = `teams:${B}:${chan}`;
    for (const text of ['netwerk start "Eigen netwerk"', 'actie Bel de gemeente']) {
      const before = turns.finished;
      await post(b, channelMention({ tenant: B, channel: chan, user }, text));
      await turns.after(before + 1);
    }
    const before = turns.finished;
    await post(b, channelMention({ tenant: B, channel: chan, user }, '', { text: undefined, entities: [], value: { wegwijs: 'actions.progress', value: { network: key, n: 1 }, note: 'Gebeld\u202E met\u200B de\u0007 wijk' } }));
    await turns.after(before + 1);
    const stored = (await bot.app.store.collection('action', ActionSchema).get(key, '1'))?.data;
    expect(stored?.notes.map((n) => n.text)).toEqual(['Gebeld met de wijk']);
  });

  it('G2 activities without a sender, conversation or recipient, with ids of the wrong type, and unknown types: no 5xx', async () => {
    const since = b.requests.length;
    await attack(b, async () => {
      const m = personalMessage({ tenant: B }, 'hulp');
      const out: number[] = [];
      for (const change of [{ from: undefined }, { from: { id: '' } }, { from: { id: 42 } }, { conversation: undefined }, { conversation: { id: '', tenantId: B } }, { recipient: undefined }, { type: 'bogus' }, { type: undefined }, { text: { $ne: 1 } }, { id: { a: 1 } }, { entities: 'x' }, { attachments: Array.from({ length: 500 }, () => ({ contentType: 'x', content: {} })) }, { channelData: null }, { conversation: { id: `a:personal-x/../../v3/evil`, conversationType: 'personal', tenantId: B } }]) {
        out.push(await post(b, { ...m, id: `g2-${out.length}`, ...change }));
      }
      return out;
    });
    // Ids go into the connector's URL path unescaped: one with a path in it is refused (400), so the
    // bot's token never goes to another path of the connector.
    expect(b.requests.slice(since).map((r) => r.path).filter((path) => !path.startsWith('/v3/conversations'))).toEqual([]);
    for (const [field, id] of [['conversation', 'a:personal-x/../../v3/evil'], ['conversation', 'a:x?y=1'], ['conversation', 'a:x#y'], ['conversation', 'a:%2e%2e'], ['replyToId', '../members']] as const) {
      const m = personalMessage({ tenant: B }, 'hulp');
      const activity = field === 'conversation' ? { ...m, conversation: { id, conversationType: 'personal', tenantId: B } } : { ...m, replyToId: id };
      const res = await b.deliver(bot.url, activity);
      expect(res.status, id).toBe(400);
      expect(res.body).toMatchObject({ error: 'malformed_activity' });
    }
  });

  it('G3 a 40,000-character message, zero-width only, RTL overrides, control characters, emoji only, an empty mention: words, no crash', async () => {
    const before = b.sent.length;
    await attack(b, async () => {
      const out: number[] = [];
      for (const text of [`wat is meerzorg ${'a'.repeat(40_000)}`, '\u200B\u200C\u200D\uFEFF', '\u202Enetwerk stop\u202C', 'hulp\u0007\u0000\u001B[31m', '😀😀🎉', '']) {
        out.push(await post(b, personalMessage({ tenant: B, user: { id: '29:junk', name: 'Junk' } }, text)));
      }
      out.push(await post(b, channelMention({ tenant: B, channel: '19:junk@thread.tacv2', user: { id: '29:junk', name: 'Junk' } }, '')));
      return out;
    });
    expect(b.sent.length).toBeGreaterThan(before);
  });
});
