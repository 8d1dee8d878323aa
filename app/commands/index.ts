/** The sub-commands of `wegwijs`. Add one file per command and list it here. */
import { ask } from './ask.ts';
import { chat } from './chat.ts';
import { evaluate } from './eval.ts';
import { kb } from './kb.ts';
import { serve } from './serve.ts';

export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, CliCommand> = { serve, chat, ask, eval: evaluate, kb };

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  wegwijs ${c.usage.padEnd(52)} ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}
