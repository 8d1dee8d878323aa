/**
 * Renders the core's neutral messages for the console: as one JSON object per message (script
 * mode) or as readable text with numbered buttons (interactive mode).
 */
import { cardButtons, cardInputs, cardToPlainText, type ActionRef, type Card, type OutgoingMessage, type Translate } from '../../src/core/index.ts';

export interface ConsoleButton {
  label: string;
  /** Send this object back verbatim as an input line's "action" to press the button. */
  action: ActionRef & { messageId: string };
}

export interface ConsoleCard {
  title?: string;
  body: string;
  buttons: ConsoleButton[];
  inputs: { id: string; label: string; kind: string; required?: boolean; options?: { label: string; value: string }[] }[];
}

export interface ConsoleOutput {
  id: string;
  channel?: string;
  dm?: boolean;
  thread?: string;
  text: string;
  card?: ConsoleCard;
  to?: string;
  private?: boolean;
  /** Set when this line replaces an earlier message (a card whose state changed). */
  update?: boolean;
  /** A picture sent with the message: its alt text, and the PNG file when the console keeps pictures. */
  picture?: { title: string; alt: string; file?: string };
  /** A document sent with the message: its title and name, and the file when the console keeps documents. */
  document?: { title: string; filename: string; file?: string };
}

export function toConsoleCard(card: Card, messageId: string): ConsoleCard {
  return {
    title: card.title,
    body: cardToPlainText({ ...card, title: undefined }),
    buttons: cardButtons(card).map((b) => ({ label: b.label, action: { ...b.action, messageId } })),
    inputs: cardInputs(card).map((i) => ({ id: i.id, label: i.label, kind: i.kind, required: i.required, options: i.options })),
  };
}

export function toConsoleOutput(message: OutgoingMessage, id: string, where: Omit<ConsoleOutput, 'id' | 'text' | 'card'>): ConsoleOutput {
  const output: ConsoleOutput = { id, ...where, text: message.text };
  if (message.card) output.card = toConsoleCard(message.card, id);
  return output;
}

/** Human-readable rendering for the interactive chat; buttons are numbered from `firstNumber`. */
export function toPrettyText(output: ConsoleOutput, firstNumber: number, t: Translate, botName: string): string {
  const privately = output.private ? ` (${t('console.only_for', { user: output.to ?? '' })})` : '';
  const where = output.dm ? `DM → ${output.to}` : `#${output.channel}${output.thread ? ` ↳ ${output.thread}` : ''}${privately}`;
  const head = `\x1b[36m[${output.id}] ${botName} · ${where}${output.update ? ` (${t('console.updated')})` : ''}\x1b[0m`;
  const picture =
    (output.picture ? `\n🖼  ${output.picture.alt}${output.picture.file ? ` (${output.picture.file})` : ''}` : '') +
    (output.document ? `\n📄 ${output.document.title}${output.document.file ? ` (${output.document.file})` : ''}` : '');
  if (!output.card) return `${head}\n${terminalText(output.text)}${picture}`;
  const lines = [head];
  if (output.card.title) lines.push(`\x1b[1m${terminalText(output.card.title)}\x1b[0m`);
  const buttons = output.card.buttons.map((b, i) => `\x1b[33m[${firstNumber + i}] ${b.label}\x1b[0m`).join('  ');
  const body = output.card.body.split('\n');
  // A heading that only introduces the buttons ("Zie ook:") goes on their line, never alone.
  const lead = body.length && /:\s*$/.test(body[body.length - 1]) && !/^\s*-/.test(body[body.length - 1]) ? body.pop() : undefined;
  if (body.join('').trim()) lines.push(terminalText(body.join('\n')));
  for (const input of output.card.inputs) lines.push(`  ✎ ${input.label}${input.required ? ' *' : ''}`);
  if (buttons) lines.push(lead ? `${terminalText(lead)} ${buttons}` : buttons);
  return lines.join('\n') + picture;
}

/** The chat markdown subset for a terminal: **bold** and _italic_ as ANSI styles, no raw markers. */
export function terminalText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*\n]+?)\*\*/g, '\x1b[1m$1\x1b[22m')
    .replace(/(^|[\s(])_([^_\n]+?)_(?=$|[\s).,:;!?])/gm, '$1\x1b[3m$2\x1b[23m')
    .replace(/\[([^\]\n]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)');
}
