import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AskEngine, FLOORS, loadCards, loadEvalSet, runEval } from '../../src/ask/index.ts';
import { DEFAULT_KNOWLEDGE_DIR, fold } from '../../src/core/index.ts';

const FILE = fileURLToPath(new URL('../eval/questions.jsonl', import.meta.url));

describe('evaluation set', () => {
  it('is big enough and names only existing cards', () => {
    const items = loadEvalSet(FILE);
    const engine = new AskEngine();
    const answerable = items.filter((i) => 'cards' in i);
    expect(answerable.length).toBeGreaterThanOrEqual(100);
    expect(items.filter((i) => 'refuse' in i).length).toBeGreaterThanOrEqual(20);
    const unknown = answerable.flatMap((i) => ('cards' in i ? i.cards : [])).filter((id) => !engine.card(id));
    expect(unknown).toEqual([]);
  });

  it('asks in other words than the cards do (it measures retrieval, not recall of card questions)', () => {
    const norm = (q: string) => fold(q).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
    const cardQuestions = new Set(loadCards(DEFAULT_KNOWLEDGE_DIR).flatMap((c) => c.questions.map(norm)));
    expect(loadEvalSet(FILE).filter((i) => cardQuestions.has(norm(i.q))).map((i) => i.q)).toEqual([]);
  });

  it('meets the floors: top-3 hit rate, refusal recall, in-scope refusals', async () => {
    const report = await runEval(new AskEngine(), loadEvalSet(FILE));
    expect(report.top3).toBeGreaterThanOrEqual(FLOORS.top3);
    expect(report.refusalRecall).toBeGreaterThanOrEqual(FLOORS.refusalRecall);
    expect(report.inScopeRefused).toBeLessThanOrEqual(FLOORS.maxInScopeRefused);
    expect(report.passed).toBe(true);
  });
});
