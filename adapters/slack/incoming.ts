/**
 * Slack payloads (slash commands, events, button presses, modal submissions) as the core's
 * `IncomingMessage`. Ids map one to one: tenant = workspace (team, or enterprise for org
 * installs), channel = channel id, messageId = the message ts, threadId = thread_ts.
 */
import { parseIncoming, type IncomingMessage } from '../../src/core/index.ts';
import { coreActionId, inputsFromState, type SlackStateValue } from './cards.ts';
import { fromSlackText } from './mrkdwn.ts';
import type { ModalOrigin, SlackPlatformData } from './slack-adapter.ts';

/** The workspace an event belongs to, from Bolt's context. */
export interface SlackWho {
  tenantId: string;
  user: { id: string; name: string };
  botUserId?: string;
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
}

export interface ViewSubmissionPayload {
  trigger_id?: string;
  view: { callback_id: string; private_metadata?: string; state?: { values?: Record<string, Record<string, SlackStateValue>> } };
}

/** Message subtypes that are a person writing; edits, deletions, joins and bots are not. */
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/** True for messages written by a person (not an edit, a join, another bot or the bot itself). */
export function isPersonMessage(message: MessagePayload): boolean {
  return PERSON_SUBTYPES.has(message.subtype) && !message.bot_id && Boolean(message.user);
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
      id: coreActionId(action.action_id),
      value: parseValue(action.value),
      inputs: inputsFromState(body.state?.values),
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
      inputs: inputsFromState(body.view.state?.values) ?? {},
      ...(origin.m ? { messageId: origin.m } : {}),
    },
    platformData: { triggerId: body.trigger_id } satisfies SlackPlatformData,
  });
}

function text(raw: string, botUserId: string | undefined): { text: string; mentions: { id: string; name: string }[] } {
  const plain = fromSlackText(raw, botUserId);
  return { text: plain.text, mentions: plain.mentions.map((id) => ({ id, name: '' })) };
}

function parseValue(value: string | undefined): Record<string, string | number | boolean | null> | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed as Record<string, unknown>).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
      return entries.length ? (Object.fromEntries(entries) as Record<string, string | number | boolean | null>) : undefined;
    }
  } catch {
    // A value that is not ours (an old message): the action goes without one.
  }
  return undefined;
}

function readOrigin(metadata: string | undefined): ModalOrigin | undefined {
  if (!metadata) return undefined;
  try {
    const origin = JSON.parse(metadata) as ModalOrigin;
    return typeof origin?.c === 'string' && origin.c ? origin : undefined;
  } catch {
    return undefined;
  }
}
