/**
 * The one place where partition keys are made. Every key starts with the verified platform and
 * tenant of the request (never with anything from a payload):
 * - a tenant: `platform:tenant` (conversation references, user preferences, questions, feedback);
 * - a learning network: `platform:tenant:channel` (a network is one channel; its records share it).
 */
import type { ConversationRef, Platform } from './message.ts';

export interface TenantRef {
  platform: Platform;
  tenantId: string;
}

/** The partition of a tenant: `platform:tenant`. */
export function tenantKey(who: TenantRef): string {
  return `${who.platform}:${who.tenantId}`;
}

/** A conversation (channel or direct chat) within its tenant: `platform:tenant:channel`. */
export function conversationKey(ref: Pick<ConversationRef, 'platform' | 'tenantId' | 'channelId'>): string {
  return `${tenantKey(ref)}:${ref.channelId}`;
}

/** A network is one channel: its id is the channel's conversation key, `platform:tenant:channel`. */
export function networkId(ref: Pick<ConversationRef, 'platform' | 'tenantId' | 'channelId'>): string {
  return `${tenantKey(ref)}:${ref.channelId}`;
}
