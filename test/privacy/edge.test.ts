/**
 * The redaction pass at the edge of the core (Bot.handle): what features receive, what the user is
 * told, and what stays (the sender's own name, colleagues mentioned).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import type { Feature, IncomingMessage, Turn } from '../../src/core/index.ts';
import { redactIncoming } from '../../src/privacy/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const now = new Date('2026-11-30T12:00:00Z');
const LOCK = '🔒';
/** A message that carries the privacy notice (in its text or on its card). */
const tells = (o: ConsoleOutput) => `${o.text}\n${o.card?.body ?? ''}`.includes(LOCK);

const incoming = (over: Partial<IncomingMessage>): IncomingMessage => ({
  platform: 'console',
  tenantId: 'local',
  channelId: 'c1',
  user: { id: 'fleur', name: 'Fleur de Wit' },
  text: '',
  mentions: [],
  addressedToBot: true,
  isDirect: false,
  ...over,
});

describe('redactIncoming', () => {
  it('redacts the text, card inputs, string button values and the channel name; keeps ids', () => {
    const { message, found } = redactIncoming(
      incoming({
        text: 'mevrouw Jansen, BSN 111222333',
        channelName: 'casus-0612345678',
        threadId: 't-111222333',
        action: { id: 'actions.create', value: { network: 'console:local:c1', n: 1, note: 'bel 06-12345678' }, inputs: { title: 'Fatma Yilmaz verhuist' }, messageId: 'm1' },
      }),
      now,
    );
    expect(message.text).toBe('mevrouw [naam], BSN [BSN]');
    expect(message.channelName).toBe('casus-[telefoon]');
    expect(message.threadId).toBe('t-111222333');
    expect(message.action).toEqual({ id: 'actions.create', value: { network: 'console:local:c1', n: 1, note: 'bel [telefoon]' }, inputs: { title: '[naam] verhuist' }, messageId: 'm1' });
    expect(found).toEqual(['name', 'bsn', 'phone']);
  });

  it("keeps the sender's and mentioned colleagues' names, not a client's next to them", () => {
    const { message } = redactIncoming(
      incoming({ text: 'Fleur de Wit en Bram Terpstra bellen over Jan de Vries', mentions: [{ id: 'bram', name: 'Bram Terpstra' }] }),
      now,
    );
    expect(message.text).toBe('Fleur de Wit en Bram Terpstra bellen over [naam]');
  });

  it('drops a mention that was part of an e-mail address', () => {
    const { message } = redactIncoming(incoming({ text: 'mail k.visser@example.nl of @bram', mentions: [{ id: 'example.nl', name: 'example.nl' }, { id: 'bram', name: 'bram' }] }), now);
    expect(message.text).toBe('mail [e-mail] of @bram');
    expect(message.mentions).toEqual([{ id: 'bram', name: 'bram' }]);
  });
});

describe('the edge of the core', () => {
  let h: Harness;
  const seen: { text: string; redacted: readonly string[] }[] = [];
  const probe: Feature = {
    name: 'probe',
    commands: [{ names: ['probe'], summaryKey: 'core.help.title', handler: async (turn: Turn, args: string) => void seen.push({ text: args, redacted: turn.redacted }) }],
  };

  beforeEach(async () => {
    seen.length = 0;
    h = await createHarness({ features: () => [probe] });
  });
  afterEach(() => h.close());

  it('gives features only redacted text and tells the user once, privately', async () => {
    const out = await h.say('fleur', 'c1', 'wegwijs probe Plek voor mevrouw Jansen, BSN 111222333, 06-12345678');
    expect(seen).toEqual([{ text: 'Plek voor mevrouw [naam], BSN [BSN], [telefoon]', redacted: ['name', 'bsn', 'phone'] }]);
    expect(out).toHaveLength(1);
    expect(out[0].private).toBe(true);
    expect(out[0].text).toContain(LOCK);
    expect(out[0].text).toContain('naam, BSN, telefoonnummer');
  });

  it('says nothing to chatter that is not for the bot, personal data or not', async () => {
    expect(await h.say('fleur', 'c1', 'mevrouw Jansen belt morgen, BSN 111222333')).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('says nothing extra when nothing was removed', async () => {
    const out = await h.say('fleur', 'c1', 'wegwijs probe Wlz-indicatie VV 4 op 3 december');
    expect(seen[0].text).toBe('Wlz-indicatie VV 4 op 3 december');
    expect(out).toEqual([]);
  });
});

describe('features that tell the user themselves', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('a network name: stored and echoed redacted, with one notice', async () => {
    const out = await h.say('fleur', 'c1', 'wegwijs netwerk start "Plek voor mevrouw Jansen, BSN 111222333, 06-12345678"');
    const all = JSON.stringify(out);
    expect(all).not.toMatch(/Jansen|111222333|12345678/);
    expect(out.filter(tells)).toHaveLength(1);
    const network = await h.app.services.store.networks.get('console:local:c1', 'console:local:c1');
    expect(JSON.stringify(network?.data)).not.toMatch(/Jansen|111222333|12345678/);
  });

  it('a question: the answer carries the notice, and only once', async () => {
    const out = await h.dm('bram', 'Mijn cliënt mevrouw Kuipers (BSN 111222333) wacht op een plek, wie is dossierhouder?');
    const all = JSON.stringify(out);
    expect(all).not.toMatch(/Kuipers|111222333/);
    expect(out.filter(tells)).toHaveLength(1);
  });
});
