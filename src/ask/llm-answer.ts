/**
 * The optional LLM answer: the best cards go into a grounded prompt (prompts/ask/answer.yaml),
 * the model must answer only from them and cite them by id. Its JSON is checked with zod; an
 * answer that cites nothing, or cites a card it was not given, is dropped (the caller then uses
 * the offline answer), as are time-outs and errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Lang, type Logger, errorCode, parseYaml } from '../core/index.ts';
import type { LlmClient } from '../llm/index.ts';
import type { KnowledgeCard } from './knowledge.ts';

const PromptSchema = z.object({ system: z.string().min(20), user: z.string().min(10) });
export type AskPrompt = z.infer<typeof PromptSchema>;

export const LlmAnswerSchema = z.object({
  answered: z.boolean(),
  answer: z.string().max(4000),
  cards: z.array(z.string()).max(10),
});

export function loadPrompt(promptsDir: string): AskPrompt {
  const file = join(promptsDir, 'ask', 'answer.yaml');
  const parsed = PromptSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);

/** Builds the two messages; the question is embedded as a JSON string, i.e. quoted data. */
export function buildMessages(prompt: AskPrompt, question: string, cards: KnowledgeCard[], lang: Lang): { system: string; user: string } {
  const language = lang === 'en' ? 'in English' : 'in Dutch (Nederlands)';
  const payload = cards.map((c) => ({ id: c.id, title: c.title, answer: lang === 'en' && c.answer_en ? c.answer_en : c.answer, details: c.body.slice(0, 1200) }));
  return {
    system: fill(prompt.system, { language }),
    // Fill {question} last, so a question that contains "{cards}" stays text.
    user: fill(fill(prompt.user, { cards: JSON.stringify(payload, null, 1) }), { question: JSON.stringify(question) }),
  };
}

export interface GroundedAnswer {
  text: string;
  cited: string[];
}

/** Asks the model; undefined means "use the offline answer" (and the reason is logged as a code). */
export async function llmAnswer(
  llm: LlmClient,
  prompt: AskPrompt,
  question: string,
  cards: KnowledgeCard[],
  lang: Lang,
  log: Logger,
): Promise<GroundedAnswer | undefined> {
  let raw: string;
  try {
    const messages = buildMessages(prompt, question, cards, lang);
    raw = (await llm.complete({ ...messages, json: true, maxTokens: 500, temperature: 0, purpose: 'ask' })).text;
  } catch (err) {
    log.warn({ code: errorCode(err) }, 'ask: llm failed, offline answer used');
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
  } catch {
    log.warn({ code: 'ask_llm_not_json', chars: raw.length }, 'ask: llm answer dropped');
    return undefined;
  }
  const parsed = LlmAnswerSchema.safeParse(json);
  if (!parsed.success || !parsed.data.answered || parsed.data.answer.trim().length === 0) {
    log.warn({ code: parsed.success ? 'ask_llm_unanswered' : 'ask_llm_bad_schema' }, 'ask: llm answer dropped');
    return undefined;
  }
  const given = new Set(cards.map((c) => c.id));
  const cited = [...new Set(parsed.data.cards)];
  if (cited.length === 0 || cited.some((id) => !given.has(id))) {
    log.warn({ code: cited.length === 0 ? 'ask_llm_no_citation' : 'ask_llm_unknown_citation', cited: cited.length }, 'ask: llm answer dropped');
    return undefined;
  }
  return { text: parsed.data.answer.trim(), cited };
}
