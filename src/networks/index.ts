/**
 * The networks feature: a channel becomes a learning network (`wegwijs netwerk start "…"`), with
 * facilitators, a time zone, a language, a nudge schedule, a pause or a stop; and anyone can opt
 * out of personal reminders (`wegwijs stil`).
 */
import { button, buttons, card, cardMessage, fewWords, input, text, type Feature, type OutgoingMessage, type Services, type Turn, fold, isLang, networkId, formatInstant, nextNudge, readDate, tenantKey } from '../core/index.ts';
import { isTimeZone } from '../config.ts';
import type { Member, Network } from '../core/index.ts';
import { consoleNetworksPort } from './console-port.ts';
import { nextCommand, shownDate, skipCommand, submitSkip } from './calendar.ts';
import { exportNetworksUser, forgetNetworksUser } from './privacy.ts';
import { DEFAULT_SCHEDULE, describeSchedule, localDate, nextRun, parseLocalDate, parseSchedule, startOfLocalDay } from './schedule.ts';

/** Builds the feature. */
export function createNetworksFeature(services: Services): Feature {
  const bot = () => services.config.botName;
  services.ports.consoleNetworks = consoleNetworksPort(services);
  return {
    name: 'networks',
    commands: [
      {
        names: ['netwerk', 'network'],
        usage: 'networks.usage_args',
        summaryKey: 'networks.summary',
        handler: (turn, args) => networkCommand(turn, args, bot()),
        // Its settings ("netwerk pauze tot 6 januari"); another sentence is a question about networks.
        accepts: (args) => fewWords(args) || SUB.some(([pattern]) => pattern.test(fold(args.trim()))),
      },
      { names: ['stil', 'quiet'], usage: 'networks.quiet.usage_args', summaryKey: 'networks.quiet.summary', handler: quietCommand },
    ],
    // The date pickers of the ask-back cards: a date that could not be read, picked instead.
    actions: {
      pause: async (turn, action) => {
        const network = turn.message.isDirect ? undefined : (await turn.network())?.data;
        if (!network) return void (await turn.replyPrivately({ text: turn.t('networks.none', { bot: bot() }) }));
        if (!network.facilitators.includes(turn.user.id)) return void (await turn.replyPrivately({ text: turn.t('networks.facilitator_only') }));
        await pause(turn, network, (action.inputs?.date ?? '').trim(), bot());
      },
      skip: async (turn, action) => {
        const network = turn.message.isDirect ? undefined : (await turn.network())?.data;
        if (!network) return void (await turn.replyPrivately({ text: turn.t('networks.none', { bot: bot() }) }));
        if (!network.facilitators.includes(turn.user.id)) return void (await turn.replyPrivately({ text: turn.t('networks.facilitator_only') }));
        await submitSkip(turn, network, action.inputs ?? {}, (change) => save(turn, network, change));
      },
      quiet: (turn, action) => quietCommand(turn, `tot ${(action.inputs?.date ?? '').trim() || '…'}`),
    },
    exportUser: (subject, view) => exportNetworksUser(services, subject, view),
    forgetUser: (subject) => forgetNetworksUser(services, subject),
  };
}

const SUB: [RegExp, string][] = [
  [/^(start|begin|nieuw|new)\b/i, 'start'],
  [/^(facilitator|facilitators)\b/i, 'facilitator'],
  [/^(schema|schedule|planning|tijd|time)\b/i, 'schedule'],
  [/^(pauze|pauzeer|pause)\b/i, 'pause'],
  [/^(hervat|resume|verder|unpause)\b/i, 'resume'],
  [/^(stop|stoppen|beeindig|end)\b/i, 'stop'],
  [/^(taal|language)\b/i, 'language'],
  [/^(tijdzone|timezone|zone)\b/i, 'zone'],
  [/^(overslaan|vakantie|skip|break)\b/i, 'skip'],
  [/^(volgende|next|kalender|calendar)\b/i, 'next'],
  [/^(plaatjes|afbeeldingen|grafieken|pictures|images|charts)\b/i, 'pictures'],
];

