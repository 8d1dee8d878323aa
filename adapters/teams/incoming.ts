/**
 * Teams activities → the core's `IncomingMessage`. Validates the few fields Wegwijs reads with zod
 * (the SDK has parsed the envelope) and maps Teams ids: tenant, user (AAD object id), channel and
 * reply chain (`<channel>;messageid=<root>`), mentions, and card presses (`Action.Submit` values
 * and `Action.Execute` invokes) into `IncomingMessage.action`.
 */
import { z } from 'zod';
import { findPrototypeKey, LIMITS, parseIncoming, PROTOTYPE_KEYS, type IncomingAction, type IncomingMessage } from '../../src/core/index.ts';
import { ACTION_KEY, CARD_KEY } from './render.ts';

/** The key in a dialog's data naming the stored form (see universal.ts). */
export const MODAL_KEY = 'wegwijsModal';

const Account = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }).passthrough();

export const TeamsActivitySchema = z
  .object({
    type: z.string(),
    id: z.string().optional(),
    name: z.string().optional(),
    text: z.string().optional(),
    locale: z.string().optional(),
    serviceUrl: z.string().optional(),
    replyToId: z.string().optional(),
    from: Account.optional(),
    recipient: Account.optional(),
    conversation: z
      .object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional(), name: z.string().optional(), isGroup: z.boolean().optional() })
      .passthrough(),
    channelData: z
      .object({
        tenant: z.object({ id: z.string() }).partial().optional(),
        team: z.object({ id: z.string(), name: z.string() }).partial().optional(),
        channel: z.object({ id: z.string(), name: z.string() }).partial().optional(),
      })
      .passthrough()
      .optional(),
    entities: z.array(z.object({ type: z.string().optional() }).passthrough()).optional(),
    value: z.unknown().optional(),
    action: z.string().optional(),
    membersAdded: z.array(Account).optional(),
    membersRemoved: z.array(Account).optional(),
  })
  .passthrough();
export type TeamsActivity = z.infer<typeof TeamsActivitySchema>;

/** A string field as Teams sends it: bounded; null counts as absent. */
const text = (max: number) => z.string().max(max).nullish();
const EdgeAccount = z.object({ id: z.string().min(1).max(256), name: text(256), aadObjectId: text(128) }).passthrough();
/**
 * An id the connector client puts into a URL path unescaped (`v3/conversations/<id>/activities/<id>`):
 * Teams' ids (`19:…@thread.tacv2;messageid=…`, `a:1…`, `1616…`) never hold a path separator,
 * query, fragment, percent sign, space or control character, and one that does would send the
 * bot's token to another path of the connector.
 */
const PATH_UNSAFE = /[/\\?#%\s\u0000-\u001F\u007F]/;
const pathId = (max: number) => z.string().max(max).refine((id) => !PATH_UNSAFE.test(id) && id !== '.' && id !== '..', 'not an id Teams sends');
const EdgeNamed = z.object({ id: pathId(512).nullish(), name: text(256) }).passthrough();

/**
 * The envelope checked at the HTTP edge, after authentication and before the SDK: every field
 * Wegwijs or the SDK reads has the right type and a bounded length, so a malformed activity gets
 * a 400 that names the field instead of failing later as a 500.
 */
export const TeamsEnvelopeSchema = z
  .object({
    type: z.string().min(1).max(64),
    id: text(512),
    name: text(256),
    text: text(LIMITS.textChars),
    textFormat: text(32),
    locale: text(64),
    channelId: text(64),
    serviceUrl: z.string().max(2048).url(),
    replyToId: pathId(512).nullish(),
    action: text(64),
    from: EdgeAccount.nullish(),
    recipient: EdgeAccount.nullish(),
    conversation: z
      .object({ id: pathId(512).pipe(z.string().min(1)), tenantId: text(256), conversationType: text(64), name: text(256), isGroup: z.boolean().nullish() })
      .passthrough(),
    channelData: z
      .object({ tenant: z.object({ id: text(256) }).passthrough().nullish(), team: EdgeNamed.nullish(), channel: EdgeNamed.nullish() })
      .passthrough()
      .nullish(),
    // Bounded by the body's size; the mentions the core keeps are cut in `toIncoming`.
    entities: z.array(z.object({ type: text(64) }).passthrough()).max(1000).nullish(),
    // A team that adds many people at once: bounded by the body's size, never refused for its count.
    membersAdded: z.array(EdgeAccount).max(10_000).nullish(),
    membersRemoved: z.array(EdgeAccount).max(10_000).nullish(),
  })
  .passthrough();

/**
 * Null and empty fields of the envelope and its accounts, removed: Wegwijs reads them as absent,
 * but the SDK's own schema refuses a null or an empty id, name or locale and the request would
 * fail as a 500 inside it. Other values are left as they are for `checkActivity`.
 */
export function withoutBlanks(body: unknown): unknown {
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isRecord(body)) return body;
  const strip = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([k, v]) => v !== null && (v !== '' || k === 'text')));
  const out = strip(body);
  for (const key of ['from', 'recipient', 'conversation']) if (isRecord(out[key])) out[key] = strip(out[key] as Record<string, unknown>);
  return out;
}

