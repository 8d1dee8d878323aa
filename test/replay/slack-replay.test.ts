/**
 * Replays every recorded Slack payload (test/fixtures/slack) through the real server and Bolt,
 * signed as Slack signs, against the fake Web API, and checks per payload the class of outcome the
 * user sees: the HTTP status, answered / silent / welcomed / refused, one answer at most (also
 * when Slack retries the same event), and the acknowledgement within Slack's 3 seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTiming } from '../../adapters/slack/index.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { postSigned, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';
import { judge, loadFixtures, markers, report, settle, summary, trackWork, type Fixture, type Observed } from './replay.ts';

/** Web API calls a user sees as a message (updates of an earlier message are not counted). */
const VISIBLE = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.scheduleMessage', 'views.open', 'views.push']);
const isVisible = (call: SlackCall) => VISIBLE.has(call.method) || call.method.startsWith('response/');
const EVENT_TYPES = new Set(['event_callback', 'url_verification', 'app_rate_limited']);

let fake: FakeSlack;
let wegwijs: SlackServer;
let work: ReturnType<typeof trackWork>;

beforeAll(async () => {
  // No placeholder during the replay: a slow machine must not turn one answer into two calls.
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  wegwijs = await startSlackServer(fake);
  work = trackWork(wegwijs.app);
});

afterAll(async () => {
  await wegwijs?.close();
  await fake?.close();
});

/** The HTTP request Slack would send for this payload: JSON events, form-encoded commands and interactivity. */
function request(fixture: Fixture): { body: string; contentType: string } {
  const { payload } = fixture;
  if (payload.__form__) {
    const fields = { ...(payload.__form__ as Record<string, string>) };
    if (fields.response_url === 'RESPONSE_URL') fields.response_url = `${fake.url}response/${fixture.name}`;
    return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (EVENT_TYPES.has(String(payload.type))) return { body: JSON.stringify(payload), contentType: 'application/json' };
  // Interactivity answers through its response_url go to the fake too (never to hooks.slack.com).
  const local: Record<string, unknown> = { ...payload, ...(payload.response_url ? { response_url: `${fake.url}response/${fixture.name}` } : {}) };
  if (Array.isArray(payload.response_urls)) {
    local.response_urls = (payload.response_urls as Record<string, unknown>[]).map((r) => ({ ...r, response_url: `${fake.url}response/${fixture.name}` }));
  }
  return { body: new URLSearchParams({ payload: JSON.stringify(local) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

async function replay(fixture: Fixture, headers: Record<string, string> = {}): Promise<Observed & { calls: SlackCall[] }> {
  const since = fake.calls.length;
  const { body, contentType } = request(fixture);
  const started = Date.now();
  const response = await postSigned(wegwijs.server.url, body, contentType, {
    ...(fixture.expected.signature === 'invalid' ? { secret: 'not-the-signing-secret' } : {}),
    headers,
  });
  const ackMs = Date.now() - started;
  const text = await response.text();
  await settle(work.inFlight, () => fake.calls.length, () => wegwijs.app.inbox.idle());
  const all = fake.calls.slice(since);
  const calls = all.filter(isVisible);
  const messages = calls.map((c) => JSON.stringify(c.args));
  const problems: string[] = [];
  if (fixture.expected.body && !text.includes(String(fixture.payload[fixture.expected.body]))) problems.push(`response body lacks the ${fixture.expected.body}`);
  const welcome = markers(wegwijs.app).welcome;
  const outcome =
    response.status === 401 || response.status === 403
      ? calls.length
        ? 'answered'
        : 'refused'
      : !calls.length
        ? 'silent'
        : messages.some((m) => welcome.some((w) => m.includes(w)))
          ? 'welcomed'
          : 'answered';
  return { status: response.status, ackMs, outcome, messages, problems, calls, trace: all.map((c) => `${c.method}${c.status === 200 && c.response.ok !== false ? '' : `→${c.status}/${String(c.response.error)}`}`) };
}

describe('replay of recorded Slack payloads', () => {
  it('gives every payload its expected outcome, once, acknowledged within 3 s', async () => {
    const fixtures = loadFixtures('slack');
    const m = markers(wegwijs.app);
    const rows: { name: string; expected: Fixture['expected']; observed: Observed; problems: string[] }[] = [];
    const done = new Set<string>();
    for (const fixture of fixtures) {
      if (fixture.expected.after && !done.has(fixture.expected.after)) throw new Error(`${fixture.name} must come after ${fixture.expected.after} in expected.json`);
      const observed = await replay(fixture);
      const problems = judge(fixture.expected, observed, m);
      const { expected } = fixture;
      if (expected.thread && !observed.calls.some((c) => c.args.thread_ts)) problems.push('answer not in the thread');
      if (expected.private && !observed.calls.some((c) => c.method === 'chat.postEphemeral' || c.method.startsWith('response/'))) problems.push('answer not private');
      // Slack retries an event it thinks was not acknowledged: the retry must change nothing.
      if (fixture.payload.type === 'event_callback' && expected.outcome !== 'silent') {
        const retry = await replay(fixture, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
        if (retry.messages.length) problems.push(`the retry was answered again (${retry.messages.length} message(s))`);
      }
      rows.push({ name: fixture.name, expected, observed, problems });
      done.add(fixture.name);
    }
    const failed = rows.filter((r) => r.problems.length);
    console.info(`slack replay: ${rows.length} payloads, ${JSON.stringify(summary(rows))}`);
    expect(failed.length, report('slack', rows)).toBe(0);
    expect(rows.length).toBeGreaterThanOrEqual(60);
  }, 60_000);
});
