/**
 * The neutral card model. Features build cards with the small builders below; each adapter
 * translates them (Adaptive Cards, Block Kit, console text). Every card has a plain-text fallback
 * for notifications and for platforms that cannot show it.
 */
import { escapeRegExp } from './text.ts';

/** What a button sends back to the core when pressed. `id` is `<feature>.<handler>`. */
export interface ActionRef {
  id: string;
  value?: Record<string, string | number | boolean | null>;
}

export interface Button {
  label: string;
  action: ActionRef;
  style?: 'primary' | 'danger';
  /**
   * Only these users (platform user ids) may press it; others see the card without it where the
   * platform can show each person their own card (Teams refresh), and are refused by the feature
   * anyway. Undefined: the card's `actors`, else everyone.
   */
  actors?: string[];
  /** A 👍/👎 button: a platform with its own feedback control (Teams) may show that instead. */
  feedback?: 'up' | 'down';
}

export interface InputOption {
  label: string;
  value: string;
}

export interface Input {
  type: 'input';
  id: string;
  label: string;
  kind: 'text' | 'date' | 'select';
  placeholder?: string;
  multiline?: boolean;
  required?: boolean;
  value?: string;
  options?: InputOption[];
  /** Only these users may fill it in (as `Button.actors`). */
  actors?: string[];
}

export type CardElement =
  | { type: 'text'; text: string; style?: 'normal' | 'heading' | 'muted' }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'buttons'; buttons: Button[] }
  | Input
  | { type: 'divider' }
  | { type: 'context'; text: string };

export interface Card {
  title?: string;
  elements: CardElement[];
  /** Plain text for notifications and platforms without cards. */
  fallback: string;
  /** Who may act on the card's buttons and inputs that name no `actors` of their own (default: everyone). */
  actors?: string[];
}

/** A source an answer rests on: shown by the platform as a citation where it has them. */
export interface Citation {
  title: string;
  /** Publication or consultation date as written in the source list (e.g. "nov 2023"). */
  date?: string;
  url?: string;
  /** One short line about the source (publisher, section). */
  abstract?: string;
}

/**
 * What a feature sends. `text` uses a small markdown subset: **bold**, _italic_, `code`,
 * [label](url), and lines starting with "- " as bullets.
 */
export interface OutgoingMessage {
  text: string;
  card?: Card;
  /**
   * People named in the text (and card) as "@name", written with `mention()`. An adapter that
   * can notify them turns each into a real mention (Slack `<@U…>`, Teams `<at>name</at>` with a
   * mention entity); one that cannot (the console) shows "@name" as written.
   */
  mentions?: Mention[];
  /** The sources of an answer, in order: platforms with citations (Teams) show them natively. */
  citations?: Citation[];
  /** True only when a language model wrote the text: platforms with an "AI generated" label show it. */
  aiGenerated?: boolean;
  /**
   * A short line announcing a new message live to the people it concerns (user ids), where the
   * platform can alert people in a meeting (Teams: an in-meeting notification in a meeting chat).
   * Others ignore it: the message itself says it all.
   */
  announce?: { text: string; to: string[] };
  /** A picture sent with the message (a chart, an impact matrix): each platform posts it its own way. */
  picture?: Picture;
  /**
   * A document sent with the message (a deliberation report as Markdown or HTML): uploaded as a
   * file where the platform can (Slack), kept as a file by the console; a platform that cannot
   * send files shows the message's text, which must make sense without it.
   */
  document?: OutgoingDocument;
}

/** A text document to share as a file. */
export interface OutgoingDocument {
  /** File name with extension ("beraad-3-kort.md"). */
  filename: string;
  title: string;
  /** "text/markdown" or "text/html". */
  mimeType: string;
  content: string;
}

/**
 * A rendered picture with what stands in for it: `alt` is read by screen readers and shown where
 * pictures cannot be (the console, notifications); `svg` is its source, kept for the web console.
 */
export interface Picture {
  png: Uint8Array;
  svg: string;
  alt: string;
  title: string;
  /** File name for platforms that upload files ("impactmatrix-3.png"). */
  filename: string;
  width: number;
  height: number;
}

/** A person named so the platform can notify them: their platform user id and display name. */
export interface Mention {
  id: string;
  name: string;
}

/** How a mentioned person is written in the text: "@name" (the neutral form every adapter can find). */
export function mention(person: Mention): string {
  return `@${person.name || person.id}`;
}

/**
 * Rewrites every "@name" of the people a message mentions the platform's way (`render`), the
 * longest names first so "@Anna Smit" is not taken for "@Anna", and never inside a longer word.
 */
