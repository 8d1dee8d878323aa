/** Unit checks of the Teams translation: ids, mentions, reply chains, presses, cards, errors. */
import { describe, expect, it } from 'vitest';
import { actionOf, retryAfterMs, toAdaptiveCard, toDeliveryError, toIncoming, toTeamsMarkdown } from '../../adapters/teams/index.ts';
import { TeamsActivitySchema } from '../../adapters/teams/incoming.ts';
import { button, buttons, card, context, divider, fields, input, text } from '../../src/core/index.ts';
import { BOT, channelMention, personalMessage } from './fake-connector.ts';

const parse = (raw: Record<string, unknown>) => TeamsActivitySchema.parse({ serviceUrl: 'https://smba.example', ...raw });

describe('Teams activity → IncomingMessage', () => {
  it('maps a personal chat: tenant, user id (the 29: channel account id) and name, direct', () => {
    const incoming = toIncoming(parse(personalMessage({ tenant: 't1' }, 'hulp')))!;
    expect(incoming).toMatchObject({ platform: 'teams', tenantId: 't1', channelId: 'a:personal-29:anna', isDirect: true, addressedToBot: true, text: 'hulp' });
    expect(incoming.user).toEqual({ id: '29:anna', name: 'Anna de Boer' });
  });

  it('takes the tenant from channelData when the conversation has none, and refuses two that disagree', () => {
    const raw = personalMessage({ tenant: 't1' }, 'hulp');
    const noConversationTenant = { ...raw, conversation: { id: 'a:1', conversationType: 'personal' } };
    expect(toIncoming(parse(noConversationTenant))?.tenantId).toBe('t1');
    expect(toIncoming(parse({ ...raw, channelData: { tenant: { id: 't2' } } }))).toBeUndefined();
    expect(toIncoming(parse({ ...noConversationTenant, channelData: {} }))).toBeUndefined();
    expect(toIncoming(parse({ ...noConversationTenant, channelData: {} }), { fallbackTenant: 'local' })?.tenantId).toBe('local');
  });

  it('strips the bot mention, keeps other people, and maps reply chains to threads', () => {
    const top = channelMention({ tenant: 't1', channel: '19:c@thread.tacv2' }, 'hulp &amp; meer', { id: '100' });
    const other = { type: 'mention', text: '<at>Bram</at>', mentioned: { id: '29:bram', aadObjectId: 'aad-bram', name: 'Bram' } };
    const incoming = toIncoming(parse({ ...top, text: `${top.text} voor <at>Bram</at>`, entities: [...(top.entities as object[]), other] }))!;
    expect(incoming).toMatchObject({ channelId: '19:c@thread.tacv2', channelName: 'Passende plekken', messageId: '100', addressedToBot: true, isDirect: false });
    expect(incoming.threadId).toBeUndefined();
    expect(incoming.text).toBe('hulp & meer voor Bram');
    expect(incoming.mentions).toEqual([{ id: '29:bram', name: 'Bram' }]);

    const reply = toIncoming(parse(channelMention({ tenant: 't1', channel: '19:c@thread.tacv2', root: '100' }, 'ja', { id: '101' })))!;
    expect(reply).toMatchObject({ channelId: '19:c@thread.tacv2', threadId: '100', messageId: '101' });

    const unaddressed = toIncoming(parse({ ...reply, ...channelMention({ tenant: 't1', channel: '19:c@thread.tacv2', root: '100' }, 'x'), text: 'gewoon een antwoord', entities: [] }))!;
    expect(unaddressed).toMatchObject({ addressedToBot: false, threadId: '100', text: 'gewoon een antwoord' });
  });

  it('reads Action.Submit (flat) and Action.Execute presses, ignoring other values', () => {
    const submit = parse(personalMessage({ tenant: 't1' }, '', { replyToId: 'm7', value: { wegwijs: 'actions.done', value: { action: 4, ok: true, bad: { x: 1 } }, due: '2026-12-01', msteams: {} } }));
    expect(actionOf(submit)).toEqual({ id: 'actions.done', value: { action: 4, ok: true }, inputs: { due: '2026-12-01' }, messageId: 'm7' });
    const execute = parse({ ...personalMessage({ tenant: 't1' }, ''), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: { wegwijs: 'x.y' } } } });
    expect(actionOf(execute)).toEqual({ id: 'x.y' });
    expect(actionOf(parse(personalMessage({ tenant: 't1' }, '', { value: { other: 'app' } })))).toBeUndefined();
    expect(toIncoming(parse({ ...personalMessage({ tenant: 't1' }, ''), type: 'invoke', name: 'task/fetch', value: {} }))).toBeUndefined();
  });

  it('answers in a group chat only when mentioned', () => {
    const group = (text: string, mention: boolean) =>
      parse({
        ...personalMessage({ tenant: 't1' }, text),
        conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 't1' },
        text: mention ? `<at>Wegwijs</at> ${text}` : text,
        entities: mention ? [{ type: 'mention', text: '<at>Wegwijs</at>', mentioned: BOT }] : [],
      });
    expect(toIncoming(group('hulp', true))).toMatchObject({ channelId: '19:chat@thread.v2', isDirect: false, addressedToBot: true, text: 'hulp' });
    expect(toIncoming(group('hulp', false))).toMatchObject({ isDirect: false, addressedToBot: false });
  });
});

