import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AskEngine, FLOORS, HELDOUT_GUARDS, judge, loadCards, loadEvalSet, loadSplit, runEval } from '../../src/ask/index.ts';
import { DEFAULT_KNOWLEDGE_DIR, fold } from '../../src/core/index.ts';

const DIR = fileURLToPath(new URL('../eval/', import.meta.url));
const tuneSet = () => loadSplit(DIR, 'tune');
const heldoutSet = () => loadSplit(DIR, 'heldout');
/**
 * The offline engine, remembering each answer: the held-out guards evaluate overlapping groups of
 * the same batches, and an offline answer depends only on the question and its options.
 */
class RememberingEngine extends AskEngine {
  private readonly answers = new Map<string, ReturnType<AskEngine['answer']>>();
  override answer(question: string, options: Parameters<AskEngine['answer']>[1] = {}): ReturnType<AskEngine['answer']> {
    const key = JSON.stringify([question, options]);
    let answer = this.answers.get(key);
    if (!answer) this.answers.set(key, (answer = super.answer(question, options)));
    return answer;
  }
}
const engine = new RememberingEngine();
// Every question of a split through the engine: ~15 s on an idle 2-core machine, more when it is busy.
const EVAL_TIMEOUT = 120_000;

describe('evaluation: facts in the shown answer, refusals by reason', () => {
  it('has two splits, the held-out one at least a third of the whole, with every refusal reason', () => {
    const tune = tuneSet();
    const heldout = heldoutSet();
    expect(tune.length).toBeGreaterThanOrEqual(300);
    expect(heldout.length / (tune.length + heldout.length)).toBeGreaterThanOrEqual(1 / 3);
    for (const split of [tune, heldout]) {
      const reasons = new Set(split.flatMap((i) => (i.expect === 'refuse' ? [i.reason] : [])));
      expect([...reasons].sort()).toEqual(['client_decision', 'emergency', 'injection', 'legal_case', 'out_of_scope', 'unknown']);
    }
    const ids = [...tune, ...heldout].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks in other words than the cards do (it measures answering, not recall of card questions)', () => {
    const norm = (q: string) => fold(q).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
    const cardQuestions = new Set(loadCards(DEFAULT_KNOWLEDGE_DIR).flatMap((c) => c.questions.map(norm)));
    const copied = [...tuneSet(), ...heldoutSet()].filter((i) => cardQuestions.has(norm(i.q))).map((i) => i.q);
    expect(copied).toEqual([]);
  });

  it('judges the text: a fact pattern that the answer lacks, or a forbidden one it has, fails', () => {
    const item = { id: 'x', q: 'q', category: 'c', expect: 'answer' as const, facts: ['(6|zes) weken'], forbidden: ['(8|acht) weken'] };
    expect(judge(item, 'De gemeente heeft zes weken voor het onderzoek.')).toEqual({ missing: [], forbidden: [] });
    expect(judge(item, 'De gemeente heeft acht weken.').missing).toHaveLength(1);
    expect(judge(item, 'Zes weken, soms acht weken.').forbidden).toHaveLength(1);
  });

  it('meets the floors on the tuning split', async () => {
    const report = await runEval(engine, tuneSet());
    expect(report.facts).toBeGreaterThanOrEqual(FLOORS.tune);
    expect(report.refusals).toBeGreaterThanOrEqual(FLOORS.refusals);
    expect(report.inScopeRefused).toBeLessThanOrEqual(FLOORS.maxInScopeRefused);
  }, EVAL_TIMEOUT);

  it('holds the held-out split (run to report, never to tune) at least where it was last measured', async () => {
    // The targets are FLOORS.heldout and FLOORS.refusals; until they are met, the guard keeps the
    // figures from going down. `wegwijs eval` prints both against the targets.
    // The earlier batches keep their own guards, so that no floor goes down when the split grows.
    for (const guard of HELDOUT_GUARDS) {
      const report = await runEval(engine, guard.files ? guard.files.flatMap((f) => loadEvalSet(join(DIR, f))) : heldoutSet());
      expect(report.facts, guard.label).toBeGreaterThanOrEqual(guard.facts);
      expect(report.refusals, guard.label).toBeGreaterThanOrEqual(guard.refusals);
      expect(report.inScopeRefused, guard.label).toBeLessThanOrEqual(guard.maxInScopeRefused);
    }
  }, EVAL_TIMEOUT);
});
