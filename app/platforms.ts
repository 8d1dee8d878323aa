/**
 * The platform endpoints on the shared HTTP server. Each adapter folder exports one `Platform`
 * unit (`teamsPlatform`, `slackPlatform`: mount plus its `ChannelAdapter`); this file only says
 * which are configured and mounts those. A platform's SDK (the Agents SDK, Bolt) is imported
 * only when that platform is mounted; the configuration is read here once and never changed.
 */
import type { Express } from 'express';
import type { Config } from '../src/config.ts';
import type { ChannelAdapter, ChatPlatform, PlatformHost } from '../src/core/index.ts';
// mode.ts, not auth.ts: deciding that Teams is off must not load the Agents SDK.
import { teamsMode } from '../adapters/teams/mode.ts';

export interface PlatformMount {
  name: string;
  /** Why it is off and how to turn it on, or undefined when it is on. */
  off?: string;
  mount(server: Express, host: PlatformHost): Promise<void>;
  /** The platform's adapter once mounted. */
  readonly adapter?: ChannelAdapter;
  close?(): Promise<void>;
}

export function platformMounts(app: { services: { config: Config } }): PlatformMount[] {
  const { config } = app.services;
  return [
    lazy(
      'teams',
      teamsMode(config, { local: config.teamsLocalMode }) === 'off'
        ? 'set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (see README, "Microsoft Teams"), or TEAMS_LOCAL_MODE=true to try it with a local emulator'
        : undefined,
      async () => (await import('../adapters/teams/index.ts')).teamsPlatform(),
    ),
    lazy('slack', config.slack ? undefined : 'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see README, "Slack")', async () =>
      (await import('../adapters/slack/index.ts')).slackPlatform(),
    ),
  ];
}

/** A platform unit loaded (with its SDK) only when it is mounted. */
function lazy(name: string, off: string | undefined, load: () => Promise<ChatPlatform<Express>>): PlatformMount {
  let platform: ChatPlatform<Express> | undefined;
  return {
    name,
    off,
    mount: async (server, host) => {
      platform = await load();
      await platform.mount(server, host);
    },
    get adapter() {
      return platform?.adapter;
    },
    close: async () => platform?.close(),
  };
}
