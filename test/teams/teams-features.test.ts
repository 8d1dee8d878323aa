/**
 * End to end with the real features (networks, actions, deliberation) through Teams, in explicit
 * local mode against a fake Bot Connector: a real card's button, a deliberation's reply chain,
 * tenant isolation, and the real weekly nudge driven by the scheduler's tick. Every feature these
 * tests use must be registered: a missing one fails the test instead of skipping it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDate, ManualClock } from '../../src/core/index.ts';
import { BOT, channelMention, FakeConnector, personalMessage } from './fake-connector.ts';
import { startTeamsBot, type TeamsBot, useTeamsBot } from './server.ts';

const TENANT = 'tenant-a';

describe('Teams with the real features', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;

  useTeamsBot((b, t) => ([bot, teams] = [b, t]));

  it('presses a button of a real feature card (an action card) in a channel', async () => {
    expect(bot.app.bot.has('networks')).toBe(true);
    expect(bot.app.bot.has('actions')).toBe(true);
    const channel = '19:netwerk@thread.tacv2';
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk start "Noord"'));
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'actie Bel de wijkverpleging over de plek'));
    const cardPost = [...teams.sent].reverse().find((r) => Array.isArray(r.body.attachments))!;
    expect(cardPost).toBeDefined();
    const actions = JSON.stringify(cardPost.body.attachments);
    const submit = /"type":"Action\.Submit","title":"[^"]*","data":(\{"wegwijs":"actions\.[^"]+"(?:,"value":\{[^}]*\})?\})/.exec(actions);
    expect(submit).not.toBeNull();
    const before = teams.sent.length;
    const cardId = cardPost.responseId!;
    const press = channelMention({ tenant: TENANT, channel, root: cardPost.conversationId?.split(';messageid=')[1] ?? cardId }, '', {
      text: undefined,
      entities: [],
      replyToId: cardId,
      value: JSON.parse(submit![1]),
    });
    expect((await teams.deliver(bot.url, press)).status).toBe(200);
    const answers = teams.sent.slice(before);
    expect(answers.length).toBeGreaterThan(0);
    expect(JSON.stringify(answers.map((r) => r.body))).not.toContain('Deze knop werkt niet meer');
    // The action card changed state: it is updated in place (PUT on the card's id).
    expect(answers.some((r) => r.method === 'PUT' && r.activityId === cardId)).toBe(true);
  });

  it('follows replies (without a mention) in the reply chain of a deliberation it started', async () => {
    expect(bot.app.bot.has('networks')).toBe(true);
    expect(bot.app.bot.has('deliberate')).toBe(true);
    const channel = '19:beraad@thread.tacv2';
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk start "Noord"'));
    const before = teams.sent.length;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'beraad kort'));
    const started = teams.sent.slice(before);
    const opening = started.find((r) => r.conversationId === channel)!;
    expect(opening).toBeDefined();
    const root = opening.responseId!;
    const step = started.find((r) => r.conversationId === `${channel};messageid=${root}`)!;
    expect(step).toBeDefined();

    const bram = { id: '29:bram', aadObjectId: 'aad-bram', name: 'Bram' };
    const reply = channelMention({ tenant: TENANT, channel, root, user: bram }, '', { text: 'De plek was te ver weg voor de familie', entities: [] });
    const count = teams.sent.length;
    expect((await teams.deliver(bot.url, reply)).status).toBe(200);
    const answers = teams.sent.slice(count);
    expect(answers.some((r) => r.method === 'PUT' && r.activityId === step.responseId)).toBe(true);
    expect(JSON.stringify(answers.map((r) => r.body))).toContain('Bram');
  });
});

/** Wednesday 18 November 2026, 10:00 in Amsterdam: when the network and its actions are made. */
const WEDNESDAY = '2026-11-18T09:00:00.000Z';
/** The next Monday 09:00 in Amsterdam (CET, UTC+1): the default nudge slot. */
const MONDAY_0900 = new Date('2026-11-23T08:00:00.000Z');

type AdaptiveCard = { body: { type: string; text?: string; actions?: { type: string; title: string; data: Record<string, unknown> }[] }[] };

