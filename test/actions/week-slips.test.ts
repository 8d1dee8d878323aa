/** Small slips from a week in a network (issue 15): help in English, private warnings, console text, asking back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminalText, toPrettyText } from '../../adapters/console/render.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ start: '2026-11-18T10:00:00+01:00' });
});
afterEach(() => h.close());

const texts = (outs: { text: string }[]) => outs.map((o) => o.text).join('\n');

describe('help', () => {
  it('shows English arguments in English and Dutch ones in Dutch', async () => {
    const dutch = texts(await h.dm('anna', 'wegwijs hulp'));
    expect(dutch).toContain('pauze tot datum');
    expect(dutch).toContain('stil [tot datum | uit]');
    await h.dm('anna', 'wegwijs taal en');
    const english = texts(await h.dm('anna', 'wegwijs help'));
    expect(english).toContain('pause until date');
    expect(english).toContain('quiet [until date | off]');
    expect(english).toContain('done|progress|stuck|later|drop');
    expect(english).not.toMatch(/pauze tot|stil \[|laten vallen|anoniem/);
  });
});

describe('a message that is too long', () => {
  it('is answered privately to its writer only', async () => {
    const outs = await h.say('bram', 'c1', `wegwijs ${'x'.repeat(5000)}`);
    expect(outs).toHaveLength(1);
    expect(outs[0]).toMatchObject({ private: true, to: 'bram' });
    expect(outs[0].text).toContain('te lang');
  });
});

describe('dates that cannot be read', () => {
  it('ask back with a date picker whose button sets the date', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const outs = await h.say('bram', 'c1', 'wegwijs actie Taskforce voorbereiden rond de kerst');
    expect(outs[0].card?.title).toBe('#1 Taskforce voorbereiden rond de kerst');
    const ask = outs.find((o) => o.private && o.to === 'bram')!;
    expect(ask.text).toContain('"rond de kerst" kon ik niet als datum lezen');
    expect(ask.card!.inputs).toEqual([expect.objectContaining({ id: 'date', kind: 'date' })]);
    const button = ask.card!.buttons.find((b) => b.label === 'Datum zetten')!;
    const set = await h.press('bram', { channel: 'c1' }, { ...button.action, inputs: { date: '2026-12-23' } });
    expect(texts(set)).toContain('nieuwe datum: wo 23 dec');
  });

  it('read "voor vrijdag" after an earlier "voor" and keep the rest of the title', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const [card] = await h.say('anna', 'c1', 'wegwijs actie Plek zoeken voor de cliënt voor vrijdag');
    expect(card.card?.title).toBe('#1 Plek zoeken voor de cliënt');
    expect(card.text).toContain('vr 20 nov');
    const [second] = await h.say('anna', 'c1', 'wegwijs actie Aanmelden voor de taskforce voor 1 december');
    expect(second.card?.title).toBe('#2 Aanmelden voor de taskforce');
    expect(second.text).toContain('di 1 dec');
    const [third] = await h.say('anna', 'c1', 'wegwijs actie Verslag rondsturen voor 3-12');
    expect(third.text).toContain('do 3 dec');
  });
});

describe('the console', () => {
  it('shows no raw markdown and no heading without items', () => {
    expect(terminalText('**Wekelijkse voortgang** en _klein_ stapje')).toBe('\x1b[1mWekelijkse voortgang\x1b[22m en \x1b[3mklein\x1b[23m stapje');
    const t = (key: string) => key;
    const withButtons = toPrettyText({ id: 'm1', channel: 'c1', text: '', card: { body: 'Antwoord.\nZie ook:', buttons: [{ label: 'Meerzorg', action: { id: 'ask.card', messageId: 'm1' } }], inputs: [] } }, 1, t, 'wegwijs');
    expect(withButtons).toContain('Zie ook: \x1b[33m[1] Meerzorg');
    const without = toPrettyText({ id: 'm2', channel: 'c1', text: '', card: { body: 'Antwoord.\nZie ook:', buttons: [], inputs: [] } }, 1, t, 'wegwijs');
    expect(without).not.toContain('Zie ook');
    expect(without).not.toContain('**');
  });
});

describe('due dates on holidays and named holidays', () => {
  it('accepts a due date on a public holiday and says so in the confirmation', async () => {
    await h.clock.set('2026-12-14T10:00:00+01:00');
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const outs = await h.say('bram', 'c1', 'wegwijs actie Zorgkantoor bellen by next friday');
    expect(outs[0].text).toContain('vr 25 dec');
    expect(texts(outs)).toMatch(/vr 25 dec is Kerstmis, een feestdag/);
    const later = texts(await h.say('bram', 'c1', 'wegwijs actie 1 later 28-12'));
    expect(later).toContain('nieuwe datum');
    expect(later).not.toContain('feestdag');
    expect(texts(await h.say('bram', 'c1', 'wegwijs actie 1 later 27-4'))).toMatch(/Koningsdag, een feestdag/);
    const plain = await h.say('bram', 'c1', 'wegwijs actie Verslag sturen voor 17-12');
    expect(texts(plain)).not.toContain('feestdag');
  });

  it('says so in English too, by the holiday\'s English name', async () => {
    await h.clock.set('2026-12-14T10:00:00+01:00');
    await h.say('anna', 'c1', 'wegwijs netwerk start "Complex care"');
    await h.say('anna', 'c1', 'wegwijs netwerk taal en');
    const outs = texts(await h.say('bram', 'c1', 'wegwijs action Call the care office by next friday'));
    expect(outs).toMatch(/Fri,? 25 Dec is Christmas Day, a public holiday/);
    const [easter] = await h.say('bram', 'c1', 'wegwijs action Evaluate the plan after Easter');
    expect(easter.card?.title).toBe('#2 Evaluate the plan');
    expect(easter.text).toMatch(/Tue,? 30 Mar 2027/);
  });

  it('reads "na pasen" and asks back with a date picker about a holiday that names no day', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const [easter] = await h.say('anna', 'c1', 'wegwijs actie Evalueren na pasen');
    expect(easter.card?.title).toBe('#1 Evalueren');
    expect(easter.text).toContain('di 30 mrt');
    const vague = await h.say('anna', 'c1', 'wegwijs actie Evalueren ergens na de zomer');
    const ask = vague.find((o) => o.private && o.to === 'anna')!;
    expect(ask.text).toContain('"ergens na de zomer" kon ik niet als datum lezen');
    expect(ask.card!.inputs).toEqual([expect.objectContaining({ id: 'date', kind: 'date' })]);
  });
});

describe('due dates in another year', () => {
  it('show their year on the card and in lists; this year\'s stay short', async () => {
    await h.say('anna', 'c1', 'wegwijs netwerk start "Passende plekken"');
    const [card] = await h.say('anna', 'c1', 'wegwijs actie Evaluatie plannen eind januari');
    expect(card.text).toContain('vr 29 jan 2027');
    const [soon] = await h.say('anna', 'c1', 'wegwijs actie Verslag sturen voor 3-12');
    expect(soon.text).toContain('do 3 dec');
    expect(soon.text).not.toContain('3 dec 2026');
    const later = texts(await h.say('anna', 'c1', 'wegwijs actie 2 later 2-1-2027'));
    expect(later).toContain('za 2 jan 2027');
  });
});
