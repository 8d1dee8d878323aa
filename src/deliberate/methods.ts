/**
 * Deliberation methods are data: `prompts/deliberation/*.yaml`, written by content writers and
 * validated here when loaded. A broken file is reported with its name and the field at fault;
 * the other methods still load, so one typo never takes the feature down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { cachedData, parseYaml, type Lang, type Logger } from '../core/index.ts';

const Text = z.object({ nl: z.string().trim().min(1), en: z.string().trim().min(1) });
export type LocalText = z.infer<typeof Text>;

export const INPUT_KINDS = ['none', 'text', 'moral_question', 'stakeholders', 'options', 'choice', 'agreements', 'rating'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Where a step's notes land in the report. */
export const REPORT_SECTIONS = ['case', 'moral_question', 'values', 'options', 'choices', 'agreements', 'evaluation', 'notes'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const StepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens'),
  title: Text,
  prompt: Text,
  guidance: Text,
  timebox_minutes: z.number().int().min(1).max(240),
  input: z.enum(INPUT_KINDS),
  each_participant: z.boolean(),
  /** Optional: the report section of the step's notes; by default derived from `input`. */
  report_section: z.enum(REPORT_SECTIONS).optional(),
  /**
   * Optional: answers are given privately (a form) and shown to nobody until the facilitator
   * presses "Toon alles" (in an asynchronous session: when the step closes), so nobody anchors
   * on the first answer.
   */
  blind: z.boolean().optional(),
  /** Optional: dots per person to vote with on the options of `vote_on` (dot voting). */
  vote: z.number().int().min(1).max(10).optional(),
  /** Optional, with `vote`: id of the step whose notes are the options; default the nearest earlier `options` step, else this step. */
  vote_on: z.string().optional(),
  /** Optional: how long the step stays open in an asynchronous session, in hours; default the session's step time. */
  async_hours: z.number().min(1).max(24 * 14).optional(),
});
export type MethodStep = z.infer<typeof StepSchema>;

const SourceSchema = z.object({
  document: z.string().min(1),
  locator: z.string().optional(),
  date: z.string().optional(),
  url: z.string().url().optional(),
});

export const MethodSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens'),
    name: Text,
    description: Text,
    duration_minutes: z.number().int().min(1).max(480),
    sources: z.array(SourceSchema).optional(),
    steps: z.array(StepSchema).min(1),
  })
  .superRefine((method, ctx) => {
    const seen = new Set<string>();
    method.steps.forEach((step, i) => {
      if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${step.id}"` });
      seen.add(step.id);
      if (step.vote_on !== undefined) {
        if (step.vote === undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, 'vote_on'], message: 'vote_on needs vote (the dots per person)' });
        const on = method.steps.findIndex((s) => s.id === step.vote_on);
        if (on < 0 || on > i) ctx.addIssue({ code: 'custom', path: ['steps', i, 'vote_on'], message: `"${step.vote_on}" is not this step or an earlier one` });
      }
    });
  });
export type Method = z.infer<typeof MethodSchema>;

export interface MethodError {
  file: string;
  field: string;
  message: string;
}

export interface MethodCatalogue {
  methods: Method[];
  errors: MethodError[];
}

const DEFAULT_SECTION: Record<InputKind, ReportSection> = {
  none: 'notes',
  text: 'notes',
  moral_question: 'moral_question',
  stakeholders: 'values',
  options: 'options',
  choice: 'choices',
  agreements: 'agreements',
  rating: 'evaluation',
};

/** The step whose notes are voted on in step `index`, or undefined when the step has no vote. */
export function voteSource(method: Method, index: number): number | undefined {
  const step = method.steps[index];
  if (!step?.vote) return undefined;
  if (step.vote_on) return method.steps.findIndex((s) => s.id === step.vote_on);
  for (let i = index - 1; i >= 0; i--) if (method.steps[i].input === 'options') return i;
  return index;
}

/** The report section of a step: as written in the file, else from its input kind (the first text step is the case). */
export function sectionOf(method: Method, index: number): ReportSection {
  const step = method.steps[index];
  if (step.report_section) return step.report_section;
  if (step.input === 'text' && method.steps.findIndex((s) => s.input === 'text') === index) return 'case';
  return DEFAULT_SECTION[step.input];
}

/**
 * Loads every `*.yaml` directly in `dir` (sub-folders hold other prompts). Each bad file is
 * logged as an error naming the file and field, and left out; a missing folder gives no methods.
 */
export function loadMethods(dir: string, log: Logger): MethodCatalogue {
  const methods: Method[] = [];
  const errors: MethodError[] = [];
  let files: string[];
  try {
    files = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    log.error({ code: 'wegwijs_bad_input', dir, err: { message: (err as Error).message } }, 'deliberation methods folder unreadable');
    return { methods, errors: [{ file: dir, field: '', message: (err as Error).message }] };
  }
  for (const file of files) {
    const error = (field: string, message: string) => {
      errors.push({ file, field, message });
      log.error({ code: 'wegwijs_bad_input', file, field }, `Deliberation method ${file}: ${field ? `${field}: ` : ''}${message}`);
    };
    let raw: unknown;
    try {
      const text = readFileSync(join(dir, file), 'utf8');
      // Through the start-up cache, as the knowledge folder's data files: a start parses no YAML.
      raw = cachedData(`method-${file.replace(/\W+/g, '-')}`, dir, [{ file, text }], [import.meta.url], () => parseYaml(text));
    } catch (err) {
      error('', `not valid YAML (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    const parsed = MethodSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const missing = issue.code === 'invalid_type' && issue.message.includes('undefined');
      error(issue.path.join('.'), missing ? 'missing' : issue.message);
      continue;
    }
    if (methods.some((m) => m.id === parsed.data.id)) {
      error('id', `duplicate method id "${parsed.data.id}"`);
      continue;
    }
    methods.push(parsed.data);
  }
  return { methods, errors };
}

export function local(text: LocalText, lang: Lang): string {
  return text[lang];
}
