/**
 * Slack through Bolt: an ExpressReceiver on the shared server at /slack/events (events, slash
 * commands and interactivity at one path; OAuth install pages under /slack/…), or Socket Mode
 * for development. Every request is kept in the inbox, then acknowledged; the bot's work runs
 * after the ack. Requests are handled once across instances (the inbox record is keyed by the
 * event id), so Slack's retries and duplicates are dropped.
 */
import { App as BoltApp, ExpressReceiver, webApi } from '@slack/bolt';
import type { Authorize, AuthorizeResult, Context, InstallationStore } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../../src/config.ts';
import { errorCode, guessLanguage, WegwijsError, stripEntryWord, type Bot, type ConversationRef, type IncomingMessage, type Services } from '../../src/core/index.ts';
import { boltLogger } from './bolt-logger.ts';
import {
  fromBlockAction,
  fromMessage,
  fromSlashCommand,
  fromViewSubmission,
  isPersonMessage,
  isSlackResponseUrl,
  type BlockActionPayload,
  type ButtonPayload,
  type MessagePayload,
  type SlackWho,
  type SlashCommandPayload,
  type ViewSubmissionPayload,
  verifiedTenant,
} from './incoming.ts';
import { slackRequestGuard } from './guard.ts';
import { createInstallationStore, installationCollection, INSTALLATION_PK, tenantOf } from './installation-store.ts';
import { SlackAdapter } from './slack-adapter.ts';
import { registerNative } from './native.ts';
import { slackTiming, SLACK_EVENTS_PATH, SLACK_INSTALL_PATH, SLACK_REDIRECT_PATH, SLACK_SCOPES } from './constants.ts';
import { TurnAdapter, type PlaceholderOptions, type RespondFn } from './turn-adapter.ts';
import { gateAcknowledgements, InboxUnavailableError, INBOX_SOURCE, keepThenAcknowledge, replayFromInbox, requestSignature } from './inbox.ts';
import { inboxTurnOf, outboxForTurn } from './outbox.ts';
import type { Inbox } from '../../src/store/index.ts';
import { acknowledgeUnhandled } from './unhandled.ts';

export interface SlackRuntime {
  adapter: SlackAdapter;
  bolt: BoltApp;
  close(): Promise<void>;
}

export interface SlackOptions {
  placeholderAfterMs?: number;
}

/**
 * Starts Slack: mounts Bolt on `server` (HTTP mode) or connects through Socket Mode, and
 * registers the adapter with the messenger for proactive messages.
 */
