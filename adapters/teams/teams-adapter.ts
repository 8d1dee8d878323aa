/**
 * The Teams `ChannelAdapter`: posts, thread replies, in-place card updates and direct messages
 * through the Bot Connector, inside a turn (with the turn's connector client) and outside one
 * (proactively, through `CloudAdapter.continueConversation` and the stored reference).
 * Teams has no ephemeral messages, so `postEphemeral` is left out and the core sends a DM.
 * Cards whose controls only some people may use go out with Universal Actions (`TeamsCards`);
 * a form opens as a Teams dialog from an opener card only its person can press.
 */
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient } from '@microsoft/agents-hosting';
import { DeliveryError, errorCode, type Bot, type ChannelAdapter, type ConversationRef, type IncomingMessage, type Logger, type Modal, type OutgoingMessage, type PostedMessage } from '../../src/core/index.ts';
import { toDeliveryError } from './errors.ts';
import { readReference, TeamsDirectory, type TeamsReference } from './references.ts';
import { toTeamsMessage } from './render.ts';
import { openerTexts, type TeamsCards } from './universal.ts';
import { consoleUrl, meetingNotification, meetingOf, notifyMeeting } from './meetings.ts';

export interface TeamsAdapterDeps {
  cloud: CloudAdapter;
  bot: Bot;
  directory: TeamsDirectory;
  log: Logger;
  /** The bot's app (client) id; undefined in local mode, where outgoing calls carry no token. */
  appId?: string;
  /** Stored cards, forms and feedback targets (Universal Actions, dialogs, feedback); without it, plain cards. */
  cards?: TeamsCards;
  /** The server's public address (WEGWIJS_PUBLIC_URL), for links into the web console. */
  publicUrl?: string;
}

/** The connector client of the turn being handled, reused for replies to the same service. */
export interface TurnClient {
  serviceUrl: string;
  client: ConnectorClient;
  /** Until when (epoch ms) it is used; later, a new client (its token may have run out). */
  until: number;
}

/**
 * An activity from Wegwijs's own rendering (render.ts; its output is what test/teams and the
 * adapter contract suite check). `Activity.fromObject` would validate and copy the whole body
 * (a card of several KB) with the SDK's schema for every message sent: what comes in is
 * validated at the edge, what goes out is built by typed code.
 */
function outgoing(body: Record<string, unknown>): Activity {
  return Object.assign(new Activity(String(body.type)), body);
}

export class TeamsChannelAdapter implements ChannelAdapter {
  readonly platform = 'teams' as const;

  constructor(
    private readonly deps: TeamsAdapterDeps,
    private readonly turn?: TurnClient,
  ) {}

  /** The same adapter bound to one turn's connector client. */
  forTurn(turn: TurnClient): TeamsChannelAdapter {
    return new TeamsChannelAdapter(this.deps, turn);
  }

  async post(conversation: ConversationRef, message: OutgoingMessage): Promise<PostedMessage> {
    const ref = this.reference(conversation);
    return this.send(conversation.tenantId, ref, ref.conversation.id, message);
  }

  async postToThread(conversation: ConversationRef, threadId: string, message: OutgoingMessage): Promise<PostedMessage> {
    const ref = this.reference(conversation);
    // Only channels have reply chains; a chat has one stream, so the reply goes there.
    const inChannel = ref.conversation.conversationType === 'channel';
    return this.send(conversation.tenantId, ref, inChannel ? `${ref.conversation.id};messageid=${threadId}` : ref.conversation.id, message);
  }

  async update(conversation: ConversationRef, messageId: string, message: OutgoingMessage): Promise<void> {
    const ref = this.reference(conversation);
    const activity = outgoing({ ...(await this.render(conversation.tenantId, message)), id: messageId, conversation: ref.conversation });
    await this.withClient(ref, (client) => client.updateActivity(ref.conversation.id, messageId, activity));
    await this.deps.cards?.rememberFeedback(conversation.tenantId, ref.conversation.id, messageId, message);
  }

  /**
   * A form as a Teams dialog: an opener card in the conversation whose button (for this person
   * only, by refresh, in a shared conversation) opens the form with `task/fetch`.
   */
  async openModal(turn: IncomingMessage, modal: Modal): Promise<void> {
    const { cards, bot } = this.deps;
    if (!cards) throw new DeliveryError('Teams dialogs need the card store', 'fatal');
    const stored = await bot.services.store.conversations.get(`teams:${turn.tenantId}`, turn.channelId);
    if (!stored) throw new DeliveryError('no Teams reference stored for this conversation', 'gone');
    const conversation = stored.data as ConversationRef;
    const lang = await bot.languageFor(turn);
    const shared = !turn.isDirect;
    const body = await cards.keepModal(turn.tenantId, turn.user, modal, openerTexts(bot.services.catalog, lang, turn.user.name), shared);
    const ref = this.reference(conversation);
    const inChannel = ref.conversation.conversationType === 'channel';
    const target = turn.threadId && inChannel ? `${ref.conversation.id};messageid=${turn.threadId}` : ref.conversation.id;
    const activity = outgoing({ ...body, conversation: { ...ref.conversation, id: target } });
    await this.withClient(ref, (client) => client.sendToConversation(target, activity));
  }

