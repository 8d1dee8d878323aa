/**
 * The report as a document to download: Markdown, and a print-friendly HTML page that stands on
 * its own (inline style, no scripts, no external assets, every text escaped). Both are drawn from
 * the stored session with the same sections as the report card, so they never disagree. Offered
 * to the web console through `services.ports.deliberationReports`.
 */
import { escapeHtml, type DeliberationReportsPort, type DeliberationReportSummary, type OutgoingDocument, type Translate } from '../core/index.ts';
import { methodOf, tFor, type Ctx } from './context.ts';
import { local, type Method } from './methods.ts';
import { reportSections } from './report.ts';
import type { Session } from './session.ts';

export type DocumentFormat = 'md' | 'html';

function when(iso: string, session: Session): string {
  return new Intl.DateTimeFormat(session.lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: session.timeZone }).format(new Date(iso));
}

function people(session: Session): string[] {
  return [session.facilitator.name, ...session.participants.filter((p) => p.id !== session.facilitator.id).map((p) => p.name)];
}

/** What the header says, as plain text lines (label, value). */
function meta(t: Translate, method: Method, session: Session): [string, string][] {
  return [
    [t('deliberate.doc.method'), local(method.name, session.lang)],
    [t('deliberate.doc.number'), `#${session.code}`],
    [t('deliberate.doc.channel'), session.channelName ? `#${session.channelName}` : session.channelId],
    [t('deliberate.doc.started'), when(session.createdAt, session)],
    ...(session.endedAt ? [[t('deliberate.doc.ended'), when(session.endedAt, session)] as [string, string]] : []),
    [t('deliberate.doc.form'), t(session.mode === 'async' ? 'deliberate.doc.async' : 'deliberate.doc.live')],
    [t('deliberate.field.facilitator'), session.facilitator.name],
    [t('deliberate.field.participants'), people(session).join(', ')],
  ];
}

/** Markdown special characters in people's text are escaped, and so is HTML (a viewer may render it). */
function mdText(value: string): string {
  return value.replace(/[\\`*_[\]#|]/g, (c) => `\\${c}`).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function reportMarkdown(t: Translate, method: Method, session: Session): string {
  const title = t('deliberate.report.title', { method: local(method.name, session.lang) });
  const lines = [`# ${mdText(title)}`, '', ...meta(t, method, session).map(([k, v]) => `- **${mdText(k)}:** ${mdText(v)}`), ''];
  if (session.synthesis) lines.push(`## ${mdText(t('deliberate.report.synthesis_heading'))}`, '', mdText(session.synthesis), '', `_${mdText(t('deliberate.report.synthesis_note'))}_`, '');
  for (const section of reportSections(t, method, session)) {
    lines.push(`## ${mdText(section.heading)}`, '');
    for (const line of section.body.split('\n')) lines.push(line.startsWith('- ') ? `- ${mdText(line.slice(2))}` : mdText(line));
    lines.push('');
  }
  lines.push(`_${mdText(t('deliberate.report.footer'))}_`, '');
  return lines.join('\n');
}

/** A section body: "- " lines become a list, other lines paragraphs. */
function htmlBody(body: string): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of body.split('\n')) {
    if (line.startsWith('- ')) list.push(line.slice(2));
    else {
      flush();
      if (line.trim()) out.push(`<p>${escapeHtml(line)}</p>`);
    }
  }
  flush();
  return out.join('\n');
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem;border-bottom:2px solid #333;padding-bottom:.3rem}h2{font-size:1.15rem;margin-top:1.6rem;page-break-after:avoid}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.note{color:#555;font-style:italic}section{page-break-inside:avoid}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit}}`;

export function reportHtml(t: Translate, method: Method, session: Session): string {
  const title = t('deliberate.report.title', { method: local(method.name, session.lang) });
  const sections = reportSections(t, method, session)
    .map((s) => `<section><h2>${escapeHtml(s.heading)}</h2>\n${htmlBody(s.body)}</section>`)
    .join('\n');
  const synthesis = session.synthesis
    ? `<section><h2>${escapeHtml(t('deliberate.report.synthesis_heading'))}</h2>\n${htmlBody(session.synthesis)}<p class="note">${escapeHtml(t('deliberate.report.synthesis_note'))}</p></section>`
    : '';
  return `<!DOCTYPE html>
<html lang="${session.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title} #${session.code}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<dl>${meta(t, method, session)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl>
${synthesis}
${sections}
<p class="note">${escapeHtml(t('deliberate.report.footer'))}</p>
</body>
</html>
`;
}

export function renderDocument(ctx: Ctx, session: Session, format: DocumentFormat): string | undefined {
  const method = methodOf(ctx, session);
  if (!method) return undefined;
  const t = tFor(ctx, session);
  const shown = visibleSoFar(method, session);
  return format === 'md' ? reportMarkdown(t, method, shown) : reportHtml(t, method, shown);
}

/**
 * A running session read from outside the thread (the web console) shows what the group has seen:
 * blind answers and their dots only once they are revealed. At the end everything is shown.
 */
export function visibleSoFar(method: Method, session: Session): Session {
  if (session.status === 'ended') return session;
  const hidden = (step: number) => Boolean(method.steps[step]?.blind) && !session.revealed?.includes(step);
  return { ...session, contributions: session.contributions.filter((c) => !(c.blind && hidden(c.step))), votes: session.votes?.filter((v) => !hidden(v.step)) };
}

/** File name of a session's document ("beraad-3-kort.md"). */
export function documentName(session: Session, format: DocumentFormat): string {
  return `${session.lang === 'en' ? 'deliberation' : 'beraad'}-${session.code}-${session.methodId}.${format}`;
}

/** The session's report as a document to share (a file in Slack and the console). */
export function reportDocument(ctx: Ctx, session: Session, format: DocumentFormat): OutgoingDocument | undefined {
  const content = renderDocument(ctx, session, format);
  const method = methodOf(ctx, session);
  if (content === undefined || !method) return undefined;
  const t = tFor(ctx, session);
  return {
    filename: documentName(session, format),
    title: `${t('deliberate.report.title', { method: local(method.name, session.lang) })} #${session.code}${format === 'html' ? ` (${t('deliberate.doc.print')})` : ''}`,
    mimeType: format === 'md' ? 'text/markdown' : 'text/html',
    content,
  };
}

/** The port for the web console: a network's sessions (newest first) and their documents. */
export function deliberationReportsPort(ctx: Ctx): DeliberationReportsPort {
  return {
    async list(networkId: string): Promise<DeliberationReportSummary[]> {
      const docs = await ctx.sessions.list({ pk: networkId });
      return docs
        .map((d) => d.data)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((s) => ({ id: s.id, number: s.code, method: s.methodId, startedAt: s.createdAt, participants: people(s).length, actions: s.actions?.length ?? 0 }));
    },
    async report(networkId: string, id: string, format: 'md' | 'html'): Promise<string | undefined> {
      if (format !== 'md' && format !== 'html') return undefined;
      const doc = await ctx.sessions.get(networkId, id);
      return doc ? renderDocument(ctx, doc.data, format) : undefined;
    },
  };
}
