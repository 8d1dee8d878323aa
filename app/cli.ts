/**
 * The `wegwijs` command: one entry, sub-commands in `app/commands/`, each loaded only when it
 * runs. Exit codes: 0 fine, 1 the command's own failure (e.g. a knowledge-base error), 2 bad
 * usage or configuration.
 */
import { commandNamed, usage } from './commands/index.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = commandNamed(name);
  if (!entry) {
    process.stderr.write(`wegwijs: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    // Configuration and store errors carry stable codes (ConfigError, WegwijsError): no stack.
    if (code === 'wegwijs_config_error' || code === 'wegwijs_store_error') {
      process.stderr.write(`wegwijs: ${(err as Error).message}\n`);
      return 2;
    }
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      process.stderr.write(`wegwijs ${name}: ${usageError(err as Error, name)}\n`);
      return 2;
    }
    throw err;
  }
}

/**
 * A question that starts with "-" (a forwarded mail's "-----") is read as an unknown option, and
 * Node's message repeats it whole: text a person typed, perhaps with a name in it, is not echoed.
 */
function usageError(err: Error, command: string): string {
  const option = /Unknown option '([^']*)'/.exec(err.message)?.[1];
  if (option === undefined || !/\s/.test(option)) return err.message;
  return `text that starts with "-" is read as an option; put -- before it: wegwijs ${command} -- "…" (tekst die met "-" begint, wordt als optie gelezen; zet er -- voor)`;
}
