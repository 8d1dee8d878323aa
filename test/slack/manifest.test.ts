/** The Slack app manifest matches what the adapter serves and asks for. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH, SLACK_REDIRECT_PATH, SLACK_SCOPES } from '../../adapters/slack/index.ts';
import { REPO_ROOT } from '../../src/core/index.ts';

interface Manifest {
  display_information: { name: string };
  features: { bot_user: { display_name: string }; slash_commands: { command: string; url: string }[] };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync(join(REPO_ROOT, 'infra', 'slack', 'manifest.yaml'), 'utf8')) as Manifest;
const path = (url: string) => new URL(url).pathname;

describe('infra/slack/manifest.yaml', () => {
  it('defines the /wegwijs command at the events path', () => {
    expect(manifest.display_information.name).toBe('Wegwijs');
    expect(manifest.features.bot_user.display_name).toBe('wegwijs');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/wegwijs']);
    expect(path(manifest.features.slash_commands[0].url)).toBe(SLACK_EVENTS_PATH);
  });

  it('subscribes to mentions, direct messages and channel messages, and interactivity, at one path', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups']));
    expect(path(manifest.settings.event_subscriptions.request_url)).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(path(manifest.settings.interactivity.request_url)).toBe(SLACK_EVENTS_PATH);
  });

  it('asks for the scopes the adapter needs, and redirects OAuth to the adapter', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_SCOPES].sort());
    for (const scope of ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:write', 'channels:history', 'groups:history', 'users:read']) {
      expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
    expect(manifest.oauth_config.redirect_urls.map(path)).toEqual([SLACK_REDIRECT_PATH]);
  });
});
