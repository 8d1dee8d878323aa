/**
 * What an idea session looks like: the card in the channel (changed in place as the session moves
 * on), the private cards for writing and scoring, the reveal, the matrix and the report. Buttons
 * that only the facilitator may use say so (`actors`), so platforms that can show them to the
 * facilitator alone do.
 */
import { button, buttons, card, cardMessage, clockTime, context, fields, formatDate, input, text, type Button, type OutgoingMessage, type Translate, networkId } from '../core/index.ts';
import { averages, ideasOf, type IdeaMethod, type IdeaSession } from './session.ts';

export const ACTION = (name: string) => `ideas.${name}`;

const steer = (s: IdeaSession, b: Button): Button => ({ ...b, actors: [s.facilitator.id] });
const value = (s: IdeaSession, extra: Record<string, string | number> = {}) => ({ s: s.id, n: networkId(s), ...extra });

function minutesLeft(s: IdeaSession, now: Date): number {
  if (s.pausedRemainingMs !== undefined) return Math.ceil(s.pausedRemainingMs / 60_000);
  return s.writingEndsAt ? Math.max(0, Math.ceil((new Date(s.writingEndsAt).getTime() - now.getTime()) / 60_000)) : 0;
}

function timeField(t: Translate, s: IdeaSession, now: Date): [string, string] | undefined {
  if (s.phase !== 'writing') return undefined;
  if (s.pausedRemainingMs !== undefined) return [t('ideas.field.time'), t('ideas.time.paused', { minutes: minutesLeft(s, now) })];
  return [t('ideas.field.time'), t('ideas.time.until', { time: clockTime(s.writingEndsAt!, s.timeZone, s.lang), minutes: minutesLeft(s, now) })];
}

function phaseButtons(t: Translate, s: IdeaSession): Button[] {
  switch (s.phase) {
    case 'open':
      return [button(t('ideas.button.join'), ACTION('join'), value(s), 'primary'), steer(s, button(t('ideas.button.start_writing'), ACTION('write'), value(s))), steer(s, button(t('ideas.button.stop'), ACTION('stop'), value(s), 'danger'))];
    case 'writing':
      return [
        button(t('ideas.button.my_ideas'), ACTION('join'), value(s), 'primary'),
        steer(s, button(t('ideas.button.extend'), ACTION('extend'), value(s))),
        steer(s, s.pausedRemainingMs !== undefined ? button(t('ideas.button.resume'), ACTION('resume'), value(s)) : button(t('ideas.button.pause'), ACTION('pause'), value(s))),
        steer(s, button(t('ideas.button.reveal'), ACTION('reveal'), value(s))),
      ];
    case 'reveal':
      return [steer(s, button(t('ideas.button.start_scoring'), ACTION('score'), value(s), 'primary')), steer(s, button(t('ideas.button.stop'), ACTION('stop'), value(s), 'danger'))];
    case 'scoring':
      return [button(t('ideas.button.join'), ACTION('join'), value(s)), steer(s, button(t('ideas.button.matrix'), ACTION('matrix'), value(s), 'primary'))];
    default:
      return [];
  }
}

/** Longest case text in the plain-text fallback: a notification shows a line or two. */
const FALLBACK_CASE_CHARS = 160;

/**
 * The card's plain text (notifications, screen readers, clients without cards): which session,
 * which step, the case, the time left and what to do now, not only the title.
 */
function sessionFallback(t: Translate, s: IdeaSession, title: string, time: [string, string] | undefined, done: boolean): string {
  const raw = (s.case ?? t('ideas.case.missing')).replace(/\s+/g, ' ').trim();
  const caseText = raw.length > FALLBACK_CASE_CHARS ? `${raw.slice(0, FALLBACK_CASE_CHARS - 1).trimEnd()}…` : raw;
  const parts = [t('ideas.card.fallback', { title, phase: t(`ideas.phase.${s.phase}`), case: caseText })];
  if (time) parts.push(`${time[0]}: ${time[1]}.`);
  if (!done) parts.push(t(`ideas.hint.${s.phase}`));
  return parts.join(' ');
}

