import { describe, expect, it } from 'vitest';
import { isValidBsn, redact } from '../../src/privacy/index.ts';

const now = new Date('2026-11-22T12:00:00Z');

describe('isValidBsn (elfproef)', () => {
  it('accepts valid and rejects invalid numbers', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
  });
});

describe('redact', () => {
  it.each([
    ['BSN 111222333', 'BSN [BSN]', 'bsn'],
    ['bsn: 1112.22.333', 'bsn: [BSN]', 'bsn'],
    ['BSN 111 222 333', 'BSN [BSN]', 'bsn'],
    ['bsn: 111.222.333.', 'bsn: [BSN].', 'bsn'],
    ['burgerservicenummer 111-222-333', 'burgerservicenummer [BSN]', 'bsn'],
    ['bel 06-12345678', 'bel [telefoon]', 'phone'],
    ['bel +31 6 1234 5678', 'bel [telefoon]', 'phone'],
    ['zorgkantoor 030-1234567', 'zorgkantoor [telefoon]', 'phone'],
    ['mail jan.jansen@example.nl', 'mail [e-mail]', 'email'],
    ['geboren op 12-03-1945', 'geboren op [geboortedatum]', 'birthdate'],
    ['geb. 3 maart 1950', 'geb. [geboortedatum]', 'birthdate'],
    ['woont Dorpsstraat 12a', 'woont [adres]', 'address'],
    ['postcode 1234 AB 56', 'postcode [adres]', 'address'],
    ['mevrouw De Vries belde', 'mevrouw [naam] belde', 'name'],
    ['cliënt Jan van der Berg', 'cliënt [naam]', 'name'],
    ['Meneer K. is boos', 'Meneer [naam] is boos', 'name'],
    ['IBAN NL91ABNA0417164300', 'IBAN [rekeningnummer]', 'iban'],
  ])('%s', (input, expected, kind) => {
    const result = redact(input, now);
    expect(result.text).toBe(expected);
    expect(result.found).toContain(kind);
  });

  it('leaves ordinary questions and future dates alone', () => {
    for (const text of [
      'Wie is dossierhouder bij een cliënt op de wachtlijst?',
      'wegwijs actie Bel het zorgkantoor @bram voor 2026-12-15',
      'Wat mag ik van het zorgkantoor verwachten bij een complexe casus?',
      'Heeft een cliënt met ZZP VG7 recht op meerzorg?',
      'We spreken 15 december af, om 10:00',
      'Het rapport is van 2023 en telt 123456789 woorden',
      // A verb after a title is what is done for that person, not a surname in lower case.
      'Hoeveel uur gaat het zorgkantoor voor meneer toekennen?',
      'welk zorgprofiel moet ik voor mevrouw aanvragen, vv5 of vv7?',
    ]) {
      expect(redact(text, now)).toEqual({ text, found: [] });
    }
  });

  it('finds everything in one message and reports each kind once', () => {
    const result = redact('Mevrouw Bakker (BSN 111222333, tel 0612345678, 06-87654321) woont Kerkweg 4, 1234 AB', now);
    expect(result.text).not.toMatch(/111222333|0612345678|87654321|Bakker|Kerkweg|1234 AB/);
    expect(result.found).toEqual(['name', 'bsn', 'address', 'phone']);
  });

  it('ends a surname after a title where a place starts, and keeps a particle that opens one', () => {
    // The place is what the bot needs to name the care office of the region.
    expect(redact('mw Jansen in Rotterdam heeft een wlz indicatie, welk zorgkantoor?', now).text).toBe('mw [naam] in Rotterdam heeft een wlz indicatie, welk zorgkantoor?');
    expect(redact('mevrouw Bakker te Zwolle wacht op een plek', now).text).toBe('mevrouw [naam] te Zwolle wacht op een plek');
    expect(redact("mw In 't Veld heeft dementie", now).text).toBe('mw [naam] heeft dementie');
    expect(redact("dhr Jan in 't Veld belde", now).text).toBe('dhr [naam] belde');
    // After a first name a particle starts the surname: "te Riele" is part of the name, not a place.
    expect(redact('mw Anna te Riele belde', now).text).toBe('mw [naam] belde');
  });

  it('survives odd input', () => {
    for (const text of ['', '🙂'.repeat(1000), 'مرحبا 111222333', '\u0000\u202e']) expect(() => redact(text, now)).not.toThrow();
    expect(redact('مرحبا 111222333', now).found).toEqual(['bsn']);
  });
});
