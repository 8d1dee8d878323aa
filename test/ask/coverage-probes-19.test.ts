import { describeProbes } from './probe-suite.ts';

// Coverage probes, nineteenth set: the personal budget (pgb) and wooninitiatieven in depth, as
// budgethouders, pgb-vertegenwoordigers, ouderinitiatieven, pgb-consulenten of zorgkantoren and
// Wmo-consulenten ask: the gewaarborgde hulp becoming the pgb-beheerder, the bewuste-keuzegesprek and
// the huisbezoek, the verantwoordingsvrij bedrag and the vaststellingsbeschikking, the SVB (model care
// agreements, notice, monthly amount versus declaration, the yearly budget), the Wlz formal tariff,
// EKT limits, the wooninitiatief and its toeslagen (3-26 residents, 100 metres, kwaliteitstoeslag V&V,
// IGJ/Wkkgz), the Zvw-pgb (indication, intensieve kindzorg, informal tariff), Wmo and Jeugdwet pgb
// conditions and refusal, pgb abroad, when a Wlz pgb ends and a budget holder's death, the Regeling
// dienstverlening aan huis. Written before any card was read (12 in English); every fact checked against
// SVB, Regelhulp, informatielangdurigezorg.nl, Rijksoverheid, zorgkantoor pages (CZ, VGZ, Menzis,
// Zilveren Kruis, Zorg en Zekerheid, Friesland), Per Saldo or the law text (Wmo 2015 art. 2.3.6,
// Jeugdwet art. 8.1.1).
/**
 * Measured 2026-12-01 on the shown answer (offline engine). Fresh, before any card was changed: 20.0%
 * of 60 (12/60; 12 refused). P19-026 was then dropped: its fact (no EKT in a wooninitiatief) is stated
 * by no official source (CZ zorgkantoor only bars EKT for raising tariffs, also in a wooninitiatief), so
 * the fresh figure on the 59 kept is 20.3%. After four new cards (pgb-wooninitiatief-toeslag,
 * pgb-einde-overlijden, zvw-pgb-verpleging-verzorging, wlz-pgb-verantwoording-huisbezoek) and edits to
 * eight (gewaarborgde-hulp-pgb: pgb-beheerder, 1 July 2028, not a paid carer, mentor/minor, no pay;
 * wlz-pgb-voorwaarden: bewuste-keuzegesprek topics, cliëntondersteuner, refusal when the provider only
 * works with pgb, formal tariff, bestedingsvrijheid; pgb-svb-trekkingsrecht: four model agreements,
 * family model, notice of a month, monthly amount paid after approval, four weeks, yearly budget;
 * extra-budget-wlz-thuis-ekt-meerzorg: not for higher tariffs or 24-hour supervision, one family with
 * several Wlz clients, not retroactive; wmo-pgb-voorwaarden: verordening sets the amount, refusal after
 * an earlier withdrawal, quality; pgb-per-wet: Jeugdwet help with managing and refusal; zorg-in-het-
 * buitenland: 13 weeks outside the EU, under six weeks in the EU): 89.8% of 59 (53/59). That figure is
 * tuned on these probes (the misses were read), not a fresh one. A card on the Regeling dienstverlening
 * aan huis reached 94.9% but moved two held-out answers, so it was left out (057, 058 miss). Misses left:
 * 017 is refused by the client_decision guardrail, 033 (rent of the common room from the toeslag) is
 * refused as out of scope, 042 asks for a tariff and is refused as unknown (no amount), 024
 * (bestedingsvrijheid) shows another sentence of the right card (a question for a number). Sets 1-18 and the
 * tuning (0.9035) and held-out (0.8012) floors hold on the same tree. The floor is the measured share
 * minus two points.
 */
describeProbes({ file: new URL('./coverage-probes-19.json', import.meta.url), title: 'coverage probes, nineteenth set (pgb and wooninitiatieven)', label: 'coverage probes 19', floor: 0.878, minCount: 59 });
