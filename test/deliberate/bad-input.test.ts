import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { CHANNEL, newCards, press, privateTo, startSession, step, storedSession, texts } from './session-helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
});
afterEach(() => h.close());

const stored = (thread: string) => storedSession(h, thread);

describe('deliberation: bad input', () => {
  it('lists the methods for `beraad` and for an unknown method', async () => {
    const list = texts(await h.say('anna', CHANNEL, 'wegwijs beraad'));
    expect(list).toContain('**kort**');
    expect(list).toContain('**uitgebreid**');
    const unknown = await h.say('anna', CHANNEL, 'wegwijs beraad start lang');
    expect(texts(unknown)).toContain('De vorm "lang" ken ik niet');
    expect(texts(unknown)).toContain('**kort**');
    expect(newCards(unknown, 'Moreel beraad')).toHaveLength(0);
  });

  it('refuses a second start in the same thread, but allows one elsewhere', async () => {
    const { thread } = await startSession(h);
    const again = await h.say('bram', CHANNEL, 'wegwijs beraad start kort', thread);
    expect(newCards(again, 'Moreel beraad')).toHaveLength(0);
    expect(privateTo(again, 'bram')[0].text).toMatch(/loopt al een moreel beraad/);
    const other = await startSession(h, 'carla', 'uitgebreid', 'c2');
    expect(other.thread).not.toBe(thread);
    const inChannel = await startSession(h, 'bram', 'kort');
    expect(inChannel.thread).not.toBe(thread);
  });

  it('starts only in a channel', async () => {
    const out = await h.dm('anna', 'wegwijs beraad start kort');
    expect(texts(out)).toMatch(/in een kanaal/);
  });

  it('lets only the facilitator, or a network facilitator, steer', async () => {
    const { thread } = await startSession(h);
    const refused = await press(h, 'bram', 'next', step(thread, 0));
    expect(privateTo(refused, 'bram')[0].text).toMatch(/Alleen de gespreksleider \(anna\)/);
    expect(newCards(refused, 'Stap')).toHaveLength(0);
    expect((await stored(thread)).step).toBe(0);

    const pk = `console:local:${CHANNEL}`;
    await h.app.store.networks.put(pk, pk, {
      id: pk, platform: 'console', tenantId: 'local', channelId: CHANNEL, name: CHANNEL, timeZone: 'Europe/Amsterdam', language: 'nl',
      schedule: '0 9 * * 1', facilitators: ['fleur'], status: 'active', createdAt: '2026-11-01T00:00:00Z', createdBy: 'fleur',
    });
    const moved = await press(h, 'fleur', 'next', step(thread, 0));
    expect(newCards(moved, 'Stap 2 van 7')).toHaveLength(1);
  });

  it('detects stale buttons, and two presses at once end in one consistent state', async () => {
    const { thread } = await startSession(h);
    const before = h.outputs.length;
    await Promise.all([press(h, 'anna', 'next', step(thread, 0)), press(h, 'anna', 'next', step(thread, 0))]);
    const all = h.outputs.slice(before);
    expect(newCards(all, 'Stap 2 van 7')).toHaveLength(1);
    expect(privateTo(all, 'anna').map((o) => o.text).join()).toMatch(/eerdere stap/);
    expect((await stored(thread)).step).toBe(1);
    const back = await press(h, 'anna', 'back', step(thread, 0));
    expect(privateTo(back, 'anna')[0].text).toMatch(/eerdere stap/);
    const nothing = await press(h, 'anna', 'next', {});
    expect(privateTo(nothing, 'anna')).toHaveLength(1);
  });

  it('handles empty notes, notes and buttons after the end', async () => {
    const { thread } = await startSession(h);
    const empty = await h.say('bram', CHANNEL, 'wegwijs', thread);
    expect(privateTo(empty, 'bram')[0].text).toMatch(/leeg bericht/);
    expect((await stored(thread)).contributions).toHaveLength(0);

    await h.say('bram', CHANNEL, 'Een casus over thuis wonen.', thread);
    const asked = await press(h, 'anna', 'end', step(thread, 0));
    expect(newCards(asked, 'Verslag')).toHaveLength(0);
    const ended = await h.press('anna', { channel: CHANNEL }, privateTo(asked, 'anna')[0].card!.buttons.find((b) => b.label === 'Ja, nu beëindigen')!.action);
    expect(newCards(ended, 'Verslag')).toHaveLength(1);
    const opening = ended.find((o) => o.update && o.id === thread)!;
    expect(opening.text).toMatch(/afgerond; het verslag staat in de draad/);
    expect(opening.card!.buttons).toEqual([]);

    const late = await h.say('carla', CHANNEL, 'Nog iets', thread);
    expect(privateTo(late, 'carla')[0].text).toMatch(/al afgerond/);
    expect((await stored(thread)).contributions).toHaveLength(1);
    for (const id of ['next', 'pause', 'end', 'join']) {
      const out = await press(h, 'anna', id, step(thread, 0));
      expect(privateTo(out, 'anna')[0].text).toMatch(/al afgerond/);
    }
    const anon = await h.dm('carla', `wegwijs beraad anoniem #1 te laat`);
    expect(texts(anon)).toMatch(/al afgerond/);
    const report = await press(h, 'bram', 'report', { s: thread });
    expect(privateTo(report, 'bram')[0].text).toMatch(/alleen naar de gespreksleider/);
  });

  it('pauses, resumes and extends with the remaining time kept', async () => {
    const { thread } = await startSession(h);
    await press(h, 'anna', 'pause', step(thread, 0));
    expect((await stored(thread)).status).toBe('paused');
    // Paused: the time box does not run out.
    expect(texts(await h.at('2026-11-23T09:30:00+01:00'))).not.toMatch(/De tijd voor/);
    const resumed = await press(h, 'anna', 'resume', step(thread, 0));
    expect(texts(resumed)).toMatch(/gaat verder.*09:33/);
    const extended = await press(h, 'anna', 'extend', step(thread, 0));
    expect(texts(extended)).toMatch(/5 minuten extra, tot 09:38/);
  });
});

