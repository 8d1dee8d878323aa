/**
 * The platform endpoints on the shared HTTP server. Each platform mounts itself when configured;
 * when it is not, the server says so in the log and how to turn it on.
 */
import type { Express } from 'express';
import type { App } from './compose.ts';
import { mountTeams, teamsOffReason, type TeamsEndpoint } from '../adapters/teams/index.ts';
import { slackMount } from '../adapters/slack/index.ts';

export interface PlatformMount {
  name: string;
  /** Why it is off and how to turn it on, or undefined when it is on. */
  off?: string;
  mount(server: Express, app: App): Promise<void>;
  close?(): Promise<void>;
}

export function platformMounts(app: App): PlatformMount[] {
  const { config } = app.services;
  return [
    teamsPlatform(app),
    {
      name: 'slack',
      off: config.slack ? undefined : 'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see README, "Slack")',
      ...slackMount(),
    },
  ];
}

/** Teams: on with TEAMS_* credentials, or in explicitly enabled local mode (never in production). */
function teamsPlatform(app: App): PlatformMount {
  let endpoint: TeamsEndpoint | undefined;
  return {
    name: 'teams',
    off: teamsOffReason(app),
    mount: async (server, mounted) => {
      endpoint = await mountTeams(server, mounted);
    },
    close: async () => endpoint?.close(),
  };
}