describe('Teams weekly nudge (the real scheduler, end to end)', () => {
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

  it('posts the nudge in the channel and a reminder card to the owner at Monday 09:00, once', async () => {
    expect(bot.app.bot.has('networks')).toBe(true);
    expect(bot.app.bot.has('actions')).toBe(true);
    const t = bot.app.services.catalog.translator('nl');
    const channel = '19:passende-plekken@thread.tacv2';
    // Bram as Teams mentions him: the entity names his Teams id (no AAD object id).
    const bram = { id: '29:bram', name: 'Bram de Vries' };
    const mentionBram = { entities: [{ type: 'mention', text: '<at>Wegwijs</at>', mentioned: BOT }, { type: 'mention', text: `<at>${bram.name}</at>`, mentioned: bram }] };

    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'netwerk start "Passende plekken"'));
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, `actie Bel de wijkverpleging over de plek <at>${bram.name}</at> voor vrijdag`, mentionBram));
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'actie Zoek een logeerplek in de regio'));
    // Anna (the facilitator) notes progress on Bram's action: next Monday's win.
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel }, 'actie 1 voortgang Eerste gesprek gehad'));
    expect(teams.sent.at(-1)!.body.text).toBe(t('actions.changed.progress', { number: 1 }));
    const [network] = (await bot.app.store.networks.list()).map((d) => d.data);
    expect(network).toMatchObject({ name: 'Passende plekken', channelId: channel, schedule: '0 9 * * 1', timeZone: 'Europe/Amsterdam' });

    const before = teams.requests.length;
    await bot.app.bot.tick(MONDAY_0900);
    const nudged = teams.requests.slice(before);
    expect(nudged.every((r) => r.status < 300)).toBe(true);

    // In the channel: the weekly progress, wins first, then the open actions with their due date.
    const posts = nudged.filter((r) => r.method === 'POST' && r.conversationId === channel);
    expect(posts).toHaveLength(1);
    // The nudge is an Adaptive Card (with the owners' buttons); its mentions are the card's entities.
    const nudgeCard = (posts[0].body.attachments as { content: { body: { text?: string }[]; msteams?: { entities?: unknown[] } } }[])[0].content;
    const text = nudgeCard.body.map((e) => e.text ?? '').join('\n');
    expect(nudgeCard.msteams?.entities).toContainEqual({ type: 'mention', text: `<at>${bram.name}</at>`, mentioned: { id: bram.id, name: bram.name } });
    expect(text).toContain(t('actions.nudge.title', { network: 'Passende plekken' }));
    expect(text).toContain(t('actions.nudge.wins'));
    // The owner is a real Teams mention (<at>…</at> with its entity), so Teams notifies him.
    expect(text).toContain(t('actions.nudge.win_progress', { owner: `<at>${bram.name}</at>`, number: 1, title: 'Bel de wijkverpleging over de plek' }).replace(/^@/, ''));
    expect(text).toContain('Eerste gesprek gehad');
    expect(text).toContain(t('actions.nudge.open'));
    // Due last Friday: marked kindly as past, with its date.
    expect(text).toContain(`#1 Bel de wijkverpleging over de plek (${t('actions.nudge.overdue', { date: formatDate('2026-11-20', 'nl') })})`);
    expect(text).toContain('#2 Zoek een logeerplek in de regio');
    expect(text.indexOf(t('actions.nudge.wins'))).toBeLessThan(text.indexOf(t('actions.nudge.open')));

    // To Bram (overdue since Friday): a 1:1 chat is created, and the reminder card goes there.
    const created = nudged.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
    expect(created).toHaveLength(1);
    expect(created[0].body).toMatchObject({ isGroup: false, tenantId: TENANT, members: [{ id: bram.id }] });
    const dms = nudged.filter((r) => r.method === 'POST' && r.conversationId === created[0].responseId);
    expect(dms).toHaveLength(1);
    const attachment = (dms[0].body.attachments as { contentType: string; content: AdaptiveCard }[])[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const blocks = attachment.content.body.map((e) => e.text ?? '').join('\n');
    expect(blocks).toContain(t('actions.reminder.title'));
    expect(blocks).toContain(t('actions.reminder.intro', { network: 'Passende plekken' }));
    expect(blocks).toContain('#1 Bel de wijkverpleging over de plek');
    expect(blocks).not.toContain('#2');
    const submits = attachment.content.body.flatMap((e) => e.actions ?? []);
    expect(submits.map((a) => a.type)).toEqual(['Action.Submit', 'Action.Submit', 'Action.Submit', 'Action.Submit']);
    expect(submits.map((a) => a.title)).toEqual([t('actions.button.done'), t('actions.button.progress'), t('actions.button.stuck'), t('actions.button.later')]);
    const value = { network: network.id, n: 1, dm: true };
    expect(submits.map((a) => a.data)).toEqual(['actions.done', 'actions.progress', 'actions.stuck', 'actions.later'].map((id) => ({ wegwijs: id, value })));
    // Anna's own action has no due date: no reminder for her. Nothing else was sent.
    expect(nudged).toHaveLength(3);

    // The same slot again (a second tick, a later tick in the same hour): nothing more.
    await bot.app.bot.tick(MONDAY_0900);
    await bot.app.bot.tick(new Date(MONDAY_0900.getTime() + 30 * 60_000));
    expect(teams.requests.slice(before)).toHaveLength(3);
    expect((await bot.app.services.ports.nudgeStatus?.status(network.id))?.lastNudgeAt).toBe(MONDAY_0900.toISOString());

    // Bram, once @mentioned as owner, is the same person when he writes himself (with his AAD id
    // on the activity) and when he presses a button on his reminder: the action is his.
    const bramWrites = { ...bram, aadObjectId: 'aad-bram' };
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel, user: bramWrites }, 'actie 1 klaar'));
    expect(teams.sent.at(-1)!.body.text).toBe(t('actions.changed.done', { number: 1, owner: bram.name }));
  });
});

