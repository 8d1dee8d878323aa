/**
 * The one date-phrase reader for the whole bot: due dates of actions, agreements of a
 * deliberation, a network's pause and a member's `stil tot …`. Dutch and English; weekdays,
 * "morgen", "volgende week", "over twee weken" (chrono-node), plus what chrono does not read the
 * way Dutch people mean it: day-first numbers ("3-12", "3/12", "12-12-2026"), "eind januari",
 * "half maart", "eind van de week". Every date is a calendar day "YYYY-MM-DD" in the network's
 * time zone, relative to the injected clock; a day without a year is the next one to come.
 *
 * In running text the LAST date phrase wins, and only a phrase that is plausibly a deadline: after
 * a marker ("voor", "uiterlijk", "by", "tot"…), or at the very start or end of the text. Anything
 * else ("voor de cliënt", "het MDO van 3-12") stays in the title.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { addDays, localDate, offsetMinutes, ymd } from './time-zone.ts';
import { publicHoliday } from './calendar.ts';

export interface DatePhrase {
  /** "YYYY-MM-DD" in the time zone. */
  date: string;
  /** Where the phrase starts and ends in the text (without a marker). */
  index: number;
  end: number;
  /** How sure the reader is that this is a date at all: month-only phrases are weak. */
  strong: boolean;
  /** The phrase carries its own deadline word ("na pasen", "before Christmas"): a deadline anywhere. */
  marked?: boolean;
}

