/**
 * Through the real `wegwijs chat --script -` process: the nudge is sent by the process that is up
 * at the scheduled time, and a second process on the same data folder never sends it again, not
 * even when two start at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, script } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const isNudge = (l: Record<string, unknown>) => l.channel === 'c1' && !l.private && String(l.text ?? '').startsWith('**Wekelijkse voortgang');

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('weekly nudge through the CLI', () => {
  it('one process sends the nudge; later and concurrent processes on the same data do not', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const env = { WEGWIJS_DATA_DIR: temp.dir };
    const first = await runCli(['chat', '--script', '-'], {
      env,
      timeoutMs: 60_000,
      input: script(
        { clock: '2026-11-16T10:00:00+01:00' },
        { user: 'anna', channel: 'c1', text: 'wegwijs netwerk start "Passende plekken"' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie Agenda voor het overleg maken voor vrijdag' },
        { user: 'bram', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor over het MDO voor volgende week' },
        { user: 'carla', channel: 'c1', text: 'wegwijs actie Zoek een logeerplek voor 15 december' },
        { user: 'carla', channel: 'c1', text: 'wegwijs stil' },
        { clock: '2026-11-19T14:00:00+01:00' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie 1 klaar' },
        { user: 'bram', channel: 'c1', text: 'wegwijs actie 2 voortgang datum geprikt' },
        { user: 'carla', channel: 'c1', text: 'wegwijs actie 3 vast wachtlijst' },
        { clock: '2026-11-23T09:00:00+01:00' },
      ),
    });
    expect(first.code).toBe(0);
    expect(first.lines.filter((l) => l.error)).toEqual([]);
    const sent = first.lines.filter(isNudge);
    expect(sent).toHaveLength(1);
    const text = String(sent[0].text);
    expect(text.indexOf('anna heeft #1')).toBeGreaterThan(0);
    expect(text.indexOf('anna heeft #1')).toBeLessThan(text.indexOf('Lopende acties'));
    expect(text).toContain('bram zette een stap bij #2');
    expect(text).toContain('#3 Zoek een logeerplek (carla): wachtlijst');
    // bram's action is due this week and he gets a DM; carla opted out.
    const dmTo = first.lines.filter((l) => l.dm).map((l) => l.to);
    expect(dmTo).toEqual(['bram']);

    // A restart a minute later, and two processes starting at once: no second copy.
    const later = { input: script({ clock: '2026-11-23T09:01:00+01:00' }), env, timeoutMs: 60_000 };
    const [restart, other] = await Promise.all([runCli(['chat', '--script', '-'], later), runCli(['chat', '--script', '-'], later)]);
    expect(restart.code).toBe(0);
    expect(other.code).toBe(0);
    expect([...restart.lines, ...other.lines].filter(isNudge)).toEqual([]);
    expect([...restart.lines, ...other.lines].filter((l) => l.dm)).toEqual([]);
  }, 120_000);

  it('two processes up at the scheduled time send one nudge between them', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const env = { WEGWIJS_DATA_DIR: temp.dir };
    await runCli(['chat', '--script', '-'], {
      env,
      timeoutMs: 60_000,
      input: script(
        { clock: '2026-11-16T10:00:00+01:00' },
        { user: 'anna', channel: 'c1', text: 'wegwijs netwerk start "Passende plekken"' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie Agenda maken' },
      ),
    });
    const due = { input: script({ clock: '2026-11-23T09:00:05+01:00' }), env, timeoutMs: 60_000 };
    const runs = await Promise.all([runCli(['chat', '--script', '-'], due), runCli(['chat', '--script', '-'], due)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs.flatMap((r) => r.lines).filter(isNudge)).toHaveLength(1);
  }, 120_000);
});
