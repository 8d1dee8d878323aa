/**
 * The facilitator's week of issue 15, scripted in examples/ for a Dutch and an English network,
 * runs in script mode through the real CLI with the slips gone.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

type Button = { label: string; action: { id: string; value?: Record<string, unknown> } };
type Line = { id?: string; text?: string; to?: string; dm?: boolean; private?: boolean; channel?: string; thread?: string; update?: boolean; card?: { title?: string; buttons?: Button[]; inputs?: { id: string; kind: string }[] }; error?: string };

async function run(name: string): Promise<Line[]> {
  const temp = tempDir();
  const file = fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
  const result = await runInProcess(['chat', '--script', file], { env: { WEGWIJS_DATA_DIR: temp.dir }, timeoutMs: 60_000 });
  temp.cleanup();
  expect(result.code).toBe(0);
  return result.lines as Line[];
}

const card = (lines: Line[], prefix: string) => lines.filter((l) => !l.update && l.card?.title?.startsWith(prefix));

/** The last weekly nudge card, and every in-place update of it after. */
function lastNudge(lines: Line[], title: string): { nudge: Line; updates: Line[] } {
  const nudge = card(lines, title).filter((l) => !l.private).at(-1)!;
  expect(nudge).toBeDefined();
  return { nudge, updates: lines.filter((l) => l.update && l.id === nudge.id) };
}
const labels = (l: Line) => [...new Set((l.card?.buttons ?? []).map((b) => b.label))];