export function replaceMentions(text: string, mentions: readonly Mention[] | undefined, render: (person: Mention) => string): string {
  if (!mentions?.length) return text;
  const people = [...mentions].sort((a, b) => mention(b).length - mention(a).length);
  const pattern = new RegExp(people.map((p) => `${escapeRegExp(mention(p))}(?![\\p{L}\\p{N}])`).join('|'), 'gu');
  const byText = new Map(people.map((p) => [mention(p), p]));
  return text.replace(pattern, (found) => render(byText.get(found)!));
}

export const text = (value: string, style?: 'normal' | 'heading' | 'muted'): CardElement => ({ type: 'text', text: value, style });
export const fields = (...pairs: [label: string, value: string][]): CardElement => ({
  type: 'fields',
  fields: pairs.map(([label, value]) => ({ label, value })),
});
export const buttons = (...list: Button[]): CardElement => ({ type: 'buttons', buttons: list });
export const button = (label: string, id: string, value?: ActionRef['value'], style?: Button['style']): Button => ({
  label,
  action: value === undefined ? { id } : { id, value },
  ...(style ? { style } : {}),
});
export const input = (id: string, label: string, options: Omit<Input, 'type' | 'id' | 'label' | 'kind'> & { kind?: Input['kind'] } = {}): Input => ({
  type: 'input',
  id,
  label,
  kind: options.kind ?? 'text',
  ...options,
});
export const divider = (): CardElement => ({ type: 'divider' });
export const context = (value: string): CardElement => ({ type: 'context', text: value });

/** Builds a card; the fallback is derived from the elements unless given. */
export function card(options: { title?: string; fallback?: string }, ...elements: (CardElement | false | undefined | null)[]): Card {
  const kept = elements.filter((e): e is CardElement => Boolean(e));
  const built: Card = { title: options.title, elements: kept, fallback: '' };
  built.fallback = options.fallback ?? cardToPlainText(built);
  return built;
}

/** A message that is a card, with the card's fallback as its text. */
export function cardMessage(value: Card): OutgoingMessage {
  return { text: value.fallback, card: value };
}

/** Plain-text rendering of a card, used as fallback and by the console. */
export function cardToPlainText(value: Card, options: { numberButtons?: boolean } = {}): string {
  const lines: string[] = [];
  if (value.title) lines.push(`**${value.title}**`);
  let n = 0;
  for (const element of value.elements) {
    switch (element.type) {
      case 'text':
        lines.push(element.text);
        break;
      case 'fields':
        for (const f of element.fields) lines.push(`${f.label}: ${f.value}`);
        break;
      case 'buttons':
        if (options.numberButtons) lines.push(element.buttons.map((b) => `[${++n}] ${b.label}`).join('  '));
        break;
      case 'input':
        if (options.numberButtons) lines.push(`(${element.label}${element.required ? ' *' : ''})`);
        break;
      case 'divider':
        lines.push('---');
        break;
      case 'context':
        lines.push(`_${element.text}_`);
        break;
      default:
        assertNever(element);
    }
  }
  return lines.join('\n');
}

/** All buttons of a card, in order (adapters number or lay them out). */
export function cardButtons(value: Card): Button[] {
  return value.elements.flatMap((e) => (e.type === 'buttons' ? e.buttons : []));
}

export function cardInputs(value: Card): Input[] {
  return value.elements.filter((e): e is Input => e.type === 'input');
}

/** Who may use a button or input: its own actors, else the card's; undefined means everyone. */
export function actorsOf(value: Card, control: Button | Input): string[] | undefined {
  return control.actors ?? value.actors;
}

/** Everyone some control of the card is limited to (empty when every control is open to all). */
export function cardActors(value: Card): string[] {
  const people = new Set<string>();
  for (const element of value.elements) {
    const controls = element.type === 'buttons' ? element.buttons : element.type === 'input' ? [element] : [];
    for (const control of controls) for (const id of actorsOf(value, control) ?? []) people.add(id);
  }
  return [...people];
}

/**
 * The card as one person sees it: without the buttons and inputs they may not use (a viewer of
 * undefined is "anyone else", who sees only the open controls).
 */
export function cardForViewer(value: Card, viewer: string | undefined): Card {
  const allowed = (control: Button | Input) => {
    const actors = actorsOf(value, control);
    return !actors || (viewer !== undefined && actors.includes(viewer));
  };
  const elements: CardElement[] = [];
  for (const element of value.elements) {
    if (element.type === 'buttons') {
      const kept = element.buttons.filter(allowed);
      if (kept.length) elements.push({ ...element, buttons: kept });
    } else if (element.type !== 'input' || allowed(element)) elements.push(element);
  }
  return { ...value, elements };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
