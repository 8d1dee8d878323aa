/**
 * Slack payloads (slash commands, events, button presses, modal submissions) as the core's
 * `IncomingMessage`. Ids map one to one: tenant = workspace (team, or enterprise for org
 * installs), channel = channel id, messageId = the message ts, threadId = thread_ts.
 */
import { z } from 'zod';
import { LIMITS, parseIncoming as parseCore, PROTOTYPE_KEYS, WegwijsError, type IncomingMessage } from '../../src/core/index.ts';
import { coreActionId, inputsFromState, type SlackStateValue } from './cards.ts';
import { fromSlackText } from './mrkdwn.ts';
import type { ModalOrigin, SlackPlatformData } from './slack-adapter.ts';

/** The workspace an event belongs to, from Bolt's context. */
export interface SlackWho {
  tenantId: string;
  user: { id: string; name: string };
  botUserId?: string;
}

/** What Bolt's context tells about the workspace of a verified request. */
export interface SlackSource {
  isEnterpriseInstall?: boolean;
  teamId?: string;
  enterpriseId?: string;
}

/**
 * The tenant of a verified request: the workspace (team) id; the enterprise id only for an
 * org-wide install, which exists only with OAuth. An enterprise id never stands in for a missing
 * team id, and a single-workspace token never serves an "org install": undefined means refuse.
 */
export function verifiedTenant(context: SlackSource, options: { orgInstalls: boolean }): string | undefined {
  const valid = (id: string | undefined) => (typeof id === 'string' && /^[A-Z0-9]{1,64}$/i.test(id) ? id : undefined);
  if (context.isEnterpriseInstall) return options.orgInstalls ? valid(context.enterpriseId) : undefined;
  return valid(context.teamId);
}

/**
 * Whether a command's `response_url` is Slack's (https on `slack.com` or `slack-gov.com`, or the
 * host of a configured Web API URL, as in tests): the bot posts its answer there, so a URL that
 * points anywhere else is never called (the answer then goes no other way than chat.postMessage).
 */
export function isSlackResponseUrl(raw: unknown, apiUrl?: string): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  try {
    const url = new URL(raw);
    if (url.username || url.password) return false;
    if (apiUrl && url.origin === new URL(apiUrl).origin) return true;
    const host = url.hostname.toLowerCase();
    return url.protocol === 'https:' && ['slack.com', 'slack-gov.com'].some((d) => host === d || host.endsWith(`.${d}`));
  } catch {
    return false;
  }
}

export interface SlashCommandPayload {
  channel_id: string;
  channel_name?: string;
  text?: string;
  trigger_id?: string;
}

export interface MessagePayload {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  /** Set when the message was edited: Slack sends an edited mention again as a new event. */
  edited?: { user?: string; ts?: string };
}

export interface BlockActionPayload {
  trigger_id?: string;
  channel?: { id: string; name?: string };
  message?: { ts: string; thread_ts?: string };
  container?: { type?: string; message_ts?: string; thread_ts?: string; channel_id?: string; is_ephemeral?: boolean };
  state?: { values?: Record<string, Record<string, SlackStateValue>> };
  view?: { private_metadata?: string };
}

export interface ButtonPayload {
  action_id: string;
  value?: string;
  /** `feedback_buttons` for Slack's 👍/👎 (cards.ts): the pressed side's action is in the value. */
  type?: string;
}

export interface ViewSubmissionPayload {
  trigger_id?: string;
  view: { callback_id: string; private_metadata?: string; state?: { values?: Record<string, Record<string, SlackStateValue>> } };
}

/**
 * The core's model, or a coded refusal naming the field: a payload Slack signed but that does not
 * fit (an id or text over its limit) is logged as bad input, not as an unexpected failure.
 */