describe('examples/week-nl.jsonl', () => {
  it('runs the Dutch week without errors or slips', async () => {
    const lines = await run('week-nl.jsonl');
    expect(lines.filter((l) => 'error' in l)).toEqual([]);
    const all = lines.map((l) => l.text ?? '').join('\n');
    // Dates as people type them; what is no date stays in the title.
    expect(card(lines, '#1 ')[0].card!.title).toBe('#1 Plek zoeken voor de cliënt');
    expect(card(lines, '#2 ')[0].card!.title).toBe('#2 Aanmelden voor de taskforce');
    expect(card(lines, '#3 ')[0].text).toContain('do 3 dec');
    // Named holidays are read ("voor de kerst", "voor de zomervakantie": the last working day before), so nothing is asked.
    expect([...new Set(all.match(/"[^"]+" kon ik niet als datum lezen/g))]).toEqual([]);
    const transport = lines.find((l) => l.card?.title?.endsWith(' Vervoer regelen'))!;
    expect(transport.text).toContain('do 24 dec');
    // "eind januari" is its last working day, not Sunday 31 January.
    expect(lines.find((l) => l.card?.title?.endsWith(' Evaluatie plannen'))!.text).toContain('vr 29 jan');
    // One name per person; the nudge names people as mentions and counts in the right form.
    const nudge = lines.find((l) => l.channel === 'passende-plekken' && !l.private && l.text?.startsWith('**Wekelijkse voortgang'))!;
    expect(nudge.text).toContain('@Bram de Vries');
    expect(nudge.text).not.toMatch(/\(bram\)|\bbram en\b/);
    expect(all).not.toContain('1 persoonlijke berichten');
    // CSV for Dutch Excel.
    expect(all).toContain('\uFEFFnummer;actie;eigenaar;status');
    // The deliberation: guidance privately, a 👍 not counted, the question answered, one summary per facilitator.
    expect(lines.filter((l) => l.text?.startsWith('🧭')).every((l) => l.private && (l.to === 'fleur' || l.to === 'anna'))).toBe(true);
    const report = card(lines, 'Verslag')[0].text!;
    expect(report).toContain('Bespreken in regionale taskforce (Bram de Vries, za 12 dec)');
    expect(report).toMatch(/\*\*Keuzes\*\*\n- anoniem: Ik kies logeeropvang/);
    expect(report).toContain('Gemiddeld cijfer: 4,5');
    expect(report).not.toMatch(/Carla de Wit: 👍/);
    const summaries = lines.filter((l) => l.dm && l.card?.title === 'Nieuwe acties in Passende plekken');
    expect(summaries.map((l) => l.to).sort()).toEqual(['anna', 'fleur']);
    expect(summaries[0].text).toContain('ingebracht door Anna Smit');
    expect(all).toContain('nu loopt #1');
    expect(all).toContain('Weet je zeker dat je het beraad nu wilt beëindigen');
    const tooLong = lines.find((l) => l.text?.includes('te lang'))!;
    expect(tooLong).toMatchObject({ private: true, to: 'carla' });

    // The calendar: the holidays skipped, and why the next nudge comes when it does.
    expect(all).toContain('van ma 28 dec t/m zo 3 jan 2027 gaat er geen wekelijkse nudge uit');
    expect(all).toContain('De volgende wekelijkse nudge komt op ma 21 dec 2026, 09:00 (Europe/Amsterdam)');
    expect(all).toContain('Het netwerk is gepauzeerd tot ma 21 dec 2026.');
    // The nudge card: owner buttons per open action, Denk mee at the stuck one.
    const { nudge: week, updates } = lastNudge(lines, 'Wekelijkse voortgang');
    expect(labels(week)).toEqual(['Klaar', 'Loopt', 'Vast', 'Mijn update', 'Denk mee']);
    expect(week.card!.buttons!.filter((b) => b.label === 'Klaar').every((b) => b.action.value?.nudge === true)).toBe(true);
    // Someone else's button: a friendly word, privately, and the card stays.
    const refusal = lines.find((l) => l.text?.startsWith('Deze knoppen bij #2'))!;
    expect(refusal).toMatchObject({ private: true, to: 'carla' });
    expect(refusal.text).toContain('zijn voor @Anna Smit');
    // Mijn update: a short private form; the card is updated in place, with the wins growing.
    const form = card(lines, 'Mijn update bij #2')[0];
    expect(form).toMatchObject({ private: true, to: 'anna' });
    expect(form.card!.inputs!.map((i) => i.id)).toEqual(['moved', 'next']);
    expect(updates.length).toBeGreaterThanOrEqual(3);
    const final = updates.at(-1)!.text!;
    expect(final).toContain('🌱 @Anna Smit zette een stap bij #2 "Aanmelden voor de taskforce": aanmeldformulier ingevuld · volgende stap: vrijdag opsturen');
    expect(final).toContain('🎉 @Bram de Vries heeft #6 "Bespreken in regionale taskforce" afgerond');
    expect(final).toContain('#7 Plan een MDO met de broer (⏳ de datum vr 27 nov is voorbij; een nieuwe datum kiezen is ook een stap): 🌱 bijgewerkt, dank je!');
    expect(final.indexOf('Eerst het goede nieuws')).toBeLessThan(final.indexOf('Lopende acties'));
    // Denk mee: the idea in the card's thread, naming both.
    const idea = lines.find((l) => l.thread === week.id && l.text?.startsWith('💡'))!;
    expect(idea.text).toBe('💡 @Anna Smit denkt mee met @Carla de Wit over #4 "Evaluatie plannen": De beleidsadviseur Wmo kan de agenda openbreken');
  }, 90_000);
});

describe('examples/week-en.jsonl', () => {
  it('runs the English week in English', async () => {
    const lines = await run('week-en.jsonl');
    expect(lines.filter((l) => 'error' in l)).toEqual([]);
    const all = lines.map((l) => l.text ?? '').join('\n');
    expect(all).toContain('pause until date');
    expect(all).not.toContain('pauze tot datum');
    expect(card(lines, '#1 ')[0].card!.title).toBe('#1 Find a place for the client');
    expect(card(lines, '#3 ')[0].text).toContain('Thu 3 Dec');
    expect(all).toContain('\uFEFFnumber;action;owner;status');
    expect(all).toContain('in progress');
    const report = card(lines, 'Report')[0].text!;
    expect(report).toContain('Discuss in the regional task force (Bram de Vries, Sat 12 Dec)');
    expect(report).toContain('Average score: 4.5 (from 2 participants)');
    expect(lines.filter((l) => l.dm && l.card?.title === 'New actions in Complex care')).toHaveLength(1);

    expect(all).toContain('from Mon 28 Dec to Sun, 3 Jan 2027 no weekly nudge goes out');
    expect(all).toContain('The next weekly nudge comes on Mon, 21 Dec 2026, 09:00 (Europe/Amsterdam)');
    expect(all).toContain('Public holidays in the coming eight weeks: Fri 25 Dec (Christmas Day), Sat 26 Dec (Boxing Day)');
    const { nudge: week, updates } = lastNudge(lines, 'Weekly progress');
    expect(labels(week)).toEqual(['Done', 'Under way', 'Stuck', 'My update']);
    expect(lines.find((l) => l.text?.startsWith('These buttons at #2'))).toMatchObject({ private: true, to: 'bram' });
    expect(card(lines, 'My update on #2')[0].card!.inputs!.map((i) => i.id)).toEqual(['moved', 'next']);
    const final = updates.at(-1)!;
    expect(final.text).toContain('🌱 @Anna Smit moved #2 "Sign up for the task force" forward: filled in the sign-up form · next step: send it on Friday');
    expect(final.text).toContain('🎉 @Bram de Vries finished #6 "Discuss in the regional task force"');
    expect(final.text).toContain('These are stuck for now:\n- #3 Call the care office about the MDO (@Bram de Vries)');
    expect(labels(final)).toContain('Think along');
    expect(lines.find((l) => l.thread === week.id && l.text?.startsWith('💡'))?.text).toContain('@Anna Smit is thinking along with @Bram de Vries on #3');
  }, 90_000);
});
