/**
 * "Denk mee" posts an idea in the network's channel. Its form comes back by direct message on
 * Teams (a dialog), where the payload alone names the network; so the form carries a seal made
 * when it was opened from the network's channel (src/core/seal.ts). A colleague of the same tenant
 * outside the network who forges the submit by DM, or re-points a sealed form of their own network
 * at another, posts nothing; someone in the channel (no member record) still gets their idea in.
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
    expect(own.value?.seal).toMatch(/^seal:/);
    for (const value of [{ network: NOORD, n: 1 }, { ...own.value, network: NOORD }]) {
      for (const id of ['actions.think', 'actions.think_submit']) {
        const out = await h.press('mallory', { dm: true }, { id, value, inputs: { idea: 'Ingebroken idee' } });
        expect(said(out), id).toContain(notYours);
        expect(inChannel(out), id).toEqual([]);
      }
    }
    expect(h.outputs.map((o) => o.text).join('\n')).not.toContain('Ingebroken idee');
  });

  it('takes the idea of someone in the channel from the sealed form, pressed by DM as on Teams', async () => {
    const form = await h.press('carla', { channel: 'noord' }, { id: 'actions.think', value: { network: NOORD, n: 1 } });
    const out = await h.press('carla', { dm: true }, { ...submitOf(form), inputs: { idea: 'Bel eens met de zorgbemiddelaar.' } });
    expect(said(inChannel(out))).toContain('Bel eens met de zorgbemiddelaar.');
  });
});
