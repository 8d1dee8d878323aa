/**
 * Addresses: a street with a house number ("kerkstraat 45", "Van Goghlaan 3a", "Kerkweg 14-2",
 * "Laan van Meerdervoort 55", "Oude Gracht 12 bis", "Damrak 73") and postcodes in any case
 * ("3511 AB", "3511ab"; the town after it stays: "3511 AB Utrecht" becomes "[adres] Utrecht", a town
 * alone names no one and tells which region's rules apply). Street-name endings and well-known streets are data
 * (data/words.ts, data/streets.ts).
 */
import { KNOWN_STREETS } from './data/streets.ts';
import { NOT_HOUSE_NUMBER_AFTER, NOT_NAMES, NOT_STREETS, NOT_POSTCODE_LETTERS, PARTICLES, STREET_PREFIX_WORDS, STREET_SUFFIXES_STRONG, STREET_SUFFIXES_WEAK } from './data/words.ts';
import { mayHaveDigits, mayMatch } from './gates.ts';
import { foldWord } from './normalise.ts';
import type { Detector, Span } from './span.ts';

const alt = (list: string[]) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

// A house number with an addition: 12, 12a, 12 A, 12-2, 12-II, 12 bis, 12 hs, 12/3, 12 huis, 12-bg.
const HOUSE_NUMBER = "\\d{1,5}(?:\\s?[-/]\\s?\\d{1,4}(?!\\p{N})|(?:\\s?-?\\s?(?:bis|hs|huis|bg|bel|boven|beneden|rood|zw|[IVX]{1,3}|[a-z]))(?![\\p{L}\\p{N}]))?";
const WORD = "[\\p{L}][\\p{L}'’-]*";
const SUFFIXES = alt([...STREET_SUFFIXES_STRONG, ...STREET_SUFFIXES_WEAK].sort((a, b) => b.length - a.length));
const STRONG = new Set(STREET_SUFFIXES_STRONG);

