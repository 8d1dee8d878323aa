/**
 * A message typed in capitals: every word starts with a capital, so a capital marks no name. The
 * names after a word for a person go ("MIJN CLIENT JANSEN"), the question stays ("WIL BEZWAAR
 * MAKEN", "NODIG HEBBEN", "IN HET VERPLEEGHUIS"). Before 2 December the whole tail after a person
 * word went ("MIJN CLIENT [naam] [naam]") and "NODIG" after "CLIENT" was taken for a name.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/privacy/index.ts';

describe('a message typed in capitals', () => {
  it.each([
    ['IK BEN CLO EN MIJN CLIENT JANSEN WIL BEZWAAR MAKEN', 'JANSEN', 'WIL BEZWAAR MAKEN'],
    ['WIE BETAALT DE ZORG VAN MIJN MOEDER ANNA IN HET VERPLEEGHUIS', 'ANNA', 'IN HET VERPLEEGHUIS'],
    ['MIJN CLIENT MOHAMMED EL AMRANI WIL EEN PGB', 'AMRANI', 'WIL EEN PGB'],
    ['MEVROUW BAKKER (82) WOONT IN DEVENTER, WAT KOST EEN VPT?', 'BAKKER', 'WAT KOST EEN VPT'],
    ['MY MOTHER SARAH NEEDS A WLZ INDICATION, WHO DECIDES?', 'SARAH', 'WHO DECIDES'],
  ])('removes the name and keeps the question: %s', (text, name, kept) => {
    const out = redact(text).text;
    expect(out).not.toContain(name);
    expect(out).toContain(kept);
  });

  it('keeps a capitalised policy question whole', () => {
    const text = 'HOEVEEL PROCENT MEER ZORG MOET DE CLIENT NODIG HEBBEN DAN ZIJN ZORGPROFIEL?';
    expect(redact(text).text).toBe(text);
  });

  it('still finds numbers, addresses and phones in capitals', () => {
    const out = redact('MIJN VADER PIETER DE VRIES (BSN 123456782) WOONT OP HOOFDSTRAAT 12 IN ZWOLLE, BEL 06-12345678').text;
    for (const leak of ['PIETER', 'VRIES', '123456782', 'HOOFDSTRAAT', '06-12345678']) expect(out).not.toContain(leak);
  });
});
