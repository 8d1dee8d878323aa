/** The action list with filters, the edit form (same rules as chat) and the CSV link. */
import { addDays, endOfWeek, localDate, type ConsoleActionView } from '../../core/index.ts';
import type { PageContext } from '../context.ts';
import { networkSlug } from '../context.ts';
import { html } from '../html.ts';
import { networkTabs, page } from '../layout.ts';
import { dayText, hiddenCsrf, notice } from './common.ts';

export const STATUSES = ['open', 'in_progress', 'stuck', 'done', 'dropped'] as const;
export const STATUS_FILTERS = ['unfinished', 'all', ...STATUSES] as const;
export const DUE_FILTERS = ['all', 'overdue', 'this_week', 'none'] as const;
const MAX_ROWS = 500;

export interface ActionFilter {
  status: (typeof STATUS_FILTERS)[number];
  owner: string;
  due: (typeof DUE_FILTERS)[number];
}

export function readFilter(query: Record<string, unknown>): ActionFilter {
  const pick = <T extends readonly string[]>(list: T, value: unknown, fallback: T[number]): T[number] => (typeof value === 'string' && (list as readonly string[]).includes(value) ? value : fallback);
  const owner = typeof query.owner === 'string' ? query.owner.slice(0, 100) : '';
  return { status: pick(STATUS_FILTERS, query.status, 'unfinished'), owner, due: pick(DUE_FILTERS, query.due, 'all') };
}

export function applyFilter(list: ConsoleActionView[], f: ActionFilter, today: string): ConsoleActionView[] {
  const weekEnd = endOfWeek(today);
  return list.filter((a) => {
    if (f.status === 'unfinished' ? !['open', 'in_progress', 'stuck'].includes(a.status) : f.status !== 'all' && a.status !== f.status) return false;
    if (f.owner && a.ownerName !== f.owner) return false;
    if (f.due === 'overdue' && !(a.due && a.due < today && !['done', 'dropped'].includes(a.status))) return false;
    if (f.due === 'this_week' && !(a.due && a.due >= today && a.due <= weekEnd)) return false;
    if (f.due === 'none' && a.due) return false;
    return true;
  });
}

export function canEdit(ctx: PageContext, a: ConsoleActionView): boolean {
  return ctx.network!.role === 'facilitator' || a.ownerId === ctx.session.userId;
}