// "Kerkstraat 45": a word ending in a street suffix, then the number.
// Between street and number people sometimes write "nr." or "no.": "Kerkstraat nr. 45", "de Bloemstraat op nummer 7"; "str." is
// short for straat.
const NUMBER_WORD = '(?:(?:op\\s+)?(?:nr|no|nummer|huisnummer)\\.?\\s*)?';
const SUFFIXED = new RegExp(`(?<![\\p{L}\\p{N}])(?<stem>[\\p{L}'’-]*?)(?<suffix>${SUFFIXES}|str\\.?)\\s+${NUMBER_WORD}(?<num>${HOUSE_NUMBER})(?!\\p{N})`, 'giu');
// "Laan van Meerdervoort 55", "Plein 1944 3": a street word, particles, a name, the number.
const LEADING = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<lead>${alt(STREET_PREFIX_WORDS)})\\s+(?:(?:${alt(PARTICLES)}|aan|bij|achter|over|voor|naast)\\s+){1,3}(?<name>${WORD}(?:\\s+${WORD})?)\\s+${NUMBER_WORD}(?<num>${HOUSE_NUMBER})(?!\\p{N})`,
  'giu',
);
const knownStreets = KNOWN_STREETS.trim().split('\n').map((l) => l.trim()).filter(Boolean);
const KNOWN = new RegExp(`(?<![\\p{L}\\p{N}])(?<street>${alt(knownStreets.map((s) => s.replace(/\*$/, '')).sort((a, b) => b.length - a.length))})\\s+${NUMBER_WORD}(?<num>${HOUSE_NUMBER})(?!\\p{N})`, 'giu');
const caseSensitiveKnown = new Set(knownStreets.filter((s) => s.endsWith('*')).map((s) => s.slice(0, -1)));

const NOT_A_NUMBER_AFTER = new RegExp(`^\\s*(?:%|:\\d|[.,]\\d|(?:${alt(NOT_HOUSE_NUMBER_AFTER)})(?![\\p{L}]))`, 'iu');
const capitalised = (w: string) => /^\p{Lu}/u.test(w);
const PREFIX_WORD = new Set([...STREET_PREFIX_WORDS, ...PARTICLES]);
const ABBREVIATED = new Set(['burg', 'st', 'pr', 'mr', 'dr', 'prof', 'ds', 'gen', 'kon', 'mgr', 'jhr', 'past', 'kpt']);

/** Extends a street to the left over capitalised words and particles: "Prins Hendrikkade", "Burgemeester de Monchyplein". */
function extendLeft(text: string, start: number): number {
  let at = start;
  for (let i = 0; i < 3; i++) {
    // Within the line: a street name does not run on from the line before ("Den Bosch\nVan der Helststraat 1").
    const m = /(\p{L}[\p{L}'’-]*)(\.?)[ \t]+$/u.exec(text.slice(Math.max(0, at - 40), at));
    if (!m) break;
    const word = m[1];
    const folded = foldWord(word);
    // Short forms with their dot: "Burg. de Withstraat", "Mr. Visserplein", "St. Jansstraat".
    if (m[2] && !(capitalised(word) && ABBREVIATED.has(folded))) break;
    if (!(capitalised(word) && !NOT_NAMES.has(folded)) && !(PREFIX_WORD.has(folded) && (capitalised(word) || PARTICLES.includes(folded)))) break;
    at -= m[0].length;
  }
  return at;
}

function streets(text: string): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number) => {
    if (!NOT_A_NUMBER_AFTER.test(text.slice(end, end + 12))) out.push({ start, end, kind: 'address' });
  };
  for (const m of text.matchAll(SUFFIXED)) {
    const { stem, suffix } = m.groups!;
    const word = stem + suffix;
    const strong = STRONG.has(suffix.toLowerCase().replace(/^str\.?$/, 'straat'));
    // Weak endings ("…pad", "…ring") need a capital: "Zorgpad 3" is rare, "scoring 3" ordinary.
    if (!strong && !capitalised(word)) continue;
    if (NOT_STREETS.has(foldWord(word))) continue;
    if (stem.replace(/[-'’]/g, '').length < 2) {
      // A bare street word is a street when capitalised: "Singel 250", "Oude Gracht 12"; a weak
      // one ("Hof 3") only after another capitalised word.
      const start = extendLeft(text, m.index!);
      if (!capitalised(word) || (!strong && start === m.index!)) continue;
      push(start, m.index! + m[0].length);
      continue;
    }
    push(extendLeft(text, m.index!), m.index! + m[0].length);
  }
  for (const m of text.matchAll(LEADING)) {
    if (!capitalised(m.groups!.lead) && !capitalised(m.groups!.name)) continue;
    if (NOT_NAMES.has(foldWord(m.groups!.name.split(/\s+/)[0]))) continue;
    push(m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(KNOWN)) {
    const street = m.groups!.street;
    const listed = knownStreets.find((s) => s.replace(/\*$/, '').toLowerCase() === street.toLowerCase())!.replace(/\*$/, '');
    if (caseSensitiveKnown.has(listed) && !capitalised(street)) continue;
    push(extendLeft(text, m.index!), m.index! + m[0].length);
  }
  return out;
}

// Postcodes: 4 digits (not starting with 0) and 2 letters; SA, SD and SS are never used.
// A house number may follow ("1234 AB 12"), or the town, which shows it is a postcode and stays ("3511 ab Utrecht").
const POSTCODE = /(?<![\p{L}\p{N}])(?<digits>[1-9]\d{3})(?<sep>\s?|-)(?<letters>[a-z]{2})(?![\p{L}\p{N}]|-[\p{L}\p{N}])(?<number>\s+\d{1,5}[a-z]?(?![\p{L}\p{N}]))?/giu;
const UNIT_LETTERS = new Set(['EU', 'NL', 'VG', 'VV', 'MG', 'KG', 'KM', 'CM', 'MM', 'ML', 'HA', 'PK', 'KW', 'GB', 'MB']);
const POSTCODE_WORD = /(?:postcode|postal code|zip|pc)\s*:?\s*$/i;

function postcodes(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    const letters = m.groups!.letters;
    if (/^(?:SA|SD|SS)$/i.test(letters)) continue;
    const upper = letters === letters.toUpperCase();
    const named = POSTCODE_WORD.test(text.slice(Math.max(0, m.index! - 20), m.index!));
    const townAfter = /^\s+\p{Lu}\p{Ll}/u.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 3));
    const context = named || Boolean(m.groups!.number) || townAfter;
    // "5611-AB Eindhoven": with a dash only where it is said to be one (a code such as "2024-NL" is not).
    if (m.groups!.sep === '-' && !context) continue;
    // "2026 en", "in 2018 de Werkagenda", "voor 2021 en 2022", "1500 mg": lower-case letters that
    // form a word are a postcode only after "postcode".
    if (!upper && NOT_POSTCODE_LETTERS.has(letters.toLowerCase()) && !named) continue;
    // "1500 MG", "2026 EU": units and abbreviations in capitals too.
    if (upper && UNIT_LETTERS.has(letters) && !context) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'address' });
  }
  return out;
}

// English addresses put the number first: "12 Baker Street", "221b baker street", "Flat 2, 7 Mill Lane".
// Capitalised names may end in any street word; lower-case ones only in the unmistakable ones.
const EN_STRONG = ['street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'ln', 'boulevard', 'blvd'];
const EN_WEAK = ['drive', 'dr', 'way', 'close', 'court', 'ct', 'place', 'pl', 'square', 'sq', 'crescent', 'terrace', 'gardens', 'grove', 'row', 'walk', 'mews', 'parade', 'hill'];
const EN_STREET = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<num>\\d{1,5}[a-z]?)\\s+(?<name>(?:${WORD}\\s+){1,3})(?<type>${alt([...EN_STRONG, ...EN_WEAK].sort((a, b) => b.length - a.length))})\\.?(?![\\p{L}\\p{N}])`,
  'giu',
);

