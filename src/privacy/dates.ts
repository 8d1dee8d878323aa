/**
 * Dates of birth. A full date is one when a birth word comes right before it ("geboren op",
 * "geb.", "DOB") or when its year lies ten or more years back; a date without a year ("3
 * december", "15-12") and recent or future dates (due dates) stay, and so do dates after words
 * that make them a document's date ("sinds 1 januari 2015", "brief van …") and dotted numbers
 * after "art." ("art. 10.1.12"). Dutch and English orders, two- and four-digit years ("12-03-'49",
 * "05-06-47"), month names and abbreviations in both languages ("12 maart 1946", "March 12, 1946").
 */
import { BIRTH_WORDS, DOCUMENT_DATE_WORDS, REFERENCE_WORDS } from './data/words.ts';
import { mayHaveDigits } from './gates.ts';
import type { Detector, Span } from './span.ts';

const MONTH_NAMES: Record<string, number> = {};
const addMonths = (names: string, month: number) => names.split(' ').forEach((n) => (MONTH_NAMES[n] = month));
[
  'januari jan january',
  'februari feb febr february',
  'maart mrt mar march',
  'april apr',
  'mei may',
  'juni jun june',
  'juli jul july',
  'augustus aug august',
  'september sep sept',
  'oktober okt oct october',
  'november nov',
  'december dec',
].forEach((names, i) => addMonths(names, i + 1));
const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const MONTH = `(?:${Object.keys(MONTH_NAMES).sort((a, b) => b.length - a.length).join('|')})`;

// Two-digit years with any apostrophe: '49, ’49, `49.
const APOSTROPHE = "['’‘\\u0060´]";
const YEAR = `(${APOSTROPHE}\\s?\\d{2}|\\d{4}|\\d{2})`;
const SEP = '\\s?([-./])\\s?';
const ORDINAL = '(?:e|ste|de|st|nd|rd|th)?';
// Each pattern names its parts: d (day), m (month number), mn (month name), y (year).
const PATTERNS: RegExp[] = [
  // 3/4, 03-04 (no year): a birthday only right after a birth word ("jarig op 3/4")
  new RegExp(`(?<![\\p{L}\\p{N}.,/-])(?<d>\\d{1,2})\\s?([-/])\\s?(?<m>\\d{1,2})(?![\\p{N}]|\\s?[-./]\\s?\\d)`, 'gu'),
  // 12-03-1949, 12/3/49, 12.03.'49, 3-12-1949 (either order), 12 03 1949
  new RegExp(`(?<![\\p{L}\\p{N}.,/-])(?<d>\\d{1,2})${SEP}(?<m>\\d{1,2})\\s?\\2\\s?(?<y>${YEAR})(?![\\p{N}]|[.,/-]\\d)`, 'giu'),
  new RegExp(`(?<![\\p{L}\\p{N}.,/-])(?<d>\\d{1,2}) (?<m>\\d{1,2}) (?<y>\\d{4})(?![\\p{N}])`, 'giu'),
  // 1949-03-12, 1949/3/12
  new RegExp(`(?<![\\p{L}\\p{N}.,/-])(?<y>\\d{4})${SEP}(?<m>\\d{1,2})\\s?\\2\\s?(?<d>\\d{1,2})(?![\\p{N}]|[.,/-]\\d)`, 'giu'),
  // 12 maart 1946, 12 mrt. '46, 12-mar-1946, 12th of March 1946, 3 december (no year)
  // also run together: "12mrt1951", "3april1951"
  new RegExp(`(?<![\\p{L}\\p{N}])(?<d>\\d{1,2})${ORDINAL}(?:\\s?[-./]\\s?|\\s+|)(?:(?:of|van)\\s+)?(?<mn>${MONTH})\\.?(?:(?:,?\\s+|\\s?[-./]\\s?|(?=\\d{4}))(?<y>${YEAR}))?(?![\\p{L}\\p{N}]|[:.,]\\d)`, 'giu'),
  // 3 IV 1951, 3-IV-1951: the month in Roman numerals (capitals only: "3 x 2024" is a sum)
  new RegExp(`(?<![\\p{L}\\p{N}])(?<d>\\d{1,2})\\s?[-./ ]\\s?(?<r>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\\s?[-./ ]\\s?(?<y>\\d{4})(?![\\p{L}\\p{N}])`, 'gu'),
  // March 12, 1946; maart 12 1946; Mar 12th '46; March 12 (no year)
  new RegExp(`(?<![\\p{L}\\p{N}])(?<mn>${MONTH})\\.?\\s+(?<d>\\d{1,2})${ORDINAL}(?:,?\\s+(?<y>${YEAR}))?(?![\\p{L}\\p{N}]|[:.,]\\d)`, 'giu'),
  // maart 1946 (a month and a year: a birth date only after a birth word)
  new RegExp(`(?<![\\p{L}\\p{N}])(?<mn>${MONTH})\\.?\\s+(?<y>\\d{4}|${APOSTROPHE}\\s?\\d{2})(?![\\p{L}\\p{N}])`, 'giu'),
  // digits run together right after a birth word: "geboortedatum 120447", "DOB 19470412"
  new RegExp(`(?<![\\p{L}\\p{N}])(?<c>\\d{6}|\\d{8})(?![\\p{L}\\p{N}])`, 'gu'),
  // a bare year right after a birth word: "geboren in 1946", "geboortejaar: 1946", "geboren '58"
  new RegExp(`(?<![\\p{L}\\p{N}])(?<y>(?:19|20)\\d{2}|${APOSTROPHE}\\d{2})(?![\\p{L}\\p{N}])`, 'gu'),
];