/** The session's card in the channel, replaced in place at every change. */
export function sessionCard(t: Translate, method: IdeaMethod, s: IdeaSession, now: Date): OutgoingMessage {
  const title = t('ideas.title', { name: method.name[s.lang], code: s.code });
  const done = s.phase === 'done' || s.phase === 'stopped';
  const time = timeField(t, s, now);
  const list = [
    [t('ideas.field.facilitator'), s.facilitator.name],
    [t('ideas.field.case'), s.case ?? t('ideas.case.missing')],
    [t('ideas.field.phase'), t(`ideas.phase.${s.phase}`)],
    [t('ideas.field.people'), t('ideas.people', { count: s.participants.filter((p) => !p.left).length })],
    ...(s.phase !== 'open' ? [[t('ideas.field.ideas'), t('ideas.count', { count: s.ideas.length })] as [string, string]] : []),
    ...(time ? [time] : []),
  ] as [string, string][];
  return cardMessage(
    card(
      { title, fallback: sessionFallback(t, s, title, time, done) },
      s.phase === 'open' && text(method.summary[s.lang]),
      fields(...list),
      !done && context(t(`ideas.hint.${s.phase}`)),
      buttons(...phaseButtons(t, s)),
    ),
  );
}

/** The private card for writing ideas, with the counter and the time left; updated on every send. */
export function writingCard(t: Translate, method: IdeaMethod, s: IdeaSession, userId: string, now: Date, note?: string): OutgoingMessage {
  const mine = ideasOf(s, userId);
  const room = method.max_ideas - mine.length;
  const open = s.phase === 'writing';
  const title = t('ideas.writing.title', { code: s.code });
  return cardMessage(
    card(
      { title, fallback: title },
      text(`**${t('ideas.field.case')}:** ${s.case ?? ''}`),
      text(method.phases.writing[s.lang]),
      text(t('ideas.writing.counter', { count: mine.length, max: method.max_ideas, minutes: minutesLeft(s, now) }), 'heading'),
      mine.length > 0 && text(mine.map((i, n) => `${n + 1}. ${i.text}`).join('\n')),
      note ? context(note) : undefined,
      open && room > 0 && input('ideas', t('ideas.writing.input', { count: room }), { multiline: true, placeholder: t('ideas.writing.placeholder') }),
      open && buttons(...(room > 0 ? [button(t('ideas.button.send'), ACTION('add'), value(s), 'primary')] : []), button(t('ideas.button.leave'), ACTION('leave'), value(s))),
      !open && context(t('ideas.writing.closed')),
    ),
  );
}

/** All ideas together, grouped and numbered, without names unless the session shows them. */
export function revealMessage(t: Translate, method: IdeaMethod, s: IdeaSession): OutgoingMessage {
  const names = new Map(s.participants.map((p) => [p.id, p.name]));
  const lines = s.groups.map((g) => {
    const times = g.ideaIds.length > 1 ? ` (${g.ideaIds.length}×)` : '';
    const who = s.named ? ` — ${[...new Set(g.ideaIds.map((id) => names.get(s.ideas.find((i) => i.id === id)?.by ?? '') ?? ''))].filter(Boolean).join(', ')}` : '';
    return `${g.number}. ${g.text}${times}${who}`;
  });
  const body = lines.length ? lines.join('\n') : t('ideas.reveal.none');
  return { text: `**${t('ideas.reveal.title', { count: s.groups.length })}**\n${method.phases.reveal[s.lang]}\n\n${body}\n\n_${t('ideas.reveal.edit_hint')}_` };
}

