/**
 * The buttons of an idea session. Every value names its session and network; the network key is
 * checked against the verified tenant (and, in a channel, against this channel) before anything
 * is read. Steering buttons are for the facilitator; writing and scoring happen privately.
 */
import { networkFromValue, networkId, sameTenant, type ActionHandler, type IncomingAction, type Turn } from '../core/index.ts';
import { canSteer, change, refreshCard, tFor, type Ctx } from './context.ts';
import { choose, finish, reveal, showMatrix, startScoring, startWriting, stop } from './flow.ts';
import { addIdeas, join, nextToScore, score, splitIdeas, type IdeaSession } from './session.ts';
import { scoringCard, writingCard } from './views.ts';

/** The session a button belongs to, or undefined after a refusal the person has been told about. */
async function sessionOf(ctx: Ctx, turn: Turn, action: IncomingAction): Promise<IdeaSession | undefined> {
  const value = action.value ?? {};
  const pk = await networkFromValue(turn, value.n, turn.message.isDirect ? {} : { thisChannel: networkId(turn.conversation) });
  if (!pk) return undefined;
  const doc = typeof value.s === 'string' ? await ctx.sessions.get(pk, value.s) : undefined;
  if (!doc || !sameTenant(turn.message, doc.data)) return void (await turn.replyPrivately({ text: turn.t('ideas.error.missing') }));
  // By direct message the payload alone names the network: only its people may use the session.
  if (turn.message.isDirect && !(await belongs(ctx, turn, pk, doc.data))) {
    turn.log.warn({ code: 'ideas_not_in_network' }, 'idea session refused: not in the network');
    return void (await turn.replyPrivately({ text: turn.t('core.not_yours') }));
  }
  return doc.data;
}

/** A participant or facilitator of the session, or a member or facilitator of its network. */
async function belongs(ctx: Ctx, turn: Turn, pk: string, session: IdeaSession): Promise<boolean> {
  const id = turn.user.id;
  if (session.facilitator.id === id || session.participants.some((p) => p.id === id)) return true;
  const network = await ctx.services.store.networks.get(pk, pk);
  return Boolean(network?.data.facilitators.includes(id) || (await ctx.services.store.members.get(pk, id)));
}

/** A finished or stopped session: a late press is told so, not that the session "moved on". */
const isOver = (s: IdeaSession) => s.phase === 'done' || s.phase === 'stopped';

async function refuse(turn: Turn, key: string | undefined): Promise<void> {
  if (key) await turn.replyPrivately({ text: turn.t(key) });
}

/** A button only the facilitator (or a facilitator of the network) may press. */
function steering(ctx: Ctx, move: (ctx: Ctx, s: IdeaSession, turn: Turn) => Promise<string | undefined>): ActionHandler {
  return async (turn, action) => {
    const s = await sessionOf(ctx, turn, action);
    if (!s) return;
    if (!(await canSteer(ctx, s, turn.user.id))) return refuse(turn, 'ideas.error.facilitator_only');
    if (isOver(s)) return refuse(turn, 'ideas.error.over');
    await refuse(turn, await move(ctx, s, turn));
  };
}

/** Changes the writing time: longer, paused or going again. */
function timing(ctx: Ctx, step: (s: IdeaSession, now: number) => IdeaSession | string): ActionHandler {
  return steering(ctx, async (c, s, turn) => {
    const { session, refused } = await change(c, networkId(s), s.id, (x) => (x.phase === 'writing' ? step(x, c.services.clock.now().getTime()) : 'ideas.error.phase'));
    if (session) await refreshCard(c, session, turn);
    return refused;
  });
}

const EXTRA_MS = 2 * 60_000;

