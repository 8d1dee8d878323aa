import { defineConfig } from 'vitest/config';

/**
 * Test files in these folders run without isolation: one module graph per worker, so the core,
 * the SDKs and the knowledge base are imported and compiled once per worker instead of once per
 * file (on two cores this more than halves their time). They keep no module state between files;
 * that was checked by running them so (in one worker, in several file orders). The few files that
 * rely on a fresh module graph keep one of their own: test/ask/answer-trust (test/ask shared:
 * 22 s → 15 s) and test/peers/curation and script. Issue #13: examples, fuzz, peers, pictures,
 * replay and scale joined (their 25 files paid ~2 s of imports each).
 */
const SHARED = [
  'test/architecture.test.ts',
  'test/{actions,adapters,app,ask,console,console-web,core,deliberate,examples,fuzz,ideas,networks,peers,pictures,privacy,replay,scale,slack,store,teams,tenancy}/**/*.test.ts',
];
/** Files inside those folders that still need a fresh module graph of their own. */
const OWN_GRAPH = ['test/ask/answer-trust.test.ts', 'test/peers/curation.test.ts', 'test/peers/script.test.ts'];

export default defineConfig({
  test: {
    // Generous: on a busy 2-core machine a test that takes 6 s alone took 31 s in the full run.
    // A timeout is no timing assertion; it only ends a test that hangs.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // V8 runs a regular expression in its bytecode interpreter first and compiles it to machine
    // code later ("tier-up"); with hundreds of refusal rules and redaction patterns, each run once
    // per text, much of the suite ran in the interpreter. Compiled at once, the same patterns give
    // the same results (a compilation choice, no change of meaning): measured on six regex-heavy
    // files (guardrail gates, refusal intent, redaction quick checks, corpus, blind, red team),
    // 66 -> 43 CPU seconds. Only the test workers get this flag; processes the tests start do not.
    execArgv: ['--no-regexp-tier-up'],
    // Two cores on CI: end-to-end tests start processes; keep parallelism modest.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED, exclude: OWN_GRAPH, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['test/**/*.test.ts'], exclude: SHARED, isolate: true } },
      { extends: true, test: { name: 'own-graph', include: OWN_GRAPH, isolate: true } },
    ],
  },
});
