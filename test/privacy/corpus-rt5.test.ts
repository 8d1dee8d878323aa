/**
 * Privacy red team 5 (issue #11 point 5): 167 chat messages as care professionals and relatives type
 * them in Teams and Slack (31 in English), written blind before reading src/privacy or the earlier
 * red teams' corpora, aimed at the other input paths' shapes and at forms rounds 1-4 did not try:
 * an action title ("bel mw. Özdemir over haar indicatie"), a progress note with a phone number, a
 * contribution quoting a daughter by name; names next to care words ("Mw. Zorg", "dhr. Wijk", "Sanne
 * van Dam (clo)"); English possessives ("Tom's mum", "Mrs. O'Brien's daughter"); names after
 * prepositions ("bij Jansen thuis", "with Kowalski") and as the object of care verbs ("we verzorgen
 * Gerrit", "Fatma krijgt vpt"); first names alone, nicknames and diminutives, greetings, @mentions
 * with spaces, a CIZ decision's and a zorgkantoor dossier's reference, a partial BSN ("eindigt op
 * 123"), a street without number, names in a link's path and query, German, Vietnamese, Turkish,
 * Polish, Surinamese and Frisian names, and the forms of round 4 again (written-out numbers, split
 * BSNs, country codes, initials, all caps, hashtags, JSON, CSV, forwarded mail). And 40 hard
 * negatives (laws, articles, organisations, places, care profiles, amounts, years). Each message
 * lists the spans that must disappear and the words that must stay (corpus-rt5.json); a span leaks
 * as corpus-rt5-check.ts says (whole, a telling word of a name, or a digit group of three or more).
 *
 * Fresh (before the fixes): 31 of 198 spans leaked, in 30 of 167 messages. Over-redaction 0 of 178
 * must-stay words; hard negatives unchanged. By kind: names 24 ("Mw. Zorg" — a care word after a
 * dotted title; "with Kowalski"; "verzorgen we Gerrit"; "gisteren heeft henk weer geweigerd";
 * "Nguyễn Văn An" kept "Văn An"; "Frau Müller"; "#mevrouwvisser"; "#casus-yusuf-amrani" kept
 * "amrani"; "Thanks all — Siobhan"; "We hebben Visser … gesproken"; "Wensley Doelwijt heeft …";
 * 'Cliënt "Jopie"', "called 'Bep'"; "with Nadia and her kids"; and 11 colleagues' names, below),
 * record and reference numbers 3 ("kenmerk 2024-113876-W" after "CIZ-besluit met", "Dossiernummer
 * zorgkantoor ZK-7781203", "…&id=44812" in a link), a partial BSN 1 ("BSN eindigt op 123"), a street
 * without number 1 ("woont aan de Vechtstraat"), a date of an event 1 ("op 3/4 opgenomen"). Phones
 * (written out, +31 (0)6, 0031, +32, +44, landlines), e-mail (dots and plus, "at … dot", "[at]"),
 * BSNs split by dots, spaces and dashes, IBAN, plates, postcodes, addresses with hs/bis/-III, dates
 * of birth in every format, JSON, CSV and forwarded headers did not leak. Answer path (`wegwijs ask
 * --json`, every fifth message, 30): no span echoed. Other paths (corpus-rt5-paths.test.ts: 30
 * messages as an action, a progress note and a deliberation contribution; SQLite file, -wal, logs,
 * LLM requests, chat): no span but those the redaction itself left and an @mention the edge keeps.
 *
 * After: 12 spans in 11 messages, over-redaction 0, hard negatives unchanged. Eleven are colleagues'
 * names kept by the project's rules (KEPT_BY_RULE); one is not fixed (NOT_FIXED). Any other leak,
 * or a fix of one of these, fails this test. Eval texts: the redaction of all 2240 tuning and 1187
 * held-out questions is unchanged (sha256 of the redacted texts, tune 5dddcb639854, held-out
 * c57ef90fe279, before and after), and so are the 2398 knowledge-base sentences and the 237 ordinary
 * lines. Eval (`wegwijs eval`), before and after alike: tune facts 93.3%, refused for the right reason
 * 100%, in-scope refused 1.0%; held-out 84.5% / 96.4% / 2.9%. Cost, in one process, CPU time, old and
 * new interleaved (21 rounds, median, machine at load 5-8 on 2 cores): tuning questions 59.2 → 61.5
 * µs, this corpus 117 → 132 µs per message (more is found). No new pass scans the text more than
 * once: the partial BSN, a street without number and quoted names run only where a BSN word, a verb
 * of living or a quote occurs; the other rules look at a token and the few dozen characters before it.
 *
 * Changed (patterns for the kind, no rule for one string): a reference's id must hold a digit, so a
 * word after its label ("besluit met kenmerk …") no longer hides the real number; an organisation
 * word between a record label and its number ("dossiernummer zorgkantoor …"); a person's id field
 * in a link's query (id, clientId, dossiernr, …); a partial BSN said as such ("eindigt op", "laatste
 * vier cijfers van het bsn", "ends in"); a street without a number after a verb of living or moving;
 * after a title with its dot any capitalised word, also a care word ("Mw. Zorg"); German, Italian,
 * Spanish and Portuguese titles (Frau, Herr, Signora, Señora, Senhora); a name in quotes after a client
 * word, a title or a naming word; a hashtag's name joined in lower case after a title ("#mevrouwvisser")
 * and every part of a hashtag's name ("#casus-yusuf-amrani"); a listed first name after a verb of
 * bodily care ("verzorgen we", "wassen", "care for") and with "weer geweigerd"/"weggelopen" after a
 * verb-first clause; "kids" as a relative; Slavic, Balkan, Romanian and Turkish surname endings
 * (-wski, -wicz, -ović, -escu, -oğlu, …) anywhere; a common surname inside a sentence after who spoke
 * with, called or saw them ("We hebben Visser … gesproken", "gesprek met Bakker"); an accented word
 * inside a name and the capitalised word after one beyond Latin-1 ("Nguyễn Văn An"); a name of any
 * origin signed after a dash when thanks come before it; Surinamese and Antillean first names.
 */
