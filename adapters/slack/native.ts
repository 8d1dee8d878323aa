/**
 * Slack's own surfaces for Wegwijs, registered on the Bolt app next to the message listeners:
 * - App Home (`app_home_opened`): the person's open actions, networks, questions, deliberations,
 *   settings and the console, published with `views.publish`; drawn again after a press on it
 *   and after an action is logged through the shortcut.
 * - Global shortcut "Actie loggen" (`wegwijs_log_action`): a modal with the network (when the
 *   person is in more than one), the action, an owner picker (`users_select`) and a `datepicker`;
 *   its submit is the actions feature's form action in that network's channel.
 * - Message shortcut "Vraag Wegwijs hierover" (`wegwijs_ask_about`): the message's text (redacted
 *   by the core like every text) as a question, answered in the message's thread, privately first.
 * The workspace and the person come from the verified request only. The Home of someone who
 * opened it is drawn again after each of their presses and direct messages (`afterTurn`, best
 * effort, this instance).
 */
import type { App as BoltApp, Context } from '@slack/bolt';
import { z } from 'zod';
import { errorCode, parseIncoming, type Bot, type IncomingMessage, type Lang, type Logger, type Services } from '../../src/core/index.ts';
import type { SlackPlatformData } from './slack-adapter.ts';
import { fromSlackText } from './mrkdwn.ts';
import type { SlackAdapter } from './slack-adapter.ts';
import { HOME_METADATA, homeView, myNetworks } from './home.ts';
import { logActionModal, readLogAction, LOG_ACTION_CALLBACK } from './shortcuts.ts';
import { coreActionId } from './cards.ts';

export const ASK_ABOUT_CALLBACK = 'wegwijs_ask_about';

export interface NativeDeps {
  bot: Bot;
  services: Services;
  adapter: SlackAdapter;
  log: Logger;
  who: (context: Context, userId: string) => Promise<{ tenantId: string; user: { id: string; name: string }; botUserId?: string }>;
  /** The turn of a request, with its Bolt context (which kept request it is, outbox.ts). */
  handle: (message: IncomingMessage, context: Context) => Promise<void>;
}


const HomePress = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string().optional(),
  view: z.object({ type: z.literal('home'), private_metadata: z.literal(HOME_METADATA) }).passthrough(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(4000).optional() }).passthrough()).min(1),
});

const MessageShortcut = z.object({
  trigger_id: z.string().optional(),
  user: z.object({ id: z.string() }),
  channel: z.object({ id: z.string(), name: z.string().optional() }),
  message: z.object({ text: z.string().max(40_000).optional(), ts: z.string(), thread_ts: z.string().optional() }).passthrough(),
});

export interface Native {
  /** Called after every turn: draws the person's Home again when the turn may have changed it. */
  afterTurn(message: IncomingMessage): void;
}

