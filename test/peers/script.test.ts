/**
 * Asking the network through the public script mode (`wegwijs chat --script -`), as a user or CI
 * drives it: each step's buttons are sent back verbatim from the lines the previous run printed
 * (the data folder keeps the state and the message ids between runs).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, script } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';
import { NETWORK_ANSWER, UNKNOWN_QUESTION } from './helpers.ts';

type Line = { id?: string; channel?: string; dm?: boolean; to?: string; private?: boolean; update?: boolean; thread?: string; text?: string; card?: { title?: string; buttons: { label: string; action: Record<string, unknown> }[] } };

const temp = tempDir();
afterAll(() => temp.cleanup());

async function run(...lines: object[]): Promise<Line[]> {
  const result = await runInProcess(['chat', '--script', '-'], { input: script(...lines), env: { WEGWIJS_DATA_DIR: temp.dir } });
  expect(result.code).toBe(0);
  expect(result.lines.filter((l) => 'error' in l)).toEqual([]);
  return result.lines as Line[];
}

const action = (lines: Line[], id: string) => {
  const found = lines.flatMap((l) => l.card?.buttons ?? []).find((b) => b.action.id === id);
  if (!found) throw new Error(`no ${id} in ${JSON.stringify(lines).slice(0, 600)}`);
  return found.action;
};

describe('asking the network in script mode', () => {
  it('runs from the refusal to the answer in the thread, the asker\'s DM and Opgelost', async () => {
    const first = await run(
      { clock: '2026-11-18T10:00:00+01:00' },
      { user: 'fleur', channel: 'noord', text: 'wegwijs netwerk start "Noord"' },
      { user: 'bram', channel: 'noord', text: 'wegwijs ik weet van pgb' },
      { user: 'anna', channel: 'noord', text: `wegwijs ${UNKNOWN_QUESTION}` },
    );
    const refusal = first.at(-1)!;
    expect(refusal).toMatchObject({ private: true, to: 'anna' });

    const second = await run({ user: 'anna', channel: 'noord', action: action([refusal], 'peers.ask') });
    expect(second[0].card!.title).toBe('Vraag het netwerk');

    const third = await run({ user: 'anna', channel: 'noord', action: action(second, 'peers.post') });
    const card = third.find((l) => l.card?.title?.startsWith('🙋'))!;
    expect(card).toMatchObject({ channel: 'noord' });
    expect(card.text).toContain('@bram');

    // Bram answers in the card's thread; Anna gets it by DM and marks it resolved on the card.
    const last = await run(
      { user: 'bram', channel: 'noord', thread: card.id, text: NETWORK_ANSWER },
      { user: 'anna', channel: 'noord', action: action([card], 'peers.resolve') },
      { user: 'carla', channel: 'noord', thread: card.id, text: 'Nog een tip: bel op maandag.' },
    );
    expect(last.find((l) => l.dm && l.to === 'anna')!.text).toContain('vijf werkdagen');
    expect(last.find((l) => l.update && l.id === card.id)!.text).toContain('Opgelost');
    expect(last.at(-1)).toMatchObject({ private: true, to: 'carla', text: expect.stringContaining('al opgelost') });
  });
});
