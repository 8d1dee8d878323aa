/**
 * Bolt's and the Web API client's logs through Wegwijs's pino logger. Their debug output can
 * contain request bodies (message text), so it goes to `trace`; objects are reduced to codes and
 * messages.
 */
import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/core/index.ts';

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = 'info' as LogLevel;
  const line = (args: unknown[]) =>
    args
      .map((a) => (a instanceof Error ? `${(a as { code?: string }).code ?? a.name}: ${a.message}` : typeof a === 'string' ? a : ''))
      .filter(Boolean)
      .join(' ');
  return {
    debug: (...args: unknown[]) => child.trace(line(args)),
    info: (...args: unknown[]) => child.info(line(args)),
    warn: (...args: unknown[]) => child.warn(line(args)),
    error: (...args: unknown[]) => child.error(line(args)),
    setLevel: (next: LogLevel) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}
