/**
 * The Slack channel adapter: posts, thread replies, updates, direct and ephemeral messages and
 * modals through the Web API, in turns and proactively (registered with the messenger). Every
 * failure is thrown as a classified `DeliveryError`; the WebClient itself never waits or retries,
 * so the core's messenger owns Retry-After and backoff.
 */
import { webApi } from '@slack/bolt';
import {
  button,
  buttons,
  card,
  cardMessage,
  DeliveryError,
  type ChannelAdapter,
  type ConversationRef,
  type IncomingMessage,
  type Logger,
  type Modal,
  type OutgoingMessage,
  type PostedMessage,
} from '../../src/core/index.ts';
import { cardToBlocks, modalText, SLACK_LIMITS, toSlackMessage } from './cards.ts';
import { slackErrorCode, toDeliveryError } from './errors.ts';
import { documentFile, pictureFile, uploadFile, type SlackFile } from './files.ts';

type WebClient = webApi.WebClient;

/** What a turn carries for the adapter in `IncomingMessage.platformData`. */
export interface SlackPlatformData {
  triggerId?: string;
}

/** Where a modal was opened, kept in the view's private_metadata for the submission. */
export interface ModalOrigin {
  c: string;
  d?: boolean;
  n?: string;
  t?: string;
  m?: string;
  v?: Modal['value'];
}

export interface SlackAdapterOptions {
  /** The bot token of a workspace (team id, or enterprise id for org installs). */
  tokenFor(tenantId: string): Promise<string>;
  clientOptions: webApi.WebClientOptions;
  log: Logger;
}

/** Slack errors after which a cached token must not be used again. */
/** Entries kept in each in-memory cache (names, direct channels) before it starts afresh. */
const MAX_CACHED = 10_000;
const TOKEN_ERRORS = new Set(['invalid_auth', 'token_revoked', 'token_expired', 'account_inactive', 'not_authed']);

export class SlackAdapter implements ChannelAdapter {
  readonly platform = 'slack' as const;
  private readonly clients = new Map<string, WebClient>();
  private readonly names = new Map<string, Promise<string>>();
  private readonly directChannels = new Map<string, string>();

  constructor(private readonly options: SlackAdapterOptions) {}

  /** `key` (a turn's message from the inbox) goes along as message metadata, to be found again. */
  async post(conversation: ConversationRef, message: OutgoingMessage, key?: string): Promise<PostedMessage> {
    const channel = await this.channelOf(conversation);
    const posted = await this.postMessage(conversation.tenantId, { channel, ...toSlackMessage(message), ...metadata(key) });
    // A picture or document goes in the thread of its message, so the channel shows one entry.
    await this.files(conversation.tenantId, { channel, threadTs: posted.id }, message);
    return posted;
  }

  async postToThread(conversation: ConversationRef, threadId: string, message: OutgoingMessage, key?: string): Promise<PostedMessage> {
    const channel = await this.channelOf(conversation);
    const posted = await this.postMessage(conversation.tenantId, { channel, thread_ts: threadId, ...toSlackMessage(message), ...metadata(key) });
    await this.files(conversation.tenantId, { channel, threadTs: threadId }, message);
    return posted;
  }

  async update(conversation: ConversationRef, messageId: string, message: OutgoingMessage, key?: string): Promise<void> {
    const channel = await this.channelOf(conversation);
    const { text, blocks } = toSlackMessage(message);
    // An empty block list removes an earlier card when the new message is plain text.
    await this.call(conversation.tenantId, (client) => client.chat.update({ channel, ts: messageId, text, blocks: blocks ?? [], ...metadata(key) }));
  }

  /**
   * The bot's message with this key among the latest in a conversation or thread, if Slack has it
   * (a turn that runs again after a crash asks before it posts).
   */
  async findPosted(conversation: ConversationRef, threadId: string | undefined, key: string): Promise<PostedMessage | undefined> {
    const channel = await this.channelOf(conversation);
    const result = await this.call(conversation.tenantId, (client) =>
      threadId
        ? client.conversations.replies({ channel, ts: threadId, include_all_metadata: true, limit: 100 })
        : client.conversations.history({ channel, include_all_metadata: true, limit: 100 }),
    );
    const messages = (result.messages ?? []) as { ts?: string; metadata?: { event_type?: string; event_payload?: { key?: unknown } } }[];
    const found = messages.find((m) => m.metadata?.event_type === TURN_EVENT && m.metadata.event_payload?.key === key);
    return found?.ts ? { id: found.ts } : undefined;
  }

  async sendDirect(user: { tenantId: string; userId: string }, message: OutgoingMessage): Promise<PostedMessage> {
    const channel = await this.openDirect(user.tenantId, user.userId);
    const posted = await this.postMessage(user.tenantId, { channel, ...toSlackMessage(message) });
    await this.files(user.tenantId, { channel }, message);
    return posted;
  }

  /** Uploads the message's picture and document, if any, after the message itself. */
  private async files(tenantId: string, place: { channel: string; threadTs?: string }, message: OutgoingMessage): Promise<void> {
    const files: SlackFile[] = [...(message.picture ? [pictureFile(message.picture)] : []), ...(message.document ? [documentFile(message.document)] : [])];
    for (const file of files) await this.call(tenantId, (client) => uploadFile(client, place, file, this.options.log));
  }

