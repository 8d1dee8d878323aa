/**
 * The bot: takes a neutral incoming message from any adapter, remembers where it came from,
 * picks the language, routes it to a feature, and turns any failure into a short apology.
 */
import { randomUUID } from 'node:crypto';
import { tenantKey } from './keys.ts';
import type { ChannelAdapter } from './adapter.ts';
import { builtinFeature } from './builtin.ts';
import type { Command, Feature } from './feature.ts';
import type { Lang } from './i18n.ts';
import { errorCode, userMessageKey } from './errors.ts';
import type { ConversationRef, IncomingAction, IncomingMessage } from './message.ts';
import type { UserPrefs } from './records.ts';
import { isAnnouncedQuestion, isGreeting, looksLikeUnknownCommand, matchCommand, ownHandler, splitActionId, stripEntryWord } from './router.ts';
import type { Services } from './services.ts';
import { cleanText, MAX_MESSAGE_CHARS } from './text.ts';
import { Turn, readNetwork } from './turn.ts';
import { greetingMessage, helpMessage, unknownCommandMessage } from './help.ts';
import { redact, redactIncoming, type RedactedIncoming } from '../privacy/index.ts';

export class Bot {
  private readonly features: Feature[] = [];

  constructor(readonly services: Services) {
    this.use(builtinFeature(this));
  }

  /** Plugs a feature in: its commands, buttons, questions, threads and scheduled work. */
  use(feature: Feature): this {
    if (this.features.some((f) => f.name === feature.name)) throw new Error(`Feature ${feature.name} is registered twice`);
    this.features.push(feature);
    return this;
  }

  get commands(): Command[] {
    return this.features.flatMap((f) => f.commands ?? []);
  }

  has(featureName: string): boolean {
    return this.features.some((f) => f.name === featureName);
  }

  /** Handles one incoming message or button press. Never throws. */
  async handle(raw: IncomingMessage, adapter: ChannelAdapter): Promise<void> {
    const id = randomUUID().slice(0, 8);
    const log = this.services.log.child({ turn: id, platform: raw.platform });
    // The one redaction pass: every free text is redacted here, before anything is stored,
    // logged, echoed or routed; no feature ever sees the raw text.
    const { message, found: redacted } = this.redact(cleanMessage(raw), log);
    const started = Date.now();
    let turn: Turn | undefined;
    try {
      // The channel's network and the person's record are read once per turn, together with the
      // conversation: for the language, and for the features (`turn.network()`, `turn.preferences`).
      const network = readNetwork(this.services, message);
      const person = this.readPreferences(message);
      // Not every turn awaits them; a failed read must still not become an unhandled rejection.
      network.catch(() => undefined);
      person.catch(() => undefined);
      const conversation = await this.remember(message);
      const preferences = await person;
      turn = new Turn(id, message, conversation, await this.languageOf(preferences, network), this.services, log, adapter, network, redacted, preferences);
      await this.route(turn);
      await turn.tellAboutRedaction();
      log.info({ ms: Date.now() - started, action: message.action?.id, redacted: redacted.length }, 'turn handled');
    } catch (err) {
      log.error({ code: errorCode(err), err: { message: (err as Error).message, stack: (err as Error).stack } }, 'turn failed');
      await this.apologise(turn, message, adapter, err).catch((e) => log.error({ code: errorCode(e) }, 'apology failed'));
    }
  }

  /** Redacts a message; should a detector ever fail, the free text is dropped rather than passed on. */
  private redact(message: IncomingMessage, log: Turn['log']): RedactedIncoming {
    try {
      return redactIncoming(message, this.services.clock.now());
    } catch (err) {
      log.error({ code: errorCode(err) }, 'redaction failed; free text dropped');
      const { action } = message;
      return { message: { ...message, text: '', channelName: undefined, action: action && { id: action.id, messageId: action.messageId } }, found: [] };
    }
  }

