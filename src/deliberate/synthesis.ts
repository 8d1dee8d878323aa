/**
 * The optional LLM synthesis of a report: grounded in the session's (already redacted) notes
 * only, with participants' names replaced by neutral labels, and never the moral answer. Without a client, without the prompt file or on any failure
 * it returns undefined and the report goes out without it.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { cachedData, escapeRegExp, type Lang, type Logger, errorCode, parseYaml } from '../core/index.ts';
import type { LlmClient } from '../llm/index.ts';

const PromptSchema = z.object({ system: z.string().min(1), user: z.string().min(1) });
export type SynthesisPrompt = z.infer<typeof PromptSchema>;

/** Reads the prompt file; undefined (logged) when it is missing or malformed. */
export function loadSynthesisPrompt(path: string, log: Logger): SynthesisPrompt | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    // Through the start-up cache, as the knowledge folder's data files: a start parses no YAML.
    return PromptSchema.parse(cachedData('synthesis-prompt', dirname(path), [{ file: basename(path), text }], [import.meta.url], () => parseYaml(text)));
  } catch (err) {
    log.warn({ code: 'wegwijs_bad_input', path, err: { message: (err as Error).message.split('\n')[0] } }, 'deliberation synthesis prompt unavailable');
    return undefined;
  }
}

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

// Neutral stand-ins for participants in what the LLM reads (prompt data, not shown as such).
const LABEL: Record<Lang, string> = { nl: 'Deelnemer', en: 'Participant' };

/**
 * Participants' display names replaced by "Deelnemer 1", "Deelnemer 2", … (longest names first),
 * and the way back. Professionals' names are no client data, but they do not go to an LLM either.
 */
export function pseudonymise(text: string, names: readonly string[], lang: Lang): { text: string; restore: (s: string) => string } {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  const labels = unique.map((name, i) => ({ name, label: `${LABEL[lang]} ${i + 1}` }));
  let out = text;
  for (const { name, label } of labels) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'), label);
  // Highest numbers first, so "Deelnemer 1" does not eat the start of "Deelnemer 12".
  const restore = (s: string) =>
    [...labels].reverse().reduce((acc, { name, label }) => acc.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(label)}(?!\\p{N})`, 'giu'), name), s);
  return { text: out, restore };
}

/**
 * The synthesis of the notes. `people` are the display names of everyone in the session: the LLM
 * sees neutral labels instead, and the result has the names back.
 */
export async function synthesise(
  llm: LlmClient | undefined,
  prompt: SynthesisPrompt | undefined,
  notes: string,
  lang: Lang,
  log: Logger,
  people: readonly string[] = [],
): Promise<string | undefined> {
  if (!llm || !prompt) return undefined;
  const neutral = pseudonymise(notes, people, lang);
  const vars = { notes: neutral.text, language: lang === 'en' ? 'English' : 'Dutch (Nederlands)' };
  try {
    const completion = await llm.complete({
      system: fill(prompt.system, vars),
      user: fill(prompt.user, vars),
      maxTokens: 400,
      temperature: 0.2,
      purpose: 'deliberate.synthesis',
    });
    const result = neutral.restore(completion.text.trim());
    return result.length ? result.slice(0, 2000) : undefined;
  } catch (err) {
    log.warn({ code: errorCode(err) }, 'deliberation synthesis failed; report without it');
    return undefined;
  }
}
