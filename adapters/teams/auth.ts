/**
 * Authentication for the Teams endpoint, configured explicitly from `Config` (never from the
 * SDK's own reading of environment variables):
 * - with TEAMS_APP_ID/PASSWORD/TENANT_ID: every request needs a valid Bot Framework / Entra token
 *   (the SDK's JWT middleware), and replies are signed with the app's client secret;
 * - local mode (no Teams credentials, explicitly enabled, never in production): anonymous
 *   requests are accepted and replies carry no token, for a local emulator or test connector;
 * - otherwise the endpoint stays off. The SDK on its own would accept anonymous traffic whenever
 *   no client id is set and NODE_ENV is not production; Wegwijs never mounts it that way.
 */
import { CloudAdapter, type AuthConfiguration, type OutboundUrlPolicy } from '@microsoft/agents-hosting';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../src/config.ts';

import type { TeamsMode } from './mode.ts';

// Deciding whether Teams is on needs no SDK: mode.ts (app/platforms.ts imports it from there).
export { teamsMode, type TeamsMode } from './mode.ts';

export const CONNECTION_NAME = 'ServiceConnection';

/**
 * The SDK's AuthConfiguration, with an explicit connection and connection map so the SDK does not
 * fall back to connections from environment variables. `overrides` are for tests (a local
 * authority whose signing keys the test serves); the server passes none.
 */
export function authConfiguration(config: Pick<Config, 'teams'>, overrides: Partial<AuthConfiguration> = {}): AuthConfiguration {
  const connection: AuthConfiguration = config.teams
    ? {
        ...overrides,
        clientId: config.teams.appId,
        clientSecret: config.teams.appPassword,
        tenantId: config.teams.tenantId,
        authType: 'ClientSecret',
        connectionName: CONNECTION_NAME,
        // Tokens must come from Azure Bot Service or this app's tenant.
        validateIssuer: true,
      }
    : { ...overrides, connectionName: CONNECTION_NAME };
  return { ...connection, connections: new Map([[CONNECTION_NAME, connection]]), connectionsMap: [{ serviceUrl: '*', connection: CONNECTION_NAME }] };
}

/**
 * A cheap first gate before the SDK's JWT middleware, with credentials only: a token that is not
 * an RS256 JWT with a key id and our audience is refused at once (401), without fetching signing
 * keys. Everything that passes is still fully verified by the SDK.
 */
export function tokenPrecheck(appId: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization;
    if (!header) return void res.status(401).json({ error: 'unauthorized' });
    const match = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(header.trim());
    const head = match && decodeSegment(match[1]);
    const payload = match && decodeSegment(match[2]);
    const audiences = payload ? ([] as unknown[]).concat(payload.aud) : [];
    if (!match || !match[3] || head?.alg !== 'RS256' || typeof head.kid !== 'string' || !audiences.includes(appId)) {
      return void res.status(401).json({ error: 'unauthorized' });
    }
    next();
  };
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Test seams, empty in production: a local authority whose signing keys a test serves, and
 * connector hosts a test's fake Bot Connector listens on.
 */
export const teamsEdge: { authority?: string; connectorHosts: string[] } = { connectorHosts: [] };

/**
 * Where the Bot Connector may be: Teams' service URLs (`smba.trafficmanager.net`, the government
 * clouds' `smba.infra.*.teams.microsoft.*`, the preview ring's `*.botapi.skype.com`) and Bot
 * Framework channels (`*.botframework.com`), over https. The SDK's own list is wider (any
 * `*.blob.core.windows.net`, `*.sharepoint.com`: hosts anyone can rent), so Wegwijs keeps its
 * own: the bot sends its access token to this URL.
 */
const CONNECTOR_HOSTS = ['smba.trafficmanager.net', 'botframework.com', 'botframework.us', 'botframework.azure.us', 'teams.microsoft.com', 'teams.microsoft.us', 'botapi.skype.com'];
/** Local mode talks to an emulator or test connector on this machine only. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The service URLs Wegwijs answers to and posts to, by mode: never an arbitrary host (SSRF). */
export function connectorPolicy(mode: TeamsMode, extraHosts: string[] = teamsEdge.connectorHosts): OutboundUrlPolicy {
  const suffixes = mode === 'local' ? LOOPBACK_HOSTS : CONNECTOR_HOSTS;
  const plain = new Set([...(mode === 'local' ? LOOPBACK_HOSTS : []), ...extraHosts.map((h) => h.toLowerCase())]);
  return {
    enabled: true,
    isAllowed(input) {
      let url: URL;
      try {
        url = input instanceof URL ? input : new URL(String(input ?? ''));
      } catch {
        return false;
      }
      const host = url.hostname.toLowerCase().replace(/\.$/, '');
      if (url.username || url.password) return false;
      if (plain.has(host)) return url.protocol === 'https:' || url.protocol === 'http:';
      return url.protocol === 'https:' && suffixes.some((s) => host === s || host.endsWith(`.${s}`));
    },
  };
}

/**
 * The SDK's adapter as Wegwijs runs it: the service URL of an activity must be a connector host
 * (`connectorPolicy`) and match the token's `serviceurl` claim (the SDK only warns by default), for
 * incoming activities and for every proactive post from a stored reference.
 */
export function teamsCloudAdapter(config: Pick<Config, 'teams'>, mode: TeamsMode): CloudAdapter {
  const overrides: Partial<AuthConfiguration> = teamsEdge.authority ? { authority: teamsEdge.authority, authorityEndpoint: teamsEdge.authority } : {};
  return new CloudAdapter(authConfiguration(config, overrides), undefined, undefined, { validateServiceUrl: true }, connectorPolicy(mode));
}

/**
 * Issuers of the tokens the Bot Connector sends (Bot Framework, and the Microsoft first-party
 * tenants the SDK trusts for Azure Bot Service). The SDK also accepts tokens of the app's own
 * tenant (agent-to-agent calls); for a Teams bot those are a person's or another app's tokens
 * (a Teams SSO token of the console tab has this app as its audience), which must never speak as
 * the channel: with one, anyone in the tenant could send activities as any user and name any
 * service URL.
 */
const CHANNEL_ISSUERS = new Set([
  'https://api.botframework.com',
  'https://api.botframework.us',
  ...['d6d49420-f39b-4df7-a1dc-d59a935871db', 'f8cdef31-a31e-4b4a-93e4-5f571e91255a', '69e9b82d-4842-4902-8d1e-abc5b98a55e8'].flatMap((t) => [
    `https://sts.windows.net/${t}/`,
    `https://login.microsoftonline.com/${t}/v2.0`,
  ]),
  'https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/',
  'https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0',
]);

/** After the SDK verified the token: only the channel's own tokens (see CHANNEL_ISSUERS) pass. */
export function channelTokenOnly() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const claims = (req as Request & { user?: { iss?: unknown } }).user;
    const issuer = typeof claims?.iss === 'string' ? claims.iss.toLowerCase() : '';
    if (!CHANNEL_ISSUERS.has(issuer)) return void res.status(401).json({ error: 'unauthorized' });
    next();
  };
}