export function registerNative(app: BoltApp, deps: NativeDeps): Native {
  const { services, bot, adapter, log } = deps;
  /** People who opened their Home (on this instance), bounded. */
  const viewers = new Set<string>();
  const viewing = (tenantId: string, userId: string) => {
    if (viewers.size >= 10_000) viewers.clear();
    viewers.add(`${tenantId}|${userId}`);
  };

  /** Publishes the Home of one person; best effort (a failure is logged, never shown). */
  const publishHome = async (tenantId: string, userId: string, lang?: Lang) => {
    try {
      const language = lang ?? (await bot.languageFor({ platform: 'slack', tenantId, channelId: userId, isDirect: true, user: { id: userId, name: '' } }));
      const view = await homeView(services, tenantId, userId, language, { consoleUrl: services.config.publicUrl && `${services.config.publicUrl}/console` });
      await adapter.call(tenantId, (client) => client.views.publish({ user_id: userId, view }));
    } catch (err) {
      log.warn({ code: errorCode(err) }, 'slack home not published');
    }
  };

  app.event('app_home_opened', async ({ event, context }) => {
    if (event.tab !== 'home') return;
    const { tenantId } = await deps.who(context, event.user);
    viewing(tenantId, event.user);
    await publishHome(tenantId, event.user);
  });

  // A press on the Home: the person's, in their direct conversation with the bot (Slack posts to
  // a user id there); the Home is drawn again when the turn is done.
  app.action({ type: 'block_actions' }, async ({ ack, body, context }) => {
    const press = HomePress.safeParse(body);
    if (!press.success) return;
    await ack();
    const who = await deps.who(context, press.data.user.id);
    const action = press.data.actions[0];
    const message = parseIncoming({
      platform: 'slack',
      tenantId: who.tenantId,
      channelId: who.user.id,
      user: who.user,
      text: '',
      addressedToBot: true,
      isDirect: true,
      action: { id: coreActionId(action.action_id), ...(parseValue(action.value) ? { value: parseValue(action.value) } : {}) },
      platformData: { triggerId: press.data.trigger_id } satisfies SlackPlatformData,
    });
    viewing(who.tenantId, who.user.id);
    await deps.handle(message, context);
  });

  app.shortcut(LOG_ACTION_CALLBACK, async ({ ack, shortcut, context }) => {
    await ack();
    const who = await deps.who(context, shortcut.user.id);
    const lang = await bot.languageFor({ platform: 'slack', tenantId: who.tenantId, channelId: who.user.id, isDirect: true, user: who.user });
    const networks = (await myNetworks(services, who.tenantId, who.user.id)).map((n) => n.network);
    const view = logActionModal(services.catalog.translator(lang), networks, who.user.id);
    await adapter.call(who.tenantId, (client) => client.views.open({ trigger_id: shortcut.trigger_id, view }));
  });

  app.view(LOG_ACTION_CALLBACK, async ({ ack, body, context }) => {
    await ack();
    const who = await deps.who(context, body.user.id);
    const read = readLogAction(body.view as never);
    if (!read) return;
    // Only a network of this workspace that the person is in: the channel is not taken on trust.
    const mine = (await myNetworks(services, who.tenantId, who.user.id)).map((n) => n.network);
    const network = mine.find((n) => n.channelId === read.channelId) ?? (mine.length === 1 && !read.channelId ? mine[0] : undefined);
    if (!network) return void log.info({ code: 'not_a_member' }, 'slack log-action shortcut for a network the user is not in');
    const owner = read.ownerId && read.ownerId !== who.user.id ? { id: read.ownerId, name: await adapter.userName(who.tenantId, read.ownerId) } : undefined;
    const message = parseIncoming({
      platform: 'slack',
      tenantId: who.tenantId,
      channelId: network.channelId,
      user: who.user,
      text: '',
      addressedToBot: true,
      isDirect: false,
      ...(owner ? { mentions: [owner] } : {}),
      action: { id: 'actions.create', inputs: { title: read.title, ...(owner ? { owner: owner.name } : {}), ...(read.due ? { due: read.due } : {}) } },
    });
    await deps.handle(message, context);
  });

  app.shortcut(ASK_ABOUT_CALLBACK, async ({ ack, shortcut, context }) => {
    await ack();
    const payload = MessageShortcut.safeParse(shortcut);
    if (!payload.success) return;
    const { channel, message: asked, user } = payload.data;
    const who = await deps.who(context, user.id);
    const question = fromSlackText(asked.text ?? '', who.botUserId).text;
    // A message without text (a picture, a file): said privately, never the help in its thread.
    if (!question.trim()) {
      const lang = await bot.languageFor({ platform: 'slack', tenantId: who.tenantId, channelId: channel.id, isDirect: channel.id.startsWith('D'), user: who.user });
      const where = { platform: 'slack' as const, tenantId: who.tenantId, channelId: channel.id, isDirect: channel.id.startsWith('D') };
      const thread = channel.id.startsWith('D') ? undefined : (asked.thread_ts ?? asked.ts);
      return void (await adapter.postEphemeral(where, who.user.id, { text: services.catalog.t(lang, 'slack.shortcut.no_text') }, thread).catch((err) => log.warn({ code: errorCode(err) }, 'slack ask-about notice not sent')));
    }
    const message = parseIncoming({
      platform: 'slack',
      tenantId: who.tenantId,
      channelId: channel.id,
      channelName: channel.name,
      // The answer goes under the message it is about.
      threadId: channel.id.startsWith('D') ? undefined : (asked.thread_ts ?? asked.ts),
      user: who.user,
      text: question,
      addressedToBot: true,
      asQuestion: true,
      isDirect: channel.id.startsWith('D'),
      platformData: { triggerId: payload.data.trigger_id } satisfies SlackPlatformData,
    });
    await deps.handle(message, context);
  });

  return {
    afterTurn(message) {
      // A press (an action's status, a vote) or a direct message (settings) may change the Home.
      if (message.platform !== 'slack' || !(message.action || message.isDirect)) return;
      if (!viewers.has(`${message.tenantId}|${message.user.id}`)) return;
      void publishHome(message.tenantId, message.user.id);
    },
  };
}

type Scalar = string | number | boolean | null;

/** A button value as Wegwijs wrote it (a flat JSON object of scalars), else nothing. */
function parseValue(value: string | undefined): Record<string, Scalar> | undefined {
  if (!value) return undefined;
  try {
    const parsed = z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
