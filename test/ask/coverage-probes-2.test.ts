import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AskEngine, judge, loadCards, runEval, type EvalItem } from '../../src/ask/index.ts';
import { DEFAULT_KNOWLEDGE_DIR, fold } from '../../src/core/index.ts';

// Coverage probes, second set: practical questions professionals in long-term care type in a week
// (Wlz delivery forms and switching, CIZ terms, respite stays, contributions, Zvw stays, 18-/18+,
// Awb terms, Wzd/Wvggz, meerzorg, waiting, pgb and the SVB, homelessness, informal carers, aids at
// home, child protection, learning networks), each with the concrete fact a right answer must
// contain. The C2 probes were written before any card was read; each later batch (D2 to H2) after
// the previous round of card fixes and before its own.
interface Probe {
  id: string;
  seed: string;
  q: string;
  lang: 'nl' | 'en';
  facts: string[];
  forbidden?: string[];
}
const PROBES: Probe[] = JSON.parse(readFileSync(fileURLToPath(new URL('./coverage-probes-2.json', import.meta.url)), 'utf8'));

/**
 * Measured 2026-11-30 on the shown answer (offline engine). Each batch was run once before its own
 * fixes: C2 (130, written before any card was read) 72.3%; D2 (40) 80.0%; E2 (32) 75.0%; F2 (30)
 * 70.0%; G2 (25, topics no card had: child protection, care leave, data sharing, debts) 48.0%;
 * H2 (23, learning networks and escalation, mostly cards that already existed) 65.2%; I2 (24, terse
 * chat-style rewordings of covered topics) 91.7%. All 304 on the knowledge base before this work:
 * 67.8% (9.5% refused as unknown); after: 91.1% (1.3% refused as unknown).
 * Most of the 27 misses left are retrieval or the lead, not a missing fact. The floor is the
 * measured share minus about two points: room for retrieval changes by others, far above where it started.
 */
const PROBE_FLOOR = 0.89;

describe('coverage probes, second set (public facts of daily practice)', () => {
  it('are well formed and ask in other words than the cards', () => {
    expect(PROBES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(PROBES.map((p) => p.id)).size).toBe(PROBES.length);
    for (const p of PROBES) {
      expect(p.facts.length, p.id).toBeGreaterThan(0);
      for (const pattern of [...p.facts, ...(p.forbidden ?? [])]) expect(() => new RegExp(pattern, 'iu'), p.id).not.toThrow();
    }
    const norm = (q: string) => fold(q).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
    const cardQuestions = new Set(loadCards(DEFAULT_KNOWLEDGE_DIR).flatMap((c) => c.questions.map(norm)));
    expect(PROBES.filter((p) => cardQuestions.has(norm(p.q))).map((p) => p.id)).toEqual([]);
  });

  it('the judge is strict: no probe is met by an unrelated answer', () => {
    const unrelated = 'Een lerend netwerk is een groep mensen die samen leert van de praktijk.';
    const met = PROBES.filter((p) => judge({ id: p.id, q: p.q, category: p.seed, expect: 'answer', facts: p.facts, forbidden: p.forbidden ?? [] }, unrelated).missing.length === 0);
    expect(met.map((p) => p.id)).toEqual([]);
  });

  it(`shows the asked fact for at least ${PROBE_FLOOR * 100}% of the probes`, async () => {
    const items: EvalItem[] = PROBES.map((p) => ({ id: p.id, q: p.q, lang: p.lang, category: p.seed, expect: 'answer', facts: p.facts, forbidden: p.forbidden ?? [] }));
    const report = await runEval(new AskEngine(), items);
    console.info(`coverage probes 2: ${(report.facts * 100).toFixed(1)}% of ${report.answerable}; misses: ${report.misses.map((m) => m.id).join(' ')}`);
    expect(report.facts).toBeGreaterThanOrEqual(PROBE_FLOOR);
  });
});
