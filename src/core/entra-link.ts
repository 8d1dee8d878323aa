/**
 * The link between a Teams user's Entra object id (`oid`, what a Teams SSO token names) and their
 * channel account id (`29:…`, what the bot knows them by), recorded by the Teams adapter from
 * verified activities (`from.aadObjectId` next to `from.id`). Only ids: no names, nothing else.
 * Kept in the tenant's partition (`teams:<tenant>`), keyed by the object id, so a token of one
 * tenant can never find a user of another. Part of `mijn gegevens` and removed by `vergeet mij`.
 */
import { z } from 'zod';
import { defineKind, type Store } from '../store/index.ts';
import { tenantKey } from './keys.ts';

export const ENTRA_LINK_KIND = defineKind('entralink', {
  owner: 'core',
  partition: 'tenant',
  about: "a Teams user's Entra object id and channel account id (ids only), for Teams sign-in to the console tab",
});

const OBJECT_ID = /^[0-9a-fA-F-]{1,64}$/;

const LinkSchema = z.object({ oid: z.string().regex(OBJECT_ID), userId: z.string().min(1).max(256), at: z.string() });
export type EntraLink = z.infer<typeof LinkSchema>;

const links = (store: Store) => store.collection(ENTRA_LINK_KIND, LinkSchema);
const keyOf = (oid: string) => `oid:${oid.toLowerCase()}`;

/** Object ids are GUIDs; anything else is never stored or looked up. */
export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID.test(value);
}

/** Finds the Teams user of an object id in one tenant; undefined when the bot never saw them. */
export async function findEntraUser(store: Store, tenantId: string, oid: string): Promise<string | undefined> {
  if (!isObjectId(oid)) return undefined;
  return (await links(store).get(tenantKey({ platform: 'teams', tenantId }), keyOf(oid)))?.data.userId;
}

/**
 * Records (or refreshes) the link. `seen` holds what was last written per key, so a busy user does
 * not cause a write on every message; a changed channel id is written again.
 */
export async function rememberEntraLink(store: Store, tenantId: string, oid: string, userId: string, now: Date, seen?: Map<string, string>): Promise<void> {
  if (!isObjectId(oid) || !userId) return;
  const pk = tenantKey({ platform: 'teams', tenantId });
  const cacheKey = `${pk}|${keyOf(oid)}`;
  if (seen?.get(cacheKey) === userId) return;
  const current = await links(store).get(pk, keyOf(oid));
  if (current?.data.userId !== userId) await links(store).put(pk, keyOf(oid), { oid: oid.toLowerCase(), userId, at: now.toISOString() });
  seen?.set(cacheKey, userId);
}

/** The links of one Teams user in one tenant (for `mijn gegevens`). */
export async function entraLinksOf(store: Store, tenantId: string, userId: string): Promise<EntraLink[]> {
  return (await links(store).list({ pk: tenantKey({ platform: 'teams', tenantId }), where: { userId } })).map((d) => d.data);
}

/** Removes the links of one Teams user in one tenant (`vergeet mij`); returns how many. */
export async function forgetEntraLinks(store: Store, tenantId: string, userId: string): Promise<number> {
  const pk = tenantKey({ platform: 'teams', tenantId });
  const docs = await links(store).list({ pk, where: { userId } });
  let removed = 0;
  for (const doc of docs) if (await links(store).delete(pk, keyOf(doc.data.oid))) removed++;
  return removed;
}