  /** Runs every feature's scheduled work; one failing feature does not stop the others. */
  async tick(now: Date = this.services.clock.now()): Promise<void> {
    for (const feature of this.features) {
      if (!feature.tick) continue;
      try {
        await feature.tick(now);
      } catch (err) {
        this.services.log.error({ code: errorCode(err), feature: feature.name, err: { message: (err as Error).message } }, 'scheduled work failed');
      }
    }
  }

  /** Stores the conversation and greets it (installation, bot added to a team or channel). */
  async welcome(conversation: ConversationRef, adapter: ChannelAdapter, lang: Lang = this.services.config.language): Promise<void> {
    // A channel's name is typed by people too ("Casus mevrouw Jansen"): it is stored redacted.
    const name = conversation.name && redact(conversation.name, this.services.clock.now()).text;
    await this.saveConversation({ ...conversation, name });
    const t = this.services.catalog.translator(lang);
    await adapter.post(conversation, { text: t('core.welcome', { bot: this.services.config.botName }) });
  }

  /** Forgets a conversation the bot was removed from. */
  async forget(conversation: Pick<ConversationRef, 'platform' | 'tenantId' | 'channelId'>): Promise<void> {
    await this.services.store.conversations.delete(tenantKey(conversation), conversation.channelId);
  }

  async saveConversation(ref: ConversationRef): Promise<void> {
    const { platform, tenantId, channelId } = ref;
    await this.services.store.conversations.put(tenantKey({ platform, tenantId }), channelId, {
      platform,
      tenantId,
      channelId,
      name: ref.name,
      isDirect: ref.isDirect,
      userId: ref.userId,
      platformRef: ref.platformRef,
      lastSeenAt: this.services.clock.now().toISOString(),
    });
  }

  private async route(turn: Turn): Promise<void> {
    const message = turn.message;
    if (message.action) return this.routeAction(turn, message.action);
    const { body, entryWord } = stripEntryWord(message.text, this.services.config.botName);
    const addressed = message.isDirect || message.addressedToBot || entryWord;
    const threadOwner = message.threadId ? await this.threadOwner(turn) : undefined;
    // Chatter in a channel is not for the bot: it says nothing, not even what it redacted.
    if (!addressed && !threadOwner) return turn.ignore();
    if (message.text.length > MAX_MESSAGE_CHARS) {
      // Only the writer needs to hear this: a warning in the channel would put them on show.
      await turn.replyPrivately({ text: turn.t('core.too_long', { length: message.text.length, max: MAX_MESSAGE_CHARS }) });
      return;
    }
    // A message someone asked the bot about: its text is the question, never read as a command.
    const asker = this.features.find((f) => f.question);
    if (message.asQuestion && body && asker) return asker.question!(turn, body);
    if (addressed && body) {
      const match = matchCommand(body, this.commands);
      if (match) return match.command.handler(turn, match.args);
    }
    if (threadOwner) {
      await threadOwner.threadMessage!(turn);
      return;
    }
    if (!body) return void (await turn.reply(helpMessage(turn, this.commands)));
    // A greeting or a probe ("hi", "test") gets what Wegwijs can do, not a card or a "did you mean".
    if (isGreeting(body, this.services.config.botName)) return void (await turn.reply(greetingMessage(turn, this.commands)));
    if (isAnnouncedQuestion(body)) return void (await turn.reply({ text: turn.t('core.announced', { bot: this.services.config.botName }) }));
    if (looksLikeUnknownCommand(body) && !message.isDirect) return void (await turn.reply(unknownCommandMessage(turn, body, this.commands)));
    if (!asker) {
      if (looksLikeUnknownCommand(body)) return void (await turn.reply(unknownCommandMessage(turn, body, this.commands)));
      return void (await turn.reply({ text: turn.t('core.no_questions') }));
    }
    await asker.question!(turn, body);
  }

