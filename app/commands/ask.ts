/**
 * `wegwijs ask "vraag" [--role ROLE] [--lang nl|en] [--json]` and `wegwijs ask --jsonl < file`:
 * the answering engine from the knowledge folder and configuration, with no store and no chat.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isLang } from '../../src/core/index.ts';
import { AskEngine, KnowledgeError, formatIssue, parseRole, toJsonAnswer, formatPlainAnswer } from '../../src/ask/index.ts';
import { redact } from '../../src/privacy/index.ts';
import { cleanText, createLogger, MAX_MESSAGE_CHARS } from '../../src/core/index.ts';
import { cliConfig } from './config.ts';
import type { CliCommand } from './index.ts';

export const ask: CliCommand = {
  summary: 'answer one question from the knowledge base (--json), or one per line (--jsonl)',
  usage: 'ask "vraag" [--role ROLE] [--lang nl|en] [--json] | ask --jsonl',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean', default: false }, jsonl: { type: 'boolean', default: false } },
    });
    const config = cliConfig();
    if (values.lang !== undefined && !isLang(values.lang)) {
      process.stderr.write('wegwijs ask: --lang must be nl or en\n');
      return 2;
    }
    const role = values.role === undefined ? undefined : parseRole(values.role);
    if (values.role !== undefined && !role) {
      process.stderr.write(`wegwijs ask: unknown role "${values.role}"\n`);
      return 2;
    }
    // Logs go to stderr so that stdout stays one JSON object per line.
    const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const engine = buildEngine(() => AskEngine.fromConfig(config, log));
    if (!engine) return 1;
    const answerOne = async (raw: string) => {
      // The same hygiene and limit as in chat: control characters out, over-long input not read.
      const question = cleanText(raw).slice(0, MAX_MESSAGE_CHARS);
      const redaction = redact(question);
      return engine.answer(redaction.text, { role, lang: values.lang as 'nl' | 'en' | undefined }).then((a) => ({ answer: a, redaction }));
    };
    if (values.jsonl) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const raw of lines) {
        const line = raw.trim();
        if (!line) continue;
        const question = questionOf(line);
        const { answer, redaction } = await answerOne(question);
        process.stdout.write(`${JSON.stringify({ ...toJsonAnswer(answer), redacted: redaction.found })}\n`);
      }
      return 0;
    }
    const question = positionals.join(' ').trim();
    if (!question) {
      process.stderr.write(`Usage: wegwijs ${ask.usage}\n`);
      return 2;
    }
    const { answer, redaction } = await answerOne(question);
    if (values.json) process.stdout.write(`${JSON.stringify({ ...toJsonAnswer(answer), redacted: redaction.found })}\n`);
    else process.stdout.write(`${formatPlainAnswer(answer, engine)}\n`);
    return 0;
  },
};

/** A question line: plain text, or JSON with a "q" field (as in the evaluation set). */
function questionOf(line: string): string {
  if (line.startsWith('{')) {
    try {
      const parsed = JSON.parse(line) as { q?: unknown };
      if (typeof parsed.q === 'string') return parsed.q;
    } catch {
      // Not JSON after all: a question that starts with "{".
    }
  }
  return line;
}

/** Builds the engine; a broken knowledge base prints its problems (file: field: …) instead of a stack. */
export function buildEngine(build: () => AskEngine): AskEngine | undefined {
  try {
    return build();
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    for (const issue of err.issues) process.stderr.write(`error: ${formatIssue(issue)}\n`);
    process.stderr.write('wegwijs: the knowledge base has errors; run `wegwijs kb check`\n');
    return undefined;
  }
}
