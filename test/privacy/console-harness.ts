/**
 * The in-process harness of the privacy path tests: the real app on a temporary SQLite file, the
 * console adapter, a local fake LLM (JSON for questions, `synthesis` for a deliberation's report)
 * and logs at `trace`; `places()` is every place a text could end up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleAdapter, toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { createApp, type App } from '../../app/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, ManualClock } from '../../src/core/index.ts';
import { completion, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { tempDir } from '../helpers/temp.ts';

export interface ConsoleHarness {
  app: App;
  fake: FakeOpenAi;
  /** Everything the bot said, in order. */
  outputs: ConsoleOutput[];
  /** What the bot said in answer to one turn. */
  send(turn: ConsoleTurn): Promise<ConsoleOutput[]>;
  /** The database and its WAL, the logs, the LLM requests and everything said. */
  places(): Record<string, string>;
  close(): Promise<void>;
}

export async function startConsoleHarness(options: { at: string; synthesis: string }): Promise<ConsoleHarness> {
  const logs: string[] = [];
  const outputs: ConsoleOutput[] = [];
  // The question path asks for JSON; the synthesis for prose.
  const fake = await startFakeOpenAi((request) =>
    'response_format' in request
      ? { status: 200, json: completion(JSON.stringify({ answer: 'Dat weet ik niet zeker.', card: null, confidence: 0 })) }
      : { status: 200, json: completion(options.synthesis) },
  );
  const dir = tempDir();
  const config = loadConfig({ WEGWIJS_DATA_DIR: dir.dir, ...fake.env });
  const log = createLogger('trace', { write: (line: string) => void logs.push(line) } as never);
  const app = await createApp(config, { clock: new ManualClock(options.at), log, messenger: { baseDelayMs: 1, sleep: async () => {} } });
  const adapter = new ConsoleAdapter((out) => outputs.push(out));
  app.services.messenger.register(adapter);
  return {
    app,
    fake,
    outputs,
    send: async (turn) => {
      const before = outputs.length;
      await app.bot.handle(toIncoming(turn, config.botName), adapter);
      return outputs.slice(before);
    },
    places: () => {
      const db = join(dir.dir, 'wegwijs.db');
      const file = (path: string) => (existsSync(path) ? readFileSync(path).toString('utf8') : '');
      return { database: file(db), wal: file(`${db}-wal`), logs: logs.join(''), llm: JSON.stringify(fake.requests), outputs: JSON.stringify(outputs) };
    },
    close: async () => {
      await app.close();
      await fake.close();
      dir.cleanup();
    },
  };
}

/**
 * Every text through the three other input paths, as a member types it: an action (`wegwijs actie
 * …`), a progress note on it and a contribution in a deliberation thread, in a network the
 * facilitator starts first. Returns where the data could have gone (`places()`).
 */
export async function sendOnOtherPaths(harness: ConsoleHarness, texts: string[]): Promise<Record<string, string>> {
  const say = (user: string, text: string, thread?: string) =>
    harness.send({ user, name: user === 'fleur' ? 'Fleur Oosterbeek' : 'Bram Terpstra', channel: 'netwerk', text, thread });
  await say('fleur', 'wegwijs netwerk start "Passende zorg"');
  await say('fleur', 'wegwijs actie Overleg met het zorgkantoor');
  const opening = (await say('fleur', 'wegwijs beraad start kort')).find((o) => o.card?.title?.startsWith('Moreel beraad'));
  if (!opening) throw new Error('no deliberation session opened');
  await harness.send({ user: 'bram', channel: 'netwerk', action: { id: 'deliberate.join', value: { s: opening.id } } } as ConsoleTurn);
  for (const text of texts) {
    await say('bram', `wegwijs actie ${text}`);
    await say('bram', `wegwijs actie 1 voortgang ${text}`);
    await say('bram', text, opening.id);
  }
  return harness.places();
}
