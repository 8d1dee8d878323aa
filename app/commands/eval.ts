/**
 * `wegwijs eval [FILE…] [--explain ID] [--misses]`: runs the evaluation offline, both splits by
 * default, and prints per category whether the shown answers hold the facts asked for, refusals
 * by reason, and the floors. Misses are listed for the tuning split only: the held-out split is
 * there to report, never to tune (`--misses` lists its misses too, for curators).
 */
import { parseArgs } from 'node:util';
import { basename, join } from 'node:path';
import { AskEngine, FLOORS, loadEvalSet, loadSplit, meetsFloors, runEval, type EvalItem, type EvalReport, type Split } from '../../src/ask/index.ts';
import { createLogger, REPO_ROOT } from '../../src/core/index.ts';
import { buildEngine } from './ask.ts';
import { cliConfig } from './config.ts';
import type { CliCommand } from './index.ts';

// From the installation root, so the compiled command (dist/app/commands) finds them too;
// WEGWIJS_EVAL_DIR names another folder of split files.
const EVAL_DIR = join(REPO_ROOT, 'test/eval');
const SPLITS: Split[] = ['tune', 'heldout'];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

export const evaluate: CliCommand = {
  summary: 'run the evaluation: facts in the shown answers, refusals by reason, per category; non-zero below the floors',
  usage: 'eval [FILE…] [--explain ID] [--misses]',
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { explain: { type: 'string' }, misses: { type: 'boolean' } } });
    const config = cliConfig();
    const engine = buildEngine(() => AskEngine.fromConfig({ ...config, llm: undefined }, createLogger('warn')));
    if (!engine) return 1;
    const sets =
      positionals.length > 0
        ? positionals.map((f) => ({ name: basename(f), items: loadEvalSet(f), split: splitOf(f) }))
        : SPLITS.map((split) => ({ name: split, items: loadSplit(config.evalDir ?? EVAL_DIR, split), split }));
    if (values.explain) return explain(engine, sets.flatMap((s) => s.items), values.explain);
    let passed = true;
    const out: string[] = [];
    for (const { name, items, split } of sets) {
      const report = await runEval(engine, items);
      const ok = meetsFloors(report, split);
      passed &&= ok;
      out.push(...table(name, report, split), '');
      if ((split === 'tune' || values.misses) && report.misses.length > 0) {
        out.push(`misses (${report.misses.length}):`);
        for (const m of report.misses) out.push(`- ${m.id} ${m.q}\n    expected: ${m.expected}\n    got:      ${m.got}`);
        out.push('');
      } else if (report.misses.length > 0) out.push(`(${report.misses.length} misses not listed: this split is only reported; --misses lists them)`, '');
      out.push(ok ? `${name}: PASS` : `${name}: FAIL: below the floors`, '');
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return passed ? 0 : 1;
  },
};

/** A held-out file named on the command line stays held out: its misses are not listed. */
function splitOf(file: string): Split {
  return /heldout/i.test(basename(file)) ? 'heldout' : 'tune';
}

function table(name: string, report: EvalReport, split: Split): string[] {
  const rows = [`${name}: ${report.answerable} answerable, ${report.mustRefuse} must refuse`, '', 'category                  n   facts  refused'];
  for (const [category, f] of [...report.categories].sort()) rows.push(`${category.padEnd(22)} ${String(f.n).padStart(4)}  ${pct(f.right / f.n)}  ${pct(f.refused / f.n)}`);
  rows.push('', 'refusal reason            n   right');
  for (const [reason, f] of [...report.reasons].sort()) rows.push(`${reason.padEnd(22)} ${String(f.n).padStart(4)}  ${pct(f.right / f.n)}`);
  rows.push(
    '',
    `facts in the answer:   ${pct(report.facts)}   (floor ${pct(FLOORS[split])})`,
    `refused for the right reason: ${pct(report.refusals)}   (floor ${pct(FLOORS.refusals)})`,
    `in-scope refused:      ${pct(report.inScopeRefused)}   (at most ${pct(FLOORS.maxInScopeRefused)})`,
  );
  return rows;
}

/** Why one question (by id, or by line number in the files) got its answer. */
async function explain(engine: AskEngine, items: EvalItem[], wanted: string): Promise<number> {
  const item = items.find((i) => i.id === wanted) ?? (/^\d+$/.test(wanted) ? items[Number(wanted) - 1] : undefined);
  const question = item?.q ?? wanted;
  const answer = await engine.answer(question, { lang: item?.lang, offline: true, explain: true });
  const e = answer.explanation;
  const lines = [`question:   ${question}`];
  if (e) {
    lines.push(
      `scored as:  ${e.question}`,
      `role:       ${e.role ?? '-'}`,
      `laws:       ${e.laws.join(', ') || '-'}${e.impliedLaws.length ? ` (implied: ${e.impliedLaws.join(', ')})` : ''}`,
      `wants:      ${e.wants.join(', ') || '-'}`,
      `confidence: ${e.confidence}   margin to the second card: ${e.margin}`,
      'ranking:',
      ...e.ranking.map((r) => `  ${r.score.toFixed(3)}  ${r.id}`),
      'sentences chosen:',
      ...e.sentences.map((s) => `  ${s.score.toFixed(3)}  [${s.card}] ${s.text}`),
    );
  }
  lines.push(answer.answered ? `answer:     ${answer.text}` : `refused:    ${answer.refusal}${e?.refusedBy && e.refusedBy !== answer.refusal ? ` (check: ${e.refusedBy})` : ''}`);
  if (item?.expect === 'answer') lines.push(`facts:      ${item.facts.join(' + ')}`);
  if (item?.expect === 'refuse') lines.push(`expected:   refusal for ${item.reason}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
