/**
 * The incoming-message model: what every adapter turns a platform event into. Validated with zod
 * at the edge (adapters call `parseIncoming`), trusted inside.
 */
import { z } from 'zod';

export const PlatformSchema = z.enum(['console', 'teams', 'slack']);
export type Platform = z.infer<typeof PlatformSchema>;

export const UserSchema = z.object({
  id: z.string().min(1).max(256),
  name: z.string().max(256).default(''),
});
export type ChatUser = z.infer<typeof UserSchema>;

const ActionValueSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const IncomingActionSchema = z.object({
  id: z.string().min(1).max(200),
  value: ActionValueSchema.optional(),
  /** Values of the card's inputs at the moment the button was pressed. */
  inputs: z.record(z.string(), z.string()).optional(),
  /** The message the button was on, so the core can update that card in place. */
  messageId: z.string().optional(),
});
export type IncomingAction = z.infer<typeof IncomingActionSchema>;

export const IncomingMessageSchema = z.object({
  platform: PlatformSchema,
  /** Microsoft 365 tenant, Slack workspace (team) id, or "local" for the console. */
  tenantId: z.string().min(1).max(256),
  channelId: z.string().min(1).max(512),
  channelName: z.string().max(256).optional(),
  threadId: z.string().max(512).optional(),
  messageId: z.string().max(512).optional(),
  user: UserSchema,
  text: z.string().default(''),
  mentions: z.array(UserSchema).default([]),
  /** True when the bot was @-mentioned or the text starts with the entry word. */
  addressedToBot: z.boolean().default(false),
  isDirect: z.boolean().default(false),
  action: IncomingActionSchema.optional(),
  locale: z.string().max(35).optional(),
  /** Opaque platform data an adapter may need again for this turn (e.g. a Slack trigger id). */
  platformData: z.unknown().optional(),
});
export type IncomingMessage = z.infer<typeof IncomingMessageSchema>;

export function parseIncoming(raw: unknown): IncomingMessage {
  return IncomingMessageSchema.parse(raw);
}

/** Where the bot can post later: stored for every channel, chat and DM the bot has seen. */
export interface ConversationRef {
  platform: Platform;
  tenantId: string;
  channelId: string;
  name?: string;
  isDirect: boolean;
  /** For direct conversations: the user on the other side. */
  userId?: string;
  /** Platform detail needed to post proactively (Teams serviceUrl and reference). */
  platformRef?: Record<string, unknown>;
  dead?: boolean;
}

export function conversationKey(ref: Pick<ConversationRef, 'platform' | 'tenantId' | 'channelId'>): string {
  return `${ref.platform}:${ref.tenantId}:${ref.channelId}`;
}
