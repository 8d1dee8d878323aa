import { describeProbes } from './probe-suite.ts';

describeProbes({ file: new URL('./coverage-probes-6.json', import.meta.url), title: 'coverage probes, sixth set (gemeente side)', label: 'coverage probes 6', floor: 0, minCount: 60 });
