/**
 * The core's neutral card as Block Kit. Slack's limits are named constants; a card that exceeds
 * one degrades (text is cut or split, extra blocks are dropped with a "…" note) and never fails,
 * because a message that Slack refuses reaches nobody.
 */
import type { types as SlackTypes } from '@slack/bolt';
import { assertNever, replaceMentions, truncate, type Button, type Card, type CardElement, type Input, type OutgoingMessage } from '../../src/core/index.ts';
import { toMrkdwn, toPlainText } from './mrkdwn.ts';

type Block = SlackTypes.KnownBlock;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  sectionField: 2000,
  fieldsPerSection: 10,
  contextElementText: 2000,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  headerText: 150,
  inputLabel: 2000,
  inputPlaceholder: 150,
  inputInitialValue: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  /** Slack cuts message text beyond 40,000 characters; notifications need far less. */
  fallbackText: 4000,
} as const;

/** The note that stands in for what did not fit. */
export const DROPPED_NOTE = '…';

/** Separates the core's action id from the per-message button number in a Slack `action_id`. */
const ACTION_SUFFIX = /~\d+$/;

/** The core's action id from a Slack `action_id` (buttons get a number so ids are unique). */
export function coreActionId(actionId: string): string {
  return actionId.replace(ACTION_SUFFIX, '');
}

/** The block id of an input, so its value can be found in `state.values`. */
export function inputBlockId(inputId: string): string {
  return `input:${inputId}`;
}

/** What chat.postMessage/chat.update need: the blocks (if a card) and the notification text. */
export function toSlackMessage(message: OutgoingMessage): { text: string; blocks?: Block[] } {
  const mention = slackMentions(message.mentions);
  const text = mention(truncate(toMrkdwn(message.text || message.card?.fallback || ''), SLACK_LIMITS.fallbackText));
  if (!message.card) return { text };
  return { text, blocks: cardToBlocks(message.card).map((block) => withMentions(block, mention)) };
}

/** "@Anna Smit" → "<@U123>" for the people the message names, so Slack notifies them. */
function slackMentions(mentions: OutgoingMessage['mentions']): (text: string) => string {
  return (text) => replaceMentions(text, mentions, (person) => `<@${person.id}>`);
}

/** Mentions work in mrkdwn text only (not in plain-text headers or buttons). */
function withMentions<T>(value: T, mention: (text: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => withMentions(v, mention)) as T;
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) out[key] = key === 'text' && object.type === 'mrkdwn' && typeof v === 'string' ? mention(v) : withMentions(v, mention);
  return out as T;
}


/** Renders a card as blocks, within `maxBlocks` (messages 50, modals 100). */
export function cardToBlocks(card: Card, maxBlocks: number = SLACK_LIMITS.blocksPerMessage): Block[] {
  const blocks: Block[] = [];
  const buttonCounter = { n: 0 };
  if (card.title) blocks.push(header(card.title));
  for (const element of card.elements) blocks.push(...elementBlocks(element, buttonCounter));
  if (blocks.length <= maxBlocks) return blocks;
  return [...blocks.slice(0, maxBlocks - 1), note()];
}

