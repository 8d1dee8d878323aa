/** The page shell: header, navigation, language switch and sign-out, all without scripts. */
import type { PageContext } from './context.ts';
import { networkSlug } from './context.ts';
import { html, type Html } from './html.ts';

export type Tab = 'overview' | 'actions' | 'settings' | 'deliberations';

export function page(ctx: PageContext, title: string, body: Html, options: { active?: 'home' | 'knowledge' } = {}): string {
  const { t } = ctx;
  return `<!doctype html>${html`<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${ctx.services.config.botName}</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<a class="skip" href="#main">${t('console_web.skip')}</a>
<header class="top">
  <a class="brand" href="/console">${ctx.services.config.botName} · ${t('console_web.title')}</a>
  <nav aria-label="${t('console_web.nav.main')}">
    <a href="/console" ${options.active === 'home' ? html`aria-current="page"` : ''}>${t('console_web.nav.networks')}</a>
    ${ctx.curator ? html`<a href="/console/knowledge" ${options.active === 'knowledge' ? html`aria-current="page"` : ''}>${t('console_web.nav.knowledge')}</a>` : ''}
  </nav>
  <div class="who">
    <span>${ctx.session.name}</span>
    <form method="post" action="/console/lang" class="inline">
      <input type="hidden" name="_csrf" value="${ctx.csrf}">
      <input type="hidden" name="lang" value="${ctx.lang === 'nl' ? 'en' : 'nl'}">
      <button type="submit" lang="${ctx.lang === 'nl' ? 'en' : 'nl'}">${ctx.lang === 'nl' ? 'English' : 'Nederlands'}</button>
    </form>
    <form method="post" action="/console/logout" class="inline">
      <input type="hidden" name="_csrf" value="${ctx.csrf}">
      <button type="submit">${t('console_web.logout')}</button>
    </form>
  </div>
</header>
<main id="main">
${body}
</main>
<footer class="foot">${t('console_web.footer')}</footer>
</body>
</html>`.value}`;
}

/** The tabs of one network's pages. */
export function networkTabs(ctx: PageContext, active: Tab): Html {
  const n = ctx.network!;
  const base = `/console/n/${networkSlug(n.id)}`;
  const tabs: [Tab, string, string][] = [
    ['overview', base, ctx.t('console_web.tab.overview')],
    ['actions', `${base}/actions`, ctx.t('console_web.tab.actions')],
    ['settings', `${base}/settings`, ctx.t('console_web.tab.settings')],
    ['deliberations', `${base}/deliberations`, ctx.t('console_web.tab.deliberations')],
  ];
  return html`<h1>${n.name}</h1>
<p class="role">${ctx.t(`console_web.role.${n.role}`)}${n.status !== 'active' ? html` · ${ctx.t(`console_web.status.${n.status}`)}` : ''}</p>
<nav class="tabs" aria-label="${ctx.t('console_web.nav.network')}">${tabs.map(([id, href, label]) => html`<a href="${href}" ${id === active ? html`aria-current="page"` : ''}>${label}</a>`)}</nav>`;
}

/** A page without a session (sign-in explanation, refusals): no navigation, no names. */
export function barePage(lang: 'nl' | 'en', botName: string, title: string, body: Html): string {
  return `<!doctype html>${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${botName}</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<header class="top"><span class="brand">${botName}</span></header>
<main id="main" class="narrow">
${body}
</main>
</body>
</html>`.value}`;
}
