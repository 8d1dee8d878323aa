/**
 * The Teams `ChannelAdapter`: posts, thread replies, in-place card updates and direct messages
 * through the Bot Connector, inside a turn (with the turn's connector client) and outside one
 * (proactively, through `CloudAdapter.continueConversation` and the stored reference).
 * Teams has no ephemeral messages, so `postEphemeral` is left out and the core sends a DM.
 */
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient } from '@microsoft/agents-hosting';
import { DeliveryError, type Bot, type ChannelAdapter, type ConversationRef, type Logger, type OutgoingMessage, type PostedMessage } from '../../src/core/index.ts';
import { toDeliveryError } from './errors.ts';
import { readReference, TeamsDirectory, type TeamsReference } from './references.ts';
import { toTeamsMessage } from './render.ts';

export interface TeamsAdapterDeps {
  cloud: CloudAdapter;
  bot: Bot;
  directory: TeamsDirectory;
  log: Logger;
  /** The bot's app (client) id; undefined in local mode, where outgoing calls carry no token. */
  appId?: string;
}

/** The connector client of the turn being handled, reused for replies to the same service. */
export interface TurnClient {
  serviceUrl: string;
  client: ConnectorClient;
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
    return this.send(ref, ref.conversation.id, message);
  }

  async postToThread(conversation: ConversationRef, threadId: string, message: OutgoingMessage): Promise<PostedMessage> {
    const ref = this.reference(conversation);
    // Only channels have reply chains; a chat has one stream, so the reply goes there.
    const inChannel = ref.conversation.conversationType === 'channel';
    return this.send(ref, inChannel ? `${ref.conversation.id};messageid=${threadId}` : ref.conversation.id, message);
  }

  async update(conversation: ConversationRef, messageId: string, message: OutgoingMessage): Promise<void> {
    const ref = this.reference(conversation);
    const activity = Activity.fromObject({ ...toTeamsMessage(message), id: messageId, conversation: ref.conversation });
    await this.withClient(ref, (client) => client.updateActivity(ref.conversation.id, messageId, activity));
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

  private async send(ref: TeamsReference, conversationId: string, message: OutgoingMessage): Promise<PostedMessage> {
    const activity = Activity.fromObject({ ...toTeamsMessage(message), conversation: { ...ref.conversation, id: conversationId } });
    const response = await this.withClient(ref, (client) => client.sendToConversation(conversationId, activity));
    return { id: response?.id ?? '' };
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
    if (this.turn && this.turn.serviceUrl === ref.serviceUrl) {
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
