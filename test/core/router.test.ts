import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/index.ts';
import { isAnnouncedQuestion, looksLikeUnknownCommand, matchCommand, stripEntryWord, suggestCommand } from '../../src/core/index.ts';

const noop = async () => {};
const commands: Command[] = [
  { names: ['hulp', 'help'], summaryKey: 'x', handler: noop },
  { names: ['acties', 'actions'], summaryKey: 'x', handler: noop },
  { names: ['mijn acties', 'my actions'], summaryKey: 'x', handler: noop },
  { names: ['actie', 'action'], summaryKey: 'x', handler: noop },
  { names: ['beraad', 'deliberate'], summaryKey: 'x', handler: noop },
];

describe('stripEntryWord', () => {
  it.each([
    ['wegwijs hulp', 'hulp'],
    ['Wegwijs: hulp', 'hulp'],
    ['@wegwijs hulp', 'hulp'],
    ['/wegwijs   hulp', 'hulp'],
    ['WEGWIJS, wat doet het CCE?', 'wat doet het CCE?'],
    ['wegwijs', ''],
  ])('%s → %s', (input, body) => {
    expect(stripEntryWord(input)).toEqual({ body, entryWord: true });
  });

  it('does not take a word that only starts with the entry word', () => {
    expect(stripEntryWord('wegwijzer hulp')).toEqual({ body: 'wegwijzer hulp', entryWord: false });
    expect(stripEntryWord('ik vraag het wegwijs')).toEqual({ body: 'ik vraag het wegwijs', entryWord: false });
  });

  it('uses a configured bot name', () => {
    expect(stripEntryWord('@zorgbot hulp', 'zorgbot')).toEqual({ body: 'hulp', entryWord: true });
  });
});

describe('matchCommand', () => {
  it('matches Dutch and English names, case- and accent-insensitive', () => {
    expect(matchCommand('HULP', commands)?.name).toBe('hulp');
    expect(matchCommand('help', commands)?.name).toBe('help');
    expect(matchCommand('deliberate start kort', commands)).toMatchObject({ name: 'deliberate', args: 'start kort' });
  });

  it('prefers the longest match', () => {
    expect(matchCommand('mijn acties', commands)?.name).toBe('mijn acties');
    expect(matchCommand('acties', commands)?.name).toBe('acties');
    expect(matchCommand('actie 12 klaar', commands)).toMatchObject({ name: 'actie', args: '12 klaar' });
  });

  it('keeps the arguments as typed', () => {
    expect(matchCommand('actie Bel het Zorgkantoor @bram voor vrijdag', commands)?.args).toBe('Bel het Zorgkantoor @bram voor vrijdag');
  });

  it('ignores trailing punctuation on the command word', () => {
    expect(matchCommand('help?', commands)?.name).toBe('help');
  });

  it('takes a bare command (help) only on its own: followed by a sentence it is no command', () => {
    const help = { names: ['hulp', 'help'], summaryKey: 'x', bare: true, handler: async () => undefined };
    expect(matchCommand('help!', [help])?.name).toBe('help');
    expect(matchCommand('help, bewoner ligt op de grond en reageert niet', [help])).toBeUndefined();
  });

  it('returns nothing for questions and unknown words', () => {
    expect(matchCommand('wat doet het CCE?', commands)).toBeUndefined();
    expect(matchCommand('foobar', commands)).toBeUndefined();
    expect(matchCommand('', commands)).toBeUndefined();
  });
});

describe('unknown commands', () => {
  it('treats one word without a question mark as a command attempt', () => {
    expect(looksLikeUnknownCommand('foobar')).toBe(true);
    expect(looksLikeUnknownCommand('CCE?')).toBe(false);
    expect(looksLikeUnknownCommand('wat is meerzorg')).toBe(false);
  });

  it('suggests the nearest command', () => {
    expect(suggestCommand('hepl', commands)).toBe('help');
    expect(suggestCommand('berad', commands)).toBe('beraad');
    expect(suggestCommand('zorgkantoor', commands)).toBeUndefined();
  });
});

describe('isAnnouncedQuestion', () => {
  it('recognises a question announced but not asked yet', () => {
    for (const body of ['ik heb een vraag over de wlz', 'Vraagje!', 'hoi, ik heb een korte vraag over pgb', 'quick question about the zorgkantoor', 'I have a question', 'wij hebben een vraag m.b.t. meerzorg:']) expect(isAnnouncedQuestion(body), body).toBe(true);
  });

  it('leaves real questions alone', () => {
    for (const body of ['ik heb een vraag over de wlz: wie is dossierhouder?', 'vraag over meerzorg, wie beslist daarover', 'I have a question about how long the CIZ may take?', 'wat is een vraagverheldering', 'zorgvraag']) expect(isAnnouncedQuestion(body), body).toBe(false);
  });
});
