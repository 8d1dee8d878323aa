import { relative, sep } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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
// test/ask/guardrail-gates compiles every refusal rule twice (gated and whole): ~200 MB of machine
// code that a shared worker would keep for the files after it (one full run ran out of memory in
// regular-expression code, 3 Dec 2026).
const OWN_GRAPH = ['test/ask/answer-trust.test.ts', 'test/ask/guardrail-gates.test.ts', 'test/peers/curation.test.ts', 'test/peers/script.test.ts'];

/**
 * The slowest files (about so many seconds in a full run on the shared 2-core machine, 2
 * December), started first. Vitest orders files by their last duration, but on a fresh clone
 * (CI) it has none and starts the largest files first: short files with heavy loops (the
 * evaluation, the guardrail and redaction equivalence checks) then came last (in one run the
 * guardrail gates took the last 32 s, the final 8 s alone). A file not listed here runs after
 * these, in vitest's order.
 */
const SLOW: Record<string, number> = {
  'test/ask/eval.test.ts': 30,
  'test/ask/refusal-intent.test.ts': 22,
  'test/privacy/paths.test.ts': 21,
  'test/fuzz/new-paths.test.ts': 20,
  'test/peers/flow.test.ts': 19,
  'test/privacy/new-paths.test.ts': 18,
  'test/actions/cli.test.ts': 15,
  'test/ask/cli.test.ts': 15,
  'test/privacy/quick-checks.test.ts': 14,
  'test/privacy/redteam.test.ts': 13,
  'test/slack/crash.test.ts': 13,
  'test/teams/attacks.test.ts': 13,
  'test/ask/guardrail-gates.test.ts': 12,
  'test/console-web/browser.test.ts': 11,
  'test/peers/curation.test.ts': 11,
  'test/ask/answer-trust.test.ts': 10,
  'test/ask/llm.test.ts': 9,
  'test/privacy/corpus.test.ts': 9,
  'test/privacy/blind.test.ts': 8,
  'test/scale/features.test.ts': 8,
};

/**
 * Vitest's order (project by project; failed first, then the longest last time), with the known
 * slow files first where there is no last run.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(f.project.config.root, f.moduleId)}`) !== undefined;
    if (sorted.every(known)) return sorted;
    const weight = (f: TestSpecification) => SLOW[relative(f.project.config.root, f.moduleId).split(sep).join('/')] ?? 0;
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    // Stable: within a project, the listed files by weight, then the rest in vitest's order.
    return projects.flatMap((name) => sorted.filter((f) => f.project.name === name).sort((a, b) => weight(b) - weight(a)));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: SlowFirst },
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
    // 66 -> 43 CPU seconds. The `wegwijs` command sets the same flag at its start (bin/wegwijs.js),
    // so the tests now run the patterns as the product does; processes they start set it themselves.
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
