/**
 * A crazy eight with four participants, from the case to actions, on the in-process harness (the
 * console adapter, a real SQLite file, a manual clock): private writing with a counter, the reveal
 * by the clock with similar ideas grouped and no names, private scoring, the impact matrix (its
 * picture's SVG has every scored idea at the right quadrant), choices that become actions with a
 * date, the report; also facilitator-only buttons, a late joiner, pause and extend, and a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const CHANNEL = 'zorgnoord';
const PEOPLE = ['anna', 'bram', 'carla', 'dirk'];

function buttonOf(out: ConsoleOutput[], label: string, to?: string) {
  const found = [...out].reverse().find((o) => o.card?.buttons.some((b) => b.label === label) && (!to || o.to === to));
  const b = found?.card?.buttons.find((x) => x.label === label);
  if (!b) throw new Error(`no button "${label}"${to ? ` for ${to}` : ''} in ${JSON.stringify(out.map((o) => o.card?.title ?? o.text))}`);
  return b.action;
}

const pressIn = (h: Harness, user: string, action: ReturnType<typeof buttonOf>, inputs?: Record<string, string>) =>
  h.press(user, { channel: CHANNEL }, { ...action, ...(inputs ? { inputs } : {}) });
const pressDm = (h: Harness, user: string, action: ReturnType<typeof buttonOf>, inputs?: Record<string, string>) =>
  h.press(user, { dm: true }, { ...action, ...(inputs ? { inputs } : {}) });

async function openSession(h: Harness) {
  await h.say('anna', CHANNEL, 'wegwijs netwerk start "Zorg Noord"');
  const out = await h.say('anna', CHANNEL, 'wegwijs crazy eight start Cliënt met zware gedragsproblematiek; geen aanbieder wil hem opnemen en thuis gaat het niet meer.');
  const opening = out.find((o) => o.card?.title === 'Crazy eight #1')!;
  expect(opening).toBeDefined();
  expect(out.some((o) => o.private && o.to === 'anna' && o.text.includes('Alleen voor jou'))).toBe(true);
  for (const who of PEOPLE.slice(1)) await pressIn(h, who, buttonOf(h.outputs, 'Doe mee'));
  return opening.id;
}

describe('crazy eight', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it("gives the session card a plain-text fallback with the case, the step and what to do (notifications, screen readers)", async () => {
    h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    await openSession(h);
    const opening = [...h.outputs].reverse().find((o) => o.card?.title === 'Crazy eight #1')!;
    expect(opening.text).toMatch(/^Crazy eight #1 — stap: aanmelden\. Casus: Cliënt met zware gedragsproblematiek;/);
    expect(opening.text).toContain('Doe mee');
    await pressIn(h, 'anna', buttonOf(h.outputs, 'Start de acht minuten'));
    const writing = [...h.outputs].reverse().find((o) => o.card?.title === 'Crazy eight #1')!;
    expect(writing.text).toMatch(/stap: ideeën schrijven\. Casus: Cliënt met zware/);
    expect(writing.text).toMatch(/Tijd: .*10:08/);
  });

  it('runs from case to actions with four participants', async () => {
    h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    const thread = await openSession(h);

    // Only the facilitator starts the time.
    const refused = await pressIn(h, 'bram', buttonOf(h.outputs, 'Start de acht minuten'));
    expect(refused.map((o) => o.text).join()).toContain('voor de gespreksleider');
    const started = await pressIn(h, 'anna', buttonOf(h.outputs, 'Start de acht minuten'));
    const writingCards = started.filter((o) => o.dm && o.card?.title === 'Jouw ideeën voor crazy eight #1');
    expect(writingCards.map((o) => o.to).sort()).toEqual([...PEOPLE].sort());
    expect(writingCards[0].card!.body).toContain('0 van 8 · nog 8 minuten');

    const ideas: Record<string, string> = {
      anna: 'Casus inbrengen bij de regionale taskforce\nZorgkantoor vragen om meerzorg\nLogeeropvang regelen voor twee weken',
      bram: 'casus inbrengen bij regionale taskforce!\nCCE consultatie aanvragen',
      carla: '- Familie betrekken in een netwerkberaad\n- Crisisregisseur inschakelen',
      dirk: 'Nieuwe woonvorm bouwen',
    };
    for (const who of PEOPLE) {
      const answer = await pressDm(h, who, buttonOf(h.outputs, 'Insturen', who), { ideas: ideas[who] });
      const body = answer.find((o) => o.update)!.card!.body;
      expect(body).toContain(`${ideas[who].split('\n').length} van 8`);
    }
    // Nobody sees the ideas yet: nothing in the channel names them.
    expect(h.outputs.filter((o) => !o.dm).map((o) => o.text).join()).not.toContain('meerzorg');

    // The clock ends the writing: everything shows at once, similar ideas grouped, no names.
    const revealed = await h.at('2026-12-01T10:09:00+01:00');
    const reveal = revealed.find((o) => o.thread === thread && o.text.startsWith('**Alle ideeën'))!;
    expect(reveal.text).toMatch(/1\. Casus inbrengen bij de regionale taskforce \(2×\)/);
    expect(reveal.text).toContain('7. Nieuwe woonvorm bouwen');
    for (const who of PEOPLE) expect(reveal.text).not.toContain(who);

    await pressIn(h, 'anna', buttonOf(h.outputs, 'Start het scoren'));
    // Seeded scores: [effort, impact] per idea number; dirk scores only the first two.
    const seeded: Record<number, [number, number]> = { 1: [2, 5], 2: [4, 4], 3: [5, 2], 4: [1, 2], 5: [2, 4], 6: [4, 5], 7: [5, 1] };
    for (const who of PEOPLE) {
      for (let n = 1; n <= 7; n++) {
        if (who === 'dirk' && n > 2) break;
        const row = h.outputs.filter((o) => o.to === who && o.card?.title === 'Scoren, crazy eight #1').at(-1)!;
        expect(row.card!.body).toContain(`Idee ${n} van 7`);
        const [effort, impact] = seeded[n];
        const pick = (dimension: 'e' | 'i', v: number) => row.card!.buttons.find((b) => b.action.value?.d === dimension && b.action.value?.v === v)!.action;
        await pressDm(h, who, pick('e', effort));
        await pressDm(h, who, pick('i', impact));
      }
    }
    expect(h.outputs.filter((o) => o.to === 'anna').at(-1)!.card!.body).toContain('7 ideeën gescoord');

    const matrix = await pressIn(h, 'anna', buttonOf(h.outputs, 'Toon de impactmatrix'));
    const picture = matrix.find((o) => o.picture);
    expect(picture?.thread).toBe(thread);
    expect(picture!.picture!.alt).toBe('Impactmatrix crazy eight #1. Snelle winst: 1, 5. Grote klap: 2, 6. Opvullers: 4. Niet doen: 3, 7.');
    expect(picture!.text).toContain('**Snelle winst**: 1. Casus inbrengen bij de regionale taskforce (moeite 2 · impact 5)');

    await pressIn(h, 'anna', buttonOf(h.outputs, 'Maak er een actie van'), { idea: '1', owner: '@bram', due: '2026-12-11' });
    await h.say('anna', CHANNEL, 'kies 5 voor vrijdag', thread);
    const again = await pressIn(h, 'anna', buttonOf(h.outputs, 'Maak er een actie van'), { idea: '1' });
    expect(again.map((o) => o.text).join()).toContain('al gekozen');
    const list = await h.say('carla', CHANNEL, 'wegwijs acties');
    const listed = list.map((o) => `${o.text}\n${o.card?.body ?? ''}`).join('\n');
    expect(listed).toContain('Casus inbrengen bij de regionale taskforce');
    expect(listed).toContain('Familie betrekken in een netwerkberaad');

    const done = await pressIn(h, 'anna', buttonOf(h.outputs, 'Afronden'));
    const report = done.find((o) => o.thread === thread && o.text.startsWith('**Verslag'))!;
    expect(report.text).toContain('1. Casus inbrengen bij de regionale taskforce (2×): moeite 2 · impact 5, 4 scores → Snelle winst');
    expect(report.text).toContain('7. Nieuwe woonvorm bouwen: moeite 5 · impact 1, 3 scores → Niet doen');
    expect(report.text).toMatch(/1\. Casus inbrengen bij de regionale taskforce → actie #\d+ \(@bram, voor vr 11 dec\)/);
    expect(done.some((o) => o.dm && o.to === 'anna' && o.text.startsWith('**Verslag'))).toBe(true);
  });

  it('lets a latecomer write, pauses and extends the time, and continues after a restart', async () => {
    h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    const thread = await openSession(h);
    await pressIn(h, 'anna', buttonOf(h.outputs, 'Start de acht minuten'));
    const late = await pressIn(h, 'eva', buttonOf(h.outputs, 'Mijn ideeën'));
    expect(late.some((o) => o.dm && o.to === 'eva' && o.card?.title === 'Jouw ideeën voor crazy eight #1')).toBe(true);
    await pressDm(h, 'eva', buttonOf(h.outputs, 'Insturen', 'eva'), { ideas: 'Wijkteam vragen mee te kijken' });

    h.clock.set('2026-12-01T10:05:00+01:00');
    await pressIn(h, 'anna', buttonOf(h.outputs, 'Pauze'));
    // Paused: the clock passing the end does not reveal.
    expect((await h.at('2026-12-01T10:30:00+01:00')).some((o) => o.text.startsWith('**Alle ideeën'))).toBe(false);
    const resumed = await pressIn(h, 'anna', buttonOf(h.outputs, 'Verder'));
    expect(resumed.find((o) => o.update)!.card!.body).toContain('nog 3 minuten');
    await pressIn(h, 'anna', buttonOf(h.outputs, '+2 minuten'));

    // A restart: a new process on the same data file picks the session up.
    const dataDir = h.dataDir;
    const buttons = h.outputs;
    await h.app.close();
    h = await createHarness({ dataDir, start: '2026-12-01T10:31:00+01:00' });
    const answer = await pressDm(h, 'bram', buttonOf(buttons, 'Insturen', 'bram'), { ideas: 'Huisarts betrekken' });
    expect(answer.find((o) => o.update)!.card!.body).toContain('1 van 8');
    expect((await h.at('2026-12-01T10:34:00+01:00')).some((o) => o.text.startsWith('**Alle ideeën'))).toBe(false);
    const revealed = await h.at('2026-12-01T10:35:01+01:00');
    const reveal = revealed.find((o) => o.thread === thread && o.text.startsWith('**Alle ideeën'))!;
    expect(reveal.text).toContain('Wijkteam vragen mee te kijken');
    expect(reveal.text).toContain('Huisarts betrekken');

    // The facilitator removes an idea that identifies someone: gone from the store, counted in the report.
    await h.say('anna', CHANNEL, 'verwijder 1', thread);
    const stored = JSON.stringify(await h.app.store.docs.query('ideasession', { pk: `console:local:${CHANNEL}` }));
    expect(stored).not.toContain('Wijkteam vragen mee te kijken');
    const done = await pressIn(h, 'anna', buttonOf(buttons.concat(h.outputs), 'Stoppen'));
    expect(done.map((o) => o.text).join()).toContain('heeft de sessie gestopt');
  });

  it('lets a participant leave, and shows and forgets their ideas on request', async () => {
    h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    await openSession(h);
    await pressIn(h, 'anna', buttonOf(h.outputs, 'Start de acht minuten'));
    await pressDm(h, 'bram', buttonOf(h.outputs, 'Insturen', 'bram'), { ideas: 'Casus naar de taskforce' });
    const left = await pressDm(h, 'bram', buttonOf(h.outputs, 'Ik stop', 'bram'));
    expect(left.find((o) => o.update)?.text).toContain('Je bent gestopt');
    expect(h.outputs.filter((o) => o.card?.title === 'Crazy eight #1').at(-1)!.card!.body).toContain('3 personen');

    const mine = await h.dm('bram', 'wegwijs mijn gegevens');
    expect(mine.map((o) => `${o.text}${o.card?.body ?? ''}`).join()).toContain('Idee in #1: Casus naar de taskforce');
    const ask = await h.dm('bram', 'wegwijs vergeet mij');
    const confirm = ask.flatMap((o) => o.card?.buttons ?? []).find((b) => b.label === 'Ja, vergeet mij')!;
    await h.press('bram', { dm: true }, confirm.action);
    const stored = JSON.stringify(await h.app.store.docs.query('ideasession', { pk: `console:local:${CHANNEL}` }));
    expect(stored).toContain('Casus naar de taskforce');
    expect(stored).not.toContain('"bram"');
  });

  it('is listed as a method by "wegwijs beraad" and starts from there', async () => {
    h = await createHarness();
    const list = await h.say('anna', CHANNEL, 'wegwijs beraad');
    expect(list.map((o) => `${o.text}${o.card?.body ?? ''}`).join()).toContain('crazy-eight');
    const out = await h.say('anna', CHANNEL, 'wegwijs beraad start crazy-eight');
    expect(out.some((o) => o.card?.title === 'Crazy eight #1')).toBe(true);
  });
});
