/**
 * What the Teams adapter keeps so Teams' native surfaces can ask for it later, and the invoke
 * answers that need it at once (inside the HTTP request, before the turn runs):
 * - Universal Actions: a card whose buttons only some people may use is stored under a random
 *   key; Teams sends a refresh (`adaptiveCard/action` with verb `wegwijs.refresh`) when one of
 *   them views it, and gets the card as that person may see it. A press on such a card is
 *   answered with the presser's card; the core's update follows through the connector.
 * - Dialogs: a form (`openModal`) is stored with the one person it is for; `task/fetch` opens it
 *   as a dialog, `task/submit` becomes the core's form action (run after the response).
 * - Feedback: the 👍/👎 actions of a message with Teams' feedback control, by message id, so a
 *   `message/submitAction` feedback invoke runs the answer's own feedback action.
 * Records expire; everything is partitioned by tenant, and a key from another tenant finds nothing.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { cardActors, type ActionRef, type Catalog, type Lang, type Modal, type OutgoingMessage } from '../../src/core/index.ts';
import type { WegwijsStore as Store } from '../../src/core/index.ts';
import { defineKind } from '../../src/store/index.ts';
import { MODAL_KEY } from './incoming.ts';
import {
  ACTION_KEY,
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_VERSION,
  CARD_KEY,
  feedbackActions,
  hasFeedback,
  MAX_REFRESH_USERS,
  REFRESH_VERB,
  toAdaptiveCard,
  toTeamsMessage,
  type UniversalOptions,
} from './render.ts';

const CARD_KIND = defineKind('teams-card', {
  owner: 'teams',
  partition: 'teams:tenant',
  about: 'Teams cards, forms and feedback targets kept for a while, so each person sees their own card and forms open as dialogs',
});
/** A card is refreshed when it is viewed; after this it stays as it was last drawn. */
const CARD_TTL_SECONDS = 14 * 24 * 3600;
/** A form not opened within a day is gone (the user starts it again). */
const MODAL_TTL_SECONDS = 24 * 3600;

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const ActionRefSchema = z.object({ id: z.string(), value: z.record(z.string(), Scalar).optional() });
const Record = z.discriminatedUnion('type', [
  // The neutral message as the core sent it (already redacted by the core).
  z.object({ type: z.literal('card'), message: z.custom<OutgoingMessage>((v) => typeof v === 'object' && v !== null) }),
  z.object({ type: z.literal('modal'), userId: z.string(), modal: z.custom<Modal>((v) => typeof v === 'object' && v !== null) }),
  z.object({ type: z.literal('opener'), userId: z.string(), name: z.string().optional(), modalKey: z.string(), title: z.string(), note: z.string(), open: z.string() }),
  z.object({ type: z.literal('feedback'), up: ActionRefSchema.optional(), down: ActionRefSchema.optional() }),
]);
type StoredRecord = z.infer<typeof Record>;

type Json = { [key: string]: unknown };

export class TeamsCards {
  private readonly records;

  constructor(store: Store) {
    this.records = store.collection(CARD_KIND, Record);
  }

  static pk(tenantId: string): string {
    return `teams:${tenantId}`;
  }

  /**
   * The activity body for a message: with Universal Actions when its card limits some controls
   * to at most 60 people (the card is stored for their refreshes); else as before (`Action.Submit`,
   * everyone sees every button and the feature refuses the others).
   */
  async render(tenantId: string, message: OutgoingMessage): Promise<Json> {
    const actors = message.card ? cardActors(message.card) : [];
    if (!actors.length || actors.length > MAX_REFRESH_USERS) return toTeamsMessage(message);
    const key = randomUUID();
    await this.records.put(TeamsCards.pk(tenantId), `card:${key}`, { type: 'card', message }, { ttlSeconds: CARD_TTL_SECONDS });
    return toTeamsMessage(message, { universal: { key, userIds: actors } });
  }

  /** Keeps the 👍/👎 actions of a posted message that shows Teams' feedback control. */
  async rememberFeedback(tenantId: string, conversationId: string, messageId: string, message: OutgoingMessage): Promise<void> {
    if (!messageId || !hasFeedback(message)) return;
    const { up, down } = feedbackActions(message);
    await this.records.put(TeamsCards.pk(tenantId), `feedback:${conversationId}|${messageId}`, { type: 'feedback', ...(up ? { up } : {}), ...(down ? { down } : {}) }, { ttlSeconds: CARD_TTL_SECONDS });
  }

  /** The answer's own feedback action for a Teams feedback reaction, if the message is known. */
  async feedbackAction(tenantId: string, conversationId: string, messageId: string, reaction: 'like' | 'dislike'): Promise<ActionRef | undefined> {
    const found = await this.get(tenantId, `feedback:${conversationId}|${messageId}`);
    if (found?.type !== 'feedback') return undefined;
    return reaction === 'like' ? found.up : found.down;
  }

