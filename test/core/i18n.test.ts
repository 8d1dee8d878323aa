import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, DEFAULT_PROMPTS_DIR, guessLanguage } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';

describe('message catalogues', () => {
  const catalog = Catalog.fromDirectory(join(DEFAULT_PROMPTS_DIR, 'messages'));

  it('load, with Dutch and English for every key', () => {
    expect(catalog.keys().length).toBeGreaterThan(10);
    for (const key of catalog.keys()) {
      expect(catalog.t('nl', key), key).not.toBe('');
      expect(catalog.t('en', key), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of catalog.keys()) {
      const names = (lang: 'nl' | 'en') => [...catalog.t(lang, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names('en'), key).toEqual(names('nl'));
    }
  });

  it('fill placeholders and show unknown keys as themselves', () => {
    expect(catalog.t('nl', 'core.too_long', { length: 50000, max: 4000 })).toContain('50000');
    expect(catalog.t('en', 'core.too_long', { length: 50000, max: 4000 })).toContain('too long');
    expect(catalog.t('nl', 'no.such.key')).toBe('no.such.key');
  });

  it('reject a file with a missing language, naming the file and key', () => {
    const temp = tempDir();
    mkdirSync(join(temp.dir, 'm'));
    writeFileSync(join(temp.dir, 'm', 'bad.yaml'), 'x.hello:\n  nl: "Hallo"\n');
    expect(() => Catalog.fromDirectory(join(temp.dir, 'm'))).toThrow(/bad\.yaml: x\.hello\.en/);
    temp.cleanup();
  });

  it('reject duplicate keys across files', () => {
    const temp = tempDir();
    writeFileSync(join(temp.dir, 'a.yaml'), 'k:\n  nl: "a"\n  en: "a"\n');
    writeFileSync(join(temp.dir, 'b.yaml'), 'k:\n  nl: "b"\n  en: "b"\n');
    expect(() => Catalog.fromDirectory(temp.dir)).toThrow(/duplicate key k/);
    temp.cleanup();
  });
});

describe('guessLanguage', () => {
  it('recognises English and Dutch questions', () => {
    expect(guessLanguage('What does the CCE do for my client?')).toBe('en');
    expect(guessLanguage('Wat doet het CCE voor mijn cliënt?')).toBe('nl');
    expect(guessLanguage('CCE')).toBeUndefined();
  });
});
