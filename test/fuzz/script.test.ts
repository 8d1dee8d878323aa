/**
 * Fuzzing script mode in-process: valid lines, mutated lines and random JSON, with a fixed seed.
 * Every non-blank line must be accounted for exactly once (handled as a turn, run as a clock
 * line, or answered with an error naming its line number), nothing may crash the run, no turn may
 * fail inside the bot, and the clock never moves to a date outside 1970–9999.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter, runScript } from '../../adapters/console/index.ts';
import { createApp } from '../../app/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { findPrototypeKey, ManualClock } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { mutateObject, mutateText, prng, randomValue, recordingLogger, type Rand } from './gen.ts';
import { appEngine } from '../helpers/engine.ts';

const SEED = 0x5eed_0012;
const LINES = 400;

const VALID: Record<string, unknown>[] = [
  { user: 'anna', channel: 'net', text: 'wegwijs netwerk start "Noord"' },
  { user: 'anna', channel: 'net', text: 'wegwijs actie Bel de wijkverpleging @bram voor vrijdag' },
  { user: 'bram', channel: 'net', text: 'wegwijs acties' },
  { user: 'anna', dm: true, text: 'Wat doet het CCE?' },
  { user: 'anna', channel: 'net', text: 'wegwijs beraad kort' },
  { user: 'bram', dm: true, text: 'wegwijs beraad anoniem #1 Het ging goed' },
  { user: 'anna', channel: 'net', action: { id: 'actions.done', value: { network: 'console:local:net', n: 1 } } },
  { user: 'bram', dm: true, action: { id: 'actions.progress', value: { network: 'console:local:net', n: 1, dm: true }, inputs: { note: 'gebeld' } } },
  { user: 'anna', channel: 'net', action: { id: 'ask.up', value: { q: 'q-0123456789abcdef0123', card: 'x' } } },
  { clock: '2026-11-23T09:00:00+01:00' },
];

const PATHS = [['user'], ['name'], ['channel'], ['dm'], ['thread'], ['text'], ['action'], ['action', 'id'], ['action', 'value'], ['action', 'value', 'network'], ['action', 'inputs'], ['action', 'inputs', 'note'], ['action', 'messageId'], ['clock']];

function line(r: Rand): string {
  const base = r.pick(VALID);
  switch (r.int(5)) {
    case 0:
      return JSON.stringify(base);
    case 1:
    case 2:
      return JSON.stringify(mutateObject(r, base, PATHS));
    case 3:
      return mutateText(r, JSON.stringify(base));
    default:
      return JSON.stringify(randomValue(r)) ?? 'undefined';
  }
}

describe('script mode under fuzzing', () => {
  it(`accounts for every one of ${LINES} random lines and never fails a turn (seed ${SEED})`, async () => {
    const r = prng(SEED);
    const lines = Array.from({ length: LINES }, () => line(r));
    const temp = tempDir();
    const { log, errors } = recordingLogger();
    const clock = new ManualClock('2026-11-16T10:00:00+01:00');
    const config = loadConfig({ WEGWIJS_DATA_DIR: temp.dir });
    const app = await createApp(config, { clock, log, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
    try {
      const adapter = new ConsoleAdapter(() => {});
      app.services.messenger.register(adapter);
      let turns = 0;
      let ticks = 0;
      const handle = app.bot.handle.bind(app.bot);
      app.bot.handle = async (message, a) => {
        turns++;
        await handle(message, a);
      };
      const tick = app.bot.tick.bind(app.bot);
      app.bot.tick = async (now) => {
        ticks++;
        await tick(now);
      };
      const clockSets: Date[] = [];
      const output = new PassThrough();
      const written: string[] = [];
      output.on('data', (chunk: Buffer) => written.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
      const bad = await runScript({
        bot: app.bot,
        adapter,
        input: Readable.from([lines.join('\n')]),
        output,
        botName: 'wegwijs',
        setClock: (to) => {
          clockSets.push(to);
          clock.set(to);
        },
      });
      const reported = written.map((w) => JSON.parse(w) as { error: string; line: number });
      const blank = lines.filter((l) => !l.trim() || l.trimStart().startsWith('#')).length;

      // Every line once: a turn, a clock line, or an error that names it.
      expect(turns + ticks + bad).toBe(LINES - blank);
      expect(reported).toHaveLength(bad);
      for (const report of reported) expect(report.error.startsWith(`line ${report.line}: `)).toBe(true);
      expect(new Set(reported.map((e) => e.line)).size).toBe(reported.length);
      // Lines that are certainly bad were reported.
      const errorLines = new Set(reported.map((e) => e.line));
      lines.forEach((text, i) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          if (text.trim() && !text.trimStart().startsWith('#')) expect(errorLines.has(i + 1), `line ${i + 1} is no JSON`).toBe(true);
          return;
        }
        if (findPrototypeKey(json)) expect(errorLines.has(i + 1), `line ${i + 1} has a prototype key`).toBe(true);
        if (json === null || typeof json !== 'object' || Array.isArray(json)) expect(errorLines.has(i + 1), `line ${i + 1} is no object`).toBe(true);
      });
      // The clock only ever moved to real dates.
      for (const to of clockSets) expect(to.getUTCFullYear()).toBeGreaterThanOrEqual(1970), expect(to.getUTCFullYear()).toBeLessThanOrEqual(9999);
      // No turn failed inside the bot (an apology for an internal error would be a bug).
      expect(errors.map((e) => `${String(e.msg)} ${String(e.code)}`)).toEqual([]);
      expect(turns).toBeGreaterThan(LINES / 5);
    } finally {
      await app.close();
      temp.cleanup();
    }
  }, 60_000);
});
