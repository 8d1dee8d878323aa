/**
 * The Teams tab's routes, before the session check: the tab page (SSO or configure), its two
 * scripts, the token exchange (POST /console/sso) and the page that explains a failed sign-in.
 * The session opened here is the same as the chat link's: same cookie, same role scoping (the
 * platform, tenant and user of the Teams account the token's object id was linked to).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { type Services, findEntraUser } from '../core/index.ts';
import { COOKIE, cookieHeader, newId, readCookie, readSession, sessionCookie, type Session } from './auth.ts';
import type { ConsoleWebConfig } from './config.ts';
import type { RateLimiter } from './rate-limit.ts';
import { ssoVerifier, tabCsp, tabPage, teamsLibrary, TAB_SCRIPT, type SsoSettings } from './sso.ts';
import type { JWTVerifyGetKey } from 'jose';

export interface SsoRouteDeps {
  services: Services;
  config: ConsoleWebConfig;
  /** Undefined without Teams credentials: the tab then signs in with the chat link, as before. */
  sso?: SsoSettings;
  /** For tests: a key set other than the one at `sso.jwksUrl`. */
  keys?: JWTVerifyGetKey;
  frames: string;
  signIns: RateLimiter;
  langOf(req: Request): 'nl' | 'en';
  bare(res: Response, status: number, lang: 'nl' | 'en', titleKey: string, textKey: string): unknown;
}

const Body = z.object({ token: z.string().min(1).max(8000), lang: z.enum(['nl', 'en']).optional() }).strict();
const FAILURES = new Set(['sso_invalid', 'sso_expired', 'sso_tenant', 'sso_unavailable', 'sso_unknown_user', 'sso_no_token', 'sso_no_teams', 'sso_rate_limited']);

export function mountSsoRoutes(router: express.Router, deps: SsoRouteDeps): void {
  const { services, config, sso } = deps;
  const t = (lang: 'nl' | 'en', key: string, vars?: Record<string, string>) => services.catalog.t(lang, key, vars);
  const verify = sso && ssoVerifier(sso, services.clock, deps.keys);
  let library: string | undefined;

  router.get('/assets/teams.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('application/javascript').send((library ??= teamsLibrary()));
  });
  router.get('/assets/tab.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('application/javascript').send(TAB_SCRIPT);
  });

  // The tab: with a valid session it is the home page (the session routes); without one it signs
  // in through Teams when SSO is on. The channel tab's configure page always saves the tab.
  router.get('/tab', (req: Request, res: Response, next: NextFunction) => {
    const configure = req.query.context === 'configure';
    const session = readSession(config, readCookie(req.headers.cookie, COOKIE), services.clock.now().getTime());
    if (!configure && (session.ok || !verify)) return next();
    const lang = deps.langOf(req);
    res.set('Content-Security-Policy', tabCsp(deps.frames)).type('html').send(tabPage(lang, services.config.botName, configure ? 'configure' : 'sso', (k, v) => t(lang, k, v)));
  });

  router.get('/tab/signin', (req, res) => {
    const code = typeof req.query.code === 'string' && FAILURES.has(req.query.code) ? req.query.code : 'sso_invalid';
    deps.bare(res, code === 'sso_unknown_user' ? 404 : 401, deps.langOf(req), 'console_web.sso.title', `console_web.sso.${code}`);
  });

  router.post('/sso', express.json({ limit: '16kb' }), async (req, res, next) => {
    try {
      if (!verify) return void res.status(404).json({ code: 'sso_off' });
      // A sign-in is asked for by our own tab page only (a cross-site form or fetch is refused).
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') return void res.status(403).json({ code: 'sso_invalid' });
      if (!deps.signIns.allow(req.ip ?? 'unknown')) return void res.status(429).json({ code: 'sso_rate_limited' });
      const body = Body.safeParse(req.body);
      if (!body.success) return void res.status(400).json({ code: 'sso_invalid' });
      const check = await verify(body.data.token);
      if (!check.ok) {
        services.log.info({ code: check.code }, 'console Teams sign-in refused');
        return void res.status(check.code === 'sso_unavailable' ? 503 : 401).json({ code: check.code });
      }
      const userId = await findEntraUser(services.store, check.tenantId, check.oid);
      if (!userId) {
        services.log.info({ code: 'sso_unknown_user' }, 'console Teams sign-in for a user the bot has not met');
        return void res.status(404).json({ code: 'sso_unknown_user' });
      }
      const now = services.clock.now().getTime();
      const lang = body.data.lang ?? deps.langOf(req);
      const session: Session = { platform: 'teams', tenantId: check.tenantId, userId, name: check.name ?? '', lang, id: newId(), createdMs: now, activeMs: now };
      services.log.info({ platform: 'teams' }, 'console session opened (Teams SSO)');
      res.set('Set-Cookie', cookieHeader(config, sessionCookie(config, session), config.maxSessionSeconds)).json({ next: '/console' });
    } catch (err) {
      next(err);
    }
  });
}
