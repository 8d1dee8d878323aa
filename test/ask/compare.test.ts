import { describe, expect, it } from 'vitest';
import { comparedSides } from '../../src/ask/compare.ts';

describe('comparedSides', () => {
  it('finds the two sides of a comparison in Dutch and English', () => {
    expect(comparedSides('casusregisseur vs dossierhouder')).toEqual(['casusregisseur', 'dossierhouder']);
    expect(comparedSides('Wat is het verschil tussen een casemanager en de dossierhouder?')).toEqual(['casemanager', 'dossierhouder']);
    expect(comparedSides('What is the difference between the CCE and a COT?')).toEqual(['cce', 'cot']);
    expect(comparedSides('vraagje: MEE versus OCO')).toEqual(['mee', 'oco']);
  });

  it('leaves questions that compare nothing alone', () => {
    expect(comparedSides('wat is een dossierhouder?')).toBeUndefined();
    expect(comparedSides('wie betaalt de zorg en wie regelt de plek?')).toBeUndefined();
  });
});
