/** The network's deliberations (the deliberate feature's reports port): list, read, download. */
import type { PageContext } from '../context.ts';
import { networkSlug } from '../context.ts';
import { html } from '../html.ts';
import { networkTabs, page } from '../layout.ts';
import { when } from './common.ts';

export async function deliberationsPage(ctx: PageContext): Promise<string> {
  const { t, services } = ctx;
  const n = ctx.network!;
  const port = services.ports.deliberationReports;
  if (!port) return page(ctx, n.name, html`${networkTabs(ctx, 'deliberations')}<p>${t('console_web.deliberations.unavailable')}</p>`);
  const list = await port.list(n.id);
  const base = `/console/n/${networkSlug(n.id)}/deliberations`;
  const body = html`${networkTabs(ctx, 'deliberations')}
${list.length
    ? html`<div class="scroll"><table class="deliberations">
<caption class="sr-only">${t('console_web.tab.deliberations')}</caption>
<thead><tr><th scope="col">#</th><th scope="col">${t('console_web.deliberations.method')}</th><th scope="col">${t('console_web.deliberations.date')}</th><th scope="col">${t('console_web.deliberations.participants')}</th><th scope="col">${t('console_web.deliberations.actions')}</th><th scope="col">${t('console_web.deliberations.report')}</th></tr></thead>
<tbody>${list.map((d) => {
        const id = encodeURIComponent(d.id);
        return html`<tr><td>${d.number}</td><td>${d.method}</td><td>${when(ctx, d.startedAt, n.timeZone)}</td><td>${d.participants}</td><td>${d.actions}</td>
<td><a href="${base}/${id}.html" aria-label="${t('console_web.deliberations.read_n', { number: d.number })}">${t('console_web.deliberations.read')}</a> · <a href="${base}/${id}.md" download aria-label="${t('console_web.deliberations.download_n', { number: d.number })}">${t('console_web.deliberations.download')}</a></td></tr>`;
      })}</tbody></table></div>`
    : html`<p>${t('console_web.deliberations.none')}</p>`}`;
  return page(ctx, `${n.name} · ${t('console_web.tab.deliberations')}`, body);
}