export function ideaButtons(ctx: Ctx): Record<string, ActionHandler> {
  const pk = (s: IdeaSession) => networkId(s);
  return {
    join: async (turn, action) => {
      const s = await sessionOf(ctx, turn, action);
      if (!s) return;
      if (!['open', 'writing', 'scoring'].includes(s.phase)) return refuse(turn, isOver(s) ? 'ideas.error.over' : 'ideas.error.phase');
      const { session, refused } = await change(ctx, pk(s), s.id, (x) => join(x, { id: turn.user.id, name: turn.user.name || turn.user.id }));
      if (!session) return refuse(turn, refused);
      const t = tFor(ctx, session);
      const now = ctx.services.clock.now();
      if (session.phase === 'writing') await turn.sendDirect(writingCard(t, ctx.method, session, turn.user.id, now));
      else if (session.phase === 'scoring') await turn.sendDirect(scoringCard(t, ctx.method, session, turn.user.id, nextToScore(session, turn.user.id)));
      else await turn.replyPrivately({ text: t(session.version === s.version ? 'ideas.joined_already' : 'ideas.joined', { minutes: ctx.method.writing_minutes }) });
      if (session.version !== s.version) await refreshCard(ctx, session, turn);
    },
    write: steering(ctx, startWriting),
    reveal: steering(ctx, (c, s, turn) => reveal(c, s, turn)),
    score: steering(ctx, startScoring),
    matrix: steering(ctx, async (c, s, turn) => {
      const network = await c.services.store.networks.get(pk(s), pk(s));
      return showMatrix(c, s, turn, network?.data.pictures !== false);
    }),
    finish: steering(ctx, finish),
    stop: steering(ctx, stop),
    extend: timing(ctx, (s, now) =>
      s.pausedRemainingMs !== undefined
        ? { ...s, pausedRemainingMs: s.pausedRemainingMs + EXTRA_MS, version: s.version + 1 }
        : { ...s, writingEndsAt: new Date(Math.max(now, new Date(s.writingEndsAt!).getTime()) + EXTRA_MS).toISOString(), version: s.version + 1 },
    ),
    pause: timing(ctx, (s, now) => (s.pausedRemainingMs !== undefined ? 'ideas.error.already_paused' : { ...s, pausedRemainingMs: Math.max(0, new Date(s.writingEndsAt!).getTime() - now), version: s.version + 1 })),
    resume: timing(ctx, (s, now) =>
      s.pausedRemainingMs === undefined ? 'ideas.error.not_paused' : { ...s, writingEndsAt: new Date(now + s.pausedRemainingMs).toISOString(), pausedRemainingMs: undefined, version: s.version + 1 },
    ),
    add: async (turn, action) => {
      const s = await sessionOf(ctx, turn, action);
      if (!s) return;
      const texts = splitIdeas(action.inputs?.ideas ?? '');
      let taken = 0;
      const { session, refused } = await change(ctx, pk(s), s.id, (x) => {
        if (x.phase !== 'writing') return 'ideas.error.writing_closed';
        if (!texts.length) return 'ideas.error.no_text';
        const added = addIdeas(join(x, { id: turn.user.id, name: turn.user.name || turn.user.id }), turn.user.id, texts, ctx.method.max_ideas);
        taken = added.taken;
        return added.taken ? added.session : 'ideas.error.full';
      });
      const t = tFor(ctx, session ?? s);
      const note = session ? t(taken < texts.length ? 'ideas.writing.added_some' : 'ideas.writing.added', { count: taken, dropped: texts.length - taken }) : t(refused!, { max: ctx.method.max_ideas });
      const card = writingCard(t, ctx.method, session ?? s, turn.user.id, ctx.services.clock.now(), note);
      if (action.messageId) await turn.update(action.messageId, card);
      else await turn.reply(card);
      if (session) await refreshCard(ctx, session, turn);
    },
    rate: async (turn, action) => {
      const s = await sessionOf(ctx, turn, action);
      if (!s) return;
      const { g, d, v } = action.value ?? {};
      const valid = typeof g === 'number' && s.groups.some((x) => x.number === g) && ((d === 'skip' && v === 0) || ((d === 'e' || d === 'i') && typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= ctx.method.scale));
      if (!valid) return refuse(turn, 'ideas.error.bad_score');
      const { session, refused } = await change(ctx, pk(s), s.id, (x) => {
        if (x.phase !== 'scoring') return 'ideas.error.scoring_closed';
        const me = join(x, { id: turn.user.id, name: turn.user.name || turn.user.id });
        return d === 'skip' ? score(score(me, turn.user.id, g, 'effort', 0), turn.user.id, g, 'impact', 0) : score(me, turn.user.id, g, d === 'e' ? 'effort' : 'impact', v as number);
      });
      const current = session ?? s;
      const card = scoringCard(tFor(ctx, current), ctx.method, current, turn.user.id, session ? nextToScore(current, turn.user.id) : undefined);
      if (!session) await refuse(turn, refused);
      if (action.messageId) await turn.update(action.messageId, card);
      else await turn.reply(card);
    },
    leave: async (turn, action) => {
      const s = await sessionOf(ctx, turn, action);
      if (!s) return;
      const { session } = await change(ctx, pk(s), s.id, (x) =>
        x.participants.some((p) => p.id === turn.user.id && !p.left) ? { ...x, participants: x.participants.map((p) => (p.id === turn.user.id ? { ...p, left: true } : p)), version: x.version + 1 } : 'ideas.error.not_in',
      );
      const t = tFor(ctx, session ?? s);
      const text = { text: t('ideas.left') };
      if (action.messageId && turn.message.isDirect) await turn.update(action.messageId, text);
      else await turn.replyPrivately(text);
      if (session) await refreshCard(ctx, session, turn);
    },
    choose: steering(ctx, async (c, s, turn) => {
      const inputs = turn.message.action?.inputs ?? {};
      const group = Number(inputs.idea);
      if (!Number.isInteger(group)) return 'ideas.error.pick_idea';
      return choose(c, s, turn, { group, owner: inputs.owner?.trim() || undefined, due: inputs.due?.trim() || undefined });
    }),
  };
}
