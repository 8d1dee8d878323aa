/**
 * "Denk mee" posts an idea in the network's channel. By direct message the payload alone names
 * the network, so there only its members and facilitators may use it: a colleague of the same
 * tenant outside the network who forges the button or its form's submit by DM, or re-points the
 * form of their own network at another, posts nothing; in the channel anyone still may, and a
 * member still may by DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const NOORD = 'console:local:noord';
const ZUID = 'console:local:zuid';
let h: Harness;
const said = (out: ConsoleOutput[]) => out.map((o) => `${o.text} ${o.card?.body ?? ''}`).join('\n');
/** What went into a network's channel (not privately, not by DM). */
const inChannel = (out: ConsoleOutput[]) => out.filter((o) => !o.dm && !o.private);
const submitOf = (out: ConsoleOutput[]) => out.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'actions.think_submit')!.action;

beforeAll(async () => {
  h = await createHarness();
  await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord Geheim"');
  await h.say('fleur', 'noord', 'wegwijs actie Bel het zorgkantoor Noord');
  await h.say('fleur', 'noord', 'wegwijs actie 1 vast');
  await h.say('mallory', 'zuid', 'wegwijs netwerk start "Zuid"');
  await h.say('mallory', 'zuid', 'wegwijs actie Eigen actie Zuid');
});
afterAll(() => h?.close());

describe('"Denk mee" by direct message', () => {
  it('posts nothing in a network for a forged or re-pointed submit from someone outside it', async () => {
    const notYours = h.app.services.catalog.t('nl', 'core.not_yours');
    const own = submitOf(await h.press('mallory', { channel: 'zuid' }, { id: 'actions.think', value: { network: ZUID, n: 1 } }));
    const values: Record<string, string | number | boolean | null>[] = [{ network: NOORD, n: 1 }, { ...own.value, network: NOORD }];
    for (const value of values) {
      for (const id of ['actions.think', 'actions.think_submit']) {
        const out = await h.press('mallory', { dm: true }, { id, value, inputs: { idea: 'Ingebroken idee' } });
        expect(said(out), id).toContain(notYours);
        expect(inChannel(out), id).toEqual([]);
      }
    }
    expect(h.outputs.map((o) => o.text).join('\n')).not.toContain('Ingebroken idee');
  });

  it('takes the idea of someone in the channel (no member record) there, and of a member by DM', async () => {
    expect(await h.app.store.members.get(NOORD, 'carla')).toBeUndefined();
    const form = await h.press('carla', { channel: 'noord' }, { id: 'actions.think', value: { network: NOORD, n: 1 } });
    const out = await h.press('carla', { channel: 'noord' }, { ...submitOf(form), inputs: { idea: 'Bel eens met de zorgbemiddelaar.' } });
    expect(said(inChannel(out))).toContain('Bel eens met de zorgbemiddelaar.');
    const byDm = await h.press('fleur', { dm: true }, { ...submitOf(form), inputs: { idea: 'Vraag het wijkteam om mee te denken.' } });
    expect(said(inChannel(byDm))).toContain('Vraag het wijkteam om mee te denken.');
  });
});
