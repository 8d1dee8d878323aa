import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const EVAL_FIXTURE = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));
const temp = tempDir('wegwijs-ask-cli-');
afterAll(() => temp.cleanup());
const env = { WEGWIJS_DATA_DIR: join(temp.dir, 'data') };

describe('wegwijs ask (real CLI)', () => {
  it('prints one JSON answer with cards, sources and confidence', async () => {
    // One process-level smoke test of the real binary; the rest runs the command in-process.
    const result = await runCli(['ask', 'Mag het zorgkantoor aansluiten bij een MDO?', '--json'], { env });
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(1);
    const answer = result.lines[0] as { answered: boolean; cards: string[]; sources: { document: string; date: string }[]; confidence: number; answer: string };
    expect(answer.answered).toBe(true);
    expect(answer.cards[0]).toBe('zorgkantoor-aansluiten-mdo');
    expect(answer.sources[0]).toMatchObject({ date: '2023-11' });
    expect(answer.confidence).toBeGreaterThan(0);
  });

  it('answers one line per question with --jsonl, in order, plain or JSON lines', async () => {
    const input = ['Wat doet het CCE?', JSON.stringify({ q: 'Bij wie escaleer ik als er geen passende plek is?' }), 'Hoeveel mg lorazepam mag mijn cliënt?', 'What does the CCE do?'].join('\n');
    const result = await runInProcess(['ask', '--jsonl'], { env, input });
    expect(result.code).toBe(0);
    expect(result.lines.map((l) => l.answered)).toEqual([true, true, false, true]);
    expect((result.lines[1].cards as string[])[0]).toBe('escalatieroute-geen-passende-plek');
    expect(result.lines[2].answer).toMatch(/^Medisch advies geef ik niet/);
    expect(result.lines[2].refusal).toBe('medical');
    expect(result.lines[3].answer).toMatch(/I'm not sure|Centre for Consultation/);
    expect(result.lines[3].lang).toBe('en');
  });

  it('honours --lang and --role', async () => {
    const result = await runInProcess(['ask', 'wat doet het zorgkantoor', '--lang', 'en', '--role', 'clientondersteuner', '--json'], { env });
    expect(result.code).toBe(0);
    expect(result.lines[0].lang).toBe('en');
  });
});

describe('wegwijs kb check', () => {
  it('passes on the knowledge base (at least 60 cards)', async () => {
    const result = await runInProcess(['kb', 'check'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/^error:/m);
    const count = Number(/(\d+) cards, 0 error/.exec(result.stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(60);
  });

  it('fails on a broken card, naming the file and the field', async () => {
    const dir = join(temp.dir, 'knowledge');
    cpSync(KNOWLEDGE, dir, { recursive: true });
    const file = join(dir, 'cards', 'rollen', 'rol-cce.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^reviewed: .*$/m, 'reviewed: gisteren'));
    const other = join(dir, 'cards', 'rollen', 'rol-ciz.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace(/^related: .*$/m, 'related: [bestaat-niet]'));
    const result = await runInProcess(['kb', 'check'], { env: { ...env, WEGWIJS_KNOWLEDGE_DIR: dir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cards\/rollen\/rol-cce\.md: reviewed: /);
    expect(result.stderr).toMatch(/rol-ciz\.md: related\.0: no card with id "bestaat-niet"/);
  });
});

describe('wegwijs eval', () => {
  it('prints the table per category and refusal reason for both splits, with the floors', async () => {
    // Both splits of a small evaluation folder (WEGWIJS_EVAL_DIR; the same command path as the
    // project's test/eval, whose floors test/ask/eval.test.ts checks): questions copied from the
    // two splits, with one miss in each and an emergency among the refusals.
    const result = await runInProcess(['eval'], { env: { ...env, WEGWIJS_EVAL_DIR: EVAL_FIXTURE } });
    expect(result.stdout).toMatch(/^tune: \d+ answerable, \d+ must refuse/m);
    expect(result.stdout).toMatch(/^heldout: \d+ answerable, \d+ must refuse/m);
    expect(result.stdout).toMatch(/facts in the answer: +\d+\.\d%/);
    expect(result.stdout).toMatch(/^emergency +\d+ +\d/m);
    expect(result.stdout).toMatch(/\(floor +\d+\.\d%\)/);
    // The tuning split's misses are listed; the held-out split is only reported: its misses are
    // not listed unless asked for.
    expect(result.stdout).toMatch(/^- T\d{3} /m);
    expect(result.stdout).toMatch(/^\(1 misses not listed: this split is only reported/m);
    expect(result.stdout).not.toMatch(/^- H\d{3} /m);
  });

  it('explains why a question got its answer', async () => {
    const result = await runInProcess(['eval', '--explain', 'Mag het zorgkantoor aansluiten bij een MDO?'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/confidence: [\d.]+ +margin to the second card: [\d.]+/);
    expect(result.stdout).toMatch(/sentences chosen:\n +[\d.]+ +\[zorgkantoor-aansluiten-mdo\]/);
  });
});

describe('wegwijs kb gaps', () => {
  it('lists unanswered and voted-down questions from the store, most frequent first', async () => {
    const { createHarness } = await import('../helpers/harness.ts');
    const dataDir = join(temp.dir, 'gaps');
    const h = await createHarness({ dataDir });
    await h.dm('anna', 'Welke kleur heeft de voordeur van het gemeentehuis in Zwolle?');
    await h.dm('bram', 'Welke kleur heeft de voordeur van het gemeentehuis in Zwolle?');
    await h.dm('anna', 'Hoe laat gaat de bakker morgen open in Zwolle?');
    await h.close();
    const result = await runInProcess(['kb', 'gaps'], { env: { WEGWIJS_DATA_DIR: dataDir } });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => /×/.test(l));
    expect(lines[0]).toMatch(/^\s+2×\s+Welke kleur heeft de voordeur/);
    expect(lines[1]).toMatch(/^\s+1×\s+Hoe laat gaat de bakker/);
  });
});

describe('a question that starts with "-"', () => {
  it('is refused as an option without repeating the typed text', async () => {
    const result = await runInProcess(['ask', '--- doorgestuurd bericht van Jan Jansen BSN 123456782']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/put -- before it/);
    expect(result.stderr).not.toMatch(/Jansen|123456782/);
  });
});
