/**
 * Due dates as people mean them: "end of the week/month" is the last working day, named
 * holidays and seasons are read ("na pasen", "before Christmas"), vague ones are asked back.
 */
import { describe, expect, it } from 'vitest';
import { isWorkingDay, readDate, splitDate } from '../../src/core/index.ts';

const AMS = 'Europe/Amsterdam';
/** Monday 14 December 2026. */
const MON = new Date('2026-12-14T09:00:00Z');
/** Wednesday 18 November 2026. */
const WED = new Date('2026-11-18T09:00:00Z');

describe('end of a week or month is its last working day', () => {
  it.each([
    ['end of next week', MON, '2026-12-24'], // Friday 25 December is Christmas: Thursday
    ['eind volgende week', WED, '2026-11-27'],
    ['eind van de volgende week', WED, '2026-11-27'],
    ['eind van de week', WED, '2026-11-20'],
    ['end of this week', MON, '2026-12-18'],
    ['eind januari', WED, '2027-01-29'], // 31 January 2027 is a Sunday
    ['eind oktober 2027', WED, '2027-10-29'], // 31 October 2027 is a Sunday
    ['end of the month', WED, '2026-11-30'],
    ['eind volgende maand', WED, '2026-12-31'],
    ['next month', MON, '2027-01-29'],
  ])('"%s"', (typed, now, expected) => {
    const read = readDate(typed, now, AMS);
    expect(read).toBe(expected);
    expect(isWorkingDay(read!)).toBe(true);
  });

  it('keeps the calendar end for a pause or quiet period (no deadline)', () => {
    expect(readDate('eind januari', WED, AMS, { deadline: false })).toBe('2027-01-31');
    expect(readDate('end of next week', WED, AMS, { deadline: false })).toBe('2026-11-27');
  });
});

describe('named holidays and seasons', () => {
  it.each([
    ['Actie evalueren na pasen', 'Actie evalueren', '2027-03-30'], // Easter Monday 29 March
    ['Evaluate after Easter', 'Evaluate', '2027-03-30'],
    ['Na pinksteren het plan bespreken', 'Het plan bespreken', '2027-05-18'],
    ['Kaarten sturen voor kerst', 'Kaarten sturen', '2026-12-24'],
    ['Send cards before Christmas', 'Send cards', '2026-12-24'],
    ['Bellen na de kerst', 'Bellen', '2026-12-28'],
    ['Rapport klaar voor koningsdag', 'Rapport klaar', '2027-04-26'],
    ['Report before the summer holidays', 'Report', '2027-06-30'],
    ['Netwerk opnieuw starten na de zomer', 'Netwerk opnieuw starten', '2027-09-01'],
    ['Evaluatie na nieuwjaar met het team', 'Evaluatie met het team', '2027-01-04'], // 2 and 3 January are weekend
  ])('"%s"', (typed, title, due) => {
    expect(splitDate(typed, MON, AMS)).toEqual({ title, due });
  });

  it('asks back about a holiday that names no single day', () => {
    for (const [typed, phrase] of [
      ['Evalueren rond pasen', 'rond pasen'],
      ['Plan review sometime after Easter', 'sometime after Easter'],
      ['Evalueren na de herfstvakantie', 'na de herfstvakantie'],
      ['Boeken in de kerstvakantie', 'in de kerstvakantie'],
      ['Call after the autumn break', 'after the autumn break'],
      ['Bellen voor kerst 2025', 'voor kerst 2025'],
      ['Overleg tijdens de zomer', 'tijdens de zomer'],
    ]) {
      const split = splitDate(typed, MON, AMS);
      expect(split.due, typed).toBeUndefined();
      expect(split.unreadable, typed).toBe(phrase);
      expect(split.title, typed).toBe(typed);
    }
  });

  it('leaves words that only contain a holiday alone', () => {
    expect(splitDate('Kerstpakketten regelen', MON, AMS)).toEqual({ title: 'Kerstpakketten regelen' });
    expect(splitDate('Zomerrooster maken', MON, AMS)).toEqual({ title: 'Zomerrooster maken' });
    expect(splitDate('Kerstvakantie plannen', MON, AMS)).toEqual({ title: 'Kerstvakantie plannen' });
    expect(splitDate('Evalueren na Pasen 2028', MON, AMS)).toEqual({ title: 'Evalueren', due: '2028-04-18' });
  });

  it('is no single day for a pause period: a bare holiday is not read there', () => {
    expect(readDate('de zomer', MON, AMS, { deadline: false })).toBeUndefined();
    expect(readDate('na de zomer', MON, AMS, { deadline: false })).toBe('2027-09-01');
  });
});
