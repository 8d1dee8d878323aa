/**
 * The routing fixes the replay found: a greeting or a probe ("Hi", "test") is recognised as such
 * (it gets what Wegwijs can do), while questions and commands are not; and "did you mean" never
 * suggests a command for a short word that is merely two edits from everything ("Hi" → "?").
 */
import { describe, expect, it } from 'vitest';
import { isGreeting, suggestCommand, type Command } from '../../src/core/index.ts';

const commands = [
  { names: ['hulp', 'help', '?'] },
  { names: ['taal', 'language'] },
  { names: ['beraad', 'deliberate'] },
  { names: ['rol', 'role'] },
] as unknown as Command[];

describe('greetings and probes', () => {
  it('recognises greetings and probes in Dutch and English, with the bot name or a filler', () => {
    for (const text of ['Hi', 'hi there!', 'Hallo', 'hoi wegwijs', 'Goedemorgen allemaal', 'good morning', 'test', 'Test 123', 'ping?', 'Hé!', 'hey :wave:']) {
      expect(isGreeting(text), text).toBe(true);
    }
  });

  it('leaves questions, commands and other single words alone', () => {
    for (const text of ['meerzorg', 'wat is zorgplicht?', 'hi, wat doet het zorgkantoor bij meerzorg?', 'test de nieuwe regeling voor mij', 'hulp', 'beraad', 'goede vraag', 'dag van de mantelzorg', '']) {
      expect(isGreeting(text), text).toBe(false);
    }
  });
});

describe('did you mean', () => {
  it('suggests a near command for a longer typo', () => {
    expect(suggestCommand('hlup', commands)).toBe('hulp');
    expect(suggestCommand('berad', commands)).toBe('beraad');
    expect(suggestCommand('tal', commands)).toBe('taal');
  });

  it('suggests nothing for a short word, and never a name without letters', () => {
    expect(suggestCommand('Hi', commands)).toBeUndefined();
    expect(suggestCommand('ok', commands)).toBeUndefined();
    expect(suggestCommand('x', commands)).toBeUndefined();
  });
});