export type EdgeCheck = { ok: true } | { ok: false; error: string; field: string; message: string };

/**
 * Checks an activity body at the edge: no prototype keys anywhere, a valid envelope, and at most
 * one tenant (an activity whose conversation names another tenant than its channel data is refused).
 */
export function checkActivity(body: unknown): EdgeCheck {
  const prototypeKey = findPrototypeKey(body);
  if (prototypeKey) return { ok: false, error: 'malformed_activity', field: prototypeKey, message: 'this key is not allowed' };
  const parsed = TeamsEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: 'malformed_activity', field: issue.path.join('.') || 'body', message: issue.message };
  }
  const a = parsed.data;
  const fromConversation = a.conversation.tenantId;
  const fromChannelData = a.channelData?.tenant?.id;
  // A tenant id is the first part of every key (`teams:<tenant>:<channel>`): a colon or other
  // separator in it could make one tenant's keys look like another's. Teams sends GUIDs.
  for (const [field, id] of [['conversation.tenantId', fromConversation], ['channelData.tenant.id', fromChannelData]] as const) {
    if (id && !TENANT_ID.test(id)) return { ok: false, error: 'malformed_activity', field, message: 'not a tenant id' };
  }
  if (fromConversation && fromChannelData && fromConversation.toLowerCase() !== fromChannelData.toLowerCase()) {
    return { ok: false, error: 'tenant_mismatch', field: 'channelData.tenant.id', message: 'the activity names two tenants' };
  }
  // What the core will read (mentions, card values and inputs) is mapped once here, so a value
  // over its limit is a 400 now rather than a failed turn later.
  const activity = TeamsActivitySchema.safeParse(body);
  if (activity.success) {
    try {
      toIncoming(activity.data, { fallbackTenant: 'edge-check' });
    } catch (err) {
      if (!(err instanceof z.ZodError)) throw err;
      const issue = err.issues[0];
      return { ok: false, error: 'malformed_activity', field: issue.path.join('.') || 'body', message: issue.message };
    }
  }
  return { ok: true };
}

/** The shape of a tenant id: Teams' GUIDs, and plain names for a local emulator. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const THREAD_MARKER = ';messageid=';

/** Splits a Teams conversation id into the base conversation and the reply chain's root id. */
export function splitConversationId(id: string): { base: string; root?: string } {
  const at = id.indexOf(THREAD_MARKER);
  if (at < 0) return { base: id };
  return { base: id.slice(0, at), root: id.slice(at + THREAD_MARKER.length) || undefined };
}

/** The tenant of an activity; undefined when Teams sent none, or two that disagree. */
export function tenantOf(activity: TeamsActivity): string | undefined {
  const fromConversation = activity.conversation.tenantId;
  const fromChannelData = activity.channelData?.tenant?.id;
  if (fromConversation && fromChannelData && fromConversation.toLowerCase() !== fromChannelData.toLowerCase()) return undefined;
  return fromConversation || fromChannelData || undefined;
}

