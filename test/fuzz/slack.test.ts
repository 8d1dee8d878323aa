/**
 * Fuzzing the Slack endpoint with a fixed seed: signed events, button presses, modal submissions
 * and slash commands whose fields are replaced by random values (prototype keys, wrong types, long
 * strings, foreign network keys), plus unsigned, stale and future-dated requests. Every request is
 * answered 200 or a 4xx, never a 5xx; nothing fails inside the bot (a refusal of bad input is
 * logged with its code, which is allowed); and the bot still answers afterwards.
 */
import { describe, expect, it } from 'vitest';
import { slackTiming } from '../../adapters/slack/index.ts';
import { createApp } from '../../app/compose.ts';
import { startServer } from '../../app/server.ts';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack } from '../slack/fake-slack.ts';
import { eventBody, postSigned, slackTestConfig } from '../slack/slack-helpers.ts';
import { mutateObject, prng, randomString, randomValue, recordingLogger, type Rand } from './gen.ts';
import { appEngine } from '../helpers/engine.ts';

const SEED = 0x51ac_0012;
const REQUESTS = 160;
/** Codes with which a refused payload may be logged: a refusal, not a failure. */
const REFUSALS = new Set(['wegwijs_bad_input', 'wegwijs_forbidden']);

const button = (value: unknown) => ({
  type: 'block_actions',
  team: { id: 'T1', domain: 'netwerk' },
  user: { id: 'U1', username: 'anna', team_id: 'T1' },
  api_app_id: 'A1',
  trigger_id: 'trigger',
  container: { type: 'message', message_ts: '1800000000.000100', channel_id: 'C1', is_ephemeral: false },
  channel: { id: 'C1', name: 'netwerk' },
  message: { type: 'message', ts: '1800000000.000100', text: 'kaart', user: 'UBOTT1' },
  state: { values: { 'input:note': { note: { type: 'plain_text_input', value: 'gebeld' } } } },
  actions: [{ type: 'button', action_id: 'actions.done', block_id: 'b1', value: JSON.stringify(value), action_ts: '1' }],
});

const submission = {
  type: 'view_submission',
  team: { id: 'T1', domain: 'netwerk' },
  user: { id: 'U1', username: 'anna', team_id: 'T1' },
  api_app_id: 'A1',
  trigger_id: 'trigger',
  view: {
    id: 'V1',
    team_id: 'T1',
    type: 'modal',
    callback_id: 'actions.submit',
    private_metadata: JSON.stringify({ c: 'C1', n: 'netwerk' }),
    state: { values: { 'input:title': { title: { type: 'plain_text_input', value: 'Iets doen' } } } },
  },
};

const mention = { type: 'app_mention', user: 'U1', text: '<@UBOTT1> acties', ts: '1800000001.000100', channel: 'C1', event_ts: '1800000001.000100' };
const dm = { type: 'message', channel_type: 'im', user: 'U1', text: 'Wat doet het CCE?', ts: '1800000002.000100', channel: 'D1', event_ts: '1800000002.000100' };
const reply = { type: 'message', channel_type: 'channel', user: 'U2', text: 'een bijdrage', ts: '1800000003.000100', thread_ts: '1800000000.000100', channel: 'C1' };

const EVENT_PATHS = [['type'], ['user'], ['text'], ['ts'], ['thread_ts'], ['channel'], ['channel_type'], ['subtype'], ['bot_id'], ['edited']];
const INTERACTION_PATHS = [
  ['team'], ['team', 'id'], ['user', 'id'], ['user'], ['channel'], ['channel', 'id'], ['container'], ['container', 'channel_id'], ['message', 'ts'], ['message', 'thread_ts'],
  ['state', 'values'], ['state', 'values', 'input:note', 'note', 'value'], ['actions'], ['enterprise'], ['is_enterprise_install'],
  ['view', 'callback_id'], ['view', 'private_metadata'], ['view', 'state', 'values'], ['view', 'state', 'values', 'input:title', 'title', 'value'],
];
const COMMAND_FIELDS = ['text', 'channel_id', 'channel_name', 'user_id', 'team_id', 'enterprise_id', 'is_enterprise_install', 'trigger_id'];

interface Case {
  body: string;
  contentType: string;
  timestamp?: number;
  signature?: string;
}

function withEventId<T>(r: Rand, body: string): string {
  const parsed = JSON.parse(body) as Record<string, T>;
  return JSON.stringify({ ...parsed, event_id: `EvFuzz${r.int(1e9)}` });
}

