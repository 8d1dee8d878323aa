/** `wegwijs stil tot <datum>` and the pause, read by the one date reader in the network's zone. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-16T10:00:00+01:00' });
});
afterEach(() => h.close());

const texts = (outs: { text: string }[]) => outs.map((o) => o.text).join('\n');
const dmsTo = (outs: { dm?: boolean; to?: string }[], who: string) => outs.filter((o) => o.dm && o.to === who);

describe('quiet until a date', () => {
  it('keeps reminders away until that day, then they come back by themselves', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor voor 3-12');
    const [quiet] = await h.say('bram', 'c1', 'wegwijs stil tot 30-11');
    expect(quiet.private).toBe(true);
    expect(quiet.text).toContain('Tot ma 30 nov');
    expect((await h.app.store.members.get('console:local:c1', 'bram'))?.data).toMatchObject({ quiet: true, quietUntil: '2026-11-30' });
    // Monday 23 November: quiet. Monday 30 November: the quiet time is over.
    expect(dmsTo(await h.at('2026-11-23T09:00:00+01:00'), 'bram')).toEqual([]);
    expect(dmsTo(await h.at('2026-11-30T09:00:00+01:00'), 'bram')).toHaveLength(1);
  });

  it('reads Dutch and English phrases, refuses past days and asks back when it cannot read one', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    expect(texts(await h.say('bram', 'c1', 'wegwijs stil tot over twee weken'))).toContain('ma 30 nov');
    expect(texts(await h.say('bram', 'c1', 'wegwijs quiet until end of January'))).toContain('zo 31 jan');
    expect(texts(await h.say('bram', 'c1', 'wegwijs stil tot ergens na de zomer'))).toContain('kan ik niet als datum lezen');
    expect(texts(await h.say('bram', 'c1', 'wegwijs stil tot vandaag'))).toContain('ligt niet in de toekomst');
    expect((await h.app.store.members.get('console:local:c1', 'bram'))?.data.quietUntil).toBe('2027-01-31');
    expect(texts(await h.say('bram', 'c1', 'wegwijs stil uit'))).toContain('weer persoonlijke herinneringen');
    expect((await h.app.store.members.get('console:local:c1', 'bram'))?.data).toMatchObject({ quiet: false });
    expect((await h.app.store.members.get('console:local:c1', 'bram'))?.data.quietUntil).toBeUndefined();
  });

  it('pauses the network until a numeric date', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    expect(texts(await h.say('anna', 'c1', 'wegwijs netwerk pauze tot 4-1-2027'))).toContain('pauzeert tot ma 4 jan 2027');
  });

  it('asks back with a date picker when a pause or quiet date cannot be read, and the picked date works', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const [ask] = await h.say('anna', 'c1', 'wegwijs netwerk pauze tot na de vakantie');
    expect(ask.text).toContain('"na de vakantie" kan ik niet als datum lezen');
    expect(ask.card!.inputs).toEqual([expect.objectContaining({ id: 'date', kind: 'date' })]);
    const button = ask.card!.buttons[0];
    // Only a facilitator may use it.
    expect(texts(await h.press('bram', { channel: 'c1' }, { ...button.action, inputs: { date: '2027-01-04' } }))).toContain('alleen een facilitator');
    expect(texts(await h.press('anna', { channel: 'c1' }, { ...button.action, inputs: { date: '2027-01-04' } }))).toContain('pauzeert tot ma 4 jan 2027');
    const [past] = await h.say('anna', 'c1', 'wegwijs netwerk pauze tot 1-11');
    expect(past.text).toContain('zo 1 nov ligt niet in de toekomst');
    expect(past.card!.inputs).toHaveLength(1);

    const [quiet] = await h.say('bram', 'c1', 'wegwijs stil tot ooit');
    expect(quiet).toMatchObject({ private: true, to: 'bram' });
    expect(quiet.card!.inputs).toEqual([expect.objectContaining({ id: 'date', kind: 'date' })]);
    const set = await h.press('bram', { channel: 'c1' }, { ...quiet.card!.buttons[0].action, inputs: { date: '2026-12-07' } });
    expect(texts(set)).toContain('Tot ma 7 dec');
  });
});
