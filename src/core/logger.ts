/**
 * Structured logging (pino). House rule: never log message text at info level; log ids, counts,
 * codes and durations. Each turn gets a child logger with its own request id.
 */
import pino from 'pino';

export type Logger = pino.Logger;

/** Logs go to stderr, so the console's JSON-lines output on stdout stays clean. */
export function createLogger(level: string = 'info', destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: { app: 'wegwijs' } }, destination);
}

export const silentLogger: Logger = pino({ level: 'silent' });
