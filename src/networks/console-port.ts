/**
 * The networks feature's side of the web console (`services.ports.consoleNetworks`): a network's
 * settings, and a change read with the same rules as `wegwijs netwerk schema|pauze|hervat|taal|tijdzone`.
 */
import { type ChatUser, type ConsoleNetworksPort, type ConsoleResult, type ConsoleSettingsChange, type Services, fold, isLang, nextNudge } from '../core/index.ts';
import { isTimeZone } from '../config.ts';
import type { Network } from '../core/index.ts';
import { readPeriod } from './calendar.ts';
import { describeSchedule, localDate, parseLocalDate, parseSchedule, startOfLocalDay } from './schedule.ts';

const MAX_PERIODS = 20;

const LANGUAGES: Record<string, string> = { nl: 'nl', nederlands: 'nl', dutch: 'nl', en: 'en', engels: 'en', english: 'en' };

export function consoleNetworksPort(services: Services): ConsoleNetworksPort {
  return {
    async settings(id, lang) {
      const network = (await services.store.networks.get(id, id))?.data;
      if (!network) return undefined;
      const now = services.clock.now();
      // The scheduler's own rule (core/calendar.ts): holidays, skipped weeks and a pause counted.
      const next = network.status === 'stopped' ? undefined : nextCached(network, now, lang);
      const today = localDate(now, network.timeZone);
      return {
        schedule: network.schedule,
        scheduleText: describeSchedule(network.schedule, lang).replace(/`/g, ''),
        status: network.status,
        pausedUntil: network.pausedUntil,
        language: network.language,
        timeZone: network.timeZone,
        nextNudge: next?.toISOString(),
        skipWeeks: (network.skipWeeks ?? []).filter((p) => p.to >= today),
      };
    },
    change: (id, change, by) => changeSettings(services, id, change, by),
  };
}

/**
 * The calendar looks a year ahead through the holidays (tens of milliseconds): its answer is kept
 * while the inputs are the same and the slot it found is still ahead.
 */
const nextSlots = new Map<string, Date | undefined>();
function nextCached(network: Network, now: Date, lang: 'nl' | 'en'): Date | undefined {
  const key = JSON.stringify([network.id, network.schedule, network.timeZone, network.status, network.pausedUntil, network.skipWeeks, lang]);
  const cached = nextSlots.get(key);
  if (cached && cached > now) return cached;
  const next = nextNudge(network, now, lang).next?.at;
  if (nextSlots.size > 1000) nextSlots.clear();
  nextSlots.set(key, next);
  return next;
}

async function changeSettings(services: Services, id: string, change: ConsoleSettingsChange, by: ChatUser): Promise<ConsoleResult> {
  const network = (await services.store.networks.get(id, id))?.data;
  if (!network) return { ok: false, key: 'networks.none', vars: { bot: services.config.botName } };
  if (!network.facilitators.includes(by.id)) return { ok: false, key: 'networks.facilitator_only' };
  const now = services.clock.now();
  const patch: Partial<Network> = {};
  const zone = change.timeZone?.trim();
  if (zone && zone !== network.timeZone) {
    if (!isTimeZone(zone)) return { ok: false, key: 'networks.zone.invalid', vars: { text: zone } };
    patch.timeZone = zone;
  }
  const timeZone = patch.timeZone ?? network.timeZone;
  const typedSchedule = change.schedule?.trim();
  if (typedSchedule && typedSchedule !== network.schedule && typedSchedule !== describeSchedule(network.schedule, 'nl') && typedSchedule !== describeSchedule(network.schedule, 'en')) {
    const schedule = parseSchedule(typedSchedule, timeZone);
    if (!schedule) return { ok: false, key: 'networks.schedule.invalid', vars: { text: typedSchedule, bot: services.config.botName } };
    if (schedule !== network.schedule) Object.assign(patch, { schedule, scheduleSince: now.toISOString() });
  }
  const language = change.language ? LANGUAGES[fold(change.language)] : undefined;
  if (change.language && !isLang(language)) return { ok: false, key: 'networks.language.invalid' };
  if (isLang(language) && language !== network.language) patch.language = language;
  if (network.status !== 'stopped') {
    if (change.resume && network.status === 'paused') Object.assign(patch, { status: 'active', pausedUntil: undefined, scheduleSince: now.toISOString() });
    const typedPause = change.pauseUntil?.trim();
    if (typedPause) {
      const date = parseLocalDate(typedPause, now, timeZone);
      if (!date) return { ok: false, key: 'networks.pause.unreadable', vars: { text: typedPause, bot: services.config.botName } };
      if (date <= localDate(now, timeZone)) return { ok: false, key: 'networks.pause.past', vars: { date, bot: services.config.botName } };
      Object.assign(patch, { status: 'paused', pausedUntil: startOfLocalDay(date, timeZone).toISOString() });
    }
  }
  const skip = [change.skipFrom?.trim(), change.skipTo?.trim()].filter(Boolean);
  if (change.clearSkips) patch.skipWeeks = [];
  else if (skip.length) {
    // As `netwerk overslaan <van> tot <tot>`: one day means its whole week.
    const period = readPeriod(skip.join(' tot '), now, timeZone);
    if (!period.ok) return { ok: false, key: `networks.skip.${period.error}`, vars: { text: skip.join(' – ') } };
    const today = localDate(now, timeZone);
    if (period.value.to < today) return { ok: false, key: 'networks.skip.past', vars: { to: period.value.to } };
    const kept = (network.skipWeeks ?? []).filter((p) => p.to >= today && (p.from !== period.value.from || p.to !== period.value.to));
    patch.skipWeeks = [...kept, period.value].sort((a, b) => a.from.localeCompare(b.from)).slice(-MAX_PERIODS);
  }
  if (!Object.keys(patch).length) return { ok: true };
  await services.store.networks.update(id, id, (current) => (current ? { ...current, ...patch } : undefined));
  services.log.info({ network: id, fields: Object.keys(patch), via: 'console' }, 'network changed');
  return { ok: true };
}
