/**
 * The asynchronous form, for networks that cannot meet: every step stays open for a set amount of
 * WORKING time (default one working day; 08:00–18:00 on working days, see working-time.ts), members who have not said anything yet get one direct-message
 * reminder halfway, and the step closes by itself (a blind step is revealed first). When the last
 * step closes the session ends and the report is posted. All of it runs from the tick, and every
 * move is claimed through the store first, so several instances do it once.
 */
import { button, buttons, card, cardMessage, fold, localDate, text, type Services } from '../core/index.ts';
import { formOpen, reveal } from './blind.ts';
import { changeSession, methodOf, posterFor, sessionPk, tFor, type Ctx } from './context.ts';
import { finishSession } from './finish.ts';
import { local, type Method } from './methods.ts';
import { extend, goToStep, isRevealed, type Session } from './session.ts';
import { ACTION, dayTime, guidanceMessage, stepMessage } from './views.ts';
import { addWorkingMinutes, isWorkingTime, WORKDAY_MINUTES, workingMinutesBetween } from './working-time.ts';

/** One working day (ten working hours). */
export const DEFAULT_STEP_MINUTES = WORKDAY_MINUTES;
const MAX_STEP_MINUTES = 14 * WORKDAY_MINUTES;
const DAY = WORKDAY_MINUTES;

const WORDS = new Set(['async', 'asynchroon', 'asynchronous', 'asynchrone', 'online', 'schriftelijk']);
const UNIT_MINUTES: Record<string, number> = {
  m: 1, min: 1, minuut: 1, minuten: 1, minute: 1, minutes: 1,
  u: 60, h: 60, uur: 60, uren: 60, hour: 60, hours: 60,
  // A day is a working day: hours are working hours, so "1d" and "10u" are the same.
  d: DAY, dag: DAY, dagen: DAY, day: DAY, days: DAY, werkdag: DAY, werkdagen: DAY, 'working day': DAY,
};

/** A written-out count before a unit ("async twee dagen", "async one day"). */
const NUMBER_WORDS: Record<string, number> = {
  een: 1, one: 1, a: 1, an: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4, vijf: 5, five: 5, zes: 6, six: 6,
  zeven: 7, seven: 7, acht: 8, eight: 8, negen: 9, nine: 9, tien: 10, ten: 10, twaalf: 12, twelve: 12, veertien: 14, fourteen: 14,
};
const withDigits = (words: string[]) =>
  words.length > 1 && NUMBER_WORDS[fold(words[0])] !== undefined && UNIT_MINUTES[fold(words[1])] !== undefined ? [String(NUMBER_WORDS[fold(words[0])]), ...words.slice(1)] : words;

/**
 * Reads "async", "async 2d", "asynchroon 4 uur", "async 1 werkdag" out of what follows the
 * method's name. Returns the rest (the method) and the step time, or an error for a time that
 * cannot be read or is out of range.
 */
export function readAsyncOption(typed: string): { rest: string; async?: { minutes: number }; error?: string } {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => WORDS.has(fold(w).replace(/^--?/, '')));
  if (at < 0) return { rest: typed.trim() };
  const after = withDigits(words.slice(at + 1)).join(' ');
  const m = /^(\d+(?:[.,]\d+)?)\s*([a-z]+(?:\s+day)?)?\b/i.exec(after);
  const rest = [...words.slice(0, at)];
  if (!m) {
    rest.push(...words.slice(at + 1));
    return { rest: rest.join(' '), async: { minutes: DEFAULT_STEP_MINUTES } };
  }
  const unit = UNIT_MINUTES[fold(m[2] ?? 'u')];
  const minutes = Math.round(Number(m[1].replace(',', '.')) * (unit ?? NaN));
  const leftover = after.slice(m[0].length).trim();
  if (leftover) rest.push(leftover);
  if (!unit || !Number.isFinite(minutes) || minutes < 1 || minutes > MAX_STEP_MINUTES) return { rest: rest.join(' '), error: after.slice(0, m[0].length) };
  return { rest: rest.join(' '), async: { minutes } };
}

/**
 * When a step opened at `from` closes: `minutes` of working time later (a step opened at 18:01
 * for eight hours closes at 16:00 on the next working day; Friday 10:00 + one day: Monday 10:00).
 */
export function closeAt(from: Date, minutes: number, timeZone: string): Date {
  return addWorkingMinutes(from, minutes, timeZone);
}

export function stepMinutes(method: Method, session: Session, step: number): number {
  const hours = method.steps[step]?.async_hours;
  return hours ? Math.round(hours * 60) : (session.stepMinutes ?? DEFAULT_STEP_MINUTES);
}

/** Halfway through the step's open working time: when the reminder goes out (never at night). */
export function remindAt(session: Pick<Session, 'stepStartedAt' | 'stepEndsAt' | 'timeZone'>): number {
  const start = new Date(session.stepStartedAt);
  const half = workingMinutesBetween(start, new Date(session.stepEndsAt), session.timeZone) / 2;
  return addWorkingMinutes(start, half, session.timeZone).getTime();
}

/** Moves an asynchronous step on to `step`, closing at the right time (pure). */
export function goToAsyncStep(method: Method, session: Session, step: number, now: Date): Session {
  const moved = goToStep(session, step, 0, now);
  return { ...moved, stepEndsAt: closeAt(now, stepMinutes(method, session, step), session.timeZone).toISOString() };
}

/** "Langer open" in an asynchronous session: the step's own open time once more, in working time. */
export function extendAsync(method: Method, session: Session, now: Date): Session {
  const moved = extend(session, 0, now);
  return { ...moved, stepEndsAt: closeAt(new Date(moved.stepEndsAt), stepMinutes(method, session, session.step), session.timeZone).toISOString() };
}