export async function actionsPage(ctx: PageContext, query: Record<string, unknown>, message?: { text: string; kind: 'ok' | 'error' }): Promise<string> {
  const { t, services } = ctx;
  const n = ctx.network!;
  const port = services.ports.consoleActions;
  if (!port) return page(ctx, n.name, html`${networkTabs(ctx, 'actions')}<p>${t('console_web.unavailable')}</p>`);
  const all = await port.list(n.id);
  const filter = readFilter(query);
  const today = localDate(services.clock.now(), n.timeZone);
  const shown = applyFilter(all, filter, today);
  const owners = [...new Set(all.map((a) => a.ownerName))].sort((a, b) => a.localeCompare(b));
  const base = `/console/n/${networkSlug(n.id)}`;
  const body = html`${networkTabs(ctx, 'actions')}
${notice(message?.text, message?.kind)}
<form method="get" class="filters" aria-label="${t('console_web.actions.filters')}">
  <label for="f-status">${t('console_web.actions.status')}</label>
  <select id="f-status" name="status">${STATUS_FILTERS.map((s) => html`<option value="${s}" ${s === filter.status ? html`selected` : ''}>${t(`console_web.filter.${s}`)}</option>`)}</select>
  <label for="f-owner">${t('console_web.actions.owner')}</label>
  <select id="f-owner" name="owner"><option value="">${t('console_web.filter.everyone')}</option>${owners.map((o) => html`<option value="${o}" ${o === filter.owner ? html`selected` : ''}>${o}</option>`)}</select>
  <label for="f-due">${t('console_web.actions.due')}</label>
  <select id="f-due" name="due">${DUE_FILTERS.map((d) => html`<option value="${d}" ${d === filter.due ? html`selected` : ''}>${t(`console_web.due.${d}`)}</option>`)}</select>
  <button type="submit">${t('console_web.actions.apply')}</button>
</form>
<p class="count" role="status">${t('console_web.actions.count', { shown: shown.length, total: all.length })}${n.role === 'facilitator' ? html` · <a href="${base}/actions.csv" download>${t('console_web.actions.csv')}</a>` : ''}</p>
<div class="scroll"><table class="actions">
<caption class="sr-only">${t('console_web.tab.actions')}</caption>
<thead><tr><th scope="col">#</th><th scope="col">${t('console_web.actions.title')}</th><th scope="col">${t('console_web.actions.owner')}</th><th scope="col">${t('console_web.actions.status')}</th><th scope="col">${t('console_web.actions.due')}</th><th scope="col">${t('console_web.actions.note')}</th><th scope="col"><span class="sr-only">${t('console_web.actions.edit')}</span></th></tr></thead>
<tbody>${shown.slice(0, MAX_ROWS).map((a) => html`<tr data-number="${a.number}" data-status="${a.status}">
<td>${a.number}</td><td>${a.title}</td><td>${a.ownerName}</td><td><span class="status ${a.status}">${t(`actions.status.${a.status}`)}</span></td>
<td>${a.due ? html`<time datetime="${a.due}">${dayText(a.due, ctx.lang)}</time>${a.due < today && !['done', 'dropped'].includes(a.status) ? html` <span class="overdue">${t('console_web.due.overdue')}</span>` : ''}` : '–'}</td>
<td>${a.lastNote ?? ''}</td>
<td>${canEdit(ctx, a) ? html`<a href="${base}/actions/${a.number}" aria-label="${t('console_web.actions.edit_n', { number: a.number })}">${t('console_web.actions.edit')}</a>` : ''}</td></tr>`)}</tbody>
</table></div>
${shown.length > MAX_ROWS ? html`<p class="hint">${t('console_web.actions.more', { count: MAX_ROWS })}</p>` : ''}`;
  return page(ctx, `${n.name} · ${t('console_web.tab.actions')}`, body);
}

export function editPage(ctx: PageContext, a: ConsoleActionView, message?: { text: string; kind: 'ok' | 'error' }): string {
  const { t } = ctx;
  const n = ctx.network!;
  const facilitator = n.role === 'facilitator';
  const today = localDate(ctx.services.clock.now(), n.timeZone);
  const body = html`${networkTabs(ctx, 'actions')}
<h2>#${a.number} ${a.title}</h2>
${notice(message?.text, message?.kind)}
<form method="post" class="stack">
${hiddenCsrf(ctx)}
<label for="status">${t('console_web.actions.status')}</label>
<select id="status" name="status">${STATUSES.map((s) => html`<option value="${s}" ${s === a.status ? html`selected` : ''}>${t(`actions.status.${s}`)}</option>`)}</select>
<label for="owner">${t('console_web.actions.owner')}</label>
<input id="owner" name="owner" value="${a.ownerName}" maxlength="100" ${facilitator ? '' : html`readonly aria-describedby="owner-hint"`}>
${facilitator ? '' : html`<small id="owner-hint">${t('console_web.actions.owner_facilitator')}</small>`}
<label for="due">${t('console_web.actions.due')}</label>
<input id="due" name="due" type="date" value="${a.due ?? ''}" min="${addDays(today, -365)}">
<label for="note">${t('console_web.actions.note_add')}</label>
<textarea id="note" name="note" rows="3" maxlength="2000"></textarea>
<button type="submit">${t('console_web.save')}</button>
</form>
<p><a href="/console/n/${networkSlug(n.id)}/actions">${t('console_web.actions.back')}</a></p>`;
  return page(ctx, `#${a.number} · ${n.name}`, body);
}
