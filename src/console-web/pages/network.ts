/** A network's overview (the progress chart) and its settings with the next nudge previewed. */
import type { ConsoleNetworkSettings } from '../../core/index.ts';
import { barChart } from '../chart.ts';
import type { PageContext } from '../context.ts';
import { networkSlug } from '../context.ts';
import { html } from '../html.ts';
import { networkTabs, page } from '../layout.ts';
import { dataTable, dayText, hiddenCsrf, notice, weekLabel, when } from './common.ts';

export const WEEKS = 12;

export async function overviewPage(ctx: PageContext): Promise<string> {
  const { t, services } = ctx;
  const n = ctx.network!;
  const port = services.ports.consoleActions;
  if (!port) return page(ctx, n.name, html`${networkTabs(ctx, 'overview')}<p>${t('console_web.unavailable')}</p>`);
  const { weeks, streak } = await port.progress(n.id, services.clock.now(), WEEKS);
  const labels = weeks.map((w) => weekLabel(w.week, ctx.lang));
  const last = weeks[weeks.length - 1];
  const wins = barChart({
    id: 'chart-wins',
    title: t('console_web.chart.wins_title', { weeks: WEEKS }),
    desc: t('console_web.chart.wins_desc', { total: weeks.reduce((s, w) => s + w.wins, 0), weeks: WEEKS }),
    labels,
    bars: [{ label: t('console_web.chart.wins'), values: weeks.map((w) => w.wins), cls: 'wins' }],
    line: { label: t('console_web.chart.movers'), values: weeks.map((w) => w.movers), cls: 'movers' },
  });
  const open = barChart({
    id: 'chart-open',
    title: t('console_web.chart.open_title'),
    desc: t('console_web.chart.open_desc', { open: last?.open ?? 0, stuck: last?.stuck ?? 0 }),
    labels,
    bars: [
      { label: t('console_web.chart.open'), values: weeks.map((w) => w.open), cls: 'open' },
      { label: t('console_web.chart.stuck'), values: weeks.map((w) => w.stuck), cls: 'stuck' },
    ],
  });
  const body = html`${networkTabs(ctx, 'overview')}
<section class="figures" aria-label="${t('console_web.overview.figures')}">
  <p><strong>${last?.wins ?? 0}</strong> ${t('console_web.overview.wins_week')}</p>
  <p><strong>${streak}</strong> ${t('console_web.overview.streak')}</p>
  <p><strong>${last?.open ?? 0}</strong> ${t('console_web.overview.open_now')}</p>
  <p><strong>${last?.stuck ?? 0}</strong> ${t('console_web.overview.stuck_now')}</p>
  <p><strong>${last?.movers ?? 0}</strong> ${t('console_web.overview.movers_week')}</p>
</section>
<section><h2>${t('console_web.chart.wins_title', { weeks: WEEKS })}</h2>
<p class="legend"><span class="key wins"></span>${t('console_web.chart.wins')} <span class="key movers"></span>${t('console_web.chart.movers')}</p>
${wins}
${dataTable(t('console_web.chart.table'), [t('console_web.chart.week'), t('console_web.chart.wins'), t('console_web.chart.movers')], weeks.map((w, i) => [labels[i], w.wins, w.movers]))}
</section>
<section><h2>${t('console_web.chart.open_title')}</h2>
<p class="legend"><span class="key open"></span>${t('console_web.chart.open')} <span class="key stuck"></span>${t('console_web.chart.stuck')}</p>
${open}
${dataTable(t('console_web.chart.table'), [t('console_web.chart.week'), t('console_web.chart.open'), t('console_web.chart.stuck')], weeks.map((w, i) => [labels[i], w.open, w.stuck]))}
</section>
<p class="hint">${t('console_web.overview.no_ranking')}</p>`;
  return page(ctx, n.name, body);
}

