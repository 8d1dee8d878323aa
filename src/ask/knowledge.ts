/**
 * The knowledge base: cards as Markdown files with YAML front matter, validated with zod when
 * loaded. `checkKnowledge` reports every problem by file and field (for `wegwijs kb check`);
 * `loadKnowledge` refuses to start on an error, so a broken card never answers a question.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import { WegwijsError, parseYaml } from '../core/index.ts';
import { RoleSchema } from './roles.ts';
import { cachedCards } from './card-cache.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ROLES = RoleSchema.options;
export const MIN_WORDS = 40;
export const MAX_WORDS = 150;

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const answerText = z
  .string()
  .trim()
  .refine((t) => words(t) >= MIN_WORDS && words(t) <= MAX_WORDS, { message: `must have ${MIN_WORDS}-${MAX_WORDS} words` });

const dateText = z.string().regex(DATE, 'must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (quoted)');

/**
 * Where a fact comes from. `published` is the source's own date; `consulted` the day a web page
 * without a date was read. They are kept apart so an answer never shows a consulted date as if
 * it were a publication date.
 */
export const SourceSchema = z
  .object({
    document: z.string().trim().min(3),
    /** Who published it ("Ministerie van VWS", "Zorginstituut Nederland"). */
    publisher: z.string().trim().min(2).optional(),
    locator: z.string().trim().min(1),
    published: dateText.optional(),
    consulted: dateText.optional(),
    url: z.url().optional(),
    /** seed: a document in shared/seeds; law: wetten.overheid.nl; official: a public body's page;
     * copy: a scraped or third-party copy of someone else's text; network: members' experience. */
    kind: z.enum(['seed', 'law', 'official', 'copy', 'network']).optional(),
    /** For network sources: who reviewed the experience knowledge, and when. */
    reviewed_by: z.string().trim().min(2).optional(),
    /** For network sources: the day it was reviewed. */
    reviewed_at: dateText.optional(),
  })
  .strict()
  .refine((s) => s.published || s.consulted, { message: 'needs "published" or, for an undated web page, "consulted"', path: ['published'] });
export type Source = z.infer<typeof SourceSchema>;

export const CardSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    title: z.string().trim().min(3).max(160),
    questions: z.array(z.string().trim().min(3)).min(3).max(8),
    answer: answerText,
    answer_en: answerText.optional(),
    audience: z.array(z.enum(ROLES)).min(1),
    topics: z.array(z.string().regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N} -]*$/u, 'must be lower case')).min(1),
    related: z.array(z.string()).default([]),
    sources: z.array(SourceSchema).min(1),
    reviewed: z.string().regex(DAY, 'must be "YYYY-MM-DD" (quoted)'),
    valid_until: z.string().regex(DAY, 'must be "YYYY-MM-DD" (quoted)').optional(),
    /** The date a time-bound fact was true ("stand 2020"); answers say so. */
    as_of: dateText.optional(),
  })
  .strict();
export type CardInput = z.infer<typeof CardSchema>;

export interface KnowledgeCard extends CardInput {
  /** Markdown body under the front matter (may be empty). */
  body: string;
  /** Path relative to the knowledge folder, for messages. */
  file: string;
}

export interface KnowledgeIssue {
  level: 'error' | 'warning';
  file: string;
  field: string;
  message: string;
}

export interface KnowledgeCheck {
  cards: KnowledgeCard[];
  issues: KnowledgeIssue[];
}

/** Every `*.md` under `<dir>/cards`, sorted, so the order (and the index) is stable. */
function cardFiles(dir: string): string[] {
  const root = join(dir, 'cards');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) out.push(path);
    }
  };
  walk(root);
  return out;
}

/** Splits "---\nyaml\n---\nbody" into its parts. */
function splitFrontMatter(source: string): { yaml: string; body: string } | undefined {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---', 4);
  if (end < 0) return undefined;
  const after = text.indexOf('\n', end + 4);
  return { yaml: text.slice(4, end), body: after < 0 ? '' : text.slice(after + 1).trim() };
}

/**
 * Validates every card: the schema, id = file name, unique ids, related ids that exist, and
 * `valid_until` in the past (a warning: the card still answers, marked as possibly outdated).
 */
