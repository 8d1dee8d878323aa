/**
 * The optional LLM synthesis of a report: grounded in the session's (already redacted) notes
 * only, and never the moral answer. Without a client, without the prompt file or on any failure
 * it returns undefined and the report goes out without it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { type Lang, type Logger, errorCode } from '../core/index.ts';
import type { LlmClient } from '../llm/index.ts';

const PromptSchema = z.object({ system: z.string().min(1), user: z.string().min(1) });
export type SynthesisPrompt = z.infer<typeof PromptSchema>;

/** Reads the prompt file; undefined (logged) when it is missing or malformed. */
export function loadSynthesisPrompt(path: string, log: Logger): SynthesisPrompt | undefined {
  try {
    return PromptSchema.parse(parse(readFileSync(path, 'utf8')));
  } catch (err) {
    log.warn({ code: 'wegwijs_bad_input', path, err: { message: (err as Error).message.split('\n')[0] } }, 'deliberation synthesis prompt unavailable');
    return undefined;
  }
}

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

export async function synthesise(llm: LlmClient | undefined, prompt: SynthesisPrompt | undefined, notes: string, lang: Lang, log: Logger): Promise<string | undefined> {
  if (!llm || !prompt) return undefined;
  const vars = { notes, language: lang === 'en' ? 'English' : 'Dutch (Nederlands)' };
  try {
    const completion = await llm.complete({
      system: fill(prompt.system, vars),
      user: fill(prompt.user, vars),
      maxTokens: 400,
      temperature: 0.2,
      purpose: 'deliberate.synthesis',
    });
    const result = completion.text.trim();
    return result.length ? result.slice(0, 2000) : undefined;
  } catch (err) {
    log.warn({ code: errorCode(err) }, 'deliberation synthesis failed; report without it');
    return undefined;
  }
}
