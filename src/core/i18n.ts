/**
 * Message catalogues: every user-facing sentence lives in `prompts/messages/*.yaml`, one key with
 * its Dutch and English text side by side, so translators see both. Dutch is the default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { parseYaml } from './yaml.ts';
import { z } from 'zod';
import { cachedData, type DataFile } from './data-cache.ts';

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
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
    // Files checked before by this code are not parsed and checked again at every start (data-cache.ts).
    for (const [key, entry] of cachedData('messages', dir, files, [import.meta.url], () => checkedEntries(files))) catalog.entries.set(key, entry);
    return catalog;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The message as written in the catalogue (for checks and tools). */
  raw(lang: Lang, key: string): string | undefined {
    return this.entries.get(key)?.[lang];
  }

  /**
   * Renders a message with ICU MessageFormat (intl-messageformat): `{name}` placeholders, plurals
   * (`{count, plural, one {# bericht} other {# berichten}}`), selects and `{n, number}`. A
   * decimal number is written the language's way ("4,5" in Dutch). A missing key shows as the key
   * itself and a missing variable as its `{name}`, so a gap is visible but never crashes a turn.
   */
  t(lang: Lang, key: string, vars: Vars = {}): string {
    const entry = this.entries.get(key);
    if (!entry) return key;
    const values = localNumbers(lang, vars);
    try {
      const missing = missingComplex(entry[lang], values);
      // A plural or select without its number shows as "{count}", not as "NaN berichten".
      if (missing.length) return String(compile(flatten(entry[lang], missing), lang).format(withMissing(flatten(entry[lang], missing), values)));
      return String(this.compiled(lang, key, entry[lang]).format(withMissing(entry[lang], values)));
    } catch {
      return entry[lang].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
    }
  }

  private readonly formats = new Map<string, IntlMessageFormat>();

  private compiled(lang: Lang, key: string, source: string): IntlMessageFormat {
    const id = `${lang}\u0000${key}`;
    let format = this.formats.get(id);
    if (!format) {
      format = compile(source, lang);
      this.formats.set(id, format);
    }
    return format;
  }

  translator(lang: Lang): Translate {
    return (key, vars) => this.t(lang, key, vars);
  }
}

/** Every entry of the catalogue files, each message compiled once to check it. */
function checkedEntries(files: DataFile[]): [string, Record<Lang, string>][] {
  const entries = new Map<string, Record<Lang, string>>();
  for (const { file, text } of files) {
    const parsed = FileSchema.safeParse(parseYaml(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Message catalogue ${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    for (const [key, entry] of Object.entries(parsed.data)) {
      if (entries.has(key)) throw new Error(`Message catalogue ${file}: duplicate key ${key}`);
      for (const lang of LANGUAGES) {
        try {
          compile(entry[lang], lang);
        } catch (err) {
          throw new Error(`Message catalogue ${file}: ${key}.${lang}: ${(err as Error).message}`);
        }
      }
      entries.set(key, entry);
    }
  }
  return [...entries];
}

export const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

function compile(source: string, lang: Lang): IntlMessageFormat {
  // ignoreTag: "<nr>" and "<tekst>" in usage lines are text, not markup.
  return new IntlMessageFormat(source, LOCALES[lang], undefined, { ignoreTag: true });
}

/** A number in the language's own notation: "4,5" in Dutch, "4.5" in English. */
export function formatNumber(value: number, lang: Lang, options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }): string {
  return new Intl.NumberFormat(LOCALES[lang], options).format(value);
}

/** Decimals become text in the language's notation; whole numbers stay numbers for plurals (and "#12" stays "#12"). */
function localNumbers(lang: Lang, vars: Vars): Vars {
  const out: Vars = {};
  for (const [name, value] of Object.entries(vars)) out[name] = typeof value === 'number' && !Number.isInteger(value) ? formatNumber(value, lang) : value;
  return out;
}

/** Plural/select/number arguments the caller did not give. */
function missingComplex(source: string, vars: Vars): string[] {
  return [...source.matchAll(/\{\s*(\w+)\s*,/g)].map((m) => m[1]).filter((name) => !(name in vars));
}

/** The message with each `{name, plural, …}` of `names` reduced to `{name}` (brace-matched). */
function flatten(source: string, names: string[]): string {
  let out = source;
  for (const name of new Set(names)) {
    for (let start = out.search(new RegExp(`\\{\\s*${name}\\s*,`)); start >= 0; start = out.search(new RegExp(`\\{\\s*${name}\\s*,`))) {
      let depth = 0;
      let end = start;
      for (; end < out.length; end++) {
        if (out[end] === '{') depth++;
        else if (out[end] === '}' && --depth === 0) break;
      }
      out = `${out.slice(0, start)}{${name}}${out.slice(end + 1)}`;
    }
  }
  return out;
}

/** Variables the message uses but the caller did not give render as "{name}", as before. */
function withMissing(source: string, vars: Vars): Vars {
  const out: Vars = { ...vars };
  for (const m of source.matchAll(/\{\s*(\w+)\s*[,}]/g)) if (!(m[1] in out)) out[m[1]] = `{${m[1]}}`;
  return out;
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/** Picks the language from a few words of text: English when clearly English, else Dutch. */
export function guessLanguage(text: string): Lang | undefined {
  const words = text.toLowerCase().match(/[a-z\u00e0-\u00ff']+/g) ?? [];
  if (words.length < 2) return undefined;
  let en = 0;
  let nl = 0;
  for (const w of words) {
    if (EN_WORDS.has(w)) en++;
    if (NL_WORDS.has(w)) nl++;
  }
  // Dutch terms (Wlz, zorgkantoor) are common in English questions too: function words decide.
  if (en > nl && (en >= 2 || words.length <= 6)) return 'en';
  if (nl > en) return 'nl';
  return undefined;
}

// Function words of one language only ("in", "is" and "over" are both and count for neither).
const EN_WORDS = new Set(
  ('the what who whom whose does do did can could may might should would will shall how when where which why of for with my our your their ' +
    'an to and it this that these those there here has have had been being was were am not no yes from by about into than then if ' +
    'or but also only just any some all each every such same other another more most much many very ' +
    'get gets got give make makes made take takes know need needs want wants count counts ran run runs pay pays paid ' +
    'i you he she we they him her them his its us me ' +
    "after before during while between under again still already yet whether does' what's who's isn't doesn't can't don't").split(/\s+/),
);
const NL_WORDS = new Set(
  ('de het een wat wie zijn doet doen kan mag moet hoe wanneer waar welke welk waarom van voor met mijn onze naar en dit dat deze die bij als er ' +
    'niet geen wel ook nog al maar of dan want omdat dus toch nu hier daar wordt worden werd heeft hebben had waren ben bent ' +
    'ik jij je hij zij ze wij we hun hen haar hem ons uw jullie zich ' +
    'aan uit tot om op naar zonder tussen tegen onder door sinds na binnen ' +
    'krijgt krijgen betaalt betalen regelt regelen zit zitten gaat gaan komt komen moeten kunnen mogen willen zal zullen zou zouden ' +
    'eigenlijk precies even graag hoeveel welke iemand niemand iets niets alles veel weinig meer minder').split(/\s+/),
);