import { describe, expect, it } from 'vitest';
import { measureRt5, RT5 } from './corpus-rt5-check.ts';

const results = measureRt5();

// Kept by the project's rules, as in red teams 2-4: @-mentions are colleagues on the platform (at the
// edge their names come from the platform and stay whole), and a first name alone is a colleague's
// unless the words around it make it a client's: greeting or asking a colleague, a colleague off sick,
// colleagues taking a shift.
const KEPT_BY_RULE = [
  'p016 Lotte', // "Hoi Lotte, kun jij de Wlz-aanvraag … nakijken?"
  'p018 Anouk de Graaf', // "@Anouk de Graaf kun jij het zorgkantoor bellen?": a mention
  'p090 Annemieke', // "Annemieke: heeft iemand de indicatie al doorgestuurd?"
  'p091 Bram', // "Bram is vandaag ziek"
  'p131 Olga', // "Please ping Olga about the CIZ letter"
  'p139 Daan', // "Hi Daan, can you check the zorgkantoor file?"
  'p141 Joris van Vliet', // "@Joris van Vliet please review": a mention
  'p151 Jacqueline', // "Jacqueline, kun jij morgen de overdracht doen?"
  'p155 Hanneke', // "Bericht van Hanneke: de zorgbemiddelaar heeft gebeld"
  'p156 Kim', // "Kim en Sven nemen de nachtdienst"
  'p156 Sven',
];
// Not fixed, as in red team 4: a date of an event (an admission) is no kind the redaction has; only a
// date of birth is. "3/4" alone would also take "3/4 van de kosten" and "24/7".
const NOT_FIXED = ['p060 3/4'];

describe('privacy red team 5 (corpus-rt5.json)', () => {
  it('holds 167 messages with personal data and 40 hard negatives', () => {
    expect(RT5.filter((e) => e.mustRedact.length > 0)).toHaveLength(167);
    expect(RT5.filter((e) => e.mustRedact.length === 0)).toHaveLength(40);
  });

  it('leaks nothing but the names kept by rule and the date not fixed (fresh: 31 spans)', () => {
    const leaks = results.flatMap((r) => r.leaks.map((s) => `${r.id} ${s}`));
    expect(leaks.sort()).toEqual([...KEPT_BY_RULE, ...NOT_FIXED].sort());
  });

  it('keeps every must-stay word (fresh: 0 lost, after: 0)', () => {
    const lost = results.flatMap((r) => r.over.map((s) => `${r.id} ${s}  →  ${r.out}`));
    expect(lost).toEqual([]);
  });

  it('leaves the hard negatives as they are', () => {
    const changed = results.filter((r) => r.id.startsWith('n') && r.out !== r.text).map((r) => `${r.id}: ${r.out}`);
    expect(changed).toEqual([]);
  });
});
