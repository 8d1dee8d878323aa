/** Slips a facilitator met in a week of deliberations (issue 15), on the in-process harness. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isReactionOnly } from '../../src/deliberate/contributions.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { CHANNEL, newCards, press, privateTo, startSession, step, storedSession, texts } from './session-helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
});
afterEach(() => h.close());

const stored = (thread: string) => storedSession(h, thread);

describe('reactions are no contributions', () => {
  it.each(['👍', '👍🏽', ':+1:', '+1', '🙏 👏', '!!', '❤️'])('"%s" is a reaction', (text) => {
    expect(isReactionOnly(text)).toBe(true);
  });
  it.each(['eens 👍', '4', 'Ik kies thuis', 'ok'])('"%s" is said', (text) => {
    expect(isReactionOnly(text)).toBe(false);
  });

  it('does not store a 👍 in the thread nor name its sender as contributor', async () => {
    const { thread } = await startSession(h);
    const out = await h.say('bram', CHANNEL, '👍', thread);
    expect(out.filter((o) => o.update)).toEqual([]);
    expect((await stored(thread)).contributions).toHaveLength(0);
    await h.say('carla', CHANNEL, 'De cliënt wil thuis blijven.', thread);
    expect((await stored(thread)).contributions.map((c: { name: string }) => c.name)).toEqual(['carla']);
  });
});

describe('a question to the bot inside a session thread', () => {
  it('is answered as a question and not recorded as a note', async () => {
    const { thread } = await startSession(h);
    const out = await h.say('bram', CHANNEL, 'wegwijs wat is meerzorg?', thread);
    expect((await stored(thread)).contributions).toHaveLength(0);
    // Answered (the ask feature answers privately first, with a button to share it in the channel).
    expect(texts(out.filter((o) => !o.update))).toMatch(/meerzorg/i);
    expect(texts(out)).not.toMatch(/leeg bericht/);
    // Without the bot's name the same words are a contribution.
    await h.say('bram', CHANNEL, 'Wat is eigenlijk het probleem hier?', thread);
    expect((await stored(thread)).contributions).toHaveLength(1);
  });
});

describe('ending and guidance', () => {
  it('asks the facilitator before ending early, and carries on after "no"', async () => {
    const { thread } = await startSession(h);
    const asked = await press(h, 'anna', 'end', step(thread, 0));
    expect(newCards(asked, 'Verslag')).toHaveLength(0);
    const [confirm] = privateTo(asked, 'anna');
    expect(confirm.text).toMatch(/Weet je zeker dat je het beraad nu wilt beëindigen, bij stap 1/);
    // Someone else cannot end it, with or without the question.
    expect(texts(await press(h, 'bram', 'end', step(thread, 0)))).toMatch(/Alleen de gespreksleider/);
    const no = await h.press('anna', { channel: CHANNEL }, confirm.card!.buttons.find((b) => b.label === 'Nee, we gaan door')!.action);
    expect(texts(no)).toMatch(/gaat door/);
    expect((await stored(thread)).status).toBe('active');
    const yes = await h.press('anna', { channel: CHANNEL }, confirm.card!.buttons.find((b) => b.label === 'Ja, nu beëindigen')!.action);
    expect(newCards(yes, 'Verslag')).toHaveLength(1);
    expect((await stored(thread)).status).toBe('ended');
  });

  it('sends the guidance privately to the facilitator, not on the shared step card', async () => {
    const { thread, out } = await startSession(h);
    const card = out.find((o) => o.card?.title?.startsWith('Stap 1'))!;
    expect(card.text).not.toMatch(/gespreksleider \(anna\): Vraag/);
    const guidance = privateTo(out, 'anna');
    expect(guidance.map((o) => o.text).join('\n')).toMatch(/Alleen voor jou als gespreksleider, bij stap 1 .*Vraag naar het moment/);
    const next = await press(h, 'anna', 'next', step(thread, 0));
    expect(privateTo(next, 'anna').map((o) => o.text).join('\n')).toMatch(/bij stap 2/);
    expect(next.filter((o) => o.private && o.to !== 'anna')).toEqual([]);
  });
});

describe('anonymous input', () => {
  it('names the running session code, and the anonymous choice reaches the report', async () => {
    expect(texts(await h.dm('carla', 'wegwijs beraad anoniem Ik kies thuis'))).toMatch(/geen moreel beraad/);
    const { thread } = await startSession(h);
    const hint = texts(await h.dm('carla', 'wegwijs beraad anoniem Ik kies thuis'));
    expect(hint).toContain('#1');
    expect(hint).not.toContain('#3');
    for (let i = 0; i < 4; i++) await press(h, 'anna', 'next', step(thread, i));
    expect(texts(await h.dm('carla', 'wegwijs beraad anoniem #1 Ik kies thuis, met alarmering'))).toMatch(/zonder naam/);
    for (let i = 4; i < 6; i++) await press(h, 'anna', 'next', step(thread, i));
    const ended = await press(h, 'anna', 'end', step(thread, 6));
    const report = newCards(ended, 'Verslag')[0];
    expect(report.text).toMatch(/\*\*Keuzes\*\*\n- anoniem: Ik kies thuis, met alarmering/);
  });
});
