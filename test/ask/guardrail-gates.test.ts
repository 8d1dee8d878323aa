/**
 * Rules that start with lookaheads are tested gate by gate (each gate once per question, shared by
 * the rules that start with it), and a rule whose needles are absent is not run. The verdicts must
 * be those of the whole patterns.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSplit } from '../../src/ask/evaluate.ts';
import { describe, expect, it } from 'vitest';
import { loadGuardrails, matchGuardrail, type Guardrails } from '../../src/ask/guardrails.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/core/index.ts';

/** The same rules without their gates and needles: every pattern tested whole, on every question. */
const whole = (rules: Guardrails): Guardrails => rules.map(({ gates: _gates, rest: _rest, needles: _needles, ...rule }) => rule);

describe('guardrail gates', () => {
  it('give the verdicts of the whole patterns on every tuning question', () => {
    const rules = loadGuardrails(DEFAULT_KNOWLEDGE_DIR);
    expect(rules.filter((r) => r.gates).length).toBeGreaterThan(0);
    expect(rules.filter((r) => r.needles).length).toBeGreaterThan(rules.length / 2);
    const questions = loadSplit('test/eval', 'tune').map((item) => item.q);
    // The whole rules made once (the matcher's plan is kept per rule list), not once per question.
    const reference = whole(rules);
    for (const q of questions) expect(matchGuardrail(rules, q), q).toBe(matchGuardrail(reference, q));
  });

  it('leave a rule with a top-level alternation whole, and share a gate between rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wegwijs-gates-'));
    try {
      writeFileSync(
        join(dir, 'guardrails.yaml'),
        [
          'legal_case:',
          "  - '^(?=.*\\bmijn\\b)(?!.*\\balgemeen\\b).*\\bwinnen\\b'",
          "  - '^(?=.*\\bzaak\\b)rechter|vonnis'",
          'client_decision:',
          "  - '^(?=.*\\bmijn\\b).*\\bkiezen\\b'",
        ].join('\n'),
      );
      const rules = loadGuardrails(dir);
      expect(rules[0].gates?.map((g) => g.negate)).toEqual([false, true]);
      expect(rules[1].gates).toBeUndefined();
      const cases = ['gaat mijn client winnen', 'in het algemeen: kan mijn client winnen', 'wat zegt het vonnis', 'mijn zaak bij de rechter', 'rechter', 'moet ik voor mijn client kiezen', 'kiezen'];
      for (const q of cases) expect(matchGuardrail(rules, q), q).toBe(matchGuardrail(whole(rules), q));
      expect(matchGuardrail(rules, 'wat zegt het vonnis')).toBe('legal_case');
      expect(matchGuardrail(rules, 'moet ik voor mijn client kiezen')).toBe('client_decision');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