  /** The activity body: Universal Actions through the card store when there is one. */
  private render(tenantId: string, message: OutgoingMessage): Promise<Record<string, unknown>> | Record<string, unknown> {
    return this.deps.cards ? this.deps.cards.render(tenantId, message) : toTeamsMessage(message);
  }

  async sendDirect(user: { tenantId: string; userId: string }, message: OutgoingMessage): Promise<PostedMessage> {
    const existing = await this.deps.directory.directConversation(user.tenantId, user.userId);
    if (existing) return this.post(existing, message);
    const conversation = await this.openDirect(user.tenantId, user.userId);
    return this.post(conversation, message);
  }

  /** Creates the 1:1 chat with a user through the tenant's service URL and stores it. */
  private async openDirect(tenantId: string, userId: string): Promise<ConversationRef> {
    const { directory } = this.deps;
    const [tenant, known] = await Promise.all([directory.tenant(tenantId), directory.user(tenantId, userId)]);
    const serviceUrl = known?.serviceUrl ?? tenant?.serviceUrl;
    if (!serviceUrl) throw new DeliveryError('no Teams service URL known for this tenant', 'fatal');
    const botId = tenant?.botId ?? (this.deps.appId ? `28:${this.deps.appId}` : 'wegwijs');
    const bot = { id: botId };
    const seed: TeamsReference = { channelId: 'msteams', serviceUrl, conversation: { id: 'new', tenantId }, bot };
    const created = await this.withClient(seed, (client) =>
      client.createConversation({
        isGroup: false,
        agent: bot,
        bot,
        members: [{ id: known?.teamsId ?? userId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as unknown as Parameters<ConnectorClient['createConversation']>[0]),
    );
    if (!created?.id) throw new DeliveryError('Teams created no conversation', 'fatal');
    const conversation: ConversationRef = {
      platform: 'teams',
      tenantId,
      channelId: created.id,
      isDirect: true,
      userId,
      platformRef: { ...seed, serviceUrl: created.serviceUrl || serviceUrl, conversation: { id: created.id, tenantId, conversationType: 'personal' } },
    };
    await this.deps.bot.saveConversation(conversation);
    return conversation;
  }

  private async send(tenantId: string, ref: TeamsReference, conversationId: string, message: OutgoingMessage): Promise<PostedMessage> {
    const activity = outgoing({ ...(await this.render(tenantId, message)), conversation: { ...ref.conversation, id: conversationId } });
    const response = await this.withClient(ref, (client) => client.sendToConversation(conversationId, activity));
    const id = response?.id ?? '';
    await this.deps.cards?.rememberFeedback(tenantId, ref.conversation.id, id, message);
    if (message.announce?.to.length) await this.announceInMeeting(ref, message.announce);
    return { id };
  }

  /** In a meeting chat, the message's announcement as an in-meeting notification; best effort. */
  private async announceInMeeting(ref: TeamsReference, announce: NonNullable<OutgoingMessage['announce']>): Promise<void> {
    const meetingId = meetingOf(ref);
    if (!meetingId) return;
    try {
      await this.withClient(ref, (client) => notifyMeeting(client, meetingId, meetingNotification(announce, consoleUrl(this.deps.publicUrl))));
    } catch (err) {
      // No meeting permission (403) or no meeting any more: the message in the chat stands.
      this.deps.log.info({ platform: 'teams', code: errorCode(err) }, 'teams meeting notification not sent');
    }
  }

  private reference(conversation: ConversationRef): TeamsReference {
    const ref = readReference(conversation);
    if (!ref) throw new DeliveryError('no Teams reference stored for this conversation', 'gone');
    return ref;
  }

  /**
   * Runs `work` with a connector client for the reference's service: the turn's own client when
   * it is the same service, else one from `continueConversation` (which signs with the app's
   * credentials, or sends no token in local mode). Failures come back as `DeliveryError`s.
   */
  private async withClient<T>(ref: TeamsReference, work: (client: ConnectorClient) => Promise<T>): Promise<T> {
    if (this.turn && this.turn.serviceUrl === ref.serviceUrl && this.deps.bot.services.clock.now().getTime() < this.turn.until) {
      try {
        return await work(this.turn.client);
      } catch (err) {
        throw toDeliveryError(err);
      }
    }
    const { cloud, appId } = this.deps;
    const reference: ConversationReference = {
      channelId: ref.channelId,
      serviceUrl: ref.serviceUrl,
      conversation: ref.conversation as ConversationReference['conversation'],
      agent: (ref.agent ?? ref.bot) as ConversationReference['agent'],
    };
    let result: T | undefined;
    let failure: unknown;
    try {
      // continueConversation turns errors inside the callback into onTurnError; keep them here.
      await cloud.continueConversation(appId ?? {}, reference, async (context) => {
        try {
          result = await work(context.turnState.get(cloud.ConnectorClientKey) as ConnectorClient);
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined) throw toDeliveryError(failure);
    return result as T;
  }
}
