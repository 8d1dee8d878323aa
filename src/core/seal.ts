/**
 * Sealed payload fields. A button value or an Adaptive Card's submit data comes back from the
 * client, and on Teams a custom client can send any value, so a field in it that decides WHERE
 * something goes (the channel a question was asked in) is only trusted when the bot wrote it. The
 * bot seals such fields when it builds the button: an HMAC-SHA256 over the fields, their names,
 * a purpose (which button), the platform and tenant of the verified request, and an expiry. On
 * the press the same fields are checked against the seal with the turn's own platform and tenant,
 * so a changed field, a dropped one, a seal copied from another tenant or button, or an old one
 * is refused before anything is read.
 *
 * The seal is one short hex string (`seal:` + expiry + MAC) so that the privacy pass at the edge
 * reads it as a machine id and leaves it alone (`isMachineId` in src/privacy/incoming.ts).
 * The key is `WEGWIJS_SEAL_KEY`, or else a random key created once in the store (create-if-absent,
 * so all instances share the first one written).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { defineKind, isConflict, type Store } from '../store/index.ts';
import type { Clock } from './clock.ts';

export const SEAL_KIND = defineKind('secret', { owner: 'core', partition: 'deployment', about: 'keys the deployment makes for itself (the key that seals button values)' });
const SecretSchema = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/), createdAt: z.string() });
const SECRET_PK = 'deployment';
const SEAL_KEY_ID = 'seal-key';

/** The value field that carries the seal. */
export const SEAL_FIELD = 'seal';
/** How long a sealed button works by default (as long as an asked question is kept). */
export const SEAL_TTL_SECONDS = 14 * 24 * 3600;

const VERSION = 'v1';
/** `seal:` + 8 hex digits of expiry (seconds) + 56 of MAC: 64 hex digits, a machine id to the privacy pass. */
const SEAL_PATTERN = /^seal:([0-9a-f]{8})([0-9a-f]{56})$/;
const MAC_HEX = 56;

export type SealedScalar = string | number | boolean;
/** Where a seal is valid: the platform and tenant of the verified request. */
export interface SealScope {
  platform: string;
  tenantId: string;
}

/** Why a seal was refused (stable codes for the log). */
export type SealCode = 'seal_missing' | 'seal_malformed' | 'seal_invalid' | 'seal_expired';
export type SealCheck<N extends string> = { ok: true; fields: Record<N, SealedScalar | undefined> } | { ok: false; code: SealCode };

export interface Sealer {
  /** The fields with a seal added (`{ ...fields, seal }`), for a button value. */
  seal<F extends Record<string, SealedScalar>>(scope: SealScope, purpose: string, fields: F, ttlSeconds?: number): F & { seal: string };
  /**
   * Checks the named fields of a pressed value against its seal, for the turn's platform and
   * tenant. A field named but absent must have been absent when sealed.
   */
  open<N extends string>(scope: SealScope, purpose: string, value: Record<string, unknown> | undefined, names: readonly N[]): SealCheck<N>;
}

/** The text the MAC is made over: every part that must match, unambiguously (JSON). */
function macInput(scope: SealScope, purpose: string, expires: string, fields: [string, unknown][]): string {
  const sorted = [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([VERSION, scope.platform, scope.tenantId, purpose, expires, sorted]);
}

/** A sealer with a fixed key (32 bytes or more) and a clock for the expiry. */
export function createSealer(key: Buffer, clock: Clock): Sealer {
  if (key.length < 32) throw new Error('The seal key must be at least 32 bytes');
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('hex').slice(0, MAC_HEX);
  return {
    seal(scope, purpose, fields, ttlSeconds = SEAL_TTL_SECONDS) {
      const expires = Math.floor(clock.now().getTime() / 1000 + ttlSeconds).toString(16).padStart(8, '0').slice(-8);
      const seal = `seal:${expires}${mac(macInput(scope, purpose, expires, Object.entries(fields)))}`;
      return { ...fields, [SEAL_FIELD]: seal } as typeof fields & { seal: string };
    },
    open(scope, purpose, value, names) {
      const raw = value?.[SEAL_FIELD];
      if (raw === undefined || raw === null || raw === '') return { ok: false, code: 'seal_missing' };
      const parts = typeof raw === 'string' ? SEAL_PATTERN.exec(raw) : null;
      if (!parts) return { ok: false, code: 'seal_malformed' };
      const fields = {} as Record<(typeof names)[number], SealedScalar | undefined>;
      const present: [string, unknown][] = [];
      for (const name of names) {
        const v = value && Object.hasOwn(value, name) ? value[name] : undefined;
        if (v === undefined || v === null) continue;
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return { ok: false, code: 'seal_malformed' };
        fields[name] = v;
        present.push([name, v]);
      }
      const [, expires, given] = parts;
      const expected = Buffer.from(mac(macInput(scope, purpose, expires!, present)), 'hex');
      // Constant time: the comparison tells an attacker nothing about how much of the MAC matched.
      if (!timingSafeEqual(expected, Buffer.from(given!, 'hex'))) return { ok: false, code: 'seal_invalid' };
      if (parseInt(expires!, 16) * 1000 < clock.now().getTime()) return { ok: false, code: 'seal_expired' };
      return { ok: true, fields };
    },
  };
}

/**
 * The seal key: from the configuration (`WEGWIJS_SEAL_KEY`, hashed to 32 bytes so any long
 * secret will do), else the deployment's random key in the store, created by whichever instance
 * comes first; a create that finds the key taken reads the one written.
 */
export async function sealKey(store: Store, configured: string | undefined, clock: Clock): Promise<Buffer> {
  if (configured) return createHmac('sha256', 'wegwijs-seal-key').update(configured).digest();
  const secrets = store.collection(SEAL_KIND, SecretSchema);
  const existing = await secrets.get(SECRET_PK, SEAL_KEY_ID);
  if (existing) return Buffer.from(existing.data.key, 'hex');
  try {
    const created = await secrets.create(SECRET_PK, SEAL_KEY_ID, { key: randomBytes(32).toString('hex'), createdAt: clock.now().toISOString() });
    return Buffer.from(created.data.key, 'hex');
  } catch (err) {
    if (!isConflict(err)) throw err;
    const winner = await secrets.get(SECRET_PK, SEAL_KEY_ID);
    if (!winner) throw err;
    return Buffer.from(winner.data.key, 'hex');
  }
}
