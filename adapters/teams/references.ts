/**
 * What Wegwijs remembers about Teams, per tenant: the Bot Framework conversation reference of
 * every conversation (stored as the core's `platformRef`), and for proactive direct messages the
 * tenant's service URL and bot id and each user's Teams id. Every key starts with the tenant, so
 * one tenant's records never serve another's conversations.
 */
import { z } from 'zod';
import type { ConversationRef } from '../../src/core/index.ts';
import type { WegwijsStore as Store } from '../../src/core/index.ts';
import { defineKind } from '../../src/store/index.ts';

const INSTALLATION_KIND = defineKind('installation', { owner: 'teams', partition: 'teams:tenant', about: 'Teams tenants and users the bot was installed for', shared: true });
import { conversationTypeOf, splitConversationId, tenantOf, type TeamsActivity } from './incoming.ts';

const Account = z.object({ id: z.string().min(1), name: z.string().optional() }).passthrough();

/** A serialised Bot Framework ConversationReference (wire names: `bot`, not `agent`). */
export const TeamsReferenceSchema = z
  .object({
    channelId: z.string().default('msteams'),
    serviceUrl: z.string().min(1),
    conversation: z
      .object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional(), isGroup: z.boolean().optional() })
      .passthrough(),
    bot: Account.optional(),
    agent: Account.optional(),
    user: Account.optional(),
    locale: z.string().optional(),
  })
  .passthrough();
export type TeamsReference = z.infer<typeof TeamsReferenceSchema>;

/** The reference of an activity's conversation (the base conversation, not one reply chain). */
export function referenceOf(activity: TeamsActivity): TeamsReference | undefined {
  if (!activity.serviceUrl) return undefined;
  const { base } = splitConversationId(activity.conversation.id);
  const tenantId = tenantOf(activity);
  const conversationType = conversationTypeOf(activity);
  return {
    channelId: 'msteams',
    serviceUrl: activity.serviceUrl,
    conversation: {
      id: base,
      ...(tenantId ? { tenantId } : {}),
      ...(conversationType ? { conversationType } : {}),
      ...(activity.conversation.isGroup !== undefined ? { isGroup: activity.conversation.isGroup } : {}),
    },
    ...(activity.recipient ? { bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) } } : {}),
    // A meeting chat names its meeting: in-meeting notifications go to it (meetings.ts).
    ...meetingOfActivity(activity),
  };
}

function meetingOfActivity(activity: TeamsActivity): { meeting?: { id: string } } {
  const id = meetingIdOf(activity);
  return id ? { meeting: { id } } : {};
}

const MeetingInfo = z.object({ meeting: z.object({ id: z.string().min(1).max(512) }) });

/** The meeting of a meeting chat (`channelData.meeting.id`), else undefined. */
export function meetingIdOf(activity: TeamsActivity): string | undefined {
  // Most chats are no meeting: no failed parse (with its error built) for every message.
  const data: unknown = activity.channelData;
  if (typeof data !== 'object' || data === null || (data as { meeting?: unknown }).meeting === undefined) return undefined;
  return MeetingInfo.safeParse(data).data?.meeting.id;
}

export function readReference(conversation: ConversationRef): TeamsReference | undefined {
  const parsed = TeamsReferenceSchema.safeParse(conversation.platformRef);
  return parsed.success ? parsed.data : undefined;
}

const TenantRecordSchema = z.object({ type: z.literal('teams-tenant'), serviceUrl: z.string(), botId: z.string().optional() });
const UserRecordSchema = z.object({ type: z.literal('teams-user'), teamsId: z.string(), serviceUrl: z.string() });
export type TenantRecord = z.infer<typeof TenantRecordSchema>;
export type UserRecord = z.infer<typeof UserRecordSchema>;

export class TeamsDirectory {
  private readonly tenants;
  private readonly users;
  /** Last value written per key, so a busy conversation does not write on every message. */
  private readonly written = new Map<string, string>();

  constructor(private readonly store: Store) {
    this.tenants = store.collection(INSTALLATION_KIND, TenantRecordSchema);
    this.users = store.collection(INSTALLATION_KIND, UserRecordSchema);
  }

  static pk(tenantId: string): string {
    return `teams:${tenantId}`;
  }

  async tenant(tenantId: string): Promise<TenantRecord | undefined> {
    return (await this.tenants.get(TeamsDirectory.pk(tenantId), 'tenant'))?.data;
  }

  async user(tenantId: string, userId: string): Promise<UserRecord | undefined> {
    return (await this.users.get(TeamsDirectory.pk(tenantId), `user:${userId}`))?.data;
  }

  async rememberTenant(tenantId: string, record: Omit<TenantRecord, 'type'>): Promise<void> {
    await this.once(`t|${tenantId}`, record, () => this.tenants.put(TeamsDirectory.pk(tenantId), 'tenant', { type: 'teams-tenant', ...record }));
  }

  async rememberUser(tenantId: string, userId: string, record: Omit<UserRecord, 'type'>): Promise<void> {
    await this.once(`u|${tenantId}|${userId}`, record, () => this.users.put(TeamsDirectory.pk(tenantId), `user:${userId}`, { type: 'teams-user', ...record }));
  }

  /** The stored 1:1 conversation of a user, if the bot has one that is not dead. */
  async directConversation(tenantId: string, userId: string): Promise<ConversationRef | undefined> {
    const docs = await this.store.conversations.list({ pk: TeamsDirectory.pk(tenantId), where: { isDirect: true, userId } });
    const live = docs.map((d) => d.data).find((c) => !c.dead && readReference(c as ConversationRef));
    return live as ConversationRef | undefined;
  }

  private async once(key: string, value: object, write: () => Promise<unknown>): Promise<void> {
    const json = JSON.stringify(value);
    if (this.written.get(key) === json) return;
    await write();
    this.written.set(key, json);
  }
}
