/**
 * Renders the core's neutral messages for Teams: the markdown subset as Teams markdown, and cards
 * as Adaptive Cards 1.5 whose buttons are `Action.Submit` with `{ wegwijs: actionId, value }`, or,
 * for a card whose controls only some people may use (Universal Actions), `Action.Execute` with a
 * `refresh` for those people: each of them gets their own card, everyone else a read-only one.
 * An answer's sources become citation entities, an LLM's text gets the "AI generated" label, and
 * 👍/👎 buttons become Teams' own feedback control.
 */
import { assertNever, cardForViewer, LIMITS, replaceMentions, truncate, type Button, type Card, type CardElement, type Citation, type Input, type OutgoingMessage, type Picture } from '../../src/core/index.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_VERSION = '1.5';
/** The key in a button's data that marks a press as Wegwijs's (and carries the action id). */
export const ACTION_KEY = 'wegwijs';
/** The key in a button's data naming the stored card it sits on (Universal Actions). */
export const CARD_KEY = 'wegwijsCard';
/** The verb of the refresh action: Teams sends it when someone in `userIds` views the card. */
export const REFRESH_VERB = 'wegwijs.refresh';
/** Teams refreshes a card automatically for at most this many users. */
export const MAX_REFRESH_USERS = 60;

type Json = Record<string, unknown>;

/** How a card with actors is drawn with Universal Actions: its stored key, who gets a refresh, and for whom. */
export interface UniversalOptions {
  key: string;
  userIds: string[];
  /** The person this rendering is for (a refresh); undefined: the shared read-only card. */
  viewer?: string;
}

/**
 * Teams refuses a message over about 28 KB (413 MessageSizeTooBig): a longer text is cut, with
 * "…", rather than lost whole. Characters, not bytes: room for accented letters (two bytes each).
 */
export const TEXT_MAX_CHARS = 12_000;

export interface TeamsRenderOptions {
  universal?: UniversalOptions;
}

/** The message part of an outgoing activity (type, text or card attachment, summary, AI entities). */
export function toTeamsMessage(message: OutgoingMessage, options: TeamsRenderOptions = {}): Json {
  const { mention, entities } = teamsMentions(message);
  const ai = aiEntity(message);
  const feedback = hasFeedback(message) ? { channelData: { feedbackLoopEnabled: true } } : {};
  if (!message.card) {
    const text = truncate(mention(toTeamsMarkdown(message.text)), TEXT_MAX_CHARS) + citationMarkers(message.citations);
    const all = [...entities.filter((e) => text.includes(e.text)), ...(ai ? [ai] : [])];
    return { type: 'message', textFormat: 'markdown', text, ...(all.length ? { entities: all } : {}), ...feedback, ...(message.picture ? { attachments: [pictureAttachment(message.picture)] } : {}) };
  }
  const content = withMentions(toMessageCard(message, options.universal), mention);
  const inCard = entities.filter((e) => JSON.stringify(content).includes(e.text));
  return {
    type: 'message',
    // The card carries the content; the summary is what notifications and the chat list show.
    summary: truncate(plainSummary(message.text || message.card.fallback), 250),
    // Citations are pinned to markers in the text: the card's message carries just the markers.
    ...(message.citations?.length ? { textFormat: 'markdown', text: citationMarkers(message.citations).trim() } : {}),
    attachments: [
      { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: inCard.length ? { ...content, msteams: { ...(content.msteams as Json), entities: inCard } } : content },
      ...(message.picture ? [pictureAttachment(message.picture)] : []),
    ],
    ...(ai ? { entities: [ai] } : {}),
    ...feedback,
  };
}

/**
 * A picture as a Teams inline image: an attachment with an image type and the PNG as a base64 data
 * URI (Wegwijs has nowhere public to host it); Teams shows it in the conversation, and the name
 * carries the alt text for screen readers.
 */
export function pictureAttachment(picture: Picture): Json {
  return { contentType: 'image/png', contentUrl: `data:image/png;base64,${Buffer.from(picture.png).toString('base64')}`, name: picture.alt };
}

/** The Adaptive Card of a message: with Universal Actions when asked, without 👍/👎 buttons when Teams shows its own. */
export function toMessageCard(message: OutgoingMessage, universal?: UniversalOptions): Json {
  let card = message.card!;
  if (hasFeedback(message)) card = withoutFeedbackButtons(card);
  if (!universal) return toAdaptiveCard(card);
  const content = toAdaptiveCard(cardForViewer(card, universal.viewer), { cardKey: universal.key });
  return {
    ...content,
    refresh: { action: { type: 'Action.Execute', verb: REFRESH_VERB, data: { [CARD_KEY]: universal.key } }, userIds: universal.userIds },
  };
}

