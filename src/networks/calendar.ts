/**
 * The network's calendar in words: `netwerk overslaan …` (weeks without a nudge, e.g. the summer)
 * and `netwerk volgende` (which day the next nudge comes, and why: a public holiday moved it, a
 * skipped week or a pause passed over it, your own `stil tot …`). The rules themselves live in
 * src/core/calendar.ts, shared with the scheduler, so what is said here is what happens.
 */
import { button, buttons, card, cardMessage, input, text, type Network, type OutgoingMessage, type SkipWeeks, type Turn, addDays, endOfWeek, fold, formatDate, formatInstant, localDate, nextNudge, publicHoliday, readDate } from '../core/index.ts';
import { describeSchedule } from './schedule.ts';

/** A date as this network's people read it: with its year when that is not this year ("ma 1 jan 1990"). */
export function shownDate(turn: Turn, date: string): string {
  return formatDate(date, turn.lang, localDate(turn.services.clock.now(), turn.services.config.timeZone));
}

/** A skipped period is at most a year long; a network keeps at most this many. */
const MAX_DAYS = 366;
const MAX_PERIODS = 20;

type Save = (change: Partial<Network>) => Promise<void>;

/** `netwerk overslaan <van> tot <tot>` / `… volgende week` / `… wis` / `…` (list). Facilitators only (checked by the caller). */
export async function skipCommand(turn: Turn, network: Network, typed: string, save: Save): Promise<void> {
  const now = turn.services.clock.now();
  const today = localDate(now, network.timeZone);
  const kept = (network.skipWeeks ?? []).filter((p) => p.to >= today);
  const rest = typed.trim();
  if (!rest) return void (await turn.reply({ text: listText(turn, kept) }));
  if (/^(wis|wissen|geen|leeg|uit|clear|none|off|reset)$/.test(fold(rest))) {
    await save({ skipWeeks: [] });
    return void (await turn.reply({ text: turn.t('networks.skip.cleared') }));
  }
  const period = readPeriod(rest, now, network.timeZone);
  if (!period.ok) return void (await turn.reply(askPeriod(turn, turn.t(`networks.skip.${period.error}`, { text: rest }))));
  if (period.value.to < today) return void (await turn.reply(askPeriod(turn, turn.t('networks.skip.past', { to: shownDate(turn, period.value.to) }))));
  const merged = [...kept.filter((p) => p.from !== period.value.from || p.to !== period.value.to), period.value].sort((a, b) => a.from.localeCompare(b.from)).slice(-MAX_PERIODS);
  await save({ skipWeeks: merged });
  const next = nextNudge({ ...network, skipWeeks: merged }, now, turn.lang).next?.at;
  await turn.reply({
    text: turn.t('networks.skip.set', {
      from: shownDate(turn, period.value.from),
      to: shownDate(turn, period.value.to),
      next: next ? formatInstant(next, network.timeZone, turn.lang) : '–',
    }),
  });
}

/** The skip-period form's submit (the ask-back's two date pickers). */
export async function submitSkip(turn: Turn, network: Network, inputs: Record<string, string>, save: Save): Promise<void> {
  const from = (inputs.from ?? '').trim();
  const to = (inputs.to ?? '').trim();
  await skipCommand(turn, network, from && to ? `${from} tot ${to}` : from || to || '…', save);
}

type Period = { ok: true; value: SkipWeeks } | { ok: false; error: 'unreadable' | 'reversed' | 'too_long' };

