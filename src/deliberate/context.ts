/**
 * What every part of the feature shares: the loaded methods, the session collection, the LLM,
 * and small helpers to change a session safely and to post in its thread, from a turn or from
 * the scheduler (through the messenger and the stored conversation).
 */
import { networkId, type OutgoingMessage, type Translate, type ConversationRef, type Services, type Turn } from '../core/index.ts';
import type { LlmClient } from '../llm/index.ts';
import type { Collection } from '../store/index.ts';
import type { Method } from './methods.ts';
import { isParticipant, SessionSchema, type Session } from './session.ts';
import type { SynthesisPrompt } from './synthesis.ts';

export interface Ctx {
  services: Services;
  methods: Method[];
  sessions: Collection<typeof SessionSchema>;
  llm?: LlmClient;
  prompt?: SynthesisPrompt;
}

export type Outcome = 'ok' | 'missing' | 'ended' | 'stale' | 'unchanged';

export const sessionPk = (s: Pick<Session, 'platform' | 'tenantId' | 'channelId'>) => networkId(s);

export function methodOf(ctx: Ctx, session: Session): Method | undefined {
  return ctx.methods.find((m) => m.id === session.methodId);
}

export function tFor(ctx: Ctx, session: Session): Translate {
  return ctx.services.catalog.translator(session.lang);
}

/**
 * Read-modify-write of one session. `change` returns the new session, or an outcome code to leave
 * it untouched; it may run more than once (on a conflict), so it must be pure.
 */
export async function changeSession(ctx: Ctx, pk: string, id: string, change: (s: Session) => Session | Exclude<Outcome, 'ok' | 'missing'>): Promise<{ outcome: Outcome; session?: Session }> {
  let outcome: Outcome = 'missing';
  const doc = await ctx.sessions.update(pk, id, (current) => {
    if (!current) {
      outcome = 'missing';
      return undefined;
    }
    const next = change(current);
    if (typeof next === 'string') {
      outcome = next;
      return undefined;
    }
    outcome = 'ok';
    return next;
  });
  return { outcome, session: doc?.data };
}

/** The facilitator of the session, or a facilitator of the channel's learning network. */
export async function canSteer(ctx: Ctx, session: Session, userId: string): Promise<boolean> {
  if (session.facilitator.id === userId) return true;
  const pk = sessionPk(session);
  const network = await ctx.services.store.networks.get(pk, pk);
  return Boolean(network?.data.facilitators.includes(userId));
}

/**
 * By direct message only the payload names the session (its id, its network): only its people
 * (participants, facilitators) or the network's members may use it there, so a colleague of the
 * same tenant outside the network cannot join, answer, vote or rate in another network's session.
 */
export async function mayUseByDm(ctx: Ctx, session: Session, userId: string): Promise<boolean> {
  if (isParticipant(session, userId) || (await canSteer(ctx, session, userId))) return true;
  return Boolean(await ctx.services.store.members.get(sessionPk(session), userId));
}

export interface ThreadPoster {
  post(message: OutgoingMessage): Promise<string | undefined>;
  update(messageId: string, message: OutgoingMessage): Promise<void>;
}

/** Posts in the session's thread through the turn, when the turn is in the session's channel. */
export function posterFor(ctx: Ctx, session: Session, turn?: Turn): ThreadPoster {
  const m = turn?.message;
  if (turn && m && !m.isDirect && m.platform === session.platform && m.tenantId === session.tenantId && m.channelId === session.channelId) {
    return {
      post: async (message) => (await turn.postToThread(session.threadId, await withSteerers(ctx, session, message))).id,
      update: async (messageId, message) => turn.update(messageId, await withSteerers(ctx, session, message)),
    };
  }
  return messengerPoster(ctx, session);
}

/**
 * Steer buttons name the session's facilitator as the one who may press them; the network's
 * facilitators may steer too (`canSteer`), so a platform that shows each person their own card
 * (Teams) shows them the buttons as well.
 */
async function withSteerers(ctx: Ctx, session: Session, message: OutgoingMessage): Promise<OutgoingMessage> {
  if (!message.card) return message;
  const pk = sessionPk(session);
  const extra = ((await ctx.services.store.networks.get(pk, pk))?.data.facilitators ?? []).filter((id) => id !== session.facilitator.id);
  if (!extra.length) return message;
  const widen = <T extends { actors?: string[] }>(control: T): T =>
    control.actors?.includes(session.facilitator.id) ? { ...control, actors: [...new Set([...control.actors, ...extra])] } : control;
  const elements = message.card.elements.map((e) => (e.type === 'buttons' ? { ...e, buttons: e.buttons.map(widen) } : e.type === 'input' ? widen(e) : e));
  return { ...message, card: { ...message.card, elements } };
}

function messengerPoster(ctx: Ctx, session: Session): ThreadPoster {
  const { messenger, log } = ctx.services;
  const ref = async (): Promise<ConversationRef> =>
    (await messenger.conversation(session.platform, session.tenantId, session.channelId)) ?? {
      platform: session.platform,
      tenantId: session.tenantId,
      channelId: session.channelId,
      isDirect: false,
    };
  return {
    async post(message) {
      const result = await messenger.post(await ref(), await withSteerers(ctx, session, message), session.threadId);
      if (!result.ok) log.warn({ code: 'wegwijs_delivery_error', error: result.error, session: session.id }, 'deliberation post failed');
      return result.messageId;
    },
    async update(messageId, message) {
      const result = await messenger.update(await ref(), messageId, await withSteerers(ctx, session, message));
      if (!result.ok) log.warn({ code: 'wegwijs_delivery_error', error: result.error, session: session.id }, 'deliberation card update failed');
    },
  };
}

/** The turn's translator as a free function (turn.t is a method and must not be passed unbound). */
export function tr(turn: Turn): Translate {
  return (key, vars) => turn.t(key, vars);
}
