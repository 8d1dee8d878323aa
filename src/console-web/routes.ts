/**
 * The console's HTTP routes under /console. Every page but the sign-in ones needs a valid session
 * (missing, forged or expired: 401 with how to sign in); a network page checks the network
 * belongs to the session's tenant and user (else 404, naming nothing); every POST checks the CSRF
 * token (else 403). Security headers on every response; no inline scripts anywhere.
 */
import { readFileSync } from 'node:fs';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { tenantKey, type Services } from '../core/index.ts';
import { redact } from '../privacy/index.ts';
import { isCurator, networkFor, networksOf, tenantOf } from './access.ts';
import { COOKIE, LINK_SCOPE, checkCsrf, cookieHeader, csrfToken, linkUsed, newId, readCookie, readLink, readSession, sessionCookie, type Session } from './auth.ts';
import type { ConsoleWebConfig } from './config.ts';
import { networkFromSlug, networkSlug, type PageContext } from './context.ts';
import { html } from './html.ts';
import { barePage } from './layout.ts';
import { actionsPage, editPage } from './pages/actions.ts';
import { deliberationsPage } from './pages/deliberations.ts';
import { homePage } from './pages/home.ts';
import { knowledgePage } from './pages/knowledge.ts';
import { nudgePage, overviewPage, settingsPage } from './pages/network.ts';
import { RateLimiter } from './rate-limit.ts';
import { consoleRecords, signedOutKey } from './records.ts';
import { mountSsoRoutes } from './sso-routes.ts';
import type { SsoSettings } from './sso.ts';
import type { JWTVerifyGetKey } from 'jose';

const CSS = readFileSync(new URL('./assets/console.css', import.meta.url), 'utf8');
const TEAMS_FRAMES = 'https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://outlook.office.com';

type Locals = { ctx: PageContext };

