import { describe, expect, it } from 'vitest';
import { describeSchedule, nextRun, parseLocalDate, parseSchedule } from '../../src/networks/schedule.ts';

const AMS = 'Europe/Amsterdam';

describe('nudge schedule', () => {
  it.each([
    ['dinsdag 10:00', '0 10 * * 2'],
    ['Dinsdag om 10.30', '30 10 * * 2'],
    ['maandag', '0 9 * * 1'],
    ['vrijdag 16u', '0 16 * * 5'],
    ['tuesday 10am', '0 10 * * 2'],
    ['friday 3pm', '0 15 * * 5'],
    ['0 9 * * 1', '0 9 * * 1'],
    ['30 8 * * 1-5', '30 8 * * 1-5'],
  ])('reads "%s"', (typed, cron) => {
    expect(parseSchedule(typed, AMS)).toBe(cron);
  });

  it.each(['elke week', 'dinsdag 25:00', 'dinsdag en donderdag', '0 99 * * 1', '* * *', 'maandag 09:00 graag'])('refuses "%s"', (typed) => {
    expect(parseSchedule(typed, AMS)).toBeUndefined();
  });

  it('describes the simple weekly form in words', () => {
    expect(describeSchedule('0 9 * * 1', 'nl')).toBe('maandag 09:00');
    expect(describeSchedule('30 10 * * 2', 'en')).toBe('Tuesday 10:30');
    expect(describeSchedule('30 8 * * 1-5', 'nl')).toBe('`30 8 * * 1-5`');
  });

  it('keeps 09:00 local across the DST change', () => {
    expect(nextRun('0 9 * * 1', AMS, new Date('2027-03-22T09:00:00Z'))?.toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(nextRun('0 9 * * 1', AMS, new Date('2026-10-20T09:00:00Z'))?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('reads pause end dates in the zone, past ones included (the caller refuses them)', () => {
    const now = new Date('2026-12-10T12:00:00Z');
    expect(parseLocalDate('6 januari', now, AMS)).toBe('2027-01-06');
    expect(parseLocalDate('2027-01-06', now, AMS)).toBe('2027-01-06');
    expect(parseLocalDate('1 december', now, AMS)).toBe('2026-12-01');
    expect(parseLocalDate('na de vakantie', now, AMS)).toBeUndefined();
  });
});
