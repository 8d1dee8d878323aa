/**
 * The network's calendar (src/core/calendar.ts): Dutch public holidays from date-holidays move a
 * slot to the next working day at the same local time, skip periods and a pause send nothing, and
 * the scheduler's due slot follows the same plan. Pure functions, fixed instants.
 */
import { describe, expect, it } from 'vitest';
import { dueNudge, nextNudge, planSlot, publicHoliday, type Network } from '../../src/core/index.ts';
import { readPeriod } from '../../src/networks/calendar.ts';

const ZONE = 'Europe/Amsterdam';
const network = (over: Partial<Network> = {}): Network => ({
  id: 'console:local:c1',
  platform: 'console',
  tenantId: 'local',
  channelId: 'c1',
  name: 'Passende plekken',
  timeZone: ZONE,
  language: 'nl',
  schedule: '0 9 * * 1',
  facilitators: ['anna'],
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'anna',
  ...over,
});

describe('Dutch public holidays', () => {
  it('knows the public holidays of 2026 and 2027, and not the observances', () => {
    expect(publicHoliday('2027-03-29')).toBe('Tweede paasdag');
    expect(publicHoliday('2027-04-27')).toBe('Koningsdag');
    expect(publicHoliday('2027-05-06')).toBe('Hemelvaartsdag');
    expect(publicHoliday('2027-05-17')).toBe('Tweede pinksterdag');
    expect(publicHoliday('2026-12-25')).toBe('Kerstmis');
    expect(publicHoliday('2026-12-26')).toBe('Tweede kerstdag');
    expect(publicHoliday('2027-01-01')).toBe('Nieuwjaar');
    expect(publicHoliday('2027-03-29', 'en')).toMatch(/Easter Monday/i);
    // Working days: Dodenherdenking, Bevrijdingsdag (no day off for most), an ordinary Monday.
    expect(publicHoliday('2027-05-04')).toBeUndefined();
    expect(publicHoliday('2027-05-05')).toBeUndefined();
    expect(publicHoliday('2027-03-22')).toBeUndefined();
  });
});

describe('planSlot', () => {
  it('moves a Monday on a holiday to Tuesday at the same local time (Easter Monday after the DST change)', () => {
    const plan = planSlot(network(), new Date('2027-03-29T07:00:00Z'));
    expect(plan.moved).toEqual([{ date: '2027-03-29', name: 'Tweede paasdag' }]);
    expect(plan.at?.toISOString()).toBe('2027-03-30T07:00:00.000Z');
    expect(plan.skipped).toBeUndefined();
  });

  it('moves Whit Monday to Tuesday, and an ordinary Monday not at all', () => {
    expect(planSlot(network(), new Date('2027-05-17T07:00:00Z')).at?.toISOString()).toBe('2027-05-18T07:00:00.000Z');
    const ordinary = planSlot(network(), new Date('2027-03-22T08:00:00Z'));
    expect(ordinary).toEqual({ slot: new Date('2027-03-22T08:00:00Z'), at: new Date('2027-03-22T08:00:00Z'), moved: [] });
  });

  it('moves a Tuesday schedule past Koningsdag, and a Friday past Christmas and the weekend', () => {
    const tuesday = planSlot(network({ schedule: '0 10 * * 2' }), new Date('2027-04-27T08:00:00Z'));
    expect(tuesday.at?.toISOString()).toBe('2027-04-28T08:00:00.000Z');
    // Friday 25 December 2026 (Kerstmis), then the weekend: Monday 28 December.
    const friday = planSlot(network({ schedule: '0 9 * * 5' }), new Date('2026-12-25T08:00:00Z'));
    expect(friday.moved.map((m) => m.date)).toEqual(['2026-12-25']);
    expect(friday.at?.toISOString()).toBe('2026-12-28T08:00:00.000Z');
    // Monday 25 December 2028 and Tuesday Tweede kerstdag: a Monday nudge comes on Wednesday.
    const christmas = planSlot(network(), new Date('2028-12-25T08:00:00Z'));
    expect(christmas.moved).toEqual([{ date: '2028-12-25', name: 'Kerstmis' }, { date: '2028-12-26', name: 'Tweede kerstdag' }]);
    expect(christmas.at?.toISOString()).toBe('2028-12-27T08:00:00.000Z');
  });

  it('skips a slot in a skip period, and one while paused', () => {
    const summer = network({ skipWeeks: [{ from: '2027-07-19', to: '2027-08-29' }] });
    expect(planSlot(summer, new Date('2027-07-26T07:00:00Z')).skipped).toEqual({ kind: 'skip', from: '2027-07-19', to: '2027-08-29' });
    expect(planSlot(summer, new Date('2027-08-30T07:00:00Z')).at?.toISOString()).toBe('2027-08-30T07:00:00.000Z');
    const paused = network({ status: 'paused', pausedUntil: '2027-04-04T22:00:00.000Z' });
    expect(planSlot(paused, new Date('2027-03-22T08:00:00Z')).skipped).toEqual({ kind: 'paused', until: '2027-04-04T22:00:00.000Z' });
    expect(planSlot(paused, new Date('2027-04-05T07:00:00Z')).skipped).toBeUndefined();
  });
});

