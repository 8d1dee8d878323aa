/**
 * Numbers that identify a person: BSN (with the elfproef), Dutch and international phone numbers,
 * IBAN (with its mod-97 check). People group digits in many ways ("111 222 333", "11.122.2333",
 * "(020) 738 2916", "06 - 47382915", "+31 (0)6-1234 5678"), so a number is read as a run of
 * digit groups with separators, and every prefix of the run is checked against the rules.
 */
import { mayHaveDigits, mayMatch } from './gates.ts';
import { ALNUM, type Detector, type Span } from './span.ts';

/** The elfproef: 9 digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

interface Group {
  /** Start of the group's first digit and end of its last, in the text. */
  start: number;
  end: number;
  digits: string;
  /** The separator before it ('' for the first group). */
  before: string;
}

// Separators between digit groups: one of - – — . / or spaces, optionally with spaces around
// ("06 - 47382915"), and brackets around an area code ("(020) 738 2916").
const GROUP = /(\s{0,2}[-–—./]?\s{0,2}\)?\s{0,2})(\d+)/y;
const GROUP_LINES = /([ \t]{0,2}[-–—./]?[ \t]{0,2}\)?[ \t]{0,2}\r?\n?[ \t]{0,2}[-–—./]?[ \t]{0,2})(\d+)/y;

/**
 * The digit groups of a run that starts at `start` (a digit), at most `max` groups. `lines`: one
 * line break may sit between two groups (a number typed over two lines to slip past a filter).
 */
function digitGroups(text: string, start: number, max = 8, lines = false): Group[] {
  const groups: Group[] = [];
  let at = start;
  while (groups.length < max) {
    const pattern = lines ? GROUP_LINES : GROUP;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m || (groups.length === 0 && m[1] !== '') || (groups.length > 0 && m[1] === '')) break;
    // A line break ends the number (unless `lines`); so does a closing bracket that was not opened before the first group.
    if (/\n/.test(m[1]) && (!lines || /\n[^\n]*\n/.test(m[1]))) break;
    const digitsStart = m.index + m[1].length;
    groups.push({ start: digitsStart, end: digitsStart + m[2].length, digits: m[2], before: m[1] });
    at = digitsStart + m[2].length;
  }
  return groups;
}

