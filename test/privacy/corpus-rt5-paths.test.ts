/**
 * Red team 5 on the other input paths (in-process harness as new-paths*.test.ts and
 * corpus-rt4-paths.test.ts: console adapter, real SQLite file, a local fake LLM, logs at `trace`):
 * 30 messages of corpus-rt5.json, each as an action a member logs (`wegwijs actie …`), a progress
 * note on it (`actie 1 voortgang …`) and a contribution in a deliberation thread. Then no span that
 * must disappear is in the SQLite file or its -wal, the logs, the LLM requests or anything the bot
 * said, other than the spans the redaction itself leaves (corpus-rt5.test.ts lists those): the paths
 * add no leak of their own. An @mention ("@pieter.hendriks kan jij dit oppakken?") is a colleague the
 * platform names: the edge keeps it whole, as in red teams 2-4 (the console reads any "@word" as one).
 *
 * Fresh (before the fixes) and after: the places held no span but those the redaction itself left
 * and the mention the edge keeps by rule; the paths add no leak of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOnOtherPaths, startConsoleHarness, type ConsoleHarness } from './console-harness.ts';
import { measureRt5, RT5 } from './corpus-rt5-check.ts';
import { leaksIn } from './new-paths-leaks.ts';

// Every fifth message with personal data, from the third on (the answer path took every fifth from the first).
const SAMPLE = RT5.filter((e) => e.mustRedact.length > 0).filter((_, i) => i % 5 === 2).slice(0, 30);
const left = new Set(measureRt5().flatMap((r) => r.leaks));

// A surname that is also a word ("Mw. Zorg") is found in the harness's own texts: the network is
// called "Passende zorg". Those words are left out of the search.
const OWN_WORDS = new Set(['zorg']);

let harness: ConsoleHarness;

beforeAll(async () => {
  harness = await startConsoleHarness({ at: '2026-12-02T10:00:00+01:00', synthesis: 'De groep woog autonomie tegen veiligheid.' });
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('red team 5 on the action, progress-note and deliberation paths', () => {
  it('stores, logs, sends and says no span the redaction removes', async () => {
    expect(SAMPLE).toHaveLength(30);
    const where = await sendOnOtherPaths(harness, SAMPLE.map((e) => e.text));
    // An @mention is a colleague on the platform: the edge keeps the mentioned names (corpus-rt5.test.ts, KEPT_BY_RULE).
    const spans = SAMPLE.filter((e) => !/mention/.test(e.kind))
      .flatMap((e) => e.mustRedact)
      .filter((s) => !left.has(s) && s.replace(/\W/gu, '').length >= 4 && !OWN_WORDS.has(s.toLowerCase()));
    expect(leaksIn(where, spans, 4)).toEqual([]);
    expect(where.database + where.wal).toContain('[naam]');
    expect(where.logs).toContain('"msg":"turn handled"');
  }, 300_000);
});
