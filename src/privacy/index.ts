/**
 * Privacy: find and remove personal data before anything is stored, logged, echoed or sent to an
 * LLM. The bot core redacts every free text of an incoming message once, at its edge
 * (`redactIncoming`, called by `Bot.handle`); features see only the redacted text and tell the
 * user what was removed (see `privacyNotice` and `Turn.redacted`).
 */
import type { Translate } from '../core/i18n.ts';
import { escapeRegExp } from '../core/text.ts';
import { DETECTORS, handles, type PersonalDataKind, type Span } from './detectors.ts';
import { normalise, originalRange } from './normalise.ts';
import { sentenceNames } from './name-sentence.ts';
import { itemNames, rowNames } from './rows.ts';
import { namePartsOf, repeatedNames } from './name-companions.ts';

export { isValidBsn, isValidIban, type PersonalDataKind } from './detectors.ts';
export { redactIncoming, type RedactedIncoming } from './incoming.ts';

export interface Redaction {
  text: string;
  /**
   * Kinds of personal data removed, each once, in a stable order. A text that already holds
   * placeholders (it was redacted at the edge) reports their kinds again, so redacting twice
   * changes nothing and still tells the user.
   */
  found: PersonalDataKind[];
}

export interface RedactOptions {
  /**
   * Names that are not client data and stay: the sender's own display name and the people
   * @-mentioned (colleagues on the platform). Only name finds are kept, never numbers.
   */
  keepNames?: readonly string[];
  /**
   * The language of the placeholders written: Dutch (the default) or English. The edge picks it
   * from the message's own words, so an English text reads "Mr. [name], born [date of birth]".
   * Both languages' placeholders are recognised everywhere (redacting twice, retrieval).
   */
  lang?: 'nl' | 'en';
}

export const PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  bsn: '[BSN]',
  phone: '[telefoon]',
  email: '[e-mail]',
  birthdate: '[geboortedatum]',
  address: '[adres]',
  name: '[naam]',
  iban: '[rekeningnummer]',
  record: '[dossiernummer]',
  plate: '[kenteken]',
  handle: '[account]',
};

/** The same placeholders for a text written in English. */
export const PLACEHOLDERS_EN: Readonly<Record<PersonalDataKind, string>> = {
  bsn: '[BSN]',
  phone: '[phone]',
  email: '[e-mail]',
  birthdate: '[date of birth]',
  address: '[address]',
  name: '[name]',
  iban: '[account number]',
  record: '[record number]',
  plate: '[licence plate]',
  handle: '[account]',
};

export const ORDER: PersonalDataKind[] = ['name', 'bsn', 'birthdate', 'address', 'phone', 'email', 'iban', 'record', 'plate', 'handle'];
/** Every placeholder of either language, longest first (so no shorter one matches inside a longer one). */
const ALL_PLACEHOLDERS = [...new Set([...Object.values(PLACEHOLDERS), ...Object.values(PLACEHOLDERS_EN)])].sort((a, b) => b.length - a.length);

/**
 * Every placeholder `redact` writes, as a global pattern ("[naam]", "[BSN]", …). For consumers
 * that must not treat a placeholder as content (retrieval, question ids): `text.replace(PLACEHOLDER_PATTERN, ' ')`.
 */
export const PLACEHOLDER_PATTERN = new RegExp(ALL_PLACEHOLDERS.map(escapeRegExp).join('|'), 'g');

const PLACEHOLDER_GROUP = `(?:${ALL_PLACEHOLDERS.map(escapeRegExp).join('|')})`;
/**
 * Words right before a placeholder that only point at what was removed: titles, role and kinship
 * words ("mijn cliënt mevrouw [naam]", "haar zoon [naam]") and labels ("BSN [BSN]", "tel: [telefoon]").
 */
const POINTER_BEFORE_PLACEHOLDER = new RegExp(
  `(?<![\\p{L}])(?:(?:mijn|onze|haar|zijn|hun|de|een|deze|die|my|our|her|his|their|the|a|this)\\s+)?(?:cli[eë]nte?|bewoner|bewoonster|pati[eë]nte?|mevrouw|mevr\\.?|mw\\.?|meneer|mijnheer|dhr\\.?|de heer|familie|fam\\.?|zoon|dochter|vader|moeder|broer|zus|partner|man|vrouw|client|resident|patient|mr\\.?|mrs\\.?|ms\\.?|bsn|burgerservicenummer|tel\\.?|telefoon(?:nummer)?|mobiel|e-?mail|mail|adres|postcode|geboren(?:\\s+op)?|geb\\.?|geboortedatum|iban|rekeningnummer|born(?:\\s+on)?|date of birth|dob|phone|address|account(?:\\s+number)?|dossier(?:nummer|nr\\.?)?|cli[eë]ntnummer|kenteken|licen[cs]e plate|insta(?:gram)?|tiktok|twitter|facebook|record number|case number)\\s*:?\\s*(${PLACEHOLDER_GROUP})`,
  'giu',
);

