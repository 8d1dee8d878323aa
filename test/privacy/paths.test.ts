/**
 * End to end: every form of the personal-data corpus goes through the input paths of the
 * console: questions in a DM and a channel (every line), and a third of the lines, in turn, through
 * each of action titles, notes and "later", network names, `rol`, `beraad start`, contributions in
 * a deliberation thread, anonymous notes by DM, feedback reasons, card inputs and button values;
 * with an LLM (a local fake) and logs at `trace`. Then none of the forms is in the SQLite file or
 * its -wal, the logs, the LLM requests or anything the bot said; and the deliberation synthesis sent no participant's name to the LLM.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter, toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { createApp, type App } from '../../app/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, ManualClock, type IncomingAction } from '../../src/core/index.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { tempDir } from '../helpers/temp.ts';
import { personalCorpus } from './forms.ts';
import { leaksIn } from './new-paths-leaks.ts';

const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const people = [
  { user: 'fleur', name: 'Fleur Oosterbeek' },
  { user: 'bram', name: 'Bram Terpstra' },
];

const asksJson = (request: object) => 'response_format' in request;

let fake: FakeOpenAi;
let app: App;
let dir: ReturnType<typeof tempDir>;
const logs: string[] = [];
const outputs: ConsoleOutput[] = [];
let send: (turn: ConsoleTurn) => Promise<ConsoleOutput[]>;
const say = (user: string, channel: string, text: string, thread?: string) => send({ user, name: people.find((p) => p.user === user)?.name, channel, text, thread });
const dm = (user: string, text: string) => send({ user, name: people.find((p) => p.user === user)?.name, dm: true, text });
const press = (user: string, channel: string | undefined, action: IncomingAction) => send({ user, ...(channel ? { channel } : { dm: true }), action } as ConsoleTurn);

beforeAll(async () => {
  fake = await startFakeOpenAi((request) => {
    // The question path asks for JSON; the synthesis for prose.
    if (asksJson(request)) return { status: 200, json: completion(JSON.stringify({ answer: 'Dat weet ik niet zeker.', card: null, confidence: 0 })) };
    return { status: 200, json: completion('De groep woog autonomie tegen veiligheid; Deelnemer 1 en Deelnemer 2 spraken af de casus te agenderen.') };
  });
  dir = tempDir();
  const config = loadConfig({ WEGWIJS_DATA_DIR: dir.dir, ...fake.env });
  const clock = new ManualClock('2026-11-30T10:00:00+01:00');
  const log = createLogger('trace', { write: (line: string) => void logs.push(line) } as never);
  app = await createApp(config, { clock, log, messenger: { baseDelayMs: 1, sleep: async () => {} } });
  const adapter = new ConsoleAdapter((out) => outputs.push(out));
  app.services.messenger.register(adapter);
  send = async (turn) => {
    const before = outputs.length;
    await app.bot.handle(toIncoming(turn, config.botName), adapter);
    return outputs.slice(before);
  };
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
  dir?.cleanup();
});

/** Every place a form could end up: the database and its WAL, the logs, the LLM requests, the chat. */
function places(): Record<string, string> {
  const db = join(dir.dir, 'wegwijs.db');
  const file = (path: string) => (existsSync(path) ? readFileSync(path).toString('utf8') : '');
  return {
    database: file(db),
    wal: file(`${db}-wal`),
    logs: logs.join(''),
    llm: JSON.stringify(fake.requests),
    outputs: JSON.stringify(outputs),
  };
}

