import { defineConfig } from 'vitest/config';

/**
 * Test files in these folders run without isolation: one module graph per worker, so the core,
 * the SDKs and the knowledge base are imported and compiled once per worker instead of once per
 * file (on two cores this more than halves their time). They keep no module state between files;
 * that was checked by running them so. Other folders keep a fresh module graph per file: some of
 * their files rely on it (test/peers/curation and script fail without it), and so does
 * test/ask/answer-trust, the one file of test/ask that does (test/ask shared: 22 s → 15 s).
 */
const SHARED = [
  'test/architecture.test.ts',
  'test/{actions,adapters,app,ask,console,console-web,core,deliberate,examples,ideas,networks,privacy,replay,slack,store,teams,tenancy}/**/*.test.ts',
];
/** Files inside those folders that still need a fresh module graph of their own. */
const OWN_GRAPH = ['test/ask/answer-trust.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two cores on CI: end-to-end tests start processes; keep parallelism modest.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED, exclude: OWN_GRAPH, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['test/**/*.test.ts'], exclude: SHARED, isolate: true } },
      { extends: true, test: { name: 'own-graph', include: OWN_GRAPH, isolate: true } },
    ],
  },
});
