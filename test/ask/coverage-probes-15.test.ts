import { describeProbes } from './probe-suite.ts';

// Coverage probes, fifteenth set: the first conversation of a cliëntondersteuner or
// mantelzorgmakelaar with a family that is stuck, in the family's and the professional's words:
// where to start (CIZ, zorgkantoor, gemeente, wijkverpleegkundige; which law decides), the family's
// rights (free cliëntondersteuning under the Wlz and the Wmo, bezwaar against the CIZ or a Wmo
// beschikking and a machtiging for it, complaints and the geschilleninstantie, the cvp Wzd and the AKJ,
// a second opinion, what a zorgaanbieder may tell parents of an adult son), money (who collects the
// eigen bijdrage, from 18, the abonnementstarief per household, laundry of clothes in a Wlz home, pgb
// for a daughter and the zorgovereenkomst, meerzorg, who pays a mantelzorgmakelaar), representation
// (18th birthday, machtiging for the Wlz application, mentor/bewind/curatele, levenstestament, no
// lawyer and griffierecht), zorgplicht (zorgkantoor, zorgverzekeraar, gemeente), waiting (urgent and
// actief plaatsen, wacht op voorkeur, dossierhouder, refusing an offer, bridging care) and a provider
// that stops care. Written before any card was read, more than half as longer messages with a
// made-up client, a town and family words (12 of 60 in English); every fact checked against a public
// source (CIZ, CAK, Regelhulp, rechtspraak.nl, zorgkantoren, Zorginstituut, insurers' policy pages).
/**
 * Measured 2026-12-01 on the shown answer (offline engine). Fresh, before any card was changed: 46.7%
 * of 60 (28/60; 7 refused). One pattern was then widened because it missed a correct wording: P15-024
 * now also accepts 'vanaf de 18e verjaardag'.
 * After two new cards (wlz-verblijf-wat-betaalt-bewoner-zelf: buying and washing personal clothing is
 * not in the Wlz, extra laundry because of illness is; second-opinion-vergoeding: same field, referral,
 * basic insurance, and bezwaar instead of a second opinion on a CIZ/gemeente/zorgkantoor decision) and
 * edits to 14 cards (one parent with gezag signs a child's Wlz application; a machtigingsformulier for a
 * bezwaar on the client's behalf; a second refusal at actief plaatsen can move the status to wacht op
 * voorkeur; no lawyer and griffierecht for mentorschap; levenstestament at the notaris; representation
 * three months before 18; a cliëntondersteuner is free unlike a mantelzorgmakelaar; the cvp Wzd is free;
 * the eigen bijdrage from the 18th birthday, also with a pgb; the CAK's income year for 18-20-year-olds
 * since 2026 (the card was outdated); a Wmo provider or thuiszorg that stops; the zorgplan discussed
 * with the representative of a client who lacks capacity; and card questions for the AKJ, the CIZ when
 * home is untenable, the Wmo onderzoek, refusing an offered place, the levenstestament and the
 * zorgplan): 70.0% (42/60). That figure is tuned on these probes (the misses were read), not a fresh
 * one. Sets 2-13 the same on the same tree, except set 4 (94% -> 93%: P4-013
 * expected the CAK's old income rule for 18-year-olds, which the corrected card no longer states first).
 * A card question for a family told to find a home itself (P15-045) was tried and dropped: it cost a
 * held-out answer. Misses left:
 * 022, 033, 055 and 058 are refused by the guardrails as a legal case or a client decision, 048 and 053
 * (an unsafe situation while waiting) are refused as unknown; in 001, 003, 019 and 028 a story word
 * ('dementie', 'wijkverpleging') and in 005 and 030 the word 'familie' pull a neighbouring card; 014,
 * 041, 043, 045, 051 and 056 get a near card or another sentence. The floor is
 * the measured share minus two points.
 */
describeProbes({ file: new URL('./coverage-probes-15.json', import.meta.url), title: 'coverage probes, fifteenth set (first conversation with a stuck family)', label: 'coverage probes 15', floor: 0.68, minCount: 60 });
