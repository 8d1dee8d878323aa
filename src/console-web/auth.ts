/**
 * Sign-in without passwords. `wegwijs console` in chat gives a one-time link: a signed token
 * (HMAC-SHA256) naming the verified platform, tenant and user of that chat turn, valid 10 minutes,
 * used once (claimed in the store, so a second use fails on every instance). The link opens a
 * session: a signed cookie with an idle and an absolute limit, renewed while in use. Every form
 * carries a CSRF token derived from the session. Tenant and user never come from a form.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PlatformSchema, type Platform } from '../core/index.ts';
import { EVENT_KIND, MarkerSchema, type Store } from '../store/index.ts';
import type { ConsoleWebConfig } from './config.ts';

export const LINK_SCOPE = 'console-link';
export const COOKIE = 'wegwijs_console';

const IdentitySchema = z.object({
  p: PlatformSchema,
  t: z.string().min(1).max(256),
  u: z.string().min(1).max(256),
  n: z.string().max(256),
  l: z.enum(['nl', 'en']),
});

const LinkSchema = IdentitySchema.extend({ j: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), e: z.number().int() });
const SessionSchema = IdentitySchema.extend({ s: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), c: z.number().int(), a: z.number().int() });

export interface Identity {
  platform: Platform;
  tenantId: string;
  userId: string;
  name: string;
  lang: 'nl' | 'en';
}

export interface Session extends Identity {
  id: string;
  createdMs: number;
  activeMs: number;
}

function sign(secret: string, purpose: string, payload: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${payload}`).digest('base64url');
}

function seal(secret: string, purpose: string, data: unknown): string {
  const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
  return `${payload}.${sign(secret, purpose, payload)}`;
}

function open(secret: string, purpose: string, token: unknown): unknown {
  if (typeof token !== 'string' || token.length > 4000) return undefined;
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(secret, purpose, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function newId(): string {
  return randomBytes(18).toString('base64url');
}

/** A one-time sign-in link's token for a verified chat user. */
export function linkToken(config: ConsoleWebConfig, who: Identity, nowMs: number): { token: string; id: string } {
  const id = newId();
  const token = seal(config.secret, 'link', { p: who.platform, t: who.tenantId, u: who.userId, n: who.name, l: who.lang, j: id, e: nowMs + config.linkSeconds * 1000 });
  return { token, id };
}

export type LinkCheck = { ok: true; who: Identity; id: string; expiresMs: number } | { ok: false; code: 'link_invalid' | 'link_expired' };

/**
 * Whether the link was used already, read without using it up: opening a used link says so at
 * once, instead of offering "Inloggen als …" and refusing only after the press.
 */
export async function linkUsed(store: Store, id: string): Promise<boolean> {
  return (await store.collection(EVENT_KIND, MarkerSchema).get(LINK_SCOPE, id)) !== undefined;
}

/** Checks signature and expiry; the caller claims the id once in the store. */
export function readLink(config: ConsoleWebConfig, token: unknown, nowMs: number): LinkCheck {
  const parsed = LinkSchema.safeParse(open(config.secret, 'link', token));
  if (!parsed.success) return { ok: false, code: 'link_invalid' };
  if (parsed.data.e <= nowMs) return { ok: false, code: 'link_expired' };
  const d = parsed.data;
  return { ok: true, id: d.j, expiresMs: d.e, who: { platform: d.p, tenantId: d.t, userId: d.u, name: d.n, lang: d.l } };
}

export function sessionCookie(config: ConsoleWebConfig, session: Session): string {
  return seal(config.secret, 'session', { p: session.platform, t: session.tenantId, u: session.userId, n: session.name, l: session.lang, s: session.id, c: session.createdMs, a: session.activeMs });
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; code: 'session_missing' | 'session_invalid' | 'session_expired' };

export function readSession(config: ConsoleWebConfig, cookie: unknown, nowMs: number): SessionCheck {
  if (cookie === undefined || cookie === '') return { ok: false, code: 'session_missing' };
  const parsed = SessionSchema.safeParse(open(config.secret, 'session', cookie));
  if (!parsed.success) return { ok: false, code: 'session_invalid' };
  const d = parsed.data;
  if (nowMs - d.a > config.idleSeconds * 1000 || nowMs - d.c > config.maxSessionSeconds * 1000 || d.a > nowMs + 60_000) return { ok: false, code: 'session_expired' };
  return { ok: true, session: { platform: d.p, tenantId: d.t, userId: d.u, name: d.n, lang: d.l, id: d.s, createdMs: d.c, activeMs: d.a } };
}

/** The CSRF token of a session: bound to it, so a token from another session is refused. */
export function csrfToken(config: ConsoleWebConfig, session: Pick<Session, 'id'>): string {
  return sign(config.secret, 'csrf', session.id);
}

export function checkCsrf(config: ConsoleWebConfig, session: Pick<Session, 'id'>, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfToken(config, session));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Reads one cookie from the header (no parser dependency for one value). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function cookieHeader(config: ConsoleWebConfig, value: string, maxAgeSeconds: number): string {
  // In a Teams tab the page is framed by Teams (another site): only SameSite=None cookies go along, and those must be Secure.
  const sameSite = config.teamsTab ? 'None' : 'Lax';
  const secure = config.secureCookies || config.teamsTab;
  return `${COOKIE}=${value}; Path=/console; HttpOnly; SameSite=${sameSite}; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}
