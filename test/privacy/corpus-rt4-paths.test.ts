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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOnOtherPaths, startConsoleHarness, type ConsoleHarness } from './console-harness.ts';
import { measureRt4, RT4 } from './corpus-rt4-check.ts';
import { leaksIn } from './new-paths-leaks.ts';

// Every fifth message with personal data, from the third on (the answer path took the others' sample).
const SAMPLE = RT4.filter((e) => e.leak.length > 0).filter((_, i) => i % 5 === 2).slice(0, 30);
const left = new Set(measureRt4().flatMap((r) => r.leaks.map((l) => l.span)));

let harness: ConsoleHarness;

beforeAll(async () => {
  harness = await startConsoleHarness({ at: '2026-12-02T10:00:00+01:00', synthesis: 'De groep woog autonomie tegen veiligheid.' });
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('red team 4 on the action, progress-note and deliberation paths', () => {
  it('stores, logs, sends and says no span the redaction removes', async () => {
    expect(SAMPLE).toHaveLength(30);
    const where = await sendOnOtherPaths(harness, SAMPLE.map((e) => e.text));
    const spans = SAMPLE.flatMap((e) => e.leak.map((l) => l.span)).filter((s) => !left.has(s));
    expect(leaksIn(where, spans, 4)).toEqual([]);
    // The paths were really taken: placeholders stored, the turns logged.
    expect(where.database + where.wal).toContain('[naam]');
    expect(where.logs).toContain('"msg":"turn handled"');
  }, 300_000);
});