function slackCase(r: Rand): Case {
  const form = 'application/x-www-form-urlencoded';
  switch (r.int(6)) {
    case 0: {
      const event = mutateObject(r, r.pick([mention, dm, reply]), EVENT_PATHS);
      const body = r.chance(0.2) ? JSON.stringify(mutateObject(r, JSON.parse(eventBody(event)) as Record<string, unknown>, [['team_id'], ['authorizations'], ['event'], ['type'], ['api_app_id']])) : eventBody(event);
      return { body: withEventId(r, body), contentType: 'application/json' };
    }
    case 1: {
      const value = r.chance(0.5) ? { network: r.pick(['slack:T1:C1', 'slack:T2:C1', 'slack:T1', '', randomString(r)]), n: r.pick([1, -1, 1.5, '1', null]) } : randomValue(r);
      const payload = mutateObject(r, button(value), INTERACTION_PATHS);
      return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: form };
    }
    case 2: {
      const payload = mutateObject(r, submission, INTERACTION_PATHS);
      return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: form };
    }
    case 3: {
      const fields: Record<string, string> = { token: 'legacy', team_id: 'T1', channel_id: 'C1', channel_name: 'netwerk', user_id: 'U1', command: '/wegwijs', text: 'hulp', api_app_id: 'A1', trigger_id: 't' };
      for (let i = 1 + r.int(2); i > 0; i--) fields[r.pick(COMMAND_FIELDS)] = randomString(r);
      return { body: new URLSearchParams(fields).toString(), contentType: form };
    }
    case 4: {
      // Signed, but too old, from the future, or a signature that does not match.
      const now = Math.floor(Date.now() / 1000);
      const timestamp = now + r.pick([-3600, -301, 301, 600, 86_400 * 365]);
      return { body: eventBody(mention), contentType: 'application/json', timestamp, ...(r.chance(0.3) ? { signature: 'v0=deadbeef' } : {}) };
    }
    default:
      return { body: JSON.stringify(randomValue(r)) ?? 'null', contentType: r.pick(['application/json', form, 'text/plain']) };
  }
}

describe('Slack endpoint under fuzzing', () => {
  it(`answers ${REQUESTS} random signed payloads with 200 or 4xx, never 5xx, and keeps serving (seed ${SEED})`, async () => {
    slackTiming.placeholderAfterMs = 60_000;
    const r = prng(SEED);
    const temp = tempDir('wegwijs-fuzz-');
    const fake = await startFakeSlack();
    const { log, errors } = recordingLogger();
    const config = slackTestConfig(temp.dir, fake);
    const app = await createApp(config, { log, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
    let turns = 0;
    let running = 0;
    const handle = app.bot.handle.bind(app.bot);
    app.bot.handle = async (message, adapter) => {
      running++;
      try {
        await handle(message, adapter);
      } finally {
        running--;
        turns++;
      }
    };
    const server = await startServer(app);
    try {
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const c = slackCase(r);
        const response = await postSigned(server.url, c.body, c.contentType, { timestamp: c.timestamp, signature: c.signature });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        await response.text();
        if (response.status >= 500) failures.push(`case ${i}: ${response.status} for ${c.body.slice(0, 300)}`);
        if (c.timestamp !== undefined) expect(response.status, `case ${i}: stale, future or forged`).toBe(401);
      }
      expect(failures).toEqual([]);
      // The mix reaches the bot often enough to mean something (about a third are valid or nearly so).
      expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 4);
      // The work runs after the ack: wait until it is done.
      for (let i = 0; i < 300 && running > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(turns).toBeGreaterThan(REQUESTS / 8);
      // Still serving: a slash command gets its answer.
      const since = fake.calls.length;
      const body = new URLSearchParams({ token: 'legacy', team_id: 'T1', channel_id: 'C9', channel_name: 'netwerk', user_id: 'U1', command: '/wegwijs', text: 'hulp', api_app_id: 'A1', trigger_id: 't' }).toString();
      expect((await postSigned(server.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
      await fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C9' && fake.calls.indexOf(c) >= since, 'the help after the fuzzing');
      // Errors logged: only refusals of bad input, with their code; no failed turn, no crash.
      const unexpected = errors.filter((e) => !REFUSALS.has(String(e.code)));
      expect(unexpected.map((e) => `${String(e.msg)} ${String(e.code)}`)).toEqual([]);
    } finally {
      await server.close();
      await app.close();
      await fake.close();
      temp.cleanup();
    }
  }, 60_000);
});
