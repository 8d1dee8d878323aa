/**
 * Explicit refusal rules: questions that ask for medical or individual legal advice, that try
 * to steer the bot (prompt injection), or that are plainly off-topic. The rules are data
 * (`knowledge/guardrails.yaml`); a low retrieval confidence is the second, general safety net.
 */
import { readDataFile } from './data-file.ts';
import { z } from 'zod';
import { fold } from '../core/index.ts';

// Order matters: an emergency is recognised before anything else, whatever else the text says;
// plainly other subjects (stocks, sport) before the kinds that look at the asker's own case.
export const RULE_KINDS = ['emergency', 'injection', 'out_of_scope', 'medical', 'legal_case', 'client_decision', 'unknown'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const GuardrailFileSchema = z.object({
  /** Named word lists, used in patterns as `{name}`: one list, many rules. */
  lexicons: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)).default({}),
  /** Phrases blanked before the emergency rules: they look like an acute sign but are not about a person. */
  not_emergency: z.array(z.string().min(1)).default([]),
  /** Phrases by which the asker says the question is general ("algemene vraag", "geen specifieke casus"). */
  general_question: z.array(z.string().min(1)).default([]),
  ...(Object.fromEntries(RULE_KINDS.map((k) => [k, z.array(z.string().min(1)).default([])])) as Record<RuleKind, z.ZodDefault<z.ZodArray<z.ZodString>>>),
});

export type Guardrails = { kind: RuleKind | 'not_emergency' | 'general_question'; pattern: RegExp }[];

/**
 * The kinds that are about one person's situation: a question the asker calls general ("algemene
 * vraag voor ons protocol: als iemand acuut gevaar veroorzaakt, wie …") is not refused by them.
 */
const ABOUT_ONE_PERSON: readonly RuleKind[] = ['emergency', 'legal_case', 'client_decision'];

/**
 * Replaces each `{name}` by its lexicon as one group. A lexicon may use another (`someone` is
 * built from `person_noun`), so one word list serves every rule that speaks of a person; a cycle
 * or a list that does not exist fails loading.
 */
function expand(written: string, lexicons: Record<string, string[]>, seen: string[] = []): string {
  return written.replace(/\{([a-z_]+)\}/g, (_name, key: string) => {
    const words = lexicons[key];
    if (!words) throw new Error(`no lexicon "${key}"`);
    if (seen.includes(key)) throw new Error(`lexicon "${key}" uses itself`);
    return `(?:${words.map((w) => expand(w, lexicons, [...seen, key])).join('|')})`;
  });
}

/**
 * The rules match folded text (lower case, no accents) and are written in ASCII, so they need no
 * Unicode mode, which makes every rule about a third slower (case folding, `\b`, `\w`); a rule that
 * uses a Unicode escape gets it.
 */
function flagsFor(kind: string, source: string): string {
  const unicode = /\\[pPu]\{/.test(source) ? 'u' : '';
  return `${kind === 'not_emergency' ? 'g' : ''}i${unicode}`;
}

/**
 * "(?!.*x)(?=.*y)^…" and "^(?!.*x)(?=.*y)…" match the same texts, but the first tries its lookaheads
 * at every position before `^` fails there (quadratic in the text); the second only at the start.
 */
function anchorFirst(source: string): string {
  const lead = /^((?:\(\?[=!](?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\([^()]*\))*\))*\))*\))+)\^/.exec(source);
  return lead ? `^${lead[1]}${source.slice(lead[0].length)}` : source;
}

/** Reads and compiles `guardrails.yaml`; a bad pattern fails naming the kind and its index. */
export function loadGuardrails(dir: string): Guardrails {
  const data = readDataFile(dir, 'guardrails.yaml', GuardrailFileSchema);
  const rules: Guardrails = [];
  for (const kind of ['not_emergency', 'general_question', ...RULE_KINDS] as const) {
    data[kind].forEach((written, i) => {
      try {
        const source = anchorFirst(expand(written, data.lexicons));
        rules.push({ kind, pattern: new RegExp(source, flagsFor(kind, source)) });
      } catch (err) {
        throw new Error(`guardrails.yaml: ${kind}.${i}: ${(err as Error).message}`);
      }
    });
  }
  return rules;
}

/**
 * The first rule kind the question matches (rules are checked in file order of kinds). The
 * emergency rules see the text without its `not_emergency` phrases ("het zorgkantoor reageert
 * niet" is an escalation; "hij reageert niet" in the same message still counts).
 */
export function matchGuardrail(rules: Guardrails, question: string): RuleKind | undefined {
  // Phone keyboards type curly quotes ("you’re", "collega’s"); the rules are written with straight ones.
  const text = fold(question).replace(/[\u2018\u2019\u02bc]/g, "'");
  const calm = rules.filter((r) => r.kind === 'not_emergency').reduce((t, r) => t.replace(r.pattern, (m) => ' '.repeat(m.length)), text);
  const general = rules.some((r) => r.kind === 'general_question' && r.pattern.test(text));
  const hit = rules.find((r) => r.kind !== 'not_emergency' && r.kind !== 'general_question' && !(general && ABOUT_ONE_PERSON.includes(r.kind)) && r.pattern.test(r.kind === 'emergency' ? calm : text));
  return hit?.kind as RuleKind | undefined;
}
