import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadGuardrails } from '../../src/ask/index.ts';
import { matchGuardrail } from '../../src/ask/guardrails.ts';
import { tempDir } from '../helpers/temp.ts';

let temp: ReturnType<typeof tempDir> | undefined;
afterEach(() => temp?.cleanup());

function rules(yaml: string) {
  temp = tempDir('wegwijs-rules-');
  writeFileSync(join(temp.dir, 'guardrails.yaml'), yaml);
  return () => loadGuardrails(temp!.dir);
}

describe('guardrails with named word lists', () => {
  it('expands {name} to the lexicon, so one list serves several rules', () => {
    const load = rules(`lexicons:\n  acute: [bloedt, 'niet (meer )?wakker']\n  urgent: [nu, net]\nemergency:\n  - '(?=.*\\b{acute}\\b)(?=.*\\b{urgent}\\b)'\n`);
    const loaded = load();
    expect(matchGuardrail(loaded, 'Hij bloedt nu')).toBe('emergency');
    expect(matchGuardrail(loaded, 'Ze is net niet meer wakker te krijgen')).toBe('emergency');
    expect(matchGuardrail(loaded, 'Wat doe je als iemand bloedt?')).toBeUndefined();
  });

  it('fails on a lexicon that does not exist, naming the rule', () => {
    const load = rules(`emergency:\n  - '{nope}'\n`);
    expect(load).toThrow(/guardrails\.yaml: emergency\.0: no lexicon "nope"/);
  });
});