/** True when the message has 👍/👎 buttons: Teams then shows its feedback control instead. */
export function hasFeedback(message: OutgoingMessage): boolean {
  return Boolean(message.card?.elements.some((e) => e.type === 'buttons' && e.buttons.some((b) => b.feedback)));
}

/** The message's 👍/👎 actions, for Teams' feedback invoke. */
export function feedbackActions(message: OutgoingMessage): { up?: Button['action']; down?: Button['action'] } {
  const all = message.card?.elements.flatMap((e) => (e.type === 'buttons' ? e.buttons : [])) ?? [];
  return { up: all.find((b) => b.feedback === 'up')?.action, down: all.find((b) => b.feedback === 'down')?.action };
}

function withoutFeedbackButtons(card: Card): Card {
  const elements: CardElement[] = [];
  for (const e of card.elements) {
    if (e.type !== 'buttons') elements.push(e);
    else if (e.buttons.some((b) => !b.feedback)) elements.push({ ...e, buttons: e.buttons.filter((b) => !b.feedback) });
  }
  return { ...card, elements };
}

/**
 * The schema.org Message entity Teams reads for its AI features: `citation` claims for the
 * sources (numbered as the markers in the text) and the "AI generated" label only when a
 * language model wrote the text. None when the message has neither.
 */
export function aiEntity(message: OutgoingMessage): Json | undefined {
  const citations = message.citations ?? [];
  if (!citations.length && !message.aiGenerated) return undefined;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(message.aiGenerated ? { additionalType: ['AIGeneratedContent'] } : {}),
    ...(citations.length ? { citation: citations.map(citationClaim) } : {}),
  };
}

function citationClaim(citation: Citation, index: number): Json {
  // Teams' limits: a name of at most 80 characters, an abstract of at most 160.
  const abstract = [citation.abstract, citation.date].filter(Boolean).join(', ') || citation.title;
  return {
    '@type': 'Claim',
    position: index + 1,
    appearance: {
      '@type': 'DigitalDocument',
      name: truncate(citation.title, 80),
      abstract: truncate(abstract, 160),
      ...(citation.url ? { url: citation.url } : {}),
    },
  };
}

/** " [1] [2]": the in-text markers Teams turns into citation pills. */
function citationMarkers(citations: Citation[] | undefined): string {
  return citations?.length ? ` ${citations.map((_c, i) => `[${i + 1}]`).join(' ')}` : '';
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

/**
 * A neutral card as an Adaptive Card 1.5 (Teams supports up to 1.5 on every client). With a
 * `cardKey` its buttons are `Action.Execute` (Universal Actions) carrying the key.
 */
export function toAdaptiveCard(card: Card, options: { cardKey?: string } = {}): Json {
  const body: Json[] = [];
  if (card.title) body.push({ type: 'TextBlock', text: toCardMarkdown(card.title), size: 'Large', weight: 'Bolder', wrap: true });
  let separate = false;
  for (const element of card.elements) {
    if (element.type === 'divider') {
      separate = true;
      continue;
    }
    const rendered = renderElement(element, options.cardKey);
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

function renderElement(element: Exclude<CardElement, { type: 'divider' }>, cardKey?: string): Json {
  switch (element.type) {
    case 'text':
      if (element.style === 'heading') return { type: 'TextBlock', text: toCardMarkdown(element.text), size: 'Medium', weight: 'Bolder', wrap: true };
      if (element.style === 'muted') return { type: 'TextBlock', text: toCardMarkdown(element.text), isSubtle: true, wrap: true };
      return { type: 'TextBlock', text: toCardMarkdown(element.text), wrap: true };
    case 'fields':
      return { type: 'FactSet', facts: element.fields.map((f) => ({ title: f.label, value: toCardMarkdown(f.value) })) };
    case 'buttons':
      return { type: 'ActionSet', actions: element.buttons.map((b) => (cardKey ? toExecuteAction(b, cardKey) : toSubmitAction(b))) };
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

/** A Universal Action: the verb is the action id, the data as for `Action.Submit` plus the card's key. */
function toExecuteAction(button: Button, cardKey: string): Json {
  const submit = toSubmitAction(button);
  return { ...submit, type: 'Action.Execute', verb: button.action.id, data: { ...(submit.data as Json), [CARD_KEY]: cardKey } };
}

function renderInput(input: Input): Json {
  const common: Json = { id: input.id, label: input.label, ...(input.required ? { isRequired: true, errorMessage: input.label } : {}) };
  switch (input.kind) {
    case 'text':
      return { type: 'Input.Text', ...common, placeholder: input.placeholder, isMultiline: input.multiline || undefined, maxLength: LIMITS.inputChars, value: input.value };
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
