/**
 * The evaluation set (`test/eval/questions.jsonl`) and its figures: top-1 and top-3 hit rates on
 * answerable questions, refusal precision and recall, and how many in-scope questions were
 * refused. `wegwijs eval` and the test suite share this code and these floors.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES } from '../core/index.ts';
import type { AskEngine } from './engine.ts';

export const EvalItemSchema = z.union([
  z.object({ q: z.string().min(1), cards: z.array(z.string()).min(1), lang: z.enum(LANGUAGES).optional() }),
  z.object({ q: z.string().min(1), refuse: z.literal(true), kind: z.string().optional(), lang: z.enum(LANGUAGES).optional() }),
]);
export type EvalItem = z.infer<typeof EvalItemSchema>;

export const FLOORS = { top3: 0.85, refusalRecall: 0.9, maxInScopeRefused: 0.15 };

/** Reads a JSON-lines evaluation file; a bad line fails naming its number. */
export function loadEvalSet(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line && !line.startsWith('#'))
    .map(({ line, n }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${n}: not valid JSON`);
      }
      const parsed = EvalItemSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`${file}:${n}: ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

export interface EvalMiss {
  q: string;
  expected: string;
  got: string;
}

export interface EvalReport {
  answerable: number;
  mustRefuse: number;
  top1: number;
  top3: number;
  refusalPrecision: number;
  refusalRecall: number;
  inScopeRefused: number;
  misses: EvalMiss[];
  unknownCards: string[];
  passed: boolean;
}

/** Runs every question through the offline engine (no LLM, no store). */
export async function runEval(engine: AskEngine, items: EvalItem[]): Promise<EvalReport> {
  let top1 = 0;
  let top3 = 0;
  let refusedRight = 0;
  let refusedWrong = 0;
  let answerable = 0;
  let mustRefuse = 0;
  const misses: EvalMiss[] = [];
  const unknownCards = new Set<string>();
  for (const item of items) {
    const answer = await engine.answer(item.q, { lang: item.lang, offline: true });
    if ('refuse' in item) {
      mustRefuse++;
      if (!answer.answered) refusedRight++;
      else misses.push({ q: item.q, expected: 'refusal', got: answer.cards[0] ?? '-' });
      continue;
    }
    answerable++;
    for (const id of item.cards) if (!engine.card(id)) unknownCards.add(id);
    const ranked = answer.ranked;
    const hit1 = item.cards.includes(ranked[0]);
    const hit3 = ranked.slice(0, 3).some((id) => item.cards.includes(id));
    if (hit1) top1++;
    if (hit3) top3++;
    if (!answer.answered) {
      refusedWrong++;
      misses.push({ q: item.q, expected: item.cards.join(','), got: `refused (${answer.refusal}, ${answer.confidence.toFixed(2)})` });
    } else if (!hit3) misses.push({ q: item.q, expected: item.cards.join(','), got: ranked.slice(0, 3).join(',') });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const report = {
    answerable,
    mustRefuse,
    top1: ratio(top1, answerable),
    top3: ratio(top3, answerable),
    refusalPrecision: ratio(refusedRight, refusedRight + refusedWrong),
    refusalRecall: ratio(refusedRight, mustRefuse),
    inScopeRefused: ratio(refusedWrong, answerable),
    misses,
    unknownCards: [...unknownCards],
  };
  const passed = report.top3 >= FLOORS.top3 && report.refusalRecall >= FLOORS.refusalRecall && report.inScopeRefused <= FLOORS.maxInScopeRefused && report.unknownCards.length === 0;
  return { ...report, passed };
}
