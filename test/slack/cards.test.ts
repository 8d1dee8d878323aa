/** Block Kit rendering: every element type, the markdown subset, and degrading at Slack's limits. */
import { describe, expect, it } from 'vitest';
import { cardToBlocks, coreActionId, inputsFromState, splitText, toSlackMessage, SLACK_LIMITS, DROPPED_NOTE } from '../../adapters/slack/cards.ts';
import { toDeliveryError } from '../../adapters/slack/errors.ts';
import { fromSlackText, toMrkdwn } from '../../adapters/slack/mrkdwn.ts';
import { button, buttons, card, context, divider, fields, input, text, type Card } from '../../src/core/index.ts';

type AnyBlock = Record<string, any>;
const toDelivery = (err: unknown) => {
  const failure = toDeliveryError(err);
  return { kind: failure.kind, retryAfterMs: failure.retryAfterMs, status: failure.status };
};
const blocksOf = (value: Card, max?: number) => cardToBlocks(value, max) as AnyBlock[];

describe('Slack cards', () => {
  it('renders every element type', () => {
    const blocks = blocksOf(
      card(
        { title: 'Beraad' },
        text('Stap 1', 'heading'),
        text('Wat is er **aan de hand**?'),
        text('klein', 'muted'),
        fields(['Wie', 'Anna'], ['Wanneer', 'vrijdag']),
        input('wat', 'Wat?', { required: true, multiline: true, placeholder: 'typ hier' }),
        input('wanneer', 'Wanneer?', { kind: 'date', value: '2026-12-01' }),
        input('rol', 'Rol', { kind: 'select', options: [{ label: 'Zorgkantoor', value: 'zk' }], value: 'zk' }),
        divider(),
        context('Bron: Wlz, 2025'),
        buttons(button('Volgende', 'deliberate.next', { session: 's1' }, 'primary'), button('Stop', 'deliberate.stop', undefined, 'danger')),
      ),
    );
    expect(blocks.map((b) => b.type)).toEqual(['header', 'header', 'section', 'context', 'section', 'input', 'input', 'input', 'divider', 'context', 'actions']);
    expect(blocks[2].text).toEqual({ type: 'mrkdwn', text: 'Wat is er *aan de hand*?' });
    expect(blocks[4].fields[0].text).toBe('*Wie*\nAnna');
    expect(blocks[5]).toMatchObject({ block_id: 'input:wat', optional: false, element: { type: 'plain_text_input', action_id: 'wat', multiline: true } });
    expect(blocks[6].element).toMatchObject({ type: 'datepicker', initial_date: '2026-12-01' });
    expect(blocks[7].element).toMatchObject({ type: 'static_select', initial_option: { value: 'zk' } });
    const [next, stop] = blocks[10].elements;
    expect(next).toMatchObject({ style: 'primary', value: '{"session":"s1"}' });
    expect(coreActionId(next.action_id)).toBe('deliberate.next');
    expect(coreActionId(stop.action_id)).toBe('deliberate.stop');
    expect(next.action_id).not.toBe(stop.action_id);
  });

  it('gives every message a plain-text fallback for notifications', () => {
    const value = card({ title: 'Voortgang' }, text('Twee acties klaar'));
    const message = toSlackMessage({ text: value.fallback, card: value });
    expect(message.text).toBe('*Voortgang*\nTwee acties klaar');
    expect(toSlackMessage({ text: 'alleen tekst' })).toEqual({ text: 'alleen tekst' });
  });

  it('degrades over the limits instead of failing', () => {
    const long = 'woord '.repeat(1200); // 7200 characters
    const many = Array.from({ length: 30 }, (_, i) => button(`Knop ${i} ${'x'.repeat(100)}`, 'probe.press', { i }));
    const huge = button('Te groot', 'probe.press', { blob: 'x'.repeat(3000) });
    const blocks = blocksOf(
      card(
        { title: 'T'.repeat(400) },
        text(long),
        fields(...Array.from({ length: 12 }, (_, i): [string, string] => [`veld ${i}`, 'y'.repeat(2500)])),
        context('c'.repeat(2500)),
        buttons(...many, huge),
      ),
    );
    expect(blocks[0].text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    const sections = blocks.filter((b) => b.type === 'section' && b.text);
    expect(sections.length).toBe(3);
    for (const s of sections) expect(s.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const fieldBlocks = blocks.filter((b) => b.type === 'section' && b.fields);
    expect(fieldBlocks.map((b) => b.fields.length)).toEqual([10, 2]);
    for (const f of fieldBlocks.flatMap((b) => b.fields)) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionField);
    const contexts = blocks.filter((b) => b.type === 'context');
    expect(contexts[0].elements[0].text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElementText);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions.map((a) => a.elements.length)).toEqual([25, 5]);
    for (const b of actions.flatMap((a) => a.elements)) {
      expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      expect(b.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    }
    // The button whose value did not fit is dropped with a note.
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: DROPPED_NOTE }] });
  });

  it('keeps at most 50 blocks in a message (100 in a modal), ending with a note', () => {
    const value = card({}, ...Array.from({ length: 80 }, () => divider()));
    const blocks = blocksOf(value);
    expect(blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(blocks.at(-1)?.elements[0].text).toBe(DROPPED_NOTE);
    expect(blocksOf(value, SLACK_LIMITS.blocksPerModal)).toHaveLength(80);
  });

  it('splits long text at paragraph boundaries', () => {
    const parts = splitText(`${'a'.repeat(2000)}\n\n${'b'.repeat(2000)}`, 3000);
    expect(parts).toEqual(['a'.repeat(2000), 'b'.repeat(2000)]);
    expect(splitText('x'.repeat(7000), 3000).map((p) => p.length)).toEqual([3000, 3000, 1000]);
  });

  it('reads input values from state.values', () => {
    expect(
      inputsFromState({
        'input:a': { a: { type: 'plain_text_input', value: 'tekst' } },
        'input:b': { b: { type: 'datepicker', selected_date: '2026-12-01' } },
        'input:c': { c: { type: 'static_select', selected_option: { value: 'zk' } } },
        'input:d': { d: { type: 'plain_text_input', value: null } },
      }),
    ).toEqual({ a: 'tekst', b: '2026-12-01', c: 'zk' });
  });
});