export interface SplitDate {
  /** The text without the date phrase and its marker (or the whole text when none was read). */
  title: string;
  due?: string;
  /** A phrase after a deadline marker that looked like a date but could not be read: ask back. */
  unreadable?: string;
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, february: 2, maart: 3, mrt: 3, march: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/** Words before a date that make it a deadline ("voor vrijdag", "uiterlijk 3-12", "by Friday"). */
const MARKER = String.raw`(?:uiterlijk(?:\s+op)?|v[oó][oó]r|tegen|tot\s+en\s+met|t\/m|tot|op|per|deadline:?|by|before|until|till|due(?:\s+on|\s+by)?|on|in)`;
const MARKER_BEFORE = new RegExp(String.raw`(?:^|\s)(${MARKER})\s*$`, 'iu');
/** A deadline marker that is no preposition in a title ("voor" = "for", "op", "in", "on" are). */
const STRONG_MARKER = /^(uiterlijk|deadline|by|before|until|till|due|tot|t\/m|tegen)/i;
/** Words that belong to the date that follows ("aanstaande vrijdag", "coming Friday"). */
const LEAD_IN = /(?:^|\s)(aanstaande|komende|a\.s\.|coming|upcoming)\s*$/iu;

const END = String.raw`(?:(?:the\s+|het\s+)?eind(?:e)?|(?:the\s+)?end|late)`;
const MID = String.raw`(?:half|halverwege|midden|medio|mid|mid-)`;
const BEGIN = String.raw`(?:begin|early|start)`;
const OF = String.raw`(?:\s+(?:van|of))?(?:\s+(?:de|het|the|deze|this))?`;

type Custom = {
  re: RegExp;
  read: (m: RegExpExecArray, today: string, forward: boolean, deadline: boolean) => string | undefined | null;
  /** The match holds its own deadline word ("na pasen"). */
  marked?: (m: RegExpExecArray) => boolean;
};

export interface ReadOptions {
  /**
   * A day without a year is the next one to come (default). Off for a pause end: "1 november"
   * typed on 16 November is then this year's, which the caller refuses as past.
   */
  forward?: boolean;
  /**
   * A due date (default): "end of the week/month" is its last working day and "kerst" the last
   * working day before it. Off for a pause, a quiet period or skipped weeks, where the end of
   * the month is its last day and a bare holiday is no single day.
   */
  deadline?: boolean;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
const year2 = (y: string | undefined) => (y === undefined ? undefined : y.length === 2 ? 2000 + Number(y) : Number(y));

/** The next day (today counts) with this month and day; null when no such day exists. */
function nextDay(today: string, month: number, day: (y: number) => number, year?: number, forward = true): string | null {
  const [ty] = today.split('-').map(Number);
  if (!forward && year === undefined) {
    // The nearest such day, as chrono does: "6 januari" in December is next month's.
    const days = (date: string) => Math.abs(Date.parse(date) - Date.parse(today));
    const options = [ty - 1, ty, ty + 1].filter((y) => valid(y, month, day(y))).map((y) => ymd(y, month, day(y)));
    return options.sort((a, b) => days(a) - days(b))[0] ?? null;
  }
  for (const y of year !== undefined ? [year] : [ty, ty + 1]) {
    const d = day(y);
    if (!valid(y, month, d)) continue;
    const date = ymd(y, month, d);
    if (year !== undefined || date >= today) return date;
  }
  return null;
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** A working day: Monday to Friday and no Dutch public holiday. */
export function isWorkingDay(date: string): boolean {
  const wd = weekday(date);
  return wd >= 1 && wd <= 5 && !publicHoliday(date);
}

/** The date itself when it is a working day, else the last working day before it. */
function workingDayOnOrBefore(date: string): string {
  let d = date;
  for (let i = 0; i < 14 && !isWorkingDay(d); i++) d = addDays(d, -1);
  return d;
}

/** The date itself when it is a working day, else the first working day after it. */
function workingDayOnOrAfter(date: string): string {
  let d = date;
  for (let i = 0; i < 14 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** "End of the week" as a deadline: the week's last working day (Friday, earlier on a holiday); next week's on a weekend. */
function endOfWorkWeek(today: string, weeksAhead: number, deadline: boolean): string {
  const wd = weekday(today);
  const friday = addDays(today, (wd >= 1 && wd <= 5 ? 5 - wd : wd === 6 ? 6 : 5) + 7 * weeksAhead);
  if (!deadline) return friday;
  const day = workingDayOnOrBefore(friday);
  return day >= today ? day : friday;
}

/** The last working day of a month (day number): "eind januari" is no Sunday. */
function lastWorkingDayOf(y: number, m: number): number {
  return Number(workingDayOnOrBefore(ymd(y, m, lastDay(y, m))).slice(8, 10));
}

function endOfMonth(today: string, ahead: number, deadline: boolean): string {
  const [y, m] = today.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + ahead, 1));
  const [ny, nm] = [t.getUTCFullYear(), t.getUTCMonth() + 1];
  return ymd(ny, nm, deadline ? lastWorkingDayOf(ny, nm) : lastDay(ny, nm));
}

/**
 * Named holidays and seasons ("pasen", "na de zomer", "before Christmas"). A span of days in a
 * year, from the calendar's public holidays (date-holidays) so Easter and Pentecost move with it.
 */
const HOLIDAYS: { re: string; span?: (y: number) => [string, string] | undefined }[] = [
  { re: String.raw`pasen|paasdagen|paasweekend|easter`, span: (y) => named(y, 'Pasen', 'Tweede paasdag') },
  { re: String.raw`pinksteren|pinksterdagen|pinksterweekend|whitsun|pentecost`, span: (y) => named(y, 'Pinksteren', 'Tweede pinksterdag') },
  { re: String.raw`kerst(?:mis|dagen)?|christmas|xmas`, span: (y) => named(y, 'Kerstmis', 'Tweede kerstdag') },
  { re: String.raw`koningsdag|king'?s\s+day`, span: (y) => named(y, 'Koningsdag') },
  { re: String.raw`hemelvaart(?:sdag)?|ascension(?:\s+day)?`, span: (y) => named(y, 'Hemelvaartsdag') },
  { re: String.raw`nieuwjaar(?:sdag)?|new\s+year(?:'s)?(?:\s+day)?`, span: (y) => named(y, 'Nieuwjaar') },
  // The summer: July and August (school holidays differ per region; asking is worse than a fair reading).
  { re: String.raw`zomer(?:vakantie|reces)?|summer(?:\s+holidays?|\s+break)?`, span: (y) => [ymd(y, 7, 1), ymd(y, 8, 31)] },
  { re: String.raw`(?:kerst|herfst|voorjaars|krokus|mei|winter)(?:vakantie|reces)|(?:christmas|autumn|spring|half[-\s]term|winter)\s+(?:holidays?|break)` },
];

function named(year: number, first: string, last = first): [string, string] | undefined {
  const found: Record<string, string> = {};
  for (let d = ymd(year, 1, 1); d.startsWith(String(year)); d = addDays(d, 1)) {
    const name = publicHoliday(d);
    if (name && !(name in found)) found[name] = d;
  }
  return found[first] && found[last] ? [found[first], found[last]] : undefined;
}

/** "na" = the first working day after the span; "voor" (or the bare name) = the last one before it; "op" = its first day. */
function holidayDate(kind: 'after' | 'before' | 'on', span: (y: number) => [string, string] | undefined, today: string, year?: number): string | null {
  const ty = Number(today.slice(0, 4));
  for (const y of year !== undefined ? [year] : [ty, ty + 1]) {
    const s = span(y);
    if (!s) continue;
    const date = kind === 'after' ? workingDayOnOrAfter(addDays(s[1], 1)) : kind === 'on' ? s[0] : workingDayOnOrBefore(addDays(s[0], -1));
    if (date >= today) return date;
  }
  return null;
}

/** What chrono does not read (or reads month-first): null = looked like a date but is none. */
const CUSTOM: Custom[] = [
  // 2026-12-15
  { re: /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])/g, read: (m) => (valid(+m[1], +m[2], +m[3]) ? ymd(+m[1], +m[2], +m[3]) : null) },
  // 3-12, 3/12, 12-12-2026, 3/12/26, 12.12.2026 (day first, as in Dutch)
  {
    re: /(?<![\d/.,-])(\d{1,2})(?:([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?|\.(\d{1,2})\.(\d{4}|\d{2}))(?![\d/,-]|\.\d)/g,
    read: (m, today, forward) => nextDay(today, Number(m[3] ?? m[5]), () => Number(m[1]), year2(m[4] ?? m[6]), forward),
  },
  // eind januari, eind van januari 2027, end of January, half maart, begin april
  {
    re: new RegExp(String.raw`(?<![\p{L}])(${END}|${MID}|${BEGIN})${OF}\s+(${MONTH})\.?(?:\s+(\d{4}))?(?![\p{L}])`, 'giu'),
    read: (m, today, forward, deadline) => {
      const month = MONTHS[m[2].toLowerCase()];
      const kind = new RegExp(`^${END}$`, 'i').test(m[1]) ? 'end' : new RegExp(`^${BEGIN}$`, 'i').test(m[1]) ? 'begin' : 'mid';
      const end = (y: number) => (deadline ? lastWorkingDayOf(y, month) : lastDay(y, month));
      return nextDay(today, month, (y) => (kind === 'end' ? end(y) : kind === 'mid' ? 15 : 1), year2(m[3]), forward);
    },
  },
  // eind volgende week, eind van de volgende week, end of next week: that week's last working day
  {
    re: new RegExp(String.raw`(?<![\p{L}])${END}${OF}\s+(?:volgende|next|komende|coming)\s+week(?![\p{L}])`, 'giu'),
    read: (_m, today, _f, deadline) => endOfWorkWeek(today, 1, deadline),
  },
  // eind van de week, eind deze week, deze week, end of the week, this week
  {
    re: new RegExp(String.raw`(?<![\p{L}])(?:${END}${OF}\s+(?:week)|deze\s+week|this\s+week)(?![\p{L}])`, 'giu'),
    read: (_m, today, _f, deadline) => endOfWorkWeek(today, 0, deadline),
  },
  // volgende maand, deze maand, next month, this month: by the end of that month
  {
    re: /(?<![\p{L}])(volgende|deze|next|this)\s+(?:maand|month)(?![\p{L}])/giu,
    read: (m, today, _f, deadline) => endOfMonth(today, /^(volgende|next)$/i.test(m[1]) ? 1 : 0, deadline),
  },
  // eind van de maand, eind volgende maand, end of the month, end of next month
  {
    re: new RegExp(String.raw`(?<![\p{L}])${END}${OF}\s+(volgende\s+|next\s+)?(?:maand|month)(?![\p{L}])`, 'giu'),
    read: (m, today, _f, deadline) => endOfMonth(today, m[1] ? 1 : 0, deadline),
  },
  // na pasen, voor de zomer, after Christmas, op koningsdag, (bare) kerst
  ...HOLIDAYS.map(({ re, span }): Custom => ({
    re: new RegExp(String.raw`(?<![\p{L}])(?:(ergens|somewhere|sometime|kort|vlak|net|ruim|shortly|just|right|soon|long)\s+)?(?:(na|after|v[oó][oó]r|before|op|on|met|at|rond(?:om)?|around|omstreeks|tijdens|during|in)\s+)?(?:(?:de|het|the)\s+)?(?:${re})(?:\s+(\d{4}))?(?![\p{L}\p{N}])`, 'giu'),
    read: (m, today, _f, deadline) => {
      // School holidays differ per region and year: asked back after a marker, a title word otherwise.
      if (!span) return m[1] || m[2] ? null : undefined;
      // "ergens na de zomer", "shortly after Easter": no one day either.
      if (m[1]) return null;
      const word = (m[2] ?? '').toLowerCase();
      // Outside a deadline ("pauze tot de zomer") a bare holiday or season is no single day.
      if (!deadline && !/^(na|after|op|on|met|at)$/.test(word)) return undefined;
      // "rond pasen", "in de zomer": no one day; the bot asks back.
      if (/^(rond|rondom|around|omstreeks|tijdens|during|in)$/.test(word)) return null;
      const kind = /^(na|after)$/.test(word) ? 'after' : /^(op|on|met|at)$/.test(word) ? 'on' : 'before';
      return holidayDate(kind, span, today, m[3] ? Number(m[3]) : undefined);
    },
    marked: (m) => Boolean(m[1] || m[2]),
  })),
];

/** chrono-node, loaded at the first date phrase read: most commands and turns never read one. */
let chronoModule: typeof Chrono | undefined;
const chrono = (): typeof Chrono => (chronoModule ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono);

/** chrono's results that are too thin to be a date in a sentence ("zo", "ma", "nu", "om 10 uur"). */
function chronoCandidates(text: string, now: Date, timeZone: string, forward: boolean): (DatePhrase & { custom: false })[] {
  const reference = { instant: now, timezone: offsetMinutes(now, timeZone) };
  const out: (DatePhrase & { custom: false })[] = [];
  for (const parser of [chrono().nl, chrono().en]) {
    for (const r of parser.parse(text, reference, { forwardDate: forward })) {
      const s = r.start;
      const phrase = r.text.trim();
      if (phrase.length <= 3 || /^(nu|now|straks|later|vanavond|tonight)$/i.test(phrase)) continue;
      const dayKnown = s.isCertain('day') || s.isCertain('weekday');
      if (!dayKnown && !s.isCertain('month')) continue;
      const [y, m, d] = [s.get('year'), s.get('month'), s.get('day')];
      if (!y || !m || !d) continue;
      out.push({ date: ymd(y, m, d), index: r.index, end: r.index + r.text.length, strong: dayKnown, custom: false });
    }
  }
  return out;
}

/** Every date phrase in the text, in order, overlapping ones resolved (own readings first, then the longest). */
export function findDates(text: string, now: Date, timeZone: string, options: ReadOptions = {}): (DatePhrase & { unreadable?: boolean })[] {
  const forward = options.forward ?? true;
  const deadline = options.deadline ?? true;
  const today = localDate(now, timeZone);
  const own: (DatePhrase & { custom: true; unreadable?: boolean })[] = [];
  for (const rule of CUSTOM) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const date = rule.read(m, today, forward, deadline);
      if (date === undefined) continue;
      const marked = rule.marked?.(m) ? { marked: true } : {};
      own.push({ date: date ?? '', index: m.index, end: m.index + m[0].length, strong: true, custom: true, unreadable: date === null, ...marked });
    }
  }
  const all: (DatePhrase & { custom: boolean; unreadable?: boolean })[] = [...own, ...chronoCandidates(text, now, timeZone, forward)];
  const chosen: (DatePhrase & { unreadable?: boolean })[] = [];
  const ranked = [...all].sort((a, b) => Number(b.custom) - Number(a.custom) || b.end - b.index - (a.end - a.index));
  for (const c of ranked) {
    if (chosen.some((o) => c.index < o.end && o.index < c.end)) continue;
    chosen.push({ date: c.date, index: c.index, end: c.end, strong: c.strong, ...(c.unreadable ? { unreadable: true } : {}), ...(c.marked ? { marked: true } : {}) });
  }
  return chosen.sort((a, b) => a.index - b.index);
}

const trimEnd = (s: string) => s.replace(/[\s.,;:!?)-]+$/u, '');

