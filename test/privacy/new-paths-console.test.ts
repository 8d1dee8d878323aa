/**
 * The web console (/console) is an input path that does not pass through `Bot.handle`: its forms
 * (an action's note, owner and date; a network's schedule, time zone, pause and skipped weeks; a
 * curator's edits of a draft card) are free text from a browser. Every form of the personal-data
 * corpus goes through each of them over real HTTP (sign-in by a one-time link from chat, session
 * cookie, CSRF token), with an LLM (a local fake) and logs at `trace`. Then none of the forms is in
 * the SQLite file or its -wal, the logs, the LLM requests, the HTTP answers (pages, error pages,
 * the CSV export, the draft card file) or what was said in chat.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter, toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { createApp, type App } from '../../app/compose.ts';
import { startServer, type RunningServer } from '../../app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, ManualClock } from '../../src/core/index.ts';
import { DRAFTS_PK, draftKey, peers } from '../../src/peers/records.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { tempDir } from '../helpers/temp.ts';
import { corpusChunks, personalCorpus } from './forms.ts';
import { leaksIn } from './new-paths-leaks.ts';

const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const NET = 'console:local:zorg';
const slug = (id: string) => Buffer.from(id).toString('base64url');
const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';

let fake: FakeOpenAi;
let app: App;
let server: RunningServer;
let dir: ReturnType<typeof tempDir>;
let clock: ManualClock;
const logs: string[] = [];
const outputs: ConsoleOutput[] = [];
const answers: string[] = [];
let send: (turn: ConsoleTurn) => Promise<ConsoleOutput[]>;

const say = (user: string, channel: string, text: string) => send({ user, channel, text });
const post = async (path: string, form: Record<string, string>, cookie: string) => {
  const res = await fetch(server.url + path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, redirect: 'manual' });
  answers.push(await res.text());
  return res;
};
const get = async (path: string, cookie: string) => {
  const res = await fetch(server.url + path, { headers: { cookie }, redirect: 'manual' });
  answers.push(await res.text());
  return res;
};

async function signIn(user: string): Promise<string> {
  clock.set(new Date(clock.now().getTime() + 11 * 60_000).toISOString());
  const text = (await send({ user, dm: true, text: 'wegwijs console' })).map((o) => o.text).join('\n');
  const token = decodeURIComponent(/token=([A-Za-z0-9._%-]+)/.exec(text)![1]);
  const res = await fetch(`${server.url}/console/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0];
}

beforeAll(async () => {
  fake = await startFakeOpenAi((request) =>
    'response_format' in request ? { status: 200, json: completion(JSON.stringify({ answer: 'Dat weet ik niet zeker.', card: null, confidence: 0 })) } : { status: 200, json: completion('Samenvatting.') },
  );
  dir = tempDir();
  const env = { WEGWIJS_DATA_DIR: dir.dir, PORT: '0', HOST: '127.0.0.1', WEGWIJS_CONSOLE_SECRET: 'audit-console-secret-0123456789abcdef', WEGWIJS_CURATORS: 'console:local:kim', SCHEDULER_INTERVAL_SECONDS: '3600', ...fake.env };
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  const config = loadConfig(env);
  clock = new ManualClock('2026-11-30T10:00:00+01:00');
  const log = createLogger('trace', { write: (line: string) => void logs.push(line) } as never);
  app = await createApp(config, { clock, log, messenger: { baseDelayMs: 1, sleep: async () => {} } });
  const adapter = new ConsoleAdapter((out) => outputs.push(out));
  app.services.messenger.register(adapter);
  send = async (turn) => {
    const before = outputs.length;
    await app.bot.handle(toIncoming(turn, config.botName), adapter);
    return outputs.slice(before);
  };
  server = await startServer(app);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await app?.close();
  await fake?.close();
  dir?.cleanup();
});

function places(): Record<string, string> {
  const db = join(dir.dir, 'wegwijs.db');
  const file = (path: string) => (existsSync(path) ? readFileSync(path).toString('utf8') : '');
  return { database: file(db), wal: file(`${db}-wal`), logs: logs.join(''), llm: JSON.stringify(fake.requests), http: answers.join('\n'), chat: JSON.stringify(outputs) };
}

describe('web console forms, every personal-data form', () => {
  it('stores, logs, sends, shows and exports none of them', async () => {
    await say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
    await say('bram', 'zorg', 'wegwijs actie Bel het zorgkantoor');
    await say('fleur', 'zorg', 'wegwijs actie Plan overleg met de gemeente');
    if (app.services.ports.consolePeers) {
      await peers(app.services).put(DRAFTS_PK, draftKey(1), {
        type: 'draft', number: 1, networkId: NET, networkName: 'Zorgnetwerk Oost', question: 'Hoe regel ik vervoer?',
        answer: 'Via de gemeente, vraag naar de regiotaxi.', lang: 'nl', topics: [], questionNumber: 1, date: '2026-11-10',
      } as never);
    }
    const fleur = await signIn('fleur');
    const kim = await signIn('kim');
    const n = `/console/n/${slug(NET)}`;
    await get(`${n}/actions/1`, fleur);
    const token = csrfOf(answers[answers.length - 1]);
    await get('/console/knowledge', kim);
    const kimToken = csrfOf(answers[answers.length - 1]);
    expect(token).not.toBe('');
    expect(kimToken).not.toBe('');
    let edits = 0;
    const settings = ['schedule', 'timeZone', 'pauseUntil', 'skipFrom', 'skipTo'];
    // A note takes 2,000 characters: the corpus in a few notes. The short fields take one sentence
    // each (every sentence goes through the owner and the date; the five settings fields take turns).
    for (const note of corpusChunks(corpus, 1900)) {
      const res = await post(`${n}/actions/1`, { _csrf: token, note }, fleur);
      expect(res.status).toBe(303);
      edits++;
    }
    for (const [i, { text }] of corpus.entries()) {
      for (const [path, field] of [[`${n}/actions/2`, 'owner'], [`${n}/actions/1`, 'due'], [`${n}/settings`, settings[i % settings.length]]]) {
        const res = await post(path, { _csrf: token, [field]: text }, fleur);
        expect(res.status, `${field}: ${text}`).toBeLessThan(500);
      }
    }
    // A curator's edit of a draft card: the question takes 500 characters, the answer 4,000.
    if (app.services.ports.consolePeers) {
      for (const [field, max] of [['question', 450], ['answer', 3500]] as const) {
        for (const chunk of corpusChunks(corpus, max)) {
          const res = await post('/console/knowledge/drafts/1.md', { _csrf: kimToken, [field]: chunk }, kim);
          expect(res.status).toBe(200);
        }
      }
    }
    // What the pages, the export and the chat show afterwards.
    for (const path of [`${n}`, `${n}/actions`, `${n}/actions/1`, `${n}/actions/2`, `${n}/actions.csv`, `${n}/settings`, `${n}/nudge`]) await get(path, fleur);
    await get('/console/knowledge', kim);
    expect(edits, 'some edits were saved').toBeGreaterThan(0);

    expect(leaksIn(places(), forms)).toEqual([]);
    // The paths were really taken: notes were stored with placeholders, the log has the requests.
    const where = places();
    // In the database file or still in its write-ahead log: which one depends on when SQLite checkpoints.
    expect(where.database + where.wal).toContain('[naam]');
    expect(where.http).toContain('[BSN]');
  }, 300_000);
});
