/**
 * A deliberation button pressed by direct message names its session (and network) in the payload
 * only. In a written (asynchronous) session people answer from their direct messages, and such an
 * answer is posted in the session's thread: a colleague of the same tenant who is not in the
 * network must not answer, vote, rate or join there; a member of the network still may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import type { IncomingAction } from '../../src/core/index.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const NOORD = 'console:local:noord';
let h: Harness;
let s: string;
const said = (out: ConsoleOutput[]) => out.map((o) => `${o.text} ${o.card?.body ?? ''}`).join('\n');
const session = async () => (await h.app.store.collection('deliberation', SessionSchema).get(NOORD, s))!.data;
/** What went into Noord's channel (not privately, not by DM). */
const inNoord = (out: ConsoleOutput[]) => out.filter((o) => !o.dm && !o.private);

beforeAll(async () => {
  h = await createHarness();
  await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord Geheim"');
  await h.say('bram', 'noord', 'wegwijs actie Bram doet mee in Noord');
  await h.say('mallory', 'zuid', 'wegwijs netwerk start "Zuid"');
  const out = await h.say('fleur', 'noord', 'wegwijs beraad start kort async 8u');
  s = out.find((o) => o.card?.title?.startsWith('Moreel beraad'))!.id;
  expect((await session()).mode).toBe('async');
});
afterAll(() => h?.close());

describe('deliberation buttons by direct message', () => {
  it('keeps a colleague outside the network out of its session: no answer in its thread, no vote, rating or join', async () => {
    const before = await session();
    const notFound = h.app.services.catalog.t('nl', 'deliberate.error.not_found');
    const forged: IncomingAction[] = [
      { id: 'deliberate.submit', value: { s, i: 0 }, inputs: { answer: 'Ingebroken bijdrage', as: 'named' } },
      { id: 'deliberate.answer', value: { s, i: 0 } },
      { id: 'deliberate.vote', value: { s, i: 0, o: 'x' } },
      { id: 'deliberate.rate', value: { s, i: 0, n: 5, net: NOORD } },
      { id: 'deliberate.join', value: { s, net: NOORD } },
    ];
    for (const action of forged) {
      const out = await h.press('mallory', { dm: true }, action);
      expect(said(out), action.id).toContain(notFound);
      expect(inNoord(out), action.id).toEqual([]);
      expect(said(out), action.id).not.toContain('Noord Geheim');
    }
    const after = await session();
    expect(after.contributions).toEqual(before.contributions);
    expect(after.participants).toEqual(before.participants);
    expect(after.version).toBe(before.version);
  });

  it('lets a member of the network answer from a direct message, into the thread', async () => {
    const out = await h.press('bram', { dm: true }, { id: 'deliberate.submit', value: { s, i: 0 }, inputs: { answer: 'De cliënt wil thuis blijven wonen.', as: 'named' } });
    expect(said(inNoord(out))).toContain('De cliënt wil thuis blijven wonen.');
    expect((await session()).contributions.map((c) => c.userId)).toContain('bram');
  });
});
