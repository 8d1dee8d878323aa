/** `wegwijs eval [file]`: runs the evaluation set offline and checks the floors. */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { AskEngine, FLOORS, loadEvalSet, runEval } from '../../src/ask/index.ts';
import { createLogger, REPO_ROOT } from '../../src/core/index.ts';
import { buildEngine } from './ask.ts';
import { cliConfig } from './config.ts';
import type { CliCommand } from './index.ts';

// From the installation root, so the compiled command (dist/app/commands) finds it too.
const DEFAULT_FILE = join(REPO_ROOT, 'test/eval/questions.jsonl');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const evaluate: CliCommand = {
  summary: 'run the evaluation set: hit rates, refusals, misses; non-zero below the floors',
  usage: 'eval [FILE]',
  async run(args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const config = cliConfig();
    const engine = buildEngine(() => AskEngine.fromConfig({ ...config, llm: undefined }, createLogger('warn')));
    if (!engine) return 1;
    const report = await runEval(engine, loadEvalSet(positionals[0] ?? DEFAULT_FILE));
    const out = [
      `answerable questions: ${report.answerable}, must-refuse questions: ${report.mustRefuse}`,
      `top-1 hit rate:        ${pct(report.top1)}`,
      `top-3 hit rate:        ${pct(report.top3)}   (floor ${pct(FLOORS.top3)})`,
      `refusal precision:     ${pct(report.refusalPrecision)}`,
      `refusal recall:        ${pct(report.refusalRecall)}   (floor ${pct(FLOORS.refusalRecall)})`,
      `in-scope refused:      ${pct(report.inScopeRefused)}   (at most ${pct(FLOORS.maxInScopeRefused)})`,
    ];
    if (report.unknownCards.length > 0) out.push(`unknown card ids in the set: ${report.unknownCards.join(', ')}`);
    if (report.misses.length > 0) {
      out.push('', `wrong (${report.misses.length}):`);
      for (const m of report.misses) out.push(`- ${m.q}\n    expected: ${m.expected}\n    got:      ${m.got}`);
    }
    out.push('', report.passed ? 'PASS' : 'FAIL: below the floors');
    process.stdout.write(`${out.join('\n')}\n`);
    return report.passed ? 0 : 1;
  },
};
