/**
 * What a platform adapter offers the core. Adapters translate and render; they decide nothing.
 * Optional capabilities are checked by the core before use, so a platform that lacks one degrades.
 */
import type { OutgoingMessage, Card } from './cards.ts';
import { WegwijsError } from './errors.ts';
import type { ConversationRef, IncomingMessage, Platform } from './message.ts';

export interface PostedMessage {
  id: string;
}

export interface Modal {
  title: string;
  card: Card;
  /** The action id the core receives, with the inputs, when the modal is submitted. */
  submitActionId: string;
  submitLabel: string;
  value?: Record<string, string | number | boolean | null>;
}

export interface ChannelAdapter {
  readonly platform: Platform;
  post(conversation: ConversationRef, message: OutgoingMessage): Promise<PostedMessage>;
  postToThread(conversation: ConversationRef, threadId: string, message: OutgoingMessage): Promise<PostedMessage>;
  update(conversation: ConversationRef, messageId: string, message: OutgoingMessage): Promise<void>;
  /** Direct message to one user of a tenant/workspace (opens the DM when needed). */
  sendDirect(user: { tenantId: string; userId: string }, message: OutgoingMessage): Promise<PostedMessage>;
  /** A message only `userId` sees in that conversation. */
  postEphemeral?(conversation: ConversationRef, userId: string, message: OutgoingMessage, threadId?: string): Promise<void>;
  /** Opens a form for the user who pressed a button or typed a command in `turn`. */
  openModal?(turn: IncomingMessage, modal: Modal): Promise<void>;
}

/**
 * Thrown by adapters when delivery fails, classified so the core's delivery loop can decide:
 * retry after a delay (429, 5xx), or give up and mark the conversation dead (gone).
 */
export class DeliveryError extends WegwijsError {
  declare readonly code: 'wegwijs_delivery_error';
  constructor(
    message: string,
    readonly kind: 'retry' | 'gone' | 'fatal',
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super('wegwijs_delivery_error', message);
  }
}
