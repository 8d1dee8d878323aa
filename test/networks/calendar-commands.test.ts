/**
 * The calendar in chat: `netwerk overslaan …` (facilitators), `netwerk volgende` (anyone) and the
 * scheduler following both, end to end with the console adapter, a real SQLite file and a manual clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const isNudge = (o: ConsoleOutput) => o.channel === 'c1' && !o.private && !o.update && o.text.startsWith('**Wekelijkse voortgang');

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function network(start: string): Promise<Harness> {
  const h = await createHarness({ start });
  harnesses.push(h);
  await h.say('fleur', 'c1', 'wegwijs netwerk start "Passende plekken"');
  return h;
}

describe('netwerk volgende', () => {
  it('says the next nudge moves past Easter Monday, lists the coming holidays and your own quiet days', async () => {
    const h = await network('2027-03-24T10:00:00+01:00');
    await h.say('anna', 'c1', 'wegwijs stil tot 20 april');
    const [reply] = await h.say('anna', 'c1', 'wegwijs netwerk volgende');
    expect(reply.text).toContain('De volgende wekelijkse nudge komt op di 30 mrt 2027, 09:00 (Europe/Amsterdam)');
    expect(reply.text).toContain('ma 29 mrt is Tweede paasdag (een feestdag): de nudge schuift op naar de volgende werkdag');
    expect(reply.text).toContain('di 27 apr (Koningsdag)');
    expect(reply.text).toContain('Jij krijgt tot di 20 apr geen persoonlijke herinneringen');
  });

  it('says so in English in an English network, and simply as planned on an ordinary week', async () => {
    const h = await network('2027-06-02T10:00:00+02:00');
    await h.say('fleur', 'c1', 'wegwijs network language en');
    const [reply] = await h.say('fleur', 'c1', 'wegwijs network next');
    expect(reply.text).toContain('The next weekly nudge comes on Mon, 7 Jun 2027, 09:00 (Europe/Amsterdam)');
    expect(reply.text).toContain('Simply as scheduled');
  });
});

describe('netwerk overslaan', () => {
  it('skips the summer weeks: no nudge in them, the preview says why, the nudge is back after', async () => {
    const h = await network('2027-07-01T10:00:00+02:00');
    const [set] = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan van 19 juli tot 29 augustus');
    expect(set.text).toContain('van ma 19 jul t/m zo 29 aug gaat er geen wekelijkse nudge uit. De volgende komt ma 5 jul 2027');
    const [listed] = await h.say('anna', 'c1', 'wegwijs netwerk overslaan');
    expect(listed.text).toContain('facilitator');
    expect((await h.say('fleur', 'c1', 'wegwijs netwerk overslaan'))[0].text).toContain('Deze periode gaat zonder wekelijkse nudge:\n- ma 19 jul – zo 29 aug');
    expect((await h.say('anna', 'c1', 'wegwijs netwerk'))[0].text).toContain('- Zonder nudge: ma 19 jul – zo 29 aug');
    // Anyone may ask why; only facilitators change the calendar.
    const [refused] = await h.say('anna', 'c1', 'wegwijs netwerk overslaan volgende week');
    expect(refused.text).toContain('facilitator');
    h.clock.set('2027-07-16T10:00:00+02:00');
    const [why] = await h.say('anna', 'c1', 'wegwijs netwerk volgende');
    expect(why.text).toContain('komt op ma 30 aug 2027, 09:00');
    expect(why.text).toContain('Van ma 19 jul t/m zo 29 aug slaat het netwerk over (6 nudges niet verstuurd)');
    const [preview] = await h.say('fleur', 'c1', 'wegwijs nudge voorbeeld');
    expect(preview.text).toContain('De week van ma 19 jul wordt overgeslagen (ma 19 jul t/m zo 29 aug)');
    expect((await h.at('2027-07-19T09:00:30+02:00')).filter(isNudge)).toEqual([]);
    expect((await h.at('2027-08-23T09:00:30+02:00')).filter(isNudge)).toEqual([]);
    expect((await h.at('2027-08-30T09:00:30+02:00')).filter(isNudge)).toHaveLength(1);
    // A period that is over is no longer listed.
    const [list] = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan');
    expect(list.text).toContain('Er worden geen weken overgeslagen');
    const [cleared] = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan wis');
    expect(cleared.text).toContain('Er worden geen weken meer overgeslagen');
  });

  it('reads the period as typed, ISO dates too, without taking "overslaan 19" for an address', async () => {
    const h = await network('2027-07-01T10:00:00+02:00');
    const iso = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan 2027-07-19 tot 2027-08-29');
    expect(iso.map((o) => o.text).join('\n')).toContain('van ma 19 jul t/m zo 29 aug gaat er geen wekelijkse nudge uit');
    expect(iso.map((o) => o.text).join('\n')).not.toContain('persoonsgegevens');
    const [words] = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan 19 juli tot 29 augustus');
    expect(words.text).toContain('van ma 19 jul t/m zo 29 aug');
    const [week] = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan volgende week');
    expect(week.text).toContain('van ma 5 jul t/m zo 11 jul');
  });

  it('asks back with two date pickers when the period cannot be read, and the picked dates are kept', async () => {
    const h = await network('2027-07-01T10:00:00+02:00');
    const [ask] = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan de zomervakantie');
    expect(ask.text).toContain('"de zomervakantie" kon ik niet als periode lezen');
    expect(ask.card!.inputs.map((i) => `${i.id}:${i.kind}`)).toEqual(['from:date', 'to:date']);
    const pick = ask.card!.buttons[0].action;
    expect(pick.id).toBe('networks.skip');
    const [reversed] = await h.press('fleur', { channel: 'c1' }, { ...pick, inputs: { from: '2027-08-29', to: '2027-07-19' } });
    expect(reversed.text).toContain('ligt de einddatum vóór de begindatum');
    const [set] = await h.press('fleur', { channel: 'c1' }, { ...pick, inputs: { from: '2027-07-19', to: '2027-08-29' } });
    expect(set.text).toContain('van ma 19 jul t/m zo 29 aug');
    const [other] = await h.press('anna', { channel: 'c1' }, { ...pick, inputs: { from: '2027-09-06', to: '2027-09-12' } });
    expect(other).toMatchObject({ private: true });
    expect(other.text).toContain('facilitator');
  });
});

describe('the calendar says what is still to come, with years where needed', () => {
  it('lists every skipped period still to come in `netwerk volgende`, not only the one before the next nudge', async () => {
    const h = await network('2026-11-18T10:00:00+01:00');
    await h.say('fleur', 'c1', 'wegwijs netwerk overslaan 28 december tot 3 januari');
    await h.say('fleur', 'c1', 'wegwijs netwerk overslaan 19 juli 2027 tot 29 augustus 2027');
    await h.say('fleur', 'c1', 'wegwijs netwerk overslaan 2 november 2026 tot 8 november 2026');
    const [reply] = await h.say('anna', 'c1', 'wegwijs netwerk volgende');
    expect(reply.text).toContain('Overgeslagen periodes die nog komen');
    expect(reply.text).toContain('- ma 28 dec – zo 3 jan 2027');
    expect(reply.text).toContain('- ma 19 jul 2027 – zo 29 aug 2027');
    // A period that has passed is no longer listed.
    expect(reply.text).not.toContain('2 nov');
  });

  it('names the year of a date in another year when refusing it, in Dutch and English', async () => {
    const h = await network('2026-11-18T10:00:00+01:00');
    const [nl] = await h.say('fleur', 'c1', 'wegwijs netwerk pauze tot 1 januari 1990');
    expect(nl.text).toContain('ma 1 jan 1990 ligt niet in de toekomst');
    const [quiet] = (await h.say('anna', 'c1', 'wegwijs stil tot 3-2-2025')).filter((o) => o.private);
    expect(quiet.text).toContain('ma 3 feb 2025 ligt niet in de toekomst');
    const [past] = await h.say('fleur', 'c1', 'wegwijs netwerk overslaan 3 maart 2025 tot 9 maart 2025');
    expect(past.text).toContain('zo 9 mrt 2025');
    await h.say('fleur', 'c1', 'wegwijs netwerk taal en');
    const [en] = await h.say('fleur', 'c1', 'wegwijs network pause until 1 January 1990');
    expect(en.text).toMatch(/Mon,? 1 Jan 1990 is not in the future/);
    // This year's dates stay short.
    const [skip] = await h.say('fleur', 'c1', 'wegwijs network skip 7 December to 13 December');
    expect(skip.text).toMatch(/Mon,? 7 Dec – Sun,? 13 Dec|Mon 7 Dec/);
    expect(skip.text).not.toMatch(/Dec 2026/);
  });
});