function elementBlocks(element: CardElement, counter: { n: number }): Block[] {
  switch (element.type) {
    case 'text':
      if (element.style === 'heading') return [header(element.text)];
      if (element.style === 'muted') return [contextBlock(element.text)];
      return splitText(toMrkdwn(element.text), SLACK_LIMITS.sectionText).map((part) => section(part));
    case 'fields':
      return chunk(element.fields, SLACK_LIMITS.fieldsPerSection).map((group) => ({
        type: 'section',
        fields: group.map((f) => ({ type: 'mrkdwn', text: truncate(`*${toMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, SLACK_LIMITS.sectionField) })),
      }));
    case 'buttons':
      return feedbackBlocks(element.buttons, counter) ?? buttonBlocks(element.buttons, counter);
    case 'input':
      return [inputBlock(element)];
    case 'divider':
      return [{ type: 'divider' }];
    case 'context':
      return [contextBlock(element.text)];
    default:
      return assertNever(element);
  }
}

function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(toPlainText(text), SLACK_LIMITS.headerText) || DROPPED_NOTE, emoji: true } };
}

function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn || ' ' } };
}

function contextBlock(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(toMrkdwn(text), SLACK_LIMITS.contextElementText) || ' ' }] };
}

function note(): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: DROPPED_NOTE }] };
}

/** The `action_id` of Slack's feedback buttons; the pressed side's action travels in its value. */
export const FEEDBACK_ACTION_ID = 'wegwijs_feedback';

/**
 * A 👍/👎 pair (`Button.feedback`) as Slack's own feedback buttons (a `context_actions` block);
 * each side's value is `{ a: action id, v: action value }`, read back by `fromBlockAction`.
 * Undefined when the buttons are not exactly such a pair (or a value would not fit).
 */
function feedbackBlocks(buttons: Button[], counter: { n: number }): Block[] | undefined {
  const up = buttons.find((b) => b.feedback === 'up');
  const down = buttons.find((b) => b.feedback === 'down');
  if (!up || !down || buttons.length !== 2) return undefined;
  const side = (button: Button) => ({
    text: { type: 'plain_text' as const, text: truncate(toPlainText(button.label), SLACK_LIMITS.buttonText) || DROPPED_NOTE, emoji: true },
    value: JSON.stringify({ a: button.action.id, v: button.action.value ?? {} }),
  });
  const [positive, negative] = [side(up), side(down)];
  if (positive.value.length > SLACK_LIMITS.buttonValue || negative.value.length > SLACK_LIMITS.buttonValue) return undefined;
  const element = { type: 'feedback_buttons' as const, action_id: `${FEEDBACK_ACTION_ID}~${++counter.n}`, positive_button: positive, negative_button: negative };
  return [{ type: 'context_actions', elements: [element] } as Block];
}

function buttonBlocks(buttons: Button[], counter: { n: number }): Block[] {
  const elements: SlackTypes.Button[] = [];
  let dropped = false;
  for (const button of buttons) {
    const value = JSON.stringify(button.action.value ?? {});
    const actionId = `${button.action.id}~${++counter.n}`;
    // A value Slack cannot carry would come back wrong; better no button than a wrong one.
    if (value.length > SLACK_LIMITS.buttonValue || actionId.length > SLACK_LIMITS.actionId) {
      dropped = true;
      continue;
    }
    elements.push({
      type: 'button',
      action_id: actionId,
      text: { type: 'plain_text', text: truncate(toPlainText(button.label), SLACK_LIMITS.buttonText) || DROPPED_NOTE, emoji: true },
      value,
      ...(button.style ? { style: button.style } : {}),
    });
  }
  const blocks: Block[] = chunk(elements, SLACK_LIMITS.elementsPerActions).map((group) => ({ type: 'actions', elements: group }));
  if (dropped) blocks.push(note());
  return blocks;
}

function inputBlock(input: Input): Block {
  return {
    type: 'input',
    block_id: inputBlockId(input.id),
    optional: !input.required,
    label: { type: 'plain_text', text: truncate(toPlainText(input.label), SLACK_LIMITS.inputLabel) || DROPPED_NOTE, emoji: true },
    element: inputElement(input),
  };
}

function inputElement(input: Input): SlackTypes.InputBlock['element'] {
  const placeholder = input.placeholder ? { placeholder: { type: 'plain_text' as const, text: truncate(input.placeholder, SLACK_LIMITS.inputPlaceholder) } } : {};
  const actionId = input.id.slice(0, SLACK_LIMITS.actionId);
  switch (input.kind) {
    case 'date':
      return { type: 'datepicker', action_id: actionId, ...placeholder, ...(isIsoDate(input.value) ? { initial_date: input.value } : {}) };
    case 'select': {
      const options = (input.options ?? [])
        .filter((o) => o.value.length <= SLACK_LIMITS.optionValue)
        .slice(0, SLACK_LIMITS.selectOptions)
        .map((o) => ({ text: { type: 'plain_text' as const, text: truncate(o.label, SLACK_LIMITS.optionText) || o.value }, value: o.value }));
      if (options.length === 0) return { type: 'plain_text_input', action_id: actionId, ...placeholder };
      const initial = options.find((o) => o.value === input.value);
      return { type: 'static_select', action_id: actionId, options, ...placeholder, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: actionId,
        multiline: Boolean(input.multiline),
        ...placeholder,
        ...(input.value ? { initial_value: input.value.slice(0, SLACK_LIMITS.inputInitialValue) } : {}),
      };
    default:
      return assertNever(input.kind);
  }
}

/** Values of input blocks (`state.values`) as the core's `inputs` record, keyed by input id. */
export function inputsFromState(values: Record<string, Record<string, SlackStateValue>> | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  const inputs: Record<string, string> = {};
  for (const block of Object.values(values)) {
    for (const [actionId, state] of Object.entries(block)) {
      const value = state.value ?? state.selected_date ?? state.selected_option?.value ?? state.selected_time;
      if (value !== undefined && value !== null) inputs[actionId] = value;
    }
  }
  return inputs;
}

export interface SlackStateValue {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
}

/** Short plain text for a modal's title or buttons (24 characters). */
export function modalText(text: string): SlackTypes.PlainTextElement {
  return { type: 'plain_text', text: truncate(toPlainText(text), SLACK_LIMITS.modalTitle) || DROPPED_NOTE, emoji: true };
}

/** Splits text into parts of at most `max` characters, at paragraph, line or word boundaries. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max * 0.5) cut = window.lastIndexOf('\n');
    if (cut < max * 0.5) cut = window.lastIndexOf(' ');
    if (cut < max * 0.5) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}

function chunk<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

function isIsoDate(value: string | undefined): value is string {
  return Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));
}
