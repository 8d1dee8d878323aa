/**
 * One chat platform as the composition root sees it: a unit that mounts itself on the shared
 * HTTP server (or connects its own way) and then offers its `ChannelAdapter`. Each adapter
 * folder exports one; the server mounts those that are configured. A platform gets everything
 * through its `PlatformHost` and its options at creation: it imports nothing from app/ and
 * never changes the configuration.
 */
import type { Inbox } from '../store/index.ts';
import type { ChannelAdapter } from './adapter.ts';
import type { Bot } from './bot.ts';
import type { Services } from './services.ts';

/** What a platform receives when it is mounted (the app satisfies it). */
export interface PlatformHost {
  bot: Bot;
  services: Services;
  /** Requests are kept here before they are acknowledged (src/store/inbox.ts). */
  inbox: Inbox;
}

export interface ChatPlatform<Server = unknown> {
  readonly name: string;
  /** Mounts the endpoints on `server` and registers the adapter with the messenger. */
  mount(server: Server, host: PlatformHost): Promise<void>;
  /** The platform's adapter, once mounted. */
  readonly adapter: ChannelAdapter | undefined;
  close(): Promise<void>;
}
