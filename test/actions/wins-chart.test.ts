/**
 * The weekly nudge's chart of wins per week: shown once the network has three weeks of history and
 * a win to show, as a picture with alt text (console: the alt text and a PNG file); never before,
 * never when a facilitator turned pictures off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const nudgeOf = (outs: ConsoleOutput[]) => outs.find((o) => o.channel === 'c1' && !o.update && o.text.startsWith('**Wekelijkse voortgang'));

let h: Harness;
afterEach(async () => h?.close());

async function doneAction(title: string, at: string) {
  h.clock.set(at);
  const [card] = await h.say('bram', 'c1', `wegwijs actie ${title}`);
  await h.press('bram', { channel: 'c1' }, card.card!.buttons.find((b) => b.label === 'Klaar')!.action);
}

describe('the wins chart in the weekly nudge', () => {
  it('appears after three weeks, counting the wins of each week', async () => {
    h = await createHarness({ start: '2027-01-04T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Noord"');
    await doneAction('Zorgkantoor bellen', '2027-01-05T10:00:00+01:00');
    // The first Monday: too little history for a chart.
    expect(nudgeOf(await h.at('2027-01-11T08:00:00Z'))?.picture).toBeUndefined();
    await doneAction('Taskforce mailen', '2027-01-13T10:00:00+01:00');
    await doneAction('Logeerplek zoeken', '2027-01-14T10:00:00+01:00');
    await h.at('2027-01-18T08:00:00Z');
    await doneAction('MDO plannen', '2027-01-20T10:00:00+01:00');
    const nudge = nudgeOf(await h.at('2027-01-25T08:00:00Z'));
    expect(nudge?.picture?.alt).toBe('Gelukt per week in Noord: wk 49 0, wk 50 0, wk 51 0, wk 52 0, wk 53 0, wk 1 1, wk 2 2, wk 3 1.');
    expect(nudge?.picture?.file).toMatch(/\.png$/);
  });

  it('stays out when a facilitator turns pictures off', async () => {
    h = await createHarness({ start: '2027-01-04T10:00:00+01:00' });
    await h.say('anna', 'c1', 'wegwijs netwerk start "Noord"');
    const refused = await h.say('bram', 'c1', 'wegwijs netwerk plaatjes uit');
    expect(refused[0].text).toContain('facilitator');
    expect((await h.say('anna', 'c1', 'wegwijs netwerk plaatjes uit'))[0].text).toBe('Plaatjes in de chat staan nu uit.');
    await doneAction('Zorgkantoor bellen', '2027-01-20T10:00:00+01:00');
    expect(nudgeOf(await h.at('2027-01-25T08:00:00Z'))?.picture).toBeUndefined();
  });
});
