/**
 * `wegwijs kb check`: validates every knowledge card (and the synonym and guardrail files),
 * naming file and field; exits 1 on an error. Warnings (valid_until in the past) do not fail.
 * `wegwijs kb gaps`: unanswered and voted-down questions from the store, most frequent first,
 * each with the network's answer when it was asked of a network (`kb gaps close <id> <card>`).
 * `wegwijs kb drafts`, `kb draft N`: draft cards from resolved network questions (kb-network.ts).
 */
import { parseArgs } from 'node:util';
import { checkKnowledge, formatIssue, listGaps, loadGuardrails, loadSynonyms, questionId } from '../../src/ask/index.ts';
import { DEFAULT_KNOWLEDGE_DIR, openWegwijsStore, systemClock } from '../../src/core/index.ts';
import { cliConfig } from './config.ts';
import type { CliCommand } from './index.ts';
import { closeGapCommand, gapExtras, gapLines, printDraft, printDrafts } from './kb-network.ts';

export const kb: CliCommand = {
  summary: 'knowledge base: "check" validates the cards, "gaps" lists unanswered questions, "drafts" cards from the networks',
  usage: 'kb check | kb gaps [--limit N] [--json] [--all] | kb gaps close ID CARD | kb drafts | kb draft N',
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { limit: { type: 'string', default: '50' }, json: { type: 'boolean', default: false }, all: { type: 'boolean', default: false } } });
    const config = cliConfig();
    const dir = config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
    if (positionals[0] === 'check') return check(dir);
    if (positionals[0] === 'drafts' || positionals[0] === 'draft' || (positionals[0] === 'gaps' && positionals[1] === 'close')) {
      const store = await openWegwijsStore(config.store, systemClock);
      try {
        if (positionals[0] === 'drafts') return await printDrafts(store, values.json);
        if (positionals[0] === 'draft') return await printDraft(store, positionals[1]);
        return await closeGapCommand(store, dir, positionals[2], positionals[3]);
      } finally {
        await store.close();
      }
    }
    if (positionals[0] === 'gaps') {
      const store = await openWegwijsStore(config.store, systemClock);
      try {
        const extras = await gapExtras(store);
        // A gap a curator closed with a card is done; `--all` shows it too.
        const open = (await listGaps(store)).filter((g) => values.all || !extras.closed.has(questionId(g.text)));
        const gaps = open.slice(0, Number(values.limit) || 50);
        if (values.json) {
          for (const g of gaps) process.stdout.write(`${JSON.stringify({ ...g, id: questionId(g.text), networkAnswers: extras.answers.get(questionId(g.text))?.map((d) => ({ draft: d.number, network: d.networkName, answer: d.answer })) ?? [], closedWith: extras.closed.get(questionId(g.text))?.card })}\n`);
          return 0;
        }
        if (gaps.length === 0) process.stdout.write('No unanswered or voted-down questions yet.\n');
        for (const g of gaps) {
          const reasons = Object.entries(g.reasons).map(([r, n]) => `${r} ${n}`).join(', ');
          process.stdout.write(
            `${String(g.count).padStart(4)}×  ${g.text}\n       unanswered ${g.unanswered}, 👎 ${g.down}${reasons ? ` (${reasons})` : ''}${g.refusal ? `, ${g.refusal}` : ''}${g.cards.length ? `, nearest: ${g.cards.join(', ')}` : ''}, last ${g.lastAt.slice(0, 10)}\n`,
          );
          for (const line of gapLines(g, extras)) process.stdout.write(`${line}\n`);
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
  // A card whose source is a network's experience is accepted only once reviewed (reviewed_by, reviewed_at).
  const { cards, issues } = checkKnowledge(dir, new Date(), { requireNetworkReview: true });
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