export function checkKnowledge(dir: string, today: Date = new Date(), options: { requireNetworkReview?: boolean } = {}): KnowledgeCheck {
  const issues: KnowledgeIssue[] = [];
  const cards: KnowledgeCard[] = [];
  const files = cardFiles(dir);
  // Ids of every card file, valid or not, so one broken card does not make others' `related` fail too.
  const existing = new Set(files.map((f) => basename(f, '.md')));
  if (files.length === 0) issues.push({ level: 'error', file: join(dir, 'cards'), field: '-', message: 'no cards found' });
  for (const path of files) {
    const file = relative(dir, path);
    const parts = splitFrontMatter(readFileSync(path, 'utf8'));
    if (!parts) {
      issues.push({ level: 'error', file, field: '-', message: 'no YAML front matter between "---" lines' });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(parts.yaml);
    } catch (err) {
      issues.push({ level: 'error', file, field: '-', message: `YAML: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    const parsed = CardSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ level: 'error', file, field: issue.path.join('.') || '-', message: issue.message });
      }
      continue;
    }
    if (parsed.data.id !== basename(path, '.md')) {
      issues.push({ level: 'error', file, field: 'id', message: `"${parsed.data.id}" must equal the file name` });
    }
    cards.push({ ...parsed.data, body: parts.body, file });
  }
  const seen = new Map<string, string>();
  for (const card of cards) {
    const earlier = seen.get(card.id);
    if (earlier) issues.push({ level: 'error', file: card.file, field: 'id', message: `duplicate id "${card.id}" (also in ${earlier})` });
    else seen.set(card.id, card.file);
  }
  const todayText = today.toISOString().slice(0, 10);
  for (const card of cards) {
    card.related.forEach((id, i) => {
      if (!seen.has(id) && !existing.has(id)) issues.push({ level: 'error', file: card.file, field: `related.${i}`, message: `no card with id "${id}"` });
      if (id === card.id) issues.push({ level: 'error', file: card.file, field: `related.${i}`, message: 'a card cannot be related to itself' });
    });
    card.sources.forEach((source, i) => {
      if (!source.published) issues.push({ level: 'warning', file: card.file, field: `sources.${i}.published`, message: 'no publication date (only "consulted"): look for the date the source itself gives' });
      // `kb check` (requireNetworkReview) refuses it; loaded anyway, its answers say "nog niet gecontroleerd".
      if (source.kind === 'network' && !(source.reviewed_by && source.reviewed_at)) {
        const field = source.reviewed_by ? 'reviewed_at' : 'reviewed_by';
        issues.push({ level: options.requireNetworkReview ? 'error' : 'warning', file: card.file, field: `sources.${i}.${field}`, message: 'experience knowledge from a network needs reviewed_by and reviewed_at (who reviewed it, and when) before it answers as checked' });
      }
    });
    if (card.sources.every((s) => s.kind === 'copy')) {
      issues.push({ level: 'warning', file: card.file, field: 'sources', message: 'the only sources are copies of someone else\'s text: cite the original publisher' });
    }
    if (card.valid_until && card.valid_until < todayText) {
      issues.push({ level: 'warning', file: card.file, field: 'valid_until', message: `${card.valid_until} is in the past: review the card` });
    }
  }
  return { cards, issues };
}

export class KnowledgeError extends WegwijsError {
  declare readonly code: 'wegwijs_knowledge_error';
  constructor(readonly issues: KnowledgeIssue[]) {
    super('wegwijs_knowledge_error', `Knowledge base has ${issues.length} error(s): ${issues.slice(0, 3).map(formatIssue).join('; ')}`);
  }
}

export function formatIssue(issue: KnowledgeIssue): string {
  return `${issue.file}: ${issue.field}: ${issue.message}`;
}

/** Loads the cards for answering; throws `KnowledgeError` naming file and field on any error. */
export function loadCards(dir: string, today?: Date): KnowledgeCard[] {
  // The same files read by the same code give the same cards: those of the last start (card-cache.ts).
  const files = cardFiles(dir).map((path) => ({ file: relative(dir, path), text: readFileSync(path, 'utf8') }));
  return cachedCards(dir, files, () => {
    const { cards, issues } = checkKnowledge(dir, today);
    const errors = issues.filter((i) => i.level === 'error');
    if (errors.length > 0) throw new KnowledgeError(errors);
    return cards;
  });
}
