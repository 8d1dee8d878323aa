/** Every message of every catalogue renders with ICU MessageFormat, in both languages. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Catalog, DEFAULT_PROMPTS_DIR, LANGUAGES } from '../../src/core/index.ts';

const catalog = Catalog.fromDirectory(join(DEFAULT_PROMPTS_DIR, 'messages'));
const ALL = catalog.keys();

/** The names a message uses, at any depth (also inside plural branches). */
function variables(source: string): string[] {
  return [...new Set([...source.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))];
}

describe('catalogues', () => {
  it('has messages to check', () => {
    expect(ALL.length).toBeGreaterThan(100);
  });

  it.each([0, 1, 7])('renders every message in Dutch and English with count %i, with nothing left over', (count) => {
    const problems: string[] = [];
    for (const key of ALL) {
      for (const lang of LANGUAGES) {
        const source = catalog.raw(lang, key) ?? '';
        const vars = Object.fromEntries(variables(source).map((name) => [name, count]));
        let out: string;
        try {
          out = catalog.t(lang, key, vars);
        } catch (err) {
          problems.push(`${key}.${lang}: threw ${(err as Error).message}`);
          continue;
        }
        if (/[{}]/.test(out)) problems.push(`${key}.${lang}: left over braces in "${out}"`);
        if (/\bplural\b|\bselect\b/.test(out)) problems.push(`${key}.${lang}: raw ICU in "${out}"`);
        // ICU treats ' as an escape: a message must keep every apostrophe people should see.
        if ((out.match(/'/g) ?? []).length !== (source.match(/'/g) ?? []).length) problems.push(`${key}.${lang}: apostrophes changed in "${out}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('says one and many in the right form, never "1 persoonlijke berichten"', () => {
    expect(catalog.t('nl', 'actions.preview.dms', { count: 1 })).toContain('gaat er 1 persoonlijk bericht uit');
    expect(catalog.t('nl', 'actions.preview.dms', { count: 3 })).toContain('gaan er 3 persoonlijke berichten uit');
    expect(catalog.t('en', 'actions.preview.dms', { count: 1 })).toContain('1 personal message would');
    expect(catalog.t('en', 'actions.preview.dms', { count: 2 })).toContain('2 personal messages would');
  });

  it('writes decimals the language way and keeps whole numbers as typed', () => {
    expect(catalog.t('nl', 'deliberate.report.average', { average: 4.5, n: 2 })).toContain('4,5');
    expect(catalog.t('en', 'deliberate.report.average', { average: 4.5, n: 2 })).toContain('4.5');
    expect(catalog.t('nl', 'actions.changed.later', { number: 1234, date: 'x' })).toContain('#1234');
  });

  it('keeps a placeholder the caller did not give visible instead of failing', () => {
    expect(catalog.t('nl', 'actions.changed.later', { number: 3 })).toContain('{date}');
    expect(catalog.t('nl', 'actions.preview.dms', {})).toContain('{count}');
    expect(catalog.t('nl', 'actions.preview.dms', {})).not.toContain('NaN');
    expect(catalog.t('nl', 'no.such.key')).toBe('no.such.key');
  });
});

