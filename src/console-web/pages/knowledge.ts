/** The curators' page: use of the knowledge base per week, the gaps, and cards to review. */
import { barChart } from '../chart.ts';
import { tenantOf } from '../access.ts';
import type { PageContext } from '../context.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { dataTable, hiddenCsrf, weekLabel } from './common.ts';
import { WEEKS } from './network.ts';

const SOURCE_YEARS = 3;

export async function knowledgePage(ctx: PageContext): Promise<string> {
  const { t, services } = ctx;
  const port = services.ports.consoleKnowledge;
  if (!port) return page(ctx, t('console_web.knowledge.title'), html`<h1>${t('console_web.knowledge.title')}</h1><p>${t('console_web.unavailable')}</p>`, { active: 'knowledge' });
  const now = services.clock.now();
  const tenant = tenantOf(ctx.session);
  const weeks = await port.weeks(tenant, now, WEEKS, services.config.timeZone);
  const gaps = await port.gaps(tenant, 50);
  const stale = port.staleCards(now, SOURCE_YEARS);
  const drafts = await services.ports.consolePeers?.drafts(tenant);
  const answers = (await services.ports.consolePeers?.gapAnswers(tenant)) ?? {};
  const labels = weeks.map((w) => weekLabel(w.week, ctx.lang));
  const questions = barChart({
    id: 'chart-questions',
    title: t('console_web.knowledge.questions_title'),
    desc: t('console_web.knowledge.questions_desc', { answered: weeks.reduce((s, w) => s + w.answered, 0), refused: weeks.reduce((s, w) => s + w.refused, 0) }),
    labels,
    bars: [
      { label: t('console_web.knowledge.answered'), values: weeks.map((w) => w.answered), cls: 'answered' },
      { label: t('console_web.knowledge.refused'), values: weeks.map((w) => w.refused), cls: 'refused' },
    ],
  });
  const votes = barChart({
    id: 'chart-votes',
    title: t('console_web.knowledge.votes_title'),
    desc: t('console_web.knowledge.votes_desc', { up: weeks.reduce((s, w) => s + w.up, 0), down: weeks.reduce((s, w) => s + w.down, 0) }),
    labels,
    bars: [
      { label: t('console_web.knowledge.up'), values: weeks.map((w) => w.up), cls: 'up' },
      { label: t('console_web.knowledge.down'), values: weeks.map((w) => w.down), cls: 'down' },
    ],
  });
  const body = html`<h1>${t('console_web.knowledge.title')}</h1>
<section><h2>${t('console_web.knowledge.questions_title')}</h2>
<p class="legend"><span class="key answered"></span>${t('console_web.knowledge.answered')} <span class="key refused"></span>${t('console_web.knowledge.refused')}</p>
${questions}
<p class="hint">${t('console_web.knowledge.kept_hint')}</p>
${dataTable(t('console_web.chart.table'), [t('console_web.chart.week'), t('console_web.knowledge.asked'), t('console_web.knowledge.answered'), t('console_web.knowledge.refused'), t('console_web.knowledge.up'), t('console_web.knowledge.down')], weeks.map((w, i) => [labels[i], w.asked, w.answered, w.refused, w.up, w.down]))}
</section>
<section><h2>${t('console_web.knowledge.votes_title')}</h2>
<p class="legend"><span class="key up"></span>${t('console_web.knowledge.up')} <span class="key down"></span>${t('console_web.knowledge.down')}</p>
${votes}
</section>
<section><h2>${t('console_web.knowledge.gaps')}</h2>
${gaps.length
    ? html`<div class="scroll"><table><caption class="sr-only">${t('console_web.knowledge.gaps')}</caption>
<thead><tr><th scope="col">${t('console_web.knowledge.question')}</th><th scope="col">${t('console_web.knowledge.count')}</th><th scope="col">${t('console_web.knowledge.refused')}</th><th scope="col">${t('console_web.knowledge.down')}</th><th scope="col">${t('console_web.knowledge.reasons')}</th><th scope="col">${t('console_web.knowledge.network_answer')}</th></tr></thead>
<tbody>${gaps.map((g) => html`<tr><td>${g.text}</td><td>${g.count}</td><td>${g.unanswered}</td><td>${g.down}</td><td>${[
        ...Object.entries(g.reasons).map(([r, c]) => `${t(`console_web.reason.${r}`)} (${c})`),
        g.refusal ? t(`console_web.refusal.${g.refusal}`) : '',
      ].filter(Boolean).join(', ')}</td><td>${gapAnswer(ctx, answers[g.questionId])}</td></tr>`)}</tbody></table></div>`
    : html`<p>${t('console_web.knowledge.no_gaps')}</p>`}
</section>
<section id="drafts"><h2>${t('console_web.knowledge.drafts')}</h2>
${drafts === undefined
    ? html`<p>${t('console_web.knowledge.drafts_unavailable')}</p>`
    : drafts.length
      ? html`<p class="hint">${t('console_web.knowledge.drafts_hint')}</p>${drafts.map((d) => html`<article class="draft">
<h3>${t('console_web.knowledge.draft_title', { number: d.number, network: d.networkName, date: d.date })}</h3>
<p><strong>${d.question}</strong></p>
<blockquote>${d.answer}</blockquote>
<p><a href="/console/knowledge/drafts/${d.number}.md" download aria-label="${t('console_web.knowledge.export_n', { number: d.number })}">${t('console_web.knowledge.export')}</a></p>
<details><summary>${t('console_web.knowledge.edit_n', { number: d.number })}</summary>
<form method="post" action="/console/knowledge/drafts/${d.number}.md" class="stack">${hiddenCsrf(ctx)}
<label for="q-${d.number}">${t('console_web.knowledge.question')}</label><textarea id="q-${d.number}" name="question" rows="2" maxlength="500">${d.question}</textarea>
<label for="a-${d.number}">${t('console_web.knowledge.answer')}</label><textarea id="a-${d.number}" name="answer" rows="6" maxlength="4000">${d.answer}</textarea>
<button type="submit">${t('console_web.knowledge.export_edited')}</button></form></details>
<form method="post" action="/console/knowledge/drafts/${d.number}/reject">${hiddenCsrf(ctx)}<button type="submit" aria-label="${t('console_web.knowledge.reject_n', { number: d.number })}">${t('console_web.knowledge.reject')}</button></form>
</article>`)}`
      : html`<p>${t('console_web.knowledge.no_drafts')}</p>`}
</section>
<section><h2>${t('console_web.knowledge.stale', { years: SOURCE_YEARS })}</h2>
${stale.length
    ? html`<ul>${stale.map((c) => html`<li><code>${c.id}</code> ${c.title}: ${c.reasons.map((r) => t(`console_web.knowledge.${r}`, { date: r === 'expired' ? (c.validUntil ?? '') : (c.newestSource ?? '') })).join('; ')}</li>`)}</ul>`
    : html`<p>${t('console_web.knowledge.none_stale')}</p>`}
</section>`;
  return page(ctx, t('console_web.knowledge.title'), body, { active: 'knowledge' });
}

function gapAnswer(ctx: PageContext, found: { network?: string; answer?: string; card?: string } | undefined) {
  if (!found) return '';
  return html`${found.answer ? html`${found.network ? html`<em>${found.network}</em>: ` : ''}${found.answer}` : ''}${found.card ? html`${found.answer ? html`<br>` : ''}${ctx.t('console_web.knowledge.closed_with', { card: found.card })}` : ''}`;
}
