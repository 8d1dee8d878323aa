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

  it('lets the last date phrase win and leaves an earlier "voor" in the title', () => {
    expect(splitDue('Plek zoeken voor de cliënt voor vrijdag', NOW, AMS)).toEqual({ title: 'Plek zoeken voor de cliënt', due: '2026-11-20' });
    expect(splitDue('Aanmelden voor de taskforce voor 1 december', NOW, AMS)).toEqual({ title: 'Aanmelden voor de taskforce', due: '2026-12-01' });
    expect(splitDue('Het MDO van 3-12 nabespreken voor vrijdag', NOW, AMS)).toEqual({ title: 'Het MDO van 3-12 nabespreken', due: '2026-11-20' });
  });
});

describe('the one date reader', () => {
  it.each([
    ['3-12', '2026-12-03'],
    ['3/12', '2026-12-03'],
    ['voor 12-12', '2026-12-12'],
    ['12-12-2026', '2026-12-12'],
    ['1-2-27', '2027-02-01'],
    ['15-11', '2027-11-15'],
    ['over twee weken', '2026-12-02'],
    ['in two weeks', '2026-12-02'],
    // The last working day of the month: 31 January 2027 is a Sunday, 28 February a Sunday.
    ['eind januari', '2027-01-29'],
    ['end of February', '2027-02-26'],
    ['half maart', '2027-03-15'],
    ['eind van de maand', '2026-11-30'],
    ['eind deze week', '2026-11-20'],
    ['donderdag', '2026-11-19'],
    ['tot 6 januari', '2027-01-06'],
  ])('reads "%s"', (typed, expected) => {
    expect(parseDueDate(typed, NOW, AMS)).toBe(expected);
  });

  it('refuses numbers that are no day, and short words that only look like weekdays', () => {
    expect(parseDueDate('31-02', NOW, AMS)).toBeUndefined();
    expect(parseDueDate('13/13', NOW, AMS)).toBeUndefined();
    expect(splitDue('Zo snel mogelijk bellen', NOW, AMS)).toEqual({ title: 'Zo snel mogelijk bellen' });
    expect(splitDue('Evalueer het MDO van maart', NOW, AMS)).toEqual({ title: 'Evalueer het MDO van maart' });
    expect(splitDue('Plan het gesprek om 10 uur', NOW, AMS)).toEqual({ title: 'Plan het gesprek om 10 uur' });
    expect(splitDue('Versie 4.5 van het plan delen', NOW, AMS)).toEqual({ title: 'Versie 4.5 van het plan delen' });
  });

  it('reads numeric dates, weekdays and relative phrases in running text', () => {
    expect(splitDue('Bespreken in regionale taskforce voor 12-12', NOW, AMS)).toEqual({ title: 'Bespreken in regionale taskforce', due: '2026-12-12' });
    expect(splitDue('Mail the care office by 3/12', NOW, AMS)).toEqual({ title: 'Mail the care office', due: '2026-12-03' });
    expect(splitDue('Evaluatie plannen eind januari', NOW, AMS)).toEqual({ title: 'Evaluatie plannen', due: '2027-01-29' });
    expect(splitDue('Bel de cliënt op vrijdag', NOW, AMS)).toEqual({ title: 'Bel de cliënt', due: '2026-11-20' });
    expect(splitDue('Morgen het zorgkantoor bellen', NOW, AMS)).toEqual({ title: 'Het zorgkantoor bellen', due: '2026-11-19' });
  });

  it('asks back about a deadline that is no day', () => {
    expect(splitDue('Rapport sturen voor 31-02', NOW, AMS)).toEqual({ title: 'Rapport sturen voor 31-02', unreadable: '31-02' });
    expect(splitDue('Taskforce voorbereiden voor de herfstvakantie', NOW, AMS)).toEqual({ title: 'Taskforce voorbereiden voor de herfstvakantie', unreadable: 'voor de herfstvakantie' });
  });

  it('resolves the day in the network time zone with the injected clock', () => {
    // Thursday 00:30 in Amsterdam is still Wednesday in New York: "vrijdag" is the same Friday,
    // "morgen" is not.
    const late = new Date('2026-11-18T23:30:00Z');
    expect(splitDue('Bellen morgen', late, AMS).due).toBe('2026-11-20');
    expect(splitDue('Call tomorrow', late, 'America/New_York').due).toBe('2026-11-19');
    expect(parseDueDate('3-12', new Date('2026-12-05T09:00:00Z'), AMS)).toBe('2027-12-03');
  });
});

describe('more ways people write a deadline', () => {
  it.each([
    ['Bel aanstaande vrijdag', 'Bel', '2026-11-20'],
    ['Call coming Friday', 'Call', '2026-11-20'],
    ['Rapport tegen vrijdag', 'Rapport', '2026-11-20'],
    ['Plan het MDO volgende maand', 'Plan het MDO', '2026-12-31'],
    ['Send the report by the end of the week', 'Send the report', '2026-11-20'],
    ['Bel vóór 1 januari 2027', 'Bel', '2027-01-01'],
    ['Bel op maandag 7 december', 'Bel', '2026-12-07'],
    ['Plan over 3 dagen', 'Plan', '2026-11-21'],
    ['Lees hoofdstuk 3-4 voor vrijdag', 'Lees hoofdstuk 3-4', '2026-11-20'],
  ])('"%s"', (typed, title, due) => {
    expect(splitDue(typed, NOW, AMS)).toEqual({ title, due });
  });

  it('leaves words that only look like markers alone', () => {
    expect(splitDue('Ga er tegen in bij de gemeente', NOW, AMS)).toEqual({ title: 'Ga er tegen in bij de gemeente' });
    // "op" is a preposition: a date in the middle of the text is about something else.
    expect(splitDue('Het gesprek op 3-12 nabespreken', NOW, AMS)).toEqual({ title: 'Het gesprek op 3-12 nabespreken' });
    expect(parseDueDate('aanstaande vrijdag', NOW, AMS)).toBe('2026-11-20');
  });
});
