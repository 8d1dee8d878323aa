/**
 * The Slack platform: Bolt on the shared server (or Socket Mode), Block Kit cards, the adapter.
 * Bolt is loaded only when Slack is started, so other commands (`wegwijs chat`) start quickly.
 */
import type { Express } from 'express';
import type { ChatPlatform, PlatformHost } from '../../src/core/index.ts';
import type { SlackOptions, SlackRuntime } from './slack-app.ts';

export * from './constants.ts';
export type { SlackRuntime, SlackOptions } from './slack-app.ts';
export type { SlackAdapter, SlackPlatformData } from './slack-adapter.ts';
export { cardToBlocks, toSlackMessage, SLACK_LIMITS, DROPPED_NOTE } from './cards.ts';
export { toMrkdwn, fromSlackText } from './mrkdwn.ts';
export { toDeliveryError } from './errors.ts';
export { createInstallationStore, SlackInstallationSchema, INSTALLATION_PK } from './installation-store.ts';

/**
 * Starts Slack: mounts Bolt's receiver on `server` (or connects through Socket Mode) and
 * registers the adapter with the messenger for proactive messages.
 */
export async function startSlack(server: Express, host: PlatformHost, options?: SlackOptions): Promise<SlackRuntime> {
  const { startSlack: start } = await import('./slack-app.ts');
  return start(server, host, options);
}

/** Slack as one platform unit: `mount` on the shared server (`app/platforms.ts`), then its `ChannelAdapter`. */
export function slackPlatform(options?: SlackOptions): ChatPlatform<Express> & { readonly runtime: SlackRuntime | undefined } {
  let runtime: SlackRuntime | undefined;
  return {
    name: 'slack',
    mount: async (server, host) => {
      runtime = await startSlack(server, host, options);
    },
    get adapter() {
      return runtime?.adapter;
    },
    get runtime() {
      return runtime;
    },
    close: async () => {
      await runtime?.close();
      runtime = undefined;
    },
  };
}
