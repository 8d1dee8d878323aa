import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { CHANNEL, newCards, press, startSession, step, texts } from './session-helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
});
afterEach(() => h.close());

describe('deliberation time', () => {
  it('says once, in the thread, that the time box is over; the facilitator decides', async () => {
    const { thread } = await startSession(h);
    expect(texts(await h.at('2026-11-23T09:02:00+01:00'))).not.toMatch(/De tijd voor/);
    const over = await h.at('2026-11-23T09:03:30+01:00');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ channel: CHANNEL, thread });
    expect(over[0].text).toMatch(/De tijd voor "Casus" \(3 min\) is om sinds 09:03\. anna, jij beslist/);
    expect(await h.at('2026-11-23T09:05:00+01:00')).toHaveLength(0);
    // Still at step 1: the bot does not move on by itself.
    expect(newCards(h.outputs, 'Stap 2')).toHaveLength(0);
    // Extending gives a new warning when the extra time is over.
    await press(h, 'anna', 'extend', step(thread, 0));
    expect(texts(await h.at('2026-11-23T09:10:30+01:00'))).toMatch(/De tijd voor "Casus"/);
  });

  it('pauses a session after 24 hours without activity, once, and resumes it', async () => {
    const { thread } = await startSession(h);
    await h.say('bram', CHANNEL, 'Een casus.', thread);
    await h.at('2026-11-23T09:10:00+01:00');
    expect(texts(await h.at('2026-11-24T08:59:00+01:00'))).not.toMatch(/24 uur/);
    const paused = await h.at('2026-11-24T09:00:00+01:00');
    const notice = paused.find((o) => !o.update && /24 uur stil/.test(o.text))!;
    expect(paused.find((o) => o.update)?.text).toMatch(/gepauzeerd omdat het 24 uur stil was/);
    expect(notice).toMatchObject({ thread });
    expect(notice.card!.buttons.map((b) => b.label)).toEqual(['Hervatten']);
    expect(await h.at('2026-11-25T09:00:00+01:00')).toHaveLength(0);

    const refused = await h.press('bram', { channel: CHANNEL }, notice.card!.buttons[0].action);
    expect(texts(refused)).toMatch(/Alleen de gespreksleider/);
    const resumed = await h.press('anna', { channel: CHANNEL }, notice.card!.buttons[0].action);
    expect(texts(resumed)).toMatch(/gaat verder/);
    const moved = await press(h, 'anna', 'next', step(thread, 0));
    expect(newCards(moved, 'Stap 2 van 7')).toHaveLength(1);
  });
});
