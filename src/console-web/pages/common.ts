/** Small pieces shared by the pages. */
import { formatInstant } from '../../core/index.ts';
import type { PageContext } from '../context.ts';
import { html, type Html } from '../html.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(lang: 'nl' | 'en', withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withWeekday}`;
  let f = dayFormats.get(key);
  if (!f) dayFormats.set(key, (f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...(withWeekday ? { weekday: 'short' } : {}), day: 'numeric', month: 'short', timeZone: 'UTC' })));
  return f;
}

/** "vr 27 nov" / "Fri 27 Nov" for a local "YYYY-MM-DD" (as formatDate in chat), one formatter per language. */
export function dayText(date: string, lang: 'nl' | 'en'): string {
  return dayFormat(lang, true).format(new Date(`${date}T00:00:00Z`));
}

/** "16 nov" / "16 Nov": a week's Monday on the chart's axis. */
export function weekLabel(monday: string, lang: 'nl' | 'en'): string {
  return dayFormat(lang, false).format(new Date(`${monday}T00:00:00Z`));
}

export function when(ctx: PageContext, iso: string, zone: string): string {
  return formatInstant(new Date(iso), zone, ctx.lang);
}

/** A message after a form: success or a refusal in words (role="status" so it is read out). */
export function notice(text: string | undefined, kind: 'ok' | 'error' = 'ok'): Html | '' {
  if (!text) return '';
  return html`<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</p>`;
}

export function hiddenCsrf(ctx: PageContext): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

/** The chart's numbers as a table (for screen readers, print, and anyone who prefers numbers). */
export function dataTable(caption: string, head: string[], rows: (string | number)[][]): Html {
  const table = html`<table>
<caption>${caption}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
</table>`;
  // Folded on screen; a closed <details> does not print, so the printout gets its own copy.
  return html`<details class="data"><summary>${caption}</summary><div class="scroll">${table}</div></details><div class="print-only">${table}</div>`;
}
