/**
 * How an answer looks: in chat (a card with the answer, follow-up buttons, 👍/👎 and a sources
 * line), on the command line (plain text) and as JSON (`wegwijs ask --json`).
 */
import { button, buttons, card, cardMessage, context, text, type Button, type Citation, type OutgoingMessage, type Translate } from '../core/index.ts';
import type { Answer, AskEngine, SourceRef } from './engine.ts';
import type { KnowledgeCard } from './knowledge.ts';

export interface JsonAnswer {
  answered: boolean;
  answer: string;
  cards: string[];
  sources: { title: string; document: string; publisher?: string; locator: string; date: string; consulted?: boolean; url?: string }[];
  confidence: number;
  lang: 'nl' | 'en';
  refusal?: string;
  via: 'offline' | 'llm';
}

export function toJsonAnswer(answer: Answer): JsonAnswer {
  return {
    answered: answer.answered,
    answer: answer.text,
    cards: answer.cards,
    sources: answer.sources,
    confidence: Math.round(answer.confidence * 1000) / 1000,
    lang: answer.lang,
    ...(answer.refusal ? { refusal: answer.refusal } : {}),
    via: answer.via,
  };
}

const MONTHS = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** "2023-11" → "nov 2023", "2015-01-01" → "1 jan 2015", "2018" → "2018". */
export function readableDate(date: string, lang: 'nl' | 'en'): string {
  const [year, month, day] = date.split('-');
  if (!month) return year;
  const name = MONTHS[lang][Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

const dateOf = (s: SourceRef, t: Translate, lang: 'nl' | 'en') => (s.consulted ? t('ask.consulted', { date: readableDate(s.date, lang) }) : readableDate(s.date, lang));

/** Compact source lines: one per document, with publisher and date, linked where a link exists. */
export function compactSources(answer: Answer, t: Translate): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const s of answer.sources) {
    if (seen.has(s.document)) continue;
    seen.add(s.document);
    const label = [s.document, s.network ? t('peers.source.network') : s.publisher, dateOf(s, t, answer.lang)].filter(Boolean).join(', ');
    lines.push(t('ask.source_short', { source: s.url ? `[${label} ↗](${s.url})` : label }));
  }
  // Compact: the first two documents; "Meer uitleg" shows them all with their sections.
  return lines.slice(0, 2);
}

/** Full source lines (the expanded card): document, section and date, then the review date. */
export function sourceLines(answer: Answer, t: Translate): string[] {
  const lines = answer.sources.map((s) => t('ask.source', { document: s.url ? `[${s.document}](${s.url})` : s.document, locator: s.locator, date: dateOf(s, t, answer.lang) }));
  if (answer.card) lines.push(t('ask.reviewed', { date: answer.card.reviewed }));
  return lines;
}

export interface RenderOptions {
  t: Translate;
  questionId: string;
  privacyNotice?: string;
  /** Today's date (YYYY-MM-DD), to flag cards past their valid_until. */
  today: string;
  /** The expanded view of one card ("Meer uitleg"): full text and full sources. */
  expanded?: boolean;
  /** Private first and asking the network (share.ts): a line above the answer, buttons and a note under it, the channel asked in. */
  extra?: { buttons: Button[]; note?: string; lead?: string; channel?: string };
}

/** The answer's sources as citations (one per document), for platforms that show them natively. */
export function citationsOf(answer: Answer, t: Translate): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const s of answer.sources) {
    if (seen.has(s.document)) continue;
    seen.add(s.document);
    out.push({ title: s.document, date: dateOf(s, t, answer.lang), abstract: [s.publisher, s.locator].filter(Boolean).join(', ') || undefined, ...(s.url ? { url: s.url } : {}) });
  }
  return out;
}

