/**
 * The console platform: every message the bot sends becomes one `ConsoleOutput` handed to a
 * sink (stdout as JSON lines, or pretty text). Message ids are m1, m2, … in order of sending; with
 * a persistent `sequence` they keep counting across restarts, so an old thread id stays unique.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelAdapter, ConversationRef, OutgoingMessage, PostedMessage } from '../../src/core/index.ts';
import { toConsoleOutput, type ConsoleOutput } from './render.ts';

export const CONSOLE_TENANT = 'local';

export class ConsoleAdapter implements ChannelAdapter {
  readonly platform = 'console' as const;
  private counter = 0;
  private readonly sequence: () => Promise<number>;
  /** Where each message went, so an update can be printed with the same place. */
  private readonly places = new Map<string, Omit<ConsoleOutput, 'id' | 'text' | 'card'>>();

  private readonly picturesDir?: string;
  private readonly documentsDir?: string;

  constructor(
    sink: (output: ConsoleOutput) => void,
    /** `picturesDir`, `documentsDir`: where pictures (PNG) and documents are written as files (none without it). */
    options: { sequence?: () => Promise<number>; picturesDir?: string; documentsDir?: string } = {},
  ) {
    this.sequence = options.sequence ?? (async () => ++this.counter);
    this.picturesDir = options.picturesDir;
    this.documentsDir = options.documentsDir;
    this.sink = sink;
  }

  private readonly sink: (output: ConsoleOutput) => void;

  async nextId(prefix = 'm'): Promise<string> {
    return `${prefix}${await this.sequence()}`;
  }

  async post(conversation: ConversationRef, message: OutgoingMessage): Promise<PostedMessage> {
    return this.emit(message, placeOf(conversation));
  }

  async postToThread(conversation: ConversationRef, threadId: string, message: OutgoingMessage): Promise<PostedMessage> {
    return this.emit(message, { ...placeOf(conversation), thread: threadId });
  }

  async update(_conversation: ConversationRef, messageId: string, message: OutgoingMessage): Promise<void> {
    const place = this.places.get(messageId) ?? placeOf(_conversation);
    this.sink(this.withFiles(toConsoleOutput(message, messageId, { ...place, update: true }), message));
  }

  async sendDirect(user: { tenantId: string; userId: string }, message: OutgoingMessage): Promise<PostedMessage> {
    return this.emit(message, { dm: true, to: user.userId });
  }

  async postEphemeral(conversation: ConversationRef, userId: string, message: OutgoingMessage, threadId?: string): Promise<void> {
    const place = { ...placeOf(conversation), to: userId, private: true, ...(threadId ? { thread: threadId } : {}) };
    this.sink(this.withFiles(toConsoleOutput(message, await this.nextId('p'), place), message));
  }

  private async emit(message: OutgoingMessage, place: Omit<ConsoleOutput, 'id' | 'text' | 'card'>): Promise<PostedMessage> {
    const id = await this.nextId();
    this.places.set(id, place);
    this.sink(this.withFiles(toConsoleOutput(message, id, place), message));
    return { id };
  }

  private withFiles(output: ConsoleOutput, message: OutgoingMessage): ConsoleOutput {
    return this.withDocument(this.withPicture(output, message), message);
  }

  /** A document is kept as a file (named after the message, so two reports never overwrite each other). */
  private withDocument(output: ConsoleOutput, message: OutgoingMessage): ConsoleOutput {
    const document = message.document;
    if (!document) return output;
    const file = keepFile(this.documentsDir, output.id, document.filename, document.content);
    return { ...output, document: { title: document.title, filename: document.filename, ...(file ? { file } : {}) } };
  }

  /** The console cannot show a picture: it prints the alt text and keeps the PNG as a file. */
  private withPicture(output: ConsoleOutput, message: OutgoingMessage): ConsoleOutput {
    const picture = message.picture;
    if (!picture) return output;
    const file = keepFile(this.picturesDir, output.id, picture.filename, picture.png);
    return { ...output, picture: { title: picture.title, alt: picture.alt, ...(file ? { file } : {}) } };
  }
}

function placeOf(conversation: ConversationRef): Omit<ConsoleOutput, 'id' | 'text' | 'card'> {
  if (conversation.isDirect) return { dm: true, to: conversation.userId ?? conversation.channelId.replace(/^dm:/, '') };
  return { channel: conversation.channelId };
}

/** Writes a message's file under `dir` as `<message id>-<name>` (none without a folder). */
function keepFile(dir: string | undefined, id: string, filename: string, content: string | Uint8Array): string | undefined {
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${id}-${filename.replace(/[^\w.-]+/g, '_')}`);
  writeFileSync(file, content);
  return file;
}
