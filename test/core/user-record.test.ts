/**
 * The person's record (language, role, name) is read once per turn, by the core, and reaches the
 * features on the turn (`turn.preferences`): every store call of kind `user` is counted on a
 * wrapped document store under the real bot with every feature plugged in. A turn that changes
 * the record (`taal en`, `rol …`) reads it once more inside its read-modify-write; those turns
 * are not counted here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { AskEngine } from '../../src/ask/engine.ts';
import { USER_KIND } from '../../src/core/index.ts';
import type { DocumentStore } from '../../src/store/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** Counts the calls of each store method that touch records of `kind`. */
function countCalls(docs: DocumentStore, kind: string): { total(): number; reset(): void } {
  let calls = 0;
  const methods = ['read', 'create', 'replace', 'upsert', 'delete', 'query'] as const;
  for (const method of methods) {
    const original = (docs[method] as (...args: unknown[]) => unknown).bind(docs);
    (docs as unknown as Record<string, unknown>)[method] = (k: string, ...rest: unknown[]) => {
      if (k === kind) calls++;
      return original(k, ...rest);
    };
  }
  return { total: () => calls, reset: () => void (calls = 0) };
}

describe('the user record, once per turn', () => {
  let h: Harness;
  let reads: ReturnType<typeof countCalls>;
  /** Sends one turn and returns its output with the number of user-record calls it made. */
  const counted = async (turn: () => Promise<ConsoleOutput[]>) => {
    reads.reset();
    const out = await turn();
    return { out, reads: reads.total() };
  };
  beforeEach(async () => {
    h = await createHarness();
    reads = countCalls(h.app.store.docs, USER_KIND);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  it('reads it once for a question, in a direct message and in a channel, and the role reaches the answer', async () => {
    const answer = vi.spyOn(AskEngine.prototype, 'answer');
    await h.dm('anna', 'rol zorgkantoor');
    const dm = await counted(() => h.dm('anna', 'Wat doet het CCE?'));
    expect(dm.out[0].card?.title).toBeTruthy();
    expect(dm.reads).toBe(1);
    expect(answer.mock.calls.at(-1)?.[1]?.role).toBe('zorgkantoor');
    const channel = await counted(() => h.say('anna', 'c1', 'wegwijs wat is meerzorg?'));
    expect(channel.out.length).toBeGreaterThan(0);
    expect(channel.reads).toBe(1);
    expect(answer.mock.calls.at(-1)?.[1]?.role).toBe('zorgkantoor');
    // Someone without a record: still one read, and no role.
    const other = await counted(() => h.dm('bram', 'Wat doet het CCE?'));
    expect(other.reads).toBe(1);
    expect(answer.mock.calls.at(-1)?.[1]?.role).toBeUndefined();
  });

  it('reads it once for a button press (Meer uitleg, 👍) and shows the chosen role with a bare `rol`', async () => {
    await h.dm('anna', 'rol cliëntondersteuner');
    const [answered] = await h.dm('anna', 'Wat doet het CCE?');
    const more = answered.card!.buttons.find((b) => b.label === 'Meer uitleg')!;
    const shown = await counted(() => h.press('anna', { dm: true }, more.action));
    expect(shown.out[0].card?.title).toBe(answered.card!.title);
    expect(shown.reads).toBe(1);
    const up = answered.card!.buttons.find((b) => b.action.id === 'ask.up')!;
    expect((await counted(() => h.press('anna', { dm: true }, up.action))).reads).toBe(1);
    const role = await counted(() => h.dm('anna', 'rol'));
    expect(role.out[0].text).toMatch(/cliëntondersteuner/);
    expect(role.reads).toBe(1);
  });

  it('reads it once for `mijn gegevens`, which shows what the record holds', async () => {
    await h.dm('anna', 'taal en');
    await h.dm('anna', 'rol zorgkantoor');
    const exported = await counted(() => h.dm('anna', 'wegwijs mijn gegevens'));
    const text = exported.out.map((o) => o.text).join('\n');
    expect(text).toMatch(/English/);
    expect(text).toMatch(/Role: .*zorgkantoor/i);
    expect(exported.reads).toBe(1);
  });

  it('reads it once for a command of another feature and for chatter it ignores', async () => {
    expect((await counted(() => h.say('anna', 'c1', 'wegwijs hulp'))).reads).toBe(1);
    expect((await counted(() => h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"'))).reads).toBe(1);
    expect((await counted(() => h.say('anna', 'c1', 'wegwijs actie bel het zorgkantoor voor vrijdag'))).reads).toBe(1);
    const chatter = await counted(() => h.say('bram', 'c1', 'goedemorgen allemaal'));
    expect(chatter.out).toEqual([]);
    expect(chatter.reads).toBeLessThanOrEqual(1);
  });
});
