/**
 * The buttons of a session. Steering buttons (next, back, pause, resume, extend, end) are for the
 * facilitator only; every button carries the session id and the step it was drawn for, so a
 * stale press (an old card, or two people pressing at once) is recognised and changes nothing.
 */
import { type ActionHandler, type IncomingAction, networkId, sameTenant, type Turn, clockTime } from '../core/index.ts';
import { canSteer, changeSession, mayUseByDm, methodOf, posterFor, sessionPk, tFor, type Ctx, type Outcome } from './context.ts';
import { finishSession } from './finish.ts';
import { extendAsync, goToAsyncStep, stepMinutes } from './async.ts';
import { openAnswerForm, revealAction, submitAnswer } from './blind.ts';
import { reportDocument } from './documents.ts';
import { hideAction } from './hide.ts';
import type { Method } from './methods.ts';
import { EXTEND_MINUTES, extend, goToStep, isAsync, isParticipant, join, pause, resume, type Session } from './session.ts';
import { reportMessage } from './report.ts';
import { confirmEndMessage, dayTime, guidanceMessage, pausedMessage, stepMessage } from './views.ts';
import { voteAction } from './vote-action.ts';

interface Target {
  id: string;
  step?: number;
  score?: number;
}

function target(action: IncomingAction): Target | undefined {
  const v = action.value ?? {};
  const id = typeof v.s === 'string' && v.s ? v.s : action.messageId;
  if (!id) return undefined;
  return { id, step: typeof v.i === 'number' ? v.i : undefined, score: typeof v.n === 'number' ? v.n : undefined };
}

const privately = (turn: Turn, key: string, vars?: Record<string, string | number>) => turn.replyPrivately({ text: turn.t(key, vars) });

/** Loads the session a button points at; answers privately and returns undefined when it cannot be used. */
async function load(ctx: Ctx, turn: Turn, action: IncomingAction, options: { allowEnded?: boolean } = {}): Promise<{ session: Session; target: Target } | undefined> {
  const t = target(action);
  // The session is looked up only in this channel's own network (the tenant of the verified request);
  // a button sent by 1:1 chat names its network (`net`), and the tenant must still match.
  const net = turn.message.isDirect ? (typeof action.value?.net === 'string' ? action.value.net : undefined) : networkId(turn.conversation);
  const doc = t && net ? await ctx.sessions.get(net, t.id) : undefined;
  if (!t || !doc || !sameTenant(turn.message, doc.data) || (turn.message.isDirect && !(await mayUseByDm(ctx, doc.data, turn.user.id)))) {
    await privately(turn, 'deliberate.error.not_found');
    return undefined;
  }
  if (doc.data.status === 'ended' && !options.allowEnded) {
    await privately(turn, 'deliberate.error.ended');
    return undefined;
  }
  if (!methodOf(ctx, doc.data)) {
    await privately(turn, 'deliberate.error.method_gone', { method: doc.data.methodId });
    return undefined;
  }
  return { session: doc.data, target: t };
}

async function explainOutcome(turn: Turn, outcome: Outcome): Promise<void> {
  const key = { missing: 'deliberate.error.not_found', ended: 'deliberate.error.ended', stale: 'deliberate.error.stale', unchanged: 'deliberate.error.unchanged', ok: '' }[outcome];
  if (key) await privately(turn, key);
}

type Steer = (s: Session, now: Date, method: Method, by: string) => Session | Exclude<Outcome, 'ok' | 'missing'>;

/** To another step: its time box, or in an asynchronous session its open time. */
function moveTo(method: Method, s: Session, step: number, now: Date): Session {
  const running = { ...s, status: 'active' as const, pausedReason: undefined, pausedAt: undefined };
  return isAsync(s) ? goToAsyncStep(method, running, step, now) : goToStep(running, step, method.steps[step].timebox_minutes, now);
}

/** A facilitator button: checks who pressed it and for which step, then applies `steer` once. */
function steering(ctx: Ctx, steer: Steer, after: (turn: Turn, before: Session, after: Session) => Promise<void>): ActionHandler {
  return async (turn, action) => {
    const loaded = await load(ctx, turn, action);
    if (!loaded) return;
    const { session, target: tgt } = loaded;
    if (!(await canSteer(ctx, session, turn.user.id))) {
      await privately(turn, 'deliberate.error.not_facilitator', { name: session.facilitator.name });
      return;
    }
    const method = methodOf(ctx, session)!;
    const now = ctx.services.clock.now();
    let before: Session | undefined;
    const { outcome, session: changed } = await changeSession(ctx, sessionPk(session), session.id, (current) => {
      before = current;
      if (current.status === 'ended') return 'ended';
      if (tgt.step === undefined || tgt.step !== current.step) return 'stale';
      return steer(current, now, method, turn.user.id);
    });
    if (outcome !== 'ok' || !changed || !before) return explainOutcome(turn, outcome);
    turn.log.info({ session: changed.id, step: changed.step, version: changed.version, action: action.id }, 'deliberation steered');
    await after(turn, before, changed);
  };
}

