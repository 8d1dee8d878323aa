/**
 * The adapter one turn talks to. It adds two things to the Slack adapter:
 * - a placeholder ("Even zoeken…") when the answer takes longer than about a second; the first
 *   reply in the same place replaces it (chat.update), otherwise it is deleted at the end;
 * - for slash commands in a channel the bot is not a member of, the reply goes through the
 *   command's response_url instead of failing.
 */
import {
  DeliveryError,
  type ChannelAdapter,
  type ConversationRef,
  type IncomingMessage,
  type Logger,
  type Modal,
  type OutgoingMessage,
  type PostedMessage,
} from '../../src/core/index.ts';
import { toSlackMessage } from './cards.ts';
import type { Outbox } from './outbox.ts';
import type { SlackAdapter } from './slack-adapter.ts';

export type RespondFn = (message: { response_type: 'in_channel'; text: string; blocks?: unknown[] }) => Promise<unknown>;

export interface PlaceholderOptions {
  /** Worked out only when the placeholder is really needed (most answers come in time). */
  text: () => Promise<string>;
  afterMs: number;
  /** Where the answer is expected: the question's thread in a channel, the DM itself. */
  conversation: ConversationRef;
  threadId?: string;
}

export class TurnAdapter implements ChannelAdapter {
  readonly platform = 'slack' as const;
  private timer?: ReturnType<typeof setTimeout>;
  private placeholder?: Promise<PostedMessage | undefined>;
  private answered = false;

  constructor(
    private readonly slack: SlackAdapter,
    private readonly log: Logger,
    private readonly options: { placeholder?: PlaceholderOptions; respond?: RespondFn; outbox?: Outbox } = {},
  ) {}

  /** How many messages this turn has posted (their places in the outbox). */
  private posted = 0;

  /** Starts the placeholder timer (when this turn has one). */
  start(): void {
    const placeholder = this.options.placeholder;
    if (!placeholder) return;
    const outbox = this.options.outbox;
    // A turn that runs again after a crash takes over the placeholder it had already posted.
    const earlier = outbox?.earlier('placeholder');
    this.placeholder = earlier?.catch(() => undefined);
    this.timer = setTimeout(async () => {
      if (this.answered || (await this.placeholder)) return;
      const { conversation, threadId } = placeholder;
      const posting = placeholder.text().then(async (text) => {
        if (this.answered) return undefined;
        const posted = await (threadId ? this.slack.postToThread(conversation, threadId, { text }) : this.slack.post(conversation, { text }));
        await outbox?.sent('placeholder', posted);
        return posted;
      });
      this.placeholder = posting.catch((err: DeliveryError) => {
        this.log.warn({ code: err.code, kind: err.kind }, 'slack placeholder failed');
        return undefined;
      });
    }, placeholder.afterMs);
  }

  /** Ends the turn: a placeholder that no reply took over is removed. */
  async finish(): Promise<void> {
    clearTimeout(this.timer);
    if (this.answered) return;
    this.answered = true;
    const posted = await this.placeholder;
    if (posted && this.options.placeholder) await this.slack.delete(this.options.placeholder.conversation, posted.id).catch(() => undefined);
  }

  async post(conversation: ConversationRef, message: OutgoingMessage): Promise<PostedMessage> {
    return this.once(
      async (key) => (await this.takeOver(conversation, undefined, message, key)) ?? this.withRespond(message, () => this.slack.post(conversation, message, key)),
      { conversation },
    );
  }

  async postToThread(conversation: ConversationRef, threadId: string, message: OutgoingMessage): Promise<PostedMessage> {
    return this.once(
      async (key) => (await this.takeOver(conversation, threadId, message, key)) ?? this.withRespond(message, () => this.slack.postToThread(conversation, threadId, message, key)),
      { conversation, threadId },
    );
  }

  update(conversation: ConversationRef, messageId: string, message: OutgoingMessage): Promise<void> {
    return this.slack.update(conversation, messageId, message);
  }

  sendDirect(user: { tenantId: string; userId: string }, message: OutgoingMessage): Promise<PostedMessage> {
    return this.once(() => this.slack.sendDirect(user, message));
  }

  async postEphemeral(conversation: ConversationRef, userId: string, message: OutgoingMessage, threadId?: string): Promise<void> {
    await this.once(async () => {
      await this.slack.postEphemeral(conversation, userId, message, threadId);
      return { id: '' };
    });
  }

  /**
   * Sends the turn's next message unless this turn, run before and killed, already sent it; then
   * writes it down (the outbox), so a run after a crash does not send it twice.
   */
  private async once(send: (key?: string) => Promise<PostedMessage>, where?: { conversation: ConversationRef; threadId?: string }): Promise<PostedMessage> {
    const place = String(this.posted++);
    const outbox = this.options.outbox;
    if (!outbox) return send();
    const key = outbox.key(place);
    // Written down by the run that was killed, or found in Slack by its key (sent, not written down).
    const earlier = (await outbox.earlier(place)) ?? (outbox.rerun && where ? await this.slack.findPosted(where.conversation, where.threadId, key).catch(() => undefined) : undefined);
    if (earlier) {
      this.answered = true;
      clearTimeout(this.timer);
      await outbox.sent(place, earlier);
      return earlier;
    }
    const posted = await send(key);
    await outbox.sent(place, posted);
    return posted;
  }

  openModal(turn: IncomingMessage, modal: Modal): Promise<void> {
    return this.slack.openModal(turn, modal);
  }

  /** The first reply in the placeholder's place replaces it; elsewhere the placeholder goes. */
  private async takeOver(conversation: ConversationRef, threadId: string | undefined, message: OutgoingMessage, key?: string): Promise<PostedMessage | undefined> {
    if (this.answered) return undefined;
    this.answered = true;
    clearTimeout(this.timer);
    const posted = await this.placeholder;
    const where = this.options.placeholder;
    if (!posted || !where) return undefined;
    if (where.conversation.channelId === conversation.channelId && where.threadId === threadId) {
      try {
        await this.slack.update(conversation, posted.id, message, key);
        return posted;
      } catch (err) {
        this.log.warn({ code: (err as DeliveryError).code }, 'slack placeholder update failed');
      }
    }
    await this.slack.delete(where.conversation, posted.id).catch(() => undefined);
    return undefined;
  }

  private async withRespond(message: OutgoingMessage, send: () => Promise<PostedMessage>): Promise<PostedMessage> {
    try {
      return await send();
    } catch (err) {
      const respond = this.options.respond;
      if (!respond || !(err instanceof DeliveryError) || err.kind !== 'gone') throw err;
      // Slash command in a channel the bot is not in: answer through the command's response_url.
      const { text, blocks } = toSlackMessage(message);
      await respond({ response_type: 'in_channel', text, ...(blocks ? { blocks } : {}) });
      return { id: '' };
    }
  }
}
