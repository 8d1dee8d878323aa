/**
 * Found by walking through a deliberation as its users would (QA, not tuned on a test phrase):
 * second presses and out-of-turn presses get an answer that fits what happened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { CHANNEL, press, privateTo, startSession, step, storedSession } from './session-helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-23T09:00:00+01:00' });
});
afterEach(() => h.close());

async function toStep(thread: string, target: number) {
  for (let i = 0; i < target; i++) await press(h, 'anna', 'next', step(thread, i));
}

describe('deliberation walkthrough: what a user sees on odd presses', () => {
  it('says the answers are already shown when Toon alles is pressed twice, not that the card is old', async () => {
    const { thread } = await startSession(h);
    await toStep(thread, 4); // the blind choice step of kort
    await press(h, 'anna', 'reveal', step(thread, 4));
    const again = privateTo(await press(h, 'anna', 'reveal', step(thread, 4)), 'anna');
    expect(again.map((o) => o.text).join('\n')).toMatch(/al getoond/);
    expect(again.map((o) => o.text).join('\n')).not.toMatch(/eerdere stap/);
    // A card of an earlier step is still called stale.
    const old = privateTo(await press(h, 'anna', 'reveal', step(thread, 3)), 'anna');
    expect(old.map((o) => o.text).join('\n')).toMatch(/eerdere stap|niet/);
  });

  it('tells someone who joins twice that they already take part', async () => {
    const { thread } = await startSession(h);
    const first = privateTo(await press(h, 'bram', 'join', { s: thread }), 'bram')[0].text;
    const second = privateTo(await press(h, 'bram', 'join', { s: thread }), 'bram')[0].text;
    expect(first).toMatch(/Je doet mee/);
    expect(second).toMatch(/Je doet al mee/);
  });

  it('says a score off the 1–5 scale was not recorded, and keeps the words', async () => {
    const { thread } = await startSession(h);
    await toStep(thread, 6); // the rating step of kort
    for (const [user, text] of [['bram', '6 super'], ['carla', '8/10 fijn'], ['dirk', '0']]) {
      const out = privateTo(await h.say(user, CHANNEL, text, thread), user);
      expect(out.map((o) => o.text).join('\n')).toMatch(/van 1 tot 5/);
    }
    const ok = privateTo(await h.say('erik', CHANNEL, '4, goed gesprek', thread), 'erik');
    expect(ok.map((o) => o.text).join('\n')).not.toMatch(/van 1 tot 5/);
    const session = await storedSession(h, thread);
    expect(session.ratings.map((r: { userId: string }) => r.userId)).toEqual(['erik']);
    expect(session.contributions.some((c: { text: string }) => c.text === '6 super')).toBe(true);
  });

  it('counts a rating typed in the thread once, as a rating, and keeps only the words after it as a remark', async () => {
    const { thread } = await startSession(h);
    await toStep(thread, 6); // the rating step of kort
    await h.say('bram', CHANNEL, '4/5', thread);
    await h.say('carla', CHANNEL, '3 - iets te kort', thread);
    const session = await storedSession(h, thread);
    expect(session.ratings.map((r: { userId: string; score: number }) => [r.userId, r.score])).toEqual([['bram', 4], ['carla', 3]]);
    const remarks = session.contributions.filter((c: { step: number }) => c.step === 6).map((c: { text: string }) => c.text);
    expect(remarks).toEqual(['iets te kort']);
    const report = (await h.app.services.ports.deliberationReports!.report(`console:local:${CHANNEL}`, thread, 'md'))!;
    expect(report.match(/4\/5/g)).toHaveLength(1);
    expect(report.match(/3\/5/g)).toHaveLength(1);
  });

  it('puts an answer typed in the thread of a blind step in "Alle antwoorden" too', async () => {
    const { thread } = await startSession(h);
    await toStep(thread, 4); // the blind choice step of kort
    await h.say('dirk', CHANNEL, 'Ik kies verhuizen, om de veiligheid.', thread);
    await h.press('bram', { channel: CHANNEL }, { id: 'deliberate.submit', value: step(thread, 4), inputs: { answer: 'Thuis blijven, met hulp.', as: 'named' } });
    const shown = await press(h, 'anna', 'reveal', step(thread, 4));
    const all = shown.find((o) => o.card?.title?.startsWith('Alle antwoorden'))!;
    expect(all.text).toContain('dirk: Ik kies verhuizen, om de veiligheid.');
    expect(all.text).toContain('bram: Thuis blijven, met hulp.');
  });

  it('answers a non-facilitator who presses Verberg about hiding, not about steps', async () => {
    const { thread } = await startSession(h);
    await h.say('bram', CHANNEL, 'De cliënt wil thuis blijven.', thread);
    const session = await storedSession(h, thread);
    const out = privateTo(await press(h, 'carla', 'hide', { s: thread, c: session.contributions[0].id }), 'carla');
    expect(out[0].text).toMatch(/verbergen/);
    expect(out[0].text).not.toMatch(/volgende stap/);
    expect((await storedSession(h, thread)).contributions).toHaveLength(1);
  });

  it('says plainly that the last dot was given', async () => {
    const { thread } = await startSession(h);
    await press(h, 'anna', 'next', step(thread, 0));
    await press(h, 'anna', 'next', step(thread, 1));
    await press(h, 'anna', 'next', step(thread, 2));
    await h.say('bram', CHANNEL, 'thuis blijven\nlogeeropvang', thread);
    await press(h, 'anna', 'next', step(thread, 3));
    const session = await storedSession(h, thread);
    const option = `${session.contributions[0].id}:0`;
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) replies.push(privateTo(await press(h, 'bram', 'vote', { ...step(thread, 4), o: option }), 'bram')[0].text);
    expect(replies[0]).toMatch(/nog 2 van de 3/);
    expect(replies[2]).toMatch(/laatste/);
    expect(replies[2]).not.toMatch(/nog 0/);
  });

  it('reads a step time written out in words ("async twee dagen", "async one day")', async () => {
    for (const [typed, shown] of [['kort async twee dagen', /elke stap 2 werkdagen/], ['kort async acht uur', /elke stap 8 werkuur/], ['kort async one day', /elke stap 1 werkdag /]] as const) {
      const out = await h.say('anna', `c-${typed.length}-${typed.charCodeAt(11)}`, `wegwijs beraad start ${typed}`);
      const opening = out.find((o) => o.card?.title?.startsWith('Moreel beraad'));
      expect(opening, typed).toBeDefined();
      expect(opening!.card!.body).toMatch(shown);
    }
  });
});
