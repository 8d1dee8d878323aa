/**
 * One turn: an incoming message with everything a feature needs to answer it, in the user's
 * language, in the right place (channel, thread, privately), without knowing the platform.
 */
import type { ChannelAdapter, Modal, PostedMessage } from './adapter.ts';
import type { OutgoingMessage } from './cards.ts';
import type { Lang, Vars } from './i18n.ts';
import type { Logger } from './logger.ts';
import { networkId } from './keys.ts';
import type { ConversationRef, IncomingMessage } from './message.ts';
import type { Services } from './services.ts';
import type { Doc } from '../store/index.ts';
import type { Network, UserPrefs } from './records.ts';
import { privacyNotice, type PersonalDataKind } from '../privacy/index.ts';

export class Turn {
  constructor(
    readonly id: string,
    readonly message: IncomingMessage,
    readonly conversation: ConversationRef,
    readonly lang: Lang,
    readonly services: Services,
    readonly log: Logger,
    private readonly adapter: ChannelAdapter,
    /** The channel's network as read once at the start of the turn (see `Bot.handle`). */
    private readonly networkLookup?: Promise<Doc<Network> | undefined>,
    /**
     * Kinds of personal data removed from this message at the edge (`Bot.handle`), each once.
     * A feature tells the user with `privacyNotice({ found: turn.redacted }, t)`; if none did by
     * the end of the turn, the core tells the user privately.
     */
    readonly redacted: readonly PersonalDataKind[] = [],
    /**
     * The person's preferences record (language, role, name) as the core read it once at the start
     * of the turn (`Bot.handle`); undefined when they chose nothing. Features read it here and never
     * from the store again. A change made in this turn (`taal en`, `rol …`) is not in it.
     */
    readonly preferences?: Readonly<UserPrefs>,
    private readonly shared: { noticeShown: boolean; ignored?: boolean } = { noticeShown: false },
  ) {}

  get user() {
    return this.message.user;
  }

  t(key: string, vars?: Vars): string {
    return this.services.catalog.t(this.lang, key, vars);
  }

  /** The same turn answered in another language (a question asked in English). */
  inLanguage(lang: Lang): Turn {
    if (lang === this.lang) return this;
    return new Turn(this.id, this.message, this.conversation, lang, this.services, this.log, this.adapter, this.networkLookup, this.redacted, this.preferences, this.shared);
  }

  /** The learning network of this channel, if the channel is one. */
  network(): Promise<Doc<Network> | undefined> {
    return this.networkLookup ?? readNetwork(this.services, this.conversation);
  }

  /**
   * Answers where the message was: inside its thread if it was in one; with `inThread`, a channel
   * message gets its answer in a new thread under it (so a channel stays readable).
   */
  reply(message: OutgoingMessage, options: { inThread?: boolean } = {}): Promise<PostedMessage> {
    this.noteNotice(message);
    const thread = this.message.threadId ?? (options.inThread && !this.message.isDirect ? this.message.messageId : undefined);
    return thread ? this.adapter.postToThread(this.conversation, thread, message) : this.adapter.post(this.conversation, message);
  }

  /** A new top-level message in this conversation (a deliberation session's opening card). */
  post(message: OutgoingMessage): Promise<PostedMessage> {
    this.noteNotice(message);
    return this.adapter.post(this.conversation, message);
  }

  postToThread(threadId: string, message: OutgoingMessage): Promise<PostedMessage> {
    this.noteNotice(message);
    return this.adapter.postToThread(this.conversation, threadId, message);
  }

  /** Replaces a message the bot posted (a card whose state changed). */
  update(messageId: string, message: OutgoingMessage): Promise<void> {
    this.noteNotice(message);
    return this.adapter.update(this.conversation, messageId, message);
  }

  /** Only this user sees it: ephemeral where the platform has it, else a direct message. */
  async replyPrivately(message: OutgoingMessage): Promise<void> {
    this.noteNotice(message);
    if (this.message.isDirect) {
      await this.reply(message);
    } else if (this.adapter.postEphemeral) {
      await this.adapter.postEphemeral(this.conversation, this.user.id, message, this.message.threadId);
    } else {
      await this.adapter.sendDirect({ tenantId: this.message.tenantId, userId: this.user.id }, message);
    }
  }

  /** Direct message to this user (e.g. a deliberation report for the facilitator). */
  sendDirect(message: OutgoingMessage): Promise<PostedMessage> {
    this.noteNotice(message);
    return this.adapter.sendDirect({ tenantId: this.message.tenantId, userId: this.user.id }, message);
  }

  /**
   * Tells the user privately what was removed from their message, unless something sent in this
   * turn already did (a feature's own notice). Called by the core at the end of a turn.
   */
  async tellAboutRedaction(): Promise<void> {
    if (this.shared.noticeShown || this.shared.ignored || this.redacted.length === 0) return;
    const notice = privacyNotice({ found: [...this.redacted] }, (key, vars) => this.t(key, vars));
    if (notice) await this.replyPrivately({ text: notice });
  }

  /** The core found the message was not for the bot (chatter in a channel): it stays silent. */
  ignore(): void {
    this.shared.ignored = true;
  }

  /** Remembers whether an outgoing message carries the privacy notice (in either language). */
  private noteNotice(message: OutgoingMessage): void {
    if (this.shared.noticeShown || this.redacted.length === 0) return;
    const sent = JSON.stringify(message);
    this.shared.noticeShown = (['nl', 'en'] as Lang[]).some((lang) => sent.includes(this.services.catalog.t(lang, 'privacy.removed', { kinds: '\u0000' }).split('\u0000')[0]));
  }

  /** Opens a form when the platform can; false means the caller should post the card instead. */
  async openModal(modal: Modal): Promise<boolean> {
    if (!this.adapter.openModal) return false;
    await this.adapter.openModal(this.message, modal);
    return true;
  }
}

/** The learning network of a channel (none for direct messages). */
export function readNetwork(services: Services, where: Pick<ConversationRef, 'platform' | 'tenantId' | 'channelId' | 'isDirect'>): Promise<Doc<Network> | undefined> {
  if (where.isDirect) return Promise.resolve(undefined);
  const id = networkId(where);
  return services.store.networks.get(id, id);
}