  /** The body of a refresh or of a press on a stored card: the card as `viewer` may see it. */
  async cardFor(tenantId: string, key: string, viewer: string): Promise<Json | undefined> {
    const found = await this.get(tenantId, `card:${key}`);
    if (found?.type === 'card') {
      const actors = found.message.card ? cardActors(found.message.card) : [];
      const universal: UniversalOptions = { key, userIds: actors, viewer };
      return cardResponse((toTeamsMessage(found.message, { universal }).attachments as { content: Json }[])[0].content);
    }
    if (found?.type === 'opener') return cardResponse(openerCard(found, key, viewer));
    return undefined;
  }

  /**
   * Stores a form for one person and returns the opener message: a card whose "open" button
   * opens the form as a dialog; in a shared conversation only that person gets the button.
   */
  async keepModal(tenantId: string, user: { id: string; name: string }, modal: Modal, text: { note: string; open: string }, shared: boolean): Promise<Json> {
    const userId = user.id;
    const pk = TeamsCards.pk(tenantId);
    const modalKey = randomUUID();
    await this.records.put(pk, `modal:${modalKey}`, { type: 'modal', userId, modal }, { ttlSeconds: MODAL_TTL_SECONDS });
    const opener = { type: 'opener' as const, userId, ...(user.name ? { name: user.name } : {}), modalKey, title: modal.title, note: text.note, open: text.open };
    const base = (content: Json) => ({ type: 'message', summary: modal.title, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content }] });
    if (!shared) return base(openerCard(opener, undefined, userId));
    const key = randomUUID();
    await this.records.put(pk, `card:${key}`, opener, { ttlSeconds: MODAL_TTL_SECONDS });
    return base({ ...openerCard(opener, key, undefined), refresh: refreshOf(key, [userId]) });
  }

  /**
   * The dialog for a `task/fetch` of a stored form: the form's card with its submit button, or
   * a message when the form is gone or someone else's.
   */
  async dialogFor(tenantId: string, modalKey: string, userId: string, t: (key: string) => string): Promise<Json> {
    const found = await this.get(tenantId, `modal:${modalKey}`);
    if (found?.type !== 'modal') return { task: { type: 'message', value: t('teams.form.gone') } };
    if (found.userId !== userId) return { task: { type: 'message', value: t('teams.form.not_yours') } };
    const { modal } = found;
    const content = toAdaptiveCard(modal.card);
    const submit = {
      type: 'Action.Submit',
      title: modal.submitLabel,
      style: 'positive',
      data: { [ACTION_KEY]: modal.submitActionId, ...(modal.value ? { value: modal.value } : {}), [MODAL_KEY]: modalKey },
    };
    return {
      task: {
        type: 'continue',
        value: { title: modal.title, width: 'medium', height: 'medium', card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: { ...content, actions: [submit] } } },
      },
    };
  }

  /** A submitted form is used once: the next submit of the same dialog finds nothing. */
  async useModal(tenantId: string, modalKey: string, userId: string): Promise<boolean> {
    const pk = TeamsCards.pk(tenantId);
    const found = await this.get(tenantId, `modal:${modalKey}`);
    if (found?.type !== 'modal' || found.userId !== userId) return false;
    return this.records.delete(pk, `modal:${modalKey}`);
  }

  private async get(tenantId: string, id: string): Promise<StoredRecord | undefined> {
    return (await this.records.get(TeamsCards.pk(tenantId), id))?.data;
  }
}

/** The invoke response body for a Universal Action: the card that replaces the presser's. */
export function cardResponse(content: Json): Json {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: content };
}

function refreshOf(key: string, userIds: string[]): Json {
  return { action: { type: 'Action.Execute', verb: REFRESH_VERB, data: { [CARD_KEY]: key } }, userIds };
}

/** The opener of a form: its title and note, and for its one person the button that opens the dialog. */
function openerCard(opener: Extract<StoredRecord, { type: 'opener' }>, key: string | undefined, viewer: string | undefined): Json {
  const mine = viewer === opener.userId;
  // Everyone else reads whose form it is, with the person as a real mention (Teams notifies them).
  const tag = opener.name ? `<at>${opener.name}</at>` : undefined;
  const note = tag && opener.note.includes(opener.name!) ? opener.note.replace(opener.name!, tag) : opener.note;
  const mention = tag && note !== opener.note && !mine ? { msteams: { entities: [{ type: 'mention', text: tag, mentioned: { id: opener.userId, name: opener.name } }] } } : {};
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: [
      { type: 'TextBlock', text: opener.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(mine ? [] : [{ type: 'TextBlock', text: note, isSubtle: true, wrap: true }]),
    ],
    ...(mine ? { actions: [{ type: 'Action.Submit', title: opener.open, data: { msteams: { type: 'task/fetch' }, [MODAL_KEY]: opener.modalKey } }] } : {}),
    ...(key ? { refresh: refreshOf(key, [opener.userId]) } : {}),
    ...mention,
  };
}

/** The texts of an opener in a language. */
export function openerTexts(catalog: Catalog, lang: Lang, name: string): { note: string; open: string } {
  return { note: catalog.t(lang, 'teams.form.for', { name: name || '…' }), open: catalog.t(lang, 'teams.form.open') };
}
