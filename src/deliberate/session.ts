/**
 * A deliberation session as stored (kind "deliberation", pk = the channel's network id, id = the
 * opening message's id, which is also the session's thread). All state lives here, so a session
 * survives a restart; every change is a pure function applied through `collection.update`.
 */
import { z } from 'zod';
import { PlatformSchema } from '../core/index.ts';

const Person = z.object({ id: z.string(), name: z.string() });
export type Person = z.infer<typeof Person>;

export const ContributionSchema = z.object({
  /** Stable id within the session ("c3"), for hiding and voting; absent in sessions from before ids. */
  id: z.string().optional(),
  step: z.number().int().min(0),
  /** Absent for anonymous contributions. */
  userId: z.string().optional(),
  name: z.string().optional(),
  anonymous: z.boolean(),
  text: z.string(),
  at: z.string(),
  /** Given privately in a blind step: its text is shown to nobody until the step is revealed. */
  blind: z.boolean().optional(),
  /** The bot's own message in the thread that shows this note (an anonymous note), so hiding can blank it. */
  postedId: z.string().optional(),
});
export type Contribution = z.infer<typeof ContributionSchema>;

export const SessionSchema = z.object({
  id: z.string(),
  /** Short number people type to pick a session in a direct message ("#3"). */
  code: z.number().int(),
  platform: PlatformSchema,
  tenantId: z.string(),
  channelId: z.string(),
  channelName: z.string().optional(),
  threadId: z.string(),
  methodId: z.string(),
  lang: z.enum(['nl', 'en']),
  timeZone: z.string(),
  facilitator: Person,
  participants: z.array(Person.extend({ joinedAt: z.string() })),
  status: z.enum(['active', 'paused', 'ended']),
  pausedReason: z.enum(['facilitator', 'idle']).optional(),
  pausedAt: z.string().optional(),
  step: z.number().int().min(0),
  stepStartedAt: z.string(),
  stepEndsAt: z.string(),
  /** The step whose time-box warning was given, so it is said once. */
  warnedStep: z.number().int().optional(),
  stepMessageId: z.string().optional(),
  contributions: z.array(ContributionSchema),
  ratings: z.array(z.object({ userId: z.string(), name: z.string(), score: z.number().int().min(1).max(5), at: z.string() })),
  lastActivityAt: z.string(),
  createdAt: z.string(),
  endedAt: z.string().optional(),
  endedBy: z.string().optional(),
  synthesis: z.string().optional(),
  actions: z.array(z.object({ number: z.number(), title: z.string() })).optional(),
  /** "async": every step stays open for `stepMinutes` and closes by itself (networks that cannot meet). */
  mode: z.enum(['live', 'async']).optional(),
  /** Async only: how long each step is open, in minutes of working time (weekends skipped). */
  stepMinutes: z.number().int().min(1).optional(),
  /** Async only: the step whose reminder was sent, so it is sent once (claimed through the store). */
  remindedStep: z.number().int().optional(),
  /** Blind steps whose contributions were revealed ("Toon alles"), and the message that shows them. */
  revealed: z.array(z.number().int()).optional(),
  revealMessages: z.record(z.string(), z.string()).optional(),
  /** Dots given: one row per dot, so several dots on one option are several rows. */
  votes: z.array(z.object({ step: z.number().int(), userId: z.string(), option: z.string(), at: z.string() })).optional(),
  /** Contributions the facilitator removed: only that it happened, never the text. */
  removed: z.array(z.object({ step: z.number().int(), at: z.string(), by: z.string() })).optional(),
  /** The report card in the thread, redrawn when a note is hidden after the end. */
  reportMessageId: z.string().optional(),
  /** Who left the session (`beraad verlaat`): not waited for, not reminded, until they join again. */
  left: z.array(z.string()).optional(),
  /** Counter for contribution ids. */
  seq: z.number().int().optional(),
  /** Bumped on every change; used in logs and tests. */
  version: z.number().int(),
});
export type Session = z.infer<typeof SessionSchema>;