// Read by character code: it is asked at every position of the text.
const isDigitAt = (text: string, i: number) => text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
const startsRun = (text: string, i: number) => isDigitAt(text, i) && (i === 0 || !isDigitAt(text, i - 1));
// A prefix word glued to a number still lets it count: "BSN111222333", "tel:0612345678".
const GLUED_PREFIX = /(?:bsn|nr|nummer|tel|telefoon|mob|mobiel|gsm|phone)[:.#]?$/i;
const freeBefore = (text: string, i: number) => i === 0 || !ALNUM.test(text[i - 1]) || GLUED_PREFIX.test(text.slice(Math.max(0, i - 9), i));
const freeAfter = (text: string, i: number) => i >= text.length || !ALNUM.test(text[i]);

/** Is this 8-digit grouping a date ("12-03-1949", "1949-03-12")? Then it is not read as a BSN. */
function looksLikeDate(groups: Group[]): boolean {
  const sizes = groups.map((g) => g.digits.length).join('-');
  const n = groups.map((g) => Number(g.digits));
  if (sizes === '2-2-4' || sizes === '1-2-4' || sizes === '2-1-4' || sizes === '1-1-4') return n[0] >= 1 && n[0] <= 31 && n[1] >= 1 && n[1] <= 31;
  if (sizes === '4-2-2' || sizes === '4-1-2' || sizes === '4-2-1' || sizes === '4-1-1') return n[1] >= 1 && n[1] <= 12 && n[2] >= 1 && n[2] <= 31;
  if (sizes === '2-2-2' || sizes === '1-1-2' || sizes === '1-2-2' || sizes === '2-1-2') return true;
  return false;
}

/**
 * A BSN: 9 digits, or 8 with the leading zero dropped, in at most four groups of two to four
 * digits (or ungrouped), passing the elfproef.
 */
// A label right before the number says it is a BSN: then a typo in it (failing the elfproef) or
// an odd grouping ("7554-49071") does not let it through.
const BSN_LABEL = /(?:\bbsn|b\.s\.n\.?|burgerservice\s?n(?:umme)?r\.?|sofi-?\s?n(?:umme)?r\.?|citizen\s+service\s+number|social\s+security\s+number|ssn)(?:\s*\((?:bsn|b\.s\.n\.?)\))?\s*(?:(?:nr|no|nummer|number|is|was|(?:van|of)\s+(?:mw|mevr|mevrouw|dhr|meneer|mr|mrs|ms)\.?\s+\S+(?:\s+is)?|van\s+\S+(?:\s+is)?|of\s+\S+(?:\s+is)?|(?:(?:van|of)\s+)?(?:(?:de|het|mijn|haar|zijn|the|my|her|his)\s+)?(?:moeder|vader|zoon|dochter|partner|man|vrouw|cli[eë]nte?|client|bewoner|pati[eë]nte?|patient|kind|mother|father|son|daughter|husband|wife|child|resident))\.?\s*){0,2}[:=#(\-]?\s*$/iu;

export const bsn: Detector = (text) => {
  const out: Span[] = [];
  // A BSN has eight or nine digits.
  if (!mayHaveDigits(text, 8)) return out;
  for (let i = 0; i < text.length; i++) {
    if (!startsRun(text, i) || !freeBefore(text, i)) continue;
    const labelled = BSN_LABEL.test(text.slice(Math.max(0, i - 40), i));
    // Up to nine groups: "1 2 3 4 5 6 7 8 2" is a BSN typed digit by digit; one line break may
    // split it when the groups are long enough not to be a list ("111 222\n333").
    const groups = digitGroups(text, i, 9, true);
    let digits = '';
    let best: Span | undefined;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      if (g > 0 && (/[()]/.test(group.before) || (!labelled && (group.digits.length > 4 || groups[0].digits.length > 4)))) break;
      if (/\n/.test(group.before) && !labelled && (g > 3 || groups.slice(0, g + 1).some((x) => x.digits.length < 3))) break;
      digits += group.digits;
      if (digits.length > 9) break;
      const used = groups.slice(0, g + 1);
      if ((digits.length === 9 || digits.length === 8) && freeAfter(text, group.end) && !(g + 1 < groups.length && groups[g + 1].before === '')) {
        const padded = digits.padStart(9, '0');
        const grouped = g > 0;
        // Eight digits are a BSN whose leading zero was dropped: they never start with a zero themselves ("0900-8020").
        const shape = !(digits.length === 8 && digits[0] === '0');
        if (shape && (isValidBsn(padded) || (labelled && digits.length === 9)) && !(grouped && digits.length === 8 && looksLikeDate(used))) best = { start: i, end: group.end, kind: 'bsn' };
      }
    }
    if (best) {
      out.push(best);
      i = best.end - 1;
    }
  }
  return out;
};

// Part of a BSN, said as such: "zijn BSN eindigt op 123", "laatste vier cijfers van het bsn: 4782",
// "her BSN ends in 782". Two to five digits after the label and its words for an ending; a part of a
// number still narrows down who it is.
const PARTIAL_BSN =
  /(?:\bbsn|burgerservicenummer|citizen\s+service\s+number)(?:\s+\p{L}+){0,3}?\s+(?:eindigt|eindigend|eindigde|begint|beginnend|ends|ending|starts|starting)\s+(?:op|met|in|on|with)\s*:?\s*(\d{2,5})(?![\p{N}])|(?:laatste|eerste|last|first)\s+(?:\d|twee|drie|vier|vijf|two|three|four|five)\s+(?:cijfers|digits)\s+(?:van\s+(?:het|zijn|haar|het\s+)?\s*|of\s+(?:the|his|her)\s+)?(?:bsn|burgerservicenummer|citizen\s+service\s+number)\s*(?:zijn|is|are|:)?\s*:?\s*(\d{2,5})(?![\p{N}])/giu;
const BSN_WORD = /bsn|burgerservice|citizen\s+service/iu;
export const partialBsn: Detector = (text) =>
  [...(mayHaveDigits(text, 2) && mayMatch(text, BSN_WORD) ? text.matchAll(PARTIAL_BSN) : [])].map((m) => {
    const digits = m[1] ?? m[2];
    const start = m.index! + m[0].length - digits.length;
    return { start, end: start + digits.length, kind: 'bsn' as const };
  });

/** Valid digit strings of a phone number: Dutch 0 + 9 digits, +31/0031 + 9, other countries 8–15. */
// Numbers of organisations, never of a person: free and paid service numbers (0800, 0900, 0906,
// 0909) and company numbers (088). They stay, so "bel het CIZ op 088 …" keeps its use.
const SERVICE_NUMBER = /^(?:8(?:00|8)|90[069])/;

function phoneLength(prefix: 'nl' | 'intl' | 'nl-intl', digits: string): boolean {
  // Eleven digits after a 0 are a British number ("07700 900456") or a Dutch one with a digit too many.
  if (prefix === 'nl') return (digits.length === 10 || digits.length === 11) && digits[0] === '0' && digits[1] !== '0' && !SERVICE_NUMBER.test(digits.slice(1));
  if (prefix === 'nl-intl') return digits.length === 9 && digits[0] !== '0' && !SERVICE_NUMBER.test(digits);
  return digits.length >= 8 && digits.length <= 15;
}

// Where a phone number may start: "+31", "0031", "+32", "(020)", "(0)6", "06", "020", "+1 (415)", "0 6 - 5 5 …".
const PHONE_START = /(?<![\p{L}\p{N}+])(?:(\+|00)\s?(\d{1,3})\)?[\s.-]?(?:\(0\)\s?)?(?:\(\s?(?=\d))?|(?:\(\s?)?(?=0\d|0 6[ .–—-]{1,3}\d))/gu;

export const phone: Detector = (text) => {
  const out: Span[] = [];
  // Every valid length (phoneLength) is eight digits or more, the country code included.
  if (!mayHaveDigits(text, 8)) return out;
  let lastEnd = -1;
  for (const m of text.matchAll(PHONE_START)) {
    const start = m.index!;
    if (start < lastEnd) continue;
    const after = start + m[0].length;
    if (!/\d/.test(text[after] ?? '')) continue;
    if (!freeBefore(text, start)) continue;
    const international = m[1] !== undefined;
    const country = m[2] ?? '';
    // "0031 20" and "+31 6": the country code is not part of the national digits.
    const kind = !international ? 'nl' : country === '31' ? 'nl-intl' : 'intl';
    // One line break may split a Dutch number ("06-\n12345678"): its exact length keeps lists out.
    const groups = digitGroups(text, after, 10, kind !== 'intl');
    let digits = kind === 'intl' ? country : '';
    let end: number | undefined;
    let used = 0;
    for (const [g, group] of groups.entries()) {
      digits += group.digits;
      if (digits.length > 15) break;
      // Dutch numbers have exactly one valid length; international ones take the longest run.
      if (phoneLength(kind, digits) && freeAfter(text, group.end)) {
        end = group.end;
        used = g + 1;
      }
    }
    // "0 500 1000 2000" is a list of amounts: a national number starts with a group of 0 and a digit,
    // unless it is typed digit by digit ("0 6 1 2 3 4 5 6 7 8").
    const digitByDigit = digits.startsWith('06') && groups.slice(0, used).every((g) => g.digits.length === 1);
    if (end !== undefined && !(kind === 'nl' && groups[0].digits.length < 2 && !digitByDigit)) {
      out.push({ start, end, kind: 'phone' });
      lastEnd = end;
    }
  }
  return out;
};

/** The IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of moved) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

// Written together ("NL91ABNA0417164300"), in groups of four ("NL91 ABNA 0417 1643 00") or by its parts ("NL 91 ABNA 0417164300").
// The short last group is digits: "… 7034 is zijn rekening" must not take "is" as one.
const IBAN = /(?<![\p{L}\p{N}])[a-z]{2}[ .\n-]?\d{2}(?:[a-z0-9]{11,30}|(?:[ .\n-][a-z0-9]{4}){2,7}(?:[ .\n-]\d{1,3})?|[ .\n-]?[a-z]{4}[ .\n-]?\d{10})(?![\p{L}\p{N}])/giu;
// A Dutch account number is removed even with a typo in its check digits.
const DUTCH_SHAPE = /^NL\d{2}[A-Z]{4}\d{10}$/;

// After its label a Dutch account number goes with a digit too many or too few ("IBAN: NL82 ASNB 0292 2683 309").
const IBAN_LABEL = /(?:iban|rekening(?:nummer|nr)?|bankrekening(?:nummer)?|rek\.?\s?nr|account(?:\s+number)?|bank\s+account)\.?\s*(?:is|:|=)?\s*$/i;
const DUTCH_LOOSE = /^NL\d{2}[A-Z]{4}\d{8,12}$/;

// An account number holds at least ten digits (checked below), so a text with fewer is skipped.
export const iban: Detector = (text) => {
  if (!mayHaveDigits(text, 10)) return [];
  return [...text.matchAll(IBAN)].flatMap((m) => {
    const compact = m[0].replace(/[ .\n-]/g, '').toUpperCase();
    // Account numbers are mostly digits; words in groups of four are not ("in 2020 bleek dat").
    if ((compact.match(/\d/g) ?? []).length < 10) return [];
    const labelled = IBAN_LABEL.test(text.slice(Math.max(0, m.index! - 30), m.index!)) && DUTCH_LOOSE.test(compact);
    return isValidIban(compact) || DUTCH_SHAPE.test(compact) || labelled ? [{ start: m.index!, end: m.index! + m[0].length, kind: 'iban' as const }] : [];
  });
};
