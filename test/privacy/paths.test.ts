/**
 * End to end: every form of the personal-data corpus goes through the input paths of the
 * console: questions in a DM and a channel (every line), and a third of the lines, in turn, through
 * each of action titles, notes and "later", network names, `rol`, `beraad start`, contributions in
 * a deliberation thread, anonymous notes by DM, feedback reasons, card inputs and button values;
 * with an LLM (a local fake) and logs at `trace`. Then none of the forms is in the SQLite file or
 * its -wal, the logs, the LLM requests or anything the bot said; and the deliberation synthesis sent no participant's name to the LLM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleOutput, ConsoleTurn } from '../../adapters/console/index.ts';
import type { IncomingAction } from '../../src/core/index.ts';
import { startConsoleHarness, type ConsoleHarness } from './console-harness.ts';
import { personalCorpus } from './forms.ts';
import { leaksIn } from './new-paths-leaks.ts';

const corpus = personalCorpus();
const forms = corpus.flatMap((l) => l.forms);
const people = [
  { user: 'fleur', name: 'Fleur Oosterbeek' },
  { user: 'bram', name: 'Bram Terpstra' },
];

const asksJson = (request: object) => 'response_format' in request;

let harness: ConsoleHarness;
const send = (turn: ConsoleTurn): Promise<ConsoleOutput[]> => harness.send(turn);
const say = (user: string, channel: string, text: string, thread?: string) => send({ user, name: people.find((p) => p.user === user)?.name, channel, text, thread });
const dm = (user: string, text: string) => send({ user, name: people.find((p) => p.user === user)?.name, dm: true, text });
const press = (user: string, channel: string | undefined, action: IncomingAction) => send({ user, ...(channel ? { channel } : { dm: true }), action } as ConsoleTurn);

beforeAll(async () => {
  harness = await startConsoleHarness({
    at: '2026-11-30T10:00:00+01:00',
    synthesis: 'De groep woog autonomie tegen veiligheid; Deelnemer 1 en Deelnemer 2 spraken af de casus te agenderen.',
  });
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

/** Every place a form could end up: the database and its WAL, the logs, the LLM requests, the chat. */
const places = () => harness.places();

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
    let end = harness.outputs.flatMap((o) => o.card?.buttons ?? []).filter((b) => b.action.id === 'deliberate.end').pop();
    let report: ConsoleOutput[] = [];
    for (let tries = 0; end && tries < 3 && !report.some((o) => o.card?.title?.startsWith('Verslag')); tries++) {
      report = await press('fleur', 'netwerk', end.action);
      end = report.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'deliberate.end');
    }
    expect(report.some((o) => o.card?.title?.startsWith('Verslag')), JSON.stringify(report)).toBe(true);

    const where = places();
    expect(leaksIn(where, forms, 4)).toEqual([]);
    // The paths were really taken: the LLM was asked, everything down to trace was logged, placeholders were stored.
    expect(harness.fake.requests.length).toBeGreaterThan(0);
    expect(harness.app.services.log.level).toBe('trace');
    expect(where.logs).toContain('"msg":"turn handled"');
    // In the database file or still in its write-ahead log, as SQLite's checkpoint falls.
    expect(where.database + where.wal).toContain('[naam]');
    expect(where.outputs).toContain('[BSN]');
  }, 600_000);

  it('sends the deliberation synthesis no participant name', () => {
    const synthesis = harness.fake.requests.filter((r) => !asksJson(r));
    expect(synthesis.length, 'the synthesis was asked for').toBeGreaterThan(0);
    const sent = JSON.stringify(synthesis);
    for (const p of people) for (const part of p.name.split(' ')) expect(sent).not.toContain(part);
  });
});