export const IDLE_PAUSE_MS = 24 * 60 * 60 * 1000;
export const EXTEND_MINUTES = 5;

const iso = (d: Date) => d.toISOString();
const plusMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** Moves to `step` and starts its time box. */
export function goToStep(session: Session, step: number, timeboxMinutes: number, now: Date): Session {
  return {
    ...session,
    step,
    stepStartedAt: iso(now),
    stepEndsAt: iso(plusMinutes(now, timeboxMinutes)),
    warnedStep: undefined,
    lastActivityAt: iso(now),
    version: session.version + 1,
  };
}

export function pause(session: Session, reason: 'facilitator' | 'idle', now: Date): Session {
  return { ...session, status: 'paused', pausedReason: reason, pausedAt: iso(now), version: session.version + 1, ...(reason === 'facilitator' ? { lastActivityAt: iso(now) } : {}) };
}

/** Resumes; the time box keeps what was left of it when the session was paused. */
export function resume(session: Session, now: Date): Session {
  const pausedAt = session.pausedAt ? new Date(session.pausedAt) : now;
  const left = Math.max(0, new Date(session.stepEndsAt).getTime() - pausedAt.getTime());
  return {
    ...session,
    status: 'active',
    pausedReason: undefined,
    pausedAt: undefined,
    stepEndsAt: iso(new Date(now.getTime() + left)),
    warnedStep: left > 0 ? undefined : session.warnedStep,
    lastActivityAt: iso(now),
    version: session.version + 1,
  };
}

export function extend(session: Session, minutes: number, now: Date): Session {
  const base = Math.max(new Date(session.stepEndsAt).getTime(), session.status === 'active' ? now.getTime() : 0);
  return { ...session, stepEndsAt: iso(new Date(base + minutes * 60_000)), warnedStep: undefined, lastActivityAt: iso(now), version: session.version + 1 };
}

export function join(session: Session, person: Person, now: Date): Session {
  if (session.participants.some((p) => p.id === person.id)) return session;
  const left = session.left?.filter((id) => id !== person.id);
  return { ...session, participants: [...session.participants, { ...person, joinedAt: iso(now) }], ...(left ? { left } : {}), version: session.version + 1 };
}

/** The next contribution id, and the session with its counter moved on (pure, so safe in `changeSession`). */
export function nextId(session: Session): [string, Session] {
  const n = (session.seq ?? session.contributions.length + (session.removed?.length ?? 0)) + 1;
  return [`c${n}`, { ...session, seq: n }];
}

export const isAsync = (session: Session) => session.mode === 'async';
export const isRevealed = (session: Session, step: number) => Boolean(session.revealed?.includes(step));

/** Leaves the session: no longer waited for or reminded; what the person said stays in the notes. */
export function leave(session: Session, userId: string): Session | 'unchanged' {
  if (!session.participants.some((p) => p.id === userId)) return 'unchanged';
  return { ...session, participants: session.participants.filter((p) => p.id !== userId), left: [...new Set([...(session.left ?? []), userId])], version: session.version + 1 };
}

export function isParticipant(session: Session, userId: string): boolean {
  return session.facilitator.id === userId || session.participants.some((p) => p.id === userId);
}

/** Who has contributed to the current step: names, and a count of anonymous notes. */
export function contributorsOf(session: Session, step: number, withRatings: boolean): { names: string[]; anonymous: number } {
  const names: string[] = [];
  let anonymous = 0;
  for (const c of session.contributions) {
    if (c.step !== step) continue;
    if (c.anonymous) anonymous++;
    else if (c.name && !names.includes(c.name)) names.push(c.name);
  }
  if (withRatings) for (const r of session.ratings) if (!names.includes(r.name)) names.push(r.name);
  return { names, anonymous };
}
