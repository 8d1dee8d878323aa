/**
 * The moves of a session from one phase to the next, each claimed through the store first (so a
 * double press or a second instance moves it once), then shown: the channel card, the thread and
 * the private cards. Called by buttons, typed commands and the scheduler alike.
 */
import type { ChatUser, Turn } from '../core/index.ts';
import { networkId, readDate } from '../core/index.ts';
import { change, direct, postInThread, refreshCard, tFor, type Ctx } from './context.ts';
import { groupIdeas } from './groups.ts';
import { bestFirst, matrixMessage, quadrantNamer } from './matrix.ts';
import { active, nextToScore, type IdeaSession } from './session.ts';
import { chooseCard, reportText, revealMessage, scoringCard, writingCard } from './views.ts';

type Move = (ctx: Ctx, s: IdeaSession, turn?: Turn) => Promise<string | undefined>;

/** Starts the writing time: everyone who joined gets their private card. */
export const startWriting: Move = async (ctx, start, turn) => {
  const now = ctx.services.clock.now();
  const { session, refused } = await change(ctx, pkOf(start), start.id, (s) => {
    if (s.phase !== 'open') return 'ideas.error.phase';
    if (!s.case) return 'ideas.error.no_case';
    return { ...s, phase: 'writing', writingEndsAt: new Date(now.getTime() + ctx.method.writing_minutes * 60_000).toISOString(), version: s.version + 1 };
  });
  if (!session) return refused;
  await refreshCard(ctx, session, turn);
  const t = tFor(ctx, session);
  await postInThread(ctx, session, { text: t('ideas.writing.started', { minutes: ctx.method.writing_minutes, max: ctx.method.max_ideas }) }, turn);
  for (const p of active(session)) await direct(ctx, session, p.id, writingCard(t, ctx.method, session, p.id, now));
  return undefined;
};

/** Ends the writing time (the facilitator, or the clock) and shows all ideas together. */
export async function reveal(ctx: Ctx, current: IdeaSession, turn?: Turn, dueAt?: Date): Promise<string | undefined> {
  // From the clock (`dueAt`), only when the writing time, as stored now, has really run out.
  const due = (s: IdeaSession) => !dueAt || (s.pausedRemainingMs === undefined && Boolean(s.writingEndsAt) && dueAt.getTime() >= new Date(s.writingEndsAt!).getTime());
  const { session, refused } = await change(ctx, pkOf(current), current.id, (s) =>
    s.phase === 'writing' && due(s) ? { ...s, phase: 'reveal', pausedRemainingMs: undefined, groups: groupIdeas(s.ideas), version: s.version + 1 } : 'ideas.error.phase',
  );
  if (!session) return refused;
  await refreshCard(ctx, session, turn);
  await postInThread(ctx, session, revealMessage(tFor(ctx, session), ctx.method, session), turn);
  return undefined;
}

/** Opens the scoring: each participant gets the first idea to score privately. */
export const startScoring: Move = async (ctx, current, turn) => {
  const { session, refused } = await change(ctx, pkOf(current), current.id, (s) => {
    if (s.phase !== 'reveal') return 'ideas.error.phase';
    if (!s.groups.length) return 'ideas.error.no_ideas';
    return { ...s, phase: 'scoring', version: s.version + 1 };
  });
  if (!session) return refused;
  await refreshCard(ctx, session, turn);
  const t = tFor(ctx, session);
  await postInThread(ctx, session, { text: t('ideas.scoring.started', { count: session.groups.length }) }, turn);
  for (const p of active(session)) await direct(ctx, session, p.id, scoringCard(t, ctx.method, session, p.id, nextToScore(session, p.id)));
  return undefined;
};

/** Closes the scoring (missing scores do not block) and posts the matrix and the choice form. */
export const showMatrix = async (ctx: Ctx, current: IdeaSession, turn?: Turn, pictures = true): Promise<string | undefined> => {
  const { session, refused } = await change(ctx, pkOf(current), current.id, (s) => (s.phase === 'scoring' ? { ...s, phase: 'choosing', version: s.version + 1 } : 'ideas.error.phase'));
  if (!session) return refused;
  await refreshCard(ctx, session, turn);
  const t = tFor(ctx, session);
  await postInThread(ctx, session, await matrixMessage(t, session, pictures), turn);
  await postInThread(ctx, session, chooseCard(t, ctx.method, session, bestFirst(session)), turn);
  return undefined;
};

