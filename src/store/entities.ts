/**
 * Records shared by several features: networks, their members, conversation references and
 * user preferences. Feature-private records (actions, sessions, feedback) are defined in their
 * feature and stored through `store.collection(kind, schema)`.
 */
import { z } from 'zod';
import { PlatformSchema } from '../core/message.ts';

export const LanguageSchema = z.enum(['nl', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const RoleSchema = z.enum(['clientondersteuner', 'zorgkantoor', 'zorgaanbieder', 'mantelzorgmakelaar', 'gemeente', 'facilitator', 'iedereen']);
export type Role = z.infer<typeof RoleSchema>;

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
  createdAt: z.string(),
  createdBy: z.string(),
  /** Slots before this moment are not caught up (set when the schedule changes or the network resumes). */
  scheduleSince: z.string().optional(),
  /** When the last weekly nudge was sent (set by the actions feature). */
  lastNudgeAt: z.string().optional(),
  /** The last nudge's delivery failures, shown to facilitators until a nudge goes through. */
  deliveryIssue: z.object({ at: z.string(), target: z.string(), error: z.string(), count: z.number().int() }).optional(),
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
  role: RoleSchema.optional(),
});
export type UserPrefs = z.infer<typeof UserPrefsSchema>;

export const LeaseSchema = z.object({ owner: z.string(), until: z.string() });
export const MarkerSchema = z.object({ at: z.string() });
export const CounterSchema = z.object({ value: z.number().int() });
