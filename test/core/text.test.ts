import { describe, expect, it } from 'vitest';
import { linesAsSentences } from '../../src/core/index.ts';

describe('linesAsSentences', () => {
  it('ends a sentence at each line break, keeping the punctuation a line already has', () => {
    expect(linesAsSentences('Van: advocaat\nAan: familie\n\n---\nvraag: wint ons beroep?')).toBe('Van: advocaat. Aan: familie. ---. vraag: wint ons beroep?');
    expect(linesAsSentences('Hoe lang duurt het?\r\nWie betaalt?')).toBe('Hoe lang duurt het? Wie betaalt?');
  });

  it('leaves text on one line as it is', () => {
    expect(linesAsSentences('een vraag zonder regeleinde')).toBe('een vraag zonder regeleinde');
  });
});
