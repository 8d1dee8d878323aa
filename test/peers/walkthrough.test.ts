/**
 * Found by walking through "Vraag het netwerk" as its users would (QA): the card and its reminder
 * speak to one tagged knower as one person ("jij weet") and to several as a group ("jullie weten").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { UNKNOWN_QUESTION, buttonOf } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function postQuestion(harness: Harness) {
  const refusal = await harness.say('anna', 'noord', `wegwijs ${UNKNOWN_QUESTION}`);
  const confirm = await harness.press('anna', { channel: 'noord' }, buttonOf(refusal, 'peers.ask'));
  const posted = await harness.press('anna', { channel: 'noord' }, buttonOf(confirm, 'Plaats anoniem'));
  return posted.find((o) => o.channel === 'noord' && !o.private)!;
}

describe('peers walkthrough: who is addressed', () => {
  it('addresses one knower as one person, on the card and in the reminder', async () => {
    h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord"');
    await h.say('bram', 'noord', 'wegwijs ik weet van pgb');
    const card = await postQuestion(h);
    expect(card.text).toMatch(/@bram, jij weet hier meer van/);
    expect(card.text).not.toMatch(/jullie/);
    const reminded = await h.at('2026-12-04T10:00:00+01:00');
    const reminder = reminded.find((o) => o.thread === card.id && o.text.includes('staat nog open'));
    expect(reminder?.text).toMatch(/@bram, weet jij iets\?/);
  });

  it('addresses several knowers as a group', async () => {
    h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord"');
    await h.say('bram', 'noord', 'wegwijs ik weet van pgb');
    await h.say('carla', 'noord', 'wegwijs ik weet van pgb, zorgkantoor');
    const card = await postQuestion(h);
    expect(card.text).toMatch(/jullie weten hier meer van: willen jullie reageren/);
  });

  it('goes on in English after an English question, from the choice of network to the confirmation', async () => {
    h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    for (const channel of ['noord', 'oost']) {
      await h.say('fleur', channel, `wegwijs netwerk start "${channel}"`);
      await h.say('anna', channel, 'wegwijs actie iets doen');
    }
    const refusal = await h.dm('anna', 'How quickly does the Menzis care office answer a question about a personal budget?');
    expect(refusal[0].text).toMatch(/not sure/i);
    const which = await h.press('anna', { dm: true }, buttonOf(refusal, 'peers.ask'));
    expect(which[0].card?.title).toMatch(/network/i);
    expect(which[0].card?.title).not.toMatch(/netwerk\?/);
    const confirm = await h.press('anna', { dm: true }, buttonOf(which, 'oost'));
    const body = `${confirm[0].card?.title}\n${confirm[0].card?.body}`;
    expect(body).toMatch(/Ask the network/);
    expect(body).not.toMatch(/Dit wordt gepost/);
  });
});
