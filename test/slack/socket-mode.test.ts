/** Socket Mode (development): Bolt connects with the app token through the configured Web API. */
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../adapters/slack/index.ts';
import { createApp, type App } from '../../app/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { appEngine } from '../helpers/engine.ts';

let fake: FakeSlack;
let app: App;
const data = tempDir();

beforeAll(async () => {
  fake = await startFakeSlack();
  const config = loadConfig({
    WEGWIJS_DATA_DIR: data.dir,
    LOG_LEVEL: 'silent',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_BOT_TOKEN: 'xoxb-T1',
    SLACK_APP_TOKEN: 'xapp-1-test',
    SLACK_SOCKET_MODE: 'true',
    SLACK_API_URL: fake.url,
  });
  app = await createApp(config, { log: silentLogger, prepared: { askEngine: appEngine(config) } });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
  data.cleanup();
});

describe('Slack Socket Mode', () => {
  it('opens the socket with the app token through the configured Web API, and fails loudly when refused', async () => {
    fake.queue('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
    const server = express();
    await expect(startSlack(server, app)).rejects.toThrow(/invalid_auth/);
    expect(fake.of('apps.connections.open').map((c) => c.token)).toEqual(['xapp-1-test']);
    expect(fake.of('chat.postMessage')).toEqual([]);
  });
});