/**
 * Reads a phrase that should be only a date ("vrijdag", "tot 6 januari", "3-12", "by next week").
 * A leading marker is allowed; anything else left over means it is not a date: undefined.
 */
export function readDate(phrase: string, now: Date, timeZone: string, options: ReadOptions = {}): string | undefined {
  const wanted = trimEnd(phrase.normalize('NFC').trim())
    .replace(new RegExp(`^${MARKER}\\s+`, 'iu'), '')
    .replace(/^(aanstaande|komende|a\.s\.|coming|upcoming)\s+/iu, '');
  if (!wanted || wanted.length > 60) return undefined;
  const found = findDates(wanted, now, timeZone, options).filter((d) => !d.unreadable);
  const last = found[found.length - 1];
  if (!last) return undefined;
  const rest = (wanted.slice(0, last.index) + wanted.slice(last.end)).replace(/[\s.,;:!?]+/g, '');
  // "vrijdag 4 december" may come out as two phrases that name the same day.
  const before = found.slice(0, -1);
  if (before.some((d) => d.date !== last.date)) return undefined;
  const restWithoutOthers = before.reduce((s, d) => s.replace(wanted.slice(d.index, d.end).replace(/\s+/g, ''), ''), rest);
  return restWithoutOthers.length === 0 ? last.date : undefined;
}

