/**
 * Feedback that comes back: a 👎 with its reason and the network's eventual answer side by side in
 * `wegwijs kb gaps`, closed by a curator with the card that now answers it. And the network's
 * choice to answer in public (`wegwijs netwerk antwoorden openbaar`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { runInProcess } from '../helpers/cli.ts';
import { NETWORK_ANSWER, buttonOf, peersFeatures } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('curation and the answer setting', () => {
  it('shows the thumbs-down reason next to the network answer in kb gaps, and closes the gap with a card', async () => {
    h = await createHarness({ start: '2026-11-18T10:00:00+01:00', features: peersFeatures });
    await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord"');
    const [answer] = await h.say('anna', 'noord', 'wegwijs Wat doet het CCE?');
    expect(answer).toMatchObject({ private: true, to: 'anna' });
    const cardId = String(buttonOf([answer], 'ask.down').value?.card);
    const [why, offer] = await h.press('anna', { channel: 'noord' }, buttonOf([answer], 'ask.down'));
    await h.press('anna', { channel: 'noord' }, buttonOf([why], 'Klopt niet'));
    expect(offer.card!.buttons.map((b) => b.label)).toEqual(['Vraag het netwerk']);
    const confirm = await h.press('anna', { channel: 'noord' }, buttonOf([offer], 'peers.ask'));
    const posted = await h.press('anna', { channel: 'noord' }, buttonOf(confirm, 'Plaats anoniem'));
    const card = posted.find((o) => o.card?.title?.startsWith('🙋'))!;
    expect(card.text).toContain('Wat doet het CCE?');
    // Nobody said they know about the CCE: the facilitator is tagged.
    expect(card.text).toContain('@fleur');
    await h.say('bram', 'noord', NETWORK_ANSWER, card.id);
    await h.press('anna', { channel: 'noord' }, buttonOf([card], 'peers.resolve'));

    const env = { WEGWIJS_DATA_DIR: h.dataDir };
    const gaps = await runInProcess(['kb', 'gaps'], { env });
    expect(gaps.stdout).toContain('Wat doet het CCE?');
    expect(gaps.stdout).toMatch(/👎 1 \(wrong 1\)/);
    expect(gaps.stdout).toContain('network answer (draft 1, Noord): In onze regio reageert');
    const id = /id (q-[0-9a-f]{20})/.exec(gaps.stdout)![1];

    expect((await runInProcess(['kb', 'gaps', 'close', id, 'no-such-card'], { env })).code).toBe(1);
    const closed = await runInProcess(['kb', 'gaps', 'close', id, cardId], { env });
    expect(closed.code).toBe(0);
    expect((await runInProcess(['kb', 'gaps'], { env })).stdout).not.toContain('Wat doet het CCE?');
    expect((await runInProcess(['kb', 'gaps', '--all'], { env })).stdout).toContain(`closed with card ${cardId}`);
  });

  it('answers in public once a facilitator says so, and privately again when set back', async () => {
    h = await createHarness({ start: '2026-11-18T10:00:00+01:00', features: peersFeatures });
    await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord"');
    const [current] = await h.say('bram', 'noord', 'wegwijs netwerk antwoorden');
    expect(current.text).toContain('eerst privé');
    const [refused] = await h.say('bram', 'noord', 'wegwijs netwerk antwoorden openbaar');
    expect(refused.text).toContain('alleen een facilitator');
    await h.say('fleur', 'noord', 'wegwijs netwerk antwoorden openbaar');
    const [open] = await h.say('bram', 'noord', 'wegwijs Wat doet het CCE?');
    expect(open).toMatchObject({ channel: 'noord' });
    expect(open.private).toBeUndefined();
    expect(open.card!.buttons.map((b) => b.action.id)).not.toContain('ask.share');
    // Other channels keep the default.
    const [elsewhere] = await h.say('bram', 'zuid', 'wegwijs Wat doet het CCE?');
    expect(elsewhere.private).toBe(true);
    await h.say('fleur', 'noord', 'wegwijs netwerk antwoorden privé');
    const [again] = await h.say('bram', 'noord', 'wegwijs Wat doet het CCE?');
    expect(again.private).toBe(true);
    // A direct message stays as it was: no share button.
    const [dm] = await h.dm('bram', 'Wat doet het CCE?');
    expect(dm.card!.buttons.map((b) => b.action.id)).not.toContain('ask.share');
  });
});
