/**
 * The Slack App Home: what one person has open in Wegwijs, in this workspace. Built as a neutral
 * card from the store's core records and the features' ports (each part only when its feature
 * offers the port), then drawn as Block Kit and published with `views.publish`:
 * - my open actions (the actions I own), each with its status buttons;
 * - my networks with the next weekly nudge (or why there is none);
 * - open network questions and recent deliberations of those networks;
 * - my settings (language, role, quiet until) and how to change them;
 * - the web console (its address, and the command that sends a sign-in link).
 * Buttons on the Home carry no channel: their presses come back as the person's direct
 * conversation with the bot (the view's metadata says so), and the Home is drawn again after.
 */
import {
  button,
  buttons,
  card,
  context,
  divider,
  formatDate,
  localDate,
  nextNudge,
  text,
  type Card,
  type CardElement,
  type Lang,
  type Network,
  type Services,
} from '../../src/core/index.ts';
import { cardToBlocks } from './cards.ts';

/** Slack shows at most 100 blocks in a Home view. */
const HOME_BLOCKS = 100;
/** Per network, at most this many questions and deliberations (the console has the rest). */
const PER_NETWORK = 3;
/** The metadata of the Home view: presses on it are the person's, in their DM with the bot. */
export const HOME_METADATA = JSON.stringify({ home: true });
const OPEN_STATUSES = new Set(['open', 'in_progress', 'stuck']);

export interface HomeOptions {
  /** The web console's address (WEGWIJS_PUBLIC_URL/console), when known. */
  consoleUrl?: string;
}

/** The networks of this workspace that `userId` is a member of. */
export async function myNetworks(services: Services, tenantId: string, userId: string): Promise<{ network: Network; quietUntil?: string; quiet: boolean }[]> {
  const prefix = `slack:${tenantId}:`;
  const memberships = (await services.store.members.list({ where: { userId } })).filter((d) => d.pk.startsWith(prefix) && d.data.userId === userId);
  const out: { network: Network; quietUntil?: string; quiet: boolean }[] = [];
  for (const m of memberships) {
    const network = (await services.store.networks.get(m.pk, m.pk))?.data;
    if (network && network.status !== 'stopped') out.push({ network, quietUntil: m.data.quietUntil, quiet: m.data.quiet });
  }
  return out.sort((a, b) => a.network.name.localeCompare(b.network.name));
}

/** The Home of one person as a neutral card. */
export async function homeCard(services: Services, tenantId: string, userId: string, lang: Lang, options: HomeOptions = {}): Promise<Card> {
  const t = services.catalog.translator(lang);
  const { ports } = services;
  const now = services.clock.now();
  const networks = await myNetworks(services, tenantId, userId);
  const elements: CardElement[] = [];

  elements.push(text(t('slack.home.actions'), 'heading'));
  let mine = 0;
  for (const { network } of networks) {
    const list = (await ports.consoleActions?.list(network.id)) ?? [];
    for (const a of list.filter((x) => x.ownerId === userId && OPEN_STATUSES.has(x.status))) {
      mine++;
      const due = a.due ? t('slack.home.due', { date: formatDate(a.due, lang) }) : '';
      elements.push(text(`**#${a.number} ${a.title}**\n${[network.name, t(`actions.status.${a.status}`), due].filter(Boolean).join(' · ')}`));
      // The action's own status buttons (as on its reminder): the actions feature checks every press.
      const value = { network: network.id, n: a.number, dm: true };
      elements.push(
        buttons(
          button(t('actions.button.done'), 'actions.done', value, 'primary'),
          button(t('actions.button.progress'), 'actions.progress', value),
          button(t('actions.button.stuck'), 'actions.stuck', value),
        ),
      );
    }
  }
  if (!ports.consoleActions) elements.push(context(t('slack.home.not_available')));
  else if (!mine) elements.push(context(t('slack.home.no_actions')));

  elements.push(divider(), text(t('slack.home.networks'), 'heading'));
  if (!networks.length) elements.push(context(t('slack.home.no_networks')));
  for (const { network } of networks) {
    const next = network.status === 'paused' ? undefined : nextNudge(network, now, lang).next;
    const when = next?.at ? `${formatDate(localDate(next.at, network.timeZone), lang)}` : undefined;
    const nudge = network.status === 'paused' ? t('slack.home.paused') : when ? t('slack.home.next_nudge', { date: when }) : t('slack.home.no_nudge');
    elements.push(text(`**${network.name}** · <#${network.channelId}>\n${nudge}`));
    const questions = ((await ports.networkQuestions?.openQuestions(network.id)) ?? []).slice(0, PER_NETWORK);
    if (questions.length) elements.push(context(questions.map((q) => t('slack.home.question', { number: q.number, text: q.text })).join('\n')));
    const sessions = ((await ports.deliberationReports?.list(network.id)) ?? []).slice(0, PER_NETWORK);
    if (sessions.length) {
      elements.push(context(sessions.map((s) => t('slack.home.deliberation', { number: s.number, method: s.method, date: formatDate(localDate(new Date(s.startedAt), network.timeZone), lang) })).join('\n')));
    }
  }

  elements.push(divider(), text(t('slack.home.settings'), 'heading'));
  const prefs = (await services.store.users.get(`slack:${tenantId}`, userId))?.data;
  const role = prefs?.role ? t(`ask.role.name.${prefs.role}`) : t('slack.home.no_role');
  const quiet = networks.filter((n) => n.quiet && (!n.quietUntil || n.quietUntil > localDate(now, n.network.timeZone)));
  const quietText = quiet.length ? quiet.map((n) => (n.quietUntil ? t('slack.home.quiet_until', { network: n.network.name, date: formatDate(n.quietUntil, lang) }) : t('slack.home.quiet', { network: n.network.name }))).join('\n') : t('slack.home.not_quiet');
  elements.push(text(`${t('slack.home.language', { language: t(`slack.home.lang.${lang}`) })}\n${t('slack.home.role', { role })}\n${quietText}`));
  elements.push(context(t('slack.home.settings_hint', { bot: services.config.botName.toLowerCase() })));

  elements.push(divider(), text(t('slack.home.console'), 'heading'));
  elements.push(text(options.consoleUrl ? t('slack.home.console_link', { url: options.consoleUrl }) : t('slack.home.console_command', { bot: services.config.botName.toLowerCase() })));
  return card({ title: t('slack.home.title', { bot: services.config.botName }) }, ...elements);
}

/** The Home view as `views.publish` takes it. */
export async function homeView(services: Services, tenantId: string, userId: string, lang: Lang, options: HomeOptions = {}) {
  const built = await homeCard(services, tenantId, userId, lang, options);
  return { type: 'home' as const, private_metadata: HOME_METADATA, blocks: cardToBlocks(built, HOME_BLOCKS) };
}
