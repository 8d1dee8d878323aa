/**
 * The platform endpoints on the shared HTTP server. Each platform mounts itself when configured;
 * when it is not, the server says so in the log and how to turn it on. A platform's SDK (the
 * Agents SDK, Bolt) is imported only when that platform is mounted.
 */
import type { Express } from 'express';
import type { App } from './compose.ts';
import { teamsMode } from '../adapters/teams/auth.ts';
import type { TeamsEndpoint } from '../adapters/teams/index.ts';

export interface PlatformMount {
  name: string;
  /** Why it is off and how to turn it on, or undefined when it is on. */
  off?: string;
  mount(server: Express, app: App): Promise<void>;
  close?(): Promise<void>;
}

export function platformMounts(app: App): PlatformMount[] {
  return [teamsPlatform(app), slackPlatform(app)];
}

/** Teams: on with TEAMS_* credentials, or in explicitly enabled local mode (never in production). */
function teamsPlatform(app: App): PlatformMount {
  const { config } = app.services;
  let endpoint: TeamsEndpoint | undefined;
  const off = teamsMode(config, { local: config.teamsLocalMode }) === 'off';
  return {
    name: 'teams',
    off: off
      ? 'set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (see README, "Microsoft Teams"), or TEAMS_LOCAL_MODE=true to try it with a local emulator'
      : undefined,
    mount: async (server, mounted) => {
      const { mountTeams } = await import('../adapters/teams/index.ts');
      endpoint = await mountTeams(server, mounted);
    },
    close: async () => endpoint?.close(),
  };
}

function slackPlatform(app: App): PlatformMount {
  let mounted: { close(): Promise<void> } | undefined;
  return {
    name: 'slack',
    off: app.services.config.slack ? undefined : 'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see README, "Slack")',
    mount: async (server, host) => {
      const { slackMount } = await import('../adapters/slack/index.ts');
      const slack = slackMount();
      await slack.mount(server, host);
      mounted = slack;
    },
    close: async () => mounted?.close(),
  };
}
