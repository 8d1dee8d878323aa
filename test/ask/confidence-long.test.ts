// How sure the engine must be: a long told situation whose best card stands out needs less of the
// question covered than a short question, and `--explain` says which check refused.
import { describe, expect, it } from 'vitest';
import { offTopic, tooUnsure } from '../../src/ask/confidence.ts';
import { offlineEngine } from '../helpers/engine.ts';
import type { Retrieval } from '../../src/ask/retriever.ts';

const retrieval = (units: number, confidence: number): Retrieval => ({ hits: [], confidence, pairConfidence: confidence, typed: units, units });

describe('confidence for long told situations', () => {
  it('lets a long situation with a clearly best card through at a lower share', () => {
    expect(tooUnsure(retrieval(3, 0.25), 0.25, 0.5)).toBe(true);
    expect(tooUnsure(retrieval(12, 0.25), 0.25, 0.5)).toBe(false);
  });

  it('lets two close cards answer a long situation that they cover well enough, not a short question', () => {
    expect(tooUnsure(retrieval(12, 0.45), 0.45, 0.04)).toBe(false);
    expect(tooUnsure(retrieval(3, 0.45), 0.45, 0.04)).toBe(true);
    expect(tooUnsure(retrieval(12, 0.25), 0.25, 0.04)).toBe(true);
  });

  it('keeps the bar when the best card does not stand out, or covers very little', () => {
    expect(tooUnsure(retrieval(12, 0.25), 0.25, 0.1)).toBe(true);
    expect(tooUnsure(retrieval(12, 0.12), 0.12, 0.5)).toBe(true);
  });

  it('asks less of the shown sentences in the same case only', () => {
    expect(offTopic(0.2, retrieval(3, 0.5), 0.5)).toBe(true);
    expect(offTopic(0.2, retrieval(12, 0.5), 0.5)).toBe(false);
    expect(offTopic(0.2, retrieval(12, 0.5), 0.1)).toBe(true);
    expect(offTopic(0.1, retrieval(12, 0.5), 0.5)).toBe(true);
  });

  it('says in the explanation which check refused', () => {
    const engine = offlineEngine();
    const answer = engine.answerOffline('hoeveel kost een huisdier in het verpleeghuis per maand?', { explain: true });
    expect(answer.answered).toBe(false);
    expect(answer.explanation?.refusedBy).toMatch(/^(unsure|unknown_word|no_fact_in_card|sentences_off_topic|fact_not_about_question|other_law)$/);
  });
});