/** The private scoring card for one idea: effort and impact as rows of buttons. */
export function scoringCard(t: Translate, method: IdeaMethod, s: IdeaSession, userId: string, group: IdeaSession['groups'][number] | undefined): OutgoingMessage {
  const title = t('ideas.scoring.title', { code: s.code });
  if (!group || s.phase !== 'scoring') {
    const scored = s.scores.filter((x) => x.by === userId && (x.effort ?? 0) > 0 && (x.impact ?? 0) > 0).length;
    return cardMessage(card({ title, fallback: title }, text(t(s.phase === 'scoring' ? 'ideas.scoring.done' : 'ideas.scoring.closed', { count: scored }))));
  }
  const mine = s.scores.find((x) => x.by === userId && x.group === group.number);
  const row = (dimension: 'effort' | 'impact') =>
    Array.from({ length: method.scale }, (_, i) => button(`${mine?.[dimension] === i + 1 ? '✓ ' : ''}${i + 1}`, ACTION('rate'), value(s, { g: group.number, d: dimension === 'effort' ? 'e' : 'i', v: i + 1 })));
  return cardMessage(
    card(
      { title, fallback: `${title}: ${group.text}` },
      text(t('ideas.scoring.which', { number: group.number, total: s.groups.length }), 'heading'),
      text(group.text),
      context(method.phases.scoring[s.lang]),
      text(`**${t('ideas.scoring.effort')}**`),
      buttons(...row('effort')),
      text(`**${t('ideas.scoring.impact')}**`),
      buttons(...row('impact')),
      buttons(button(t('ideas.button.skip'), ACTION('rate'), value(s, { g: group.number, d: 'skip', v: 0 })), button(t('ideas.button.leave'), ACTION('leave'), value(s))),
    ),
  );
}

/** "moeite 2,5 · impact 4" in the session's language. */
export function scoreLine(t: Translate, lang: 'nl' | 'en', a: { effort: number; impact: number }): string {
  const f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  return t('ideas.scores', { effort: f.format(a.effort), impact: f.format(a.impact) });
}

/** The form to turn an idea into an action (facilitator), with the best-placed ideas first. */
export function chooseCard(t: Translate, method: IdeaMethod, s: IdeaSession, order: number[]): OutgoingMessage {
  const title = t('ideas.choose.title', { code: s.code });
  const options = order.map((n) => {
    const g = s.groups.find((x) => x.number === n)!;
    const chosen = s.chosen.some((c) => c.group === n) ? ' ✓' : '';
    return { label: `${n}. ${g.text.slice(0, 60)}${chosen}`, value: String(n) };
  });
  const f = (b: Button) => steer(s, b);
  return cardMessage({
    ...card(
      { title, fallback: title },
      text(method.phases.choosing[s.lang]),
      input('idea', t('ideas.choose.idea'), { kind: 'select', options, required: true }),
      input('owner', t('ideas.choose.owner'), { placeholder: t('ideas.choose.owner_placeholder') }),
      input('due', t('ideas.choose.due'), { kind: 'date' }),
      buttons(f(button(t('ideas.button.choose'), ACTION('choose'), value(s), 'primary')), f(button(t('ideas.button.finish'), ACTION('finish'), value(s)))),
      context(t('ideas.choose.typed_hint')),
    ),
    actors: [s.facilitator.id],
  });
}

/** The report: the case, every idea with its scores and place, and what was chosen. */
export function reportText(t: Translate, method: IdeaMethod, s: IdeaSession, quadrantName: (group: number) => string | undefined): string {
  const lines = [`**${t('ideas.report.title', { name: method.name[s.lang], code: s.code })}**`, `${t('ideas.field.case')}: ${s.case ?? '—'}`, ''];
  lines.push(`**${t('ideas.report.ideas', { count: s.groups.length })}**`);
  for (const g of s.groups) {
    const a = averages(s, g.number);
    const where = a ? `${scoreLine(t, s.lang, a)}, ${t('ideas.report.scored_by', { count: a.count })} → ${quadrantName(g.number)}` : t('ideas.report.unscored');
    lines.push(`- ${g.number}. ${g.text}${g.ideaIds.length > 1 ? ` (${g.ideaIds.length}×)` : ''}: ${where}`);
  }
  lines.push('', `**${t('ideas.report.chosen')}**`);
  if (!s.chosen.length) lines.push(`- ${t('ideas.report.none_chosen')}`);
  for (const c of s.chosen) {
    const g = s.groups.find((x) => x.number === c.group);
    const who = [c.owner, c.due && t('ideas.report.due', { date: formatDate(c.due, s.lang) })].filter(Boolean).join(', ');
    lines.push(`- ${c.group}. ${g?.text ?? ''}${c.action ? ` → ${t('ideas.report.action', { number: c.action })}` : ''}${who ? ` (${who})` : ''}`);
  }
  if (s.removed) lines.push('', `_${t('ideas.report.removed', { count: s.removed })}_`);
  lines.push('', `_${t('ideas.report.people', { count: s.participants.length })} · ${method.source}_`);
  return lines.join('\n');
}
