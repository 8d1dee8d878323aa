/**
 * Structured logging (pino). House rule: never log message text at info level; log ids, counts,
 * codes and durations. Each turn gets a child logger with its own request id.
 */
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Logs go to stderr, so the console's JSON-lines output on stdout stays clean. Writes are
 * asynchronous (a turn never waits for the terminal or a log collector) and batched: lines are
 * sent when 4 KB have gathered or a quarter of a second has passed, so a busy server makes one
 * write where it would make one per line; pino flushes what is left on exit.
 */
export function createLogger(level: string = 'info', destination: pino.DestinationStream = asyncStderr()): Logger {
  return pino({ level, base: { app: 'wegwijs' } }, destination);
}

const BATCH_BYTES = 4096;
const FLUSH_MS = 250;

function asyncStderr(): pino.DestinationStream {
  const stream = pino.destination({ dest: 2, sync: false, minLength: BATCH_BYTES });
  let waiting = false;
  const write = stream.write.bind(stream);
  stream.write = (line: string) => {
    waiting = true;
    return write(line);
  };
  // A quiet server's lines do not wait for the next 4 KB.
  setInterval(() => {
    if (!waiting) return;
    waiting = false;
    stream.flush();
  }, FLUSH_MS).unref();
  return stream;
}

export const silentLogger: Logger = pino({ level: 'silent' });
