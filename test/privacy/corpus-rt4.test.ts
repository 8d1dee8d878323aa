/**
 * Privacy red team 4 (issue #11 point 5): 160 chat messages as care professionals and relatives type
 * them in Teams and Slack (38 in English), written blind before reading src/privacy or the earlier
 * red teams' corpora, aimed at forms the earlier rounds did not try: names in lower case after verbs
 * ("belde henk"), diminutives ("opa henkie", "Sjaakie"), diacritics (Çelik, Ødegaard, Nguyễn, Łukasz,
 * ŞAHİN), a name wrapped over a line break, possessives ("kees z'n dochter", "ria d'r man", "Mo's
 * broer"), initials with and without dots ("J. de V.", "JdV", "R.J. (Rutger) Kloosterman"), all caps,
 * hashtags and @mentions, a name signed after a dash, numbers written out, BSN split by spaces, dots
 * and dashes, phones with country-code variants and an en dash, obfuscated e-mail, addresses with
 * hs/bis/-III, dates of birth in every format, IBAN, plates, record numbers, links with names in the
 * path or query, forwarded mail, JSON and CSV; and 40 hard negatives (laws, articles, organisations,
 * places, care profiles, amounts, years). Each message lists the spans that must disappear and the
 * words that must stay (corpus-rt4.json); a span leaks when it survives whole (any white space), or a
 * telling word of a name, e-mail or link does, or a digit group of three or more (corpus-rt4-check.ts).
 * Run through `redact`, the pass `redactIncoming` makes at the edge, in the message's language.
 *
 * Fresh (before the fixes): 36 of 274 spans leaked, in 30 of 160 messages. By kind: names 31 (a
 * Vietnamese name before "geb."; "van\nder Linden"; "JdV"; "#casusBakker", "#familySmit"; two
 * @mentions; a name after a dash at the end, "- Fatima", "- Bill"; "Sjaakie", "opa henkie";
 * "Anouk." opening a message; "Bakker wil weten …"; "dhr. Wiśniewski (Łukasz)"; a client's visitors
 * "Els, Ruud en Gert", "Piotr and Kasia"; "Mo's broer … van Mo"; "ria d'r man"; "A van der Meer - de
 * Graaf"; "huisarts Wolters"; "client: Will Frank"; "mark de vries"; "mvg,\nsjoukje"; "eigenlijk
 * Josephus Hermans"; "R.J. (Rutger) Kloosterman"; "Grace will bring …"), dates of an event 3 ("overleed
 * dinsdag 14 januari", "opgenomen op 3/4", "passed away on Tuesday 14 January"), a link 1
 * ("…/clients/448812/jansen-maria"), a BSN 1 ("BSN van mw. Bakker = 245 817 357", failing the
 * elfproef). Over-redaction 6 of 265 must-stay words: the town after a postcode went with it (5:
 * "1016 GV Amsterdam" → "[adres]", "2517AB Den Haag" → "[adres] Haag") and "Onderwerp:
 * Wmo-indicatie" became "[naam]". Hard negatives: none changed. Phones (written out, en dash, 0031(0),
 * +32, +48), e-mail ("at … dot", "apenstaartje", "[at]"), postcodes, IBAN, plates, CSV, JSON,
 * forwarded headers and other diacritics did not leak. Answer path (`wegwijs ask --json`, every fifth
 * message, 30): no span echoed. Other paths (corpus-rt4-paths.test.ts: 30 messages as an action, a
 * progress note and a deliberation contribution, SQLite file, -wal, logs, LLM requests, chat): no
 * span but those the redaction itself left.
 *
 * After: 6 spans in 6 messages, over-redaction 0, hard negatives unchanged. Three are kept by the
 * project's rules (KEPT_BY_RULE); three are not fixed (NOT_FIXED). Any other leak, or a fix of one of
 * these, fails this test. Ordinary texts (2240 tuning questions, the corpora's ordinary lines, the
 * knowledge base's lines): 5 tuning questions redact differently, each a client's first name said a
 * second time that was left ("Should we move Tom or keep him with us?"); 4 knowledge lines (two
 * over-redactions gone: "zijn partner Wmo-ondersteuning", "noemt CCE-advies"; two author lists).
 * Eval: tune facts 92.8% (as before), refused for the right reason 100% (was 99.8%; T30-025 "moet
 * Kevin die plek aannemen" now arrives as "moet [naam] die plek …", and its guardrail takes the
 * placeholder too); held-out facts 84.0% (as before), refusals 95.5% (was 96.1%: H030 was refused
 * rightly only while its "Wlz-aanvraag" was redacted as a name). Cost: `npm run bench -- redact` on a
 * machine at load 11-14 on 2 cores (noisy): tuning questions 74.7 µs per call, main right after 54.3;
 * in one process, CPU time, old and new interleaved (30 rounds, median): tuning questions 56.2 → 60.2
 * µs, this corpus 136 → 161 µs per message (more is found). No pass scans the text more than once: the
 * repeated names are found in one pass, the hashtag and visitor rules only where '#' or "bezoek"/"visit"
 * occurs, diminutives are worked out only for words ending in -e.
 *
 * Changed (patterns for the kind, no rule for one string): the town after a postcode stays; a BSN
 * label with a title and name before the number; a name as a link's path segment after the segment
 * for people; letters NFD does not take apart (Ł ø ı ß æ œ) fold; more first names (Polish, Frisian,
 * formal Dutch, Hindustani, Iberian) and diminutives of listed names worked out from the word; a care
 * term joined to a lower-case word is no double surname; a name signed after a dash at the end and in
 * lower case under a closing; a name in a hashtag after a client or family word; a client's visitors;
 * any capitalised word with 's and a relative; the same name again in the message; a listed first
 * name in brackets after a name, initials with one, and "XdY"; a spaced double surname; a name wrapped
 * after "van"/"der"; capitalised words before a birth; a surname after a profession; "X wil weten";
 * a short lower-case name before "z'n"/"d'r" and a relative; a word-name with a particle and common
 * surname in lower case; a label's value that starts with a word-name; care profiles, VPT and MPT as
 * care words; and a first name with a sentence-ending dot takes no next word as its surname.
 */
