import { describeProbes } from './probe-suite.ts';

// Coverage probes, third set: the five seed reports in depth (000 learning networks of VWS, 001
// GGZ learning networks, 002 Volwaardig leven, 003 Begeleiding à la carte, 004 Werkagenda), 15-28
// questions per report as a learning-network member would ask them: numbers, names of pilots and
// networks, what was learned, the five groups between the cracks, the escalation route, the GGZ
// networks' dilemmas, serious games and crazy eight, dossierhouderschap. Each probe was written from
// the report before any card was read, with the report's fact as a pattern on the shown answer.
/**
 * Measured 2026-11-30 on the shown answer (offline engine): 118 probes 66.1% fresh (78, with 2.6%
 * refused as unknown or out of scope); 71.2% after adding the facts that no card had (the DSP overall
 * study of the support pilots, the Copiloot's cost-effectiveness, De Berkelhof and Vitamine D, the
 * Werkagenda's lumpsum, waiting time as a quality measure) and two synonym groups. The 34 misses left
 * have the fact in a card, but retrieval picks another card or another sentence of the right card
 * (listed for the retrieval owners). The floor is the measured share minus about two points.
 */
describeProbes({ file: new URL('./coverage-probes-3.json', import.meta.url), title: 'coverage probes, third set (the seed reports in depth)', label: 'coverage probes 3', floor: 0.69, minCount: 100, seeds: ['000', '001', '002', '003', '004'] });