describe('Slack text', () => {
  it('turns the markdown subset into mrkdwn', () => {
    expect(toMrkdwn('**vet** en _schuin_ en `code **niet**`')).toBe('*vet* en _schuin_ en `code **niet**`');
    expect(toMrkdwn('Zie [de Wlz](https://wetten.overheid.nl/a?b=1&c=2)')).toBe('Zie <https://wetten.overheid.nl/a?b=1&amp;c=2|de Wlz>');
    expect(toMrkdwn('- een\n- twee')).toBe('• een\n• twee');
    expect(toMrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(toMrkdwn('vraag @U0123ABCD eens')).toBe('vraag <@U0123ABCD> eens');
  });

  it('reads Slack markup as plain text with the mentions', () => {
    expect(fromSlackText('<@UBOT> actie bellen <@U0123ABCD> in <#C1|netwerk> &amp; <https://x.nl|site>', 'UBOT')).toEqual({
      text: 'actie bellen @U0123ABCD in #netwerk & site (https://x.nl)',
      mentions: ['U0123ABCD'],
    });
  });
});

describe('Slack delivery errors', () => {
  it('classifies Web API failures for the messenger', () => {
    expect(toDelivery({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toEqual({ kind: 'retry', retryAfterMs: 7000, status: 429 });
    for (const error of ['channel_not_found', 'not_in_channel', 'is_archived']) {
      expect(toDelivery({ code: 'slack_webapi_platform_error', data: { ok: false, error } }).kind).toBe('gone');
    }
    expect(toDelivery({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'invalid_blocks' } }).kind).toBe('fatal');
    expect(toDelivery({ code: 'slack_webapi_http_error', statusCode: 503 }).kind).toBe('retry');
    expect(toDelivery({ code: 'slack_webapi_request_error' }).kind).toBe('retry');
  });
});

describe('mentions', () => {
  it('turns "@name" into a real Slack mention in text and mrkdwn blocks, longest name first, not in headers', () => {
    const message = {
      text: 'Goed bezig @Anna Smit en @Anna! Vraag @Bram hoe het gaat.',
      mentions: [
        { id: 'U1', name: 'Anna' },
        { id: 'U2', name: 'Anna Smit' },
        { id: 'U3', name: 'Bram' },
      ],
      card: { title: 'Voor @Bram', elements: [{ type: 'text' as const, text: 'Klaar: @Anna Smit' }], fallback: '' },
    };
    const rendered = toSlackMessage(message);
    expect(rendered.text).toBe('Goed bezig <@U2> en <@U1>! Vraag <@U3> hoe het gaat.');
    const json = JSON.stringify(rendered.blocks);
    expect(json).toContain('Klaar: <@U2>');
    expect(json).toContain('Voor @Bram');
    expect(toSlackMessage({ text: 'mail @Annabel' , mentions: [{ id: 'U1', name: 'Anna' }] }).text).toBe('mail @Annabel');
  });
});
