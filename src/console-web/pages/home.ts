/** The start page: the user's networks in this tenant, with their role. */
import type { NetworkAccess } from '../access.ts';
import type { PageContext } from '../context.ts';
import { networkSlug } from '../context.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

export function homePage(ctx: PageContext, networks: NetworkAccess[]): string {
  const { t } = ctx;
  const body = html`<h1>${t('console_web.home.title')}</h1>
${networks.length
    ? html`<ul class="cards">${networks.map((n) => html`<li><a href="/console/n/${networkSlug(n.id)}">${n.name}</a> <span class="role">${t(`console_web.role.${n.role}`)}${n.status !== 'active' ? html` · ${t(`console_web.status.${n.status}`)}` : ''}</span></li>`)}</ul>`
    : html`<p>${t('console_web.home.none', { bot: ctx.services.config.botName })}</p>`}
${ctx.curator ? html`<p><a href="/console/knowledge">${t('console_web.home.knowledge')}</a></p>` : ''}
<p class="hint">${t('console_web.home.roles')}</p>`;
  return page(ctx, t('console_web.home.title'), body, { active: 'home' });
}
