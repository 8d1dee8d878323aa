/**
 * The newer input paths on the in-process harness (console adapter, real SQLite file, a local fake
 * LLM, logs at `trace`): every form of the personal-data corpus goes through
 * - peers ("Vraag het netwerk"): the edited text on the confirmation, the "Ik weet het" answer
 *   form, replies in the question's thread (forwarded to the asker by DM), knowers' tags, and the
 *   draft card made when the question is resolved (`kb draft N`, the console's card file);
 * - the crazy eight: the case, the ideas typed in the DM card's input, scores and the report;
 * - deliberation: blind answers (named and anonymous), thread notes in an asynchronous session
 *   with its reminders, and the report as Markdown and HTML (where a contribution's markup must
 *   arrive escaped).
 * Then none of the forms is in the SQLite file or its -wal, the logs, the LLM requests, the
 * documents or anything the bot said.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter, toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { createApp, type App } from '../../app/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, ManualClock, type IncomingAction } from '../../src/core/index.ts';
import { draftCardFile, listDrafts } from '../../src/peers/index.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { tempDir } from '../helpers/temp.ts';
import { corpusChunks, personalCorpus } from './forms.ts';
import { leaksIn } from './new-paths-leaks.ts';

const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const UNKNOWN = 'Hoe snel reageert het zorgkantoor Menzis op een pgb vraag?';

let fake: FakeOpenAi;
let app: App;
let dir: ReturnType<typeof tempDir>;
let clock: ManualClock;
const logs: string[] = [];
const outputs: ConsoleOutput[] = [];
const extra: string[] = [];
let send: (turn: ConsoleTurn) => Promise<ConsoleOutput[]>;
const say = (user: string, channel: string, text: string, thread?: string) => send({ user, channel, text, thread });
const dm = (user: string, text: string) => send({ user, dm: true, text });
const press = (user: string, where: { channel?: string; dm?: boolean }, action: IncomingAction) => send({ user, ...where, action } as ConsoleTurn);

function button(out: ConsoleOutput[], match: (id: string, label: string) => boolean, to?: string): IncomingAction {
  for (const o of [...out].reverse()) {
    if (to && o.to !== to) continue;
    const b = o.card?.buttons?.find((x) => match(x.action.id, x.label));
    if (b) return b.action as IncomingAction;
  }
  throw new Error(`no such button in ${JSON.stringify(out.map((o) => [o.card?.title, o.card?.buttons?.map((b) => b.action.id)]))}`);
}

beforeAll(async () => {
  fake = await startFakeOpenAi((request) =>
    'response_format' in request
      ? { status: 200, json: completion(JSON.stringify({ answer: 'Dat weet ik niet zeker.', card: null, confidence: 0 })) }
      : { status: 200, json: completion('De groep woog autonomie tegen veiligheid.') },
  );
  dir = tempDir();
  const config = loadConfig({ WEGWIJS_DATA_DIR: dir.dir, ...fake.env });
  clock = new ManualClock('2026-12-01T10:00:00+01:00');
  const log = createLogger('trace', { write: (line: string) => void logs.push(line) } as never);
  app = await createApp(config, { clock, log, messenger: { baseDelayMs: 1, sleep: async () => {} } });
  const adapter = new ConsoleAdapter((out) => outputs.push(out), { picturesDir: join(dir.dir, 'pictures'), documentsDir: join(dir.dir, 'reports') });
  app.services.messenger.register(adapter);
  send = async (turn) => {
    const before = outputs.length;
    await app.bot.handle(toIncoming(turn, config.botName), adapter);
    return outputs.slice(before);
  };
  await say('fleur', 'noord', 'wegwijs netwerk start "Noord"');
  for (const who of ['bram', 'carla', 'dirk']) await say(who, 'noord', 'wegwijs ik weet van pgb');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
  dir?.cleanup();
});

function places(): Record<string, string> {
  const db = join(dir.dir, 'wegwijs.db');
  const file = (path: string) => (existsSync(path) ? readFileSync(path).toString('utf8') : '');
  const folder = (path: string) => (existsSync(path) ? readdirSync(path).map((f) => file(join(path, f))).join('\n') : '');
  return {
    database: file(db),
    wal: file(`${db}-wal`),
    logs: logs.join(''),
    llm: JSON.stringify(fake.requests),
    outputs: JSON.stringify(outputs),
    documents: folder(join(dir.dir, 'reports')) + folder(join(dir.dir, 'pictures')),
    exports: extra.join('\n'),
  };
}

const leaked = () => leaksIn(places(), forms);

describe('peers, every personal-data form', () => {
  it('keeps none of them through the confirmation, answers, thread replies, tags and the draft card', async () => {
    // Knowers' tags: a person's topics, typed freely.
    for (const { text } of corpus) await say('carla', 'noord', `wegwijs ik weet van ${text}`);
    const chunks = corpusChunks(corpus, 1000);
    for (const [i, chunk] of chunks.entries()) {
      // The question the knowledge base cannot answer, then the network's confirmation with the text edited.
      const refusal = await say('fleur', 'noord', `wegwijs ${UNKNOWN}`);

      const confirm = await press('fleur', { channel: 'noord' }, button(refusal, (id) => id === 'peers.ask'));
      const postAction = button(confirm, (id) => id === 'peers.post');
      let posted = await press('fleur', { channel: 'noord' }, { ...postAction, inputs: { ...(postAction.inputs ?? {}), question: `${UNKNOWN} ${chunk}` } });

      // Personal data taken out: the confirmation comes again with the text as it will be posted.
      if (!posted.some((o) => o.card?.buttons?.some((b) => b.action.id === 'peers.resolve'))) {
        posted = await press('fleur', { channel: 'noord' }, button(posted, (id) => id === 'peers.post'));
      }
      const card = [...posted].reverse().find((o) => o.card?.buttons?.some((b) => b.action.id === 'peers.resolve'));
      expect(card, `question ${i} posted`).toBeDefined();
      // "Ik weet het": the form's answer; a plain reply in the thread.
      const form = await press('bram', { channel: 'noord' }, button([card!], (id) => id === 'peers.answer'));
      await press('bram', { channel: 'noord' }, { ...button(form, (id) => id === 'peers.reply'), inputs: { answer: `Bel op maandag. ${chunk}` } });
      await say('carla', 'noord', `Nog een tip. ${chunk}`, card!.id);
      await press('fleur', { channel: 'noord' }, button([card!], (id) => id === 'peers.resolve'));
    }
    const drafts = await listDrafts(app.store);
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) extra.push(draftCardFile(d));
    expect(leaked()).toEqual([]);
    expect(places().outputs).toContain('[BSN]');
  }, 120_000);
});

describe('crazy eight, every personal-data form', () => {
  it('keeps none of them through the case, the ideas, the matrix and the report', async () => {
    const chunks = corpusChunks(corpus, 2500);
    for (const [i, chunk] of chunks.slice(0, 3).entries()) {
      const channel = `idee-${i}`;
      await say('fleur', channel, 'wegwijs netwerk start "Ideeën"');
      const case_ = chunk.split('\n').slice(0, 4).join(' ');
      const out = await say('fleur', channel, `wegwijs crazy eight start ${case_}`);
      expect(out.some((o) => o.card?.title?.startsWith('Crazy eight'))).toBe(true);
      for (const who of ['bram', 'carla']) await press(who, { channel }, button(outputs, (_id, label) => label === 'Doe mee'));
      await press('fleur', { channel }, button(outputs, (_id, label) => label === 'Start de acht minuten'));
      const lines = chunk.split('\n');
      for (const who of ['fleur', 'bram', 'carla']) {
        // The DM card's input: eight ideas at most, one a line; the rest of the corpus in a second batch.
        for (let from = 0; from < lines.length; from += 8) {
          await press(who, { dm: true }, { ...button(outputs, (_id, label) => label === 'Insturen', who), inputs: { ideas: lines.slice(from, from + 8).join('\n') } });
        }
      }
      clock.set(new Date(clock.now().getTime() + 9 * 60_000).toISOString());
      await app.bot.tick();
      await press('fleur', { channel }, button(outputs, (_id, label) => label === 'Start het scoren'));
      clock.set(new Date(clock.now().getTime() + 60 * 60_000).toISOString());
      await app.bot.tick();
    }
    // The ideas were really kept (redacted) and revealed.
    const sessions = JSON.stringify(await app.store.docs.query('ideasession', { pk: 'console:local:idee-0' }));
    expect(sessions).toContain('[BSN]');
    expect(JSON.stringify(outputs.filter((o) => o.channel === 'idee-0'))).toContain('[BSN]');
    expect(leaked()).toEqual([]);
  }, 120_000);
});

describe('deliberation, every personal-data form', () => {
  it('keeps none of them through blind answers, an async session and the report documents', async () => {
    const start = await say('fleur', 'beraad', 'wegwijs netwerk start "Beraad"');
    expect(start.length).toBeGreaterThan(0);
    for (const who of ['bram', 'carla']) await say(who, 'beraad', 'wegwijs ik weet van zorg');
    const opening = (await say('fleur', 'beraad', 'wegwijs beraad start kort async 8u')).find((o) => o.card?.title?.startsWith('Moreel beraad'))!;
    expect(opening).toBeDefined();
    const thread = opening.id;
    for (const who of ['bram', 'carla']) await press(who, { channel: 'beraad' }, { id: 'deliberate.join', value: { s: thread } });
    const chunks = corpusChunks(corpus, 1500);
    for (let stepIndex = 0; stepIndex < 7; stepIndex++) {
      for (const [i, chunk] of chunks.entries()) {
        if (i % 7 !== stepIndex) continue;
        await say('bram', 'beraad', chunk, thread);
        // The answer form of a step (the blind one keeps it hidden until the step closes).
        await press('carla', { channel: 'beraad' }, { id: 'deliberate.submit', value: { s: thread, i: stepIndex }, inputs: { answer: chunk, as: i % 2 ? 'anonymous' : 'named' } });
        await press('bram', { channel: 'beraad' }, { id: 'deliberate.submit', value: { s: thread, i: stepIndex }, inputs: { answer: `<script>alert(1)</script> ${chunk}`, as: 'named' } });
      }
      // Halfway the step: reminders to the silent members; then the step closes by itself.
      clock.set(new Date(clock.now().getTime() + 5 * 60 * 60_000).toISOString());
      await app.bot.tick();
      clock.set(new Date(clock.now().getTime() + 4 * 24 * 60 * 60_000).toISOString());
      await app.bot.tick();
    }
    const port = app.services.ports.deliberationReports!;
    const md = await port.report('console:local:beraad', thread, 'md');
    const html = await port.report('console:local:beraad', thread, 'html');
    expect(md, 'the report exists').toBeDefined();
    extra.push(md!, html!);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
    // Markdown escapes the brackets of a placeholder.
    expect(md).toMatch(/\\?\[BSN\\?\]/);
    expect(html).toMatch(/\\?\[naam\\?\]/);
    expect(leaked()).toEqual([]);
  }, 120_000);
});