/** The chat message for an answer or a refusal. */
export function answerMessage(answer: Answer, options: RenderOptions): OutgoingMessage {
  const { t, questionId } = options;
  const value = (extra: Record<string, string>) => ({ q: questionId, lang: answer.lang, ...extra });
  // The channel asked in goes with 👎, so "Vraag het netwerk" after it knows the network (also from a DM).
  const channel: Record<string, string> = options.extra?.channel ? { c: options.extra.channel } : {};
  const feedback: Button[] = [
    feedbackButton('up', t('ask.feedback.up'), 'ask.up', value({ card: answer.card?.id ?? '', ...channel })),
    feedbackButton('down', t('ask.feedback.down'), 'ask.down', value({ card: answer.card?.id ?? '', ...channel })),
  ];
  const cardButtons = (list: KnowledgeCard[]) => list.map((c) => button(c.title, 'ask.show', value({ card: c.id })));
  const dutchOnly = answer.answered && answer.via === 'offline' && answer.lang === 'en' && !answer.card?.answer_en;
  const expired = Boolean(answer.card?.valid_until && answer.card.valid_until < options.today);
  const heading = answer.refusal ? t(`ask.refuse.heading.${answer.refusal}`) : undefined;
  const more = answer.answered && !options.expanded && answer.card ? button(t('ask.explain_more'), 'ask.show', value({ card: answer.card.id })) : null;
  const built = card(
    { title: answer.answered ? answer.card?.title : heading },
    options.privacyNotice ? text(options.privacyNotice) : null,
    options.extra?.lead ? text(options.extra.lead) : null,
    text(heading ? answer.text.replace(heading, '').trim() : answer.text),
    dutchOnly && context(t('ask.dutch_only')),
    expired && text(t('ask.expired', { date: answer.card!.valid_until! })),
    answer.usedContext && context(t('ask.context_used')),
    answer.via === 'llm' && context(t('ask.via_llm')),
    answer.sources.some((s) => s.network && !s.reviewed) && context(t('peers.source.unreviewed')),
    answer.sources.length > 0 && context((options.expanded ? sourceLines(answer, t) : compactSources(answer, t)).join('\n')),
    more && buttons(more),
    answer.followUps.length > 0 && text(t('ask.more'), 'muted'),
    answer.followUps.length > 0 && buttons(...cardButtons(answer.followUps)),
    answer.suggestions.length > 0 && text(t('ask.maybe'), 'muted'),
    answer.suggestions.length > 0 && buttons(...cardButtons(answer.suggestions)),
    answer.answered && context(t('ask.no_advice')),
    options.extra?.note ? context(options.extra.note) : null,
    Boolean(options.extra?.buttons.length) && buttons(...options.extra!.buttons),
    buttons(...feedback),
  );
  // The fallback (notifications, plain-text clients) has no buttons: name the follow-up cards there.
  const listed = (heading: string, list: KnowledgeCard[]) => (fallback: string) =>
    list.length ? fallback.replace(`\n${heading}\n`, `\n${heading} ${list.map((c) => c.title).join('; ')}\n`) : fallback;
  const fallback = [listed(t('ask.more'), answer.followUps), listed(t('ask.maybe'), answer.suggestions)].reduce((f, add) => add(f), built.fallback);
  const citations = answer.sources.length ? citationsOf(answer, t) : [];
  // The "AI generated" label only when a language model wrote the text, never for a curated card.
  return { ...cardMessage({ ...built, fallback }), ...(citations.length ? { citations } : {}), ...(answer.via === 'llm' ? { aiGenerated: true } : {}) };
}

/** A 👍/👎 button, marked so a platform with its own feedback control can show that instead. */
function feedbackButton(kind: 'up' | 'down', ...args: Parameters<typeof button>): Button {
  return { ...button(...args), feedback: kind };
}

/** Readable text for `wegwijs ask` without --json. */
export function formatPlainAnswer(answer: Answer, engine: AskEngine): string {
  const lines: string[] = [];
  if (answer.card && answer.answered) lines.push(answer.card.title, '');
  lines.push(answer.text);
  const t: Translate = (key, vars) => engine.t(answer.lang, key, vars);
  if (answer.followUps.length > 0) lines.push('', `${t('ask.more')} ${answer.followUps.map((c) => `${c.title} (${c.id})`).join('; ')}`);
  if (answer.suggestions.length > 0) lines.push('', `${t('ask.maybe')} ${answer.suggestions.map((c) => `${c.title} (${c.id})`).join('; ')}`);
  if (answer.sources.length > 0) lines.push('', ...sourceLines(answer, t).map((l) => `- ${l}`));
  if (answer.sources.some((s) => s.network && !s.reviewed)) lines.push(t('peers.source.unreviewed'));
  lines.push('', `confidence ${answer.confidence.toFixed(2)}${answer.refusal ? `, refused: ${answer.refusal}` : ''}`);
  return lines.join('\n');
}
