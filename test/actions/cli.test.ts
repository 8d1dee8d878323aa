/**
 * Through the real `wegwijs chat --script -` process: the nudge is sent by the process that is up
 * at the scheduled time, and a second process on the same data folder never sends it again, not
 * even when two start at once; across the daylight-saving change it stays at 09:00 local time;
 * and a bot that was down over the scheduled time sends it once when it comes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, runInProcess, script } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const isNudge = (l: Record<string, unknown>) => l.channel === 'c1' && !l.private && String(l.text ?? '').startsWith('**Wekelijkse voortgang');

/**
 * A marker after a clock line: the bot answers it in its own channel, so everything printed
 * between two markers is what the clock line before the second marker caused.
 */
const mark = (label: string) => ({ user: 'anna', channel: `mark-${label}`, text: 'wegwijs acties' });

/** The output lines after each marker's predecessor, by the marker's label. */
function byMarker(lines: Record<string, unknown>[]): Record<string, Record<string, unknown>[]> {
  const result: Record<string, Record<string, unknown>[]> = {};
  let current: Record<string, unknown>[] = [];
  for (const line of lines) {
    const channel = String(line.channel ?? '');
    if (channel.startsWith('mark-')) {
      result[channel.slice('mark-'.length)] = current;
      current = [];
    } else current.push(line);
  }
  return result;
}

