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
 * Measured 2026-11-30 on the shown answer (offline engine). Fresh, before any card was changed: 52.0% of 100
 * (public 43/88, seed 004 8/8, seed 002 1/4; 12 refused as not known or out of scope). After 17 new cards
 * (CIZ grounds, how the CAK computes, the Wmo conversation and its report, who may assess district nursing,
 * insurance at 18, extended youth care, foster care to 21, the residence principle, WGBO consent, the Wvggz
 * report and exploratory investigation, AWBZ/Bopz replaced, Wzd complaints, who is a mantelzorger,
 * contracteerruimte, complaints to the ombudsman, calamities and the IGJ, gewaarborgde hulp) and eight
 * edited ones: 89.0%. A card on GGZ referral was left out: it cost a held-out question. Of the 11 misses, 8
 * have the fact in the right card but the lead shows another sentence (015 018 023 024 042 076) or another
 * card ranks first (044 098 099). The floor is the measured share minus two points.
 */
describeProbes({ file: new URL('./coverage-probes-4.json', import.meta.url), title: 'coverage probes, fourth set (public rules one level deeper)', label: 'coverage probes 4', floor: 0.87, minCount: 100 });
