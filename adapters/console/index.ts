/** The local console adapter: interactive chat and the JSON-lines script mode. */
export { ConsoleAdapter, CONSOLE_TENANT } from './console-adapter.ts';
export { runScript } from './script.ts';
export { runInteractive } from './interactive.ts';
export { toIncoming, type ConsoleTurn } from './incoming.ts';
export type { ConsoleOutput, ConsoleButton, ConsoleCard } from './render.ts';
export { toPrettyText } from './render.ts';
