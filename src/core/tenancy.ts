/**
 * Tenant isolation in one place. The platform and tenant of a turn come from the verified request
 * (the adapter sets them from the signed Slack workspace or the authenticated Teams tenant); a
 * button value, a modal's metadata or a form field is user input. Every id such a payload carries
 * (a network key, a session id) is checked here to belong to the turn's own tenant before anything
 * is read, and a foreign one is refused with one neutral text that names nothing.
 */
import { tenantKey } from './keys.ts';
import type { IncomingMessage } from './message.ts';
import type { Turn } from './turn.ts';

/** Longest network key accepted from a payload (platform:tenant:channel, as the schema bounds them). */
const MAX_KEY_CHARS = 800;

/** Stable codes for the log: why a payload id was refused. */
export type ForeignCode = 'tenant_foreign_network' | 'tenant_malformed_key' | 'tenant_other_channel' | 'tenant_foreign_session' | 'tenant_not_in_network';


export type Ownership = { ok: true; key: string } | { ok: false; code: ForeignCode };

/**
 * Checks that a network key taken from a payload belongs to the turn's tenant: a string, of sane
 * length, starting with `platform:tenant:` of the verified request, with a channel after it.
 */
export function ownedNetworkKey(message: Pick<IncomingMessage, 'platform' | 'tenantId'>, raw: unknown): Ownership {
  if (typeof raw !== 'string' || !raw || raw.length > MAX_KEY_CHARS) return { ok: false, code: 'tenant_malformed_key' };
  const prefix = `${tenantKey(message)}:`;
  if (!raw.startsWith(prefix)) return { ok: false, code: 'tenant_foreign_network' };
  if (raw.length === prefix.length) return { ok: false, code: 'tenant_malformed_key' };
  return { ok: true, key: raw };
}

/** True when a record read from the store belongs to the turn's tenant (a second line of defence). */
export function sameTenant(message: Pick<IncomingMessage, 'platform' | 'tenantId'>, record: { platform?: string; tenantId?: string }): boolean {
  return record.platform === message.platform && record.tenantId === message.tenantId;
}

/**
 * The refusal for an id that is not this tenant's (or not this channel's): logged with its code,
 * answered privately with a text that says nothing about what the id points at.
 */
export async function refuseForeign(turn: Turn, code: ForeignCode): Promise<void> {
  turn.log.warn({ code, action: turn.message.action?.id }, 'payload id refused');
  await turn.replyPrivately({ text: turn.t('core.not_yours') });
}

/** Whether the person is a facilitator or a member of the network (its stored records, read now). */
export async function inNetwork(turn: Turn, key: string): Promise<boolean> {
  const { store } = turn.services;
  const network = (await store.networks.get(key, key))?.data;
  if (!network || !sameTenant(turn.message, network)) return false;
  return network.facilitators.includes(turn.user.id) || Boolean(await store.members.get(key, turn.user.id));
}

/**
 * Resolves the network key a button value carries against the turn: owned by the tenant, and in
 * a channel it must be this channel's network. With `membersByDm`, a press in a direct message
 * (where the payload alone names the network) counts only for the network's members and
 * facilitators: a colleague of the same tenant outside it gets the neutral refusal, never a text
 * that names the network's people or actions. Refuses (and returns undefined) otherwise.
 */
export async function networkFromValue(turn: Turn, raw: unknown, options: { thisChannel?: string; membersByDm?: boolean } = {}): Promise<string | undefined> {
  const owned = ownedNetworkKey(turn.message, raw);
  if (!owned.ok) return void (await refuseForeign(turn, owned.code));
  if (options.thisChannel !== undefined && owned.key !== options.thisChannel) return void (await refuseForeign(turn, 'tenant_other_channel'));
  if (options.membersByDm && turn.message.isDirect && !(await inNetwork(turn, owned.key))) return void (await refuseForeign(turn, 'tenant_not_in_network'));
  return owned.key;
}

/**
 * The sealed fields of a pressed value (src/core/seal.ts), checked for the turn's platform and
 * tenant. A forged, changed or foreign seal gets `core.not_yours`, an expired one `goneKey`; both
 * are logged with the seal's code, and undefined is returned so that the handler changes nothing.
 */
export async function sealedFields<N extends string>(turn: Turn, purpose: string, value: Record<string, unknown> | undefined, names: readonly N[], goneKey: string) {
  const opened = turn.services.seal.open(turn.message, purpose, value, names);
  if (opened.ok) return opened.fields;
  turn.log.warn({ code: opened.code, action: turn.message.action?.id }, 'sealed value refused');
  await turn.replyPrivately({ text: turn.t(opened.code === 'seal_expired' ? goneKey : 'core.not_yours') });
  return undefined;
}
