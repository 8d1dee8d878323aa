import { describeProbes } from './probe-suite.ts';

describeProbes({ file: new URL('./coverage-probes-10.json', import.meta.url), title: 'coverage probes, tenth set (families and mantelzorgers)', label: 'coverage probes 10', floor: 0, minCount: 60 });
