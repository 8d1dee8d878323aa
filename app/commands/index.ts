/** The sub-commands of `wegwijs`. Add one file per command and list it here. */
import { chat } from './chat.ts';
import { serve } from './serve.ts';

export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, CliCommand> = { serve, chat };

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  wegwijs ${c.usage.padEnd(52)} ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}
