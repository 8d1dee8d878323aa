/**
 * Damaged input into the real Bolt stack: the url_verification challenge, malformed, mistyped and
 * oversized signed bodies, and messages of unicode junk or over the length limit. Each gets a 4xx
 * or a message in words, never a 5xx, and the server keeps serving. (Forged and replayed requests,
 * tenants and button values: attacks.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTurns, until, type TurnCount } from '../fuzz/gen.ts';
import type { IncomingMessage } from '../../src/core/index.ts';
import type { FakeSlack } from './fake-slack.ts';
import { nextTs, postSigned, sendEvent, sendMarker, startSlackPair, type SlackServer } from './slack-helpers.ts';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
let close: () => Promise<void>;
let turns: TurnCount;

const marker = () => sendMarker(url, turns);
const turnsOf = (from: number, match: (m: IncomingMessage) => boolean) => turns.messages.slice(from).filter(match);

beforeAll(async () => {
  ({ fake, wegwijs, url, close } = await startSlackPair());
  turns = countTurns(wegwijs.app.bot);
});

afterAll(async () => {
  await close?.();
});

describe('Slack: url_verification and damaged bodies', () => {
  it('echoes a signed challenge only, as JSON, and refuses an unsigned one', async () => {
    const challenge = JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'abc123' });
    const signed = await postSigned(url, challenge, 'application/json');
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain('abc123');
    const unsigned = await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: challenge });
    expect(unsigned.status).toBe(401);
    // A challenge carrying markup comes back as JSON, never as a page.
    const markup = await postSigned(url, JSON.stringify({ type: 'url_verification', challenge: '<script>alert(1)</script>' }), 'application/json');
    expect(markup.status).toBeLessThan(500);
    expect(markup.headers.get('content-type') ?? '').not.toContain('html');
  });

  it('answers malformed, mistyped and oversized signed bodies with a 4xx (never a 5xx) and keeps serving', async () => {
    const bodies: [string, string][] = [
      ['{"type":"event_callback",', 'application/json'],
      ['[]', 'application/json'],
      ['{"type":"event_callback","event":null}', 'application/json'],
      [JSON.stringify({ type: 'event_callback', team_id: 'T2', event: { type: 'message', text: 7, channel: 'D1', user: 'U1', ts: '1' } }), 'application/json'],
      ['payload=%7B', 'application/x-www-form-urlencoded'],
      ['payload=a&payload=b', 'application/x-www-form-urlencoded'],
      ['command=/wegwijs&command=/x&user_id=U1&channel_id=C1&team_id=T2', 'application/x-www-form-urlencoded'],
      ['\uFEFF\u0000', 'text/plain'],
      [JSON.stringify({ type: 'event_callback', team_id: 'T2', event: { type: 'message', text: 'a', channel: { constructor: 1 }, user: 'U1', ts: '1' } }), 'application/json'],
    ];
    for (const [body, type] of bodies) {
      const response = await postSigned(url, body, type);
      expect(response.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 40)).toBeLessThan(500);
    }
    const big = 'x'.repeat(1024 * 1024 + 10);
    expect((await postSigned(url, `payload=${big}`, 'application/x-www-form-urlencoded')).status).toBe(413);
    await marker();
  });

  it('answers a message of unicode junk and one over the length limit in words, and stores nothing of it', async () => {
    const count = turns.messages.length;
    const since = fake.calls.length;
    const junk = 'wegwijs \u202Eacties\u202C \u200B\u200B \uD83D \u0000 \u{1F600}'.repeat(3);
    let ts = nextTs();
    await sendEvent(url, { type: 'message', channel: 'D7', channel_type: 'im', user: 'UJUNK', text: junk, ts, event_ts: ts }, { team: 'T2' });
    ts = nextTs();
    await sendEvent(url, { type: 'message', channel: 'D7', channel_type: 'im', user: 'UJUNK', text: `wat is de zorgplicht ${'heel lang '.repeat(4000)}`, ts, event_ts: ts }, { team: 'T2' });
    // Over the core's own bound (a signed body under 1 MB), and with more mentions than it takes.
    ts = nextTs();
    await sendEvent(url, { type: 'message', channel: 'D7', channel_type: 'im', user: 'UJUNK', text: `wat is de zorgplicht ${'x'.repeat(150_000)}`, ts, event_ts: ts }, { team: 'T2' });
    ts = nextTs();
    const many = Array.from({ length: 80 }, (_, i) => `<@U${String(i).padStart(6, '0')}>`).join(' ');
    await sendEvent(url, { type: 'message', channel: 'D7', channel_type: 'im', user: 'UJUNK', text: `${many} ${'y'.repeat(5000)}`, ts, event_ts: ts }, { team: 'T2' });
    // Each mention's name is looked up before the turn starts: wait for all four turns.
    await until('four turns', () => turnsOf(count, (m) => m.channelId === 'D7').length >= 4);
    await marker();
    expect(turnsOf(count, (m) => m.channelId === 'D7')).toHaveLength(4);
    const answers = fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D7');
    expect(answers.length).toBeGreaterThanOrEqual(4);
    const tooLong = wegwijs.app.services.catalog.t('nl', 'core.too_long', { length: 0, max: 0 }).split('(')[0];
    expect(JSON.stringify(answers.map((a) => a.args)).split(tooLong).length - 1).toBe(3);
  });
});
