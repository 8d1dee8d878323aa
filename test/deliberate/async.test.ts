/**
 * The asynchronous deliberation in script mode: steps that close by themselves, one reminder per
 * step to members who said nothing yet (claimed through the store: two instances on one data
 * folder send it once), the blind step revealed at its close, and the report when the last step
 * closes. Plus a live session surviving a restart halfway through a blind round.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { closeAt, readAsyncOption, remindAt } from '../../src/deliberate/async.ts';
import { isWorkingTime } from '../../src/deliberate/working-time.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { tempDir } from '../helpers/temp.ts';
import { CHANNEL, press, step, storedSession, texts } from './session-helpers.ts';

const temps: { cleanup: () => void }[] = [];
afterAll(() => temps.forEach((t) => t.cleanup()));
function folder() {
  const t = tempDir('wegwijs-deliberate-async-');
  temps.push(t);
  return t.dir;
}

const PK = `console:local:${CHANNEL}`;
const dmsTo = (out: ConsoleOutput[], user: string) => out.filter((o) => o.dm && o.to === user);

describe('the async option', () => {
  it('reads the step time, and refuses one it cannot read', () => {
    expect(readAsyncOption('kort async')).toEqual({ rest: 'kort', async: { minutes: 600 } });
    expect(readAsyncOption('kort async 8u')).toEqual({ rest: 'kort', async: { minutes: 480 } });
    expect(readAsyncOption('asynchroon 2 dagen uitgebreid')).toEqual({ rest: 'uitgebreid', async: { minutes: 1200 } });
    expect(readAsyncOption('short --async 1.5h')).toEqual({ rest: 'short', async: { minutes: 90 } });
    expect(readAsyncOption('kort async 30 weken').error).toBeDefined();
    expect(readAsyncOption('kort')).toEqual({ rest: 'kort' });
  });

  it('skips weekends and public holidays: a working day from Friday closes on Monday', () => {
    const friday = new Date('2026-11-20T10:00:00+01:00');
    expect(closeAt(friday, 600, 'Europe/Amsterdam').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(closeAt(friday, 240, 'Europe/Amsterdam').toISOString()).toBe('2026-11-20T13:00:00.000Z');
    // Christmas (Friday 25 and Saturday 26 December 2026 are public holidays): Thursday 24th + one day is Monday 28th.
    expect(closeAt(new Date('2026-12-24T10:00:00+01:00'), 600, 'Europe/Amsterdam').toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });
});

describe('an asynchronous session', () => {
  it('opens each step for a set time, reminds once, reveals the blind step at its close and reports at the end', async () => {
    const dir = folder();
    const h = await createHarness({ dataDir: dir, start: '2026-11-23T09:00:00+01:00' });
    // A second instance on the same data folder, ticking at the same moments.
    const h2 = await createHarness({ dataDir: dir, start: '2026-11-23T09:00:00+01:00' });
    try {
      await h.app.store.members.update(PK, 'eva', () => ({ userId: 'eva', name: 'eva', quiet: false, joinedAt: '2026-11-01T00:00:00.000Z' }));
      await h.app.store.members.update(PK, 'frank', () => ({ userId: 'frank', name: 'frank', quiet: true, joinedAt: '2026-11-01T00:00:00.000Z' }));
      const bad = await h.say('anna', CHANNEL, 'wegwijs beraad start kort async 99 weken');
      expect(texts(bad)).toMatch(/kan ik niet lezen/);
      const out = await h.say('anna', CHANNEL, 'wegwijs beraad start kort async 8u');
      const opening = out.find((o) => o.card?.title?.startsWith('Moreel beraad'))!;
      expect(opening.text).toMatch(/schriftelijk, elke stap 8 werkuur open/);
      const thread = opening.id;
      const first = out.find((o) => o.card?.title === 'Stap 1 van 7: Casus')!;
      expect(first.text).toMatch(/open tot ma 23 nov\.?,? 17:00/);
      await press(h, 'bram', 'join', { s: thread });
      await h.say('bram', CHANNEL, 'De cliënt wil thuis blijven wonen.', thread);

      // Halfway: both instances tick at once; eva (member, silent) gets one reminder; bram spoke, frank is quiet, anna steers.
      const both = async (time: string) => {
        const before = [h.outputs.length, h2.outputs.length];
        h.clock.set(time);
        h2.clock.set(time);
        await Promise.all([h.app.bot.tick(), h2.app.bot.tick()]);
        return [...h.outputs.slice(before[0]), ...h2.outputs.slice(before[1])];
      };
      const halfway = await both('2026-11-23T13:00:00+01:00');
      expect(dmsTo(halfway, 'eva')).toHaveLength(1);
      expect(dmsTo(halfway, 'eva')[0].text).toMatch(/Stap 1 \(Casus\) staat open tot ma 23 nov\.?,? 17:00/);
      expect(halfway.filter((o) => o.dm && o.to !== 'eva')).toEqual([]);
      expect(dmsTo(await both('2026-11-23T14:00:00+01:00'), 'eva')).toEqual([]);

      // The close: the next step opens by itself, the guidance goes to anna privately.
      const closed = await both('2026-11-23T17:00:00+01:00');
      expect(closed.filter((o) => !o.update && o.card?.title === 'Stap 2 van 7: Morele vraag')).toHaveLength(1);
      expect(dmsTo(closed, 'anna').map((o) => o.text).join()).toMatch(/Alleen voor jou als gespreksleider, bij stap 2/);
      expect((await storedSession(h, thread)).step).toBe(1);

      // Nothing happens at night: working time stands still from 18:00 to 08:00.
      expect(await both('2026-11-23T23:00:00+01:00')).toEqual([]);
      // Steps 2-4 close in turn (8 working hours each: Monday 17:00 → Tuesday 15:00 → Wednesday 13:00 → Thursday 11:00).
      await both('2026-11-24T15:00:00+01:00');
      await both('2026-11-25T13:00:00+01:00');
      await h.say('carla', CHANNEL, 'Thuis blijven met hulp\nVerhuizen', thread);
      const choice = await both('2026-11-26T11:00:00+01:00');
      expect(choice.some((o) => o.card?.title === 'Stap 5 van 7: Ieders keuze')).toBe(true);

      // The blind step: eva answers from the reminder in her direct messages.
      const reminder = dmsTo(await both('2026-11-26T15:00:00+01:00'), 'eva').find((o) => o.card?.buttons.some((b) => b.label === 'Mijn antwoord'))!;
      const answer = reminder.card!.buttons.find((b) => b.label === 'Mijn antwoord')!.action;
      const form = await h.press('eva', { dm: true }, answer);
      expect(form[0].card!.inputs.map((i) => i.id)).toEqual(['answer', 'as']);
      const sent = await h.press('eva', { dm: true }, { id: 'deliberate.submit', value: answer.value, inputs: { answer: 'Thuis blijven met hulp.', as: 'named' } });
      expect(texts(sent)).toMatch(/blijft verborgen/);
      expect(sent.filter((o) => !o.dm && !o.private)).toHaveLength(1); // only the redrawn step card
      expect(sent.find((o) => !o.dm)!.text).not.toMatch(/Thuis blijven met hulp\./);
      // No "Toon alles" in an asynchronous session: the close reveals.
      expect(reminder.card!.buttons.map((b) => b.label)).not.toContain('Toon alles');
      const revealed = await both('2026-11-27T09:00:00+01:00');
      const all = revealed.find((o) => o.card?.title === 'Alle antwoorden van stap 5: Ieders keuze')!;
      expect(all.text).toContain('eva: Thuis blijven met hulp.');
      expect(revealed.filter((o) => o.card?.title === 'Alle antwoorden van stap 5: Ieders keuze')).toHaveLength(1);

      // Step 7 opens Friday 17:00 and runs over the weekend: one hour on Friday, seven on Monday.
      await both('2026-11-27T17:00:00+01:00');
      expect(await both('2026-11-28T15:00:00+01:00')).toEqual([]);
      const end = await both('2026-11-30T15:00:00+01:00');
      const reports = end.filter((o) => o.card?.title?.startsWith('Verslag'));
      expect(reports).toHaveLength(1);
      expect(reports[0].text).toContain('De cliënt wil thuis blijven wonen.');
      expect(reports[0].text).toContain('eva: Thuis blijven met hulp.');
      const stored = await storedSession(h, thread);
      expect(stored).toMatchObject({ status: 'ended', mode: 'async', endedBy: 'schedule' });
      expect(await both('2026-12-01T15:00:00+01:00')).toEqual([]);
    } finally {
      await h2.close();
      await h.close();
    }
  });
});

describe('working time', () => {
  it('counts only working hours: an 8-hour step opened at 18:01 closes the next working day at 16:00, no reminder at night', async () => {
    const h = await createHarness({ dataDir: folder(), start: '2026-11-23T18:01:00+01:00' });
    try {
      await h.app.store.members.update(PK, 'eva', () => ({ userId: 'eva', name: 'eva', quiet: false, joinedAt: '2026-11-01T00:00:00.000Z' }));
      const out = await h.say('anna', CHANNEL, 'wegwijs beraad start kort async 8u');
      const thread = out.find((o) => o.card?.title?.startsWith('Moreel beraad'))!.id;
      expect(out.find((o) => o.card?.title === 'Stap 1 van 7: Casus')!.text).toMatch(/open tot di 24 nov\.?,? 16:00/);
      // Wall-clock halfway (22:01) and wall-clock close (02:01): nothing at all.
      expect(await h.at('2026-11-23T22:01:00+01:00')).toEqual([]);
      expect(await h.at('2026-11-24T02:01:00+01:00')).toEqual([]);
      expect((await storedSession(h, thread)).step).toBe(0);
      // Working-time halfway: 4 working hours after 08:00.
      expect(dmsTo(await h.at('2026-11-24T11:59:00+01:00'), 'eva')).toEqual([]);
      expect(dmsTo(await h.at('2026-11-24T12:00:00+01:00'), 'eva')).toHaveLength(1);
      await h.at('2026-11-24T16:00:00+01:00');
      expect((await storedSession(h, thread)).step).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('a reminder that falls due at night (a late tick) waits for working hours', async () => {
    const start = new Date('2026-11-23T17:00:00+01:00');
    const ends = closeAt(start, 120, 'Europe/Amsterdam');
    expect(ends.toISOString()).toBe('2026-11-24T08:00:00.000Z'); // 09:00 Amsterdam: one hour Monday, one Tuesday
    expect(new Date(remindAt({ stepStartedAt: start.toISOString(), stepEndsAt: ends.toISOString(), timeZone: 'Europe/Amsterdam' })).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(isWorkingTime(new Date('2026-11-23T17:30:00Z'), 'Europe/Amsterdam')).toBe(false);
    expect(isWorkingTime(new Date('2026-11-24T07:30:00Z'), 'Europe/Amsterdam')).toBe(true);
    // Summer time and a holiday: King's Day (Tuesday 27 April 2027) does not count.
    expect(closeAt(new Date('2027-04-26T17:00:00+02:00'), 120, 'Europe/Amsterdam').toISOString()).toBe('2027-04-28T07:00:00.000Z');
  });
});

describe('leaving', () => {
  it('takes a member out of the waiting list and the reminders; the facilitator cannot leave', async () => {
    const h = await createHarness({ dataDir: folder(), start: '2026-11-23T09:00:00+01:00' });
    try {
      await h.app.store.members.update(PK, 'dirk', () => ({ userId: 'dirk', name: 'dirk', quiet: false, joinedAt: '2026-11-01T00:00:00.000Z' }));
      const out = await h.say('anna', CHANNEL, 'wegwijs beraad start kort async 8u');
      const thread = out.find((o) => o.card?.title?.startsWith('Moreel beraad'))!.id;
      await press(h, 'dirk', 'join', { s: thread });
      await press(h, 'carla', 'join', { s: thread });
      expect(texts(await h.say('anna', CHANNEL, 'wegwijs beraad verlaat', thread))).toMatch(/Jij leidt dit beraad/);
      const left = await h.say('dirk', CHANNEL, 'wegwijs beraad verlaat', thread);
      expect(texts(left.filter((o) => o.private))).toMatch(/Je doet niet meer mee/);
      expect(left.find((o) => o.update && o.card?.title === 'Stap 1 van 7: Casus')!.text).toMatch(/Deelnemers: anna, carla\n/);
      const halfway = await h.at('2026-11-23T13:00:00+01:00');
      expect(dmsTo(halfway, 'dirk')).toEqual([]);
      expect(dmsTo(halfway, 'carla')).toHaveLength(1);
      // "Langer open" keeps the step open one more period (8 working hours): from Monday 17:00 to Tuesday 15:00.
      const card = left.find((o) => o.card?.title === 'Stap 1 van 7: Casus')!;
      expect(card.card!.buttons.map((b) => b.label)).toContain('Langer open');
      const longer = await press(h, 'anna', 'extend', step(thread, 0));
      expect(texts(longer)).toMatch(/langer opengezet, tot di 24 nov\.?,? 15:00/);
            // Joining again brings the reminders back.
      await press(h, 'dirk', 'join', { s: thread });
      expect((await storedSession(h, thread)).left).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('a live session across a restart', () => {
  it('keeps blind answers hidden, and a late joiner can still answer and vote, after the bot restarts', async () => {
    const dir = folder();
    let h: Harness = await createHarness({ dataDir: dir, start: '2026-11-23T09:00:00+01:00' });
    const { thread } = await (await import('./session-helpers.ts')).startSession(h);
    await press(h, 'bram', 'join', { s: thread });
    for (let i = 0; i < 3; i++) await press(h, 'anna', 'next', step(thread, i));
    await h.say('bram', CHANNEL, 'Thuis blijven\nVerhuizen', thread);
    await press(h, 'anna', 'next', step(thread, 3));
    await press(h, 'anna', 'pause', step(thread, 4));
    await h.press('bram', { channel: CHANNEL }, { id: 'deliberate.submit', value: step(thread, 4), inputs: { answer: 'Thuis, om haar eigen regie.', as: 'named' } });
    await h.close();

    h = await createHarness({ dataDir: dir, start: '2026-11-23T09:30:00+01:00' });
    try {
      await press(h, 'anna', 'resume', step(thread, 4));
      // dirk joins late and answers, bram leaves the thread silent; nothing was shown yet.
      await press(h, 'dirk', 'join', { s: thread });
      await h.press('dirk', { channel: CHANNEL }, { id: 'deliberate.submit', value: step(thread, 4), inputs: { answer: 'Verhuizen, om de veiligheid.', as: 'anonymous' } });
      const voted = await h.press('dirk', { channel: CHANNEL }, { id: 'deliberate.vote', value: { ...step(thread, 4), o: (await storedSession(h, thread)).contributions[0].id + ':1' } });
      expect(texts(voted)).toMatch(/nog 2 van de 3/);
      const extended = await press(h, 'anna', 'extend', step(thread, 4));
      expect(texts(extended)).toMatch(/5 minuten extra/);
      const shown = await press(h, 'anna', 'reveal', step(thread, 4));
      const all = shown.find((o) => o.card?.title?.startsWith('Alle antwoorden'))!;
      expect(all.text).toContain('bram: Thuis, om haar eigen regie.');
      expect(all.text).toContain('anoniem: Verhuizen, om de veiligheid.');
    } finally {
      await h.close();
    }
  });
});
