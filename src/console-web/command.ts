/**
 * `wegwijs console`: a one-time sign-in link, sent by direct message to the verified user of the
 * turn (never shown in a channel). At most `linksPerWindow` links per person per 10 minutes,
 * counted in the store so every instance agrees. `wegwijs console curator @name`: a facilitator
 * names a knowledge curator of the tenant.
 */
import { fold, tenantKey, type Command, type Services, type Turn } from '../core/index.ts';
import { nameCurator } from './access.ts';
import { linkToken } from './auth.ts';
import type { ConsoleWebConfig } from './config.ts';

const WINDOW_SECONDS = 600;

export function consoleCommand(services: Services, config: ConsoleWebConfig): Command {
  return {
    names: ['console', 'dashboard'],
    summaryKey: 'console_web.summary',
    handler: async (turn, args) => {
      if (/^(curator|curatoren|curators)\b/i.test(args.trim())) return nameCurators(turn);
      if (args.trim()) return void (await turn.reply({ text: turn.t('console_web.usage', { bot: services.config.botName }) }));
      await sendLink(turn, services, config);
    },
  };
}

async function sendLink(turn: Turn, services: Services, config: ConsoleWebConfig): Promise<void> {
  const { message } = turn;
  const now = services.clock.now();
  const window = Math.floor(now.getTime() / (WINDOW_SECONDS * 1000));
  let allowed = false;
  for (let slot = 0; slot < config.linksPerWindow && !allowed; slot++) {
    allowed = await services.store.claimOnce('console-link-rate', `${tenantKey(message)}:${message.user.id}:${window}:${slot}`, WINDOW_SECONDS * 2);
  }
  if (!allowed) return void (await turn.replyPrivately({ text: turn.t('console_web.link.rate_limited') }));
  const { token } = linkToken(config, { platform: message.platform, tenantId: message.tenantId, userId: message.user.id, name: message.user.name || message.user.id, lang: turn.lang }, now.getTime());
  const url = `${config.publicUrl}/console/login?token=${encodeURIComponent(token)}`;
  const text = turn.t('console_web.link.dm', { url, minutes: Math.round(config.linkSeconds / 60) });
  if (message.isDirect) await turn.reply({ text });
  else {
    await turn.sendDirect({ text });
    await turn.replyPrivately({ text: turn.t('console_web.link.sent') });
  }
  turn.log.info({ user: 'console-link' }, 'console sign-in link sent');
}

async function nameCurators(turn: Turn): Promise<void> {
  const network = turn.message.isDirect ? undefined : (await turn.network())?.data;
  if (!network || !network.facilitators.includes(turn.user.id)) return void (await turn.replyPrivately({ text: turn.t('console_web.curator.facilitator_only') }));
  const bot = fold(turn.services.config.botName);
  const people = turn.message.mentions.filter((m) => fold(m.name) !== bot && fold(m.id) !== bot);
  if (!people.length) return void (await turn.replyPrivately({ text: turn.t('console_web.curator.usage', { bot: turn.services.config.botName }) }));
  for (const p of people) await nameCurator(turn.services, tenantKey(turn.message), p.id, turn.user.id);
  await turn.reply({ text: turn.t('console_web.curator.named', { names: people.map((p) => p.name || p.id).join(', ') }) });
}