function parseIncoming(raw: unknown): IncomingMessage {
  try {
    return parseCore(raw);
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    const issue = err.issues[0];
    throw new WegwijsError('wegwijs_bad_input', `slack payload refused at ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
}

/** Message subtypes that are a person writing; edits, deletions, joins and bots are not. */
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/** Slack's own system user: Slackbot's notices (e.g. "you were removed from #…") are no question. */
const SYSTEM_USERS = new Set(['USLACKBOT']);

/**
 * True for messages written by a person: not an edit (a `message_changed`, or a mention sent again
 * with an `edited` field, which would answer the same question twice), not a join, not Slackbot,
 * not another bot.
 */
export function isPersonMessage(message: MessagePayload): boolean {
  return PERSON_SUBTYPES.has(message.subtype) && !message.bot_id && Boolean(message.user) && !SYSTEM_USERS.has(message.user!) && !message.edited;
}

export function fromSlashCommand(command: SlashCommandPayload, who: SlackWho): IncomingMessage {
  const isDirect = command.channel_name === 'directmessage' || command.channel_id.startsWith('D');
  return parseIncoming({
    platform: 'slack',
    tenantId: who.tenantId,
    channelId: command.channel_id,
    channelName: isDirect ? undefined : command.channel_name,
    user: who.user,
    ...text(command.text ?? '', who.botUserId),
    // The command itself is the entry word.
    addressedToBot: true,
    isDirect,
    platformData: { triggerId: command.trigger_id } satisfies SlackPlatformData,
  });
}

/** An app_mention or a message event (DM, thread reply, or a channel message with the entry word). */
export function fromMessage(message: MessagePayload, who: SlackWho, options: { mention: boolean }): IncomingMessage {
  const isDirect = message.channel_type === 'im';
  const inThread = message.thread_ts && message.thread_ts !== message.ts ? message.thread_ts : undefined;
  return parseIncoming({
    platform: 'slack',
    tenantId: who.tenantId,
    channelId: message.channel,
    threadId: inThread,
    messageId: message.ts,
    user: who.user,
    ...text(message.text ?? '', who.botUserId),
    addressedToBot: options.mention || isDirect,
    isDirect,
  });
}

export function fromBlockAction(body: BlockActionPayload, action: ButtonPayload, who: SlackWho): IncomingMessage | undefined {
  const origin = body.channel ? undefined : readOrigin(body.view?.private_metadata);
  const channelId = body.channel?.id ?? body.container?.channel_id ?? origin?.c;
  if (!channelId) return undefined;
  const messageTs = body.message?.ts ?? body.container?.message_ts ?? origin?.m;
  const feedback = action.type === 'feedback_buttons' ? feedbackAction(action.value) : undefined;
  if (action.type === 'feedback_buttons' && !feedback) return undefined;
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts ?? origin?.t;
  return parseIncoming({
    platform: 'slack',
    tenantId: who.tenantId,
    channelId,
    channelName: body.channel?.name ?? origin?.n,
    threadId: threadTs && threadTs !== messageTs ? threadTs : undefined,
    user: who.user,
    text: '',
    addressedToBot: true,
    isDirect: channelId.startsWith('D') || Boolean(origin?.d),
    action: {
      ...(feedback ?? { id: coreActionId(action.action_id), value: parseValue(action.value) }),
      inputs: cleanInputs(inputsFromState(body.state?.values)),
      messageId: messageTs,
    },
    platformData: { triggerId: body.trigger_id } satisfies SlackPlatformData,
  });
}

export function fromViewSubmission(body: ViewSubmissionPayload, who: SlackWho): IncomingMessage | undefined {
  const origin = readOrigin(body.view.private_metadata);
  if (!origin) return undefined;
  return parseIncoming({
    platform: 'slack',
    tenantId: who.tenantId,
    channelId: origin.c,
    channelName: origin.n,
    threadId: origin.t,
    user: who.user,
    text: '',
    addressedToBot: true,
    isDirect: Boolean(origin.d),
    action: {
      id: body.view.callback_id,
      ...(origin.v ? { value: origin.v } : {}),
      inputs: cleanInputs(inputsFromState(body.view.state?.values)) ?? {},
      ...(origin.m ? { messageId: origin.m } : {}),
    },
    platformData: { triggerId: body.trigger_id } satisfies SlackPlatformData,
  });
}

/**
 * The text and mentions of a message, bounded to what the core takes: a longer text is cut, so
 * the writer hears it is too long (the core's answer) instead of the payload being dropped unseen.
 */
function text(raw: string, botUserId: string | undefined): { text: string; mentions: { id: string; name: string }[] } {
  const plain = fromSlackText(raw.slice(0, 2 * LIMITS.textChars), botUserId);
  return { text: plain.text.slice(0, LIMITS.textChars), mentions: plain.mentions.slice(0, LIMITS.mentions).map((id) => ({ id, name: '' })) };
}

type Scalar = string | number | boolean | null;

/**
 * A button's value as Wegwijs wrote it: a flat JSON object of scalars. Anything else (an old
 * message, a hand-made payload) goes without one; prototype keys and over-long strings are
 * dropped, so what reaches the core is bounded and inert.
 */
function parseValue(value: string | undefined): Record<string, Scalar> | undefined {
  if (!value || value.length > 4 * LIMITS.valueChars) return undefined;
  try {
    return cleanValue(JSON.parse(value));
  } catch {
    return undefined;
  }
}

const FeedbackValue = z.object({ a: z.string().min(1).max(200), v: z.unknown() });

/** The action of the pressed side of Slack's feedback buttons (`{ a: id, v: value }`, cards.ts). */
function feedbackAction(value: string | undefined): { id: string; value?: Record<string, Scalar> } | undefined {
  if (!value || value.length > 4 * LIMITS.valueChars) return undefined;
  try {
    const parsed = FeedbackValue.safeParse(JSON.parse(value));
    if (!parsed.success) return undefined;
    const cleaned = cleanValue(parsed.data.v);
    return { id: parsed.data.a, ...(cleaned ? { value: cleaned } : {}) };
  } catch {
    return undefined;
  }
}

function cleanValue(parsed: unknown): Record<string, Scalar> | undefined {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const entries = Object.entries(parsed as Record<string, unknown>)
    .filter(([k, v]) => !PROTOTYPE_KEYS.has(k) && k.length > 0 && k.length <= LIMITS.keyChars)
    .filter(([, v]) => v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= LIMITS.valueChars))
    .slice(0, LIMITS.recordKeys);
  return entries.length ? (Object.fromEntries(entries) as Record<string, Scalar>) : undefined;
}

/** Form fields: own string entries only, without prototype keys, each within the input limit. */
function cleanInputs(inputs: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!inputs) return undefined;
  const entries = Object.entries(inputs)
    .filter(([k, v]) => !PROTOTYPE_KEYS.has(k) && k.length > 0 && k.length <= LIMITS.keyChars && typeof v === 'string')
    .map(([k, v]) => [k, (v as string).slice(0, LIMITS.inputChars)] as const)
    .slice(0, LIMITS.recordKeys);
  return Object.fromEntries(entries);
}

const Id = z.string().min(1).max(512);
const OriginSchema = z.object({ c: Id, d: z.boolean().optional(), n: z.string().max(256).optional(), t: Id.optional(), m: Id.optional(), v: z.unknown().optional() });

/** Where a modal was opened, from its private_metadata: validated, the value cleaned like a button's. */
function readOrigin(metadata: string | undefined): ModalOrigin | undefined {
  if (!metadata || metadata.length > 4000) return undefined;
  try {
    const parsed = OriginSchema.safeParse(JSON.parse(metadata));
    if (!parsed.success) return undefined;
    const { v, ...origin } = parsed.data;
    const value = cleanValue(v);
    return value ? { ...origin, v: value } : origin;
  } catch {
    return undefined;
  }
}
