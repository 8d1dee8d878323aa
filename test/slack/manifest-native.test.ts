/**
 * The Slack manifest asks for what the native surfaces need (App Home, the two shortcuts with the
 * callback ids the adapter listens to, the app_home_opened event) and stays structurally valid:
 * the fields Slack requires, with Slack's limits, and nothing the adapter does not serve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ASK_ABOUT_CALLBACK } from '../../adapters/slack/native.ts';
import { LOG_ACTION_CALLBACK } from '../../adapters/slack/shortcuts.ts';
import { HANDLED_EVENTS, HANDLED_PAYLOADS } from '../../adapters/slack/unhandled.ts';
import { REPO_ROOT } from '../../src/core/index.ts';

interface Shortcut {
  name: string;
  type: 'global' | 'message';
  callback_id: string;
  description: string;
}
interface Manifest {
  _metadata: { major_version: number };
  display_information: { name: string; description?: string };
  features: { app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean }; shortcuts?: Shortcut[]; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
}

const manifest = parse(readFileSync(join(REPO_ROOT, 'infra', 'slack', 'manifest.yaml'), 'utf8')) as Manifest;

describe('Slack manifest for the native surfaces', () => {
  it('enables the Home tab and subscribes to app_home_opened, which the adapter handles', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    for (const event of manifest.settings.event_subscriptions.bot_events) expect(HANDLED_EVENTS.has(event.replace(/\..*$/, '')), event).toBe(true);
  });

  it('declares the two shortcuts with the callback ids the adapter listens to, within Slack\'s limits', () => {
    const shortcuts = manifest.features.shortcuts ?? [];
    expect(shortcuts.map((s) => [s.type, s.callback_id]).sort()).toEqual([
      ['global', LOG_ACTION_CALLBACK],
      ['message', ASK_ABOUT_CALLBACK],
    ]);
    for (const s of shortcuts) {
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.description.length).toBeLessThanOrEqual(80);
      expect(s.callback_id).toMatch(/^[a-z0-9_]{1,255}$/);
    }
    // Shortcuts arrive as interactivity payloads: interactivity is on and both types are handled.
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(HANDLED_PAYLOADS.has('shortcut') && HANDLED_PAYLOADS.has('message_action')).toBe(true);
    // Shortcuts need the `commands` scope.
    expect(manifest.oauth_config.scopes.bot).toContain('commands');
  });

  it('has the fields Slack requires', () => {
    expect(manifest._metadata.major_version).toBe(2);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect((manifest.display_information.description ?? '').length).toBeLessThanOrEqual(140);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });
});