describe('dueNudge (what the scheduler sends)', () => {
  it('sends nothing on Easter Monday and the moved nudge on Tuesday, within the catch-up window', () => {
    expect(dueNudge(network(), new Date('2027-03-29T07:00:00Z'), 6)).toBeUndefined();
    expect(dueNudge(network(), new Date('2027-03-30T06:59:00Z'), 6)).toBeUndefined();
    const due = dueNudge(network(), new Date('2027-03-30T07:00:00Z'), 6);
    expect(due?.slot.toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(dueNudge(network(), new Date('2027-03-30T14:00:00Z'), 6)).toBeUndefined();
  });

  it('sends nothing in a skipped week and again the Monday after', () => {
    const summer = network({ skipWeeks: [{ from: '2027-07-19', to: '2027-08-29' }] });
    expect(dueNudge(summer, new Date('2027-07-19T07:00:00Z'), 6)).toBeUndefined();
    expect(dueNudge(summer, new Date('2027-08-23T07:00:00Z'), 6)).toBeUndefined();
    expect(dueNudge(summer, new Date('2027-08-30T07:00:00Z'), 6)?.slot.toISOString()).toBe('2027-08-30T07:00:00.000Z');
  });
});

describe('nextNudge (what the preview says)', () => {
  it('names the holiday that moved the next nudge', () => {
    const { next, passed } = nextNudge(network(), new Date('2027-03-24T09:00:00Z'));
    expect(next?.at?.toISOString()).toBe('2027-03-30T07:00:00.000Z');
    expect(next?.moved[0].name).toBe('Tweede paasdag');
    expect(passed).toEqual([]);
  });

  it('passes over the skipped weeks and says so, also on the Sunday before a moved Monday', () => {
    const summer = network({ skipWeeks: [{ from: '2027-07-19', to: '2027-08-29' }] });
    const { next, passed } = nextNudge(summer, new Date('2027-07-15T09:00:00Z'));
    expect(next?.at?.toISOString()).toBe('2027-08-30T07:00:00.000Z');
    expect(passed).toHaveLength(6);
    expect(passed.every((p) => p.skipped?.kind === 'skip')).toBe(true);
    // Monday 29 March 2027 09:00 has passed, but its moved nudge (Tuesday) is still ahead.
    expect(nextNudge(network(), new Date('2027-03-29T12:00:00Z')).next?.at?.toISOString()).toBe('2027-03-30T07:00:00.000Z');
  });

  it('has no next nudge for a stopped network', () => {
    expect(nextNudge(network({ status: 'stopped' }), new Date('2027-03-24T09:00:00Z')).next).toBeUndefined();
  });
});

describe('readPeriod', () => {
  const now = new Date('2027-06-01T10:00:00Z');
  it('reads a range, a single day as its whole week, and refuses what is no period', () => {
    expect(readPeriod('2027-07-19 tot 2027-08-29', now, ZONE)).toEqual({ ok: true, value: { from: '2027-07-19', to: '2027-08-29' } });
    expect(readPeriod('19 juli t/m 29 augustus', now, ZONE)).toEqual({ ok: true, value: { from: '2027-07-19', to: '2027-08-29' } });
    expect(readPeriod('from 19 July to 29 August', now, ZONE)).toEqual({ ok: true, value: { from: '2027-07-19', to: '2027-08-29' } });
    expect(readPeriod('2027-07-21', now, ZONE)).toEqual({ ok: true, value: { from: '2027-07-19', to: '2027-07-25' } });
    expect(readPeriod('29 augustus tot 19 juli 2027', now, ZONE)).toEqual({ ok: false, error: 'reversed' });
    expect(readPeriod('2027-07-01 tot 2028-12-31', now, ZONE)).toEqual({ ok: false, error: 'too_long' });
    expect(readPeriod('de zomer', now, ZONE)).toEqual({ ok: false, error: 'unreadable' });
  });
});
