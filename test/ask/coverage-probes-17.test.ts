import { describeProbes } from './probe-suite.ts';

// Coverage probes, seventeenth set: the care provider's side, as intake staff, zorgbemiddelaars,
// teamleiders, behandelaars and managers of Wlz providers (VV, GZ, GGZ) ask it: the Wlz zorgplan (six
// weeks, evaluation twice a year, the persoonlijk plan, what the zorgplanbespreking covers, what is
// recorded), the zorgovereenkomst and ending care, Wkkgz duties (calamiteiten, geweld in de
// zorgrelatie, incidents, klachtenregeling, geschilleninstantie), IGJ measures, the Wtza (meldplicht,
// vergunning), NZa tariffs and zorgkantoor contracting, meerzorg and EKT, the Generiek kompas that
// replaced the Kwaliteitskader Verpleeghuiszorg, the Wzd beleidsplan and article 13, GGZ in the Wlz.
// Written before any card was read, with role preambles and made-up residents (13 in English); every
// fact checked against the law text (Wlz 8.1.1/8.1.3, Blz 6.1.1, Wkkgz), IGJ, CIBG, NZa, Zorginstituut
// or VGN pages.
/**
 * Measured 2026-12-01 on the shown answer (offline engine). Fresh, before any card was changed: 43.3%
 * of 60 (public 26/60; 17 refused). After three new cards (geweld in de zorgrelatie and incidents, the
 * Wtza, the Generiek kompas) and edits to ten cards (zorgplan: twice a year, persoonlijk plan seven
 * days, Blz topics, afschrift, recording incapacity and refusal, weloverwogen wens, and the law cited
 * as the Wlz, not the Blz; calamiteit: six weeks to find out; klacht: geschilleninstantie within six
 * months; wmcz: the klachtenregeling; toezicht: aanwijzing, bevel of at most seven days, unannounced
 * visits; Wzd: beleidsplan and article 13; zorgkantoor inkoop: no in-kind Wlz care without a contract;
 * meldcode: mandatory; ending care: 'terminate'; wilsbekwaamheid: record incapacity in the zorgplan):
 * 90.0%. That figure is tuned on these probes (the misses were read), not a fresh one. Misses left: 008
 * and 015 are refused by the client_decision guardrail; 031 (NHC) asks 'waar staat … voor' next to
 * 'tarief' and reads as a question for an amount; 025, 049 and 053 rank another card first. Sets 1-16
 * and the tuning and held-out floors hold on the same tree. The floor is the measured share minus two
 * points.
 */
describeProbes({ file: new URL('./coverage-probes-17.json', import.meta.url), title: 'coverage probes, seventeenth set (the care provider\'s side)', label: 'coverage probes 17', floor: 0.88, minCount: 60 });
