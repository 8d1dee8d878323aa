/**
 * Privacy red team 3 (issue #11 point 5): 165 chat messages as care professionals and relatives type
 * them in Teams and Slack (about a quarter in English), written blind before reading src/privacy or
 * the earlier red teams' corpora, and 40 hard negatives (laws, articles, organisations, places, care
 * profiles, amounts, years). Each message lists the spans that must disappear and the words that must
 * stay (corpus-rt3.json). A span leaks when it survives whole, or, for a name of several words, when
 * any telling word of it does ("[naam] A Fong" still leaks); see corpus-rt3-check.ts. Run through
 * `redact`, the pass `redactIncoming` makes at the edge.
 *
 * Fresh (before the fixes): 27 of 217 spans leaked, in 26 of 165 messages; over-redaction 1 of 103
 * must-stay words ("Kan een cliënt van Buurtzorg …" → "cliënt [naam]"). By kind: names 23 (a first
 * name opening a message with a fall or a care talk: "Piet heeft weer een val gehad", "Rose heeft
 * morgen haar keukentafelgesprek"; possessives without an apostrophe: "Annemieks moeder", "Jans
 * indicatie", "Kees' dochter"; sign-offs: "Groetjes, Ilse", "gr. Wouter"; names in JSON fields
 * ("voornaam": "Khadija"); "Tjon A Fong"; "'Willem' wil niet gedoucht worden"; "komt bij Jopie
 * langs"; "onze Marietje?"; "Klaas-Jan heeft een zorgplanbespreking"; Frisian "Sytse en Geartsje de
 * Boer"; "Hope Williams"; "Anna told me her father was rejected"; "de aanvraag van Bakker?"; "kofi
 * asante"; "Mo"; a colleague "Lotte"; @-mentions), addresses 2 (English order with a Dutch street:
 * "lives at 14 Oranjestraat"), numbers 2 ("zorgpasnummer 8001234567", "het nummer 987654321 staat
 * op haar zorgpas", which fails the elfproef). Phones (also split over lines and written out),
 * e-mail (also "at … dot"), postcodes, dates of birth in words and split over lines, IBAN, plates,
 * CSV, tables, forwarded mail headers and links did not leak. Answer path (`wegwijs ask --json`,
 * every fifth message, 30): no span echoed, before or after.
 *
 * After: 5 spans in 5 messages, over-redaction 0. Three are kept on purpose by the project's rules
 * (KEPT_BY_RULE: a first name alone is a colleague's unless the words around it make it a client's;
 * @-mentions are colleagues on the platform); two are not fixed (NOT_FIXED, see there). Any other
 * leak, or a fix of one of these, fails this test. Of the 2240 tuning questions one redacts
 * differently (a sign-off "Met vriendelijke groet, Anne" in a pasted mail); the eval's output is
 * unchanged (tune 92.5% facts), the 1185 ordinary sentence pairs stay unchanged, and the knowledge
 * base's sentences redact as before. Redaction cost, old and new interleaved in one process: 69.8 →
 * 70.6 µs per tuning question, 104 → 117 µs per message of this corpus (more is found).
 *
 * Changed (patterns for the kind, no rule for one string): the Dutch genitive of a listed first name
 * before kin or a file ("Annemieks moeder") and "Kees'" with a bare apostrophe; a name alone on the
 * rest of its line after a closing ("groetjes", "gr.", "mvg", "regards", "cheers"); a name label in
 * quotes (JSON); falls, care talks at home and personal care as a client's state; "bij X langs" as a
 * visit; a word-name opening a sentence before a finite verb ("Rose heeft"); someone telling of their
 * own relative ("Anna told me her father …") is family, not a colleague; a common surname as whose
 * file or request it is ("de aanvraag van Bakker"); the "A" inside Surinamese-Chinese surnames; Frisian
 * first names and diminutives in the list; a number before a capitalised Dutch street ("14
 * Oranjestraat"); "zorgpas" as a record label; nine to twelve digits with a word for a number or card
 * near; and no name after a role word and a lower-case "van" unless a common surname follows
 * ("cliënt van Buurtzorg").
 */
import { describe, expect, it } from 'vitest';
import { measureRt3, RT3 } from './corpus-rt3-check.ts';

const results = measureRt3();

// Kept by the project's rules, as in red team 2: a first name alone is a colleague's unless the
// words around it make it a client's, and @-mentions are colleagues on the platform.
const KEPT_BY_RULE = [
  'p038 Lotte', // "Is Lotte al terug van zwangerschapsverlof? Dan kan zij dhr Postma overnemen": a colleague
  'p116 Marieke', // "@Marieke kun jij …": a mention
  'p123 Fleur Verbeek', // "Hoi @Fleur Verbeek, kun je …": a mention
];
// Not fixed: no pattern for the kind without removing ordinary words too.
const NOT_FIXED = [
  // A listed first name in lower case with a surname of another origin that reads like a Dutch verb
  // (-te, as "belde"), after a verb of care that marks no client elsewhere: "wie begeleidt kofi asante".
  'p030 kofi asante',
  // A two-letter nickname, not listed (too many abbreviations look alike): "ik heb het aan Mo gevraagd".
  'p161 Mo',
];

describe('privacy red team 3 (corpus-rt3.json)', () => {
  it('holds 165 messages with personal data and 40 hard negatives', () => {
    expect(RT3.filter((e) => e.mustDisappear.length > 0)).toHaveLength(165);
    expect(RT3.filter((e) => e.mustDisappear.length === 0)).toHaveLength(40);
  });

  it('leaks nothing but the names kept by rule and the two not fixed (fresh: 27 spans)', () => {
    const leaks = results.flatMap((r) => r.leaks.map((s) => `${r.id} ${s}`));
    expect(leaks).toEqual([...KEPT_BY_RULE, ...NOT_FIXED].sort());
  });

  it('keeps every must-stay word (fresh: 1 lost, measured after: 0)', () => {
    const lost = results.flatMap((r) => r.over.map((s) => `${r.id} ${s}  →  ${r.out}`));
    expect(lost).toEqual([]);
  });

  it('leaves the hard negatives as they are', () => {
    const changed = results.filter((r) => r.id.startsWith('n') && r.out !== r.text).map((r) => `${r.id}: ${r.out}`);
    expect(changed).toEqual([]);
  });
});
