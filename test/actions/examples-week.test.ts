/**
 * The facilitator's week of issue 15, scripted in examples/ for a Dutch and an English network,
 * runs in script mode through the real CLI with the slips gone.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

type Line = { id?: string; text?: string; to?: string; dm?: boolean; private?: boolean; channel?: string; thread?: string; update?: boolean; card?: { title?: string }; error?: string };

async function run(name: string): Promise<Line[]> {
  const temp = tempDir();
  const file = fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
  const result = await runInProcess(['chat', '--script', file], { env: { WEGWIJS_DATA_DIR: temp.dir }, timeoutMs: 60_000 });
  temp.cleanup();
  expect(result.code).toBe(0);
  return result.lines as Line[];
}

const card = (lines: Line[], prefix: string) => lines.filter((l) => !l.update && l.card?.title?.startsWith(prefix));

describe('examples/week-nl.jsonl', () => {
  it('runs the Dutch week without errors or slips', async () => {
    const lines = await run('week-nl.jsonl');
    expect(lines.filter((l) => 'error' in l)).toEqual([]);
    const all = lines.map((l) => l.text ?? '').join('\n');
    // Dates as people type them; what is no date stays in the title.
    expect(card(lines, '#1 ')[0].card!.title).toBe('#1 Plek zoeken voor de cliënt');
    expect(card(lines, '#2 ')[0].card!.title).toBe('#2 Aanmelden voor de taskforce');
    expect(card(lines, '#3 ')[0].text).toContain('do 3 dec');
    // Only the one phrase that is no date is asked about.
    expect([...new Set(all.match(/"[^"]+" kon ik niet als datum lezen/g))]).toEqual(['"de kerst" kon ik niet als datum lezen', '"de zomervakantie" kon ik niet als datum lezen']);
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
  }, 90_000);
});