/**
 * The text without placeholders and without the words that only point at what was removed, for
 * matching meaning (retrieval, question ids): "Mijn cliënt mevrouw [naam] (BSN [BSN]) wacht op een
 * plek" becomes "wacht op een plek". Role words that carry meaning stay ("als de cliënt wacht").
 */
export function withoutPlaceholders(text: string): string {
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(POINTER_BEFORE_PLACEHOLDER, '$1');
  }
  return out
    .replace(PLACEHOLDER_PATTERN, ' ')
    .replace(/[([{]\s*[,;]?\s*[)\]}]/g, ' ')
    .replace(/\s+([,.;:?!])/g, '$1')
    .replace(/^[\s,.;:]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The kinds whose placeholders a text holds. */
export function placeholderKinds(text: string): PersonalDataKind[] {
  if (!text.includes('[')) return [];
  const present = new Set(ORDER.filter((k) => text.includes(PLACEHOLDERS[k]) || text.includes(PLACEHOLDERS_EN[k])));
  return ORDER.filter((k) => present.has(k));
}

/** Where the kept names occur (case and accents as written), in normalised-text positions. */
function keptRanges(text: string, names: readonly string[]): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const raw of names) {
    const pattern = namePattern(raw);
    if (!pattern) continue;
    for (const m of text.matchAll(pattern)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return ranges;
}

// The same few names (the sender, mentioned colleagues) come back every turn: each is normalised
// and compiled once (null: too short to keep).
const NAME_PATTERNS = new Map<string, RegExp | null>();
function namePattern(raw: string): RegExp | null {
  let pattern = NAME_PATTERNS.get(raw);
  if (pattern === undefined) {
    const name = normalise(raw).text.trim();
    pattern = name.length < 2 ? null : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
    if (NAME_PATTERNS.size >= 1000) NAME_PATTERNS.clear();
    NAME_PATTERNS.set(raw, pattern);
  }
  return pattern;
}

/** The parts of a name find outside the kept names ("Jan de Vries" minus the sender "Jan" is "de Vries"). */
function outside(text: string, span: Span, kept: { start: number; end: number }[]): Span[] {
  let pieces = [{ start: span.start, end: span.end }];
  for (const k of kept) {
    pieces = pieces.flatMap((p) => (k.end <= p.start || k.start >= p.end ? [p] : [{ start: p.start, end: k.start }, { start: k.end, end: p.end }]));
  }
  return pieces
    .map((p) => {
      const piece = text.slice(p.start, p.end);
      const lead = piece.length - piece.trimStart().length;
      return { start: p.start + lead, end: p.start + piece.trimEnd().length, kind: span.kind };
    })
    .filter((p) => /\p{L}{2}/u.test(text.slice(p.start, p.end)));
}

/** Replaces personal data with placeholders such as "[BSN]"; overlapping finds merge. */
export function redact(text: string, now: Date = new Date(), options: RedactOptions = {}): Redaction {
  return redactIn(text, now, options, () => options.lang);
}

/**
 * `redact` with the placeholders' language worked out only when something is replaced: the edge
 * reads it from the whole message (redactIncoming), which most messages, holding no personal
 * data, do not need.
 */
export function redactIn(text: string, now: Date, options: Omit<RedactOptions, 'lang'>, lang: () => RedactOptions['lang']): Redaction {
  // A message typed in capitals ("MIJN CLIENT JANSEN WIL BEZWAAR MAKEN") has no capital that marks
  // a name: every word would look like one. It is read in lower case, where the names are told by
  // their lists and their context, as in any text typed without capitals (same length: the spans
  // found in it are the original's).
  const n = normalise(shouted(text) ? quieter(text) : text);
  // Where the kept names occur matters only once a name is found.
  let keptAt: { start: number; end: number }[] | undefined;
  const kept = () => (keptAt ??= options.keepNames?.length ? keptRanges(n.text, options.keepNames) : []);
  const keptHandles = new Set((options.keepNames ?? []).map((k) => k.trim().toLowerCase()));
  const detected = [...DETECTORS.flatMap((detect) => detect(n.text, now)), ...handles(n.text, keptHandles)];
  const found = [...detected, ...rowNames(n.text, detected), ...itemNames(n.text, detected), ...sentenceNames(n.text, detected)];
  const repeated = found.length > 0 ? repeatedNames(n.text, found) : [];
  const all = found.length > 0 ? [...found, ...repeated, ...namePartsOf(n.text, repeated)] : found;
  // Most texts hold nothing: they stay as they are, with the kinds of the placeholders they already hold.
  if (all.length === 0) return { text, found: placeholderKinds(text) };
  const finds = all
    .flatMap((s) => (s.kind === 'name' && kept().length ? outside(n.text, s, kept()) : [s]))
    .filter((s) => s.end > s.start)
    .map((s) => ({ ...originalRange(n, s.start, s.end), kind: s.kind }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of finds) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const written = merged.length > 0 && lang() === 'en' ? PLACEHOLDERS_EN : PLACEHOLDERS;
  let result = '';
  let at = 0;
  for (const span of merged) {
    result += text.slice(at, span.start) + written[span.kind];
    at = span.end;
  }
  result += text.slice(at);
  const kinds = new Set([...merged.map((s) => s.kind), ...placeholderKinds(text)]);
  return { text: result, found: ORDER.filter((k) => kinds.has(k)) };
}

/** Letters in capitals from which a message counts as typed in capitals, and their least share. */
const SHOUTED_LETTERS = 12;
const SHOUTED_SHARE = 0.7;
function shouted(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  if (upper < SHOUTED_LETTERS) return false;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= SHOUTED_SHARE * (upper + lower);
}
/** The text in lower case, character for character (a character whose lower case is longer stays). */
function lower(text: string): string {
  let out = '';
  for (const char of text) {
    const low = char.toLowerCase();
    out += low.length === char.length ? low : char;
  }
  return out;
}
// Words after which a name may follow ("MIJN CLIENT JANSEN", "MEVROUW DE VRIES", "MOEDER ANNA").
const PERSON_CUE = /^(client|cliente|cliënt|cliënte|clt|bewoner|bewoonster|patient|patiënt|deelnemer|resident|mevrouw|mevr|mw|meneer|dhr|mnr|mr|mrs|ms|moeder|vader|zoon|dochter|broer|zus|oma|opa|man|vrouw|partner|buurman|buurvrouw|tante|oom|neef|nicht|mother|father|son|daughter|brother|sister|husband|wife|heet|genaamd|named|called)$/u;
// Words that end a name: they go on with the sentence ("JANSEN WIL …", "ANNA IN HET …").
const GOES_ON = /^(wil|wilt|willen|is|was|zijn|heeft|hebben|had|moet|moeten|mag|kan|kunnen|gaat|gaan|krijgt|woont|zit|ligt|in|op|bij|met|naar|voor|uit|en|of|maar|die|dat|het|een|wants|has|is|was|lives|needs|in|at|with|and|or|but|the|a|nodig|needs)$/u;
// Particles inside a name ("DE VRIES", "EL AMRANI", "VAN DER MEER").
const PARTICLE = /^(van|de|der|den|ter|ten|el|al|bin|ben|la|le|du|da|di|'t)$/u;
/**
 * A message typed in capitals, in lower case except the words right after a word for a person
 * ("MIJN CLIENT JANSEN WIL …" → "mijn client Jansen wil …"): there a capital still marks a name,
 * and elsewhere no word looks like one. Same length, so the spans found are the original's.
 */
function quieter(text: string): string {
  const low = lower(text);
  let out = '';
  let at = 0;
  let keep = 0;
  for (const m of low.matchAll(/[\p{L}'’]+/gu)) {
    const word = m[0];
    out += low.slice(at, m.index);
    at = m.index! + word.length;
    if (keep > 0 && !GOES_ON.test(word) && !PERSON_CUE.test(word)) {
      out += PARTICLE.test(word) ? word : word[0].toUpperCase().length === 1 ? word[0].toUpperCase() + word.slice(1) : word;
      if (!PARTICLE.test(word)) keep--;
      continue;
    }
    keep = PERSON_CUE.test(word) ? 3 : 0;
    out += word;
  }
  return out + low.slice(at);
}

/** The sentence that tells the user what was removed, or undefined when nothing was. */
export function privacyNotice(redaction: Pick<Redaction, 'found'>, t: Translate): string | undefined {
  if (redaction.found.length === 0) return undefined;
  const kinds = redaction.found.map((k) => t(`privacy.kind.${k}`)).join(', ');
  return t('privacy.removed', { kinds });
}