/** Runs one `wegwijs chat --script -` process on the data in `env` with these lines. */
// One bot at a time runs in-process; bots running at the same time are real processes (runCli).
const chat = (env: Record<string, string>, ...lines: object[]) => runInProcess(['chat', '--script', '-'], { env, input: script(...lines) });

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('weekly nudge through the CLI', () => {
  it('one process sends the nudge; later and concurrent processes on the same data do not', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const env = { WEGWIJS_DATA_DIR: temp.dir };
    const first = await chat(env,
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
    );
    expect(first.code).toBe(0);
    expect(first.lines.filter((l) => l.error)).toEqual([]);
    const sent = first.lines.filter(isNudge);
    expect(sent).toHaveLength(1);
    const text = String(sent[0].text);
    expect(text.indexOf('anna heeft #1')).toBeGreaterThan(0);
    expect(text.indexOf('anna heeft #1')).toBeLessThan(text.indexOf('Lopende acties'));
    expect(text).toContain('bram zette een stap bij #2');
    expect(text).toContain('#3 Zoek een logeerplek (@carla): wachtlijst');
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
    await chat(env,
        { clock: '2026-11-16T10:00:00+01:00' },
        { user: 'anna', channel: 'c1', text: 'wegwijs netwerk start "Passende plekken"' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie Agenda maken' },
    );
    const due = { input: script({ clock: '2026-11-23T09:00:05+01:00' }), env, timeoutMs: 60_000 };
    const runs = await Promise.all([runCli(['chat', '--script', '-'], due), runCli(['chat', '--script', '-'], due)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs.flatMap((r) => r.lines).filter(isNudge)).toHaveLength(1);
  }, 120_000);

  it('across the daylight-saving change the nudge comes at 09:00 local time, once a week', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const run = await chat(
      { WEGWIJS_DATA_DIR: temp.dir },
        { clock: '2027-03-15T10:00:00+01:00' },
        { user: 'anna', channel: 'c1', text: 'wegwijs netwerk start "Passende plekken"' },
        { clock: '2027-03-16T10:00:00+01:00' },
        { user: 'bram', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor over het MDO voor vrijdag' },
        { user: 'carla', channel: 'c1', text: 'wegwijs actie Zoek een logeerplek voor 26 maart' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie Agenda voor het netwerkoverleg maken voor volgende week' },
        { clock: '2027-03-18T11:00:00+01:00' },
        { user: 'bram', channel: 'c1', text: 'wegwijs actie 1 klaar' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie 3 voortgang eerste versie gedeeld' },
        { clock: '2027-03-19T15:00:00+01:00' },
        { user: 'carla', channel: 'c1', text: 'wegwijs actie 2 vast geen reactie van de aanbieder' },
        mark('logged'),
        // Monday 22 March, winter time: 09:00 CET = 08:00Z.
        { clock: '2027-03-22T07:59:00Z' },
        mark('mar22-0859-local'),
        { clock: '2027-03-22T08:00:00Z' },
        mark('mar22-0900-local'),
        { clock: '2027-03-22T08:05:00Z' },
        mark('mar22-0905-local'),
        { clock: '2027-03-24T10:00:00+01:00' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie 3 voortgang agenda rondgestuurd' },
        mark('progress'),
        // The clocks go forward on Sunday 28 March; Monday 29 March is Easter Monday (a public
        // holiday), so the nudge moves to Tuesday 30 March, 09:00 CEST = 07:00Z.
        { clock: '2027-03-29T07:00:00Z' },
        mark('mar29-easter-monday'),
        { clock: '2027-03-30T06:59:00Z' },
        mark('mar30-0859-local'),
        { clock: '2027-03-30T07:00:00Z' },
        mark('mar30-0900-local'),
        // 08:00Z was 09:00 in winter time; now it is 10:00 and no second nudge goes out.
        { clock: '2027-03-30T08:00:00Z' },
        mark('mar30-1000-local'),
    );
    expect(run.code).toBe(0);
    expect(run.lines.filter((l) => l.error)).toEqual([]);
    expect(run.lines.filter(isNudge)).toHaveLength(2);
    const at = byMarker(run.lines);
    expect(at['mar22-0859-local'].filter(isNudge)).toEqual([]);
    const [first] = at['mar22-0900-local'].filter(isNudge);
    expect(at['mar22-0900-local'].filter(isNudge)).toHaveLength(1);
    expect(String(first.text)).toContain('bram heeft #1 "Bel het zorgkantoor over het MDO" afgerond');
    expect(String(first.text).indexOf('Eerst het goede nieuws')).toBeLessThan(String(first.text).indexOf('Lopende acties'));
    expect(at['mar22-0905-local'].filter(isNudge)).toEqual([]);
    expect(at['mar29-easter-monday'].filter(isNudge)).toEqual([]);
    expect(at['mar30-0859-local'].filter(isNudge)).toEqual([]);
    const second = at['mar30-0900-local'].filter(isNudge);
    expect(second).toHaveLength(1);
    expect(String(second[0].text)).toContain('anna zette een stap bij #3');
    expect(String(second[0].text)).toContain('Al 2 weken op rij voortgang');
    expect(String(second[0].text)).not.toContain('bram heeft #1');
    expect(at['mar30-1000-local']).toEqual([]);
  }, 120_000);

  it('a bot that was down over the scheduled time sends the nudge once when it comes back', async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const env = { WEGWIJS_DATA_DIR: temp.dir };
    const before = await chat(env,
        { clock: '2026-11-16T10:00:00+01:00' },
        { user: 'anna', channel: 'c1', text: 'wegwijs netwerk start "Passende plekken"' },
        { user: 'anna', channel: 'c1', text: 'wegwijs actie Agenda voor het overleg maken' },
        { user: 'bram', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor voor woensdag 25 november' },
        { clock: '2026-11-19T14:00:00+01:00' },
        { user: 'bram', channel: 'c1', text: 'wegwijs actie 2 voortgang terugbelverzoek staat' },
        { clock: '2026-11-20T17:00:00+01:00' },
    );
    expect(before.code).toBe(0);
    expect(before.lines.filter((l) => l.error)).toEqual([]);
    expect(before.lines.filter(isNudge)).toEqual([]);

    // No process runs at Monday 23 November 09:00; the bot comes back at 11:00.
    const back = await chat(env, { clock: '2026-11-23T11:00:00+01:00' }, mark('back'), { clock: '2026-11-23T11:00:30+01:00' }, mark('half-a-minute-later'));
    expect(back.code).toBe(0);
    const at = byMarker(back.lines);
    const sent = at.back.filter(isNudge);
    expect(sent).toHaveLength(1);
    expect(String(sent[0].text)).toContain('bram zette een stap bij #2');
    expect(at.back.filter((l) => l.dm).map((l) => l.to)).toEqual(['bram']);
    expect(at['half-a-minute-later']).toEqual([]);

    // Later that day another process starts: the nudge was sent, nothing goes out again.
    const afternoon = await chat(env, { clock: '2026-11-23T15:00:00+01:00' });
    expect(afternoon.code).toBe(0);
    expect(afternoon.lines.filter(isNudge)).toEqual([]);
    expect(afternoon.lines.filter((l) => l.dm)).toEqual([]);
  }, 120_000);
});