export async function settingsPage(ctx: PageContext, message?: { text: string; kind: 'ok' | 'error' }): Promise<string> {
  const { t, services } = ctx;
  const n = ctx.network!;
  const settings = await services.ports.consoleNetworks?.settings(n.id, ctx.lang);
  if (!settings) return page(ctx, n.name, html`${networkTabs(ctx, 'settings')}<p>${t('console_web.unavailable')}</p>`);
  const facilitator = n.role === 'facilitator';
  const knowers = await services.ports.consolePeers?.knowers(n.id);
  const body = html`${networkTabs(ctx, 'settings')}
${notice(message?.text, message?.kind)}
<section><h2>${t('console_web.settings.title')}</h2>
<dl class="settings">
  <dt>${t('console_web.settings.schedule')}</dt><dd>${settings.scheduleText} (${settings.timeZone})</dd>
  <dt>${t('console_web.settings.status')}</dt><dd>${statusText(ctx, settings)}</dd>
  <dt>${t('console_web.settings.language')}</dt><dd>${t(`console_web.language.${settings.language}`)}</dd>
  <dt>${t('console_web.settings.next')}</dt><dd>${settings.nextNudge ? when(ctx, settings.nextNudge, settings.timeZone) : '–'}</dd>
  <dt>${t('console_web.settings.skip_weeks')}</dt><dd>${settings.skipWeeks.length ? settings.skipWeeks.map((p, i) => html`${i ? ', ' : ''}${dayText(p.from, ctx.lang)} – ${dayText(p.to, ctx.lang)}`) : t('console_web.settings.no_skips')}</dd>
  <dt>${t('console_web.settings.knowers')}</dt><dd>${knowers === undefined ? t('console_web.settings.not_yet') : knowers.length ? knowers.map((k, i) => html`${i ? '; ' : ''}${k.name}${k.tags.length ? ` (${k.tags.join(', ')})` : ''}`) : t('console_web.settings.no_knowers', { bot: services.config.botName })}</dd>
</dl></section>
${facilitator ? settingsForm(ctx, settings) : html`<p class="hint">${t('console_web.settings.members_read')}</p>`}
${facilitator ? html`<p><a href="/console/n/${networkSlug(n.id)}/nudge">${t('console_web.settings.preview')}</a></p>` : ''}`;
  return page(ctx, `${n.name} · ${t('console_web.tab.settings')}`, body);
}

/** The next nudge exactly as it would be posted now (facilitators, as `nudge voorbeeld` in chat). */
export async function nudgePage(ctx: PageContext): Promise<string> {
  const { t, services } = ctx;
  const n = ctx.network!;
  const preview = await services.ports.consoleActions?.nudgePreview(n.id, services.clock.now());
  const body = html`${networkTabs(ctx, 'settings')}
<section><h2>${t('console_web.settings.preview')}</h2>
${preview
    ? html`<p class="hint">${t('console_web.settings.preview_hint', { count: preview.reminders })}</p><pre class="preview">${preview.text}</pre>`
    : html`<p>${t('console_web.settings.no_preview')}</p>`}
</section>
<p><a href="/console/n/${networkSlug(n.id)}/settings">${t('console_web.tab.settings')}</a></p>`;
  return page(ctx, `${n.name} · ${t('console_web.settings.preview')}`, body);
}

function statusText(ctx: PageContext, s: ConsoleNetworkSettings): string {
  if (s.status === 'paused' && s.pausedUntil) return ctx.t('console_web.status.paused_until', { date: when(ctx, s.pausedUntil, s.timeZone) });
  return ctx.t(`console_web.status.${s.status}`);
}

function settingsForm(ctx: PageContext, s: ConsoleNetworkSettings) {
  const { t } = ctx;
  return html`<section><h2>${t('console_web.settings.change')}</h2>
<form method="post" class="stack">
${hiddenCsrf(ctx)}
<label for="schedule">${t('console_web.settings.schedule')}</label>
<input id="schedule" name="schedule" value="${s.scheduleText}" aria-describedby="schedule-hint" maxlength="100">
<small id="schedule-hint">${t('console_web.settings.schedule_hint')}</small>
<label for="timeZone">${t('console_web.settings.zone')}</label>
<input id="timeZone" name="timeZone" value="${s.timeZone}" maxlength="64">
<label for="language">${t('console_web.settings.language')}</label>
<select id="language" name="language">
  <option value="nl" ${s.language === 'nl' ? html`selected` : ''}>${t('console_web.language.nl')}</option>
  <option value="en" ${s.language === 'en' ? html`selected` : ''}>${t('console_web.language.en')}</option>
</select>
${s.status === 'paused'
    ? html`<label class="check"><input type="checkbox" name="resume" value="1"> ${t('console_web.settings.resume')}</label>`
    : html`<label for="pauseUntil">${t('console_web.settings.pause_until')}</label><input id="pauseUntil" name="pauseUntil" type="date">`}
<fieldset><legend>${t('console_web.settings.skip_weeks')}</legend>
<label for="skipFrom">${t('console_web.settings.skip_from')}</label>
<input id="skipFrom" name="skipFrom" type="date">
<label for="skipTo">${t('console_web.settings.skip_to')}</label>
<input id="skipTo" name="skipTo" type="date">
${s.skipWeeks.length ? html`<label class="check"><input type="checkbox" name="clearSkips" value="1"> ${t('console_web.settings.clear_skips')}</label>` : ''}
</fieldset>
<button type="submit">${t('console_web.save')}</button>
</form></section>`;
}