async function networkCommand(turn: Turn, args: string, bot: string): Promise<void> {
  if (turn.message.isDirect) return void (await turn.reply({ text: turn.t('networks.not_in_dm', { bot }) }));
  const trimmed = args.trim();
  const sub = SUB.find(([pattern]) => pattern.test(fold(trimmed)));
  const rest = sub ? trimmed.replace(/^\S+\s*/, '').trim() : trimmed;
  if (sub?.[1] === 'start') return start(turn, rest, bot);
  const doc = await turn.network();
  if (!doc) return void (await turn.reply({ text: turn.t('networks.none', { bot }) }));
  const network = doc.data;
  if (!sub) {
    if (trimmed) return void (await turn.reply({ text: turn.t('networks.usage', { bot }) }));
    return void (await turn.reply({ text: await settingsText(turn, network) }));
  }
  // Anyone may ask when the next nudge comes; changing the calendar is for facilitators.
  if (sub[1] === 'next') return nextCommand(turn, network);
  if (!network.facilitators.includes(turn.user.id)) return void (await turn.reply({ text: turn.t('networks.facilitator_only') }));
  switch (sub[1]) {
    case 'skip':
      return skipCommand(turn, network, rest, (change) => save(turn, network, change));
    case 'facilitator':
      return addFacilitators(turn, network, bot);
    case 'schedule': {
      const schedule = parseSchedule(rest, network.timeZone);
      if (!schedule) return void (await turn.reply({ text: turn.t('networks.schedule.invalid', { text: rest || '…', bot }) }));
      await save(turn, network, { schedule, scheduleSince: turn.services.clock.now().toISOString() });
      return void (await turn.reply({ text: turn.t('networks.schedule.set', { schedule: describeSchedule(schedule, turn.lang), next: nextText(turn, { ...network, schedule }) }) }));
    }
    case 'pause':
      return pause(turn, network, rest.replace(/^(tot|until|till|t\/m)\s+/i, ''), bot);
    case 'resume':
      await save(turn, network, { status: 'active', pausedUntil: undefined, scheduleSince: turn.services.clock.now().toISOString() });
      return void (await turn.reply({ text: turn.t('networks.resumed', { next: nextText(turn, { ...network, status: 'active' }) }) }));
    case 'stop':
      await save(turn, network, { status: 'stopped', pausedUntil: undefined });
      return void (await turn.reply({ text: turn.t('networks.stopped', { bot }) }));
    case 'language': {
      const wanted = ({ nl: 'nl', nederlands: 'nl', dutch: 'nl', en: 'en', engels: 'en', english: 'en' } as Record<string, string>)[fold(rest)];
      if (!isLang(wanted)) return void (await turn.reply({ text: turn.t('networks.language.invalid') }));
      await save(turn, network, { language: wanted });
      return void (await turn.inLanguage(wanted).reply({ text: turn.services.catalog.t(wanted, 'networks.language.set') }));
    }
    case 'pictures': {
      // Pictures in the chat (the nudge's chart, an impact matrix): on unless a facilitator turns them off.
      const on = /^(aan|on|ja|yes)$/i.test(rest) ? true : /^(uit|off|nee|no)$/i.test(rest) ? false : undefined;
      if (on === undefined) return void (await turn.reply({ text: turn.t('networks.pictures.usage', { state: turn.t(network.pictures === false ? 'networks.pictures.off' : 'networks.pictures.on'), bot }) }));
      await save(turn, network, { pictures: on });
      return void (await turn.reply({ text: turn.t('networks.pictures.set', { state: turn.t(on ? 'networks.pictures.on' : 'networks.pictures.off') }) }));
    }
    case 'zone': {
      if (!rest || !isTimeZone(rest)) return void (await turn.reply({ text: turn.t('networks.zone.invalid', { text: rest || '…' }) }));
      await save(turn, network, { timeZone: rest });
      return void (await turn.reply({ text: turn.t('networks.zone.set', { zone: rest }) }));
    }
  }
}

