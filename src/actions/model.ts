/**
 * The action record, stored per network (pk = network id, id = the short number), and the
 * network/member look-ups the actions feature needs from the shared store.
 */
import { z } from 'zod';
import { type Services, fold } from '../core/index.ts';
import { defineKind } from '../store/index.ts';
import type { Member, Network } from '../core/index.ts';

export const STATUSES = ['open', 'in_progress', 'stuck', 'done', 'dropped'] as const;
export type Status = (typeof STATUSES)[number];

export const NoteSchema = z.object({
  at: z.string(),
  by: z.string(),
  kind: z.enum(['progress', 'stuck']),
  text: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const HistorySchema = z.object({
  at: z.string(),
  by: z.string(),
  event: z.string(),
  detail: z.string().optional(),
});

export const ActionSchema = z.object({
  networkId: z.string(),
  number: z.number().int(),
  platform: z.string(),
  tenantId: z.string(),
  title: z.string(),
  /** The owner's user id; absent when the owner was typed as a name that is no member. */
  ownerId: z.string().optional(),
  ownerName: z.string(),
  /** Local calendar date "YYYY-MM-DD" in the network's time zone. */
  due: z.string().optional(),
  status: z.enum(STATUSES),
  notes: z.array(NoteSchema).default([]),
  history: z.array(HistorySchema).default([]),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().optional(),
  /** The channel card of this action, updated in place when its buttons are pressed. */
  messageId: z.string().optional(),
});
export type Action = z.infer<typeof ActionSchema>;

export const OPEN: Status[] = ['open', 'in_progress', 'stuck'];

export const ACTION_KIND = defineKind('action', { owner: 'actions', partition: 'network', about: 'the actions of a network' });

export function actions(services: Services) {
  return services.store.collection(ACTION_KIND, ActionSchema);
}

export function isFacilitator(network: Network, userId: string): boolean {
  return network.facilitators.includes(userId);
}

/**
 * Makes someone a member of the network (on their first action), keeping an earlier opt-out.
 * One person, one name: the member record keeps the display name the platform gives when the
 * person acts, and their actions follow it, so nobody shows as "anna" here and "Anna Smit" there.
 */
export async function ensureMember(services: Services, networkId: string, user: { id: string; name: string }): Promise<Member> {
  const { store, clock } = services;
  const existing = await store.members.get(networkId, user.id);
  if (existing) {
    const better = displayName(user);
    if (!better || better === existing.data.name) return existing.data;
    const doc = await store.members.update(networkId, user.id, (current) => (current ? { ...current, name: better } : undefined));
    await renameOwner(services, networkId, user.id, better);
    return doc?.data ?? existing.data;
  }
  // An earlier opt-out counts in this tenant only (members are partitioned by network: platform:tenant:channel).
  const tenantPrefix = `${networkId.split(':').slice(0, 2).join(':')}:`;
  const elsewhere = (await store.members.list({ where: { userId: user.id } })).filter((m) => m.pk.startsWith(tenantPrefix));
  const quiet = elsewhere.some((m) => m.data.quiet);
  const doc = await store.members.update(networkId, user.id, (current) =>
    current ? undefined : { userId: user.id, name: user.name || user.id, quiet, joinedAt: clock.now().toISOString() },
  );
  await linkActions(services, networkId, user);
  return doc!.data;
}

/** The platform's display name, when it is one (not empty, not just the user id). */
export function displayName(user: { id: string; name: string }): string | undefined {
  const name = (user.name ?? '').trim();
  return name && name !== user.id ? name.slice(0, 100) : undefined;
}

/** The owner's name on their actions follows the member record. */
async function renameOwner(services: Services, networkId: string, userId: string, name: string): Promise<void> {
  const all = await actions(services).list({ pk: networkId });
  for (const doc of all.filter((d) => d.data.ownerId === userId && d.data.ownerName !== name)) {
    await actions(services).update(networkId, doc.id, (a) => (a && a.ownerId === userId ? { ...a, ownerName: name } : undefined));
  }
}

/** Actions kept under a typed name ("Bram") become the new member's own once they take part. */
async function linkActions(services: Services, networkId: string, user: { id: string; name: string }): Promise<void> {
  const names = new Set([fold(user.id), fold(user.name || user.id)]);
  const all = await actions(services).list({ pk: networkId });
  for (const doc of all.filter((d) => !d.data.ownerId && names.has(fold(d.data.ownerName)))) {
    await actions(services).update(networkId, doc.id, (a) => (a && !a.ownerId ? { ...a, ownerId: user.id } : undefined));
  }
}

/** Finds a member by id or (folded) name, for owners typed as text ("@bram", "Bram"). */
export async function findMember(services: Services, networkId: string, typed: string): Promise<Member | undefined> {
  const wanted = fold(typed.replace(/^@/, '').trim());
  if (!wanted) return undefined;
  const byId = await services.store.members.get(networkId, wanted);
  if (byId) return byId.data;
  const all = await services.store.members.list({ pk: networkId });
  return all.find((m) => fold(m.data.userId) === wanted || fold(m.data.name) === wanted)?.data;
}
