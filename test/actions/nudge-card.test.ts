/**
 * The weekly nudge as a card (console adapter, real SQLite, manual clock): wins first with real
 * mentions, one row of owner buttons per open action, "Denk mee" at stuck ones, the pair, the
 * network's open questions when the peers port offers them; the buttons are the owner's only,
 * "Mijn update" is a short form, and what is given on the card updates the card in place.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const isNudge = (o: ConsoleOutput) => o.channel === 'c1' && !o.private && o.text.startsWith('**Wekelijkse voortgang');
const NET = 'console:local:c1';

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.reverse()) await h.close();
  harnesses = [];
});

/** A network with Anna's open action (#1), Bram's stuck one (#2) and Carla's done this week (#3), nudged on Monday. */
async function week(): Promise<{ h: Harness; nudge: ConsoleOutput }> {
  const h = await createHarness({ start: '2026-11-18T10:00:00+01:00' });
  harnesses.push(h);
  await h.say('fleur', 'c1', 'wegwijs netwerk start "Passende plekken"');
  await h.send({ user: 'anna', name: 'Anna Smit', channel: 'c1', text: 'wegwijs actie Plek zoeken voor vrijdag' });
  await h.send({ user: 'bram', name: 'Bram de Vries', channel: 'c1', text: 'wegwijs actie Bel het zorgkantoor' });
  await h.send({ user: 'bram', name: 'Bram de Vries', channel: 'c1', text: 'wegwijs actie 2 vast wacht op terugbellen' });
  await h.send({ user: 'carla', name: 'Carla de Wit', channel: 'c1', text: 'wegwijs actie Vervoer regelen' });
  await h.send({ user: 'carla', name: 'Carla de Wit', channel: 'c1', text: 'wegwijs actie 3 klaar' });
  const outs = await h.at('2026-11-23T09:00:30+01:00');
  const nudge = outs.find(isNudge)!;
  expect(nudge).toBeDefined();
  return { h, nudge };
}

const buttonsOf = (o: ConsoleOutput) => o.card!.buttons;
const press = (o: ConsoleOutput, label: string, n: number) => buttonsOf(o).find((b) => b.label === label && b.action.value?.n === n)!.action;

