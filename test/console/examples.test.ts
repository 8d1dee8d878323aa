/**
 * The example script in examples/ (shown in the README) runs cleanly, so it stays true.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const DEMO = fileURLToPath(new URL('../../examples/demo.jsonl', import.meta.url));

describe('examples/demo.jsonl', () => {
  it('runs without errors and shows each feature', async () => {
    const temp = tempDir();
    const result = await runInProcess(['chat', '--script', DEMO], { env: { WEGWIJS_DATA_DIR: temp.dir } });
    temp.cleanup();
    expect(result.code).toBe(0);
    expect(result.lines.filter((l) => 'error' in l)).toEqual([]);
    const texts = result.lines.map((l) => String(l.text));
    expect(texts.some((t) => t.includes('Passende plekken'))).toBe(true);
    expect(texts.some((t) => /dossierhouder/i.test(t) && /Bron|bron/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('Centrum voor Consultatie en Expertise'))).toBe(true);
    expect(result.lines.some((l) => l.channel === 'passende-plekken' && String(l.text).includes('Wekelijkse voortgang'))).toBe(true);
    expect(texts.some((t) => t.includes('Moreel beraad'))).toBe(true);
  });
});
