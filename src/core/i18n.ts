/**
 * Message catalogues: every user-facing sentence lives in `prompts/messages/*.yaml`, one key with
 * its Dutch and English text side by side, so translators see both. Dutch is the default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

const EntrySchema = z.object({ nl: z.string(), en: z.string() });
const FileSchema = z.record(z.string(), EntrySchema);

export class Catalog {
  private readonly entries = new Map<string, Record<Lang, string>>();

  /** Loads every `*.yaml` in the folder; a bad file or a duplicate key fails with its name. */
  static fromDirectory(dir: string): Catalog {
    const catalog = new Catalog();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const parsed = FileSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`Message catalogue ${file}: ${issue.path.join('.')}: ${issue.message}`);
      }
      for (const [key, entry] of Object.entries(parsed.data)) {
        if (catalog.entries.has(key)) throw new Error(`Message catalogue ${file}: duplicate key ${key}`);
        catalog.entries.set(key, entry);
      }
    }
    return catalog;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** A missing key shows as the key itself, so a gap is visible but never crashes a turn. */
  t(lang: Lang, key: string, vars: Vars = {}): string {
    const entry = this.entries.get(key);
    if (!entry) return key;
    return entry[lang].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  }

  translator(lang: Lang): Translate {
    return (key, vars) => this.t(lang, key, vars);
  }
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/** Picks the language from a few words of text: English when clearly English, else Dutch. */
export function guessLanguage(text: string): Lang | undefined {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 3) return undefined;
  let en = 0;
  let nl = 0;
  for (const w of words) {
    if (EN_WORDS.has(w)) en++;
    if (NL_WORDS.has(w)) nl++;
  }
  if (en > nl && en >= 2) return 'en';
  if (nl > en) return 'nl';
  return undefined;
}

const EN_WORDS = new Set('the what who is are does do can may should how when where which of for with my our an to and in it this that'.split(' '));
const NL_WORDS = new Set('de het een wat wie is zijn doet doen kan mag moet hoe wanneer waar welke van voor met mijn onze naar en in dit dat bij als er'.split(' '));
