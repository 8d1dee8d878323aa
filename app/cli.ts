/**
 * The `wegwijs` command: one entry, sub-commands in `app/commands/`. Exit codes: 0 fine,
 * 1 the command's own failure (e.g. a knowledge-base error), 2 bad usage or configuration.
 */
import { ConfigError } from '../src/config.ts';
import { WegwijsError } from '../src/core/index.ts';
import { COMMANDS, usage } from './commands/index.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`wegwijs: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof ConfigError || (err instanceof WegwijsError && err.code === 'wegwijs_store_error')) {
      process.stderr.write(`wegwijs: ${err.message}\n`);
      return 2;
    }
    if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      process.stderr.write(`wegwijs ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
