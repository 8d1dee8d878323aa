/**
 * What people type: `wegwijs crazy eight start …` in a channel, and in the session's thread the
 * facilitator's case, merges, splits, removals and choices ("kies 3 @bram voor vrijdag").
 * Everything else in the thread is the group's own conversation: the bot stays quiet.
 */
import { fold, networkId, stripEntryWord, type Turn, tenantKey } from '../core/index.ts';
import { canSteer, change, postInThread, refreshCard, tFor, type Ctx } from './context.ts';
import { choose } from './flow.ts';
import { mergeGroups, splitGroup } from './groups.ts';
import { isOpen, type IdeaSession } from './session.ts';
import { revealMessage, sessionCard } from './views.ts';

const START = new Set(['start', 'begin', 'starten']);
const NAMED = /^(?:met namen|with names|named)\b\s*/i;

/** "start …" (or "begin …"): the command opens a session. */
export function startsSession(args: string): boolean {
  return START.has(fold(args.trim().split(/\s+/)[0] ?? ''));
}

export async function ideasCommand(ctx: Ctx, turn: Turn, args: string): Promise<void> {
  if (startsSession(args)) return startSession(ctx, turn, args.trim().split(/\s+/).slice(1).join(' '));
  const bot = ctx.services.config.botName;
  await turn.reply({ text: `**${ctx.method.name[turn.lang]}**\n${ctx.method.summary[turn.lang]}\n\n${turn.t('ideas.how_to_start', { bot })}` });
}

/** Opens a session in the channel: the card (the thread's root), and the guidance for the facilitator privately. */
export async function startSession(ctx: Ctx, turn: Turn, typed: string): Promise<void> {
  const { message } = turn;
  const bot = ctx.services.config.botName;
  if (message.isDirect) return void (await turn.reply({ text: turn.t('ideas.channel_only', { bot }) }));
  if (message.threadId && (await sessionInThread(ctx, turn))) return void (await turn.replyPrivately({ text: turn.t('ideas.already') }));
  const named = NAMED.test(typed.trim());
  const caseText = typed.trim().replace(NAMED, '').trim();
  const now = ctx.services.clock.now();
  const network = await turn.network();
  const code = await ctx.services.store.nextNumber(tenantKey(message), 'ideasession');
  const facilitator = { id: turn.user.id, name: turn.user.name || turn.user.id };
  const draft: IdeaSession = {
    id: '',
    code,
    platform: message.platform,
    tenantId: message.tenantId,
    channelId: message.channelId,
    threadId: '',
    lang: turn.lang,
    timeZone: network?.data.timeZone ?? ctx.services.config.timeZone,
    facilitator,
    named,
    ...(caseText ? { case: caseText.slice(0, 600) } : {}),
    phase: 'open',
    participants: [facilitator],
    ideas: [],
    groups: [],
    scores: [],
    chosen: [],
    removed: 0,
    createdAt: now.toISOString(),
    version: 1,
  };
  const t = tFor(ctx, draft);
  const posted = await turn.post(sessionCard(t, ctx.method, draft, now));
  const session = { ...draft, id: posted.id, threadId: posted.id };
  await ctx.sessions.create(networkId(turn.conversation), session.id, session);
  // The card's buttons name the session, whose id is the card's own: known only once it is posted.
  await turn.update(session.id, sessionCard(t, ctx.method, session, now));
  turn.log.info({ session: session.id, code }, 'idea session started');
  if (!session.case) await turn.postToThread(session.threadId, { text: `${ctx.method.phases.case[session.lang]}\n_${t('ideas.case.how', { name: facilitator.name })}_` });
  await turn.replyPrivately({ text: `**${t('ideas.guidance_title')}**\n${ctx.method.guidance[session.lang]}` });
}

async function sessionInThread(ctx: Ctx, turn: Turn): Promise<IdeaSession | undefined> {
  const { threadId, isDirect } = turn.message;
  if (!threadId || isDirect) return undefined;
  return (await ctx.sessions.get(networkId(turn.conversation), threadId))?.data;
}

export async function ownsIdeaThread(ctx: Ctx, turn: Turn): Promise<boolean> {
  const s = await sessionInThread(ctx, turn);
  if (!s || !isOpen(s)) return false;
  // "wegwijs wat is meerzorg?" in the thread is a question for the bot, not a session message.
  const { entryWord, body } = stripEntryWord(turn.message.text, ctx.services.config.botName);
  return !(entryWord && /\?\s*$/.test(body));
}

const MERGE = /^(?:samenvoegen|voeg|merge)\b/i;
const SPLIT = /^(?:splits(?:en)?|split)\b/i;
const REMOVE = /^(?:verwijder(?:en)?|remove|hide|verberg)\b/i;
const CHOOSE = /^(?:kies|choose|pick)\s+#?(\d{1,3})\b\s*(.*)$/i;
const CASE = /^(?:casus|case)\s*:\s*/i;

