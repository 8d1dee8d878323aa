import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, Messenger, silentLogger, type ChannelAdapter, type ConversationRef, type OutgoingMessage } from '../../src/core/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** A platform adapter that records sends and fails as told. */
function recordingAdapter(platform: 'teams' | 'slack', failures: DeliveryError[] = []): ChannelAdapter & { sent: string[] } {
  const sent: string[] = [];
  const send = async (where: string, message: OutgoingMessage) => {
    const failure = failures.shift();
    if (failure) throw failure;
    sent.push(`${where}:${message.text}`);
    return { id: String(sent.length) };
  };
  return {
    platform,
    sent,
    post: (c, m) => send(c.channelId, m),
    postToThread: (c, t, m) => send(`${c.channelId}/${t}`, m),
    update: async () => {},
    sendDirect: (u, m) => send(`dm:${u.userId}`, m),
  };
}

const ref = (platform: 'teams' | 'slack', channelId: string): ConversationRef => ({ platform, tenantId: 't1', channelId, isDirect: false });

describe('messenger', () => {
  let h: Harness;
  let sleeps: number[];
  const messenger = (adapter: ChannelAdapter) => {
    const m = new Messenger(h.app.store, silentLogger, { sleep: async (ms) => void sleeps.push(ms) });
    m.register(adapter);
    return m;
  };
  beforeEach(async () => {
    h = await createHarness({ features: () => [] });
    sleeps = [];
  });
  afterEach(() => h.close());

  it('spaces messages to one Teams conversation, but not across conversations beyond the platform floor', async () => {
    const teams = recordingAdapter('teams');
    const m = messenger(teams);
    for (const text of ['a', 'b', 'c']) await m.post(ref('teams', 'c1'), { text });
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) expect(ms).toBeGreaterThan(400);
    sleeps.length = 0;
    await m.post(ref('teams', 'c2'), { text: 'd' });
    expect(Math.max(0, ...sleeps)).toBeLessThanOrEqual(20);
    expect(teams.sent).toEqual(['c1:a', 'c1:b', 'c1:c', 'c2:d']);
  });

  it('spaces Slack direct messages to different people (opening a DM is rate-limited)', async () => {
    const slack = recordingAdapter('slack');
    const m = messenger(slack);
    await m.sendDirect('slack', 't1', 'U1', { text: 'hoi' });
    await m.sendDirect('slack', 't1', 'U2', { text: 'hoi' });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(1000);
  });

  it('retries after the delay the platform asks for, then succeeds', async () => {
    const teams = recordingAdapter('teams', [new DeliveryError('429', 'retry', 3000, 429)]);
    const result = await messenger(teams).post(ref('teams', 'c1'), { text: 'nudge' });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(sleeps).toContain(3000);
  });

  it('gives up after a bounded number of attempts, and at once on a fatal error', async () => {
    const busy = recordingAdapter('teams', Array.from({ length: 10 }, () => new DeliveryError('503', 'retry', undefined, 503)));
    expect(await messenger(busy).post(ref('teams', 'c1'), { text: 'x' })).toMatchObject({ ok: false, attempts: 4, error: 'http_503' });
    const broken = recordingAdapter('teams', [new DeliveryError('400', 'fatal', undefined, 400)]);
    expect(await messenger(broken).post(ref('teams', 'c2'), { text: 'x' })).toMatchObject({ ok: false, attempts: 1 });
  });

  it('marks a conversation the platform says is gone as dead, and stops trying it', async () => {
    await h.app.bot.saveConversation(ref('teams', 'c9'));
    const teams = recordingAdapter('teams', [new DeliveryError('404', 'gone', undefined, 404)]);
    const m = messenger(teams);
    expect(await m.post(ref('teams', 'c9'), { text: 'x' })).toMatchObject({ ok: false, error: 'conversation_gone' });
    const stored = await m.conversation('teams', 't1', 'c9');
    expect(stored?.dead).toBe(true);
    expect(await m.post(stored!, { text: 'again' })).toMatchObject({ ok: false, attempts: 0 });
    expect(teams.sent).toEqual([]);
  });
});
