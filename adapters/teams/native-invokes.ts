/**
 * The invokes of Teams' native surfaces, as the turn handler needs them:
 * - answered at once, inside the request, with nothing for the core: a Universal Actions refresh
 *   (the viewer's card) and a dialog's `task/fetch` (the stored form);
 * - kept in the inbox and run by the core after the response: a press on a Universal Actions card
 *   (acknowledged with the presser's card), a dialog's `task/submit` (the dialog closes), and a
 *   feedback reaction (`message/submitAction`, turned into the answer's own 👍/👎 action).
 */
import { z } from 'zod';
import type { Bot } from '../../src/core/index.ts';
import { MODAL_KEY, resolveTenant, splitConversationId, userIdOf, type TeamsActivity } from './incoming.ts';
import { ACTION_KEY, CARD_KEY, REFRESH_VERB } from './render.ts';
import type { TeamsCards } from './universal.ts';

/** Invokes that carry a press or a submit for the core, besides `adaptiveCard/action`. */
const KEPT_INVOKES = new Set(['task/submit', 'message/submitAction']);

const ExecuteValue = z.object({ action: z.object({ verb: z.string().max(200).optional(), data: z.record(z.string(), z.unknown()).optional() }).passthrough() }).passthrough();
const DialogValue = z.object({ data: z.record(z.string(), z.unknown()).optional() }).passthrough();
const FeedbackValue = z
  .object({ actionName: z.literal('feedback'), actionValue: z.object({ reaction: z.enum(['like', 'dislike']) }).passthrough() })
  .passthrough();

const key = (value: unknown) => (typeof value === 'string' && value.length <= 64 ? value : undefined);

export interface NativeAnswer {
  body: unknown;
}

export class TeamsNativeInvokes {
  constructor(
    private readonly cards: TeamsCards,
    private readonly bot: Bot,
    private readonly fallbackTenant?: string,
  ) {}

  /** True for the invokes besides card actions whose work the core does (kept in the inbox). */
  keeps(activity: TeamsActivity): boolean {
    return activity.type === 'invoke' && KEPT_INVOKES.has(activity.name ?? '');
  }

  /** The answer for an invoke that needs nothing from the core (a refresh, a dialog opening); else undefined. */
  async answerNow(activity: TeamsActivity): Promise<NativeAnswer | undefined> {
    const who = this.who(activity);
    if (!who) return undefined;
    if (activity.name === 'adaptiveCard/action') {
      const value = ExecuteValue.safeParse(activity.value).data;
      if (value?.action.verb !== REFRESH_VERB) return undefined;
      const cardKey = key(value.action.data?.[CARD_KEY]);
      const card = cardKey && (await this.cards.cardFor(who.tenantId, cardKey, who.userId));
      // An expired card stays as it was last drawn.
      return { body: card || { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' } };
    }
    if (activity.name === 'task/fetch') {
      const modalKey = key(DialogValue.safeParse(activity.value).data?.data?.[MODAL_KEY]);
      if (!modalKey) return undefined;
      const t = await this.translator(activity, who);
      return { body: await this.cards.dialogFor(who.tenantId, modalKey, who.userId, t) };
    }
    if (activity.name === 'task/submit') {
      const data = DialogValue.safeParse(activity.value).data?.data;
      const modalKey = key(data?.[MODAL_KEY]);
      if (!modalKey || typeof data?.[ACTION_KEY] !== 'string') return undefined;
      // A form is submitted once: a second submit (or someone else's) changes nothing.
      if (await this.cards.useModal(who.tenantId, modalKey, who.userId)) return undefined;
      const t = await this.translator(activity, who);
      return { body: { task: { type: 'message', value: t('teams.form.gone') } } };
    }
    return undefined;
  }

  /** The invoke response for a kept invoke, when it is not the default one. */
  async ackBody(activity: TeamsActivity): Promise<NativeAnswer | undefined> {
    const who = this.who(activity);
    if (!who || activity.type !== 'invoke') return undefined;
    if (activity.name === 'task/submit') {
      // Our own dialog closes; a dialog that is not ours gets the default "not here" answer.
      const data = DialogValue.safeParse(activity.value).data?.data;
      return key(data?.[MODAL_KEY]) && typeof data?.[ACTION_KEY] === 'string' ? { body: undefined } : undefined;
    }
    if (activity.name === 'message/submitAction') return { body: undefined };
    if (activity.name === 'adaptiveCard/action') {
      const cardKey = key(ExecuteValue.safeParse(activity.value).data?.action.data?.[CARD_KEY]);
      // The presser keeps their own card until the core's update arrives through the connector.
      const card = cardKey && (await this.cards.cardFor(who.tenantId, cardKey, who.userId));
      if (card) return { body: card };
    }
    return undefined;
  }

  /**
   * A feedback reaction as the press of the answer's own 👍/👎 button (the free-text comment is
   * not kept: the reason menu that follows a 👎 asks for a reason without free text).
   */
  async feedbackAsPress(activity: TeamsActivity): Promise<TeamsActivity | undefined> {
    const who = this.who(activity);
    const value = FeedbackValue.safeParse(activity.value).data;
    if (!who || !value || !activity.replyToId) return undefined;
    const conversationId = splitConversationId(activity.conversation.id).base;
    const action = await this.cards.feedbackAction(who.tenantId, conversationId, activity.replyToId, value.actionValue.reaction);
    if (!action) return undefined;
    return {
      ...activity,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', data: { [ACTION_KEY]: action.id, ...(action.value ? { value: action.value } : {}) } } },
    };
  }

  private who(activity: TeamsActivity): { tenantId: string; userId: string } | undefined {
    const tenantId = resolveTenant(activity, this.fallbackTenant);
    if (!tenantId || !activity.from) return undefined;
    return { tenantId, userId: userIdOf(activity.from) };
  }

  private async translator(activity: TeamsActivity, who: { tenantId: string; userId: string }): Promise<(k: string) => string> {
    const channelId = splitConversationId(activity.conversation.id).base;
    const isDirect = activity.conversation.conversationType === 'personal';
    const lang = await this.bot
      .languageFor({ platform: 'teams', tenantId: who.tenantId, channelId, isDirect, user: { id: who.userId, name: '' } })
      .catch(() => this.bot.services.config.language);
    return (k) => this.bot.services.catalog.t(lang, k);
  }
}