describe('deliberation: anonymous notes', () => {
  it('needs a direct message, a session, and a code when there are several', async () => {
    const inChannel = await h.say('bram', CHANNEL, 'wegwijs beraad anoniem geheim');
    expect(privateTo(inChannel, 'bram')[0].text).toMatch(/privébericht/);
    expect(texts(await h.dm('bram', 'wegwijs beraad anoniem iets'))).toMatch(/Er loopt nu geen moreel beraad/);
    expect(texts(await h.dm('bram', 'wegwijs beraad anoniem'))).toMatch(/Wat wil je anoniem inbrengen/);

    const one = await startSession(h);
    const two = await startSession(h, 'carla', 'kort', 'c2');
    await press(h, 'bram', 'join', { s: one.thread });
    await press(h, 'bram', 'join', { s: two.thread }, 'c2');
    const which = await h.dm('bram', 'wegwijs beraad anoniem Ik twijfel.');
    expect(texts(which)).toMatch(/meer dan één beraad/);
    expect(texts(which)).toMatch(/#1/);
    expect(texts(which)).toMatch(/#2/);
    const posted = await h.dm('bram', 'wegwijs beraad anoniem #2 Ik twijfel. Bel 06-12345678.');
    const inThread = posted.find((o) => o.thread === two.thread && /Anonieme bijdrage/.test(o.text))!;
    expect(inThread.channel).toBe('c2');
    expect(inThread.text).toContain('[telefoon]');
    expect(inThread.text).not.toMatch(/bram/);
    expect(texts(posted.filter((o) => o.dm))).toMatch(/persoonsgegevens weggehaald/);
    expect(texts(await h.dm('bram', 'wegwijs beraad anoniem #9 hallo'))).toMatch(/#9/);
  });
});

describe('deliberation: the step card', () => {
  it('shows who contributed and, in an each-participant step, who is not heard yet', async () => {
    const { thread } = await startSession(h);
    await press(h, 'bram', 'join', { s: thread });
    await press(h, 'carla', 'join', { s: thread });
    for (let i = 0; i < 4; i++) await press(h, 'anna', 'next', step(thread, i));
    const out = await h.say('bram', CHANNEL, 'Ik kies voor thuis.', thread);
    const card = out.find((o) => o.update && o.card?.title === 'Stap 5 van 7: Ieders keuze')!;
    expect(card.text).toContain('Deelnemers: anna, bram, carla');
    expect(card.text).toContain('Bijgedragen: bram');
    expect(card.text).toContain('Nog niet gehoord: carla');
    expect(card.card!.buttons.map((b) => b.label)).toEqual(['Mijn antwoord', 'Toon alles', 'Ik doe mee', 'Vorige stap', 'Volgende stap', 'Pauze', '+5 minuten', 'Beraad beëindigen']);
  });
});
