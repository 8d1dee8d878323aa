/**
 * An idea session (crazy eight): the record, its method file, and the pure steps that change it.
 * Everything lives in the store, so a session survives a restart of the bot and runs on several
 * instances; the texts in it were redacted at the edge before they got here.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { PlatformSchema, cachedData, parseYaml } from '../core/index.ts';

const Text = z.object({ nl: z.string().min(1), en: z.string().min(1) });

export const MethodSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: Text,
  summary: Text,
  source: z.string(),
  writing_minutes: z.number().int().min(1).max(60),
  max_ideas: z.number().int().min(1).max(20),
  scale: z.number().int().min(3).max(10),
  phases: z.object({ case: Text, writing: Text, reveal: Text, scoring: Text, choosing: Text }),
  guidance: Text,
});
export type IdeaMethod = z.infer<typeof MethodSchema>;

export function loadMethod(file: string): IdeaMethod {
  const text = readFileSync(file, 'utf8');
  // Through the start-up cache, as the knowledge folder's data files: a start parses no YAML.
  return MethodSchema.parse(cachedData('idea-method', dirname(file), [{ file: basename(file), text }], [import.meta.url], () => parseYaml(text)));
}

const Person = z.object({ id: z.string(), name: z.string() });

export const PHASES = ['open', 'writing', 'reveal', 'scoring', 'choosing', 'done', 'stopped'] as const;
export type Phase = (typeof PHASES)[number];

export const IdeaSessionSchema = z.object({
  id: z.string(),
  code: z.number().int(),
  platform: PlatformSchema,
  tenantId: z.string(),
  channelId: z.string(),
  /** The opening card: also the root of the session's thread. */
  threadId: z.string(),
  lang: z.enum(['nl', 'en']),
  timeZone: z.string(),
  facilitator: Person,
  /** Names shown with the ideas at the reveal (off unless the facilitator chose it at the start). */
  named: z.boolean().default(false),
  case: z.string().optional(),
  phase: z.enum(PHASES),
  writingEndsAt: z.string().optional(),
  /** While the writing time is paused: how much of it was left. */
  pausedRemainingMs: z.number().optional(),
  participants: z.array(Person.extend({ left: z.boolean().optional() })),
  ideas: z.array(z.object({ id: z.number().int(), by: z.string(), text: z.string() })),
  /** After the reveal: numbered groups of ideas that say the same. */
  groups: z.array(z.object({ number: z.number().int(), ideaIds: z.array(z.number().int()), text: z.string() })),
  scores: z.array(z.object({ by: z.string(), group: z.number().int(), effort: z.number().int().optional(), impact: z.number().int().optional() })),
  chosen: z.array(z.object({ group: z.number().int(), action: z.number().int().optional(), owner: z.string().optional(), due: z.string().optional() })),
  /** Ideas the facilitator removed because they identified someone (their text is gone). */
  removed: z.number().int().default(0),
  createdAt: z.string(),
  version: z.number().int(),
});
export type IdeaSession = z.infer<typeof IdeaSessionSchema>;

export const isOpen = (s: IdeaSession) => s.phase !== 'done' && s.phase !== 'stopped';
export const active = (s: IdeaSession) => s.participants.filter((p) => !p.left);
export const ideasOf = (s: IdeaSession, userId: string) => s.ideas.filter((i) => i.by === userId);

/** Adds a person (again, after leaving); unchanged when already in. */
export function join(s: IdeaSession, person: { id: string; name: string }): IdeaSession {
  const known = s.participants.find((p) => p.id === person.id);
  if (known && !known.left) return s;
  const participants = known ? s.participants.map((p) => (p.id === person.id ? { ...p, left: false } : p)) : [...s.participants, { ...person }];
  return { ...s, participants, version: s.version + 1 };
}

/** Splits typed text into ideas: one per line, list markers dropped, each at most 300 characters. */
export function splitIdeas(text: string): string[] {
  return text
    .split(/\r?\n|;\s+/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s*/, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => (line.length > 300 ? `${line.slice(0, 299)}…` : line));
}

/** Adds ideas up to the method's maximum per person; returns the session and how many were taken. */
export function addIdeas(s: IdeaSession, userId: string, texts: string[], max: number): { session: IdeaSession; taken: number } {
  const room = Math.max(0, max - ideasOf(s, userId).length);
  const take = texts.slice(0, room);
  let next = Math.max(0, ...s.ideas.map((i) => i.id));
  const ideas = [...s.ideas, ...take.map((text) => ({ id: ++next, by: userId, text }))];
  return { session: { ...s, ideas, version: s.version + 1 }, taken: take.length };
}

/** Records one score (effort or impact) of one person for one group. */
export function score(s: IdeaSession, userId: string, group: number, dimension: 'effort' | 'impact', value: number): IdeaSession {
  const existing = s.scores.find((x) => x.by === userId && x.group === group);
  const scores = existing ? s.scores.map((x) => (x === existing ? { ...x, [dimension]: value } : x)) : [...s.scores, { by: userId, group, [dimension]: value }];
  return { ...s, scores, version: s.version + 1 };
}

/** The first group this person has not scored on both counts (a skipped one is scored 0 and 0). */
export function nextToScore(s: IdeaSession, userId: string): IdeaSession['groups'][number] | undefined {
  return s.groups.find((g) => {
    const mine = s.scores.find((x) => x.by === userId && x.group === g.number);
    return !mine || mine.effort === undefined || mine.impact === undefined;
  });
}

/** Average effort and impact of a group over the people who scored it (absent when nobody did). */
export function averages(s: IdeaSession, group: number): { effort: number; impact: number; count: number } | undefined {
  const given = s.scores.filter((x) => x.group === group && (x.effort ?? 0) > 0 && (x.impact ?? 0) > 0);
  if (!given.length) return undefined;
  const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  return { effort: mean(given.map((x) => x.effort!)), impact: mean(given.map((x) => x.impact!)), count: given.length };
}