describe('every input path, every personal-data form', () => {
  it('stores, logs, sends and says none of them', async () => {
    // A network with an action and a deliberation to write into.
    await say('fleur', 'netwerk', 'wegwijs netwerk start "Passende plekken"');
    await say('fleur', 'netwerk', 'wegwijs actie Overleg met het zorgkantoor');
    const opening = (await say('fleur', 'netwerk', 'wegwijs beraad start kort')).find((o) => o.card?.title?.startsWith('Moreel beraad'));
    expect(opening, 'a deliberation session opened').toBeDefined();
    const thread = opening!.id;
    await press('bram', 'netwerk', { id: 'deliberate.join', value: { s: thread } });

    // Questions take three sentences at a time (answering is the slowest path); the other paths one.
    for (let i = 0; i < corpus.length; i += 3) {
      const question = corpus
        .slice(i, i + 3)
        .map((l) => l.text)
        .join(' ');
      await dm('bram', question); // a question in a DM
      await say('bram', 'netwerk', `wegwijs ${question}`); // a question in a channel
    }
    // Every other path: each line through three of them, in turn, so that every path gets a few
    // hundred lines of every kind of form (each line went through all thirteen: 20 s of the suite).
    const paths: ((text: string, i: number) => Promise<unknown>)[] = [
      (text) => say('bram', 'netwerk', `wegwijs actie ${text}`), // an action title
      (text) => say('bram', 'netwerk', `wegwijs actie 1 voortgang ${text}`), // a note
      (text) => say('bram', 'netwerk', `wegwijs actie 1 vast ${text}`),
      (text) => say('bram', 'netwerk', `wegwijs actie 1 later ${text}`),
      (text, i) => say('fleur', `nieuw-${i}`, `wegwijs netwerk start ${text}`), // a network name
      (text) => say('bram', 'netwerk', `wegwijs rol ${text}`),
      (text, i) => say('bram', `beraad-${i}`, `wegwijs beraad start ${text}`),
      (text) => say('bram', 'netwerk', text, thread), // a contribution in the thread
      (text) => dm('bram', `wegwijs beraad anoniem ${text}`), // an anonymous note
      (text) => press('bram', 'netwerk', { id: 'ask.reason', value: { q: 'q-0123456789abcdef0123', card: '', reason: text } }), // a feedback reason
      (text) => press('bram', 'netwerk', { id: 'actions.create', inputs: { title: text, owner: text, due: text } }), // card inputs
      (text) => press('bram', 'netwerk', { id: 'actions.later', value: { network: 'console:local:netwerk', n: 1, input: 'date_1' }, inputs: { date_1: text } }),
      (text) => press('bram', undefined, { id: 'ask.show', value: { card: text } }), // a button value
    ];
    for (const [i, { text }] of corpus.entries()) {
      for (const k of [0, 4, 8]) await paths[(i + k) % paths.length](text, i);
    }
    // The facilitator ends the session with the button on its step card (and confirms, when asked):
    // the report goes through the LLM synthesis.
    let end = outputs.flatMap((o) => o.card?.buttons ?? []).filter((b) => b.action.id === 'deliberate.end').pop();
    let report: ConsoleOutput[] = [];
    for (let tries = 0; end && tries < 3 && !report.some((o) => o.card?.title?.startsWith('Verslag')); tries++) {
      report = await press('fleur', 'netwerk', end.action);
      end = report.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'deliberate.end');
    }
    expect(report.some((o) => o.card?.title?.startsWith('Verslag')), JSON.stringify(report)).toBe(true);

    const where = places();
    expect(leaksIn(where, forms, 4)).toEqual([]);
    // The paths were really taken: the LLM was asked, everything down to trace was logged, placeholders were stored.
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(app.services.log.level).toBe('trace');
    expect(where.logs).toContain('"msg":"turn handled"');
    // In the database file or still in its write-ahead log, as SQLite's checkpoint falls.
    expect(where.database + where.wal).toContain('[naam]');
    expect(where.outputs).toContain('[BSN]');
  }, 600_000);

  it('sends the deliberation synthesis no participant name', () => {
    const synthesis = fake.requests.filter((r) => !asksJson(r));
    expect(synthesis.length, 'the synthesis was asked for').toBeGreaterThan(0);
    const sent = JSON.stringify(synthesis);
    for (const p of people) for (const part of p.name.split(' ')) expect(sent).not.toContain(part);
  });
});
