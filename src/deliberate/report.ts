/**
 * The report at the end of a session: a structured summary of what was said, section by section
 * (case, moral question, values, options, choices, agreements, evaluation, other notes), with
 * every note kept. An LLM synthesis, when there is one, is added on top and marked as generated.
 */
import { button, buttons, card, cardMessage, context, formatDate, formatNumber, text, type OutgoingMessage, type Translate, type NewActionItem } from '../core/index.ts';
import { parseAgreements } from './agreements.ts';
import { local, sectionOf, type Method, type ReportSection } from './methods.ts';
import { chosenQuestion } from './moral-question.ts';
import type { Contribution, Session } from './session.ts';
import { ACTION } from './views.ts';
import { tally, voters } from './votes.ts';

const ORDER: ReportSection[] = ['case', 'moral_question', 'values', 'options', 'choices', 'agreements', 'evaluation', 'notes'];

export function contributionsBySection(method: Method, session: Session): Map<ReportSection, Contribution[]> {
  const sections = new Map<ReportSection, Contribution[]>(ORDER.map((s) => [s, []]));
  for (const c of session.contributions) {
    const section = c.step < method.steps.length ? sectionOf(method, c.step) : 'notes';
    sections.get(section)!.push(c);
  }
  return sections;
}

/**
 * The agreed actions: every line typed in an agreements step, with who typed it. Dates are read
 * relative to when the line was typed, so the report reads the same later.
 */
export function agreementItems(method: Method, session: Session): NewActionItem[] {
  const people = [session.facilitator, ...session.participants];
  return (contributionsBySection(method, session).get('agreements') ?? []).flatMap((c) =>
    parseAgreements(c.text, { at: new Date(c.at), timeZone: session.timeZone, people }).map((item) => ({
      ...item,
      ...(!c.anonymous && c.userId ? { author: { id: c.userId, name: c.name ?? c.userId } } : {}),
    })),
  );
}

function who(t: Translate, c: Contribution): string {
  return c.anonymous ? t('deliberate.report.anonymous') : (c.name ?? '?');
}

function bullets(t: Translate, list: Contribution[]): string {
  return list.map((c) => `- ${who(t, c)}: ${c.text.replace(/\n+/g, ' / ')}`).join('\n');
}

/** The notes as plain text, for the report and as the only material of an LLM synthesis. */
export function reportSections(t: Translate, method: Method, session: Session): { heading: string; body: string }[] {
  const sections = contributionsBySection(method, session);
  const out: { heading: string; body: string }[] = [];
  for (const section of ORDER) {
    const list = sections.get(section)!;
    let body: string;
    if (section === 'moral_question') {
      const question = chosenQuestion(list.map((c) => c.text));
      body = question ?? t('deliberate.report.empty');
      const others = list.filter((c) => c.text !== question);
      if (others.length) body += `\n${t('deliberate.report.other_versions')}\n${bullets(t, others)}`;
    } else if (section === 'agreements') {
      body = agreementsBody(t, method, session, list);
    } else if (section === 'evaluation') {
      body = evaluationBody(t, session, list);
    } else {
      if (section === 'notes' && list.length === 0) continue;
      body = list.length ? bullets(t, list) : t('deliberate.report.empty');
    }
    out.push({ heading: t(`deliberate.report.section.${section}`), body });
    if (section === 'options') out.push(...voteSections(t, method, session));
  }
  const removed = session.removed?.length ?? 0;
  if (removed) out.push({ heading: t('deliberate.report.section.removed'), body: t('deliberate.report.removed', { n: removed }) });
  return out;
}

/** The dots of every voting step, most first. */
function voteSections(t: Translate, method: Method, session: Session): { heading: string; body: string }[] {
  return method.steps.flatMap((step, i) => {
    if (!step.vote) return [];
    const results = tally(method, session, i);
    const n = voters(session, i);
    const body = results.length && n
      ? [t('deliberate.report.voters', { n, dots: step.vote }), ...results.map((r) => `- ${r.option.text}: ${[`${'●'.repeat(r.dots)}`, String(r.dots)].filter(Boolean).join(' ')}`)].join('\n')
      : t('deliberate.report.no_votes');
    return [{ heading: t('deliberate.report.section.votes', { title: local(step.title, session.lang) }), body }];
  });
}

function agreementsBody(t: Translate, method: Method, session: Session, list: Contribution[]): string {
  const items = agreementItems(method, session);
  if (!items.length) return t('deliberate.report.empty');
  const lines = items.map((item, i) => {
    const meta = [item.owner, item.due ? formatDate(item.due, session.lang) : undefined, item.unreadableDue ? t('deliberate.report.date_unreadable', { text: item.unreadableDue }) : undefined]
      .filter(Boolean)
      .join(', ');
    const action = session.actions?.[i];
    return `- ${item.title}${meta ? ` (${meta})` : ''}${action ? ` → ${t('deliberate.report.action_number', { number: action.number })}` : ''}`;
  });
  const by = list.length ? `\n${t('deliberate.report.agreements_by', { names: [...new Set(list.map((c) => who(t, c)))].join(', ') })}` : '';
  const logged = session.actions?.length ? `\n${t('deliberate.report.actions_logged', { n: session.actions.length })}` : `\n${t('deliberate.report.actions_not_logged')}`;
  return lines.join('\n') + by + logged;
}

function evaluationBody(t: Translate, session: Session, remarks: Contribution[]): string {
  if (!session.ratings.length && !remarks.length) return t('deliberate.report.empty');
  const lines: string[] = [];
  if (session.ratings.length) {
    const average = session.ratings.reduce((sum, r) => sum + r.score, 0) / session.ratings.length;
    lines.push(t('deliberate.report.average', { average: formatNumber(average, session.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), n: session.ratings.length }));
    for (const r of session.ratings) lines.push(`- ${r.name}: ${r.score}/5`);
  }
  if (remarks.length) lines.push(t('deliberate.report.remarks'), bullets(t, remarks));
  return lines.join('\n');
}

export function notesText(sections: { heading: string; body: string }[]): string {
  return sections.map((s) => `## ${s.heading}\n${s.body}`).join('\n\n');
}

/** The report card; `withButton` adds "send it to me", absent in the copy sent by DM. */
export function reportMessage(t: Translate, method: Method, session: Session, options: { withButton: boolean }): OutgoingMessage {
  const sections = reportSections(t, method, session);
  const participants = [session.facilitator.name, ...session.participants.filter((p) => p.id !== session.facilitator.id).map((p) => p.name)];
  return cardMessage(
    card(
      { title: t('deliberate.report.title', { method: session.lang === 'en' ? method.name.en : method.name.nl }) },
      context(t('deliberate.report.meta', { code: session.code, participants: participants.join(', '), n: session.contributions.length })),
      session.synthesis ? text(`**${t('deliberate.report.synthesis_heading')}**\n${session.synthesis}`) : undefined,
      session.synthesis ? context(t('deliberate.report.synthesis_note')) : undefined,
      ...sections.map((s) => text(`**${s.heading}**\n${s.body}`)),
      context(t('deliberate.report.footer')),
      options.withButton ? buttons(button(t('deliberate.button.report_dm'), ACTION.report, { s: session.id }), button(t('deliberate.button.download'), ACTION.download, { s: session.id })) : undefined,
    ),
  );
}
