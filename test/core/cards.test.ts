import { describe, expect, it } from 'vitest';
import { button, buttons, card, cardButtons, context, fields, input, text } from '../../src/core/index.ts';

describe('cards', () => {
  it('derive a plain-text fallback from their elements', () => {
    const built = card(
      { title: 'Actie 12' },
      text('Bel het zorgkantoor'),
      fields(['Eigenaar', 'Bram'], ['Status', 'open']),
      buttons(button('Klaar', 'actions.done', { n: 12 })),
      input('note', 'Voortgang'),
      context('Bron: VWS, 2023'),
      false,
    );
    expect(built.fallback).toBe('**Actie 12**\nBel het zorgkantoor\nEigenaar: Bram\nStatus: open\n_Bron: VWS, 2023_');
    expect(cardButtons(built)).toEqual([{ label: 'Klaar', action: { id: 'actions.done', value: { n: 12 } } }]);
  });

  it('keep an explicit fallback', () => {
    expect(card({ title: 'x', fallback: 'eigen tekst' }, text('y')).fallback).toBe('eigen tekst');
  });
});
