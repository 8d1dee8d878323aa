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
import type { AuthConfiguration } from '@microsoft/agents-hosting';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../src/config.ts';

export type TeamsMode = 'authenticated' | 'local' | 'off';

/**
 * Credentials → authenticated. Without them the endpoint is off, unless local mode was asked for
 * explicitly (`TEAMS_LOCAL_MODE=true`, or `enableTeamsLocalMode` in tests) and this is not production.
 */
export function teamsMode(config: Pick<Config, 'teams' | 'production'>, options: { local?: boolean } = {}): TeamsMode {
  if (config.teams) return 'authenticated';
  return options.local && !config.production ? 'local' : 'off';
}

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