/** Closes the old step card and posts the new one, remembering its message id. */
async function showStep(ctx: Ctx, turn: Turn, before: Session, after: Session): Promise<void> {
  const method = methodOf(ctx, after)!;
  const t = tFor(ctx, after);
  const poster = posterFor(ctx, after, turn);
  if (before.stepMessageId) await poster.update(before.stepMessageId, stepMessage(t, method, before, { closed: true }));
  const id = await poster.post(stepMessage(t, method, after));
  if (id) await changeSession(ctx, networkId(turn.conversation), after.id, (s) => (s.step === after.step ? { ...s, stepMessageId: id } : 'unchanged'));
  await turn.replyPrivately(guidanceMessage(t, method, after));
}

async function redrawStep(ctx: Ctx, turn: Turn, session: Session): Promise<void> {
  if (!session.stepMessageId) return;
  await posterFor(ctx, session, turn).update(session.stepMessageId, stepMessage(tFor(ctx, session), methodOf(ctx, session)!, session));
}

export function sessionActions(ctx: Ctx): Record<string, ActionHandler> {
  const end = steering(
    ctx,
    (s, now, _method, by) => ({ ...s, status: 'ended', endedAt: now.toISOString(), endedBy: by, lastActivityAt: now.toISOString(), version: s.version + 1 }),
    (turn, before, after) => finishSession(ctx, turn, before, after),
  );
  return {
    next: steering(
      ctx,
      (s, now, method) => (s.step + 1 >= method.steps.length ? 'unchanged' : moveTo(method, s, s.step + 1, now)),
      (turn, before, after) => showStep(ctx, turn, before, after),
    ),
    back: steering(
      ctx,
      (s, now, method) => (s.step === 0 ? 'unchanged' : moveTo(method, s, s.step - 1, now)),
      (turn, before, after) => showStep(ctx, turn, before, after),
    ),
    pause: steering(
      ctx,
      (s, now) => (s.status === 'paused' ? 'unchanged' : pause(s, 'facilitator', now)),
      async (turn, _before, after) => {
        await redrawStep(ctx, turn, after);
        await posterFor(ctx, after, turn).post(pausedMessage(tFor(ctx, after), after, 'facilitator'));
      },
    ),
    resume: steering(
      ctx,
      (s, now) => (s.status !== 'paused' ? 'unchanged' : resume(s, now)),
      async (turn, _before, after) => {
        await redrawStep(ctx, turn, after);
        const t = tFor(ctx, after);
        await posterFor(ctx, after, turn).post({ text: t('deliberate.resumed', { until: untilText(after) }) });
      },
    ),
    extend: steering(
      ctx,
      (s, now, method) => (isAsync(s) ? extendAsync(method, s, now) : extend(s, extraMinutes(method, s), now)),
      async (turn, _before, after) => {
        await redrawStep(ctx, turn, after);
        const t = tFor(ctx, after);
        const key = isAsync(after) ? 'deliberate.async.extended' : 'deliberate.extended';
        await posterFor(ctx, after, turn).post({ text: t(key, { n: extraMinutes(methodOf(ctx, after)!, after), until: untilText(after) }) });
      },
    ),
    // Ending before the last step is asked once more, privately; "Afronden" on the last step is the plan.
    end: async (turn, action) => {
      if (action.value?.ok === true) return end(turn, action);
      const loaded = await load(ctx, turn, action);
      if (!loaded) return;
      const { session, target: tgt } = loaded;
      const last = methodOf(ctx, session)!.steps.length - 1;
      if (tgt.step === undefined || tgt.step !== session.step || session.step === last) return end(turn, action);
      if (!(await canSteer(ctx, session, turn.user.id))) return void (await privately(turn, 'deliberate.error.not_facilitator', { name: session.facilitator.name }));
      await turn.replyPrivately(confirmEndMessage(tFor(ctx, session), session, tgt.step));
    },
    keep: async (turn) => privately(turn, 'deliberate.end.kept'),
    answer: (turn, action) => openAnswerForm(ctx, turn, action),
    submit: (turn, action) => submitAnswer(ctx, turn, action),
    reveal: (turn, action) => revealAction(ctx, turn, action),
    vote: (turn, action) => voteAction(ctx, turn, action, true),
    unvote: (turn, action) => voteAction(ctx, turn, action, false),
    hide: (turn, action) => hideAction(ctx, turn, action),
    join: async (turn, action) => {
      const loaded = await load(ctx, turn, action);
      if (!loaded) return;
      const now = ctx.services.clock.now();
      const person = { id: turn.user.id, name: turn.user.name || turn.user.id };
      const { outcome, session } = await changeSession(ctx, networkId(turn.conversation), loaded.session.id, (s) =>
        s.status === 'ended' ? 'ended' : s.participants.some((p) => p.id === person.id) || s.facilitator.id === person.id ? 'unchanged' : join(s, person, now),
      );
      await privately(turn, outcome === 'unchanged' ? 'deliberate.joined_already' : 'deliberate.joined', { code: loaded.session.code, bot: ctx.services.config.botName });
      if (session && session.status !== 'ended') await redrawStep(ctx, turn, session);
    },
    rate: async (turn, action) => {
      const loaded = await load(ctx, turn, action);
      if (!loaded) return;
      const { target: tgt } = loaded;
      const method = methodOf(ctx, loaded.session)!;
      if (tgt.score === undefined || tgt.score < 1 || tgt.score > 5 || !Number.isInteger(tgt.score)) return void (await privately(turn, 'deliberate.error.not_found'));
      const now = ctx.services.clock.now();
      const person = { id: turn.user.id, name: turn.user.name || turn.user.id };
      const score = tgt.score;
      const { outcome, session } = await changeSession(ctx, networkId(turn.conversation), loaded.session.id, (s) => {
        if (s.status === 'ended') return 'ended';
        if (s.step !== tgt.step || method.steps[s.step].input !== 'rating') return 'stale';
        const joined = join(s, person, now);
        const ratings = [...joined.ratings.filter((r) => r.userId !== person.id), { userId: person.id, name: person.name, score, at: now.toISOString() }];
        return { ...joined, ratings, lastActivityAt: now.toISOString(), version: s.version + 1 };
      });
      if (outcome !== 'ok' || !session) return explainOutcome(turn, outcome);
      await privately(turn, 'deliberate.rated', { score });
      await redrawStep(ctx, turn, session);
    },
    report: async (turn, action) => {
      const loaded = await load(ctx, turn, action, { allowEnded: true });
      if (!loaded) return;
      const { session } = loaded;
      if (session.status !== 'ended') return void (await privately(turn, 'deliberate.error.not_ended'));
      if (!(await canSteer(ctx, session, turn.user.id))) return void (await privately(turn, 'deliberate.error.report_facilitator', { name: session.facilitator.name }));
      await turn.sendDirect(reportMessage(tFor(ctx, session), methodOf(ctx, session)!, session, { withButton: false }));
      await privately(turn, 'deliberate.report_sent');
    },
    // The report as documents (Markdown, and HTML to print), by direct message to whoever took part.
    download: async (turn, action) => {
      const loaded = await load(ctx, turn, action, { allowEnded: true });
      if (!loaded) return;
      const { session } = loaded;
      if (session.status !== 'ended') return void (await privately(turn, 'deliberate.error.not_ended'));
      if (!isParticipant(session, turn.user.id) && !(await canSteer(ctx, session, turn.user.id))) return void (await privately(turn, 'deliberate.error.download_participants'));
      const t = tFor(ctx, session);
      for (const format of ['md', 'html'] as const) {
        const document = reportDocument(ctx, session, format);
        if (document) await turn.sendDirect({ text: t(`deliberate.doc.dm_${format}`, { file: document.filename, code: session.code, bot: ctx.services.config.botName }), document });
      }
      await privately(turn, 'deliberate.doc.sent');
    },
  };
}

function untilText(session: Session): string {
  return isAsync(session) ? dayTime(session.stepEndsAt, session.timeZone, session.lang) : clockTime(session.stepEndsAt, session.timeZone, session.lang);
}

/** "+5 min" in a meeting; in an asynchronous session the step's own open time once more. */
function extraMinutes(method: Method, session: Session): number {
  return isAsync(session) ? stepMinutes(method, session, session.step) : EXTEND_MINUTES;
}
