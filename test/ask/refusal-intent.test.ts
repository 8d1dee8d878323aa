/**
 * Refusal by intent, on phrasings that the rules were not written from (issue 11). The probes
 * were written before the rules in knowledge/guardrails.yaml were read, the way professionals type
 * in chat: situations without the keywords, third person, pronouns, a role in front, typos,
 * abbreviations, some English. Each must-refuse probe asserts the reason the user reads; each
 * in-scope probe asserts that no policy rule refuses it (a gap in the cards may still say "not sure").
 * The probes go in as in chat: redacted first. A second batch was written blind after the first
 * rules, and its misses fixed by class (measured: 29 of 64 right before, 64 after); a third batch
 * likewise (28 of 50 before, 50 after), a fourth (40 of 67 before, 67 after)
 * a fifth (24 of 56 before, 56 after) a sixth (30 of 48 before, 48 after)
 * a seventh in English (28 of 36 before, 36 after) and an eighth of situations told without the
 * usual words (17 of 33 before, 33 after); a ninth of other subjects with the domain's words (4 of 10
 * before) a tenth mixed batch (31 of 44 before, 44 after) and an eleventh written as a zorgkantoor, a
 * provider or family (19 of 27 before, 27 after; two look-alikes refused before, none after), a twelfth (6 of 15
 * before, 15 after) a thirteenth (15 of 26 before, 26 after) and a fourteenth in chat shorthand ('mn clt', 'zmr': 15 of 25
 * before, 25 after) and a fifteenth with a long story or a second question around the point (7 of 13
 * before, 13 after); a sixteenth (2 of 8 before, 8 after) a seventeenth (21 of 27 before, 27 after) and an eighteenth as the closing blind figure (30 of
 * 34 before, 34 after; no in-scope probe refused by a rule, two by the out-of-scope fallback before
 * knowledge/domain.yaml knew 'wijkverpleegkundige' and 'bewindvoering'); a nineteenth of dilemmas put
 * to the team (9 of 18 before, 18 after); a twentieth (14 of 20 before, 20 after) a twenty-first (17 of 23 before, 23 after) and a twenty-second (21 of 26 before, 26 after; no
 * in-scope probe refused) and a twenty-third of emergencies (5 of 10 before, 10 after). No in-scope probe
 * was refused by a rule at any step.
 * The probes themselves are in refusal-intent-probes.yaml (refuse: per reason; in_scope).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadGuardrails } from '../../src/ask/index.ts';
import { offlineEngine } from '../helpers/engine.ts';
import { isRightReason, loadSplit, refusalReason } from '../../src/ask/evaluate.ts';
import { matchGuardrail } from '../../src/ask/guardrails.ts';
import { loadCards } from '../../src/ask/knowledge.ts';
import { redact } from '../../src/privacy/index.ts';

const engine = offlineEngine();

const Probes = z.object({ refuse: z.record(z.string(), z.array(z.string()).min(1)), in_scope: z.array(z.string()).min(1) });
const probes = Probes.parse(parse(readFileSync(join(import.meta.dirname, 'refusal-intent-probes.yaml'), 'utf8')));
const PROBES: Record<string, string[]> = probes.refuse;
/** Questions that look like a refusal's (a person, a decision, a judge, a crisis) but ask how things work. */
const IN_SCOPE = probes.in_scope;

/** The policy refusals: a rule decided, not a gap in the cards. */
const POLICY = new Set(['emergency', 'legal_case', 'client_decision', 'out_of_scope', 'injection', 'medical']);

async function reasonOf(question: string) {
  return refusalReason(await engine.answer(redact(question).text, { offline: true }));
}

describe('refusal by intent, on phrasings nobody tuned on', () => {
  for (const [reason, questions] of Object.entries(PROBES)) {
    it(`refuses as ${reason}`, async () => {
      const misses: string[] = [];
      for (const q of questions) {
        const got = await reasonOf(q);
        if (!isRightReason(got, reason)) misses.push(`${q} → ${got ?? 'answered'}`);
      }
      expect(misses).toEqual([]);
    });
  }

  it('does not refuse general questions about the same subjects by policy', async () => {
    const misses: string[] = [];
    for (const q of IN_SCOPE) {
      const got = await reasonOf(q);
      if (got && POLICY.has(got)) misses.push(`${q} → ${got}`);
    }
    expect(misses).toEqual([]);
  });

  it('refuses by rule none of the answerable questions of the tuning splits, the coverage probes and the cards', () => {
    // Written by others, as users ask: every one must reach the knowledge base (a gap may still say "not sure").
    const knowledge = join(import.meta.dirname, '../../knowledge');
    const rules = loadGuardrails(knowledge);
    const cards = loadCards(knowledge).flatMap((c) => [c.title, ...c.questions]);
    const tuning = loadSplit(join(import.meta.dirname, '../eval'), 'tune').filter((i) => i.expect === 'answer').map((i) => i.q);
    const coverage = (JSON.parse(readFileSync(join(import.meta.dirname, 'coverage-probes.json'), 'utf8')) as { q: string }[]).map((p) => p.q);
    expect(tuning.length + coverage.length + cards.length).toBeGreaterThan(1500);
    const refused = [...tuning, ...coverage, ...cards].map((q) => [q, matchGuardrail(rules, redact(q).text)]).filter(([, kind]) => kind);
    expect(refused).toEqual([]);
  });
});