/** Is a run of six or eight digits a day, month and year (ddmmyy, ddmmyyyy or yyyymmdd)? */
function compactDate(digits: string): boolean {
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  if (digits.length === 6) return validDayMonth(n(0, 2), n(2, 4)) || validDayMonth(n(2, 4), n(0, 2));
  return validDayMonth(n(0, 2), n(2, 4)) || validDayMonth(n(6, 8), n(4, 6));
}

const words = (list: string[]) => list.map((w) => w.replace(/\./g, '\\.')).join('|');
// A birth word shortly before: "geboren op", "geb.", "(geb. ", "geboortedatum: ", "born on", "DOB".
const BIRTH_BEFORE = new RegExp(`(?:${words(BIRTH_WORDS)})\\.?\\s*(?:is|was|op|on|in|at|:|=|-)?\\s*(?:de\\s+|the\\s+|het\\s+jaar\\s+|the\\s+year\\s+)?[(:]?\\s*$`, 'i');
// "ze is van 1951", "meneer is van '38": a person who "is of" a year was born in it.
const BIRTH_PHRASE =
  /(?:date\s+of\s+birth|d\.o\.b\.?|geboren\s+(?:op|in|te\s+\S+\s+op)|(?<![\p{L}])(?:ze|zij|hij|mevrouw|meneer|mw\.?|dhr\.?|cli[eë]nte?|bewoner|moeder|vader)\s+is\s+van)\s*[:(]?\s*$/iu;
const DOCUMENT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${words(DOCUMENT_DATE_WORDS)})\\b[^\\n.;]{0,12}$`, 'iu');
// After a date, what happened to a law or organisation that day (verbs said of no person): "op 1 januari 2015
// ingegaan", "… is de AWBZ opgehouden te bestaan".
const DOCUMENT_AFTER =
  /^[^\n.;]{0,40}?(?<![\p{L}])(?:ingegaan|ingevoerd|in\s+werking|afgeschaft|opgeheven|opgehouden\s+te\s+bestaan|van\s+kracht|gefuseerd|opgericht|took\s+effect|came\s+into\s+force|entered\s+into\s+force|was\s+(?:abolished|founded))(?![\p{L}])/iu;
const REFERENCE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${words(REFERENCE_WORDS)})\\.?\\s*$`, 'iu');

/** Two-digit years: the most recent year that ends in those digits and is not in the future. */
function fullYear(raw: string, now: Date): number {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 4) return Number(digits);
  const current = now.getUTCFullYear();
  const year = Math.floor(current / 100) * 100 + Number(digits);
  return year > current ? year - 100 : year;
}

function validDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

export const birthdate: Detector = (text, now) => {
  const out: Span[] = [];
  // Every pattern holds a day or a year in digits.
  if (!mayHaveDigits(text)) return out;
  PATTERNS.forEach((pattern, index) => {
    const yearOnly = index === PATTERNS.length - 1;
    const monthYear = index === PATTERNS.length - 3;
    for (const m of text.matchAll(pattern)) {
      const g = m.groups!;
      const before = text.slice(Math.max(0, m.index! - 40), m.index!);
      const birthWord = BIRTH_BEFORE.test(before) || BIRTH_PHRASE.test(before);
      if (g.c !== undefined) {
        if (birthWord && compactDate(g.c)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'birthdate' });
        continue;
      }
      if (yearOnly || monthYear) {
        if (birthWord) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'birthdate' });
        continue;
      }
      const month = g.mn ? MONTH_NAMES[g.mn.toLowerCase()] : g.r ? ROMAN_MONTHS.indexOf(g.r) + 1 : Number(g.m);
      const day = Number(g.d);
      // Either order: 12-03 (Dutch) or 03/12 (American).
      if (!validDayMonth(day, month) && !validDayMonth(month, day)) continue;
      if (!g.y) {
        // "3 december" and "3/4" stay, except right after a birth word ("geboren op 3 december", "jarig op 3/4").
        if (birthWord) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'birthdate' });
        continue;
      }
      if (!g.mn && REFERENCE_BEFORE.test(before)) continue;
      const longAgo = fullYear(g.y, now) <= now.getUTCFullYear() - 10;
      const documentDate = DOCUMENT_BEFORE.test(before) || DOCUMENT_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 60));
      if (birthWord || (longAgo && !documentDate)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'birthdate' });
    }
  });
  return out;
};