/**
 * The conversation type. Old-style channel activities carry none, but a reply-chain id
 * (`…;messageid=…`) or a channel in channelData says "channel", so their replies stay in the chain.
 */
export function conversationTypeOf(activity: TeamsActivity): string | undefined {
  const sent = activity.conversation.conversationType;
  if (sent) return sent;
  return splitConversationId(activity.conversation.id).root || activity.channelData?.channel?.id ? 'channel' : undefined;
}

/**
 * Sent by a bot: the bot's own activity (from = recipient) or another bot's ("28:" ids, role "bot").
 * Never answered, so one platform change (echoing a bot's posts) cannot start a loop.
 */
export function isFromBot(activity: TeamsActivity): boolean {
  const from = activity.from;
  if (!from) return false;
  return from.id === activity.recipient?.id || from.id.startsWith('28:') || (from as { role?: unknown }).role === 'bot';
}

/** Why `toIncoming` gave nothing, for the log line (a foreign card action is not "without tenant"). */
export function unmappedReason(activity: TeamsActivity, fallbackTenant?: string): 'no_tenant' | 'no_sender' | 'not_a_wegwijs_action' {
  if (!resolveTenant(activity, fallbackTenant)) return 'no_tenant';
  return activity.from ? 'not_a_wegwijs_action' : 'no_sender';
}

/** The tenant, or the fallback when Teams sent none at all (never when two tenants disagree). */
export function resolveTenant(activity: TeamsActivity, fallback?: string): string | undefined {
  const sent = activity.conversation.tenantId || activity.channelData?.tenant?.id;
  return sent ? tenantOf(activity) : fallback;
}

export function userIdOf(account: { id: string; aadObjectId?: string }): string {
  // The channel account id ("29:…") is what Teams puts in mentions and what opening a 1:1 chat
  // needs, so one person has one id whether they write, press a button or are @mentioned.
  return account.id;
}

export interface IncomingOptions {
  /** Used when Teams sends no tenant (local mode only; real Teams always sends one). */
  fallbackTenant?: string;
}

/** Maps a message activity or a card-action invoke; undefined when it is not for the core. */
export function toIncoming(activity: TeamsActivity, options: IncomingOptions = {}): IncomingMessage | undefined {
  const tenantId = resolveTenant(activity, options.fallbackTenant);
  if (!tenantId || !activity.from) return undefined;
  const action = actionOf(activity);
  if (activity.type !== 'message' && !action) return undefined;
  const { base, root } = splitConversationId(activity.conversation.id);
  const isDirect = activity.conversation.conversationType === 'personal';
  const botId = activity.recipient?.id;
  const mentions = mentionsOf(activity);
  const addressed = isDirect || mentions.some((m) => m.id === botId);
  return parseIncoming({
    platform: 'teams',
    tenantId,
    channelId: base,
    channelName: activity.channelData?.channel?.name ?? activity.conversation.name,
    // A top-level channel post arrives as its own reply chain; only real replies are "in a thread".
    threadId: root && root !== activity.id ? root : undefined,
    messageId: activity.id,
    user: { id: userIdOf(activity.from), name: activity.from.name ?? '' },
    text: action ? '' : messageText(activity.text ?? '', mentions, botId),
    // A message may mention more people than the core keeps: the first ones, never a refusal.
    mentions: mentions.filter((m) => m.id !== botId).slice(0, LIMITS.mentions).map((m) => ({ id: userIdOf(m), name: m.name.slice(0, 256) })),
    addressedToBot: addressed,
    isDirect,
    action,
    locale: activity.locale?.slice(0, 35),
  });
}

interface MentionInfo {
  id: string;
  aadObjectId?: string;
  name: string;
  text?: string;
}

// Built once: constructing a zod schema costs far more than using it.
const MentionEntity = z.object({ mentioned: Account, text: z.string().optional() });

