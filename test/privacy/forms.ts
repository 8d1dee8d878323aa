/**
 * The personal-data corpus (corpus/personal.txt) and how to tell whether a form leaked: the form
 * as written, its digits run together (a BSN stored as "111222333" after being typed "111 222
 * 333"), its long digit runs (a year, a house number with a postcode) and its distinctive words
 * (a surname, a street, an e-mail domain), each compared after NFKC normalisation.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage } from '../../src/core/index.ts';
import { NeedleFinder } from '../../src/ask/needle-finder.ts';
import { redact } from '../../src/privacy/index.ts';

const corpusFile = (name: string) => fileURLToPath(new URL(`./corpus/${name}`, import.meta.url));

export function readLines(name: string): string[] {
  return readFileSync(corpusFile(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
}

export interface CorpusLine {
  /** The sentence as a person would type it (markers removed). */
  text: string;
  /** The marked personal data in it. */
  forms: string[];
}

export function personalCorpus(): CorpusLine[] {
  return readLines('personal.txt').map((line) => ({
    text: line.replace(/[⟦⟧]/g, ''),
    forms: [...line.matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1]),
  }));
}

const plain = (s: string) => s.normalize('NFKC').replace(/[\p{Cf}]/gu, '');

// Words in a form that say nothing about a person by themselves.
const GENERIC = new Set(
  `the van der den het dot punt at of and bis laan weg straat plein gracht kade singel dijk dreef hof oude nieuwe lange korte
  tweede burgemeester prins stationsplein marktplein januari februari maart april mei juni juli augustus september oktober
  november december march november aug sept nov mrt jan feb com net org hotmail gmail outlook mail provider jong
  meer https http www nul een twee drie vier vijf zes zeven acht negen zero one two three four five six seven eight nine`.split(/\s+/),
);

/**
 * The pieces of a form whose presence means it leaked. `min`: the shortest piece worth looking
 * for (in a whole database an initial "K." says nothing; in one sentence it does).
 */
export function leakMarkers(form: string, min = 1): string[] {
  const p = plain(form);
  const markers = new Set<string>([p]);
  const digits = p.replace(/\D/g, '');
  if (digits.length >= 6) markers.add(digits);
  // Years and postcodes; the groups of a long number are covered by the number itself.
  else for (const run of p.match(/\d{4,}/g) ?? []) markers.add(run);
  const email = /^([^\s@([]+)\s*(?:@|[([{]\s*(?:at|@)\s*[)\]}]|\sat\s)\s*([\p{L}\p{N}-]+)/iu.exec(p);
  if (email) {
    markers.add(email[1]);
    if (!GENERIC.has(email[2].toLowerCase())) markers.add(email[2]);
  } else {
    for (const word of p.match(/\p{L}[\p{L}'-]*/gu) ?? []) {
      const bare = word.replace(/-$/, '');
      if (bare.length >= 4 && !GENERIC.has(bare.toLowerCase())) markers.add(bare);
    }
  }
  return [...markers].filter((m) => m.length >= min);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The markers of `form` found in `haystack` (whole words for words; digit runs not inside longer
 * ones), each with a little context to find where it came from.
 */
let prepared = { from: '', text: '', found: new Map<string, string[]>() };

export function leaks(haystack: string, form: string, min = 1): string[] {
  // Random UUIDs (record ids) may hold a "1955" by chance; they are no text from a person.
  // The same (large) haystack is searched for many forms in a row: normalise it once, and look
  // for each marker once (forms share markers: a surname, a year).
  const { text, found } = prepare(haystack);
  return leakMarkers(form, min).flatMap((m) => {
    let hit = found.get(m);
    if (!hit) found.set(m, (hit = findMarker(text, m)));
    return hit;
  });
}

function prepare(haystack: string): typeof prepared {
  // (Nor are a log line's measurements, "1012" ms is no postcode, nor a sealed payload's base64 of 40
  // characters or more, in which a case-insensitive "ilse" turns up by chance.)
  if (prepared.from !== haystack) {
    const text = plain(haystack)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ' ')
      .replace(/"(ms|redacted|bytes|count|attempt|status)":\d+/g, ' ')
      .replace(/[A-Za-z0-9+\/]{40,}={0,2}/g, ' ');
    prepared = { from: haystack, text, found: new Map() };
  }
  return prepared;
}

const ASCII = /^[\x00-\x7f]+$/;

/**
 * Before `leaks` is called for many forms on one large haystack: the markers of these forms made of
 * ASCII characters that do not occur in it at all, found in one pass over the lower-cased text
 * (Aho–Corasick, src/ask/needle-finder.ts), are noted as absent, so that `leaks` runs no search
 * for them. The same findings: under the `iu` flags only ſ and the Kelvin sign match an ASCII
 * letter besides its two cases, and NFKC (`plain`) has replaced both, so a text in which the
 * case-insensitive search finds an ASCII marker holds it lower-cased. (Each marker's own
 * case-insensitive search of a 15 MB write-ahead log cost more than all else in these tests.)
 */
export function noteAbsentMarkers(haystack: string, forms: string[], min = 1): void {
  const { text, found } = prepare(haystack);
  const markers = [...new Set(forms.flatMap((form) => leakMarkers(form, min)))].filter((m) => !found.has(m) && ASCII.test(m));
  if (markers.length === 0) return;
  const finder = new NeedleFinder(markers.map((m) => m.toLowerCase()));
  const present = finder.find(text.toLowerCase());
  for (const m of markers) if (!present.has(finder.id(m.toLowerCase())!)) found.set(m, []);
}

function findMarker(text: string, m: string): string[] {
  // The marker anywhere, with the same case-insensitive matching, first: a necessary condition the
  // engine checks fast, where the word boundaries alone make it try every position (in a 15 MB
  // write-ahead log, 6 s against 1 s); only where it is present do the boundaries decide.
  if (!new RegExp(escape(m), 'iu').test(text)) return [];
  const at = text.search(new RegExp(`(?<![\\p{L}\\p{N}])${escape(m)}(?![\\p{L}\\p{N}])`, 'iu'));
  return at < 0 ? [] : [`"${m}" in …${text.slice(Math.max(0, at - 60), at + m.length + 20).replace(/\s+/g, ' ')}…`];
}

/** The personal-data corpus in messages of at most ~3,000 characters, one sentence per line. */
export function corpusChunks(corpus: { text: string }[], max = 3000): string[] {
  return corpus.reduce<string[]>((all, { text }) => {
    const last = all[all.length - 1];
    if (last !== undefined && last.length + text.length < max) all[all.length - 1] = `${last}\n${text}`;
    else all.push(text);
    return all;
  }, []);
}

/** A console message with this text (and card inputs): what the edge redacts. */
export function consoleIncoming(text: string, inputs?: Record<string, string>): IncomingMessage {
  return {
    platform: 'console',
    tenantId: 'local',
    channelId: 'c1',
    user: { id: 'fleur', name: 'Fleur de Wit' },
    text,
    mentions: [],
    addressedToBot: true,
    isDirect: false,
    ...(inputs ? { action: { id: 'x.submit', inputs, messageId: 'm1' } } : {}),
  };
}

/** Each corpus line whose redacted text still holds one of its forms, as "line → redacted (leaks …)". */
export function leakedLines(lines: { text: string; forms: string[] }[], now: Date, find: (text: string, form: string) => string[] = leaks): string[] {
  return lines.flatMap((line) => {
    const out = redact(line.text, now).text;
    return line.forms.flatMap((form) => find(out, form).map((marker) => `${line.text}  →  ${out}  (leaks ${marker})`));
  });
}
