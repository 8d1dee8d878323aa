/**
 * Bolt's and the Web API client's logs through Wegwijs's pino logger, without message text at
 * any level. Their lines can carry request and response bodies ("http request body: {…}",
 * "http request result: {…}", a received socket message), which hold what people typed and what
 * the bot answered. So every line keeps only its fixed wording: a part after ": " stays only when
 * it is a short code ("An API error occurred: channel_not_found"), anything quoted or bracketed
 * is cut, and what remains is redacted as well. Objects are dropped; errors become code and
 * (cleaned) message. Debug output goes to `trace`.
 */
import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/core/index.ts';
import { redact } from '../../src/privacy/index.ts';

const MAX_CHARS = 160;
// A detail after "label: " that is safe to keep: an error code, a method name, a number, a URL path.
const CODE = /^[\w.:/'()-]{1,80}$/;

/** One log argument, reduced to what carries no text from people. */
export function safeLogText(input: string): string {
  // Bodies, quoted or bracketed parts and anything after them say nothing the wording does not.
  let text = input.split('\n')[0];
  const body = text.search(/[{["`]/);
  if (body >= 0) text = `${text.slice(0, body).trimEnd()} [omitted]`;
  const colon = text.indexOf(': ');
  if (colon >= 0) {
    const detail = text.slice(colon + 2).trim();
    text = `${text.slice(0, colon)}: ${CODE.test(detail) || detail === '[omitted]' ? detail : '[omitted]'}`;
  }
  if (text.length > MAX_CHARS) text = `${text.slice(0, MAX_CHARS)}…`;
  return redact(text).text;
}

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = 'info' as LogLevel;
  const line = (args: unknown[]) =>
    args
      .map((a) => (a instanceof Error ? `${(a as { code?: string }).code ?? a.name}: ${safeLogText(a.message)}` : typeof a === 'string' ? safeLogText(a) : ''))
      .filter(Boolean)
      .join(' ');
  // Bolt and the Web API client log several debug lines per call: clean a line only when it is written.
  const at = (method: 'trace' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    if (child.isLevelEnabled(method)) child[method](line(args));
  };
  return {
    debug: at('trace'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (next: LogLevel) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}
