/**
 * Proactive delivery (weekly nudges, time-outs, reminders) through stored conversation
 * references. Adapters classify failures; this loop retries what may succeed later, with the
 * platform's delay or exponential backoff, spaces messages per conversation, and marks
 * conversations the platform says are gone as dead instead of retrying them forever.
 */
import type { ChannelAdapter, PostedMessage } from './adapter.ts';
import { tenantKey } from './keys.ts';
import { DeliveryError } from './adapter.ts';
import type { OutgoingMessage } from './cards.ts';
import type { Logger } from './logger.ts';
import { conversationKey } from './keys.ts';
import type { ConversationRef, Platform } from './message.ts';
import type { WegwijsStore as Store } from './records.ts';

export interface DeliveryResult {
  ok: boolean;
  messageId?: string;
  error?: string;
  attempts: number;
}

export interface MessengerOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Minimum spacing between two messages to one conversation. Slack allows about one message per
   * second per channel; Teams about 60 per 30 seconds per conversation.
   */
  perConversationMs?: Partial<Record<Platform, number>>;
  /** Minimum spacing between any two messages of one platform (the app-wide limit). */
  perPlatformMs?: Partial<Record<Platform, number>>;
  /** Minimum spacing between two direct messages (Slack opens each DM with a tier-3 method, ~50/min). */
  perDirectMs?: Partial<Record<Platform, number>>;
  sleep?: (ms: number) => Promise<void>;
}

export class Messenger {
  private readonly adapters = new Map<Platform, ChannelAdapter>();
  private readonly lastSent = new Map<string, number>();
  private readonly options: Required<MessengerOptions>;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    options: MessengerOptions = {},
  ) {
    this.options = {
      maxAttempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      perConversationMs: { slack: 1100, teams: 500 },
      perPlatformMs: { slack: 20, teams: 20 },
      perDirectMs: { slack: 1200 },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
    };
  }

  register(adapter: ChannelAdapter): void {
    this.adapters.set(adapter.platform, adapter);
  }

  adapterFor(platform: Platform): ChannelAdapter | undefined {
    return this.adapters.get(platform);
  }

  /** Posts to a conversation (optionally in a thread) the bot has seen before. */
  async post(ref: ConversationRef, message: OutgoingMessage, threadId?: string): Promise<DeliveryResult> {
    const adapter = this.adapters.get(ref.platform);
    if (!adapter) return { ok: false, error: 'no_adapter', attempts: 0 };
    if (ref.dead) return { ok: false, error: 'conversation_gone', attempts: 0 };
    return this.deliver(ref, () => (threadId ? adapter.postToThread(ref, threadId, message) : adapter.post(ref, message)));
  }

  async update(ref: ConversationRef, messageId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const adapter = this.adapters.get(ref.platform);
    if (!adapter) return { ok: false, error: 'no_adapter', attempts: 0 };
    return this.deliver(ref, async () => {
      await adapter.update(ref, messageId, message);
      return { id: messageId };
    });
  }

  async sendDirect(platform: Platform, tenantId: string, userId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const adapter = this.adapters.get(platform);
    if (!adapter) return { ok: false, error: 'no_adapter', attempts: 0 };
    const ref: ConversationRef = { platform, tenantId, channelId: `dm:${userId}`, isDirect: true, userId };
    return this.deliver(ref, () => adapter.sendDirect({ tenantId, userId }, message));
  }

  /** Looks up a stored conversation reference by its parts. */
  async conversation(platform: Platform, tenantId: string, channelId: string): Promise<ConversationRef | undefined> {
    const doc = await this.store.conversations.get(tenantKey({ platform, tenantId }), channelId);
    return doc?.data;
  }

  private async deliver(ref: ConversationRef, send: () => Promise<PostedMessage>): Promise<DeliveryResult> {
    const key = conversationKey(ref);
    const limits: [string, number | undefined][] = [
      [key, this.options.perConversationMs[ref.platform]],
      [ref.platform, this.options.perPlatformMs[ref.platform]],
      ...(ref.isDirect ? ([[`${ref.platform}:direct`, this.options.perDirectMs[ref.platform]]] as [string, number | undefined][]) : []),
    ];
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      await this.space(limits);
      try {
        const posted = await send();
        for (const [limitKey] of limits) this.lastSent.set(limitKey, Date.now());
        return { ok: true, messageId: posted.id, attempts: attempt };
      } catch (err) {
        const failure = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, 'fatal');
        this.log.warn({ code: failure.code, kind: failure.kind, status: failure.status, attempt, conversation: key }, 'delivery failed');
        if (failure.kind === 'gone') {
          await this.markDead(ref);
          return { ok: false, error: 'conversation_gone', attempts: attempt };
        }
        if (failure.kind === 'fatal' || attempt === this.options.maxAttempts) {
          return { ok: false, error: failure.status ? `http_${failure.status}` : 'delivery_failed', attempts: attempt };
        }
        const backoff = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
        await this.options.sleep(Math.min(this.options.maxDelayMs, failure.retryAfterMs ?? backoff));
      }
    }
    return { ok: false, error: 'delivery_failed', attempts: this.options.maxAttempts };
  }

  /** Waits until every limit that applies (conversation, platform, direct messages) allows a message. */
  private async space(limits: [key: string, spacingMs: number | undefined][]): Promise<void> {
    const waits = limits.map(([key, spacing]) => {
      const last = this.lastSent.get(key);
      return spacing && last !== undefined ? last + spacing - Date.now() : 0;
    });
    const wait = Math.max(0, ...waits);
    if (wait > 0) await this.options.sleep(wait);
  }

  private async markDead(ref: ConversationRef): Promise<void> {
    await this.store.conversations.update(tenantKey(ref), ref.channelId, (current) =>
      current ? { ...current, dead: true } : undefined,
    );
  }
}