export async function startSlack(server: Express, host: { bot: Bot; services: Services; inbox: Inbox }, options: SlackOptions = {}): Promise<SlackRuntime> {
  const { services, bot } = host;
  const config = services.config.slack;
  if (!config) throw new Error('Slack is not configured');
  const log = services.log.child({ platform: 'slack' });
  const logger = boltLogger(services.log);
  // The client never waits or retries by itself: the core's messenger handles Retry-After.
  const clientOptions: webApi.WebClientOptions = {
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logger,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  };
  const installationStore = config.mode === 'oauth' ? createInstallationStore(services.store, () => services.clock.now()) : undefined;
  const receiver = config.socketMode ? undefined : createReceiver(config, logger, clientOptions, installationStore);
  const installer = receiver?.installer;
  const authorize = config.mode === 'single' ? singleWorkspace(config.botToken, clientOptions) : installer ? undefined : fromStore(installationStore!);

  const adapter = new SlackAdapter({
    clientOptions,
    log,
    tokenFor: async (tenantId) => {
      if (config.mode === 'single') return config.botToken;
      const doc = await installationCollection(services.store).get(INSTALLATION_PK, tenantId);
      if (!doc) throw new Error('no_installation');
      const query = { teamId: doc.data.teamId, enterpriseId: doc.data.enterpriseId, isEnterpriseInstall: doc.data.isEnterpriseInstall };
      const result = installer ? await installer.authorize(query) : await authorize!(query as Parameters<Authorize>[0], {} as Parameters<Authorize>[1]);
      if (!result.botToken) throw new Error('no_bot_token');
      return result.botToken;
    },
  });

  const app = new BoltApp({
    logger,
    clientOptions,
    // Bolt's in-memory conversation store is unused (all state is in the store) and costs every request.
    convoStore: false,
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.appToken }),
    ...(authorize ? { authorize } : {}),
  });
  // The placeholder speaks the language of the question (English when asked in English), else the turn's.
  const placeholderText = async (message: IncomingMessage) =>
    services.catalog.t(guessLanguage(message.text) ?? (await bot.languageFor(message)), 'slack.searching');

  /** Hands one message to the bot with a per-turn adapter (its outbox from the request's `context`); never throws. */
  const handle = async (message: IncomingMessage, context: Context, turn: { placeholder?: Omit<PlaceholderOptions, 'text' | 'afterMs'>; respond?: RespondFn } = {}) => {
    const afterMs = options.placeholderAfterMs ?? slackTiming.placeholderAfterMs;
    const placeholder = turn.placeholder ? { ...turn.placeholder, text: () => placeholderText(message), afterMs } : undefined;
    const turnAdapter = new TurnAdapter(adapter, log, { placeholder, respond: turn.respond, outbox: outboxForTurn(services.store.docs, inboxTurnOf(context)) });
    turnAdapter.start();
    try {
      if (message.mentions.length) {
        message.mentions = await Promise.all(message.mentions.map(async (m) => ({ id: m.id, name: await adapter.userName(message.tenantId, m.id) })));
      }
      await bot.handle(message, turnAdapter);
    } finally {
      await turnAdapter.finish();
      native.afterTurn(message);
    }
  };

  const who = async (context: Context, userId: string): Promise<SlackWho> => {
    // The tenant comes from the verified request; without one the payload is refused (logged by app.error).
    const tenantId = verifiedTenant(context, { orgInstalls: config.mode === 'oauth' });
    if (!tenantId) throw new WegwijsError('wegwijs_forbidden', 'slack request without a verified workspace');
    return { tenantId, botUserId: context.botUserId, user: { id: userId, name: await adapter.userName(tenantId, userId) } };
  };

  // Payload types without a listener are acknowledged at once (never Bolt's 404 after 3 s).
  app.use(acknowledgeUnhandled(log));
  gateAcknowledgements(app, log);

  // Kept in the inbox before the ack, worked on after it; each request once, across instances:
  // retries (X-Slack-Retry-Num) and duplicates are dropped (adapters/slack/inbox.ts).
  app.use(keepThenAcknowledge(host.inbox, log));
  host.inbox.on(INBOX_SOURCE, replayFromInbox(app));

  app.command(/^\/.+/, async ({ command, ack, context, respond }) => {
    await ack();
    const message = fromSlashCommand(command as SlashCommandPayload, await who(context, command.user_id));
    const placeholder = { conversation: conversationOf(message) };
    const trusted = isSlackResponseUrl(command.response_url, config.apiUrl);
    await handle(message, context, { ...(trusted ? { respond: respond as RespondFn } : {}), placeholder });
  });

  app.event('app_mention', async ({ event, context }) => {
    const mention = event as unknown as MessagePayload;
    // An edited mention arrives again with a new event id: the first answer stands (not answered twice).
    if (!isPersonMessage(mention) || mention.user === context.botUserId) return;
    const message = fromMessage(mention, await who(context, mention.user!), { mention: true });
    await handle(message, context, { placeholder: placeholderFor(message) });
  });

  app.event('message', async ({ event, context }) => {
    const payload = event as unknown as MessagePayload;
    if (!isPersonMessage(payload) || payload.user === context.botUserId) return;
    const isDirect = payload.channel_type === 'im';
    // A mention of the bot also arrives as app_mention; it is handled there.
    if (!isDirect && context.botUserId && payload.text?.includes(`<@${context.botUserId}>`)) return;
    const inThread = Boolean(payload.thread_ts && payload.thread_ts !== payload.ts);
    const entryWord = stripEntryWord(payload.text ?? '', services.config.botName).entryWord;
    if (!isDirect && !inThread && !entryWord) return;
    const message = fromMessage(payload, await who(context, payload.user!), { mention: false });
    // Replies in a thread the bot leads (a deliberation) get no placeholder: most need no answer.
    await handle(message, context, isDirect || entryWord ? { placeholder: placeholderFor(message) } : {});
  });

  app.action({ type: 'block_actions' }, async ({ ack, body, action, context }) => {
    await ack();
    const payload = body as unknown as BlockActionPayload & { user: { id: string } };
    const message = fromBlockAction(payload, action as unknown as ButtonPayload, await who(context, payload.user.id));
    if (message) await handle(message, context);
  });

  app.view({ type: 'view_submission' }, async ({ ack, body, context }) => {
    await ack();
    const message = fromViewSubmission(body as unknown as ViewSubmissionPayload, await who(context, body.user.id));
    if (message) await handle(message, context);
  });

  // Slack's own surfaces: App Home, the "Actie loggen" and "Vraag Wegwijs hierover" shortcuts (native.ts).
  const native = registerNative(app, { bot, services, adapter, log, who, handle });

  app.event('member_joined_channel', async ({ event, context }) => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    const tenantId = verifiedTenant(context, { orgInstalls: config.mode === 'oauth' });
    if (!tenantId) return;
    const conversation: ConversationRef = { platform: 'slack', tenantId, channelId: event.channel, isDirect: false };
    await bot.welcome(conversation, adapter).catch((err) => log.warn({ code: errorCode(err) }, 'slack welcome failed'));
  });

  app.event('app_uninstalled', async ({ context }) => {
    const tenantId = tenantOf(context);
    if (tenantId && config.mode === 'oauth') await installationCollection(services.store).delete(INSTALLATION_PK, tenantId);
    log.info({ tenantId }, 'slack app uninstalled');
  });

  app.error(async (error) => {
    // Not kept, so not acknowledged: Bolt answers 500 and Slack retries.
    if (error instanceof InboxUnavailableError || (error as { original?: unknown }).original instanceof InboxUnavailableError) {
      log.error({ code: 'wegwijs_inbox_unavailable' }, 'slack request not kept; not acknowledged');
      throw error;
    }
    log.error({ code: errorCode(error) }, 'slack request failed');
  });

  services.messenger.register(adapter);
  if (receiver) {
    // Age and size are checked before Bolt reads the body or its signature.
    server.use(SLACK_EVENTS_PATH, slackRequestGuard({ log, signingSecret: config.signingSecret }));
    server.use(receiver.router);
  } else {
    await app.start();
    log.info('slack connected through Socket Mode');
  }
  return {
    adapter,
    bolt: app,
    close: async () => {
      if (!receiver) await app.stop();
    },
  };
}