/** "19 juli tot 29 augustus", "2027-07-19 t/m 2027-08-29", or one date / "volgende week": that whole week. */
export function readPeriod(typed: string, now: Date, timeZone: string): Period {
  const parts = typed.split(/\s+(?:tot en met|t\/m|tm|tot|until|till|through|to|-|–|—)\s+/i);
  if (parts.length > 2) return { ok: false, error: 'unreadable' };
  const dates = parts.map((p) => readDate(p.replace(/^(van|vanaf|from|de week van|week van|the week of)\s+/i, ''), now, timeZone, { deadline: false }));
  if (dates.some((d) => !d)) return { ok: false, error: 'unreadable' };
  let [from, to] = dates as string[];
  if (!to) {
    // One date: the whole week it falls in (Monday to Sunday).
    to = endOfWeek(from);
    from = addDays(to, -6);
  }
  if (to < from) return { ok: false, error: 'reversed' };
  if (daysBetween(from, to) > MAX_DAYS) return { ok: false, error: 'too_long' };
  return { ok: true, value: { from, to } };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function listText(turn: Turn, periods: SkipWeeks[]): string {
  if (!periods.length) return turn.t('networks.skip.none', { bot: turn.services.config.botName });
  const lines = periods.map((p) => `- ${shownDate(turn, p.from)} – ${shownDate(turn, p.to)}`);
  return [turn.t('networks.skip.list', { count: periods.length }), ...lines, '', `_${turn.t('networks.skip.hint', { bot: turn.services.config.botName })}_`].join('\n');
}

/** Asks back with two date pickers (Slack datepicker, Teams Input.Date), never only an error. */
function askPeriod(turn: Turn, message: string): OutgoingMessage {
  return cardMessage(
    card(
      {},
      text(message),
      input('from', turn.t('networks.skip.input_from'), { kind: 'date' }),
      input('to', turn.t('networks.skip.input_to'), { kind: 'date' }),
      buttons(button(turn.t('networks.skip.button'), 'networks.skip', {}, 'primary')),
    ),
  );
}

/** `netwerk volgende`: the next nudge's day and time, and why it is not simply the next slot. */
export async function nextCommand(turn: Turn, network: Network): Promise<void> {
  const { services } = turn;
  const now = services.clock.now();
  const zone = network.timeZone;
  const lines: string[] = [];
  const schedule = describeSchedule(network.schedule, turn.lang);
  const { next, passed } = nextNudge(network, now, turn.lang);
  if (network.status === 'stopped') lines.push(turn.t('networks.next.stopped', { bot: services.config.botName }));
  else if (!next) lines.push(turn.t('networks.next.none', { schedule }));
  else lines.push(turn.t('networks.next.when', { when: formatInstant(next.at!, zone, turn.lang), zone, schedule }));

  // Why: skipped slots before it (grouped per period), then the holidays it moved past.
  const seen = new Set<string>();
  for (const p of passed) {
    const date = shownDate(turn, localDate(p.slot, zone));
    const reason = p.skipped;
    if (reason?.kind === 'skip') {
      if (seen.has(`skip:${reason.from}`)) continue;
      seen.add(`skip:${reason.from}`);
      const count = passed.filter((q) => q.skipped?.kind === 'skip' && q.skipped.from === reason.from).length;
      lines.push(`- ${turn.t('networks.next.skipped', { from: shownDate(turn, reason.from), to: shownDate(turn, reason.to), count })}`);
    } else if (p.skipped?.kind === 'paused' && !seen.has('paused')) {
      seen.add('paused');
      const until = p.skipped.until ? formatInstant(new Date(p.skipped.until), zone, turn.lang).replace(/,? 00:00$/, '') : '';
      lines.push(`- ${turn.t(until ? 'networks.next.paused_until' : 'networks.next.paused', { date, until })}`);
    }
  }
  for (const m of next?.moved ?? []) lines.push(`- ${turn.t('networks.next.holiday', { date: shownDate(turn, m.date), holiday: m.name })}`);
  if (next && !next.moved.length && !passed.length) lines.push(`- ${turn.t('networks.next.as_planned')}`);

  // Every skipped period still to come (the one that passed over a slot above included), so the
  // facilitator sees the whole plan, not only what lies before the next nudge.
  const today = localDate(now, zone);
  const comingSkips = (network.skipWeeks ?? []).filter((p) => p.to >= today);
  if (comingSkips.length) {
    lines.push('', turn.t('networks.next.skips_coming', { count: comingSkips.length }), ...comingSkips.map((p) => `- ${shownDate(turn, p.from)} – ${shownDate(turn, p.to)}`));
  }

  // The public holidays in the coming eight weeks, so nobody is surprised.
  const coming: string[] = [];
  for (let d = today, i = 0; i < 56; i++, d = addDays(d, 1)) {
    const name = publicHoliday(d, turn.lang);
    if (name) coming.push(`${shownDate(turn, d)} (${name})`);
  }
  if (coming.length) lines.push('', turn.t('networks.next.coming_holidays', { list: coming.join(', ') }));

  // Personal: your own reminders.
  const member = turn.message.isDirect ? undefined : (await services.store.members.get(network.id, turn.user.id))?.data;
  if (member?.quiet) {
    const quietUntil = member.quietUntil && member.quietUntil > today ? member.quietUntil : undefined;
    if (quietUntil) lines.push('', turn.t('networks.next.quiet_until', { date: shownDate(turn, quietUntil), bot: services.config.botName }));
    else if (!member.quietUntil) lines.push('', turn.t('networks.next.quiet', { bot: services.config.botName }));
  }
  await turn.reply({ text: lines.join('\n') });
}
