import { describeProbes } from './probe-suite.ts';

// Coverage probes, fourth set: the public rules of long-term care that cliëntondersteuners,
// zorgkantoor staff, wijkverpleegkundigen, mantelzorgmakelaars and intake officers look up in a
// week, one level deeper than the second set: CIZ grounds and care profiles (LG, ZG, VV4/5/9b/10),
// combining delivery forms, how the CAK computes contributions, the Wmo conversation and its
// written report, GRZ and ELV, the deductible, 18-/18+ (foster care, gezinshuis, consent, mentorship),
// the Wvggz report and exploratory investigation, Wzd complaints, care leave for informal carers,
// waiting statuses, complaints to the ombudsman and the IGJ, and details of seeds 002 and 004.
// Written before any card was read, as professionals type them (22 in English); every fact
// checked against the seeds or a public source.
/**
 * Measured 2026-11-30 on the shown answer (offline engine), fresh, before any card was changed: 52.0% of 100
 * (public 43/88, seed 004 8/8, seed 002 1/4). The floor is set below after the card fixes.
 */
describeProbes({ file: new URL('./coverage-probes-4.json', import.meta.url), title: 'coverage probes, fourth set (public rules one level deeper)', label: 'coverage probes 4', floor: 0.0, minCount: 100 });
