/**
 * Placeholders in the writer's language: the edge redacts before the network's language is known,
 * so it reads the language from the message's own words. English text gets English placeholders,
 * Dutch (or too short to tell) gets Dutch ones; both are recognised everywhere afterwards.
 */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_PATTERN, placeholderKinds, redact, redactIncoming, withoutPlaceholders } from '../../src/privacy/index.ts';
import { consoleIncoming } from './forms.ts';

const now = new Date('2026-11-30T12:00:00Z');
const incoming = consoleIncoming;

describe('placeholders in the language of the text', () => {
  it('writes English placeholders for an English message, never the personal data', () => {
    const { message, found } = redactIncoming(incoming('Mr. Jansen, born 12-03-1950, needs a place; call him on 06-12345678 at Kerkstraat 4'), now);
    expect(message.text).toContain('[name]');
    expect(message.text).toContain('[date of birth]');
    expect(message.text).toContain('[phone]');
    expect(message.text).toContain('[address]');
    expect(message.text).not.toMatch(/Jansen|1950|12345678|Kerkstraat|\[naam\]|\[geboortedatum\]/);
    expect(found).toEqual(['name', 'birthdate', 'address', 'phone']);
  });

  it('keeps Dutch placeholders for Dutch text and for text too short to tell', () => {
    expect(redactIncoming(incoming('Meneer Jansen, geboren 12-03-1950, wacht op een plek'), now).message.text).toMatch(/Meneer \[naam\], geboren \[geboortedatum\]/);
    expect(redactIncoming(incoming('BSN 111222333'), now).message.text).toBe('BSN [BSN]');
  });

  it('reads the language of a form from its typed inputs too', () => {
    const { message } = redactIncoming(incoming('', { answer: 'I would let Mrs. de Vries stay at home with more help' }), now);
    expect(message.action?.inputs?.answer).toContain('[name]');
  });

  it('recognises English placeholders afterwards: redacting twice changes nothing and still reports them', () => {
    const once = redactIncoming(incoming('Mr. Jansen, born 12-03-1950, needs a place'), now).message.text;
    const twice = redact(once, now);
    expect(twice.text).toBe(once);
    expect(twice.found).toEqual(['name', 'birthdate']);
    expect(placeholderKinds(once)).toEqual(['name', 'birthdate']);
    expect(once.match(PLACEHOLDER_PATTERN)).toEqual(['[name]', '[date of birth]']);
    expect(withoutPlaceholders(once)).toBe('needs a place');
  });
});
