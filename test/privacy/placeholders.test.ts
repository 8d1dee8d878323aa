/** What consumers of redacted text (retrieval, question ids) use to ignore the placeholders. */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_PATTERN, placeholderKinds, redact, withoutPlaceholders } from '../../src/privacy/index.ts';

const now = new Date('2026-11-30T12:00:00Z');

describe('placeholders', () => {
  it('finds every placeholder redact writes', () => {
    const text = redact('mevrouw Jansen, BSN 111222333, 06-12345678, k.visser@example.nl, geboren 12-03-1949, Kerkstraat 4, NL91ABNA0417164300', now).text;
    expect(text.match(PLACEHOLDER_PATTERN)).toEqual(['[naam]', '[BSN]', '[telefoon]', '[e-mail]', '[geboortedatum]', '[adres]', '[rekeningnummer]']);
    expect(placeholderKinds(text)).toEqual(['name', 'bsn', 'birthdate', 'address', 'phone', 'email', 'iban']);
  });

  it('drops placeholders and the words that only point at the removed person', () => {
    const question = redact('Mijn cliënt mevrouw Jansen (BSN 111222333) wacht op een plek, wie is dossierhouder?', now).text;
    expect(withoutPlaceholders(question)).toBe('wacht op een plek, wie is dossierhouder?');
    expect(withoutPlaceholders(redact('Kan Fatma Yilmaz uit Almere met haar zoon Mehmet naar een logeerhuis?', now).text)).toBe('Kan uit Almere met naar een logeerhuis?');
  });

  it('keeps role words that carry meaning', () => {
    expect(withoutPlaceholders('Wie is dossierhouder als de cliënt op de wachtlijst staat?')).toBe('Wie is dossierhouder als de cliënt op de wachtlijst staat?');
    expect(withoutPlaceholders('Heeft [naam] recht op meerzorg?')).toBe('Heeft recht op meerzorg?');
  });
});
