/**
 * Fuzzing the Teams endpoint (local mode, fake Bot Connector) with a fixed seed: valid activities
 * with one to three fields replaced by random values, prototype keys, wrong types and lengths, and
 * random JSON bodies. Every request is answered 200 or a 4xx that names the problem, never a 5xx;
 * no turn fails inside the bot; and the bot still answers afterwards.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app/compose.ts';
import { startServer } from '../../app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { tempDir } from '../helpers/temp.ts';
import { channelMention, FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { countTurns, mutateObject, prng, randomValue, recordingLogger, until, type Rand } from './gen.ts';
import { appEngine } from '../helpers/engine.ts';

const SEED = 0x7ea_0012;
const REQUESTS = 160;
const TENANT = 'tenant-fuzz';
const CHANNEL = '19:fuzz@thread.tacv2';

const PATHS = [
  ['type'], ['id'], ['name'], ['text'], ['locale'], ['replyToId'], ['action'],
  ['from'], ['from', 'id'], ['from', 'name'], ['recipient', 'id'],
  ['conversation', 'id'], ['conversation', 'tenantId'], ['conversation', 'conversationType'], ['conversation', 'name'],
  ['channelData'], ['channelData', 'tenant', 'id'], ['channelData', 'channel', 'name'],
  ['entities'], ['value'], ['value', 'wegwijs'], ['value', 'value'], ['value', 'value', 'network'], ['value', 'note'],
  ['value', 'action', 'data'], ['membersAdded'],
];

function bases(): Record<string, unknown>[] {
  const press = { wegwijs: 'actions.done', value: { network: `teams:${TENANT}:${CHANNEL}`, n: 1 } };
  return [
    personalMessage({ tenant: TENANT }, 'hulp'),
    personalMessage({ tenant: TENANT }, 'Wat doet het CCE?'),
    channelMention({ tenant: TENANT, channel: CHANNEL }, 'acties'),
    channelMention({ tenant: TENANT, channel: CHANNEL }, '', { text: undefined, entities: [], value: press }),
    personalMessage({ tenant: TENANT }, '', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', data: { ...press, note: 'x' } } } }),
    { ...personalMessage({ tenant: TENANT }, ''), type: 'conversationUpdate', membersAdded: [{ id: '28:wegwijs-bot' }] },
  ];
}

function activity(r: Rand, all: Record<string, unknown>[]): unknown {
  if (r.chance(0.15)) return randomValue(r);
  const base = r.pick(all);
  // Each case is a new activity id, so de-duplication does not hide it.
  return mutateObject(r, { ...base, id: `fuzz-${r.int(1e9)}` }, PATHS);
}

describe('Teams endpoint under fuzzing', () => {
  it(`answers ${REQUESTS} random activities with 200 or 4xx, never 5xx, and keeps serving (seed ${SEED})`, async () => {
    const r = prng(SEED);
    const temp = tempDir('wegwijs-fuzz-');
    const { log, errors } = recordingLogger();
    const teams = await new FakeConnector().start();
    const config = loadConfig({ WEGWIJS_DATA_DIR: temp.dir, PORT: '0', HOST: '127.0.0.1', SCHEDULER_INTERVAL_SECONDS: '3600', TEAMS_LOCAL_MODE: 'true' });
    const app = await createApp(config, {
      log,
      prepared: { askEngine: appEngine(config) },
      messenger: { baseDelayMs: 1, sleep: async () => {} },
    });
    const turns = countTurns(app.bot);
    const server = await startServer(app);
    try {
      await teams.deliver(server.url, channelMention({ tenant: TENANT, channel: CHANNEL }, 'netwerk start "Fuzz"'));
      await turns.after(1);
      await teams.deliver(server.url, channelMention({ tenant: TENANT, channel: CHANNEL }, 'actie Iets doen'));
      await turns.after(2);
      const all = bases();
      const statuses = new Map<number, number>();
      const fivehundreds: string[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const body = activity(r, all);
        // Sent raw, so a body that is no object (or has no serviceUrl) reaches the endpoint as is.
        const withService = body && typeof body === 'object' && !Array.isArray(body) && r.chance(0.9) ? { serviceUrl: teams.url, ...(body as object) } : body;
        const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(withService) ?? 'null' });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const text = await response.text();
        if (response.status >= 500) fivehundreds.push(`case ${i}: ${response.status} ${text.slice(0, 200)} for ${JSON.stringify(withService).slice(0, 300)}`);
        else expect([200, 201, 202, 400, 413]).toContain(response.status);
        if (response.status === 400) expect(text).toMatch(/"error":"[a-z_]+"/);
      }
      expect(fivehundreds).toEqual([]);
      expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 10);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 10);
      // Still serving: a plain question gets its answer (after the HTTP response).
      const before = teams.sent.length;
      expect((await teams.deliver(server.url, personalMessage({ tenant: TENANT }, 'hulp'))).status).toBe(200);
      await until('the answer after the fuzzing', () => teams.sent.length > before);
      // Every turn the fuzzing started has finished before the log is read.
      await until('the turns to settle', () => turns.finished === turns.started);
      expect(turns.finished).toBeGreaterThan(REQUESTS / 10);
      expect(errors.map((e) => `${String(e.msg)} ${String(e.code)}`)).toEqual([]);
    } finally {
      await server.close();
      await app.close();
      await teams.close();
      temp.cleanup();
    }
  }, 60_000);
});