/** The tick's work for one active asynchronous session. */
export async function asyncTick(ctx: Ctx, data: Session, now: Date): Promise<void> {
  const method = methodOf(ctx, data);
  if (!method) return;
  if (now.getTime() >= new Date(data.stepEndsAt).getTime()) return closeStep(ctx, method, data, now);
  // A tick that comes late (the server was down overnight) waits for working hours rather than wake people.
  if (now.getTime() >= remindAt(data) && data.remindedStep !== data.step && isWorkingTime(now, data.timeZone)) await remind(ctx, method, data, now);
}

async function closeStep(ctx: Ctx, method: Method, data: Session, now: Date): Promise<void> {
  let current = data;
  if (method.steps[data.step].blind && !isRevealed(data, data.step)) current = (await reveal(ctx, data, data.step)) ?? current;
  const last = current.step >= method.steps.length - 1;
  let before: Session | undefined;
  const { outcome, session } = await changeSession(ctx, sessionPk(current), current.id, (s) => {
    before = s;
    if (s.status !== 'active' || s.step !== data.step || now.getTime() < new Date(s.stepEndsAt).getTime()) return 'unchanged';
    return last
      ? { ...s, status: 'ended', endedAt: now.toISOString(), endedBy: 'schedule', lastActivityAt: now.toISOString(), version: s.version + 1 }
      : goToAsyncStep(method, s, s.step + 1, now);
  });
  if (outcome !== 'ok' || !session || !before) return;
  ctx.services.log.info({ session: session.id, step: session.step, ended: last }, 'deliberation asynchronous step closed');
  if (last) return finishSession(ctx, undefined, before, session);
  const t = tFor(ctx, session);
  const poster = posterFor(ctx, session);
  if (before.stepMessageId) await poster.update(before.stepMessageId, stepMessage(t, method, before, { closed: true }));
  const id = await poster.post(stepMessage(t, method, session));
  if (id) await changeSession(ctx, sessionPk(session), session.id, (s) => (s.step === session.step ? { ...s, stepMessageId: id } : 'unchanged'));
  await sendDirect(ctx.services, session, session.facilitator.id, guidanceMessage(t, method, session));
}

async function sendDirect(services: Services, session: Session, userId: string, message: Parameters<Services['messenger']['sendDirect']>[3]): Promise<boolean> {
  const result = await services.messenger.sendDirect(session.platform, session.tenantId, userId, message);
  if (!result.ok) services.log.warn({ code: 'wegwijs_delivery_error', error: result.error, session: session.id }, 'deliberation direct message failed');
  return result.ok;
}

/** Members of the network (not quiet) and the session's participants, without the facilitator. */
async function membersOf(ctx: Ctx, session: Session, now: Date): Promise<{ id: string; name: string }[]> {
  const pk = sessionPk(session);
  const today = localDate(now, session.timeZone);
  const members = (await ctx.services.store.members.list({ pk })).map((d) => d.data);
  // `wegwijs stil [tot …]` is respected: quiet people get no reminder (until their date has passed).
  const quiet = new Set(members.filter((m) => m.quiet && (m.quietUntil === undefined || today <= m.quietUntil)).map((m) => m.userId));
  const people = new Map<string, string>();
  for (const m of members) people.set(m.userId, m.name);
  for (const p of session.participants) people.set(p.id, p.name);
  people.delete(session.facilitator.id);
  for (const id of session.left ?? []) people.delete(id);
  return [...people].filter(([id]) => !quiet.has(id)).map(([id, name]) => ({ id, name }));
}

/** Once per step (claimed through the store): a direct message to everyone who has not contributed yet. */
async function remind(ctx: Ctx, method: Method, data: Session, now: Date): Promise<void> {
  const { outcome, session } = await changeSession(ctx, sessionPk(data), data.id, (s) =>
    s.status === 'active' && s.step === data.step && s.remindedStep !== s.step ? { ...s, remindedStep: s.step, version: s.version + 1 } : 'unchanged',
  );
  if (outcome !== 'ok' || !session) return;
  const spoke = new Set<string>();
  for (const c of session.contributions) if (c.step === session.step && c.userId) spoke.add(c.userId);
  for (const v of session.votes ?? []) if (v.step === session.step) spoke.add(v.userId);
  if (method.steps[session.step].input === 'rating') for (const r of session.ratings) spoke.add(r.userId);
  const waiting = (await membersOf(ctx, session, now)).filter((p) => !spoke.has(p.id));
  const t = tFor(ctx, session);
  const step = method.steps[session.step];
  const message = cardMessage(
    card(
      { title: t('deliberate.async.reminder_title', { code: session.code }) },
      text(
        t('deliberate.async.reminder', {
          n: session.step + 1,
          title: local(step.title, session.lang),
          until: dayTime(session.stepEndsAt, session.timeZone, session.lang),
          channel: session.channelName ? `#${session.channelName}` : t('deliberate.async.the_channel'),
          name: session.facilitator.name,
        }),
      ),
      text(local(step.prompt, session.lang)),
      formOpen(method, session) ? buttons(button(t('deliberate.button.answer'), ACTION.answer, { s: session.id, i: session.step }, 'primary')) : undefined,
    ),
  );
  let sent = 0;
  for (const person of waiting) if (await sendDirect(ctx.services, session, person.id, message)) sent++;
  ctx.services.log.info({ session: session.id, step: session.step, reminded: sent }, 'deliberation asynchronous reminder sent');
}
