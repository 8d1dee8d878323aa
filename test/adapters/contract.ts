/**
 * The adapter contract: what every `ChannelAdapter` must do, run against each platform through
 * its real renderer and transport (console output, Slack through the fake Web API, Teams through
 * the fake connector), as test/store/contract.ts is for the store backends.
 *
 * A platform test supplies an `AdapterHarness`: the adapter, a channel and a user it can reach,
 * what reached the platform (`deliveries`, normalised to `Delivered`) and how a person presses a
 * button on a delivered card (`press`, through the platform's own reading of the press). A new
 * capability is one more `it` here plus, where needed, one optional member of the harness (a
 * platform without it says so with `capabilities`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, buttons, card, cardMessage, context, divider, fields, input, parseIncoming, text, type Card, type ChannelAdapter, type ConversationRef, type IncomingAction, type OutgoingMessage } from '../../src/core/index.ts';

/** One message as it reached the platform, in the platform's terms made neutral. */
export interface Delivered {
  kind: 'post' | 'thread' | 'update' | 'direct' | 'private';
  /** The channel (or the user, for direct and private messages) it went to. */
  to: string;
  thread?: string;
  /** The platform's id of the message (for `update`: the one replaced). */
  messageId?: string;
  /** Everything a person can read in it (text, card title, fields, context), as one string. */
  visible: string;
  buttons: { label: string }[];
  inputs: { id: string; kind: 'text' | 'date' | 'select' }[];
  dividers: number;
  /** The platform's own payload, for `press`. */
  raw: unknown;
}

export interface AdapterHarness {
  name: string;
  adapter: ChannelAdapter;
  /** A channel the bot is in (and knows the reference of). */
  channel: ConversationRef;
  /** A person the bot can reach directly, in the channel's tenant. */
  user: { tenantId: string; userId: string };
  /** Every message that reached the platform so far, in order (after the harness settled). */
  deliveries(): Promise<Delivered[]>;
  /** A person presses button `index` of a delivered card after filling in `fill`: the action the adapter reads. */
  press(delivered: Delivered, index: number, fill: Record<string, string>): Promise<IncomingAction | undefined>;
  /** What in a delivered message breaks the platform's own limits (none: it fits). */
  overLimits?(delivered: Delivered): string[];
  /** What the platform cannot do natively (the contract then checks the fallback). */
  capabilities?: { ephemeral?: boolean };
  /**
   * The card as one person sees it, where the platform draws a card per person (Teams' refresh);
   * absent: everyone sees the same card (every control; the feature refuses who may not act).
   */
  viewAs?(delivered: Delivered, userId: string): Promise<Delivered | undefined>;
  close(): Promise<void>;
}

/** A card with one element of every kind, and every input kind. */
export function everyElementCard(): Card {
  return card(
    { title: 'Alle onderdelen' },
    text('Tekst in de kaart'),
    fields(['Eigenaar', 'Bram'], ['Wanneer', 'vrijdag']),
    input('wat', 'Wat ga je doen?', { kind: 'text', placeholder: 'kort' }),
    input('datum', 'Voor wanneer?', { kind: 'date' }),
    input('keuze', 'Hoe gaat het?', { kind: 'select', options: [{ label: 'Goed', value: 'goed' }, { label: 'Vast', value: 'vast' }] }),
    divider(),
    context('Een regel context'),
    buttons(button('Opslaan', 'probe.save', { n: 7, ok: true }, 'primary'), button('Annuleren', 'probe.cancel')),
  );
}

