/**
 * `wegwijs kb check`: validates every knowledge card (and the synonym and guardrail files),
 * naming file and field; exits 1 on an error. Warnings (valid_until in the past) do not fail.
 * `wegwijs kb gaps`: unanswered and voted-down questions from the store, most frequent first.
 */
import { parseArgs } from 'node:util';
import { checkKnowledge, formatIssue, listGaps, loadGuardrails, loadSynonyms } from '../../src/ask/index.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { cliConfig } from './config.ts';
import type { CliCommand } from './index.ts';

export const kb: CliCommand = {
  summary: 'knowledge base: "check" validates the cards, "gaps" lists unanswered questions',
  usage: 'kb check | kb gaps [--limit N] [--json]',
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { limit: { type: 'string', default: '50' }, json: { type: 'boolean', default: false } } });
    const config = cliConfig();
    const dir = config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
    if (positionals[0] === 'check') return check(dir);
    if (positionals[0] === 'gaps') {
      const store = await openStore(config.store);
      try {
        const gaps = (await listGaps(store)).slice(0, Number(values.limit) || 50);
        if (values.json) {
          for (const g of gaps) process.stdout.write(`${JSON.stringify(g)}\n`);
          return 0;
        }
        if (gaps.length === 0) process.stdout.write('No unanswered or voted-down questions yet.\n');
        for (const g of gaps) {
          const reasons = Object.entries(g.reasons).map(([r, n]) => `${r} ${n}`).join(', ');
          process.stdout.write(
            `${String(g.count).padStart(4)}×  ${g.text}\n       unanswered ${g.unanswered}, 👎 ${g.down}${reasons ? ` (${reasons})` : ''}${g.refusal ? `, ${g.refusal}` : ''}${g.cards.length ? `, nearest: ${g.cards.join(', ')}` : ''}, last ${g.lastAt.slice(0, 10)}\n`,
          );
        }
        return 0;
      } finally {
        await store.close();
      }
    }
    process.stderr.write(`Usage: wegwijs ${kb.usage}\n`);
    return 2;
  },
};

function check(dir: string): number {
  const { cards, issues } = checkKnowledge(dir);
  for (const [name, load] of [['synonyms.yaml', loadSynonyms], ['guardrails.yaml', loadGuardrails]] as const) {
    try {
      load(dir);
    } catch (err) {
      issues.push({ level: 'error', file: name, field: '-', message: (err as Error).message.replace(`${name}: `, '') });
    }
  }
  const errors = issues.filter((i) => i.level === 'error');
  for (const issue of issues) process.stderr.write(`${issue.level}: ${formatIssue(issue)}\n`);
  process.stdout.write(`${cards.length} cards, ${errors.length} error(s), ${issues.length - errors.length} warning(s)\n`);
  return errors.length > 0 ? 1 : 0;
}