/** Channel questions are answered in their thread; a DM answer comes in the DM itself. */
function placeholderFor(message: IncomingMessage): Omit<PlaceholderOptions, 'text' | 'afterMs'> {
  return { conversation: conversationOf(message), threadId: message.threadId ?? (message.isDirect ? undefined : message.messageId) };
}

function conversationOf(message: IncomingMessage): ConversationRef {
  return { platform: 'slack', tenantId: message.tenantId, channelId: message.channelId, isDirect: message.isDirect };
}

function createReceiver(config: SlackConfig, logger: ReturnType<typeof boltLogger>, clientOptions: webApi.WebClientOptions, installationStore?: InstallationStore) {
  const oauth =
    config.mode === 'oauth'
      ? {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          stateSecret: config.stateSecret,
          scopes: SLACK_SCOPES,
          installationStore,
          installerOptions: { installPath: SLACK_INSTALL_PATH, redirectUriPath: SLACK_REDIRECT_PATH, clientOptions },
        }
      : {};
  return new ExpressReceiver({
    signingSecret: config.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    // An acknowledgement is sent when it is released: the acknowledgement gate holds it until
    // the request is kept in the inbox (adapters/slack/inbox.ts).
    processBeforeResponse: false,
    // With a signing secret, slackRequestGuard (mounted on the same path, before this router) has
    // already checked this body's signature, with a stricter timestamp window; a second HMAC check
    // of the same bytes in Bolt cost two HMACs and a timing-safe compare per request (#13). Without
    // one, Bolt's own check stays on (and refuses to start, as before).
    signatureVerification: !config.signingSecret,
    // The signature names a command or button press, so a replay of it is dropped (inbox.ts).
    customPropertiesExtractor: (req) => requestSignature(req),
    logger,
    ...oauth,
  });
}

/**
 * One workspace with one bot token. The bot's own ids come from auth.test on the first event
 * (cached; a failure is retried on the next event instead of being cached).
 */
function singleWorkspace(botToken: string, clientOptions: webApi.WebClientOptions): Authorize<boolean> {
  const client = new webApi.WebClient(botToken, clientOptions);
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then(
      (r) => ({ botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id }),
      (err: unknown) => {
        identity = undefined;
        throw err;
      },
    );
    const { botId, botUserId } = await identity;
    return { botToken, botId, botUserId } satisfies AuthorizeResult;
  };
}

/** Socket Mode with OAuth: installations made over HTTP are read from the store. */
function fromStore(store: InstallationStore): Authorize<boolean> {
  return async (source) => {
    const installation = await store.fetchInstallation({
      teamId: source.teamId,
      enterpriseId: source.enterpriseId,
      isEnterpriseInstall: source.isEnterpriseInstall,
    });
    return {
      botToken: installation.bot?.token,
      botId: installation.bot?.id,
      botUserId: installation.bot?.userId,
      teamId: installation.team?.id ?? source.teamId,
      enterpriseId: installation.enterprise?.id ?? source.enterpriseId,
    };
  };
}
