/**
 * Teams SSO for the console tab. The tab page loads two same-origin scripts (the Teams JS library
 * from npm, served by Wegwijs, and assets/tab.js) that ask Teams for the user's token
 * (`authentication.getAuthToken`) and POST it to /console/sso. The token is validated as any
 * Entra access token must be: RS256 signature against the issuer's published keys (JWKS), the
 * issuer of the token's own tenant (v2 `login.microsoftonline.com/<tid>/v2.0` or v1
 * `sts.windows.net/<tid>/`), an allowed tenant, our audience (the app id or `api://<host>/<app id>`),
 * the `access_as_user` scope, and expiry/not-before with a small skew, on the injected clock. The
 * (tenant, object id) pair is then looked up in the links the Teams adapter recorded from verified
 * activities; a user the bot never saw is told to send it a message first. Only with Teams
 * credentials configured (or settings injected by a test).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { JWTVerifyGetKey } from 'jose';

/** jose is loaded at the first token, not at every start (most servers never see one). */
type Jose = typeof import('jose');
let jose: Promise<Jose> | undefined;
const loadJose = () => (jose ??= import('jose'));
import { type Clock, isObjectId } from '../core/index.ts';
import type { Config } from '../config.ts';
import { html, type Html } from './html.ts';

export interface SsoSettings {
  /** The Entra app id (the bot's): a v2 token's audience. */
  appId: string;
  /** Every audience accepted: the app id and the Application ID URI (`api://<host>/<app id>`). */
  audiences: string[];
  /** Tenants whose users may sign in (lower case); the bot's app is single-tenant, so its own. */
  tenants: string[];
  /** Where the signing keys are published. Microsoft's in production; a local server in tests. */
  jwksUrl: string;
  /** Allowed clock difference for `exp` and `nbf`. */
  skewSeconds: number;
}

export const SSO_SCOPE = 'access_as_user';
const MAX_TOKEN_CHARS = 8000;

/** The SSO settings from the configuration: only with Teams credentials. */
export function ssoSettings(config: Pick<Config, 'teams'>, publicUrl: string): SsoSettings | undefined {
  const teams = config.teams;
  if (!teams) return undefined;
  const resource = teams.ssoResource ?? `api://${new URL(publicUrl).host}/${teams.appId}`;
  return {
    appId: teams.appId,
    audiences: [teams.appId, resource],
    tenants: [teams.tenantId.toLowerCase()],
    jwksUrl: `https://login.microsoftonline.com/${encodeURIComponent(teams.tenantId)}/discovery/v2.0/keys`,
    skewSeconds: 120,
  };
}

export type SsoCode = 'sso_invalid' | 'sso_expired' | 'sso_tenant' | 'sso_unavailable';
export type SsoCheck = { ok: true; tenantId: string; oid: string; name?: string } | { ok: false; code: SsoCode };

/** A verifier with its key set (fetched on first use, cached, refetched for an unknown key id). */
export function ssoVerifier(settings: SsoSettings, clock: Clock, keys?: JWTVerifyGetKey): (token: unknown) => Promise<SsoCheck> {
  let jwks = keys;
  return async (token) => {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return { ok: false, code: 'sso_invalid' };
    const { createRemoteJWKSet, decodeJwt, errors, jwtVerify } = await loadJose();
    jwks ??= createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 12 * 3600_000 });
    // The tenant is read before verification only to know which issuer to expect; the signature
    // check below binds it (the issuer names the same tenant and is part of the signed token).
    let tid: unknown;
    try {
      tid = decodeJwt(token).tid;
    } catch {
      return { ok: false, code: 'sso_invalid' };
    }
    if (!isObjectId(tid)) return { ok: false, code: 'sso_invalid' };
    if (!settings.tenants.includes(tid.toLowerCase())) return { ok: false, code: 'sso_tenant' };
    try {
      const { payload } = await jwtVerify(token, jwks, {
        algorithms: ['RS256'],
        audience: settings.audiences,
        issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
        clockTolerance: settings.skewSeconds,
        currentDate: clock.now(),
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      });
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (payload.tid !== tid || !isObjectId(payload.oid) || !scopes.includes(SSO_SCOPE)) return { ok: false, code: 'sso_invalid' };
      const name = typeof payload.name === 'string' ? payload.name.slice(0, 256) : undefined;
      return { ok: true, tenantId: tid, oid: payload.oid.toLowerCase(), ...(name ? { name } : {}) };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, code: 'sso_expired' };
      if (err instanceof errors.JWKSTimeout || isFetchFailure(err, errors)) return { ok: false, code: 'sso_unavailable' };
      return { ok: false, code: 'sso_invalid' };
    }
  };
}

/** The key set could not be fetched (network, a 5xx): not the user's fault, so said differently. */
function isFetchFailure(err: unknown, errors: Jose['errors']): boolean {
  if (err instanceof errors.JOSEError) return err.code === 'ERR_JOSE_GENERIC' && /fetch|response|status/i.test(err.message);
  return err instanceof TypeError;
}

/** The Teams JS library, from the pinned npm package (never a CDN). */
export function teamsLibrary(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@microsoft/teams-js');
  // `main` is dist/umd/MicrosoftTeams.min.js; resolved this way so a layout change fails loudly.
  const file = /MicrosoftTeams\.min\.js$/.test(main) ? main : join(dirname(main), 'MicrosoftTeams.min.js');
  return readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export const TAB_SCRIPT = readFileSync(new URL('./assets/tab.js', import.meta.url), 'utf8');

/** The CSP of the tab page: the only page with scripts, and those only from this origin. */
export function tabCsp(frames: string): string {
  return `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors ${frames}`;
}

/** The tab page: signs in with Teams (SSO) or, as the configure page, saves the channel tab. */
export function tabPage(lang: 'nl' | 'en', botName: string, mode: 'sso' | 'configure', t: (key: string, vars?: Record<string, string>) => string): string {
  const text: Html = mode === 'configure' ? html`<p>${t('console_web.tab.configure', { bot: botName })}</p>` : html`<p>${t('console_web.sso.busy')}</p>`;
  return `<!doctype html>${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('console_web.title')} · ${botName}</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/teams.js" defer></script>
<script src="/console/assets/tab.js" defer></script>
</head>
<body data-mode="${mode}">
<header class="top"><span class="brand">${botName}</span></header>
<main id="main" class="narrow">
<h1>${t('console_web.title')}</h1>
${text}
<noscript><p>${t('console_web.sso.fallback', { bot: botName })}</p></noscript>
</main>
</body>
</html>`.value}`;
}
