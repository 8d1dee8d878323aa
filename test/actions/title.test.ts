/** Action titles without role preambles or leftover mention markup (issue 15, fresh-eyes test). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanTitle } from '../../src/actions/title.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('cleanTitle', () => {
  it.each([
    ['ik als clientondersteuner: bellen met het zorgkantoor', 'bellen met het zorgkantoor'],
    ['Als cliëntondersteuner: huisbezoek plannen', 'huisbezoek plannen'],
    ['wij als zorgkantoor – overzicht sturen', 'overzicht sturen'],
    ['namens het zorgkantoor: budget navragen', 'budget navragen'],
    ['I as the care coordinator: call the GP', 'call the GP'],
    ['As mantelzorgmakelaar: visit the family', 'visit the family'],
    ['vanuit de gemeente: Wmo-aanvraag checken', 'Wmo-aanvraag checken'],
  ])('strips the role preamble of "%s"', (typed, title) => {
    expect(cleanTitle(typed)).toBe(title);
  });

  it.each([
    'Als de cliënt akkoord is, de huisarts bellen',
    'Als het niet lukt: escaleren naar de taskforce',
    'If needed: call the care office',
    'Agenda: als eerste punt de wachtlijst',
    'als',
  ])('keeps a condition or a plain title whole: "%s"', (typed) => {
    expect(cleanTitle(typed)).toBe(typed);
  });

  it('leaves no markup fragments behind', () => {
    expect(cleanTitle('Bellen met < > het zorgkantoor')).toBe('Bellen met het zorgkantoor');
    expect(cleanTitle('Call <@> about <|anna> the MDO')).toBe('Call about the MDO');
    expect(cleanTitle('Score < 5 > 3 bespreken')).toBe('Score < 5 > 3 bespreken');
  });
});

describe('in the console chat', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ start: '2026-11-18T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
  });
  afterEach(() => h.close());

  it('takes the role preamble off a new action, with owner and date still read', async () => {
    const [card] = await h.say('anna', 'c1', 'wegwijs actie ik als clientondersteuner: bellen met het zorgkantoor @bram voor vrijdag');
    expect(card.card?.title).toBe('#1 bellen met het zorgkantoor');
    expect(card.text).toContain('bram');
    expect(card.text).toContain('vr 20 nov');
  });

  it('treats Slack markup typed in the console as plain text: no owner "U123", no "< >"', async () => {
    const [card] = await h.say('anna', 'c1', 'wegwijs actie Verslag sturen naar <@U123>');
    // What was typed stays as typed, whole; the owner is the author, not a person called "U123".
    expect(card.card?.title).toBe('#1 Verslag sturen naar <@U123>');
    expect(card.text).toContain('Eigenaar: anna');
    const [mail] = await h.say('anna', 'c1', 'wegwijs actie Mail sturen naar info@zorgkantoor.nl');
    expect(mail.text).not.toMatch(/zorgkantoor\.nl.*niet.*lid|Eigenaar: zorgkantoor/);
  });
});
