/**
 * Privacy red team 2 (issue #11 point 5): 150 chat messages as care professionals and relatives type
 * them in Teams and Slack (a quarter in English), written blind before reading src/privacy, and 40
 * hard negatives (laws, articles, organisations, places, care profiles, amounts, years). Each
 * message lists the spans that must disappear and the words that must stay (corpus-rt2.json); a
 * span leaks when a telling part of it survives (corpus-rt2-check.ts). Run through redactIncoming,
 * the real edge.
 *
 * Fresh (before the fixes): 31 of 234 spans leaked, in 29 of 150 messages; over-redaction 0 of 232
 * must-stay words. By kind: names 29 (first names alone or at the start of a message, surnames that
 * are words opening a clause: "Visser belt", "de Jong zei", "Bakker van de gemeente"; "Tsjitske de
 * Haan", "Bakker-de Ruiter", "Sevda Aydın" in a list, names before "en mevr. …", "Vermeulen, Inge:",
 * "ik ben Anja", "Rosa's mum", "daughter-in-law: Chantal", "Gerda is 78 en …", a name in a link's
 * path), BSN 1 ("Burgerservicenummer moeder: 2468.13.579"), client number 1 ("client 4471").
 * Phones, e-mail (also written out), addresses, postcodes, dates of birth, IBAN, plates, JSON, CSV and
 * forwarded mail headers did not leak.
 *
 * After: 12 spans in 12 messages, all first names kept on purpose by the project's rule that a first
 * name alone is a colleague's unless the words around it make it a client's (names.ts; the ordinary
 * corpora keep "Thanks Emma, …"), and @-mentions, which are colleagues on the platform. They are
 * listed below as KEPT_BY_RULE, so any other leak, or a fix of one of these, fails this test.
 * Over-redaction stays 0. (Red team 3 removed the sign-off "Cheers, Marloes" from this list: a name
 * alone on the line after a closing is now redacted, see corpus-rt3.test.ts.) Answer path (`wegwijs ask --json`, every fifth message, 30): no span echoed,
 * before or after. Of 4091 eval questions and ordinary corpus lines, 3 redact differently, each a
 * four-digit client number now removed; the eval's output is unchanged. Redaction cost: the same
 * (old and new interleaved in one process: 68.7 → 66.5 µs per tuning question, 412 → 376 µs per
 * told situation).
 *
 * Changed (patterns for the kind, no rule for one string): a common surname (also one that is a
 * word) opening a clause as the one who calls, writes or says, or "van de gemeente/from the ward";
 * "ik ben / I'm" + a listed first name; a given name of any origin + particle + common surname; a
 * double surname whose second part starts with a particle; names listed before a titled name; a
 * given name after "Surname," ending in a colon; in-laws, mum/dad and grandchildren as kin; an age
 * said with "is 78 en"; "'s" + kin after a first name; a BSN label with whose number it is between;
 * four digits after a word for the person; list items whose head reads as a name when another item
 * holds a found name; a name in a link's path (the whole segment goes).
 */
import { describe, expect, it } from 'vitest';
import { checkRt2, redactRt2, rt2Corpus } from './corpus-rt2-check.ts';

const now = new Date('2026-12-01T12:00:00Z');
const corpus = rt2Corpus();
const results = corpus.map((m) => checkRt2(m, redactRt2(m.text, now)));

// First names the project keeps by its rule (a colleague's unless the words make it a client's),
// and @-mentions (colleagues on the platform). Id and span.
const KEPT_BY_RULE = [
  'p040 Sanne Bakker', // "@Sanne Bakker kun jij …": a mention
  'p047 rose', // a first name that is a word, in lower case
  'p048 Hope', // "Hope from the youth team asked …": a colleague
  'p062 Lisa', // "Hi Lisa, can you take over …": a greeting to a colleague
  'p063 Esra', // "Thnx Esra!"
  'p095 Marja', // "Marja: 'Kan iemand …'": the speaker in a pasted chat
  'p109 Priya Sharma', // "Thanks @Priya Sharma": a mention
  'p118 Will', // "Will from the ward asked …"
  'p119 Faith', // "Can you ask Faith whether …"
  'p148 Sevgi', // "Sevgi belde: …": a first name alone as the caller
];

describe('privacy red team 2 (corpus-rt2.json)', () => {
  it('holds 150 messages with personal data and 40 hard negatives', () => {
    expect(corpus.filter((m) => !m.hardNegative)).toHaveLength(150);
    expect(corpus.filter((m) => m.hardNegative)).toHaveLength(40);
  });

  it('leaks nothing but the first names and mentions kept by rule', () => {
    const leaks = results.flatMap((r) => r.leaks.map((s) => `${r.id} ${s}`));
    expect(leaks).toEqual(KEPT_BY_RULE);
  });

  it('keeps every must-stay word (measured over-redaction: 0)', () => {
    const lost = results.flatMap((r) => r.lost.map((s) => `${r.id} ${s}  →  ${r.out}`));
    expect(lost).toEqual([]);
  });
});