  async postEphemeral(conversation: ConversationRef, userId: string, message: OutgoingMessage, threadId?: string): Promise<void> {
    const channel = await this.channelOf(conversation);
    await this.call(conversation.tenantId, (client) =>
      client.chat.postEphemeral({ channel, user: userId, ...(threadId ? { thread_ts: threadId } : {}), ...toSlackMessage(message) }),
    );
  }

  /** Deletes a message the bot posted (a placeholder nobody needs any more). */
  async delete(conversation: ConversationRef, messageId: string): Promise<void> {
    const channel = await this.channelOf(conversation);
    await this.call(conversation.tenantId, (client) => client.chat.delete({ channel, ts: messageId }));
  }

  /**
   * Opens a modal with the trigger id of the button press or command. Without one (a typed
   * message) the form is posted as a card with a submit button instead, so nothing is lost.
   */
  async openModal(turn: IncomingMessage, modal: Modal): Promise<void> {
    const triggerId = (turn.platformData as SlackPlatformData | undefined)?.triggerId;
    const conversation: ConversationRef = { platform: 'slack', tenantId: turn.tenantId, channelId: turn.channelId, isDirect: turn.isDirect };
    if (!triggerId) {
      const form = card(
        { title: modal.title, fallback: modal.card.fallback },
        ...modal.card.elements,
        buttons(button(modal.submitLabel, modal.submitActionId, modal.value, 'primary')),
      );
      await (turn.threadId ? this.postToThread(conversation, turn.threadId, cardMessage(form)) : this.post(conversation, cardMessage(form)));
      return;
    }
    const origin: ModalOrigin = { c: turn.channelId, d: turn.isDirect || undefined, n: turn.channelName, t: turn.threadId, m: turn.action?.messageId, v: modal.value };
    let metadata = JSON.stringify(origin);
    if (metadata.length > SLACK_LIMITS.privateMetadata) {
      this.options.log.warn({ length: metadata.length }, 'slack modal value too long; submitted without it');
      metadata = JSON.stringify({ ...origin, v: undefined });
    }
    const blocks = cardToBlocks(modal.card, SLACK_LIMITS.blocksPerModal);
    await this.call(turn.tenantId, (client) =>
      client.views.open({
        trigger_id: triggerId,
        view: {
          type: 'modal',
          callback_id: modal.submitActionId,
          title: modalText(modal.title),
          submit: modalText(modal.submitLabel),
          private_metadata: metadata,
          blocks,
        },
      }),
    );
  }

  /** A user's display name, looked up once (users.info) and cached; the id when unknown. */
  userName(tenantId: string, userId: string): Promise<string> {
    const key = `${tenantId}:${userId}`;
    let name = this.names.get(key);
    if (!name) {
      name = this.call(tenantId, (client) => client.users.info({ user: userId }))
        .then((result) => {
          const user = (result as { user?: { real_name?: string; name?: string; profile?: { display_name?: string; real_name?: string } } }).user;
          return user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name || userId;
        })
        .catch(() => {
          this.names.delete(key);
          return userId;
        });
      // Bounded: every signed request may name a user never seen before.
      if (this.names.size >= MAX_CACHED) this.names.clear();
      this.names.set(key, name);
    }
    return name;
  }

  private async postMessage(tenantId: string, args: webApi.ChatPostMessageArguments): Promise<PostedMessage> {
    const result = await this.call(tenantId, (client) => client.chat.postMessage(args));
    if (!result.ts) throw new DeliveryError('slack: no message ts', 'fatal');
    return { id: result.ts };
  }

  /** Slack channel id of a conversation; a stored DM placeholder (`dm:<user>`) is opened first. */
  private async channelOf(conversation: ConversationRef): Promise<string> {
    if (conversation.channelId.startsWith('dm:')) return this.openDirect(conversation.tenantId, conversation.userId ?? conversation.channelId.slice(3));
    return conversation.channelId;
  }

  private async openDirect(tenantId: string, userId: string): Promise<string> {
    const key = `${tenantId}:${userId}`;
    const known = this.directChannels.get(key);
    if (known) return known;
    const result = await this.call(tenantId, (client) => client.conversations.open({ users: userId }));
    const id = result.channel?.id;
    if (!id) throw new DeliveryError('slack: conversations.open returned no channel', 'fatal');
    if (this.directChannels.size >= MAX_CACHED) this.directChannels.clear();
    this.directChannels.set(key, id);
    return id;
  }

  /** Runs one Web API call with the workspace's token, classifying any failure (also for the Home and shortcuts, native.ts). */
  async call<T>(tenantId: string, work: (client: WebClient) => Promise<T>): Promise<T> {
    let token: string;
    try {
      token = await this.options.tokenFor(tenantId);
    } catch (err) {
      throw err instanceof DeliveryError ? err : new DeliveryError(`slack: no token for workspace (${(err as Error).message})`, 'gone');
    }
    try {
      return await work(this.client(token));
    } catch (err) {
      const code = slackErrorCode(err);
      if (code && TOKEN_ERRORS.has(code)) this.clients.delete(token);
      throw toDeliveryError(err);
    }
  }

  private client(token: string): WebClient {
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.options.clientOptions);
      this.clients.set(token, client);
    }
    return client;
  }
}

/** Message metadata that marks a turn's message (Slack keeps it with the message). */
const TURN_EVENT = 'wegwijs_turn_message';
function metadata(key: string | undefined): { metadata?: { event_type: string; event_payload: { key: string } } } {
  return key ? { metadata: { event_type: TURN_EVENT, event_payload: { key } } } : {};
}
