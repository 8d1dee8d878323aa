import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { button, buttons, card, cardMessage, type Feature } from '../../src/core/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** A small feature that exercises every way a feature plugs in. */
function probeFeature(log: string[]): Feature {
  return {
    name: 'probe',
    commands: [
      { names: ['echo', 'echo'], summaryKey: 'core.help.summary', handler: async (turn, args) => void (await turn.reply({ text: `echo:${args}` })) },
      { names: ['kapot', 'broken'], summaryKey: 'core.help.summary', handler: async () => Promise.reject(new Error('boom')) },
      {
        names: ['kaart', 'card'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => void (await turn.reply(cardMessage(card({ title: 'T' }, buttons(button('Druk', 'probe.press', { n: 1 })))))),
      },
    ],
    actions: {
      press: async (turn, action) => {
        log.push(`press:${turn.user.id}:${action.value?.n}:${action.messageId}`);
        await turn.replyPrivately({ text: 'pressed' });
      },
    },
    question: async (turn, text) => void (await turn.reply({ text: `q:${text}` }, { inThread: true })),
    ownsThread: async (turn) => turn.message.threadId === 'm-owned',
    threadMessage: async (turn) => void log.push(`thread:${turn.user.id}:${turn.message.text}`),
  };
}

describe('bot', () => {
  let h: Harness;
  const log: string[] = [];
  beforeEach(async () => {
    log.length = 0;
    // A bare bot with only the probe feature, so the real features don't take its questions.
    h = await createHarness({ features: () => [probeFeature(log)] });
  });
  afterEach(() => h.close());

  it('routes commands in channels only when addressed, and everything in a DM', async () => {
    expect(await h.say('anna', 'c1', 'echo hoi')).toEqual([]);
    expect((await h.say('anna', 'c1', 'wegwijs echo hoi'))[0].text).toBe('echo:hoi');
    expect((await h.say('anna', 'c1', '@wegwijs echo hoi'))[0].text).toBe('echo:hoi');
    expect((await h.dm('anna', 'echo hoi'))[0]).toMatchObject({ dm: true, to: 'anna', text: 'echo:hoi' });
  });

  it('sends free text to the question feature', async () => {
    expect((await h.dm('anna', 'Wat doet het CCE?'))[0].text).toBe('q:Wat doet het CCE?');
    expect((await h.say('anna', 'c1', 'wegwijs wat is meerzorg?'))[0].text).toBe('q:wat is meerzorg?');
  });

  it('answers an unknown command with a suggestion and the list of commands', async () => {
    const [out] = await h.say('anna', 'c1', 'wegwijs ecko');
    expect(out.text).toContain('"ecko"');
    expect(out.text).toContain('wegwijs echo');
    expect(out.text).toContain('wegwijs hulp');
  });

  it('shows help in Dutch and, after "taal en", in English', async () => {
    expect((await h.dm('anna', 'hulp'))[0].card?.title).toBe('Wat Wegwijs kan');
    expect((await h.dm('anna', 'taal en'))[0].text).toContain('English');
    expect((await h.dm('anna', 'help'))[0].card?.title).toBe('What Wegwijs can do');
    expect((await h.dm('bram', 'help'))[0].card?.title).toBe('Wat Wegwijs kan');
  });

  it('apologises when a feature crashes, and keeps working', async () => {
    const [apology] = await h.say('anna', 'c1', 'wegwijs kapot');
    expect(apology.text).toMatch(/^Sorry/);
    expect((await h.say('anna', 'c1', 'wegwijs echo nog steeds'))[0].text).toBe('echo:nog steeds');
  });

  it('routes button presses to the feature, with the message they were on', async () => {
    const [cardOut] = await h.say('anna', 'c1', 'wegwijs kaart');
    const action = cardOut.card!.buttons[0].action;
    const [reply] = await h.press('bram', { channel: 'c1' }, action);
    expect(log).toEqual([`press:bram:1:${cardOut.id}`]);
    expect(reply).toMatchObject({ private: true, to: 'bram', text: 'pressed' });
  });

  it('answers a stale or unknown button politely', async () => {
    const [reply] = await h.press('anna', { channel: 'c1' }, { id: 'gone.feature' });
    expect(reply.private).toBe(true);
    expect(reply.text).toContain('knop');
  });

  it('gives threads to the feature that owns them, even unaddressed', async () => {
    expect(await h.say('cem', 'c1', 'mijn bijdrage', 'm-owned')).toEqual([]);
    expect(log).toEqual(['thread:cem:mijn bijdrage']);
    expect(await h.say('cem', 'c1', 'los gepraat', 'm-other')).toEqual([]);
  });

  it('refuses over-long text with a friendly message and stores nothing', async () => {
    const [reply] = await h.dm('anna', 'x'.repeat(50_000));
    expect(reply.text).toContain('50000');
    expect(reply.text).toContain('4000');
    expect(await h.say('anna', 'c1', 'y'.repeat(50_000))).toEqual([]);
  });

  it('ignores empty text, survives control characters, emoji and right-to-left text', async () => {
    expect(await h.say('anna', 'c1', '   ')).toEqual([]);
    // Right-to-left text survives; a lone word in a caseless script inside a Latin message is read
    // as a name copied from a file and redacted (src/privacy/scripts.ts), a whole line in it is kept.
    expect((await h.say('anna', 'c1', 'wegwijs echo \u0000\u0007a\u202eb🙂 مرحبا'))[0].text).toBe('echo:ab🙂 [naam]');
    expect((await h.dm('anna', '   '))[0].card?.title).toBe('Wat Wegwijs kan');
  });

  it('remembers every conversation it has seen, for proactive messages', async () => {
    await h.say('anna', 'kanaal-a', 'hallo allemaal');
    await h.dm('bram', 'hulp');
    const stored = await h.app.store.conversations.list({ pk: 'console:local' });
    expect(stored.map((d) => d.id).sort()).toEqual(['dm:bram', 'kanaal-a']);
    const ref = await h.app.services.messenger.conversation('console', 'local', 'kanaal-a');
    const result = await h.app.services.messenger.post(ref!, { text: 'proactief' });
    expect(result.ok).toBe(true);
    expect(h.outputs.at(-1)).toMatchObject({ channel: 'kanaal-a', text: 'proactief' });
  });

  it('revives a conversation that a failed delivery marked dead, as soon as someone writes in it', async () => {
    await h.say('anna', 'kanaal-b', 'wegwijs echo hallo');
    await h.app.store.conversations.update('console:local', 'kanaal-b', (c) => (c ? { ...c, dead: true } : undefined));
    const ref = await h.app.services.messenger.conversation('console', 'local', 'kanaal-b');
    expect((await h.app.services.messenger.post(ref!, { text: 'x' })).error).toBe('conversation_gone');
    await h.say('anna', 'kanaal-b', 'wegwijs echo weer terug');
    const revived = await h.app.services.messenger.conversation('console', 'local', 'kanaal-b');
    expect(revived?.dead).toBeFalsy();
    expect((await h.app.services.messenger.post(revived!, { text: 'proactief' })).ok).toBe(true);
  });

  it('rejects a second feature with the same name', () => {
    expect(() => h.app.bot.use(probeFeature([]))).toThrow(/registered twice/);
  });

  it('plugs in every feature of the app, each with its commands in the help list', async () => {
    const full = await createHarness();
    const [help] = await full.dm('anna', 'hulp');
    await full.close();
    for (const command of ['hulp', 'taal', 'rol', 'beraad', 'netwerk', 'actie', 'acties']) expect(help.text).toContain(`\`wegwijs ${command}`);
  });
});