export async function threadMessage(ctx: Ctx, turn: Turn): Promise<void> {
  const s = await sessionInThread(ctx, turn);
  if (!s) return;
  const text = stripEntryWord(turn.message.text, ctx.services.config.botName).body.trim();
  if (!(await canSteer(ctx, s, turn.user.id))) {
    // Chat in the thread stays chat; a typed steering command ("verwijder 3") is answered, not silently dropped.
    const steering = [MERGE, SPLIT, REMOVE, CHOOSE].some((re) => re.test(text)) && /\d/.test(text);
    return steering ? void (await turn.replyPrivately({ text: turn.t('ideas.error.facilitator_only_typed') })) : turn.ignore();
  }
  const numbers = [...text.matchAll(/\d{1,3}/g)].map((m) => Number(m[0]));
  if (s.phase === 'open' && (!s.case || CASE.test(text))) return setCase(ctx, turn, s, text.replace(CASE, ''));
  if (s.phase === 'reveal' && MERGE.test(text)) return regroup(ctx, turn, s, (x) => mergeGroups(x.groups, numbers));
  if (s.phase === 'reveal' && SPLIT.test(text)) return regroup(ctx, turn, s, (x) => splitGroup(x.groups, numbers[0], x.ideas));
  if ((s.phase === 'reveal' || s.phase === 'scoring' || s.phase === 'choosing') && REMOVE.test(text) && numbers.length) return remove(ctx, turn, s, numbers[0]);
  const pick = CHOOSE.exec(text);
  if (s.phase === 'choosing' && pick) {
    const owner = turn.message.mentions[0];
    const rest = pick[2].replace(/@\S+(?:\s+\S+)?/, '').trim();
    const refused = await choose(ctx, s, turn, { group: Number(pick[1]), owner: owner ? `@${owner.name || owner.id}` : undefined, ownerId: owner?.id, due: rest || undefined });
    if (refused) await turn.replyPrivately({ text: turn.t(refused) });
    return;
  }
  turn.ignore();
}

async function setCase(ctx: Ctx, turn: Turn, s: IdeaSession, text: string): Promise<void> {
  if (!text.trim()) return turn.ignore();
  const { session } = await change(ctx, networkId(s), s.id, (x) => (x.phase === 'open' ? { ...x, case: text.trim().slice(0, 600), version: x.version + 1 } : 'ideas.error.phase'));
  if (!session) return;
  await refreshCard(ctx, session, turn);
  await turn.reply({ text: turn.t('ideas.case.set') });
}

async function regroup(ctx: Ctx, turn: Turn, s: IdeaSession, regroup: (s: IdeaSession) => IdeaSession['groups'] | undefined): Promise<void> {
  const { session, refused } = await change(ctx, networkId(s), s.id, (x) => {
    if (x.phase !== 'reveal') return 'ideas.error.phase';
    const groups = regroup(x);
    return groups ? { ...x, groups, version: x.version + 1 } : 'ideas.error.regroup';
  });
  if (!session) return void (await turn.replyPrivately({ text: turn.t(refused!) }));
  await postInThread(ctx, session, revealMessage(tFor(ctx, session), ctx.method, session), turn);
}

/** Removes an idea that identifies someone: its text is gone from the store; the report says one was removed. */
async function remove(ctx: Ctx, turn: Turn, s: IdeaSession, number: number): Promise<void> {
  const { session, refused } = await change(ctx, networkId(s), s.id, (x) => {
    const group = x.groups.find((g) => g.number === number);
    if (!group) return 'ideas.error.no_such_idea';
    const groups = x.groups.filter((g) => g !== group).map((g, i) => ({ ...g, number: i + 1 }));
    const renumber = new Map(x.groups.filter((g) => g !== group).map((g, i) => [g.number, i + 1]));
    return {
      ...x,
      groups,
      ideas: x.ideas.filter((i) => !group.ideaIds.includes(i.id)),
      scores: x.scores.filter((sc) => sc.group !== number).map((sc) => ({ ...sc, group: renumber.get(sc.group)! })),
      chosen: x.chosen.filter((c) => c.group !== number).map((c) => ({ ...c, group: renumber.get(c.group)! })),
      removed: x.removed + group.ideaIds.length,
      version: x.version + 1,
    };
  });
  if (!session) return void (await turn.replyPrivately({ text: turn.t(refused!) }));
  await ctx.services.store.purge();
  await turn.reply({ text: turn.t('ideas.removed', { number }) });
  await refreshCard(ctx, session, turn);
  if (session.phase === 'reveal') await postInThread(ctx, session, revealMessage(tFor(ctx, session), ctx.method, session), turn);
}