async function start(turn: Turn, rest: string, bot: string): Promise<void> {
  const { services } = turn;
  const id = networkId(turn.conversation);
  const name = rest.replace(/^["“”'‘’]+|["“”'‘’]+$/g, '').trim() || turn.message.channelName || turn.message.channelId;
  const now = services.clock.now().toISOString();
  type Outcome = 'created' | 'exists' | 'restarted' | 'forbidden';
  let outcome = 'created' as Outcome;
  const doc = await services.store.networks.update(id, id, (current) => {
    if (current && current.status !== 'stopped') return void (outcome = 'exists');
    if (current && !current.facilitators.includes(turn.user.id)) return void (outcome = 'forbidden');
    outcome = current ? 'restarted' : 'created';
    if (current) return { ...current, status: 'active', pausedUntil: undefined, scheduleSince: now, name: rest ? name : current.name };
    return {
      id,
      platform: turn.message.platform,
      tenantId: turn.message.tenantId,
      channelId: turn.message.channelId,
      name: name.slice(0, 120),
      timeZone: services.config.timeZone,
      language: turn.lang,
      schedule: DEFAULT_SCHEDULE,
      facilitators: [turn.user.id],
      status: 'active',
      createdAt: now,
      createdBy: turn.user.id,
    };
  });
  if (outcome === 'exists') return void (await turn.reply({ text: turn.t('networks.exists', { name: doc!.data.name, bot }) }));
  if (outcome === 'forbidden') return void (await turn.reply({ text: turn.t('networks.facilitator_only') }));
  await services.store.members.update(id, turn.user.id, (current) =>
    current ? undefined : { userId: turn.user.id, name: turn.user.name || turn.user.id, quiet: false, joinedAt: now },
  );
  services.log.info({ network: id, outcome }, 'network started');
  const network = doc!.data;
  await turn.reply({
    text: turn.t(outcome === 'restarted' ? 'networks.restarted' : 'networks.started', {
      name: network.name,
      schedule: describeSchedule(network.schedule, turn.lang),
      zone: network.timeZone,
      bot,
    }),
  });
}

async function addFacilitators(turn: Turn, network: Network, bot: string): Promise<void> {
  const people = turn.message.mentions.filter((m) => fold(m.name) !== fold(bot) && fold(m.id) !== fold(bot));
  if (!people.length) return void (await turn.reply({ text: turn.t('networks.facilitator.usage', { bot }) }));
  const now = turn.services.clock.now().toISOString();
  await save(turn, network, { facilitators: [...new Set([...network.facilitators, ...people.map((p) => p.id)])] });
  for (const p of people) {
    await turn.services.store.members.update(network.id, p.id, (current) => (current ? undefined : { userId: p.id, name: p.name || p.id, quiet: false, joinedAt: now }));
  }
  await turn.reply({ text: turn.t('networks.facilitator.added', { names: people.map((p) => p.name || p.id).join(', ') }) });
}

async function pause(turn: Turn, network: Network, typed: string, bot: string): Promise<void> {
  const now = turn.services.clock.now();
  const date = parseLocalDate(typed, now, network.timeZone);
  if (!date) return void (await turn.reply(askDate(turn, 'networks.pause.unreadable', { text: typed || '…', bot }, 'networks.pause')));
  if (date <= localDate(now, network.timeZone)) return void (await turn.reply(askDate(turn, 'networks.pause.past', { date: shownDate(turn, date), bot }, 'networks.pause')));
  const until = startOfLocalDay(date, network.timeZone).toISOString();
  await save(turn, network, { status: 'paused', pausedUntil: until });
  await turn.reply({ text: turn.t('networks.paused', { date: formatInstant(new Date(until), network.timeZone, turn.lang).replace(/,? 00:00$/, '') }) });
}

/** Asks back for a date with a date picker (Slack datepicker, Teams Input.Date) instead of only failing. */
function askDate(turn: Turn, key: string, vars: Record<string, string>, actionId: string): OutgoingMessage {
  return cardMessage(
    card({}, text(turn.t(key, vars)), input('date', turn.t('networks.input.date'), { kind: 'date' }), buttons(button(turn.t('networks.button.set_date'), actionId, {}, 'primary'))),
  );
}

async function save(turn: Turn, network: Network, change: Partial<Network>): Promise<void> {
  await turn.services.store.networks.update(network.id, network.id, (current) => (current ? { ...current, ...change } : undefined));
  turn.services.log.info({ network: network.id, fields: Object.keys(change) }, 'network changed');
}

function nextText(turn: Turn, network: Network): string {
  // The calendar's next nudge: after public holidays, skipped weeks and a pause.
  const next = nextNudge(network, turn.services.clock.now(), turn.lang).next?.at;
  return next ? formatInstant(next, network.timeZone, turn.lang) : '–';
}

async function settingsText(turn: Turn, network: Network): Promise<string> {
  const t = turn.t.bind(turn);
  const members = await turn.services.store.members.list({ pk: network.id });
  const status =
    network.status === 'paused' && network.pausedUntil
      ? t('networks.status.paused_until', { date: formatInstant(new Date(network.pausedUntil), network.timeZone, turn.lang) })
      : t(`networks.status.${network.status}`);
  const lines = [
    `**${t('networks.settings.title', { name: network.name })}**`,
    `- ${t('networks.settings.facilitators')}: ${network.facilitators.map((id) => members.find((m) => m.id === id)?.data.name || id).join(', ')}`,
    `- ${t('networks.settings.members')}: ${members.length}`,
    `- ${t('networks.settings.status')}: ${status}`,
    `- ${t('networks.settings.schedule')}: ${describeSchedule(network.schedule, turn.lang)} (${network.timeZone})`,
    `- ${t('networks.settings.language')}: ${network.language}`,
  ];
  if (network.status !== 'stopped') lines.push(`- ${t('networks.settings.next')}: ${nextText(turn, network)}`);
  const today = localDate(turn.services.clock.now(), network.timeZone);
  const skipped = (network.skipWeeks ?? []).filter((p) => p.to >= today);
  if (skipped.length) lines.push(`- ${t('networks.settings.skipped')}: ${skipped.map((p) => `${shownDate(turn, p.from)} – ${shownDate(turn, p.to)}`).join(', ')}`);
  // The nudge's own state (the actions feature), through its port: absent without that feature.
  const nudge = (await turn.services.ports.nudgeStatus?.status(network.id)) ?? {};
  if (nudge.lastNudgeAt) lines.push(`- ${t('networks.settings.last')}: ${formatInstant(new Date(nudge.lastNudgeAt), network.timeZone, turn.lang)}`);
  if (nudge.deliveryIssue) {
    const d = nudge.deliveryIssue;
    lines.push(`- ⚠️ ${t('networks.settings.delivery_issue', { when: formatInstant(new Date(d.at), network.timeZone, turn.lang), target: d.target, error: d.error, count: d.count })}`);
  }
  lines.push('', `_${t('networks.settings.hint', { bot: turn.services.config.botName })}_`);
  return lines.join('\n');
}

async function quietCommand(turn: Turn, args: string): Promise<void> {
  const { services, message } = turn;
  const bot = services.config.botName;
  const typed = args.trim();
  const off = /^(uit|off|nee|no|stop)$/i.test(fold(typed));
  // "stil tot 6 januari": quiet until that day, read by the bot's one date reader.
  let until: string | undefined;
  if (typed && !off) {
    const wanted = typed.replace(/^(tot|until|till|t\/m)\s+/i, '');
    const network = message.isDirect ? undefined : (await turn.network())?.data;
    const zone = network?.timeZone ?? services.config.timeZone;
    until = readDate(wanted, services.clock.now(), zone, { deadline: false });
    if (!until) return void (await turn.replyPrivately(askDate(turn, 'networks.quiet.unreadable', { text: wanted, bot }, 'networks.quiet')));
    if (until <= localDate(services.clock.now(), zone)) return void (await turn.replyPrivately(askDate(turn, 'networks.quiet.past', { date: shownDate(turn, until), bot }, 'networks.quiet')));
  }
  const quiet = !off;
  const change = (current: Member): Member => ({ ...current, quiet, quietUntil: quiet ? until : undefined });
  // Only this tenant's memberships (the partition key is the network id, platform:tenant:channel).
  const mine = (await services.store.members.list({ where: { userId: message.user.id } })).filter((d) => d.pk.startsWith(`${tenantKey(message)}:`));
  let count = 0;
  for (const doc of mine) {
    const network = await services.store.networks.get(doc.pk, doc.pk);
    if (!network || network.data.platform !== message.platform || network.data.tenantId !== message.tenantId) continue;
    await services.store.members.update(doc.pk, doc.id, (current) => (current ? change(current) : undefined));
    count++;
  }
  if (!message.isDirect && (await turn.network())) {
    const id = networkId(turn.conversation);
    const now = services.clock.now().toISOString();
    await services.store.members.update(id, message.user.id, (current) =>
      current ? (current.quiet === quiet && current.quietUntil === until ? undefined : change(current)) : change({ userId: message.user.id, name: message.user.name || message.user.id, quiet, joinedAt: now }),
    );
    count = Math.max(count, 1);
  }
  if (!count) return void (await turn.replyPrivately({ text: turn.t('networks.quiet.no_networks') }));
  const key = until ? 'networks.quiet.until' : quiet ? 'networks.quiet.on' : 'networks.quiet.off';
  await turn.replyPrivately({ text: turn.t(key, { bot, date: until ? shownDate(turn, until) : '' }) });
}
