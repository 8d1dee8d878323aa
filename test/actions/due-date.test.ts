import { describe, expect, it } from 'vitest';
import { parseDueDate, splitDue } from '../../src/actions/index.ts';

// Wednesday 18 November 2026, 10:00 in Amsterdam.
const NOW = new Date('2026-11-18T09:00:00Z');
const AMS = 'Europe/Amsterdam';

describe('parseDueDate', () => {
  it.each([
    ['vrijdag', '2026-11-20'],
    ['volgende week', '2026-11-25'],
    ['15 december', '2026-12-15'],
    ['2026-12-15', '2026-12-15'],
    ['morgen', '2026-11-19'],
    ['6 januari', '2027-01-06'],
    ['friday', '2026-11-20'],
    ['next week', '2026-11-25'],
    ['December 15', '2026-12-15'],
    ['tomorrow', '2026-11-19'],
  ])('reads "%s" in Dutch or English', (typed, expected) => {
    expect(parseDueDate(typed, NOW, AMS)).toBe(expected);
  });

  it('reads dates in the network time zone, not UTC', () => {
    // 23:30 UTC on Wednesday is already Thursday 00:30 in Amsterdam: "morgen" is Friday there.
    const lateEvening = new Date('2026-11-18T23:30:00Z');
    expect(parseDueDate('morgen', lateEvening, AMS)).toBe('2026-11-20');
    expect(parseDueDate('tomorrow', lateEvening, 'America/New_York')).toBe('2026-11-19');
  });

  it('refuses what is not a date', () => {
    expect(parseDueDate('de kerstvakantie ergens', NOW, AMS)).toBeUndefined();
    expect(parseDueDate('2026-02-30', NOW, AMS)).toBeUndefined();
    expect(parseDueDate('', NOW, AMS)).toBeUndefined();
  });
});

describe('splitDue', () => {
  it('takes a trailing due phrase off the title', () => {
    expect(splitDue('Bel het zorgkantoor over het MDO voor vrijdag', NOW, AMS)).toEqual({ title: 'Bel het zorgkantoor over het MDO', due: '2026-11-20' });
    expect(splitDue('Call the care office by next week', NOW, AMS)).toEqual({ title: 'Call the care office', due: '2026-11-25' });
  });

  it('keeps an unreadable date in the title and says so', () => {
    expect(splitDue('Plan het overleg uiterlijk ergens na de zomer', NOW, AMS)).toEqual({
      title: 'Plan het overleg uiterlijk ergens na de zomer',
      unreadable: 'ergens na de zomer',
    });
  });

  it('does not take "voor" meaning "for" as a date', () => {
    expect(splitDue('Zoek een plek voor de cliënt', NOW, AMS)).toEqual({ title: 'Zoek een plek voor de cliënt' });
  });
});