import { describe, expect, it } from 'vitest';
import { measureRt4, RT4 } from './corpus-rt4-check.ts';

const results = measureRt4();

// Kept by the project's rules, as in red teams 2 and 3: @-mentions are colleagues on the platform
// (at the edge their names come from the platform and stay whole), and a first name alone is a
// colleague's unless the words around it make it a client's.
const KEPT_BY_RULE = [
  'p013 Priya Ramdin', // "@Priya Ramdin kun jij de overdracht … doen?": a mention ("@Priya [naam]" without the platform's mention)
  'p061 Yassine Ouali', // "cc @Yassine Ouali — …": a mention
  'p139 Grace', // "Grace will bring the CIZ letter": a colleague
];
// Not fixed: a date of an event (a death, an admission) is no kind the redaction has; only a date of
// birth is. Redacting dates near such verbs would also take "per 1 januari", "vanaf 1 juli" in
// policy questions, and a date alone names no one.
const NOT_FIXED = [
  'p091 dinsdag 14 januari', // "Mw. [naam] (geb. [geboortedatum]) overleed dinsdag 14 januari"
  'p093 3/4', // "opgenomen op 3/4 met een crisisindicatie"
  'p126 Tuesday 14 January', // "Mrs. [name] passed away on Tuesday 14 January"
];

describe('privacy red team 4 (corpus-rt4.json)', () => {
  it('holds 160 messages with personal data and 40 hard negatives', () => {
    expect(RT4.filter((e) => e.leak.length > 0)).toHaveLength(160);
    expect(RT4.filter((e) => e.leak.length === 0)).toHaveLength(40);
  });

  it('leaks nothing but the names kept by rule and the dates not fixed (fresh: 36 spans)', () => {
    const leaks = results.flatMap((r) => r.leaks.map((l) => `${r.id} ${l.span}`));
    expect(leaks).toEqual([...KEPT_BY_RULE, ...NOT_FIXED].sort());
  });

  it('keeps every must-stay word (fresh: 6 lost, measured after: 0)', () => {
    const lost = results.flatMap((r) => r.over.map((s) => `${r.id} ${s}  →  ${r.out}`));
    expect(lost).toEqual([]);
  });

  it('leaves the hard negatives as they are', () => {
    const changed = results.filter((r) => r.id.startsWith('n') && r.out !== r.text).map((r) => `${r.id}: ${r.out}`);
    expect(changed).toEqual([]);
  });
});
