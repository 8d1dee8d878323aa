/**
 * Detectors for Dutch personal data. Each finds spans in a text; `redact` replaces them. They err
 * on the side of removing too much: a chat about client placement must not keep client data.
 */
export type PersonalDataKind = 'bsn' | 'phone' | 'email' | 'birthdate' | 'address' | 'name' | 'iban';

export interface Span {
  start: number;
  end: number;
  kind: PersonalDataKind;
}

type Detector = (text: string, now: Date) => Span[];

const spans = (text: string, pattern: RegExp, kind: PersonalDataKind, accept: (m: RegExpMatchArray) => boolean = () => true, group = 0): Span[] =>
  [...text.matchAll(pattern)].filter(accept).map((m) => {
    const start = m.index! + (group ? m[0].indexOf(m[group]) : 0);
    return { start, end: start + m[group].length, kind };
  });

/** The elfproef: 9 digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

const email: Detector = (t) => spans(t, /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, 'email');

const iban: Detector = (t) => spans(t, /\bNL\s?\d{2}\s?[A-Z]{4}\s?(?:\d\s?){9}\d\b/gi, 'iban');

// Dutch numbers: 06-12345678, 06 1234 5678, +31 6 12345678, 0031 20 123 4567, 020-1234567.
const phone: Detector = (t) => spans(t, /(?<![\d+])(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){8}(?!\d)/g, 'phone');

// Nine digits as people write them: 111222333, 111 222 333, 111.222.333, 1112.22.333, 111-22-33-33.
const BSN_GROUPINGS = [/\d{9}/, /\d{3}[.\s-]\d{3}[.\s-]\d{3}/, /\d{4}[.\s-]\d{2}[.\s-]\d{3}/, /\d{3}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{2}/];
const BSN_PATTERN = new RegExp(`(?<![\\d.])(?:${BSN_GROUPINGS.map((g) => g.source).join('|')})(?![\\d])`, 'g');
const bsn: Detector = (t) => spans(t, BSN_PATTERN, 'bsn', (m) => isValidBsn(m[0].replace(/\D/g, '')));

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|may|june|july|august|october';
const DATE = `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](\\d{4})|(\\d{4})-\\d{1,2}-\\d{1,2}|\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+(\\d{4}))`;
const BIRTH_WORDS = /(geboren|geb\.|geboortedatum|geboortejaar|born|date of birth|dob|d\.o\.b\.)\s*(?:op|on|:)?\s*$/i;

/** A full date is a birth date when a birth word precedes it, or when it lies ten or more years back. */
const birthdate: Detector = (t, now) =>
  spans(t, new RegExp(`(?<!\\d)${DATE}(?!\\d)`, 'gi'), 'birthdate', (m) => {
    const year = Number(m[1] ?? m[2] ?? m[3]);
    const before = t.slice(Math.max(0, m.index! - 30), m.index!);
    return BIRTH_WORDS.test(before) || year <= now.getFullYear() - 10;
  });

const STREET = '(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|pad|steeg|park|ring|markt|allee|baan|wal|veld|erf|plantsoen|boulevard)';
const address: Detector = (t) => [
  // Street name with house number: "Dorpsstraat 12", "Van Goghlaan 3a", "Kerkweg 14-2".
  ...spans(t, new RegExp(`\\b[\\p{Lu}][\\p{L}'-]*${STREET}\\s+\\d{1,5}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:-\\d{1,4})?`, 'gu'), 'address'),
  // Postcode, with or without a house number: "1234 AB", "1234AB 12".
  ...spans(t, /\b[1-9]\d{3}\s?(?!SS|SA|SD)[A-Z]{2}\b(?:\s+\d{1,5}[a-z]?)?/g, 'address'),
];

const TITLE_WORDS = ['mevrouw', 'mevr.', 'mw.', 'meneer', 'mijnheer', 'dhr.', 'de heer', 'cliënt', 'cliënte', 'client', 'cliente', 'bewoner', 'bewoonster', 'patiënt', 'patiënte', 'patient', 'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'mw', 'dhr', 'mevr'];
// Titles match in any case ("Mevrouw", "mevrouw"); the name after them must be capitalised.
const TITLES = `(?:${TITLE_WORDS.map((w) => w.replace('.', '\\.').replace(/^\p{L}/u, (c) => `[${c.toUpperCase()}${c}]`)).join('|')})`;
const PARTICLE = "(?:van|de|der|den|ter|ten|te|het|'t|op|in|la|le|du|da|di)";
const NAME_WORD = "(?:[\\p{Lu}][\\p{L}'-]+|[\\p{Lu}]\\.)";
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,3}|(?:${PARTICLE}\\s+)+${NAME_WORD}`;

/** A capitalised name after a title or "cliënt": "mevrouw De Vries", "cliënt Jan de Boer", "dhr. K.". */
const name: Detector = (t) => spans(t, new RegExp(`(?<![\\p{L}])(?:${TITLES}\\s+)+(${NAME})`, 'gu'), 'name', () => true, 1);

export const DETECTORS: Detector[] = [email, iban, phone, bsn, birthdate, address, name];
