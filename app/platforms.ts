/**
 * The platform endpoints on the shared HTTP server. Each platform mounts itself when configured;
 * when it is not, the server says so in the log and how to turn it on.
 */
import type { Express } from 'express';
import type { App } from './compose.ts';

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
    {
      name: 'teams',
      off: config.teams ? undefined : 'set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (see README, "Microsoft Teams")',
      mount: async () => {},
    },
    {
      name: 'slack',
      off: config.slack ? undefined : 'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see README, "Slack")',
      mount: async () => {},
    },
  ];
}
