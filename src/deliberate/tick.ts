/**
 * Scheduled work: say once in the thread when a step's time box has run out (the facilitator
 * decides what happens next), pause a session nobody touched for 24 hours, and run the
 * asynchronous sessions (see async.ts). The state change
 * is claimed through the store first, so two processes never post the same notice twice.
 */
import { clockTime } from '../core/index.ts';
import { changeSession, methodOf, posterFor, sessionPk, tFor, type Ctx } from './context.ts';
import { asyncTick } from './async.ts';
import { IDLE_PAUSE_MS, isAsync, pause } from './session.ts';
import { pausedMessage, stepMessage } from './views.ts';

export async function deliberationTick(ctx: Ctx, now: Date): Promise<void> {
  const active = await ctx.sessions.list({ where: { status: 'active' } });
  for (const { data } of active) {
    const method = methodOf(ctx, data);
    if (!method) continue;
    try {
      // An asynchronous session is quiet for hours by design: its steps close by themselves.
      if (isAsync(data)) {
        await asyncTick(ctx, data, now);
        continue;
      }
      if (now.getTime() - new Date(data.lastActivityAt).getTime() >= IDLE_PAUSE_MS) {
        const { outcome, session } = await changeSession(ctx, sessionPk(data), data.id, (s) =>
          s.status === 'active' && now.getTime() - new Date(s.lastActivityAt).getTime() >= IDLE_PAUSE_MS ? pause(s, 'idle', now) : 'unchanged',
        );
        if (outcome !== 'ok' || !session) continue;
        ctx.services.log.info({ session: session.id }, 'deliberation paused after 24 hours without activity');
        const poster = posterFor(ctx, session);
        if (session.stepMessageId) await poster.update(session.stepMessageId, stepMessage(tFor(ctx, session), method, session));
        await poster.post(pausedMessage(tFor(ctx, session), session, 'idle'));
        continue;
      }
      if (now.getTime() >= new Date(data.stepEndsAt).getTime() && data.warnedStep !== data.step) {
        const { outcome, session } = await changeSession(ctx, sessionPk(data), data.id, (s) =>
          s.status === 'active' && s.step === data.step && s.warnedStep !== s.step && now.getTime() >= new Date(s.stepEndsAt).getTime()
            ? { ...s, warnedStep: s.step, version: s.version + 1 }
            : 'unchanged',
        );
        if (outcome !== 'ok' || !session) continue;
        const t = tFor(ctx, session);
        const step = method.steps[session.step];
        ctx.services.log.info({ session: session.id, step: session.step }, 'deliberation time box over');
        await posterFor(ctx, session).post({
          text: t('deliberate.timeup', { title: step.title[session.lang], n: step.timebox_minutes, since: clockTime(session.stepEndsAt, session.timeZone, session.lang), name: session.facilitator.name }),
        });
      }
    } catch (err) {
      ctx.services.log.error({ code: (err as { code?: string }).code ?? 'wegwijs_unexpected_error', session: data.id }, 'deliberation tick failed');
    }
  }
}
