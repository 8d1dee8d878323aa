/**
 * A direct message has no channel of its own: the network a DM press or command works on must be
 * one of the person's own networks in their own tenant, never one a button value names. Here a
 * colleague in the same tenant who is in network "zuid" only tries to reach network "noord" by the
 * network choice and post buttons and by commands in a DM; a member of both gets the choice of both.
 * ("Vraag het netwerk" pressed by DM trusts the channel its value names only with the seal the bot
 * put on it: test/teams/sealed-values.test.ts, test/slack/sealed-values.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { peers, questionKey } from '../../src/peers/records.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const NOORD = 'console:local:noord';
const QUESTION = 'Hoe snel reageert het zorgkantoor Menzis op een pgb vraag?';
let h: Harness;
const said = (out: ConsoleOutput[]) => out.map((o) => `${o.text} ${o.card?.body ?? ''} ${JSON.stringify(o.card?.buttons ?? [])}`).join('\n');
const buttonsOf = (out: ConsoleOutput[], id: string) => out.flatMap((o) => o.card?.buttons ?? []).filter((b) => b.action.id === id);

beforeAll(async () => {
  h = await createHarness();
  await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord Geheim"');
  await h.say('fleur', 'noord', 'wegwijs actie Bel het zorgkantoor Noord');
  await h.say('mallory', 'zuid', 'wegwijs netwerk start "Zuid"');
  await h.say('mallory', 'zuid', 'wegwijs actie Eigen actie Zuid');
});
afterAll(() => h?.close());

describe('direct messages choose among the person’s own networks only', () => {
  it('refuses the network choice button naming a network the person is not in', async () => {
    const first = await h.press('mallory', { dm: true }, { id: 'peers.ask', value: { t: QUESTION, lang: 'nl' } });
    const post = buttonsOf(first, 'peers.post')[0] ?? buttonsOf(first, 'peers.choose')[0];
    expect(post).toBeDefined();
    const pending = (post!.action.value as { p: string }).p;
    const forged = await h.press('mallory', { dm: true }, { id: 'peers.choose', value: { p: pending, n: NOORD } });
    expect(said(forged)).toContain(h.app.services.catalog.t('nl', 'core.not_yours'));
    const posted = await h.press('mallory', { dm: true }, { id: 'peers.post', value: { p: pending, n: NOORD } });
    expect(said(posted)).not.toContain('Noord Geheim');
    expect(await peers(h.app.services).get(NOORD, questionKey(1))).toBeUndefined();
  });

  it('lists only the person’s own networks and actions in a DM', async () => {
    const out = [...(await h.dm('mallory', 'wegwijs mijn acties')), ...(await h.dm('mallory', 'wegwijs mijn gegevens'))];
    expect(said(out)).toContain('Eigen actie Zuid');
    expect(said(out)).not.toContain('Noord');
  });

  it('offers a member of two networks both, and posts in the one chosen', async () => {
    await h.say('mallory', 'noord', 'wegwijs actie Mallory doet nu mee in Noord');
    const out = await h.press('mallory', { dm: true }, { id: 'peers.ask', value: { t: QUESTION, lang: 'nl' } });
    const names = buttonsOf(out, 'peers.choose').map((b) => b.label);
    expect(names.sort()).toEqual(['Noord Geheim', 'Zuid']);
  });
});
