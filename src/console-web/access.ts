/**
 * Who may see what. A session belongs to one platform tenant; its networks are those of that
 * tenant where the user is a member or a facilitator, read from the store on every request (a
 * member removed in chat loses access at once). Curators see the tenant's knowledge pages: named
 * in WEGWIJS_CURATORS, or by a facilitator in chat (`wegwijs console curator @name`).
 */
import { ownedNetworkKey, type Services } from '../core/index.ts';
import { tenantKey } from '../core/index.ts';
import type { Session } from './auth.ts';
import type { ConsoleWebConfig } from './config.ts';
import { consoleRecords, curatorKey } from './records.ts';

export type Role = 'member' | 'facilitator';

export interface NetworkAccess {
  id: string;
  name: string;
  role: Role;
  status: 'active' | 'paused' | 'stopped';
  language: 'nl' | 'en';
  timeZone: string;
  facilitators: string[];
}


export function tenantOf(session: Pick<Session, 'platform' | 'tenantId'>): string {
  return tenantKey(session);
}

/** The user's networks in the session's tenant, by name. */
export async function networksOf(services: Services, session: Session): Promise<NetworkAccess[]> {
  const prefix = `${tenantOf(session)}:`;
  const memberships = (await services.store.members.list({ where: { userId: session.userId } })).filter((m) => m.pk.startsWith(prefix));
  const out: NetworkAccess[] = [];
  for (const id of new Set(memberships.map((m) => m.pk))) {
    const found = await networkFor(services, session, id);
    if (found) out.push(found);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One network for this session, or undefined when it is another tenant's, unknown, or the user is
 * neither member nor facilitator. The id comes from a URL: it is checked here before anything is read.
 */
export async function networkFor(services: Services, session: Session, id: string): Promise<NetworkAccess | undefined> {
  // The same rule as for a button's value in chat: the key must carry the session's own tenant.
  if (!ownedNetworkKey(session, id).ok) return undefined;
  const network = (await services.store.networks.get(id, id))?.data;
  if (!network || network.platform !== session.platform || network.tenantId !== session.tenantId) return undefined;
  const facilitator = network.facilitators.includes(session.userId);
  if (!facilitator && !(await services.store.members.get(id, session.userId))) return undefined;
  return { id, name: network.name, role: facilitator ? 'facilitator' : 'member', status: network.status, language: network.language, timeZone: network.timeZone, facilitators: network.facilitators };
}

export async function isCurator(services: Services, config: ConsoleWebConfig, session: Session): Promise<boolean> {
  const full = `${tenantOf(session)}:${session.userId}`;
  if (config.curators.includes(session.userId) || config.curators.includes(full)) return true;
  return (await consoleRecords(services).get(tenantOf(session), curatorKey(session.userId)))?.data.type === 'curator';
}

export async function nameCurator(services: Services, tenant: string, userId: string, by: string): Promise<void> {
  await consoleRecords(services).put(tenant, curatorKey(userId), { type: 'curator', userId, at: services.clock.now().toISOString(), by });
}
