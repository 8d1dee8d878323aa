/**
 * Hostile input at each edge, one case at a time (the fuzz tests cover the random space):
 * oversized bodies refused before any signature check without being held in memory, Slack
 * timestamps from the future, Teams fields of the wrong type or length, prototype keys, action ids
 * that name JavaScript built-ins, and script-mode lines that used to stop the run.
 */
import { request } from 'node:http';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter, runScript, type ConsoleOutput } from '../../adapters/console/index.ts';
import { runInteractive } from '../../adapters/console/interactive.ts';
import { createApp, type App } from '../../app/compose.ts';
import { startServer, type RunningServer } from '../../app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { feedbackRecords } from '../../src/ask/index.ts';
import { ManualClock, silentLogger } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { eventBody, postSigned, slackTestConfig } from '../slack/slack-helpers.ts';
import { FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { until } from './gen.ts';
import { appEngine } from '../helpers/engine.ts';

/** Heap and buffer memory still in use after a full collection. */
function retained(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** POSTs `megabytes` of body in 64 KB chunks, without a content length; resolves with the status. */
function stream(url: string, headers: Record<string, string>, megabytes: number): Promise<{ status: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let done = false;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const req = request(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      done = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentMb: sent / 1024 / 1024 });
      req.destroy();
    });
    req.on('error', (err) => (done ? undefined : reject(err)));
    const write = () => {
      while (!done && sent < megabytes * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!done) req.end();
    };
    write();
  });
}