/** `sso` and `keys` are for tests (a local key set); the server uses the configuration's. */
export function consoleRouter(services: Services, config: ConsoleWebConfig, options: { sso?: SsoSettings; keys?: JWTVerifyGetKey } = {}): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '20kb', parameterLimit: 20 });
  const signIns = new RateLimiter(30, 10 * 60_000, () => services.clock.now().getTime());
  const t = (lang: 'nl' | 'en', key: string, vars?: Record<string, string | number>) => services.catalog.t(lang, key, vars);
  const langOf = (req: Request): 'nl' | 'en' => (req.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl');
  const bare = (res: Response, status: number, lang: 'nl' | 'en', titleKey: string, textKey: string, vars?: Record<string, string | number>) =>
    res.status(status).type('html').send(barePage(lang, services.config.botName, t(lang, titleKey), html`<h1>${t(lang, titleKey)}</h1><p>${t(lang, textKey, { bot: services.config.botName, ...vars })}</p>`));

  const frames = config.teamsTab ? `'self' ${TEAMS_FRAMES}` : "'none'";
  router.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors ${frames}`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    });
    if (!config.teamsTab) res.set('X-Frame-Options', 'DENY');
    next();
  });

  router.get('/assets/console.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('css').send(CSS);
  });

  // The link only shows a button: link previews and mail scanners open links, and must not use them up.
  // It does look (without claiming) whether the link was used, so a used link says so at once.
  router.get('/login', async (req, res) => {
    const lang = langOf(req);
    const link = readLink(config, req.query.token, services.clock.now().getTime());
    if (!link.ok) return bare(res, 400, lang, 'console_web.login.title', `console_web.login.${link.code}`);
    const l = link.who.lang;
    if (await linkUsed(services.store, link.id)) return bare(res, 400, l, 'console_web.login.title', 'console_web.login.link_used');
    res.type('html').send(
      barePage(l, services.config.botName, t(l, 'console_web.login.title'), html`<h1>${t(l, 'console_web.login.title')}</h1>
<p>${t(l, 'console_web.login.confirm', { name: link.who.name })}</p>
<form method="post" action="/console/login"><input type="hidden" name="token" value="${String(req.query.token)}"><button type="submit">${t(l, 'console_web.login.button')}</button></form>`),
    );
  });

  router.post('/login', form, async (req, res) => {
    const lang = langOf(req);
    if (!signIns.allow(req.ip ?? 'unknown')) return bare(res, 429, lang, 'console_web.login.title', 'console_web.login.rate_limited');
    const now = services.clock.now().getTime();
    const link = readLink(config, req.body?.token, now);
    if (!link.ok) return bare(res, 400, lang, 'console_web.login.title', `console_web.login.${link.code}`);
    // Single use across every instance: the link's id is claimed once in the store.
    const first = await services.store.claimOnce(LINK_SCOPE, link.id, config.linkSeconds + 300);
    if (!first) return bare(res, 400, link.who.lang, 'console_web.login.title', 'console_web.login.link_used');
    const session: Session = { ...link.who, id: newId(), createdMs: now, activeMs: now };
    services.log.info({ platform: session.platform }, 'console session opened');
    res.set('Set-Cookie', cookieHeader(config, sessionCookie(config, session), config.maxSessionSeconds)).redirect(303, '/console');
  });

  // The Teams tab: SSO with Teams credentials, the configure page, their scripts (sso-routes.ts).
  mountSsoRoutes(router, { services, config, sso: options.sso ?? config.sso, keys: options.keys, frames, signIns, langOf, bare });

  // Everything below needs a session.
  router.use(async (req, res, next) => {
    try {
      await sessionStep(req, res, next);
    } catch (err) {
      next(err);
    }
  });
  async function sessionStep(req: Request, res: Response, next: NextFunction) {
    const now = services.clock.now().getTime();
    const check = readSession(config, readCookie(req.headers.cookie, COOKIE), now);
    if (!check.ok) {
      services.log.info({ code: check.code }, 'console request without a valid session');
      return bare(res, 401, langOf(req), 'console_web.signin.title', `console_web.signin.${check.code}`);
    }
    const session = check.session;
    if (await consoleRecords(services).get(tenantOf(session), signedOutKey(session.id))) {
      return bare(res, 401, session.lang, 'console_web.signin.title', 'console_web.signin.session_expired');
    }
    if (now - session.activeMs > 60_000) res.append('Set-Cookie', cookieHeader(config, sessionCookie(config, { ...session, activeMs: now }), config.maxSessionSeconds));
    if (req.method === 'POST') {
      form(req, res, (err?: unknown) => {
        if (err) return next(err);
        if (!checkCsrf(config, session, req.body?._csrf)) return bare(res, 403, session.lang, 'console_web.csrf.title', 'console_web.csrf.text');
        void attach().catch(next);
      });
    } else void attach().catch(next);
    async function attach() {
      const ctx: PageContext = {
        services,
        config,
        session,
        lang: session.lang,
        t: (key, vars) => services.catalog.t(session.lang, key, vars),
        csrf: csrfToken(config, session),
        curator: await isCurator(services, config, session),
      };
      (res.locals as Locals).ctx = ctx;
      next();
    }
  }

  const ctxOf = (res: Response) => (res.locals as Locals).ctx;
  const wrap = (handler: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => void handler(req, res).catch(next);
  const notYours = (res: Response) => bare(res, 404, ctxOf(res).lang, 'console_web.not_found.title', 'console_web.not_found.text');

  router.get(['/', '/tab'], wrap(async (_req, res) => {
    const ctx = ctxOf(res);
    res.type('html').send(homePage(ctx, await networksOf(services, ctx.session)));
  }));

  router.post('/logout', wrap(async (_req, res) => {
    const { session } = ctxOf(res);
    // Signed out for good: the cookie is cleared, and a copy of it is refused until it would expire.
    await consoleRecords(services).put(tenantOf(session), signedOutKey(session.id), { type: 'signed_out', at: services.clock.now().toISOString() }, { ttlSeconds: config.maxSessionSeconds });
    res.set('Set-Cookie', cookieHeader(config, '', 0));
    bare(res, 200, ctxOf(res).lang, 'console_web.logout_done.title', 'console_web.logout_done.text');
  }));

  router.post('/lang', (req, res) => {
    const ctx = ctxOf(res);
    const lang = req.body?.lang === 'en' ? 'en' : 'nl';
    res.set('Set-Cookie', cookieHeader(config, sessionCookie(config, { ...ctx.session, lang }), config.maxSessionSeconds)).redirect(303, '/console');
  });

  router.get('/knowledge', wrap(async (_req, res) => {
    const ctx = ctxOf(res);
    if (!ctx.curator) return bare(res, 403, ctx.lang, 'console_web.curators_only.title', 'console_web.curators_only.text');
    res.type('html').send(await knowledgePage(ctx));
  }));

  // Draft cards (the peers feature): exported as a card file to complete, or rejected. Curators only.
  router.get('/knowledge/drafts/:file', wrap(async (req, res) => {
    const ctx = ctxOf(res);
    const m = /^(\d{1,9})\.md$/.exec(String(req.params.file));
    const file = ctx.curator && m ? await services.ports.consolePeers?.draftFile(tenantOf(ctx.session), Number(m[1])) : undefined;
    if (!file) return notYours(res);
    res.type('text/markdown; charset=utf-8').attachment(`concept-${m![1]}.md`).send(file);
  }));
  router.post('/knowledge/drafts/:file', wrap(async (req, res) => {
    const ctx = ctxOf(res);
    const m = /^(\d{1,9})\.md$/.exec(String(req.params.file));
    const edit = DraftEditSchema.safeParse(req.body ?? {});
    if (!edit.success) return bare(res, 400, ctx.lang, 'console_web.not_found.title', 'console_web.form_invalid');
    const file = ctx.curator && m ? await services.ports.consolePeers?.draftFile(tenantOf(ctx.session), Number(m[1]), edit.data) : undefined;
    if (!file) return notYours(res);
    res.type('text/markdown; charset=utf-8').attachment(`concept-${m![1]}.md`).send(file);
  }));
  router.post('/knowledge/drafts/:n/reject', wrap(async (req, res) => {
    const ctx = ctxOf(res);
    const n = Number(req.params.n);
    const done = ctx.curator && Number.isInteger(n) ? await services.ports.consolePeers?.rejectDraft(tenantOf(ctx.session), n) : false;
    if (!done) return notYours(res);
    services.log.info({ draft: n }, 'draft card rejected in the console');
    res.redirect(303, '/console/knowledge#drafts');
  }));

  // The network pages: the id in the URL is checked against the session before anything is read.
  router.use('/n/:slug', (req, res, next) => void (async () => {
    const ctx = ctxOf(res);
    const id = networkFromSlug(String(req.params.slug));
    const network = id ? await networkFor(services, ctx.session, id) : undefined;
    if (!network) {
      services.log.warn({ code: 'tenant_foreign_network' }, 'console network refused');
      return notYours(res);
    }
    ctx.network = network;
    if (req.method === 'POST') req.body = await redactForm(services, ctx, req.body);
    next();
  })().catch(next));

  const networkRoutes = express.Router({ mergeParams: true });
  networkRoutes.get('/', wrap(async (_req, res) => void res.type('html').send(await overviewPage(ctxOf(res)))));
  networkRoutes.get('/actions', wrap(async (req, res) => void res.type('html').send(await actionsPage(ctxOf(res), req.query as Record<string, unknown>))));
  networkRoutes.get('/actions.csv', wrap(async (_req, res) => {
    const ctx = ctxOf(res);
    if (ctx.network!.role !== 'facilitator' || !services.ports.consoleActions) return notYours(res);
    const csv = await services.ports.consoleActions.csv(ctx.network!.id);
    res.type('text/csv; charset=utf-8').attachment(`${fileName(ctx.network!.name)}-acties.csv`).send(csv);
  }));
  networkRoutes.get('/actions/:number', wrap(async (req, res) => {
    const ctx = ctxOf(res);
    const a = await findAction(ctx, req.params.number);
    if (!a) return notYours(res);
    res.type('html').send(editPage(ctx, a));
  }));
  networkRoutes.post('/actions/:number', wrap(async (req, res) => {
    const ctx = ctxOf(res);
    const a = await findAction(ctx, req.params.number);
    const parsed = ChangeSchema.safeParse(req.body ?? {});
    if (!a || !services.ports.consoleActions) return notYours(res);
    if (!parsed.success) return void res.status(400).type('html').send(editPage(ctx, a, { text: ctx.t('console_web.form_invalid'), kind: 'error' }));
    const by = { id: ctx.session.userId, name: ctx.session.name };
    const result = await services.ports.consoleActions.change(ctx.network!.id, a.number, { ...parsed.data, status: parsed.data.status || undefined }, by);
    if (!result.ok) return void res.status(422).type('html').send(editPage(ctx, a, { text: ctx.t(result.key, { bot: services.config.botName, ...result.vars }), kind: 'error' }));
    await tellChannel(services, ctx, a.number);
    res.redirect(303, `/console/n/${networkSlug(ctx.network!.id)}/actions?saved=${a.number}`);
  }));
  networkRoutes.get('/settings', wrap(async (_req, res) => void res.type('html').send(await settingsPage(ctxOf(res)))));
  networkRoutes.post('/settings', wrap(async (req, res) => {
    const ctx = ctxOf(res);
    const parsed = SettingsSchema.safeParse(req.body ?? {});
    if (!parsed.success || !services.ports.consoleNetworks) return void res.status(400).type('html').send(await settingsPage(ctx, { text: ctx.t('console_web.form_invalid'), kind: 'error' }));
    const by = { id: ctx.session.userId, name: ctx.session.name };
    const result = await services.ports.consoleNetworks.change(ctx.network!.id, { ...parsed.data, resume: parsed.data.resume === '1', clearSkips: parsed.data.clearSkips === '1' }, by);
    // The chat's refusal names chat commands and pickers "below"; the form has its own words where the catalogue has them.
    const webKey = (key: string) => (services.catalog.has(`console_web.${key}`) ? `console_web.${key}` : key);
    if (!result.ok) return void res.status(422).type('html').send(await settingsPage(ctx, { text: ctx.t(webKey(result.key), { bot: services.config.botName, ...result.vars }), kind: 'error' }));
    res.status(200).type('html').send(await settingsPage(ctx, { text: ctx.t('console_web.saved'), kind: 'ok' }));
  }));
  networkRoutes.get('/nudge', wrap(async (_req, res) => {
    const ctx = ctxOf(res);
    if (ctx.network!.role !== 'facilitator') return notYours(res);
    res.type('html').send(await nudgePage(ctx));
  }));
  networkRoutes.get('/deliberations', wrap(async (_req, res) => void res.type('html').send(await deliberationsPage(ctxOf(res)))));
  networkRoutes.get('/deliberations/:file', wrap(async (req, res) => {
    const ctx = ctxOf(res);
    const m = /^(.{1,300})\.(md|html)$/.exec(String(req.params.file));
    const port = services.ports.deliberationReports;
    const report = m && port ? await port.report(ctx.network!.id, m[1], m[2] as 'md' | 'html') : undefined;
    if (!m || report === undefined) return notYours(res);
    if (m[2] === 'md') return void res.type('text/markdown; charset=utf-8').attachment(`${fileName(ctx.network!.name)}-beraad-${fileName(m[1])}.md`).send(report);
    // The report is a self-contained page with its own styles: shown sandboxed, no scripts.
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'").type('html').send(report);
  }));

  router.use('/n/:slug', networkRoutes);

  // A request that could not be read (too large, malformed) or failed: a page in words, never a stack trace.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = Number((err as { status?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode);
    const known = Number.isInteger(status) && status >= 400 && status < 500;
    services.log.warn({ status: known ? status : 500, code: (err as { type?: string }).type ?? 'console_error' }, 'console request failed');
    const lang = (res.locals as Partial<Locals>).ctx?.lang ?? langOf(req);
    bare(res, known ? status : 500, lang, 'console_web.error.title', status === 413 ? 'console_web.error.too_large' : known ? 'console_web.form_invalid' : 'console_web.error.internal');
  });
  return router;
}

const ChangeSchema = z.object({
  _csrf: z.string(),
  status: z.enum(['', 'open', 'in_progress', 'stuck', 'done', 'dropped']).optional(),
  owner: z.string().max(100).optional(),
  due: z.string().max(40).optional(),
  note: z.string().max(2000).optional(),
});

const DraftEditSchema = z.object({ _csrf: z.string(), question: z.string().max(500).optional(), answer: z.string().max(4000).optional() });

const SettingsSchema = z.object({
  _csrf: z.string(),
  schedule: z.string().max(100).optional(),
  timeZone: z.string().max(64).optional(),
  language: z.enum(['nl', 'en']).optional(),
  pauseUntil: z.string().max(40).optional(),
  resume: z.literal('1').optional(),
  skipFrom: z.string().max(40).optional(),
  skipTo: z.string().max(40).optional(),
  clearSkips: z.literal('1').optional(),
});

/**
 * A form's free text comes from a browser, not through `Bot.handle`: the same redaction pass as a
 * chat message's card inputs runs here, before any feature stores, logs or echoes a field (an
 * unreadable date is shown again in the error). As in chat, the names of colleagues stay: the
 * person signed in and the network's members (an owner is picked by name).
 */
async function redactForm(services: Services, ctx: PageContext, body: unknown): Promise<unknown> {
  if (!body || typeof body !== 'object') return body;
  const members = await services.store.members.list({ pk: ctx.network!.id });
  const keepNames = [ctx.session.name, ...members.map((m) => m.data.name)].filter(Boolean);
  const now = services.clock.now();
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, k !== '_csrf' && typeof v === 'string' ? redact(v, now, { keepNames }).text : v]));
}

async function findAction(ctx: PageContext, raw: unknown) {
  const number = Number(raw);
  if (!Number.isInteger(number) || number < 1) return undefined;
  const list = (await ctx.services.ports.consoleActions?.list(ctx.network!.id)) ?? [];
  const a = list.find((x) => x.number === number);
  return a && (ctx.network!.role === 'facilitator' || a.ownerId === ctx.session.userId) ? a : undefined;
}

/** The change is told in the network's channel, so chat and console show the same. */
async function tellChannel(services: Services, ctx: PageContext, number: number): Promise<void> {
  const n = ctx.network!;
  const a = (await services.ports.consoleActions?.list(n.id))?.find((x) => x.number === number);
  const [platform, tenantId] = [ctx.session.platform, ctx.session.tenantId];
  const channelId = n.id.slice(`${tenantKey(ctx.session)}:`.length);
  const ref = await services.messenger.conversation(platform, tenantId, channelId);
  if (!ref || !a) return;
  const text = services.catalog.t(n.language, 'console_web.chat.changed', {
    name: ctx.session.name,
    number,
    title: a.title,
    status: services.catalog.t(n.language, `actions.status.${a.status}`),
    owner: a.ownerName,
  });
  const sent = await services.messenger.post(ref, { text }).catch((err: Error) => ({ ok: false, error: err.message }));
  if (!sent.ok) services.log.warn({ network: n.id, error: sent.error }, 'telling the channel about a console change failed');
}

function fileName(text: string): string {
  return text.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'wegwijs';
}
