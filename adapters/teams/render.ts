/**
 * Renders the core's neutral messages for Teams: the markdown subset as Teams markdown, and cards
 * as Adaptive Cards 1.5 whose buttons are `Action.Submit` with `{ wegwijs: actionId, value }`.
 */
import { assertNever, replaceMentions, truncate, type Button, type Card, type CardElement, type Input, type OutgoingMessage } from '../../src/core/index.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_VERSION = '1.5';
/** The key in a button's data that marks a press as Wegwijs's (and carries the action id). */
export const ACTION_KEY = 'wegwijs';

type Json = Record<string, unknown>;

/** The message part of an outgoing activity (type, text or card attachment, summary). */
export function toTeamsMessage(message: OutgoingMessage): Json {
  const { mention, entities } = teamsMentions(message);
  if (!message.card) {
    const text = mention(toTeamsMarkdown(message.text));
    return { type: 'message', textFormat: 'markdown', text, ...(entities.length ? { entities: entities.filter((e) => text.includes(e.text)) } : {}) };
  }
  const content = withMentions(toAdaptiveCard(message.card), mention);
  const inCard = entities.filter((e) => JSON.stringify(content).includes(e.text));
  return {
    type: 'message',
    // The card carries the content; the summary is what notifications and the chat list show.
    summary: truncate(plainSummary(message.text || message.card.fallback), 250),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: inCard.length ? { ...content, msteams: { entities: inCard } } : content }],
  };
}

interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** "@Anna Smit" → "<at>Anna Smit</at>" with a mention entity, so Teams notifies the person. */
function teamsMentions(message: OutgoingMessage): { mention: (text: string) => string; entities: MentionEntity[] } {
  const people = [...(message.mentions ?? [])].sort((a, b) => (b.name || b.id).length - (a.name || a.id).length);
  const entities = people.map((p) => ({ type: 'mention' as const, text: `<at>${p.name || p.id}</at>`, mentioned: { id: p.id, name: p.name || p.id } }));
  return { mention: (text) => replaceMentions(text, people, (p) => `<at>${p.name || p.id}</at>`), entities };
}

/** Mentions in the card's text blocks (not in button titles). */
function withMentions(content: Json, mention: (text: string) => string): Json {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const object = value as Json;
    return Object.fromEntries(Object.entries(object).map(([key, v]) => [key, key === 'text' && object.type === 'TextBlock' && typeof v === 'string' ? mention(v) : walk(v)]));
  };
  return walk(content) as Json;
}


/**
 * The core's markdown subset (**bold**, _italic_, `code`, [label](url), "- " bullets) in Teams
 * message markdown. Teams joins single newlines, so paragraphs get a blank line between them;
 * consecutive bullets stay one list.
 */
export function toTeamsMarkdown(text: string): string {
  const lines = text.split('\n');
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) out += isBullet(line) && isBullet(lines[i - 1]) ? '\n' : '\n\n';
    out += line;
  });
  return out.replace(/\n{3,}/g, '\n\n');
}

/** Text for an Adaptive Card TextBlock: its markdown has no inline code, so backticks go. */
export function toCardMarkdown(text: string): string {
  return text.replace(/`([^`\n]+)`/g, '$1');
}

/** A neutral card as an Adaptive Card 1.5 (Teams supports up to 1.5 on every client). */
export function toAdaptiveCard(card: Card): Json {
  const body: Json[] = [];
  if (card.title) body.push({ type: 'TextBlock', text: toCardMarkdown(card.title), size: 'Large', weight: 'Bolder', wrap: true });
  let separate = false;
  for (const element of card.elements) {
    if (element.type === 'divider') {
      separate = true;
      continue;
    }
    const rendered = renderElement(element);
    if (separate) {
      rendered.separator = true;
      rendered.spacing = 'Medium';
      separate = false;
    }
    body.push(rendered);
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: card.fallback,
    body,
    msteams: { width: 'Full' },
  };
}

function renderElement(element: Exclude<CardElement, { type: 'divider' }>): Json {
  switch (element.type) {
    case 'text':
      if (element.style === 'heading') return { type: 'TextBlock', text: toCardMarkdown(element.text), size: 'Medium', weight: 'Bolder', wrap: true };
      if (element.style === 'muted') return { type: 'TextBlock', text: toCardMarkdown(element.text), isSubtle: true, wrap: true };
      return { type: 'TextBlock', text: toCardMarkdown(element.text), wrap: true };
    case 'fields':
      return { type: 'FactSet', facts: element.fields.map((f) => ({ title: f.label, value: toCardMarkdown(f.value) })) };
    case 'buttons':
      return { type: 'ActionSet', actions: element.buttons.map(toSubmitAction) };
    case 'input':
      return renderInput(element);
    case 'context':
      return { type: 'TextBlock', text: toCardMarkdown(element.text), isSubtle: true, size: 'Small', wrap: true };
    default:
      return assertNever(element);
  }
}

function toSubmitAction(button: Button): Json {
  const style = button.style === 'primary' ? 'positive' : button.style === 'danger' ? 'destructive' : undefined;
  return {
    type: 'Action.Submit',
    title: button.label,
    data: { [ACTION_KEY]: button.action.id, ...(button.action.value ? { value: button.action.value } : {}) },
    ...(style ? { style } : {}),
  };
}

function renderInput(input: Input): Json {
  const common: Json = { id: input.id, label: input.label, ...(input.required ? { isRequired: true, errorMessage: input.label } : {}) };
  switch (input.kind) {
    case 'text':
      return { type: 'Input.Text', ...common, placeholder: input.placeholder, isMultiline: input.multiline || undefined, value: input.value };
    case 'date':
      return { type: 'Input.Date', ...common, value: input.value };
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        placeholder: input.placeholder,
        value: input.value,
        choices: (input.options ?? []).map((o) => ({ title: o.label, value: o.value })),
      };
    default:
      return assertNever(input.kind);
  }
}

function isBullet(line: string | undefined): boolean {
  return line !== undefined && /^\s*[-*] /.test(line);
}

function plainSummary(text: string): string {
  return text
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/_([^_\n]+)_/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