/** Words that look like an attempt at a date after a deadline marker. */
const DATE_WORDS = new RegExp(
  String.raw`\d|dag\b|week|weken|maand|morgen|vandaag|${MONTH}|day\b|month|tomorrow|today|kerst|christmas|zomer|summer|vakantie|holiday|pasen|easter|pinkster|whitsun|hemelvaart|ascension|nieuwjaar|new\s+year|herfst|autumn|fall|voorjaar|spring|winter|krokus|carnaval|reces|break`,
  'iu',
);
const TAIL = 300;
const TRAILING_MARKER = /\s+(v[oó][oó]r|uiterlijk|deadline|by|before|due|tot|until|na|after|rond|around|omstreeks|tijdens|during)\s+(\S+(?:\s+\S+){0,4})\s*$/iu;

/**
 * Takes the deadline out of running text ("Plek zoeken voor de cliënt voor vrijdag"): the last
 * date phrase that is a deadline wins and leaves the title with its marker; dates elsewhere
 * stay in the title. A trailing "voor …" that looks like a date but cannot be read is returned
 * as `unreadable` (and stays in the title) so the caller can ask back.
 */
export function splitDate(text: string, now: Date, timeZone: string): SplitDate {
  const input = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const body = trimEnd(input);
  // The deadline is near the end of a long text: read only its tail, so a pasted page stays fast.
  const from = body.length > TAIL ? body.indexOf(' ', body.length - TAIL) + 1 : 0;
  const found = findDates(body.slice(from), now, timeZone).map((d) => ({ ...d, index: d.index + from, end: d.end + from }));
  for (let i = found.length - 1; i >= 0; i--) {
    const d = { ...found[i] };
    const lead = LEAD_IN.exec(body.slice(0, d.index));
    if (lead) d.index = lead.index + (lead[0].startsWith(' ') ? 1 : 0);
    const before = body.slice(0, d.index);
    const after = body.slice(d.end).trim();
    const marker = MARKER_BEFORE.exec(before);
    const atEnd = after.length === 0;
    const atStart = before.trim().length === 0;
    const deadline = marker && (STRONG_MARKER.test(marker[1]) || /^v[oó][oó]r$/i.test(marker[1]));
    // "op", "in", "on", "per" are prepositions too: "het gesprek op 3-12 nabespreken" keeps its
    // date; only a day at the very end ("bel de cliënt op vrijdag") is the deadline.
    const markerCounts = marker && (deadline || (d.strong && atEnd));
    if (!(markerCounts || d.marked || (d.strong && (atEnd || atStart)))) continue;
    if (d.unreadable) return { title: input, unreadable: body.slice(d.index, d.end) };
    const cut = marker && markerCounts ? before.slice(0, marker.index) : before;
    const title = `${cut} ${after}`.replace(/\s+/g, ' ').replace(/[\s,;:-]+$/u, '').trim();
    if (!title) return { title: input };
    // "Morgen het zorgkantoor bellen" → "Het zorgkantoor bellen".
    const shown = atStart && /^\p{Lu}/u.test(body) ? title.charAt(0).toLocaleUpperCase('nl') + title.slice(1) : title;
    return { title: shown, due: d.date };
  }
  const trailing = TRAILING_MARKER.exec(body);
  if (trailing) {
    const phrase = trailing[2];
    // "voor" is also just "for" ("voor de cliënt"): only a phrase with date words is an attempt.
    if (DATE_WORDS.test(phrase)) return { title: input, unreadable: phrase.trim() };
  }
  return { title: input };
}

