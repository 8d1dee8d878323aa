/**
 * Drives the real server (createApp + startServer) with Slack on, against the fake Web API:
 * signed slash commands, events and interactivity payloads, as Slack sends them.
 */
import { createHmac } from 'node:crypto';
import { createApp, type App } from '../../app/compose.ts';
import { startServer, type RunningServer } from '../../app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, type Clock, type Feature } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { slackTiming } from '../../adapters/slack/index.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { until, type TurnCount } from '../fuzz/gen.ts';
import { appEngine } from '../helpers/engine.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackServer {
  app: App;
  server: RunningServer;
  sleeps: number[];
  close(): Promise<void>;
}

/** The configuration of a test server with Slack pointed at `fake` (one workspace, T1, unless `env` says otherwise). */
export function slackTestConfig(dataDir: string, fake: Pick<FakeSlack, 'url'>, env: Record<string, string> = { SLACK_BOT_TOKEN: 'xoxb-T1' }) {
  return loadConfig({
    WEGWIJS_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SCHEDULER_INTERVAL_SECONDS: '3600',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    ...env,
  });
}

/**
 * Starts Wegwijs with Slack pointed at `fake`; `features` are plugged in for the test; `clock` is
 * the app's clock (a `ManualClock` pins "now" for dates typed in commands).
 */
export async function startSlackServer(
  fake: FakeSlack,
  options: { env?: Record<string, string>; features?: Feature[]; dataDir?: string; clock?: Clock } = {},
): Promise<SlackServer> {
  const temp = options.dataDir ? undefined : tempDir();
  const config = slackTestConfig(options.dataDir ?? temp!.dir, fake, { LOG_LEVEL: 'silent', ...(options.env ?? { SLACK_BOT_TOKEN: 'xoxb-T1' }) });
  const sleeps: number[] = [];
  const app = await createApp(config, {
    clock: options.clock,
    log: silentLogger,
    prepared: { askEngine: appEngine(config) },
    messenger: {
      baseDelayMs: 1,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });
  for (const feature of options.features ?? []) app.bot.use(feature);
  const server = await startServer(app);
  return {
    app,
    server,
    sleeps,
    close: async () => {
      await server.close();
      await app.close();
      temp?.cleanup();
    },
  };
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs a signed body to /slack/events. */
export async function postSigned(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

let eventCounter = 0;
let requestCounter = 0;

/** An Events API callback for `event` in workspace `team`. */
export function eventBody(event: Record<string, unknown>, options: { team?: string; eventId?: string } = {}): string {
  const team = options.team ?? 'T1';
  return JSON.stringify({
    token: 'legacy',
    team_id: team,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Date.now()}${++eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ enterprise_id: null, team_id: team, user_id: `UBOT${team}`, is_bot: true, is_enterprise_install: false }],
  });
}

export function sendEvent(url: string, event: Record<string, unknown>, options: { team?: string; eventId?: string } & SendOptions = {}): Promise<Response> {
  return postSigned(url, eventBody(event, options), 'application/json', options);
}

export function sendCommand(url: string, text: string, options: { team?: string; channel?: string; user?: string; responseUrl?: string } & SendOptions = {}): Promise<Response> {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: options.team ?? 'T1',
    team_domain: 'netwerk',
    channel_id: options.channel ?? 'C1',
    channel_name: 'passende-plekken',
    user_id: options.user ?? 'U1',
    user_name: 'anna',
    command: '/wegwijs',
    text,
    api_app_id: 'A1',
    response_url: options.responseUrl ?? 'http://127.0.0.1:1/unused',
    // Slack gives every request its own trigger id, so no two signed requests are the same
    // (the same signed request twice is a replay, and dropped).
    trigger_id: `trigger-command-${++requestCounter}`,
  }).toString();
  return postSigned(url, body, 'application/x-www-form-urlencoded', options);
}

/** An interactivity payload (block_actions, view_submission) as Slack sends it: form field `payload`. */
export function sendInteraction(url: string, payload: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
  const unique = payload.trigger_id === undefined ? { trigger_id: `trigger-${++requestCounter}` } : {};
  const body = new URLSearchParams({ payload: JSON.stringify({ ...payload, ...unique }) }).toString();
  return postSigned(url, body, 'application/x-www-form-urlencoded', options);
}

let ts = 1_800_000_000;
export const nextTs = () => `${++ts}.000200`;

/**
 * Wegwijs on a fake Slack for tests of buttons and forms: answers are never turned into a
 * placeholder and an update (a slow machine must not; that is tested in test/slack).
 */
export async function startSlackPair(): Promise<{ fake: FakeSlack; wegwijs: SlackServer; url: string; close(): Promise<void> }> {
  const before = slackTiming.placeholderAfterMs;
  slackTiming.placeholderAfterMs = 60_000;
  const fake = await startFakeSlack();
  const wegwijs = await startSlackServer(fake);
  return {
    fake,
    wegwijs,
    url: wegwijs.server.url,
    close: async () => {
      slackTiming.placeholderAfterMs = before;
      await wegwijs.close();
      await fake.close();
    },
  };
}

/**
 * A marker command from workspace T2: once its turn has run, everything sent before it has been
 * dealt with (the attack tests wait on it instead of on time).
 */
export async function sendMarker(url: string, turns: TurnCount): Promise<void> {
  const count = turns.messages.length;
  const channel = `CM${count}`;
  await sendCommand(url, 'hulp', { team: 'T2', channel, user: 'UMARK' });
  await until('the marker', () => turns.messages.slice(count).some((m) => m.channelId === channel));
  await turns.after(turns.started);
}