describe('the weekly nudge card', () => {
  it('puts wins first, then one row of owner buttons per open action, Denk mee at stuck ones, then the pair', async () => {
    const { nudge } = await week();
    const text = nudge.text;
    const order = ['Eerst het goede nieuws', '@Carla de Wit heeft #3 "Vervoer regelen" afgerond', 'Lopende acties', '#1 Plek zoeken', 'Hier zit het even vast', '#2 Bel het zorgkantoor (@Bram de Vries): wacht op terugbellen', 'vragen jullie elkaar'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(buttonsOf(nudge).map((b) => `${b.label}:${b.action.id}:${b.action.value?.n}`)).toEqual([
      'Klaar:actions.done:1',
      'Loopt:actions.progress:1',
      'Vast:actions.stuck:1',
      'Mijn update:actions.update:1',
      'Denk mee:actions.think:2',
    ]);
    expect(buttonsOf(nudge)[0].action.value).toEqual({ network: NET, n: 1, nudge: true });
    // No open-question section without the peers feature's port; never a ranking.
    expect(text).not.toMatch(/wachten nog op een antwoord|wacht nog op een antwoord/);
    expect(text).not.toMatch(/ranking|\b1e\b|eerste plaats|meeste/i);
  });

  it('marks an open action whose date has passed as overdue, kindly, and one still ahead as plainly due', async () => {
    const { h, nudge } = await week();
    // #1 was due Friday 20 November; the card goes out on Monday 23 November.
    expect(nudge.text).toContain('#1 Plek zoeken (⏳ de datum vr 20 nov is voorbij; een nieuwe datum kiezen is ook een stap)');
    expect(nudge.text).not.toMatch(/te laat|achterstand|vergeten|schuld/i);
    await h.send({ user: 'anna', name: 'Anna Smit', channel: 'c1', text: 'wegwijs actie 1 later 25-11' });
    await h.send({ user: 'anna', name: 'Anna Smit', channel: 'c1', text: 'wegwijs actie Verslag delen voor 30-11' });
    const next = (await h.at('2026-11-30T09:00:30+01:00')).find(isNudge)!;
    expect(next.text).toContain('#1 Plek zoeken (⏳ de datum wo 25 nov is voorbij');
    // Due on the day the card goes out is not overdue.
    expect(next.text).toContain('#4 Verslag delen (voor ma 30 nov)');
    await h.send({ user: 'anna', name: 'Anna Smit', channel: 'c1', text: 'wegwijs actie 1 later 10-12' });
    const third = (await h.at('2026-12-07T09:00:30+01:00')).find(isNudge)!;
    expect(third.text).toContain('#1 Plek zoeken (voor do 10 dec)');
  });

  it('gives a friendly refusal to anyone but the owner, and changes nothing', async () => {
    const { h, nudge } = await week();
    const outs = await h.press('bram', { channel: 'c1' }, press(nudge, 'Klaar', 1));
    expect(outs).toHaveLength(1);
    expect(outs[0]).toMatchObject({ private: true, to: 'bram' });
    expect(outs[0].text).toContain('Deze knoppen bij #1 zijn voor @Anna Smit');
    // Also a facilitator: the card's buttons are the owner's.
    const fleur = await h.press('fleur', { channel: 'c1' }, press(nudge, 'Mijn update', 1));
    expect(fleur.map((o) => o.text).join('\n')).toContain('zijn voor @Anna Smit');
    expect((await h.say('fleur', 'c1', 'wegwijs acties'))[0].text).toContain('#1 Plek zoeken (Anna Smit, open');
  });

  it('updates the card in place when the owner presses Loopt, then Klaar', async () => {
    const { h, nudge } = await week();
    h.clock.set('2026-11-23T11:00:00+01:00');
    const loopt = await h.press('anna', { channel: 'c1' }, press(nudge, 'Loopt', 1));
    const updated = loopt.find((o) => o.update)!;
    expect(updated.id).toBe(nudge.id);
    expect(updated.text).toContain('@Anna Smit zette een stap bij #1 "Plek zoeken"');
    expect(updated.text).toContain('#1 Plek zoeken (⏳ de datum vr 20 nov is voorbij; een nieuwe datum kiezen is ook een stap): 🌱 bijgewerkt, dank je!');
    expect(loopt.find((o) => o.private)?.to).toBe('anna');
    const klaar = await h.press('anna', { channel: 'c1' }, press(updated, 'Klaar', 1));
    const done = klaar.find((o) => o.update)!;
    expect(done.id).toBe(nudge.id);
    expect(done.text).toContain('🎉 @Anna Smit heeft #1 "Plek zoeken" afgerond');
    expect(done.text).not.toContain('Lopende acties');
    expect(buttonsOf(done).map((b) => b.label)).toEqual(['Denk mee']);
  });

  it('asks "Mijn update" in a short form (a card where there is no modal) and shows the answer on the card', async () => {
    const { h, nudge } = await week();
    const [form] = await h.press('anna', { channel: 'c1' }, press(nudge, 'Mijn update', 1));
    expect(form).toMatchObject({ private: true, to: 'anna' });
    expect(form.card!.title).toBe('Mijn update bij #1');
    expect(form.card!.inputs.map((i) => i.id)).toEqual(['moved', 'next']);
    const submit = form.card!.buttons[0].action;
    expect(submit.id).toBe('actions.update_submit');
    // Empty: asked again, nothing stored.
    const empty = await h.press('anna', { channel: 'c1' }, { ...submit, inputs: { moved: ' ', next: '' } });
    expect(empty.map((o) => o.text).join('\n')).toContain('één van de twee is genoeg');
    const outs = await h.press('anna', { channel: 'c1' }, { ...submit, messageId: form.id, inputs: { moved: 'twee aanbieders gebeld', next: 'donderdag bezoek plannen' } });
    const updated = outs.find((o) => o.update)!;
    expect(updated.id).toBe(nudge.id);
    expect(updated.text).toContain('zette een stap bij #1 "Plek zoeken": twee aanbieders gebeld · volgende stap: donderdag bezoek plannen');
    expect(outs.find((o) => o.private)?.text).toContain('Je update bij #1 staat in de wekelijkse voortgang');
    // Someone else submitting the owner's form is refused.
    const other = await h.press('bram', { channel: 'c1' }, { ...submit, inputs: { moved: 'x', next: '' } });
    expect(other.some((o) => o.update)).toBe(false);
  });

  it('lets a facilitator, and nobody else, update an action kept under a typed name (no member yet)', async () => {
    const h = await createHarness({ start: '2026-11-18T10:00:00+01:00' });
    harnesses.push(h);
    await h.say('fleur', 'c1', 'wegwijs netwerk start "Passende plekken"');
    await h.send({ user: 'anna', name: 'Anna Smit', channel: 'c1', text: 'wegwijs actie Vervoer regelen' });
    await h.say('fleur', 'c1', 'wegwijs actie 1 eigenaar Dirk');
    const nudge = (await h.at('2026-11-23T09:00:30+01:00')).find(isNudge)!;
    expect(nudge.text).toContain('**Dirk**');
    h.clock.set('2026-11-23T10:00:00+01:00');
    const anna = await h.press('anna', { channel: 'c1' }, press(nudge, 'Klaar', 1));
    expect(anna.some((o) => o.update)).toBe(false);
    expect(anna[0].text).toContain('Deze knoppen bij #1 zijn voor Dirk');
    const fleur = await h.press('fleur', { channel: 'c1' }, press(nudge, 'Klaar', 1));
    expect(fleur.find((o) => o.update)?.text).toContain('🎉 Dirk heeft #1');
  });

  it('lets anyone think along with a stuck action: the idea goes to the nudge thread, naming both', async () => {
    const { h, nudge } = await week();
    const [form] = await h.press('carla', { channel: 'c1' }, press(nudge, 'Denk mee', 2));
    expect(form.card!.inputs.map((i) => i.id)).toEqual(['idea']);
    const outs = await h.press('carla', { channel: 'c1' }, { ...form.card!.buttons[0].action, inputs: { idea: 'Bel de zorgbemiddelaar direct' } });
    const posted = outs.find((o) => !o.private)!;
    expect(posted.thread).toBe(nudge.id);
    expect(posted.text).toBe('💡 @Carla de Wit denkt mee met @Bram de Vries over #2 "Bel het zorgkantoor": Bel de zorgbemiddelaar direct');
  });

  it("lists the network's open questions from the peers port, and goes out without them when the port fails", async () => {
    const h = await createHarness({ start: '2026-11-18T10:00:00+01:00' });
    harnesses.push(h);
    let fail = false;
    h.app.services.ports.networkQuestions = {
      openQuestions: async (id) => {
        if (fail) throw new Error('down');
        return id === NET ? [{ number: 4, text: 'Wie kent een logeerhuis in de regio?', askedAt: '2026-11-19T10:00:00.000Z' }] : [];
      },
    };
    await h.say('fleur', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const first = (await h.at('2026-11-23T09:00:30+01:00')).find(isNudge)!;
    expect(first.text).toContain('Deze vraag in het netwerk wacht nog op een antwoord:\n- ❓ Wie kent een logeerhuis in de regio? (do 19 nov)');
    fail = true;
    const second = (await h.at('2026-11-30T09:00:30+01:00')).find(isNudge)!;
    expect(second.text).toContain('Wekelijkse voortgang van Passende plekken');
    expect(second.text).not.toContain('logeerhuis');
  });
});
