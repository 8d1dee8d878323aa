/**
 * The weekly nudge end to end, in process on a real SQLite file with a manual clock: three members
 * log actions over a week; at Monday 09:00 Amsterdam time exactly one nudge goes out, wins first;
 * the next one, across the daylight-saving change and moved past Easter Monday, is again at 09:00 local time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const isNudge = (o: ConsoleOutput) => o.channel === 'c1' && !o.private && !o.update && o.text.startsWith('**Wekelijkse voortgang');
const nudges = (outs: ConsoleOutput[]) => outs.filter(isNudge);
const dms = (outs: ConsoleOutput[]) => outs.filter((o) => o.dm);

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

async function harness(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  const h = await createHarness(options);
  harnesses.push(h);
  return h;
}

describe('weekly nudge', () => {
  it('sends one nudge at Monday 09:00 local time, wins first, and again at 09:00 after the DST change', async () => {
    const h = await harness({ start: '2027-03-15T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');

    // Tuesday: three members log their actions.
    h.clock.set('2027-03-16T10:00:00+01:00');
    const [bramCard] = await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor over het MDO voor vrijdag');
    expect(bramCard.card?.title).toBe('#1 Bel het zorgkantoor over het MDO');
    expect(bramCard.card?.body).toContain('vr 19 mrt');
    await h.say('carla', 'c1', 'wegwijs actie Zoek een logeerplek voor 26 maart');
    await h.say('anna', 'c1', 'wegwijs actie Agenda voor het netwerkoverleg maken voor volgende week');
    await h.say('carla', 'c1', 'wegwijs stil');

    // Thursday: bram finishes with the button on his card; the card is updated in place.
    h.clock.set('2027-03-18T11:00:00+01:00');
    const done = bramCard.card!.buttons.find((b) => b.label === 'Klaar')!;
    const pressed = await h.press('bram', { channel: 'c1' }, done.action);
    const updated = pressed.find((o) => o.update);
    expect(updated?.id).toBe(bramCard.id);
    expect(updated?.card?.body).toContain('klaar');
    expect(updated?.card?.buttons).toEqual([]);
    await h.say('anna', 'c1', 'wegwijs actie 3 voortgang eerste versie gedeeld');

    // Friday: carla gets stuck.
    h.clock.set('2027-03-19T15:00:00+01:00');
    await h.say('carla', 'c1', 'wegwijs actie 2 vast geen reactie van de aanbieder');

    // Monday 22 March, 09:00 CET = 08:00Z.
    expect(nudges(await h.at('2027-03-22T07:59:00Z'))).toEqual([]);
    const monday = await h.at('2027-03-22T08:00:00Z');
    const [nudge] = nudges(monday);
    expect(nudges(monday)).toHaveLength(1);
    const text = nudge.text;
    const wins = text.indexOf('Eerst het goede nieuws');
    expect(wins).toBeGreaterThan(0);
    expect(text).toContain('bram heeft #1 "Bel het zorgkantoor over het MDO" afgerond');
    expect(text).toContain('anna zette een stap bij #3');
    expect(text).toContain('eerste versie gedeeld');
    expect(wins).toBeLessThan(text.indexOf('Lopende acties'));
    expect(text.indexOf('Lopende acties')).toBeLessThan(text.indexOf('Hier zit het even vast'));
    expect(text).toContain('#2 Zoek een logeerplek (@carla): geen reactie van de aanbieder');
    expect(text).toContain('Denk gerust mee');
    expect(text).toContain('@anna en @carla: vragen jullie elkaar');
    expect(text).toContain('Deze week is er voortgang geboekt in het netwerk');
    expect(text).not.toMatch(/ranking|\b1e\b|eerste plaats/i);
    // anna's action is due this week: she gets a DM with buttons; carla opted out; bram is done.
    expect(dms(monday).map((o) => o.to)).toEqual(['anna']);
    expect(dms(monday)[0].card?.buttons.map((b) => b.label)).toEqual(['Klaar', 'Voortgang', 'Loopt vast', 'Later']);

    expect(nudges(await h.at('2027-03-22T08:05:00Z'))).toEqual([]);
    expect(nudges(await h.at('2027-03-22T12:00:00Z'))).toEqual([]);

    // Another step, then the clocks go forward on Sunday 28 March: 09:00 CEST = 07:00Z. Monday
    // 29 March 2027 is Easter Monday (Tweede paasdag): the nudge moves to Tuesday 09:00 CEST.
    h.clock.set('2027-03-24T10:00:00+01:00');
    await h.say('anna', 'c1', 'wegwijs actie 3 voortgang agenda rondgestuurd');
    expect(nudges(await h.at('2027-03-29T07:00:00Z'))).toEqual([]);
    expect(nudges(await h.at('2027-03-30T06:59:00Z'))).toEqual([]);
    const second = nudges(await h.at('2027-03-30T07:00:00Z'));
    expect(second).toHaveLength(1);
    expect(second[0].text).toContain('Al 2 weken op rij voortgang');
    expect(second[0].text).not.toContain('bram heeft #1');
    expect(nudges(await h.at('2027-03-30T08:00:00Z'))).toEqual([]);
  });

  it('encourages without reproach when nothing moved, and a DM button updates the reminder', async () => {
    const h = await harness({ start: '2026-11-16T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor voor donderdag');
    const outs = await h.at('2026-11-23T09:00:00+01:00');
    const [nudge] = nudges(outs);
    expect(nudge.text).toContain('dat is helemaal oké');
    expect(nudge.text).not.toContain('op rij');
    const [dm] = dms(outs);
    expect(dm.to).toBe('bram');
    const progress = dm.card!.buttons.find((b) => b.label === 'Voortgang')!;
    const answer = await h.press('bram', { dm: true }, { ...progress.action, inputs: { note: 'gebeld, terugbelverzoek staat' } });
    expect(answer.find((o) => o.update)?.id).toBe(dm.id);
    const list = await h.say('anna', 'c1', 'wegwijs acties');
    expect(list[0].text).toContain('#1 Bel het zorgkantoor (bram, bezig');
  });

  it('never invites the same pair twice in a row: with only one possible pair it skips a week', async () => {
    const h = await harness({ start: '2026-11-16T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor');
    const weeks = [];
    for (const monday of ['2026-11-23', '2026-11-30', '2026-12-07']) weeks.push(nudges(await h.at(`${monday}T09:00:00+01:00`)));
    expect(weeks.map((w) => w.length)).toEqual([1, 1, 1]);
    const [first, second, third] = weeks.map((w) => w[0].text);
    expect(first).toContain('🤝 @anna en @bram: vragen jullie elkaar');
    // Last week's pair is the only possible one: no pair line, and the nudge still reads well.
    expect(second).not.toContain('🤝');
    expect(second).not.toMatch(/\n\n\n/);
    expect(second).toContain('Lopende acties');
    expect(second.trimEnd().endsWith('_')).toBe(true);
    expect(third).toContain('🤝 @anna en @bram: vragen jullie elkaar');
  });

  it('a bot that was down over the scheduled time sends the nudge once on return', async () => {
    const h = await harness({ start: '2026-11-16T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    // No tick at 09:00 on Monday 23 November: the bot was down until 15:00.
    expect(nudges(await h.at('2026-11-23T15:00:00+01:00'))).toHaveLength(1);
    expect(nudges(await h.at('2026-11-23T15:00:30+01:00'))).toEqual([]);
    expect(nudges(await h.at('2026-11-24T08:00:00+01:00'))).toEqual([]);
  });

  it('after several missed weeks it sends one nudge, not one per week; too late is skipped', async () => {
    const h = await harness({ start: '2026-11-02T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('anna', 'c1', 'wegwijs actie Agenda maken');
    // Down over the Mondays of 9, 16 and 23 November; back on 23 November at 10:00.
    const back = await h.at('2026-11-23T10:00:00+01:00');
    expect(nudges(back)).toHaveLength(1);
    expect(nudges(await h.at('2026-11-23T10:01:00+01:00'))).toEqual([]);
    // Down again over Monday 30 November, back only on Wednesday: outside the 24-hour window.
    expect(nudges(await h.at('2026-12-02T10:00:00+01:00'))).toEqual([]);
    expect(nudges(await h.at('2026-12-07T09:00:00+01:00'))).toHaveLength(1);
  });

  it('two bot processes on one SQLite file send one nudge between them', async () => {
    const a = await harness({ start: '2026-11-16T10:00:00+01:00' });
    const b = await harness({ start: '2026-11-16T10:00:00+01:00', dataDir: a.dataDir });
    await a.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await b.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor voor vrijdag');
    const [fromA, fromB] = await Promise.all([a.at('2026-11-23T09:00:00+01:00'), b.at('2026-11-23T09:00:00+01:00')]);
    expect(nudges(fromA).length + nudges(fromB).length).toBe(1);
    const [againA, againB] = await Promise.all([a.at('2026-11-23T09:00:40+01:00'), b.at('2026-11-23T09:00:40+01:00')]);
    expect(nudges(againA).length + nudges(againB).length).toBe(0);
  });

  it('shows the facilitator the nudge as a preview without sending it', async () => {
    const h = await harness({ start: '2026-11-16T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.say('bram', 'c1', 'wegwijs actie Bel het zorgkantoor voor vrijdag');
    const preview = await h.say('anna', 'c1', 'wegwijs nudge voorbeeld');
    expect(preview).toHaveLength(1);
    expect(preview[0].private).toBe(true);
    expect(preview[0].to).toBe('anna');
    expect(preview[0].text).toContain('er is niets verstuurd');
    expect(preview[0].text).toContain('**Wekelijkse voortgang van Passende plekken**');
    expect(preview[0].text).toContain('→ bram');
    expect(preview[0].text).toContain('ma 23 nov 2026');
    const notFacilitator = await h.say('bram', 'c1', 'wegwijs nudge preview');
    expect(notFacilitator[0].text).toContain('facilitator');
    // The preview changed nothing: the real nudge still reports the same, once.
    expect(nudges(await h.at('2026-11-23T09:00:00+01:00'))).toHaveLength(1);
  });
});
