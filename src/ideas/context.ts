/**
 * What the parts of the idea feature share: the method, the sessions, safe read-modify-write, the
 * facilitator check, and posting in the session's thread from a turn or from the scheduler.
 */
import type { OutgoingMessage, Services, Translate, Turn } from '../core/index.ts';
import { networkId } from '../core/index.ts';
import type { Collection } from '../store/index.ts';
import { IdeaSessionSchema, type IdeaMethod, type IdeaSession } from './session.ts';
import { sessionCard } from './views.ts';

export interface Ctx {
  services: Services;
  method: IdeaMethod;
  sessions: Collection<typeof IdeaSessionSchema>;
}

export const sessionPk = (s: Pick<IdeaSession, 'platform' | 'tenantId' | 'channelId'>) => networkId(s);
export const tFor = (ctx: Ctx, s: IdeaSession): Translate => ctx.services.catalog.translator(s.lang);

/**
 * Read-modify-write of one session; `change` returns the new session or a reason (a catalogue key
 * for the person) to leave it as it is. It may run twice on a conflict, so it must be pure.
 */
export async function change(ctx: Ctx, pk: string, id: string, step: (s: IdeaSession) => IdeaSession | string): Promise<{ session?: IdeaSession; refused?: string }> {
  let refused: string | undefined = 'ideas.error.missing';
  const doc = await ctx.sessions.update(pk, id, (current) => {
    if (!current) return undefined;
    const next = step(current);
    refused = typeof next === 'string' ? next : undefined;
    return typeof next === 'string' ? undefined : next;
  });
  return refused ? { refused } : { session: doc!.data };
}

/** The session's own facilitator, or a facilitator of the channel's network. */
export async function canSteer(ctx: Ctx, s: IdeaSession, userId: string): Promise<boolean> {
  if (s.facilitator.id === userId) return true;
  const network = await ctx.services.store.networks.get(sessionPk(s), sessionPk(s));
  return Boolean(network?.data.facilitators.includes(userId));
}

/** Posts in the session's thread: through the turn when it is in the session's channel, else proactively. */
export async function postInThread(ctx: Ctx, s: IdeaSession, message: OutgoingMessage, turn?: Turn): Promise<void> {
  const m = turn?.message;
  if (turn && m && !m.isDirect && sessionPk(m) === sessionPk(s)) {
    await turn.postToThread(s.threadId, message);
    return;
  }
  const result = await ctx.services.messenger.post(await channelRef(ctx, s), message, s.threadId);
  if (!result.ok) ctx.services.log.warn({ code: 'wegwijs_delivery_error', session: s.id }, 'idea session post failed');
}

/** Replaces the session's card in the channel with its current state. */
export async function refreshCard(ctx: Ctx, changed: IdeaSession, turn?: Turn): Promise<void> {
  // Drawn from the latest stored state: two presses at once must not leave the older picture.
  const s = (await ctx.sessions.get(sessionPk(changed), changed.id))?.data ?? changed;
  const message = sessionCard(tFor(ctx, s), ctx.method, s, ctx.services.clock.now());
  const m = turn?.message;
  if (turn && m && !m.isDirect && sessionPk(m) === sessionPk(s)) return void (await turn.update(s.id, message));
  const result = await ctx.services.messenger.update(await channelRef(ctx, s), s.id, message);
  if (!result.ok) ctx.services.log.warn({ code: 'wegwijs_delivery_error', session: s.id }, 'idea session card update failed');
}

/** A direct message to a participant (their writing or scoring card). */
export async function direct(ctx: Ctx, s: IdeaSession, userId: string, message: OutgoingMessage): Promise<void> {
  const result = await ctx.services.messenger.sendDirect(s.platform, s.tenantId, userId, message);
  if (!result.ok) ctx.services.log.warn({ code: 'wegwijs_delivery_error', session: s.id }, 'idea session direct message failed');
}

async function channelRef(ctx: Ctx, s: IdeaSession) {
  return (await ctx.services.messenger.conversation(s.platform, s.tenantId, s.channelId)) ?? { platform: s.platform, tenantId: s.tenantId, channelId: s.channelId, isDirect: false };
}
