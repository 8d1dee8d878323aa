/** Network management through the in-process bot: start, facilitators, schedule, pause, stop, quiet. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { DeliveryError, type ChannelAdapter } from '../../src/core/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-16T10:00:00+01:00' });
});
afterEach(() => h.close());

const texts = (outs: { text: string }[]) => outs.map((o) => o.text).join('\n');
const nudges = (outs: ConsoleOutput[]) => outs.filter((o) => o.channel === 'c1' && !o.private && o.text.startsWith('**Wekelijkse voortgang'));

describe('networks', () => {
  it('starts a network whose starter is facilitator, and shows its settings', async () => {
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk'))).toContain('nog geen lerend netwerk');
    const [started] = await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    expect(started.text).toContain('lerend netwerk **Passende plekken**');
    expect(started.text).toContain('maandag 09:00, Europe/Amsterdam');
    expect(texts(await h.say('bram', 'c1', 'wegwijs netwerk start "Iets anders"'))).toContain('al het netwerk **Passende plekken**');
    const [settings] = await h.say('bram', 'c1', 'wegwijs netwerk');
    expect(settings.text).toContain('Facilitators: anna');
    expect(settings.text).toContain('Status: actief');
    expect(settings.text).toContain('Nudge: maandag 09:00 (Europe/Amsterdam)');
    expect(settings.text).toContain('Volgende nudge: ma 23 nov 2026, 09:00');
    const stored = await h.app.store.networks.get('console:local:c1', 'console:local:c1');
    expect(stored?.data).toMatchObject({ id: 'console:local:c1', name: 'Passende plekken', facilitators: ['anna'], timeZone: 'Europe/Amsterdam', language: 'nl' });
    expect(texts(await h.dm('anna', 'wegwijs netwerk start "X"'))).toContain('hoort bij een kanaal');
  });

  it('lets facilitators name facilitators and change the schedule; others may not', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    expect(texts(await h.say('bram', 'c1', 'wegwijs netwerk schema dinsdag 10:00'))).toContain('alleen een facilitator');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk facilitator @bram'))).toContain('Welkom als facilitator: bram');
    const set = await h.say('bram', 'c1', 'wegwijs netwerk schema dinsdag 10:00');
    expect(set[0].text).toContain('dinsdag 10:00');
    expect(set[0].text).toContain('di 17 nov 2026, 10:00');
    const bad = await h.say('bram', 'c1', 'wegwijs netwerk schema elke week ofzo');
    expect(bad[0].text).toContain('"elke week ofzo" kan ik niet als schema lezen');
    expect(texts(await h.say('bram', 'c1', 'wegwijs netwerk schema 0 99 * * 1'))).toContain('kan ik niet als schema lezen');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk'))).toContain('Nudge: dinsdag 10:00');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    expect(nudges(await h.at('2026-11-16T09:00:00+01:00'))).toEqual([]);
    expect(nudges(await h.at('2026-11-17T10:00:00+01:00'))).toHaveLength(1);
  });

  it('does not send a slot that had already passed when the schedule was set', async () => {
    h.clock.set('2026-11-16T08:00:00+01:00');
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    h.clock.set('2026-11-17T11:00:00+01:00');
    await h.say('anna', 'c1', 'wegwijs netwerk schema dinsdag 10:00');
    expect(nudges(await h.at('2026-11-17T11:00:30+01:00'))).toEqual([]);
    expect(nudges(await h.at('2026-11-24T10:00:00+01:00'))).toHaveLength(1);
  });

  it('pauses until a date in the future, refuses a past one, and sends no nudge while paused or stopped', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk pauze tot 1 november'))).toContain('ligt niet in de toekomst');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk pauze tot na de vakantie'))).toContain('kan ik niet als datum lezen');
    const [paused] = await h.say('anna', 'c1', 'wegwijs netwerk pauze tot 1 december');
    expect(paused.text).toContain('pauzeert tot di 1 dec 2026');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk'))).toContain('gepauzeerd tot');
    expect(nudges(await h.at('2026-11-23T09:00:00+01:00'))).toEqual([]);
    // The pause ends on 1 December: the nudge of Monday 7 December goes out as usual.
    expect(nudges(await h.at('2026-12-07T09:00:00+01:00'))).toHaveLength(1);
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk stop'))).toContain('gestopt');
    expect(nudges(await h.at('2026-12-14T09:00:00+01:00'))).toEqual([]);
    expect(texts(await h.say('anna', 'c1', 'wegwijs actie Nog iets'))).toContain('gestopt');
    expect(texts(await h.say('anna', 'c1', 'wegwijs export'))).toContain('1;Agenda maken;anna;open');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk start'))).toContain('loopt weer');
    expect(nudges(await h.at('2026-12-21T09:00:00+01:00'))).toHaveLength(1);
  });

  it('lets anyone opt out of personal reminders and back in', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor voor vrijdag');
    const [quiet] = await h.say('bram', 'c1', 'wegwijs stil');
    expect(quiet.private).toBe(true);
    expect(quiet.text).toContain('geen persoonlijke herinneringen meer');
    let outs = await h.at('2026-11-23T09:00:00+01:00');
    expect(nudges(outs)).toHaveLength(1);
    expect(outs.filter((o) => o.dm)).toEqual([]);
    const [back] = await h.dm('bram', 'wegwijs stil uit');
    expect(back.text).toContain('weer persoonlijke herinneringen');
    outs = await h.at('2026-11-30T09:00:00+01:00');
    expect(outs.filter((o) => o.dm).map((o) => o.to)).toEqual(['bram']);
    expect(texts(await h.dm('zoe', 'wegwijs stil'))).toContain('nog geen lid');
  });

  it('records delivery failures and shows them to the facilitator', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    const failing: ChannelAdapter = {
      ...h.adapter,
      platform: 'console',
      post: async () => {
        throw new DeliveryError('forbidden', 'fatal', undefined, 403);
      },
      postToThread: h.adapter.postToThread.bind(h.adapter),
      update: h.adapter.update.bind(h.adapter),
      sendDirect: h.adapter.sendDirect.bind(h.adapter),
    };
    h.app.services.messenger.register(failing);
    expect(nudges(await h.at('2026-11-23T09:00:00+01:00'))).toEqual([]);
    h.app.services.messenger.register(h.adapter);
    const [settings] = await h.say('anna', 'c1', 'wegwijs netwerk');
    expect(settings.text).toContain('Bezorgprobleem bij de laatste nudge');
    expect(settings.text).toContain('http_403');
    const [preview] = await h.say('anna', 'c1', 'wegwijs nudge voorbeeld');
    expect(preview.text).toContain('Laatste bezorgprobleem');
    // The week was claimed: no second attempt that week, and the next week is delivered.
    expect(nudges(await h.at('2026-11-23T09:01:00+01:00'))).toEqual([]);
    expect(nudges(await h.at('2026-11-30T09:00:00+01:00'))).toHaveLength(1);
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk'))).not.toContain('Bezorgprobleem');
  });

  it('switches the network language for its nudges', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk taal en'))).toContain('in English');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    const outs = await h.at('2026-11-23T09:00:00+01:00');
    expect(outs.find((o) => o.channel === 'c1')?.text).toContain('**Weekly progress of Passende plekken**');
  });
});
