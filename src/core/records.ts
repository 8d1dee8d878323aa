/**
 * The records the core owns and several features read: learning networks, their members,
 * conversation references and user preferences. Feature records (actions, sessions, nudge state,
 * questions) are declared in their feature; the store knows none of them.
 * `WegwijsStore` is the store with these typed collections on it, as every feature receives it.
 */
import { z } from 'zod';
import type { StoreConfig } from '../config.ts';
import { Store, defineKind, openStore, type Collection } from '../store/index.ts';
import type { Clock } from './clock.ts';
import { PlatformSchema } from './message.ts';

export const NETWORK_KIND = defineKind('network', { owner: 'core', partition: 'network', about: 'a learning network: channel, language, time zone, schedule, facilitators' });
export const MEMBER_KIND = defineKind('member', { owner: 'core', partition: 'network', about: 'the members of a network and their reminder choice' });
export const CONVERSATION_KIND = defineKind('conversation', { owner: 'core', partition: 'tenant', about: 'conversation references for proactive messages' });
export const USER_KIND = defineKind('user', { owner: 'core', partition: 'tenant', about: "a person's preferences (language, role)" });

export const LanguageSchema = z.enum(['nl', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const NetworkSchema = z.object({
  id: z.string(),
  platform: PlatformSchema,
  tenantId: z.string(),
  channelId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  language: LanguageSchema,
  /** Cron expression for the weekly nudge, in the network's time zone. */
  schedule: z.string(),
  facilitators: z.array(z.string()),
  status: z.enum(['active', 'paused', 'stopped']),
  pausedUntil: z.string().optional(),
  /** Periods without a nudge (`wegwijs netwerk overslaan …`, e.g. the summer): local days, inclusive. */
  skipWeeks: z.array(z.object({ from: z.string(), to: z.string() })).max(50).optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Pictures in the chat (the nudge's chart, an impact matrix); on unless turned off. */
  pictures: z.boolean().optional(),
  /** Slots before this moment are not caught up (set when the schedule changes or the network resumes). */
  scheduleSince: z.string().optional(),
});
export type Network = z.infer<typeof NetworkSchema>;

export const MemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** Opted out of personal reminders (`wegwijs stil`). */
  quiet: z.boolean().default(false),
  /** With `quiet`: reminders come back after this local day ("YYYY-MM-DD", `wegwijs stil tot …`). */
  quietUntil: z.string().optional(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const ConversationSchema = z.object({
  platform: PlatformSchema,
  tenantId: z.string(),
  channelId: z.string(),
  name: z.string().optional(),
  isDirect: z.boolean(),
  userId: z.string().optional(),
  platformRef: z.record(z.string(), z.unknown()).optional(),
  dead: z.boolean().optional(),
  lastSeenAt: z.string(),
});
export type ConversationRecord = z.infer<typeof ConversationSchema>;

export const UserPrefsSchema = z.object({
  userId: z.string(),
  name: z.string().optional(),
  language: LanguageSchema.optional(),
  /** The role a person chose (the ask feature knows the roles and validates them; the core keeps the word). */
  role: z.string().max(40).optional(),
});
export type UserPrefs = z.infer<typeof UserPrefsSchema>;

/** The store as the core and the features use it: the generic store plus the core's records. */
export class WegwijsStore extends Store {
  readonly networks: Collection<typeof NetworkSchema> = this.collection(NETWORK_KIND, NetworkSchema);
  readonly members: Collection<typeof MemberSchema> = this.collection(MEMBER_KIND, MemberSchema);
  readonly conversations: Collection<typeof ConversationSchema> = this.collection(CONVERSATION_KIND, ConversationSchema);
  readonly users: Collection<typeof UserPrefsSchema> = this.collection(USER_KIND, UserPrefsSchema);
}

/** Opens the configured backend as the store every feature receives. */
export function openWegwijsStore(config: StoreConfig, clock: Clock): Promise<WegwijsStore> {
  return openStore(config, clock, (docs, c) => new WegwijsStore(docs, c));
}
