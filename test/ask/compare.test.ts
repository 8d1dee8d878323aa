import { describe, expect, it } from 'vitest';
import { comparedSides } from '../../src/ask/compare.ts';

describe('comparedSides', () => {
  it('finds the two sides of a comparison in Dutch and English', () => {
    expect(comparedSides('casusregisseur vs dossierhouder')).toEqual(['casusregisseur', 'dossierhouder']);
    expect(comparedSides('Wat is het verschil tussen een casemanager en de dossierhouder?')).toEqual(['casemanager', 'dossierhouder']);
    expect(comparedSides('What is the difference between the CCE and a COT?')).toEqual(['cce', 'cot']);
    expect(comparedSides('vraagje: MEE versus OCO')).toEqual(['mee', 'oco']);
    // Without "tussen", and with words after the second side that only qualify the question.
    expect(comparedSides('verschil eigen risico en eigen bijdrage? familie haalt het door elkaar')).toEqual(['eigen risico', 'eigen bijdrage']);
    expect(comparedSides('wlz vs wmo in 1 zin? stagiair vraagt het')).toEqual(['wlz', 'wmo']);
    expect(comparedSides('difference between a pgb and zorg in natura for a child')).toEqual(['pgb', 'zorg in natura']);
  });

  it('finds three sides or more: "X vs Y vs Z", "verschil tussen X, Y en Z"', () => {
    expect(comparedSides('zorgplicht van de zorgverzekeraar vs zorgkantoor vs gemeente — who is responsible for what?')).toEqual(['zorgplicht van de zorgverzekeraar', 'zorgkantoor', 'gemeente']);
    expect(comparedSides('verschil tussen clo, casemanager dementie en regiehouder??')).toEqual(['clo', 'casemanager dementie', 'regiehouder']);
    expect(comparedSides('mpt vs vpt vs pgb')).toEqual(['mpt', 'vpt', 'pgb']);
  });

  it('leaves questions that compare nothing alone', () => {
    expect(comparedSides('wat is een dossierhouder?')).toBeUndefined();
    expect(comparedSides('is er verschil in wachttijd?')).toBeUndefined();
    expect(comparedSides('wie betaalt de zorg en wie regelt de plek?')).toBeUndefined();
  });
});

describe('a comparison shows what each side is', () => {
  // A sentence that only lists both ("vier zorgwetten: de Wlz, de Wmo, …") explains neither side.
  it.each([
    ['wlz vs wmo?', [/Wlz[^.]*(24 uur|toezicht)/i, /Wmo[^.]*gemeente/i]],
    ['wat is het verschil tussen de wlz en de wmo?', [/Wlz[^.]*(24 uur|toezicht)/i, /Wmo[^.]*gemeente/i]],
    ["what's the difference between the Wmo and the Zvw?", [/Wmo[^.]*municipalit/i, /Zvw[^.]*(insur)/i]],
  ] as const)('%s', async (q, facts) => {
    const { offlineEngine } = await import('../helpers/engine.ts');
    const answer = offlineEngine().answerOffline(q);
    expect(answer.answered).toBe(true);
    for (const fact of facts) expect(answer.text).toMatch(fact);
  });
});