export function adapterContract(make: () => Promise<AdapterHarness>): void {
  describe('adapter contract', () => {
    let h: AdapterHarness;
    beforeAll(async () => {
      h = await make();
    }, 60_000);
    afterAll(async () => h?.close());

    /** Runs `work` and returns what reached the platform meanwhile. */
    async function during(work: () => Promise<unknown>): Promise<Delivered[]> {
      const before = (await h.deliveries()).length;
      await work();
      return (await h.deliveries()).slice(before);
    }

    it('posts to a channel and returns the message id', async () => {
      let id = '';
      const sent = await during(async () => void (id = (await h.adapter.post(h.channel, { text: 'Hallo **netwerk**' })).id));
      expect(id).toBeTruthy();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'post', to: h.channel.channelId });
      expect(sent[0].visible).toContain('netwerk');
    });

    it('posts in a thread', async () => {
      const root = await h.adapter.post(h.channel, { text: 'Begin van een draad' });
      const sent = await during(() => h.adapter.postToThread(h.channel, root.id, { text: 'Antwoord in de draad' }));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'thread', thread: root.id });
      expect(sent[0].visible).toContain('Antwoord in de draad');
    });

    it('updates a message in place', async () => {
      const posted = await h.adapter.post(h.channel, { text: 'Eerste versie' });
      const sent = await during(() => h.adapter.update(h.channel, posted.id, { text: 'Tweede versie' }));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'update', messageId: posted.id });
      expect(sent[0].visible).toContain('Tweede versie');
    });

    it('sends a direct message to one person', async () => {
      const sent = await during(() => h.adapter.sendDirect(h.user, { text: 'Alleen voor jou' }));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'direct', to: h.user.userId });
      expect(sent[0].visible).toContain('Alleen voor jou');
    });

    it('says something privately: ephemeral where the platform has it, else a direct message', async () => {
      const message = { text: 'Alleen jij ziet dit' };
      const hasEphemeral = h.capabilities?.ephemeral ?? Boolean(h.adapter.postEphemeral);
      expect(Boolean(h.adapter.postEphemeral)).toBe(hasEphemeral);
      const sent = await during(() => (h.adapter.postEphemeral ? h.adapter.postEphemeral(h.channel, h.user.userId, message) : h.adapter.sendDirect(h.user, message)));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: hasEphemeral ? 'private' : 'direct', to: h.user.userId });
      expect(sent[0].visible).toContain('Alleen jij ziet dit');
    });

    it('shows a card with every element kind, and reads a press with the inputs back', async () => {
      const sent = await during(() => h.adapter.post(h.channel, cardMessage(everyElementCard())));
      expect(sent).toHaveLength(1);
      const shown = sent[0];
      for (const words of ['Alle onderdelen', 'Tekst in de kaart', 'Eigenaar', 'Bram', 'vrijdag', 'Een regel context']) expect(shown.visible).toContain(words);
      expect(shown.buttons.map((b) => b.label)).toEqual(['Opslaan', 'Annuleren']);
      expect(shown.inputs).toEqual([
        { id: 'wat', kind: 'text' },
        { id: 'datum', kind: 'date' },
        { id: 'keuze', kind: 'select' },
      ]);
      expect(shown.dividers).toBeGreaterThanOrEqual(1);

      const action = await h.press(shown, 0, { wat: 'Bellen met het zorgkantoor', datum: '2026-12-04', keuze: 'vast' });
      expect(action).toMatchObject({ id: 'probe.save', value: { n: 7, ok: true }, inputs: { wat: 'Bellen met het zorgkantoor', datum: '2026-12-04', keuze: 'vast' } });
      const other = await h.press(shown, 1, {});
      expect(other?.id).toBe('probe.cancel');
    });

    it('limits controls to the people a card names: their own card where the platform draws one per person, else every control', async () => {
      const limited = card(
        { title: 'Voor wie?' },
        text('Een stap'),
        buttons(button('Ik doe mee', 'probe.join')),
        buttons({ ...button('Volgende', 'probe.next'), actors: [h.user.userId] }),
      );
      const sent = await during(() => h.adapter.post(h.channel, cardMessage(limited)));
      expect(sent).toHaveLength(1);
      const shown = sent[0];
      expect(shown.visible).toContain('Voor wie?');
      expect(shown.buttons.map((b) => b.label)).toContain('Ik doe mee');
      if (h.viewAs) {
        // Everyone else sees a read-only card; the person named gets the controls.
        expect(shown.buttons.map((b) => b.label)).not.toContain('Volgende');
        expect((await h.viewAs(shown, h.user.userId))?.buttons.map((b) => b.label)).toContain('Volgende');
        expect((await h.viewAs(shown, 'someone-else'))?.buttons.map((b) => b.label) ?? []).not.toContain('Volgende');
      } else {
        expect(shown.buttons.map((b) => b.label)).toEqual(['Ik doe mee', 'Volgende']);
      }
      expect((await h.press(shown, 0, {}))?.id).toBe('probe.join');
    });

    it('opens a form the platform\'s way (a dialog, a modal, or the form as a card), or leaves the card to the core', async () => {
      const turn = parseIncoming({
        platform: h.channel.platform,
        tenantId: h.channel.tenantId,
        channelId: h.channel.channelId,
        user: { id: h.user.userId, name: 'Anna' },
        isDirect: false,
      });
      const form = card({ title: 'Nieuwe actie' }, input('wat', 'Wat?', { required: true }), input('wanneer', 'Wanneer?', { kind: 'date' }));
      if (!h.adapter.openModal) return; // the core posts the card with a submit button instead (Turn.openModal → false)
      const sent = await during(() => h.adapter.openModal!(turn, { title: 'Nieuwe actie', card: form, submitActionId: 'probe.save', submitLabel: 'Opslaan' }));
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.map((s) => s.visible).join('\n')).toContain('Nieuwe actie');
    });

    it('delivers an AI answer with its citations: the text always, the sources natively where the platform has them', async () => {
      const answer: OutgoingMessage = {
        text: 'De Wlz regelt langdurige zorg.',
        citations: [{ title: 'Wet langdurige zorg', date: '2015', url: 'https://wetten.overheid.nl/BWBR0035917' }],
        aiGenerated: true,
      };
      const sent = await during(() => h.adapter.post(h.channel, answer));
      expect(sent).toHaveLength(1);
      expect(sent[0].visible).toContain('De Wlz regelt langdurige zorg.');
    });

    it('degrades a very long text rather than failing', async () => {
      const long = `Begin. ${'Een lange zin over passende zorg. '.repeat(2_000)}Einde.`;
      const sent = await during(() => h.adapter.post(h.channel, { text: long }));
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent[0].visible).toContain('Begin.');
      expect(sent.flatMap((d) => h.overLimits?.(d) ?? [])).toEqual([]);
    });

    it('degrades a card with many buttons rather than failing', async () => {
      const many: OutgoingMessage = cardMessage(card({ title: 'Veel knoppen' }, buttons(...Array.from({ length: 120 }, (_, i) => button(`Knop ${i + 1}`, 'probe.press', { i })))));
      const sent = await during(() => h.adapter.post(h.channel, many));
      expect(sent.length).toBeGreaterThanOrEqual(1);
      const shown = sent.flatMap((s) => s.buttons);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown[0].label).toBe('Knop 1');
      expect(sent.flatMap((d) => h.overLimits?.(d) ?? [])).toEqual([]);
      const action = await h.press(sent[0], 0, {});
      expect(action).toMatchObject({ id: 'probe.press', value: { i: 0 } });
    });
  });
}

/** Every string under `key` anywhere in a JSON value (texts of blocks, cards, elements). */
export function stringsUnder(value: unknown, keys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      if (key && keys.has(key)) out.push(v);
    } else if (Array.isArray(v)) for (const item of v) walk(item, key);
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) walk(item, k);
  };
  walk(value);
  return out;
}

/** Every object anywhere in a JSON value for which `match` holds, in document order. */
export function objectsWhere(value: unknown, match: (o: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const item of v) walk(item);
    else if (v && typeof v === 'object') {
      if (match(v as Record<string, unknown>)) out.push(v as Record<string, unknown>);
      for (const item of Object.values(v)) walk(item);
    }
  };
  walk(value);
  return out;
}
