/**
 * The console script mode, driven as a separate process exactly as a user or CI would.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runInProcess, script } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

describe('wegwijs chat --script (separate process)', () => {
  it('answers, reports bad lines by number, and keeps going', async () => {
    const temp = tempDir();
    const input =
      script({ user: 'anna', channel: 'c1', text: 'wegwijs hulp' }) +
      'this is not json\n' +
      script(
        { user: 'anna', channel: 'c1', text: 'gewoon gepraat zonder wegwijs' },
        { user: 'anna', text: 'no channel' },
        { user: 'anna', dm: true, text: 'taal en' },
        { user: 'anna', dm: true, text: 'help' },
        { clock: '2026-11-23T09:00:00+01:00' },
        { user: 'bram', channel: 'c1', text: `wegwijs ${'x'.repeat(50_000)}` },
        { clock: 'gisteren' },
        { user: 'bram', channel: 'c1', thread: 'm99', text: 'in een draad die niet bestaat' },
      );
    // A real process: its log output (stderr) is checked too.
    const result = await runCli(['chat', '--script', '-'], { input, env: { WEGWIJS_DATA_DIR: temp.dir } });
    temp.cleanup();
    expect(result.code).toBe(0);
    const [help, badJson, badShape, language, englishHelp, tooLong, badClock, badThread] = result.lines;
    expect(help).toMatchObject({ channel: 'c1', card: { title: 'Wat Wegwijs kan' } });
    expect(badJson).toMatchObject({ line: 2, error: expect.stringContaining('line 2: not valid JSON') });
    expect(badShape).toMatchObject({ line: 4, error: expect.stringContaining('"channel" or "dm"') });
    expect(language).toMatchObject({ dm: true, to: 'anna' });
    expect(englishHelp).toMatchObject({ dm: true, card: { title: 'What Wegwijs can do' } });
    expect(tooLong).toMatchObject({ channel: 'c1', text: expect.stringContaining('te lang') });
    expect(badClock).toMatchObject({ line: 9, error: expect.stringContaining('clock: not a date-time') });
    expect(badThread).toMatchObject({ line: 10, error: expect.stringContaining('"m99" is no message the bot printed') });
    expect(result.lines).toHaveLength(8);
    expect(result.stderr).not.toContain('wegwijs hulp');
  });

  it('lets a button be pressed by sending its action back verbatim', async () => {
    const temp = tempDir();
    const first = await runInProcess(['chat', '--script', '-'], { input: script({ user: 'anna', dm: true, text: 'hulp' }), env: { WEGWIJS_DATA_DIR: temp.dir } });
    expect(first.lines[0]).toMatchObject({ id: 'm1' });
    // A second process on the same data keeps counting message ids, so old thread ids stay unique.
    const second = await runInProcess(['chat', '--script', '-'], {
      input: script({ user: 'anna', dm: true, action: { id: 'nothing.here', messageId: 'm1' } }, { user: 'anna', dm: true, text: 'hulp' }),
      env: { WEGWIJS_DATA_DIR: temp.dir },
    });
    temp.cleanup();
    expect(second.lines[0]).toMatchObject({ dm: true, text: expect.stringContaining('knop') });
    expect(second.lines[1]).toMatchObject({ id: 'm3' });
  });

  it('fails at start-up with a clear message when the data directory cannot be written', async () => {
    const temp = tempDir();
    const notADirectory = join(temp.dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    const result = await runInProcess(['chat', '--script', '-'], { input: '', env: { WEGWIJS_DATA_DIR: join(notADirectory, 'data') } });
    temp.cleanup();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/data directory .* cannot be created or written.*WEGWIJS_DATA_DIR/);
  });

  it('fails at start-up naming a bad variable', async () => {
    const result = await runInProcess(['chat', '--script', '-'], { input: '', env: { PORT: 'zeventig' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT');
  });
});