// In lower case ("221b baker street") only where an address is expected: "at", "to", "address:" …
const EN_ADDRESS_CUE = /(?:^|[^\p{L}])(?:at|on|to|from|in|address|lives|living|moved)\s*:?\s*$/iu;

function englishStreets(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(EN_STREET)) {
    const words = m.groups!.name.trim().split(/\s+/);
    const named = words.every((w) => capitalised(w) && !NOT_NAMES.has(foldWord(w)));
    const strong = EN_STRONG.includes(m.groups!.type.toLowerCase());
    const cued = EN_ADDRESS_CUE.test(text.slice(Math.max(0, m.index! - 24), m.index!));
    if (!named && !(strong && words.length <= 2 && cued)) continue;
    // "Flat 2, 17 Kingsley Road": the flat or unit goes with it.
    const unit = /(?:flat|apt\.?|apartment|unit|suite)\s+\d{1,4}[a-z]?,?\s*$/iu.exec(text.slice(Math.max(0, m.index! - 20), m.index!));
    out.push({ start: m.index! - (unit ? unit[0].length : 0), end: m.index! + m[0].length, kind: 'address' });
  }
  return out;
}

// English word order with a Dutch street: "lives at 14 Oranjestraat", "22 Dorpsstraat, phone …". The
// street is one capitalised word with an unmistakable street ending.
const NUMBER_BEFORE_STREET = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?<num>\\d{1,5}[a-z]?)[ \\t]+(?<street>\\p{Lu}[\\p{L}'’-]*?(?:${alt(STREET_SUFFIXES_STRONG)}))(?![\\p{L}\\p{N}]|-\\p{Ll})`,
  'gu',
);
const numberBeforeStreet = (text: string): Span[] =>
  [...text.matchAll(NUMBER_BEFORE_STREET)].filter((m) => !NOT_STREETS.has(foldWord(m.groups!.street))).map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'address' as const }));

// The number before the street: "op nr 12 van de Lindenlaan", "huisnummer 4 in de Dorpsstraat".
const NUMBER_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:nr|nummer|huisnummer|no)\\.?\\s*${HOUSE_NUMBER}\\s+(?:van|op|in|aan)\\s+(?:de|het)\\s+[\\p{L}'’-]*(?:${alt(STREET_SUFFIXES_STRONG)})(?![\\p{L}])`,
  'giu',
);
const numberFirst = (text: string): Span[] => [...text.matchAll(NUMBER_FIRST)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'address' as const }));

// A house number said by its label, without the street: "het huisnummer 45", "huisnr: 12a", "house number 7".
const LABELLED_NUMBER = new RegExp(`(?<![\\p{L}])(?:huisnummer|huisnr|house\\s+number)\\.?\\s*(?:is\\s+|was\\s+)?:?\\s*(${HOUSE_NUMBER})(?![\\p{L}\\p{N}])`, 'giu');
const labelledNumber = (text: string): Span[] =>
  [...text.matchAll(LABELLED_NUMBER)].map((m) => ({ start: m.index! + m[0].length - m[1].length, end: m.index! + m[0].length, kind: 'address' as const }));

