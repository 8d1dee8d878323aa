import { describeProbes } from './probe-suite.ts';

// Coverage probes, fifth set: the "what now" situations of a professional's week that sets 1–4
// likely miss: a client who refuses care or cannot decide, a provider that ends care, discharge from
// hospital with no place, a pgb holder who can no longer manage, mentor/curator/bewindvoerder, Wlz
// reassessment, logeeropvang and respite care, day activities and aids under Wmo/Wlz/Zvw, transport,
// care abroad, bridging care, palliative care, personal care under Zvw vs Wlz, NZa/IGJ/Zorginstituut,
// complaints and disputes, the GP/SO/AVG, and details of seeds 000–004. Written before any card was
// read, as professionals type them (20 in English); every fact checked against the seeds or a public
// source.
/**
 * Measured 2026-11-30 on the shown answer (offline engine). Fresh, before any card was changed: (pending).
 */
describeProbes({ file: new URL('./coverage-probes-5.json', import.meta.url), title: 'coverage probes, fifth set (practical situations of a week)', label: 'coverage probes 5', floor: 0, minCount: 100 });