describe('Teams rendering', () => {
  it('renders a neutral card as an Adaptive Card 1.5 with inputs and Action.Submit buttons', () => {
    const rendered = toAdaptiveCard(
      card(
        { title: 'Actie' },
        text('Wat is **af**?', 'heading'),
        fields(['Wie', 'Anna']),
        divider(),
        input('wat', 'Wat', { multiline: true, required: true, placeholder: '…' }),
        input('wanneer', 'Wanneer', { kind: 'date' }),
        input('rol', 'Rol', { kind: 'select', options: [{ label: 'Zorgkantoor', value: 'zorgkantoor' }] }),
        buttons(button('Klaar', 'actions.done', { action: 3 }, 'primary'), button('Stop', 'actions.stop', undefined, 'danger')),
        context('`wegwijs hulp`'),
      ),
    );
    expect(rendered).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(String(rendered.fallbackText)).toContain('**Actie**');
    const body = rendered.body as Record<string, unknown>[];
    expect(body.map((b) => b.type)).toEqual(['TextBlock', 'TextBlock', 'FactSet', 'Input.Text', 'Input.Date', 'Input.ChoiceSet', 'ActionSet', 'TextBlock']);
    expect(body[3]).toMatchObject({ id: 'wat', isMultiline: true, isRequired: true, separator: true });
    expect(body[5]).toMatchObject({ id: 'rol', choices: [{ title: 'Zorgkantoor', value: 'zorgkantoor' }] });
    expect(body[6].actions).toEqual([
      { type: 'Action.Submit', title: 'Klaar', data: { wegwijs: 'actions.done', value: { action: 3 } }, style: 'positive' },
      { type: 'Action.Submit', title: 'Stop', data: { wegwijs: 'actions.stop' }, style: 'destructive' },
    ]);
    expect(body[7]).toMatchObject({ text: 'wegwijs hulp', isSubtle: true });
  });

  it('turns the markdown subset into Teams markdown (paragraphs apart, lists together)', () => {
    expect(toTeamsMarkdown('**Kop**\nTekst met `code`\n- een\n- twee\nSlot')).toBe('**Kop**\n\nTekst met `code`\n\n- een\n- twee\n\nSlot');
  });
});

describe('Teams delivery errors', () => {
  const http = (status: number, data?: unknown, retryAfter?: string) => ({
    status,
    response: { status, data, headers: new Headers(retryAfter ? { 'retry-after': retryAfter } : {}) },
  });

  it('classifies 429 and 5xx as retry with Retry-After, 403/404 gone, others fatal', () => {
    expect(toDeliveryError(http(429, undefined, '7'))).toMatchObject({ kind: 'retry', retryAfterMs: 7000, status: 429 });
    expect(toDeliveryError(http(503))).toMatchObject({ kind: 'retry', status: 503 });
    expect(toDeliveryError(http(403, { error: { code: 'BotNotInConversationRoster' } }))).toMatchObject({ kind: 'gone' });
    expect(toDeliveryError(http(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } }))).toMatchObject({ kind: 'gone' });
    expect(toDeliveryError(http(404, { error: { code: 'ActivityNotFoundInConversation' } }))).toMatchObject({ kind: 'fatal' });
    expect(toDeliveryError(http(400, { error: { code: 'BadArgument' } }))).toMatchObject({ kind: 'fatal' });
    expect(toDeliveryError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toMatchObject({ kind: 'retry' });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), () => 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('Teams mentions', () => {
  it('turns "@name" into <at>name</at> with a mention entity, in text and in card text blocks', async () => {
    const { toTeamsMessage } = await import('../../adapters/teams/render.ts');
    const mentions = [
      { id: '29:anna', name: 'Anna' },
      { id: '29:annasmit', name: 'Anna Smit' },
    ];
    const plain = toTeamsMessage({ text: 'Goed bezig @Anna Smit, vraag @Anna hoe het gaat', mentions });
    expect(plain.text).toBe('Goed bezig <at>Anna Smit</at>, vraag <at>Anna</at> hoe het gaat');
    expect(plain.entities).toEqual([
      { type: 'mention', text: '<at>Anna Smit</at>', mentioned: { id: '29:annasmit', name: 'Anna Smit' } },
      { type: 'mention', text: '<at>Anna</at>', mentioned: { id: '29:anna', name: 'Anna' } },
    ]);
    const withCard = toTeamsMessage({ text: 'x', mentions, card: card({ title: 'Week' }, text('Klaar: @Anna Smit')) });
    const content = (withCard.attachments as { content: { body: { text?: string }[]; msteams?: { entities: unknown[] } } }[])[0].content;
    expect(content.body.some((b) => b.text === 'Klaar: <at>Anna Smit</at>')).toBe(true);
    expect(content.msteams?.entities).toEqual([{ type: 'mention', text: '<at>Anna Smit</at>', mentioned: { id: '29:annasmit', name: 'Anna Smit' } }]);
  });
});