// British postcodes in capitals with their space: "SW1A 2AA", "M1 1AE", "B33 8TH".
const UK_POSTCODE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/gu;
const ukPostcodes = (text: string): Span[] => [...text.matchAll(UK_POSTCODE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'address' as const }));

// Every pattern above holds a house number or a postcode's digits: a text without a digit is skipped.
// Where someone lives, said with the street alone: "mevrouw woont aan de Vechtstraat", "hij is
// verhuisd naar de Kastanjelaan", "she lives on Prinsengracht". A capitalised word with a strong
// street ending after a stem of two letters or more ("naar de Markt" is no street) and after a verb
// of living or moving: with the town, the street narrows it to a few
// houses. (Policy texts name streets without anyone living there: only after those verbs.)
const STRONG_SUFFIXES = alt([...STREET_SUFFIXES_STRONG].sort((a, b) => b.length - a.length));
const LIVES_ON = new RegExp(
  `(?<![\\p{L}])(?:woont|wonen|woonde|woonden|wonend|woonachtig|verhuisd|verhuist|verhuizen|verhuisde|lives|lived|living|moved|moves)(?:\\s+(?:nu|nog|al|sinds\\s+kort|tegenwoordig|inmiddels|now|still))?\\s+(?:aan|op|in|naar|on|at|to)\\s+(?:de|het|the)?\\s*(?<street>\\p{Lu}[\\p{L}'’-]+?(?:${STRONG_SUFFIXES}))(?![\\p{L}\\p{N}])`,
  'gu',
);
const LIVES_WORD = /woon|wonen|verhui|live|moved|moves/iu;
const streetWithoutNumber = (text: string): Span[] =>
  [...(mayMatch(text, LIVES_WORD) ? text.matchAll(LIVES_ON) : [])].map((m) => {
    const start = m.index! + m[0].length - m.groups!.street.length;
    return { start, end: start + m.groups!.street.length, kind: 'address' as const };
  });

// A street of any name with its house number after a word for where someone lives or gets post:
// "woont op Achterom 9a", "woont aan de Oude Rijn 31 bis", "adres: Het Want 17", "post gaat naar
// Achterom 9a". Up to three capitalised words; not a number of weeks or years ("woont op Texel 3 jaar").
const ADDRESS_CUE = cueCase(
  "(?:(?:woont|wonen|woonde|woonden|wonend|woonachtig|verhuisd|verhuist|verhuizen|verhuisde|lives|lived|living|moved|moves)(?:\\s+(?:nu|nog|al|sinds\\s+kort|tegenwoordig|inmiddels|now|still))?\\s+(?:aan|op|naar|on|at|to)" +
    "|(?:woon|post|huis|bezoek)?adres(?:\\s+is)?\\s*:?|(?:home\\s+)?address(?:\\s+is)?\\s*:?|post\\s+(?:gaat\\s+)?naar|mail\\s+(?:goes\\s+)?to)",
);
/** A cue may open a sentence ("Woonadres: …"): its first letter in either case (the street's capital must stay case-sensitive). */
function cueCase(source: string): string {
  return source.replace(/(?<=[(|]|\(\?:)([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);
}
const CUED_STREET = new RegExp(
  `(?<![\\p{L}])${ADDRESS_CUE}\\s+(?:(?:de|het|the)\\s+)?(?<street>(?!Postbus|Antwoordnummer)\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})\\s+(?<num>${HOUSE_NUMBER})(?!\\p{N})`,
  'gu',
);
const ADDRESS_WORD = /woon|wonen|verhui|live|moved|moves|adres|address|post|mail/iu;
const cuedStreet = (text: string): Span[] =>
  [...(mayMatch(text, ADDRESS_WORD) ? text.matchAll(CUED_STREET) : [])].flatMap((m) => {
    const end = m.index! + m[0].length;
    if (NOT_A_NUMBER_AFTER.test(text.slice(end, end + 12))) return [];
    return [{ start: m.index! + m[0].lastIndexOf(m.groups!.street), end, kind: 'address' as const }];
  });

export const address: Detector = (text) => [
  ...(mayHaveDigits(text) ? [...streets(text), ...englishStreets(text), ...postcodes(text), ...ukPostcodes(text), ...numberFirst(text), ...numberBeforeStreet(text), ...labelledNumber(text), ...cuedStreet(text)] : []),
  ...streetWithoutNumber(text),
];
