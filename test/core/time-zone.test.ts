/**
 * The zone arithmetic around the Europe/Amsterdam daylight-saving changes (2026: clocks forward
 * on Sunday 29 March at 02:00 CET = 01:00 UTC, back on Sunday 25 October at 03:00 CEST = 01:00
 * UTC), and the one cron helper keeping a weekly slot at its local time across them.
 */
import { describe, expect, it } from 'vitest';
import { cronRuns, isValidCron, localDate, localInstant, localParts, nextCronRun, offsetMinutes, startOfLocalDay } from '../../src/core/index.ts';

const AMS = 'Europe/Amsterdam';
const iso = (d: Date | undefined) => d?.toISOString();

describe('time zones (Europe/Amsterdam around the DST changes)', () => {
  it('knows the offset on either side of each change', () => {
    expect(offsetMinutes(new Date('2026-03-29T00:59:00Z'), AMS)).toBe(60);
    expect(offsetMinutes(new Date('2026-03-29T01:00:00Z'), AMS)).toBe(120);
    expect(offsetMinutes(new Date('2026-10-25T00:59:00Z'), AMS)).toBe(120);
    expect(offsetMinutes(new Date('2026-10-25T01:00:00Z'), AMS)).toBe(60);
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('reads the wall clock on the change days', () => {
    expect(localParts(new Date('2026-03-29T00:59:00Z'), AMS)).toMatchObject({ day: 29, hour: 1, minute: 59, weekday: 7 });
    expect(localParts(new Date('2026-03-29T01:00:00Z'), AMS)).toMatchObject({ day: 29, hour: 3, minute: 0 });
    // Local midnight is a day ahead of UTC in the evening.
    expect(localDate(new Date('2026-10-24T22:30:00Z'), AMS)).toBe('2026-10-25');
    expect(localDate(new Date('2026-10-24T21:30:00Z'), AMS)).toBe('2026-10-24');
  });

  it('starts each local day at local midnight, whatever its length', () => {
    expect(iso(startOfLocalDay('2026-03-29', AMS))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-30', AMS))).toBe('2026-03-29T22:00:00.000Z');
    expect(iso(startOfLocalDay('2026-10-25', AMS))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(startOfLocalDay('2026-10-26', AMS))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('turns a wall time into an instant: skipped times move forward, doubled times are the second', () => {
    expect(iso(localInstant('2026-03-30', 9, 0, AMS))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(localInstant('2026-03-27', 9, 0, AMS))).toBe('2026-03-27T08:00:00.000Z');
    // 02:30 does not exist on 29 March: it becomes 03:30 summer time.
    expect(iso(localInstant('2026-03-29', 2, 30, AMS))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October: the second time (winter time).
    expect(iso(localInstant('2026-10-25', 2, 30, AMS))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(localInstant('2026-10-25', 3, 0, AMS))).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('the cron helper', () => {
  it('keeps a Monday 09:00 slot at 09:00 local time across both changes', () => {
    const spring = cronRuns('0 9 * * 1', AMS, new Date('2026-03-20T00:00:00Z'), 2).map(iso);
    expect(spring).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    const autumn = cronRuns('0 9 * * 1', AMS, new Date('2026-10-20T00:00:00Z'), 2).map(iso);
    expect(autumn).toEqual(['2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z']);
  });

  it('gives the next run strictly after a moment, and nothing for a bad expression or zone', () => {
    expect(iso(nextCronRun('0 9 * * 1', AMS, new Date('2026-03-30T07:00:00Z')))).toBe('2026-04-06T07:00:00.000Z');
    expect(nextCronRun('0 25 * * 1', AMS)).toBeUndefined();
    expect(nextCronRun('0 9 * * 1', 'Mars/Olympus')).toBeUndefined();
    expect(isValidCron('0 9 * * 1', AMS)).toBe(true);
    expect(isValidCron('0 9 * *', AMS)).toBe(false);
    expect(isValidCron('0 9 31 2 *', AMS)).toBe(false);
  });
});