describe('Teams tenant isolation', () => {
  it('keeps one tenant’s preferences and conversations out of another’s', async () => {
    const a = await new FakeConnector().start();
    const b = await new FakeConnector().start();
    const bot = await startTeamsBot({ localMode: true });
    try {
      const channel = '19:zelfde-id@thread.tacv2';
      const same = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna' };
      // In tenant A, Anna switches to English.
      await a.deliver(bot.url, personalMessage({ tenant: 'tenant-a', user: same }, 'taal en'));
      await a.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel, user: same }, 'help'));
      // The same user id and channel id in tenant B: still Dutch, and its own reference.
      await b.deliver(bot.url, channelMention({ tenant: 'tenant-b', channel, user: same }, 'hulp'));
      expect(JSON.stringify(a.sent.at(-1)!.body)).toContain('What Wegwijs can do');
      expect(JSON.stringify(b.sent.at(-1)!.body)).toContain('Wat Wegwijs kan');
      expect(JSON.stringify(b.sent)).not.toContain('What Wegwijs');

      const { messenger } = bot.app.services;
      const refA = await messenger.conversation('teams', 'tenant-a', channel);
      const refB = await messenger.conversation('teams', 'tenant-b', channel);
      expect((refA?.platformRef as { serviceUrl: string }).serviceUrl).toBe(a.url);
      expect((refB?.platformRef as { serviceUrl: string }).serviceUrl).toBe(b.url);

      const before = a.sent.length;
      await messenger.post(refB!, { text: 'Alleen voor tenant B' });
      expect(a.sent).toHaveLength(before);
      expect(b.sent.at(-1)!.body.text).toBe('Alleen voor tenant B');

      // A learning network and its actions in tenant A stay invisible in tenant B's same channel id.
      expect(bot.app.bot.has('networks')).toBe(true);
      expect(bot.app.bot.has('actions')).toBe(true);
      await a.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel, user: same }, 'netwerk start "Passende plekken Noord"'));
      await a.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel, user: same }, 'actie Bel de wijkverpleging over de plek'));
      await a.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel, user: same }, 'acties'));
      expect(JSON.stringify(a.sent.at(-1)!.body)).toContain('wijkverpleging');
      await b.deliver(bot.url, channelMention({ tenant: 'tenant-b', channel, user: same }, 'acties'));
      expect(JSON.stringify(b.sent.at(-1)!.body)).not.toContain('wijkverpleging');
      expect(JSON.stringify(b.sent)).not.toContain('Passende plekken Noord');

      // An activity whose two tenant ids disagree is not handled at all.
      const forged = channelMention({ tenant: 'tenant-b', channel, user: same }, 'hulp');
      await b.deliver(bot.url, { ...forged, channelData: { tenant: { id: 'tenant-a' } } });
      expect(b.sent.filter((r) => JSON.stringify(r.body).includes('Wat Wegwijs kan'))).toHaveLength(1);
    } finally {
      await bot.close();
      await a.close();
      await b.close();
    }
  });
});
