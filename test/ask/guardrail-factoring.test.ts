/**
 * The refusal rules run with their lexicons factored (src/ask/guardrail-rules.ts: opening groups
 * written out, words grouped letter by letter, sentence patterns tried at sentence starts only).
 * That is for speed alone: each compiled pattern must match, and blank, exactly what the pattern as
 * written does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/ask/guardrail-rules.ts';
import { loadSplit } from '../../src/ask/evaluate.ts';
import { DEFAULT_KNOWLEDGE_DIR, fold } from '../../src/core/index.ts';

/** The lexicons put in as written: "{name}" → "(?:word|word|…)". */
function written(pattern: string, lexicons: Record<string, string[]>): string {
  return pattern.replace(/\{([a-z_]+)\}/g, (_m, key: string) => `(?:${lexicons[key].map((w) => written(w, lexicons)).join('|')})`);
}

/** What a rule does to a text: a test, or the text with its matches blanked (global rules). */
function effect(source: string, flags: string, text: string): string | boolean {
  const re = new RegExp(source, flags);
  return flags.includes('g') ? text.replace(re, (m) => ' '.repeat(m.length)) : re.test(text);
}

describe('factored refusal rules', () => {
  it('match and blank what the written patterns do, for groups, nesting, captures and limits', () => {
    const lexicons = {
      sign: ['(leg|arm|been) (doet|is) raar', '(?:bloed|blood)\\w*', 'ademt( niet)?', 'slurring|speech is slurred', '((heel|erg) )?koud', '(a|b)?rare', 'bewusteloos', 'breuk', 'brand(?! ?out)', '(?<!geen )pijn'],
      when: ['(nu|now|net)', '(vorige|last) (week|maand|month)'],
    };
    const rules = [
      '\\b{sign}\\b',
      '^(?=.*\\b{when}\\b).*\\b{sign}',
      '[^.?!;]*\\b{when}\\b[^.?!]*',
      '[^.?!,;]*\\b(gisteren|yesterday)\\b[^.?!;]*|[^.?!;]*\\bweer thuis\\b[^.?!;]*',
    ];
    const compiled = compileRules(lexicons, [], [
      ['emergency', rules.slice(0, 2)],
      ['not_emergency', rules.slice(2)],
    ]).rules;
    const texts = [
      'zijn arm doet raar. hij ademt niet',
      'ze is erg koud en bewusteloos; vorige week was het anders',
      'last month the blood test. now speech is slurred',
      'brandout, geen pijn, a rare case',
      'gisteren gevallen, nu weer thuis. rustig, maar koud',
      'slurring, yesterday; brand! breuk? been is raar',
      'niets aan de hand',
    ];
    compiled.forEach((rule, i) => {
      const plain = written(rules[i], lexicons);
      for (const text of texts) expect(effect(rule.source, rule.flags, text), `${rules[i]} on "${text}"`).toEqual(effect(plain, rule.flags, text));
    });
  });

  it('match and blank what the written patterns do, for every rule on the tuning questions', () => {
    const data = parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'guardrails.yaml'), 'utf8')) as Record<string, unknown>;
    const lexicons = data.lexicons as Record<string, string[]>;
    // The rules that use a lexicon (the others are not factored): a sample spread over the file, to keep the suite quick.
    const rules = Object.entries(data)
      .filter(([, v]) => Array.isArray(v))
      .flatMap(([kind, list]) => (list as string[]).filter((p) => p.includes('{')).map((p) => [kind, p] as const))
      .filter((_r, i) => i % 7 === 0);
    const compiled = compileRules(lexicons, [], rules.map(([kind, p]) => [kind, [p]] as const)).rules;
    const texts = loadSplit('test/eval', 'tune').map((item) => fold(item.q)).filter((_q, i) => i % 5 === 0);
    expect(compiled.length).toBeGreaterThan(50);
    compiled.forEach((rule, i) => {
      const plain = written(rules[i][1], lexicons);
      for (const text of texts) {
        const [x, y] = [effect(rule.source, rule.flags, text), effect(plain, rule.flags, text)];
        if (x !== y) expect(x, `${rules[i][1].slice(0, 80)} on "${text}"`).toEqual(y);
      }
    });
  });
});
