/**
 * A whole `kort` deliberation through the real CLI in script mode: a facilitator and three
 * participants, an anonymous note by direct message, a time-box warning, a participant pressing
 * "next", and a restart halfway (two processes on one data folder).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, script } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

type Line = Record<string, any>;

const temp = tempDir('wegwijs-deliberate-cli-');
afterAll(() => temp.cleanup());
const env = { WEGWIJS_DATA_DIR: temp.dir };
const C = 'netwerk-zuid';

const say = (user: string, text: string, thread?: string) => ({ user, channel: C, text, ...(thread ? { thread } : {}) });
const press = (user: string, action: object) => ({ user, channel: C, action });
const buttonOf = (line: Line | undefined, label: string) => line?.card?.buttons?.find((b: Line) => b.label === label)?.action;

describe('a kort deliberation through the CLI, across a restart', () => {
  it('runs from start to report', async () => {
    // First process. A fresh data folder, so the opening card is m1: the session's thread.
    const first = await runInProcess(['chat', '--script', '-'], {
      env,
      input: script(
        { clock: '2026-11-23T09:00:00+01:00' },
        say('anna', 'wegwijs beraad start kort'),
        press('bram', { id: 'deliberate.join', value: {}, messageId: 'm1' }),
        say('bram', 'De cliënt wil thuis blijven wonen; haar broer wil een plek in een instelling. Mevrouw Jansen is 84.', 'm1'),
        say('carla', 'Ze is dit jaar al twee keer gevallen.', 'm1'),
        press('bram', { id: 'deliberate.next', value: { s: 'm1', i: 0 }, messageId: 'm2' }),
        { clock: '2026-11-23T09:04:00+01:00' },
        press('anna', { id: 'deliberate.next', value: { s: 'm1', i: 0 }, messageId: 'm2' }),
        say('carla', 'Mag de cliënt thuis blijven wonen?', 'm1'),
        say('carla', 'In hoeverre vinden wij dat de cliënt thuis mag blijven wonen als zij daardoor risico loopt?', 'm1'),
        press('anna', { id: 'deliberate.next', value: { s: 'm1', i: 1 }, messageId: 'm5' }),
        say('dirk', 'Cliënt: zelfbeschikking. Broer: veiligheid. Wij: goede zorg.', 'm1'),
      ),
    });
    expect(first.code, first.stderr).toBe(0);
    const out1 = first.lines as Line[];
    expect(out1.filter((l) => l.error)).toEqual([]);

    const opening = out1.find((l) => l.card?.title?.startsWith('Moreel beraad'))!;
    expect(opening).toMatchObject({ id: 'm1', channel: C });
    expect(opening.text).toMatch(/geen namen van cliënten/);
    const thread = opening.id as string;
    const stepCards = out1.filter((l) => l.thread === thread && !l.update && l.card?.title?.startsWith('Stap'));
    expect(stepCards.map((l) => l.card.title)).toEqual(['Stap 1 van 7: Casus', 'Stap 2 van 7: Morele vraag', 'Stap 3 van 7: Betrokkenen en waarden']);

    // Personal data removed, and bram told so, privately.
    expect(out1.some((l) => l.private && l.to === 'bram' && /persoonsgegevens weggehaald/.test(l.text))).toBe(true);
    // A participant pressing "next" gets a polite private explanation, and nothing moves.
    const refused = out1.find((l) => l.private && l.to === 'bram' && /Alleen de gespreksleider/.test(l.text));
    expect(refused).toBeDefined();
    expect(out1.indexOf(refused!)).toBeLessThan(out1.indexOf(stepCards[1]));
    // The time box of step 1 (3 minutes) ran out: said once, in the thread.
    const warnings = out1.filter((l) => l.thread === thread && /De tijd voor "Casus"/.test(l.text));
    expect(warnings).toHaveLength(1);
    // The yes/no moral question gets the template suggested.
    expect(out1.some((l) => l.thread === thread && /ja\/nee-vraag/.test(l.text) && /In hoeverre vind ik\/vinden wij/.test(l.text))).toBe(true);

    // Second process on the same data folder: the session comes back from SQLite.
    const nextButton = buttonOf(stepCards[2], 'Volgende stap');
    expect(nextButton).toMatchObject({ id: 'deliberate.next', value: { s: thread, i: 2 } });
    const second = await runInProcess(['chat', '--script', '-'], {
      env,
      input: script(
        { clock: '2026-11-23T09:09:00+01:00' },
        { user: 'bram', dm: true, text: 'wegwijs beraad anoniem Ik vind dat we te weinig naar de cliënt zelf luisteren.' },
        press('anna', nextButton),
        say('carla', 'Thuis blijven met thuiszorg en alarmering\nLogeeropvang proberen', thread),
        press('anna', { id: 'deliberate.next', value: { s: thread, i: 3 } }),
        say('bram', 'Ik kies thuis met alarmering: zelfbeschikking weegt voor mij het zwaarst.', thread),
        say('carla', 'Logeeropvang, omdat veiligheid voor mij zwaarder weegt.', thread),
        say('dirk', 'Thuis, met een evaluatie na een maand.', thread),
        press('anna', { id: 'deliberate.next', value: { s: thread, i: 4 } }),
        say('anna', 'Bel zorgkantoor @bram voor vrijdag\nPlan een MDO met de broer @carla', thread),
        press('anna', { id: 'deliberate.next', value: { s: thread, i: 5 } }),
        press('bram', { id: 'deliberate.rate', value: { s: thread, i: 6, n: 4 } }),
        press('carla', { id: 'deliberate.rate', value: { s: thread, i: 6, n: 5 } }),
        say('dirk', '3 iets te kort', thread),
        press('anna', { id: 'deliberate.end', value: { s: thread, i: 6 } }),
        press('anna', { id: 'deliberate.report', value: { s: thread } }),
        say('bram', 'Nog een gedachte achteraf.', thread),
      ),
    });
    expect(second.code, second.stderr).toBe(0);
    const out2 = second.lines as Line[];
    expect(out2.filter((l) => l.error)).toEqual([]);

    // The anonymous note appears in the thread without a name.
    const anonymous = out2.find((l) => l.thread === thread && /Anonieme bijdrage/.test(l.text))!;
    expect(anonymous.text).toContain('te weinig naar de cliënt zelf luisteren');
    expect(anonymous.text).not.toMatch(/bram/i);
    expect(out2.some((l) => l.dm && l.to === 'bram' && /zonder naam/.test(l.text))).toBe(true);

    // The report: in the thread, with what each participant said.
    const report = out2.find((l) => l.thread === thread && l.card?.title?.startsWith('Verslag'))!;
    expect(report).toBeDefined();
    const text = report.text as string;
    for (const said of [
      'bram: De cliënt wil thuis blijven wonen',
      'carla: Ze is dit jaar al twee keer gevallen.',
      'In hoeverre vinden wij dat de cliënt thuis mag blijven wonen als zij daardoor risico loopt?',
      'dirk: Cliënt: zelfbeschikking. Broer: veiligheid. Wij: goede zorg.',
      'anoniem: Ik vind dat we te weinig naar de cliënt zelf luisteren.',
      'carla: Thuis blijven met thuiszorg en alarmering / Logeeropvang proberen',
      'bram: Ik kies thuis met alarmering',
      'carla: Logeeropvang, omdat veiligheid voor mij zwaarder weegt.',
      'dirk: Thuis, met een evaluatie na een maand.',
      '- Bel zorgkantoor (bram, vr 27 nov)',
      '- Plan een MDO met de broer (carla)',
      'Gemiddeld cijfer: 4,0 (van 3 deelnemers)',
      'dirk: iets te kort',
      '- dirk: 3/5',
    ]) {
      expect(text).toContain(said);
    }
    expect(text).not.toContain('Jansen');
    expect(text).toContain('[naam]');
    // Without an action log the agreements stay in the report; without an LLM there is no synthesis.
    expect(text).toMatch(/niet in een actielogboek/);
    expect(text).not.toMatch(/gegenereerd door AI/);
    expect(buttonOf(report, 'Stuur mij het verslag')).toMatchObject({ id: 'deliberate.report' });

    // The facilitator gets it by direct message; a note after the end is not stored.
    expect(out2.some((l) => l.dm && l.to === 'anna' && /Verslag moreel beraad/.test(l.text))).toBe(true);
    expect(out2.some((l) => l.private && l.to === 'bram' && /al afgerond/.test(l.text))).toBe(true);
    expect(text).not.toContain('Nog een gedachte');
  });
});
