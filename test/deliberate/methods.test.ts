import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEFAULT_PROMPTS_DIR, silentLogger } from '../../src/core/index.ts';
import { createDeliberateFeature, loadMethods } from '../../src/deliberate/index.ts';
import { voteSource } from '../../src/deliberate/methods.ts';
import { createHarness } from '../helpers/harness.ts';
import { tempDir } from '../helpers/temp.ts';

const SHIPPED = join(DEFAULT_PROMPTS_DIR, 'deliberation');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { log, lines };
}

describe('deliberation methods', () => {
  it('ships kort and uitgebreid, valid, in Dutch and English', () => {
    const { methods, errors } = loadMethods(SHIPPED, silentLogger);
    expect(errors).toEqual([]);
    const kort = methods.find((m) => m.id === 'kort')!;
    const uitgebreid = methods.find((m) => m.id === 'uitgebreid')!;
    expect(kort.duration_minutes).toBe(20);
    expect(uitgebreid.duration_minutes).toBe(60);
    expect(uitgebreid.steps).toHaveLength(10);
    for (const method of [kort, uitgebreid]) {
      expect(method.steps.some((s) => s.input === 'moral_question')).toBe(true);
      expect(method.steps.some((s) => s.input === 'agreements')).toBe(true);
      expect(method.steps.at(-1)!.input).toBe('rating');
      for (const s of method.steps) for (const text of [s.title, s.prompt, s.guidance]) expect(text.en.length && text.nl.length).toBeGreaterThan(0);
    }
  });

  it('reports a file with a missing field by file and field, and still loads the others', () => {
    const temp = tempDir('wegwijs-methods-');
    cleanups.push(temp.cleanup);
    copyFileSync(join(SHIPPED, 'kort.yaml'), join(temp.dir, 'kort.yaml'));
    const broken = parse(readFileSync(join(SHIPPED, 'uitgebreid.yaml'), 'utf8'));
    broken.id = 'kapot';
    delete broken.steps[2].timebox_minutes;
    writeFileSync(join(temp.dir, 'kapot.yaml'), stringify(broken));
    writeFileSync(join(temp.dir, 'leeg.yaml'), 'id: leeg\nname: { nl: "Leeg", en: "Empty" }\n');
    const { log, lines } = capturingLogger();

    const { methods, errors } = loadMethods(temp.dir, log);
    expect(methods.map((m) => m.id)).toEqual(['kort']);
    expect(errors).toEqual([
      { file: 'kapot.yaml', field: 'steps.2.timebox_minutes', message: 'missing' },
      { file: 'leeg.yaml', field: 'description', message: 'missing' },
    ]);
    const logged = lines.filter((l) => l.level === 50).map((l) => l.msg);
    expect(logged).toContain('Deliberation method kapot.yaml: steps.2.timebox_minutes: missing');
    expect(logged).toContain('Deliberation method leeg.yaml: description: missing');
  });

  it('keeps working with the valid methods when a file is broken', async () => {
    const temp = tempDir('wegwijs-methods-');
    cleanups.push(temp.cleanup);
    copyFileSync(join(SHIPPED, 'kort.yaml'), join(temp.dir, 'kort.yaml'));
    writeFileSync(join(temp.dir, 'stuk.yaml'), 'id: stuk\n  - : [');
    const h = await createHarness();
    cleanups.push(() => void h.close());
    const { log, lines } = capturingLogger();
    const feature = createDeliberateFeature({ ...h.app.services, log }, { methodsDir: temp.dir });
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('stuk.yaml'))).toBe(true);
    expect(feature.commands?.[0].names).toContain('beraad');
  });

  it('marks the choice step blind with three dots on the options, and refuses a vote on a later or unknown step', () => {
    const { methods } = loadMethods(SHIPPED, silentLogger);
    for (const method of methods) {
      const choice = method.steps.find((s) => s.input === 'choice')!;
      expect(choice).toMatchObject({ blind: true, vote: 3 });
      const source = method.steps.findIndex((s) => s.id === choice.vote_on);
      expect(method.steps[source].input).toBe('options');
      expect(voteSource(method, method.steps.indexOf(choice))).toBe(source);
    }
    const temp = tempDir('wegwijs-methods-');
    cleanups.push(temp.cleanup);
    const write = (name: string, change: (m: { id: string; steps: Record<string, unknown>[] }) => void) => {
      const m = parse(readFileSync(join(SHIPPED, 'kort.yaml'), 'utf8'));
      m.id = name;
      change(m);
      writeFileSync(join(temp.dir, `${name}.yaml`), stringify(m));
    };
    write('later', (m) => void (m.steps[1] = { ...m.steps[1], vote: 2, vote_on: 'keuze' }));
    write('onbekend', (m) => void (m.steps[4] = { ...m.steps[4], vote_on: 'nergens' }));
    write('zonder-stippen', (m) => void (m.steps[2] = { ...m.steps[2], vote_on: 'casus' }));
    write('te-veel', (m) => void (m.steps[4] = { ...m.steps[4], vote: 40 }));
    write('blind-tekst', (m) => void (m.steps[0] = { ...m.steps[0], blind: 'ja' }));
    const { methods: loaded, errors } = loadMethods(temp.dir, silentLogger);
    expect(loaded).toEqual([]);
    expect(errors.map((e) => [e.file, e.field])).toEqual([
      ['blind-tekst.yaml', 'steps.0.blind'],
      ['later.yaml', 'steps.1.vote_on'],
      ['onbekend.yaml', 'steps.4.vote_on'],
      ['te-veel.yaml', 'steps.4.vote'],
      ['zonder-stippen.yaml', 'steps.2.vote_on'],
    ]);
  });
});
