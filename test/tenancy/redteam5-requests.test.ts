/**
 * Red team 5, Slack, second half: forged and replayed requests and bad input against the world of
 * redteam5-world.ts (the figures of both halves: redteam5.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionSchema } from '../../src/actions/model.ts';
import { until } from '../fuzz/gen.ts';
import { eventBody, nextTs, postSigned, sendCommand, sendEvent, sendInteraction } from '../slack/slack-helpers.ts';
import { NETWORK, OWNER, action, attack, closeWorld, fake, marker, openWorld, posted, press, teamT1, teamT2, turns, url, w } from './redteam5-world.ts';

beforeAll(openWorld);
afterAll(closeWorld);

describe('red team 5 (Slack): forged and replayed requests', () => {
  it('C1 timestamps that are no number, in milliseconds, negative, huge, and signatures of another scheme get 401', async () => {
    const body = eventBody({ type: 'app_mention', channel: 'C1', user: OWNER, text: '<@UBOTT1> netwerk stop', ts: nextTs() }, { team: 'T1' });
    await attack(async () => {
      const out: Response[] = [];
      for (const timestamp of [Date.now(), -1, 1e20, Number.NaN]) {
        const r = await postSigned(url, body, 'application/json', { timestamp });
        expect(r.status, String(timestamp)).toBe(401);
        out.push(r);
      }
      for (const headers of [{ 'x-slack-request-timestamp': 'abc' }, { 'x-slack-request-timestamp': '' }, { 'x-slack-request-timestamp': `${Math.floor(Date.now() / 1000)}, 1` }]) {
        const r = await postSigned(url, body, 'application/json', { headers });
        expect(r.status).toBe(401);
        out.push(r);
      }
      const t = Math.floor(Date.now() / 1000);
      for (const signature of ['v1=abc', `V0=${'0'.repeat(64)}`, 'v0=', `v0=${'z'.repeat(64)}`, '']) {
        const r = await postSigned(url, body, 'application/json', { timestamp: t, signature });
        expect(r.status).toBe(401);
        out.push(r);
      }
      return out;
    });
  });

  it('C2 the same event id re-signed with a later timestamp and another text (a retry with a changed body) runs once', async () => {
    const count = turns.messages.length;
    const eventId = `EvReplay${Date.now()}`;
    const ts = nextTs();
    await sendEvent(url, { type: 'message', channel: 'DR1', channel_type: 'im', user: 'UREPLAY', text: 'hulp', ts, event_ts: ts }, { team: 'T2', eventId });
    await sendEvent(url, { type: 'message', channel: 'DR1', channel_type: 'im', user: 'UREPLAY', text: 'mijn gegevens', ts, event_ts: ts }, { team: 'T2', eventId, timestamp: Math.floor(Date.now() / 1000) + 2, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await marker();
    expect(turns.messages.slice(count).filter((m) => m.channelId === 'DR1').length).toBe(1);
  });

  it('C4 an app_mention and its message.channels twin (the same ts) are answered once', async () => {
    const count = turns.messages.length;
    const since = fake.calls.length;
    const ts = nextTs();
    await sendEvent(url, { type: 'app_mention', channel: 'C7', user: 'UTWIN', text: '<@UBOTT2> hulp', ts, event_ts: ts }, { team: 'T2' });
    await sendEvent(url, { type: 'message', channel: 'C7', channel_type: 'channel', user: 'UTWIN', text: '<@UBOTT2> hulp', ts, event_ts: ts }, { team: 'T2' });
    await marker();
    expect(turns.messages.slice(count).filter((m) => m.channelId === 'C7').length).toBeLessThanOrEqual(1);
    expect(posted(since).filter((c) => c.args.channel === 'C7').length).toBeLessThanOrEqual(1);
  });
});

describe('red team 5 (Slack): bad input', () => {
  it('D1 deeply nested JSON (100,000 levels) in an event and in a payload: 4xx, no crash', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await attack(async () => [
      await postSigned(url, `{"type":"event_callback","team_id":"T2","event":{"type":"message","x":${deep}}}`, 'application/json'),
      await postSigned(url, `payload=${encodeURIComponent(`{"type":"block_actions","team":{"id":"T2"},"x":${deep}}`)}`, 'application/x-www-form-urlencoded'),
      await postSigned(url, `{"a":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, 'application/json'),
    ]);
    // Refused at the edge, whatever the depth past Slack's own (a message's rich text is ~10 levels).
    for (const depth of [65, 1_000, 100_000]) {
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      expect((await postSigned(url, `{"type":"event_callback","team_id":"T2","event":{"type":"message","x":${nested}}}`, 'application/json')).status, String(depth)).toBe(400);
    }
  });

  it('D2 wrong content types (text/plain, multipart, none, xml) with a signed body: 4xx', async () => {
    const body = eventBody({ type: 'app_mention', channel: 'C7', user: 'UX', text: '<@UBOTT2> hulp', ts: nextTs() }, { team: 'T2' });
    await attack(async () => {
      const out: Response[] = [];
      for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16']) out.push(await postSigned(url, body, type));
      const t = Math.floor(Date.now() / 1000);
      const { sign } = await import('../slack/slack-helpers.ts');
      out.push(await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'x-slack-request-timestamp': String(t), 'x-slack-signature': sign(body, t) }, body: Buffer.from(body) }));
      return out;
    });
  });

  it('D3 invalid UTF-8 in a command, an event and a payload: 4xx or words, no crash', async () => {
    await attack(async () => {
      const t = Math.floor(Date.now() / 1000);
      const { createHmac } = await import('node:crypto');
      const send = (bytes: Buffer, type: string) => {
        const sig = `v0=${createHmac('sha256', 'test-signing-secret').update(Buffer.concat([Buffer.from(`v0:${t}:`), bytes])).digest('hex')}`;
        return fetch(`${url}/slack/events`, { method: 'POST', headers: { 'content-type': type, 'x-slack-request-timestamp': String(t), 'x-slack-signature': sig }, body: bytes });
      };
      const event = Buffer.concat([Buffer.from(eventBody({ type: 'message', channel: 'DU', channel_type: 'im', user: 'UUTF', text: 'XX', ts: nextTs() }, { team: 'T2' }).split('XX')[0]), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from(eventBody({ type: 'message', channel: 'DU', channel_type: 'im', user: 'UUTF', text: 'XX', ts: nextTs() }, { team: 'T2' }).split('XX')[1])]);
      return [
        await send(event, 'application/json'),
        await sendCommand(url, 'acties %FF%FE', { team: 'T2', channel: 'C8', user: 'UUTF' }),
        await send(Buffer.concat([Buffer.from('token=x&team_id=T2&channel_id=C8&user_id=UUTF&command=%2Fwegwijs&trigger_id=tu1&text='), Buffer.from([0xff, 0xfe, 0x61])]), 'application/x-www-form-urlencoded'),
        await send(Buffer.concat([Buffer.from('payload='), Buffer.from([0xff, 0xfe])]), 'application/x-www-form-urlencoded'),
      ];
    });
  });

  it('D4 a 40,000-character message, zero-width, RTL overrides, control characters, emoji only and empty text: words, no crash', async () => {
    const count = turns.messages.length;
    const since = fake.calls.length;
    const texts = [`wat is meerzorg ${'a'.repeat(40_000)}`, '\u200B\u200C\u200D\uFEFF', '\u202Enetwerk stop\u202C', 'hulp\u0007\u0000\u001B[31m', '😀😀🎉', '', '   ', '<@UBOTT2>'];
    await attack(async () => {
      const out: Response[] = [];
      for (const text of texts) {
        const ts = nextTs();
        out.push(await sendEvent(url, { type: 'message', channel: 'DJ', channel_type: 'im', user: 'UJUNK', text, ts, event_ts: ts }, { team: 'T2' }));
      }
      return out;
    });
    // Every non-empty message got a turn; none failed (checked by attack()).
    expect(turns.messages.slice(count).filter((m) => m.channelId === 'DJ').length).toBeGreaterThanOrEqual(4);
    expect(posted(since).length).toBeGreaterThan(0);
  });

  it('D5 a network name with RTL overrides, zero-width and control characters is stored without them', async () => {
    const count = turns.messages.length;
    await sendCommand(url, 'netwerk start "Net\u202Ewerk\u200B Oost\u0007"', { team: 'T2', channel: 'CRTL', user: 'URTL' });
    await until('the start', () => turns.messages.length > count);
    await marker();
    const stored = (await w.app.store.networks.get('slack:T2:CRTL', 'slack:T2:CRTL'))?.data.name ?? '';
    expect(stored).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u0000-\u001F\u007F]/);
    expect(stored).toBe('Netwerk Oost');
  });

  it('D9 form inputs (the log-action shortcut) with bidi overrides, zero-width and control characters are stored without them', async () => {
    const count = turns.messages.length;
    await sendInteraction(url, {
      type: 'view_submission',
      ...teamT1,
      user: { id: OWNER, username: 'x', team_id: 'T1' },
      view: { id: 'V1', team_id: 'T1', type: 'modal', callback_id: 'wegwijs_log_action', private_metadata: JSON.stringify({ shortcut: 'log_action', ch: 'C1' }), state: { values: { 'input:title': { title: { type: 'plain_text_input', value: 'Bel\u202E de\u200B gemeente\u0007 terug' } } } } },
    });
    await until('the form', () => turns.messages.length > count);
    await marker();
    const titles = (await w.app.store.collection('action', ActionSchema).list({ pk: NETWORK })).map((d) => d.data.title);
    const added = titles.find((t) => t.includes('gemeente'));
    expect(added).toBe('Bel de gemeente terug');
  });

  it('D6 events without a user, with objects for ids, unknown types and subtypes: no 5xx, no failed turn', async () => {
    await attack(async () => {
      const out: Response[] = [];
      const events: Record<string, unknown>[] = [
        { type: 'app_mention', channel: 'C7', text: '<@UBOTT2> hulp', ts: nextTs() },
        { type: 'message', channel: 'DX', channel_type: 'im', text: 'hulp', ts: nextTs() },
        { type: 'message', channel: 'DX', channel_type: 'im', user: { id: 'U1' }, text: 'hulp', ts: nextTs() },
        { type: 'message', channel: 'DX', channel_type: 'im', user: 'U1', text: ['hulp'], ts: nextTs() },
        { type: 'message', subtype: 'message_changed', channel: 'C1', hidden: true, message: { user: OWNER, text: 'wegwijs netwerk stop', ts: nextTs() }, ts: nextTs() },
        { type: 'message', subtype: 'bot_message', channel: 'C1', bot_id: 'B9', text: 'wegwijs netwerk stop', ts: nextTs() },
        { type: 'unknown_event_type', foo: 'bar' },
        { type: 'message', channel: 'DX', channel_type: 'im', user: 'U1', text: 'hulp', ts: 'not-a-ts' },
        { type: 'message', channel: 'DX', channel_type: 'im', user: 'U1', text: 'hulp', ts: nextTs(), thread_ts: { $gt: '' } },
        { type: 'message', channel: 'DX', channel_type: 'im', user: 'U1', text: 'hulp', ts: nextTs(), files: [{ id: 'F1', name: 'x'.repeat(10_000) }] },
      ];
      for (const event of events) out.push(await sendEvent(url, event, { team: 'T2' }));
      return out;
    });
  });

  it('D7 block_actions with no actions, an empty action, an inherited handler name, and a 100 KB value: no 5xx, no failed turn', async () => {
    await attack(async () => [
      await sendInteraction(url, { type: 'block_actions', ...teamT2, user: { id: 'U1', username: 'x', team_id: 'T2' }, channel: { id: 'C7' }, actions: [] }),
      await sendInteraction(url, { type: 'block_actions', ...teamT2, user: { id: 'U1', username: 'x', team_id: 'T2' }, channel: { id: 'C7' } }),
      await sendInteraction(url, { type: 'block_actions', ...teamT2, user: { id: 'U1', username: 'x', team_id: 'T2' }, channel: { id: 'C7' }, actions: [{}] }),
      await press(teamT2, 'U1', 'C7', 'actions.hasOwnProperty~1', {}),
      await press(teamT2, 'U1', 'C7', '__proto__.x~1', {}),
      await press(teamT2, 'U1', 'C7', 'actions.done~1', 'x'.repeat(100_000)),
      await press(teamT2, 'U1', 'C7', 'actions.done~1', { network: 'slack:T2:C7', n: '1e309' }),
      await press(teamT2, 'U1', 'C7', 'actions.done~1', { network: 'slack:T2:C7', n: -1 }),
      await sendInteraction(url, { type: 'interactive_message', callback_id: 'x', ...teamT2, user: { id: 'U1' }, channel: { id: 'C7' }, actions: [{ name: 'a', value: 'b' }] }),
      await sendInteraction(url, { type: 'dialog_submission', callback_id: 'x', ...teamT2, user: { id: 'U1' }, channel: { id: 'C7' }, submission: {} }),
      await postSigned(url, 'ssl_check=1&token=x', 'application/x-www-form-urlencoded'),
    ]);
  });

  it('D8 a view_submission with 100 KB metadata, metadata that is no JSON, and a state of the wrong shape: no 5xx', async () => {
    await attack(async () => {
      const view = (metadata: string, values: unknown) => ({ type: 'view_submission', ...teamT2, user: { id: 'U1', username: 'x', team_id: 'T2' }, view: { id: 'V9', team_id: 'T2', type: 'modal', callback_id: 'actions.later', private_metadata: metadata, state: { values } } });
      return [
        await sendInteraction(url, view('x'.repeat(100_000), {})),
        await sendInteraction(url, view('{"c":', {})),
        await sendInteraction(url, view(JSON.stringify({ c: 'C7', v: { network: 'slack:T2:C7', n: 1 } }), [1, 2, 3])),
        await sendInteraction(url, view(JSON.stringify({ c: 'C7', v: { network: 'slack:T2:C7', n: 1 } }), { 'input:date': { date: { type: 'datepicker', selected_date: '9999-99-99' } } })),
        await sendInteraction(url, { ...view('{}', {}), view: { callback_id: 'wegwijs_log_action', private_metadata: '{"shortcut":"log_action"}', state: { values: { 'input:title': { title: { value: 'x'.repeat(50_000) } } } } } }),
      ];
    });
  });
});