  private async routeAction(turn: Turn, action: IncomingAction): Promise<void> {
    // Own properties only: `actions.constructor` or `ask.toString` name no handler.
    const id = splitActionId(action.id);
    const feature = id && this.features.find((f) => f.name === id.feature);
    const handler = id && feature ? ownHandler(feature.actions, id.handler) : undefined;
    if (!handler) {
      turn.log.info({ code: 'action_unknown', action: action.id.slice(0, 80) }, 'unknown action');
      await turn.replyPrivately({ text: turn.t('core.action_unknown') });
      return;
    }
    await handler(turn, action);
  }

  private async threadOwner(turn: Turn): Promise<Feature | undefined> {
    for (const feature of this.features) {
      if (feature.threadMessage && (await feature.ownsThread?.(turn))) return feature;
    }
    return undefined;
  }

  /**
   * Keeps the conversation reference current: written when new, renamed, or marked dead by a
   * failed delivery (someone writing in it shows it is alive again). Platform detail an adapter
   * stored (Teams serviceUrl) is kept.
   */
  private async remember(message: IncomingMessage): Promise<ConversationRef> {
    const ref: ConversationRef = {
      platform: message.platform,
      tenantId: message.tenantId,
      channelId: message.channelId,
      name: message.channelName,
      isDirect: message.isDirect,
      userId: message.isDirect ? message.user.id : undefined,
    };
    const stored = (await this.services.store.conversations.get(tenantKey(ref), ref.channelId))?.data;
    const current = { ...ref, name: ref.name ?? stored?.name, platformRef: stored?.platformRef };
    if (!stored || stored.dead || current.name !== stored.name) await this.saveConversation(current);
    return current;
  }

  /**
   * The language for someone outside a turn (an adapter's own message: a placeholder, a dialog):
   * the user's choice, else the network's, else the default. A turn has it as `turn.lang`.
   */
  async languageFor(
    message: Pick<IncomingMessage, 'platform' | 'tenantId' | 'channelId' | 'isDirect' | 'user'>,
    network = readNetwork(this.services, message),
  ): Promise<Lang> {
    return this.languageOf(await this.readPreferences(message), network);
  }

  /** The person's preferences record (language, role, name), if they chose anything. */
  private async readPreferences(message: Pick<IncomingMessage, 'platform' | 'tenantId' | 'user'>): Promise<UserPrefs | undefined> {
    return (await this.services.store.users.get(tenantKey(message), message.user.id))?.data;
  }

  private async languageOf(preferences: UserPrefs | undefined, network: ReturnType<typeof readNetwork>): Promise<Lang> {
    return preferences?.language ?? (await network)?.data.language ?? this.services.config.language;
  }

  /**
   * The one error handler's answer: the text an error names (`WegwijsError.userKey`, a catalogue
   * key), else the general apology; never the error's own message.
   */
  private async apologise(turn: Turn | undefined, message: IncomingMessage, adapter: ChannelAdapter, err?: unknown): Promise<void> {
    const { catalog, config } = this.services;
    const named = userMessageKey(err);
    const text = catalog.t(turn?.lang ?? config.language, named && catalog.has(named) ? named : 'core.error', { bot: config.botName });
    if (turn) await turn.reply({ text });
    else await adapter.post({ platform: message.platform, tenantId: message.tenantId, channelId: message.channelId, isDirect: message.isDirect }, { text });
  }
}

/**
 * Every text a person typed or a platform passed on, cleaned once before the redaction pass
 * (`cleanText`: normalised, no control, bidi or invisible characters): the message, the inputs of
 * a form or card (a title or note shown to the whole network later), the person's display name
 * and the channel's name. The inputs keep their record without a prototype.
 */
function cleanMessage(raw: IncomingMessage): IncomingMessage {
  const inputs = raw.action?.inputs;
  const cleanInputs = inputs && Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, cleanText(value)])));
  return {
    ...raw,
    text: cleanText(raw.text ?? ''),
    user: { ...raw.user, name: cleanText(raw.user.name ?? '') },
    ...(raw.channelName !== undefined ? { channelName: cleanText(raw.channelName) } : {}),
    ...(raw.action && cleanInputs ? { action: { ...raw.action, inputs: cleanInputs } } : {}),
  };
}