function mentionsOf(activity: TeamsActivity): MentionInfo[] {
  const out: MentionInfo[] = [];
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const parsed = MentionEntity.safeParse(entity);
    if (!parsed.success) continue;
    out.push({ id: parsed.data.mentioned.id, aadObjectId: parsed.data.mentioned.aadObjectId, name: parsed.data.mentioned.name ?? '', text: parsed.data.text });
  }
  return out;
}

/** Removes the bot's `<at>…</at>` mention, keeps other people's names, decodes entities. */
function messageText(raw: string, mentions: MentionInfo[], botId: string | undefined): string {
  let text = raw;
  for (const m of mentions) {
    if (m.id === botId && m.text) text = text.split(m.text).join(' ');
  }
  // Any mention of the bot not listed as an entity, and the tags of everyone else's.
  text = text.replace(/<at>([^<]*)<\/at>/g, (_all, name: string) => (mentions.some((m) => m.id === botId && m.name === name) ? ' ' : name));
  text = text.replace(/<\/?(p|div|span|br)\s*\/?>/gi, ' ');
  return decodeEntities(text).replace(/[ \t]+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const ActionData = z.object({ [ACTION_KEY]: z.string().min(1).max(200), value: z.record(z.string(), z.unknown()).optional() }).passthrough();
const RESERVED = new Set([ACTION_KEY, 'value', 'msteams', CARD_KEY, MODAL_KEY]);

/**
 * A card press. Teams sends `Action.Submit` as a message whose `value` is the button's data
 * merged flat with the card's inputs; `Action.Execute` arrives as an `adaptiveCard/action` invoke
 * with the same data under `value.action.data`. The SDK's `adaptiveCards.actionSubmit` route does
 * not match Teams' flat payloads, so Wegwijs reads them here.
 */
// Built once: constructing a zod schema costs far more than using it.
const InvokeValue = z.object({ action: z.object({ data: z.unknown() }).passthrough() });
const DialogValue = z.object({ data: z.unknown() }).passthrough();

export function actionOf(activity: TeamsActivity): IncomingAction | undefined {
  let data: unknown;
  if (activity.type === 'message') data = activity.value;
  else if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    data = InvokeValue.safeParse(activity.value).data?.action.data;
  } else if (activity.type === 'invoke' && activity.name === 'task/submit') {
    // A dialog's submit: the form's inputs merged with its submit button's data, as Action.Submit.
    data = DialogValue.safeParse(activity.value).data?.data;
  }
  // A typed message has no card data: no parse (a failed one builds an error with its stack, every message).
  if (!data || typeof data !== 'object') return undefined;
  // Prototype keys never reach zod's record parsing (which trips over a non-function `constructor`).
  if (findPrototypeKey(data)) return undefined;
  const parsed = ActionData.safeParse(data);
  if (!parsed.success) return undefined;
  const value: Record<string, z.infer<typeof Scalar>> = {};
  for (const [key, v] of Object.entries(parsed.data.value ?? {})) {
    if (PROTOTYPE_KEYS.has(key) || key.length > LIMITS.keyChars) continue;
    const scalar = Scalar.safeParse(v);
    if (scalar.success) value[key] = scalar.data;
  }
  // What a person typed: the card bounds it (maxLength), and an older card or client that does not
  // is cut to the bound here, as Slack's inputs are, so the press still arrives (never a 400).
  const inputs: Record<string, string> = {};
  for (const [key, v] of Object.entries(parsed.data)) {
    if (RESERVED.has(key) || PROTOTYPE_KEYS.has(key) || key.length > LIMITS.keyChars) continue;
    if (Object.keys(inputs).length >= LIMITS.recordKeys) break;
    if (typeof v === 'string') inputs[key] = v.slice(0, LIMITS.inputChars);
    else if (typeof v === 'number' || typeof v === 'boolean') inputs[key] = String(v);
  }
  return {
    id: parsed.data[ACTION_KEY] as string,
    ...(parsed.data.value ? { value } : {}),
    ...(Object.keys(inputs).length ? { inputs } : {}),
    ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
  };
}
