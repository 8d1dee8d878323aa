/**
 * Red team 4 on the other input paths (in-process harness as new-paths*.test.ts: console adapter,
 * real SQLite file, a local fake LLM, logs at `trace`): 30 messages of corpus-rt4.json, each as an
 * action a member logs (`wegwijs actie …`), a progress note on it (`actie 1 voortgang …`) and a
 * contribution in a deliberation thread. Then no span that must disappear is in the SQLite file or
 * its -wal, the logs, the LLM requests or anything the bot said, other than the spans the redaction
 * itself leaves (corpus-rt4.test.ts lists those): the paths add no leak of their own. Fresh, before the
 * fixes, the places held five spans of these messages, each one the redaction left ("Linden" of a
 * name wrapped after "van", "henkie", "jansen-maria" in a link, "Josephus Hermans", the mention
 * "Priya"); after, none but the mention, which the redaction keeps by rule.
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
import { measureRt4, RT4 } from './corpus-rt4-check.ts';
import { leaksIn } from './new-paths-leaks.ts';

// Every fifth message with personal data, from the third on (the answer path took the others' sample).
const SAMPLE = RT4.filter((e) => e.leak.length > 0).filter((_, i) => i % 5 === 2).slice(0, 30);
const left = new Set(measureRt4().flatMap((r) => r.leaks.map((l) => l.span)));

let fake: FakeOpenAi;
let app: App;
let dir: ReturnType<typeof tempDir>;
const logs: string[] = [];
const outputs: ConsoleOutput[] = [];
let send: (turn: ConsoleTurn) => Promise<ConsoleOutput[]>;
const say = (user: string, channel: string, text: string, thread?: string) => send({ user, name: user === 'fleur' ? 'Fleur Oosterbeek' : 'Bram Terpstra', channel, text, thread });
const press = (user: string, channel: string, action: IncomingAction) => send({ user, channel, action } as ConsoleTurn);

beforeAll(async () => {
  fake = await startFakeOpenAi((request) =>
    'response_format' in request
      ? { status: 200, json: completion(JSON.stringify({ answer: 'Dat weet ik niet zeker.', card: null, confidence: 0 })) }
      : { status: 200, json: completion('De groep woog autonomie tegen veiligheid.') },
  );
  dir = tempDir();
  const config = loadConfig({ WEGWIJS_DATA_DIR: dir.dir, ...fake.env });
  const clock = new ManualClock('2026-12-02T10:00:00+01:00');
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

function places(): Record<string, string> {
  const db = join(dir.dir, 'wegwijs.db');
  const file = (path: string) => (existsSync(path) ? readFileSync(path).toString('utf8') : '');
  return { database: file(db), wal: file(`${db}-wal`), logs: logs.join(''), llm: JSON.stringify(fake.requests), outputs: JSON.stringify(outputs) };
}

describe('red team 4 on the action, progress-note and deliberation paths', () => {
  it('stores, logs, sends and says no span the redaction removes', async () => {
    expect(SAMPLE).toHaveLength(30);
    await say('fleur', 'netwerk', 'wegwijs netwerk start "Passende zorg"');
    await say('fleur', 'netwerk', 'wegwijs actie Overleg met het zorgkantoor');
    const opening = (await say('fleur', 'netwerk', 'wegwijs beraad start kort')).find((o) => o.card?.title?.startsWith('Moreel beraad'));
    expect(opening, 'a deliberation session opened').toBeDefined();
    await press('bram', 'netwerk', { id: 'deliberate.join', value: { s: opening!.id } });
    for (const { text } of SAMPLE) {
      await say('bram', 'netwerk', `wegwijs actie ${text}`);
      await say('bram', 'netwerk', `wegwijs actie 1 voortgang ${text}`);
      await say('bram', 'netwerk', text, opening!.id);
    }
    const where = places();
    const spans = SAMPLE.flatMap((e) => e.leak.map((l) => l.span)).filter((s) => !left.has(s));
    expect(leaksIn(where, spans, 4)).toEqual([]);
    // The paths were really taken: placeholders stored, the turns logged.
    expect(where.database + where.wal).toContain('[naam]');
    expect(where.logs).toContain('"msg":"turn handled"');
  }, 300_000);
});