/** Turns a chosen idea into an action in the network's action log (through the port). */
export async function choose(ctx: Ctx, current: IdeaSession, turn: Turn, pick: { group: number; owner?: string; ownerId?: string; due?: string }): Promise<string | undefined> {
  if (current.phase !== 'choosing') return 'ideas.error.phase';
  const group = current.groups.find((g) => g.number === pick.group);
  if (!group) return 'ideas.error.no_such_idea';
  if (current.chosen.some((c) => c.group === pick.group)) return 'ideas.error.already_chosen';
  const t = tFor(ctx, current);
  const port = ctx.services.ports.actionLog;
  const by: ChatUser = turn.user;
  const added = port
    ? await port.addActions(turn.conversation, [{ title: group.text, owner: pick.owner, ownerId: pick.ownerId, due: pick.due, author: { id: by.id, name: by.name } }], by, { label: t('ideas.source', { code: current.code }) })
    : undefined;
  const action = added?.[0]?.number;
  // Read by the same date reader as the action log, so the report keeps the date also where there is no log.
  const due = pick.due ? readDate(pick.due, ctx.services.clock.now(), current.timeZone) : undefined;
  const { session, refused } = await change(ctx, pkOf(current), current.id, (s) =>
    s.chosen.some((c) => c.group === pick.group) ? 'ideas.error.already_chosen' : { ...s, chosen: [...s.chosen, { group: pick.group, action, owner: pick.owner, due }], version: s.version + 1 },
  );
  if (!session) return refused;
  const key = action ? 'ideas.choose.done' : 'ideas.choose.done_no_log';
  await postInThread(ctx, session, { text: t(key, { number: pick.group, text: group.text, action: action ?? 0 }) }, turn);
  if (turn.message.action?.messageId) await turn.update(turn.message.action.messageId, chooseCard(t, ctx.method, session, bestFirst(session)));
  return undefined;
}

/** Ends the session with the report, in the thread and to the facilitator. */
export const finish: Move = async (ctx, current, turn) => {
  const { session, refused } = await change(ctx, pkOf(current), current.id, (s) => (s.phase === 'choosing' || s.phase === 'scoring' || s.phase === 'reveal' ? { ...s, phase: 'done', version: s.version + 1 } : 'ideas.error.phase'));
  if (!session) return refused;
  const t = tFor(ctx, session);
  const report = { text: reportText(t, ctx.method, session, quadrantNamer(t, session)) };
  await refreshCard(ctx, session, turn);
  await postInThread(ctx, session, report, turn);
  await direct(ctx, session, session.facilitator.id, report);
  ctx.services.log.info({ session: session.id, ideas: session.ideas.length, chosen: session.chosen.length }, 'idea session finished');
  return undefined;
};

/** Stops a session before its end; what was written is kept for the report of nobody (removed with the session's retention). */
export const stop: Move = async (ctx, current, turn) => {
  const { session, refused } = await change(ctx, pkOf(current), current.id, (s) => (s.phase === 'done' || s.phase === 'stopped' ? 'ideas.error.phase' : { ...s, phase: 'stopped', version: s.version + 1 }));
  if (!session) return refused;
  await refreshCard(ctx, session, turn);
  await postInThread(ctx, session, { text: tFor(ctx, session)('ideas.stopped', { name: turn?.user.name ?? session.facilitator.name }) }, turn);
  return undefined;
};

/** The scheduler: a writing time that ran out is revealed, once, whichever instance sees it first. */
export async function ideasTick(ctx: Ctx, now: Date): Promise<void> {
  for (const { data } of await ctx.sessions.list({ where: { phase: 'writing' } })) {
    if (data.pausedRemainingMs !== undefined || !data.writingEndsAt || now.getTime() < new Date(data.writingEndsAt).getTime()) continue;
    try {
      await reveal(ctx, data, undefined, now);
    } catch (err) {
      ctx.services.log.error({ code: (err as { code?: string }).code ?? 'wegwijs_unexpected_error', session: data.id }, 'idea session tick failed');
    }
  }
}

const pkOf = (s: IdeaSession) => networkId(s);