describe('the HTTP edges', () => {
  let app: App;
  let server: RunningServer;
  let fake: FakeSlack;
  let teams: FakeConnector;
  let temp: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    temp = tempDir('wegwijs-edges-');
    fake = await startFakeSlack();
    teams = await new FakeConnector().start();
    const config = slackTestConfig(temp.dir, fake, { LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-T1', TEAMS_LOCAL_MODE: 'true' });
    app = await createApp(config, { log: silentLogger, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
    server = await startServer(app);
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await fake?.close();
    await teams?.close();
    temp?.cleanup();
  });

  it('refuses an oversized Slack body with 413 before the signature check, without reading it into memory', async () => {
    const now = String(Math.floor(Date.now() / 1000));
    const headers = { 'content-type': 'application/json', 'x-slack-request-timestamp': now, 'x-slack-signature': 'v0=unsigned' };
    // Declared too large: refused on the header alone.
    const declared = await fetch(`${server.url}/slack/events`, { method: 'POST', headers: { ...headers, 'content-length': String(3 * 1024 * 1024) }, body: 'x'.repeat(3 * 1024 * 1024) }).catch(() => undefined);
    if (declared) expect(declared.status).toBe(413);
    // Streamed without a length: refused once the limit is passed; what follows is discarded, so
    // memory stays flat whatever the sender keeps sending.
    const before = retained();
    const streamed = await stream(`${server.url}/slack/events`, headers, 64);
    expect(streamed.status).toBe(413);
    // What stays in memory after a collection: nothing of the 64 MB (garbage chunks aside).
    expect(retained() - before).toBeLessThan(8 * 1024 * 1024);
    // Without any signature headers, a large body is refused before it is read.
    const unsigned = await stream(`${server.url}/slack/events`, { 'content-type': 'application/json' }, 16);
    expect(unsigned.status).toBe(401);
  });

  it('refuses Slack requests dated more than five minutes from now in either direction (401)', async () => {
    const body = eventBody({ type: 'app_mention', user: 'U1', text: '<@UBOTT1> hulp', ts: '1800000000.000100', channel: 'C1' });
    const now = Math.floor(Date.now() / 1000);
    for (const offset of [10 * 60, 5 * 60 + 5, -(5 * 60 + 5)]) {
      expect((await postSigned(server.url, body, 'application/json', { timestamp: now + offset })).status, `offset ${offset}`).toBe(401);
    }
    expect((await postSigned(server.url, body, 'application/json', { timestamp: now + 60 })).status).toBe(200);
  });

  it('refuses a Teams body over 1 MB with 413, and fields of the wrong type or length with a 400 naming the field', async () => {
    const big = await stream(`${server.url}/api/messages`, { 'content-type': 'application/json' }, 8);
    expect(big.status).toBe(413);
    const cases: [Record<string, unknown>, string][] = [
      [{ text: 42 }, 'text'],
      [{ text: ['hulp'] }, 'text'],
      [{ id: 'x'.repeat(600) }, 'id'],
      [{ from: { id: 'x'.repeat(300), name: 'Anna' } }, 'from.id'],
      [{ from: { id: '29:anna', name: { first: 'Anna' } } }, 'from.name'],
      [{ conversation: { id: 7, tenantId: 'tenant-a' } }, 'conversation.id'],
      [{ locale: 'x'.repeat(100) }, 'locale'],
      [{ value: { wegwijs: 'actions.done', value: JSON.parse('{"constructor":null}') } }, 'value.value.constructor'],
      [{ value: JSON.parse('{"wegwijs":"actions.done","__proto__":{"x":1}}') }, 'value.__proto__'],
      [{ value: { wegwijs: 'actions.done', value: { network: 'x'.repeat(2000) } } }, 'action.value.network'],
    ];
    for (const [change, field] of cases) {
      const response = await teams.deliver(server.url, { ...personalMessage({ tenant: 'tenant-a' }, 'hulp'), ...change });
      expect(response.status, JSON.stringify(change).slice(0, 80)).toBe(400);
      expect((response.body as { field: string }).field).toBe(field);
    }
    // Still serving (the answer goes out after the HTTP response).
    const before = teams.sent.length;
    expect((await teams.deliver(server.url, personalMessage({ tenant: 'tenant-a' }, 'hulp'))).status).toBe(200);
    await until('the answer', () => teams.sent.length > before);
  });

  it('stores feedback only for question ids of the shape Wegwijs makes, never a long value', async () => {
    const unknown = app.services.catalog.t('nl', 'core.action_unknown');
    const tooLong = await teams.deliver(server.url, personalMessage({ tenant: 'tenant-a' }, '', { text: undefined, value: { wegwijs: 'ask.down', value: { q: 'x'.repeat(5000) } } }));
    expect(tooLong.status).toBe(400);
    const before = teams.sent.length;
    const odd = personalMessage({ tenant: 'tenant-a' }, '', { text: undefined, value: { wegwijs: 'ask.down', value: { q: 'q-'.padEnd(900, 'a'), card: 'y'.repeat(900) } } });
    expect((await teams.deliver(server.url, odd)).status).toBe(200);
    await until('the answer', () => JSON.stringify(teams.sent.slice(before).map((r) => r.body)).includes(unknown));
    expect(await feedbackRecords(app.store).list()).toEqual([]);
  });

  it('answers action ids that name JavaScript built-ins as unknown buttons', async () => {
    const unknown = app.services.catalog.t('nl', 'core.action_unknown');
    for (const id of ['actions.constructor', 'ask.toString', 'deliberate.hasOwnProperty', 'networks.__proto__', 'constructor.constructor']) {
      const before = teams.sent.length;
      const press = personalMessage({ tenant: 'tenant-a' }, '', { text: undefined, value: { wegwijs: id } });
      expect((await teams.deliver(server.url, press)).status, id).toBe(200);
      await until(`the answer to ${id}`, () => JSON.stringify(teams.sent.slice(before).map((r) => r.body)).includes(unknown));
    }
  });
});

describe('script mode', () => {
  it('answers each hostile line with an error naming it, leaves the clock alone, and keeps going', async () => {
    const temp = tempDir();
    const clock = new ManualClock('2026-11-16T10:00:00+01:00');
    const config = loadConfig({ WEGWIJS_DATA_DIR: temp.dir });
    const app = await createApp(config, { clock, log: silentLogger, prepared: { askEngine: appEngine(config) } });
    try {
      const printed: ConsoleOutput[] = [];
      const adapter = new ConsoleAdapter((out) => printed.push(out));
      const lines = [
        JSON.stringify({ user: 'anna', channel: 'net', text: `wegwijs hulp @${'a'.repeat(300)}` }),
        '{"user":"anna","channel":"net","action":{"id":"actions.done","value":{"constructor":null}}}',
        '{"user":"anna","channel":"net","action":{"id":"actions.done","inputs":{"__proto__":"x"}}}',
        '{"constructor":null}',
        '{"clock":"+275760-09-13T00:00:00Z"}',
        '{"clock":"10000-01-01T00:00:00Z"}',
        '{"clock":"volgende week"}',
        JSON.stringify({ user: 'anna', channel: 'net', action: { id: 'actions.constructor' } }),
        JSON.stringify({ user: 'anna', channel: 'net', text: 'wegwijs hulp' }),
      ];
      const output = new PassThrough();
      const written: string[] = [];
      output.on('data', (chunk: Buffer) => written.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
      const setTo: Date[] = [];
      const bad = await runScript({ bot: app.bot, adapter, input: Readable.from([lines.join('\n')]), output, botName: 'wegwijs', setClock: (to) => setTo.push(to) });
      const errors = written.map((w) => JSON.parse(w) as { error: string; line: number });
      expect(bad).toBe(7);
      expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(errors[0].error).toMatch(/^line 1: mentions\.0\.id: /);
      expect(errors[1].error).toBe('line 2: action.value.constructor: this key is not allowed');
      expect(errors[4].error).toMatch(/^line 5: clock: not a date-time between the years 1970 and 9999/);
      expect(setTo).toEqual([]);
      // The lines after them still ran: the built-in action id is an unknown button, help is answered.
      expect(printed.map((p) => p.text).join('\n')).toContain(app.services.catalog.t('nl', 'core.action_unknown'));
      expect(printed.at(-1)?.text).toContain(app.services.catalog.t('nl', 'core.help.title'));
    } finally {
      await app.close();
      temp.cleanup();
    }
  });
});

describe('interactive chat', () => {
  it('answers a line it cannot take with a message, refuses far-off clock dates, and keeps going', async () => {
    const temp = tempDir();
    const config = loadConfig({ WEGWIJS_DATA_DIR: temp.dir });
    const app = await createApp(config, { clock: new ManualClock('2026-11-16T10:00:00+01:00'), log: silentLogger, prepared: { askEngine: appEngine(config) } });
    try {
      const pending: ConsoleOutput[] = [];
      const adapter = new ConsoleAdapter((out) => pending.push(out));
      const output = new PassThrough();
      let screen = '';
      output.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
      const clocks: Date[] = [];
      const t = app.services.catalog.translator('nl');
      const lines = [`wegwijs hulp @${'a'.repeat(300)}`, '/as constructor', 'wegwijs hulp', '/as anna', '/clock +275760-09-13T00:00:00Z', 'wegwijs hulp', '/quit', ''];
      await runInteractive({
        bot: app.bot,
        adapter,
        input: Readable.from([lines.join('\n')]),
        output,
        as: 'anna',
        channel: 'net',
        dm: false,
        botName: 'wegwijs',
        setClock: (to) => clocks.push(to),
        t,
        drain: () => pending.splice(0),
      });
      expect(screen.split(t('console.bad_input', { problem: 'x' }).split('(')[0]).length - 1).toBe(2);
      expect(screen).toContain(t('console.clock.usage'));
      expect(clocks).toEqual([]);
      expect(screen).toContain(t('core.help.title'));
    } finally {
      await app.close();
      temp.cleanup();
    }
  });
});
