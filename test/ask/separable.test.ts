import { describe, expect, it } from 'vitest';
import { separableTerms } from '../../src/ask/analyze.ts';
import { offlineEngine } from '../helpers/engine.ts';

// Dutch separable verbs: a card says "vraagt … aan", a question "aanvragen" (and the other way round).
describe('separable verbs', () => {
  it('joins a verb and its particle later in the clause as the infinitive is stemmed', () => {
    expect(separableTerms('Bij zorg in natura vraagt de zorgaanbieder meerzorg aan bij het zorgkantoor.')).toContain('aanvrag');
    expect(separableTerms('De cliënt dient een klacht in.')).toContain('indien');
    // Not across a clause boundary.
    expect(separableTerms('De cliënt vraagt, en de gemeente geeft aan')).not.toContain('aanvrag');
  });

  it('lets "wie vraagt … aan" find the sentence that says who applies', () => {
    const engine = offlineEngine('2026-11-30T12:00:00Z');
    const answer = engine.answerOffline('wie moet meerzorg aanvragen bij zorg in natura?');
    expect(answer.text).toMatch(/zorgaanbieder[^.]*meerzorg aan bij het zorgkantoor/);
  });
});
