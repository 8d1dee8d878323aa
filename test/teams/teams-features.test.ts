/**
 * End to end with the real features (networks, actions, deliberation) through Teams, in explicit
 * local mode against a fake Bot Connector: a real card's button, a deliberation's reply chain,
 * and tenant isolation. Feature steps are skipped while a feature is not registered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelMention, FakeConnector, personalMessage } from './fake-connector.ts';
import { startTeamsBot, type TeamsBot } from './server.ts';

const TENANT = 'tenant-a';

describe('Teams with the real features', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;

  beforeEach(async () => {
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ localMode: true });
  });
  afterEach(async () => {
    await bot.close();
    await teams.close();
  });

  it('presses a button of a real feature card (an action card) in a channel', async () => {
    if (!bot.app.bot.has('networks') || !bot.app.bot.has('actions')) return;
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
    if (!bot.app.bot.has('networks') || !bot.app.bot.has('deliberate')) return;
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
      if (bot.app.bot.has('networks') && bot.app.bot.has('actions')) {
        await a.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel, user: same }, 'netwerk start "Passende plekken Noord"'));
        await a.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel, user: same }, 'actie Bel de wijkverpleging over de plek'));
        await a.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel, user: same }, 'acties'));
        expect(JSON.stringify(a.sent.at(-1)!.body)).toContain('wijkverpleging');
        await b.deliver(bot.url, channelMention({ tenant: 'tenant-b', channel, user: same }, 'acties'));
        expect(JSON.stringify(b.sent.at(-1)!.body)).not.toContain('wijkverpleging');
        expect(JSON.stringify(b.sent)).not.toContain('Passende plekken Noord');
      }

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
