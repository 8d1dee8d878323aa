/**
 * One inbound Teams activity, after the SDK has authenticated the request: kept in the inbox
 * (de-duplicated by activity id) and acknowledged, then, after the HTTP response, a message or
 * card press goes to the core and installation and membership events store or forget the
 * conversation and greet it; replies go through the connector proactively, so a slow turn (an
 * LLM) never holds Teams' request. Every message also keeps the stored reference (with its
 * service URL) fresh, so proactive posts can reach the conversation.
 */
import { Activity } from '@microsoft/agents-activity';
import { randomUUID } from 'node:crypto';
import type { CloudAdapter, ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import { errorCode, type Bot, type ConversationRef, type IncomingMessage, type Logger, rememberEntraLink, type WegwijsStore as Store } from '../../src/core/index.ts';
import type { Inbox } from '../../src/store/index.ts';
import { actionOf, isFromBot, resolveTenant, splitConversationId, TeamsActivitySchema, toIncoming, unmappedReason, userIdOf, type TeamsActivity } from './incoming.ts';
import { invokeResponseBody } from './invoke.ts';
import { readReference, referenceOf, TeamsDirectory } from './references.ts';
import type { TeamsChannelAdapter, TurnClient } from './teams-adapter.ts';
import type { TeamsNativeInvokes } from './native-invokes.ts';

/** Teams activities in the inbox (src/store/inbox.ts). */
export const INBOX_SOURCE = 'teams';
/** conversationUpdate and installationUpdate arrive together on install: greet once. */
const WELCOME_TTL_SECONDS = 10 * 60;
/** The tenant used when an activity carries none (local mode only). */
export const LOCAL_TENANT = 'local';
/**
 * How long the request's connector client answers for its turn. Its token was fresh when the
 * request came (the SDK's token cache hands out none that ends within minutes); a turn that runs
 * later (it waited for a slot, or an LLM was slow) replies through a new client instead.
 */
const TURN_CLIENT_MS = 60_000;

/** An activity kept in the inbox, with the connector client of the request that brought it. */
export interface KeptActivity {
  id: string;
  activity: TeamsActivity;
  client?: TurnClient;
}

export interface TurnHandlerDeps {
  bot: Bot;
  store: Store;
  log: Logger;
  cloud: CloudAdapter;
  adapter: TeamsChannelAdapter;
  directory: TeamsDirectory;
  inbox: Inbox;
  local: boolean;
  /** Refreshes, dialogs and feedback (Teams' native surfaces); without it those invokes get "not here". */
  native?: TeamsNativeInvokes;
}

export class TeamsTurnHandler {
  /** Conversations whose stored reference is known to be current, with its service URL. */
  private readonly fresh = new Map<string, string>();

  constructor(private readonly deps: TurnHandlerDeps) {}

  /**
   * The request phase, inside the SDK's `process` (the request is authenticated and its service
   * URL checked): keeps the activity in the inbox and, for a card action, answers the invoke. The
   * HTTP response goes out when this returns; the work runs after it (`onActivity`). Returns the
   * inbox id to run, or undefined when there is nothing to do (a duplicate, an activity not
   * understood). Throws when the activity cannot be kept: then it is not acknowledged.
   */
  async keep(context: TurnContext): Promise<KeptActivity | undefined> {
    const parsed = TeamsActivitySchema.safeParse(context.activity);
    const log = this.deps.log;
    if (!parsed.success) {
      log.warn({ platform: 'teams', type: context.activity.type }, 'teams activity not understood');
      // An invoke is still answered: Teams shows the user an error for an invoke without a response.
      if (context.activity.type === 'invoke') await this.acknowledgeInvoke(context);
      return undefined;
    }
    const activity = parsed.data;
    // A refresh or a dialog opening is answered now, from what the adapter stored: no turn.
    const now = activity.type === 'invoke' ? await this.deps.native?.answerNow(activity) : undefined;
    if (now) return void (await this.respondInvoke(context, now.body));
    const isCardAction = activity.type === 'invoke' && (activity.name === 'adaptiveCard/action' || Boolean(this.deps.native?.keeps(activity)));
    // Other invokes get a friendly invoke response (never the SDK's 501); nothing is kept for them.
    if (activity.type === 'invoke' && !isCardAction) return void (await this.acknowledgeInvoke(context));
    // Redeliveries carry the same activity id: the inbox record is the de-duplication marker. The
    // tenant is part of it, so one tenant's activity can never stand in for another's.
    const tenant = resolveTenant(activity, this.deps.local ? LOCAL_TENANT : undefined) ?? '-';
    const id = activity.id ? `${tenant}|${activity.conversation.id}|${activity.id}` : `request:${randomUUID()}`;
    const isNew = await this.deps.inbox.receive(INBOX_SOURCE, id, activity);
    if (isCardAction) await this.acknowledgeInvoke(context);
    if (!isNew) {
      log.info({ platform: 'teams', type: activity.type }, 'duplicate teams activity skipped');
      return undefined;
    }
    return { id, activity, client: this.turnClient(context, activity) };
  }

  /**
   * The connector client the SDK made for this request (authenticated, for its service URL): the
   * turn's replies reuse it, as a reply inside the request would, instead of setting up a
   * proactive turn (context, clients, middleware) for every message they post.
   */
  private turnClient(context: TurnContext, activity: TeamsActivity): TurnClient | undefined {
    const client = context.turnState.get<ConnectorClient | undefined>(this.deps.cloud.ConnectorClientKey);
    if (!client || !activity.serviceUrl) return undefined;
    return { serviceUrl: activity.serviceUrl, client, until: this.deps.bot.services.clock.now().getTime() + TURN_CLIENT_MS };
  }

  /**
   * The work phase, after the HTTP response (or resumed from the inbox by any instance): a
   * message or card press goes to the core, installation and membership events store or forget
   * the conversation. Replies go through the connector proactively.
   */
  async onActivity(payload: unknown): Promise<void> {
    const parsed = TeamsActivitySchema.safeParse(payload);
    if (parsed.success) await this.onKept(parsed.data);
  }

  /**
   * Works on an activity `keep` has just validated (its first run: no second parse), replying
   * through the request's own connector client when there is one.
   */
  async onKept(activity: TeamsActivity, client?: TurnClient): Promise<void> {
    switch (activity.type) {
      case 'message':
        return this.onMessage(activity, client);
      case 'invoke':
        if (activity.name === 'adaptiveCard/action' || activity.name === 'task/submit') return this.onMessage(activity, client);
        if (activity.name === 'message/submitAction') {
          const press = await this.deps.native?.feedbackAsPress(activity);
          if (press) return this.onMessage(press, client);
        }
        return;
      case 'conversationUpdate':
        return this.onConversationUpdate(activity);
      case 'installationUpdate':
        return this.onInstallationUpdate(activity);
      default:
        this.deps.log.debug({ platform: 'teams', type: activity.type }, 'teams activity ignored');
    }
  }

  private async onMessage(activity: TeamsActivity, client?: TurnClient): Promise<void> {
    // The bot's own activities and other bots' are never answered.
    if (isFromBot(activity)) return void this.deps.log.debug({ platform: 'teams', type: activity.type }, 'teams activity from a bot ignored');
    const fallbackTenant = this.deps.local ? LOCAL_TENANT : undefined;
    const incoming = toIncoming(activity, { fallbackTenant });
    if (!incoming) {
      this.deps.log.info({ platform: 'teams', type: activity.type, reason: unmappedReason(activity, fallbackTenant) }, 'teams activity not for the core');
      return;
    }
    await this.remember(activity, incoming);
    await this.deps.bot.handle(incoming, client ? this.deps.adapter.forTurn(client) : this.deps.adapter);
  }

  private async onConversationUpdate(activity: TeamsActivity): Promise<void> {
    const botId = activity.recipient?.id;
    if (!botId) return;
    if (activity.membersAdded?.some((m) => m.id === botId)) await this.install(activity);
    if (activity.membersRemoved?.some((m) => m.id === botId)) await this.uninstall(activity);
  }

  private async onInstallationUpdate(activity: TeamsActivity): Promise<void> {
    if (activity.action === 'add') await this.install(activity);
    else if (activity.action === 'remove') await this.uninstall(activity);
  }

  /** Stores the conversation with its reference and greets it, once per installation. */
  private async install(activity: TeamsActivity): Promise<void> {
    const conversation = this.conversationOf(activity);
    if (!conversation) return;
    const { store, bot, log } = this.deps;
    await this.rememberDirectory(activity, conversation.tenantId);
    if (!(await store.claimOnce('teams-welcome', `${conversation.tenantId}|${conversation.channelId}`, WELCOME_TTL_SECONDS))) {
      await bot.saveConversation(conversation);
      return;
    }
    await bot.welcome(conversation, this.deps.adapter);
    this.fresh.set(`${conversation.tenantId}|${conversation.channelId}`, activity.serviceUrl ?? '');
    log.info({ platform: 'teams', kind: activity.conversation.conversationType ?? 'unknown' }, 'teams conversation installed');
  }

  private async uninstall(activity: TeamsActivity): Promise<void> {
    const tenantId = resolveTenant(activity, this.deps.local ? LOCAL_TENANT : undefined);
    if (!tenantId) return;
    const { base } = splitConversationId(activity.conversation.id);
    await this.deps.bot.forget({ platform: 'teams', tenantId, channelId: base });
    this.fresh.delete(`${tenantId}|${base}`);
    this.deps.log.info({ platform: 'teams' }, 'teams conversation removed');
  }

  /** The core's conversation with the Bot Framework reference as its `platformRef`. */
  private conversationOf(activity: TeamsActivity, incoming?: IncomingMessage): ConversationRef | undefined {
    const tenantId = incoming?.tenantId ?? resolveTenant(activity, this.deps.local ? LOCAL_TENANT : undefined);
    const reference = referenceOf(activity);
    if (!tenantId || !reference) return undefined;
    const isDirect = activity.conversation.conversationType === 'personal';
    const name = activity.channelData?.channel?.name ?? activity.channelData?.team?.name ?? activity.conversation.name;
    return {
      platform: 'teams',
      tenantId,
      channelId: reference.conversation.id,
      ...(name ? { name } : {}),
      isDirect,
      ...(isDirect && activity.from ? { userId: userIdOf(activity.from) } : {}),
      platformRef: reference,
    };
  }

  /**
   * Keeps the stored Bot Framework reference current (first sight, a new service URL); the core
   * revives a conversation that was marked dead when someone writes in it.
   */
  private async remember(activity: TeamsActivity, incoming: IncomingMessage): Promise<void> {
    const conversation = this.conversationOf(activity, incoming);
    if (!conversation) return;
    const key = `${conversation.tenantId}|${conversation.channelId}`;
    const serviceUrl = activity.serviceUrl ?? '';
    if (this.fresh.get(key) !== serviceUrl) {
      const stored = await this.deps.store.conversations.get(TeamsDirectory.pk(conversation.tenantId), conversation.channelId);
      const storedRef = stored && readReference(stored.data as ConversationRef);
      if (!stored || storedRef?.serviceUrl !== serviceUrl) {
        await this.deps.bot.saveConversation({ ...conversation, name: conversation.name ?? stored?.data.name });
      }
      // Bounded: a cache of what is stored, started afresh rather than grown without end.
      if (this.fresh.size >= 10_000) this.fresh.clear();
      this.fresh.set(key, serviceUrl);
    }
    await this.rememberDirectory(activity, conversation.tenantId);
    // The Entra object id next to the channel account id, so a Teams SSO token (which names the
    // object id) finds this user in the console tab. Same verified tenant as every other record.
    // One point read per message (no cache), so a link removed by `vergeet mij` comes back as
    // soon as the person writes again.
    if (activity.from?.aadObjectId) {
      await rememberEntraLink(this.deps.store, conversation.tenantId, activity.from.aadObjectId, userIdOf(activity.from), this.deps.bot.services.clock.now());
    }
  }

  private async rememberDirectory(activity: TeamsActivity, tenantId: string): Promise<void> {
    const { directory } = this.deps;
    if (!activity.serviceUrl) return;
    await directory.rememberTenant(tenantId, { serviceUrl: activity.serviceUrl, ...(activity.recipient ? { botId: activity.recipient.id } : {}) });
    if (activity.from && activity.from.id !== activity.recipient?.id) {
      await directory.rememberUser(tenantId, userIdOf(activity.from), { teamsId: activity.from.id, serviceUrl: activity.serviceUrl });
    }
  }

  /**
   * The invoke response body: empty for a press on Wegwijs's own card (the card is updated, or a
   * reply posted, by the core through the connector); for any other invoke a friendly "not here"
   * in the user's language, in the shape its surface shows.
   */
  private async invokeBody(context: TurnContext): Promise<unknown> {
    const parsed = TeamsActivitySchema.safeParse(context.activity);
    const activity = parsed.success ? parsed.data : undefined;
    const name = typeof context.activity.name === 'string' ? context.activity.name : undefined;
    const native = activity && (await this.deps.native?.ackBody(activity));
    if (native) return native.body;
    if (activity && name === 'adaptiveCard/action' && actionOf(activity)) return invokeResponseBody(name, '');
    const { bot } = this.deps;
    let lang = bot.services.config.language;
    const tenantId = activity && resolveTenant(activity, this.deps.local ? LOCAL_TENANT : undefined);
    if (activity?.from && tenantId) {
      const channelId = splitConversationId(activity.conversation.id).base;
      const isDirect = activity.conversation.conversationType === 'personal';
      lang = await bot.languageFor({ platform: 'teams', tenantId, channelId, isDirect, user: { id: userIdOf(activity.from), name: '' } }).catch(() => lang);
    }
    return invokeResponseBody(name, bot.services.catalog.t(lang, 'core.not_here', { bot: bot.services.config.botName }));
  }

  /** Answers an invoke at once with status 200 (else the SDK answers 501 and Teams shows an error). */
  private async acknowledgeInvoke(context: TurnContext): Promise<void> {
    await this.respondInvoke(context, await this.invokeBody(context));
  }

  private async respondInvoke(context: TurnContext, body: unknown): Promise<void> {
    try {
      await context.sendActivity(Activity.fromObject({ type: 'invokeResponse', value: { status: 200, body } }));
    } catch (err) {
      this.deps.log.warn({ platform: 'teams', code: errorCode(err) }, 'teams invoke response failed');
    }
  }
}
