/**
 * A question that happens to start with a command's name ("rol van de gemeente …?", "moreel
 * beraad, hoe lang …?") is a question for the knowledge base, not a command with bad arguments;
 * the command with its own arguments still works.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => h.close());

const said = (outputs: { text?: string }[]) => outputs.map((o) => o.text ?? '').join('\n');

describe('a command word at the start of a question', () => {
  it.each([
    ['wegwijs rol van de gemeente als iemand géén wlz-toegang krijgt?', /Bron|weet ik niet/i, /ken ik niet/i],
    ['wegwijs crazy eight: how do you choose the best idea afterwards?', /idee|idea/i, /crazy eight start/i],
    ['wegwijs moreel beraad, hoe lang duurt zo’n gesprek ongeveer?', /beraad/i, /ken ik niet/i],
    ['wegwijs netwerk van zorgkantoren: wie is de dossierhouder als er geen plek is?', /dossierhouder/i, /Dat ken ik niet|Probeer/i],
  ])('%s is answered as a question', async (text, answer, notCommand) => {
    const out = said(await h.say('U1', 'C1', text));
    expect(out).toMatch(answer);
    expect(out).not.toMatch(notCommand);
  });

  it('the commands with their own arguments still work', async () => {
    expect(said(await h.say('U1', 'C1', 'wegwijs rol zorgkantoor'))).toMatch(/zorgkantoor/i);
    expect(said(await h.say('U1', 'C1', 'wegwijs rol kapper'))).toMatch(/ken ik niet/i);
    expect(said(await h.say('U1', 'C1', 'wegwijs beraad lijst'))).not.toMatch(/Bron|Source/);
  });
});
