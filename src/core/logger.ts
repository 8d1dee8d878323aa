/**
 * Structured logging (pino). House rule: never log message text at info level; log ids, counts,
 * codes and durations. Each turn gets a child logger with its own request id.
 */
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Logs go to stderr, so the console's JSON-lines output on stdout stays clean. Writes are
 * asynchronous (a turn never waits for the terminal or a log collector; lines written while a
 * write is under way are sent together with the next one); pino flushes what is left on exit.
 */
export function createLogger(level: string = 'info', destination: pino.DestinationStream = asyncStderr()): Logger {
  return pino({ level, base: { app: 'wegwijs' } }, destination);
}

function asyncStderr(): pino.DestinationStream {
  return pino.destination({ dest: 2, sync: false });
}

export const silentLogger: Logger = pino({ level: 'silent' });
