/**
 * Found by walking through a crazy eight as its users would (QA): second presses, late presses and
 * a participant typing a facilitator's command get an answer that fits what happened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const CHANNEL = 'casuslab';
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-12-07T10:00:00+01:00' });
});
afterEach(() => h.close());

function buttonOf(out: ConsoleOutput[], label: string, to?: string) {
  const found = [...out].reverse().find((o) => o.card?.buttons.some((b) => b.label === label) && (!to || o.to === to));
  const b = found?.card?.buttons.find((x) => x.label === label);
  if (!b) throw new Error(`no button "${label}"`);
  return b.action;
}
const pressIn = (user: string, label: string, inputs?: Record<string, string>) => h.press(user, { channel: CHANNEL }, { ...buttonOf(h.outputs, label), ...(inputs ? { inputs } : {}) });
const pressDm = (user: string, label: string, inputs?: Record<string, string>) => h.press(user, { dm: true }, { ...buttonOf(h.outputs, label, user), ...(inputs ? { inputs } : {}) });
const privateText = (out: ConsoleOutput[], user: string) => out.filter((o) => o.private && o.to === user).map((o) => o.text).join('\n');

async function open() {
  const out = await h.say('fleur', CHANNEL, 'wegwijs crazy eight start Cliënt met korsakov; geen aanbieder wil hem opnemen.');
  return out.find((o) => o.card?.title === 'Crazy eight #1')!.id;
}

async function revealed() {
  const thread = await open();
  await pressIn('anna', 'Doe mee');
  await pressIn('fleur', 'Start de acht minuten');
  await pressDm('anna', 'Insturen', { ideas: 'Logeeropvang regelen\nCCE consultatie aanvragen\nBroer vragen mee te denken' });
  await pressIn('fleur', 'Toon alle ideeën');
  return thread;
}

describe('crazy eight walkthrough: what a user sees on odd presses', () => {
  it('tells someone who presses Doe mee twice that they are already in', async () => {
    await open();
    expect(privateText(await pressIn('anna', 'Doe mee'), 'anna')).toMatch(/^Je doet mee/);
    expect(privateText(await pressIn('anna', 'Doe mee'), 'anna')).toMatch(/Je doet al mee/);
  });

  it('says the time is already paused (or running), not that the session moved on', async () => {
    await open();
    await pressIn('anna', 'Doe mee');
    await pressIn('fleur', 'Start de acht minuten');
    const pause = buttonOf(h.outputs, 'Pauze');
    await h.press('fleur', { channel: CHANNEL }, pause);
    const again = privateText(await h.press('fleur', { channel: CHANNEL }, pause), 'fleur');
    expect(again).toMatch(/al op pauze/);
    const resume = buttonOf(h.outputs, 'Verder');
    await h.press('fleur', { channel: CHANNEL }, resume);
    expect(privateText(await h.press('fleur', { channel: CHANNEL }, resume), 'fleur')).toMatch(/loopt al/);
  });

  it('answers a participant who types a facilitator command, and ignores ordinary chat', async () => {
    const thread = await revealed();
    const typed = await h.say('anna', CHANNEL, 'verwijder 3', thread);
    expect(privateText(typed, 'anna')).toMatch(/gespreksleider/);
    const chat = await h.say('anna', CHANNEL, 'mooie ideeën allemaal', thread);
    expect(chat.filter((o) => o.to === 'anna')).toHaveLength(0);
    // The idea is still there: only the facilitator removes.
    const removed = await h.say('fleur', CHANNEL, 'verwijder 3', thread);
    expect(removed.map((o) => o.text).join('\n')).toContain('Idee 3 is verwijderd');
    // The channel card counts what is left.
    const card = removed.find((o) => o.update && o.card?.title === 'Crazy eight #1');
    expect(card?.card?.body).toMatch(/Ideeën: 2 ideeën/);
  });

  it('says a finished session is over when Afronden is pressed again', async () => {
    await revealed();
    await pressIn('fleur', 'Start het scoren');
    await pressIn('fleur', 'Toon de impactmatrix');
    const finish = buttonOf(h.outputs, 'Afronden');
    await h.press('fleur', { channel: CHANNEL }, finish);
    const again = privateText(await h.press('fleur', { channel: CHANNEL }, finish), 'fleur');
    expect(again).toMatch(/al afgelopen/);
    expect(privateText(await pressIn('bram', 'Doe mee'), 'bram')).toMatch(/al afgelopen/);
  });

  it('keeps the date of a choice in the report, also in a channel without an action log', async () => {
    const thread = await revealed();
    await pressIn('fleur', 'Start het scoren');
    await pressIn('fleur', 'Toon de impactmatrix');
    await h.say('fleur', CHANNEL, 'kies 1 @bram voor vrijdag', thread);
    await h.say('fleur', CHANNEL, 'kies 2 eind januari', thread);
    await h.say('fleur', CHANNEL, 'kies 3', thread);
    const report = (await pressIn('fleur', 'Afronden')).find((o) => o.text.startsWith('**Verslag'))!.text;
    expect(report).toMatch(/^- 1\. .*\(@bram, voor vr 11 dec\)$/m);
    expect(report).toMatch(/^- 2\. .*\(voor vr 29 jan\)$/m); // end of January 2027 is a Sunday: its last working day
    expect(report).toMatch(/^- 3\. [^(]*$/m);
  });
});
