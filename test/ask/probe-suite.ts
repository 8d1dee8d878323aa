/**
 * One suite for every set of coverage probes (`coverage-probes*.json`): concrete questions whose
 * answer is one fact, each with the fact as a pattern on the shown answer. It checks the set is
 * well formed and asks in other words than the cards, that the judge is strict (an unrelated
 * answer meets no probe), and that the shown answers hold the fact for at least `floor` of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge, loadCards, runEval, type EvalItem } from '../../src/ask/index.ts';
import { offlineEngine } from '../helpers/engine.ts';
import { DEFAULT_KNOWLEDGE_DIR, fold } from '../../src/core/index.ts';

export interface Probe {
  id: string;
  seed: string;
  q: string;
  lang: 'nl' | 'en';
  facts: string[];
  forbidden?: string[];
}

export interface ProbeSuite {
  /** The JSON file, as a URL relative to the calling test. */
  file: URL;
  title: string;
  /** The label printed with the measured share. */
  label: string;
  floor: number;
  minCount: number;
  /** The sources every set must cover (seeds "000"–"004", "public"), when it is meant to. */
  seeds?: string[];
}

const norm = (q: string) => fold(q).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();

export function describeProbes({ file, title, label, floor, minCount, seeds }: ProbeSuite): void {
  const probes: Probe[] = JSON.parse(readFileSync(file, 'utf8'));
  describe(title, () => {
    it('are well formed and ask in other words than the cards', () => {
      expect(probes.length).toBeGreaterThanOrEqual(minCount);
      expect(new Set(probes.map((p) => p.id)).size).toBe(probes.length);
      if (seeds) expect([...new Set(probes.map((p) => p.seed))].sort()).toEqual(seeds);
      for (const p of probes) {
        expect(p.facts.length, p.id).toBeGreaterThan(0);
        for (const pattern of [...p.facts, ...(p.forbidden ?? [])]) expect(() => new RegExp(pattern, 'iu'), p.id).not.toThrow();
      }
      const cardQuestions = new Set(loadCards(DEFAULT_KNOWLEDGE_DIR).flatMap((c) => c.questions.map(norm)));
      expect(probes.filter((p) => cardQuestions.has(norm(p.q))).map((p) => p.id)).toEqual([]);
    });

    it('the judge is strict: no probe is met by an unrelated answer', () => {
      const unrelated = 'Een lerend netwerk is een groep mensen die samen leert van de praktijk.';
      const met = probes.filter((p) => judge({ id: p.id, q: p.q, category: p.seed, expect: 'answer', facts: p.facts, forbidden: p.forbidden ?? [] }, unrelated).missing.length === 0);
      expect(met.map((p) => p.id)).toEqual([]);
    });

    it(`shows the asked fact for at least ${floor * 100}% of the probes`, async () => {
      const items: EvalItem[] = probes.map((p) => ({ id: p.id, q: p.q, lang: p.lang, category: p.seed, expect: 'answer', facts: p.facts, forbidden: p.forbidden ?? [] }));
      const report = await runEval(offlineEngine(), items);
      const perSource = [...report.categories].map(([seed, f]) => `${seed} ${f.right}/${f.n}`).join(', ');
      console.info(`${label}: ${(report.facts * 100).toFixed(1)}% of ${report.answerable} (${perSource}); misses: ${report.misses.map((m) => m.id).join(' ')}`);
      expect(report.facts).toBeGreaterThanOrEqual(floor);
    });
  });
}
