/** Bolt's and the Slack Web API client's log lines through Wegwijs's logger carry no message text. */
import { describe, expect, it } from 'vitest';
import { boltLogger, safeLogText } from '../../adapters/slack/bolt-logger.ts';
import { createLogger } from '../../src/core/index.ts';

describe('the Slack client logger', () => {
  it('keeps the wording and codes, cuts bodies and free details', () => {
    expect(safeLogText("apiCall('chat.postMessage') start")).toBe("apiCall('chat.postMessage') start");
    expect(safeLogText('An API error occurred: channel_not_found')).toBe('An API error occurred: channel_not_found');
    expect(safeLogText('http request body: {"text":"mevrouw Jansen, BSN 111222333"}')).toBe('http request body: [omitted]');
    expect(safeLogText('http request url: https://slack.com/api/chat.postMessage?text=mevrouw%20Jansen')).toBe('http request url: [omitted]');
    expect(safeLogText('Received a message on the WebSocket: {"payload":{"event":{"text":"bel 0612345678"}}}')).toBe('Received a message on the WebSocket: [omitted]');
    expect(safeLogText('unhandled text mevrouw Jansen 111222333')).toBe('unhandled text mevrouw [naam] [BSN]');
  });

  it('logs nothing people typed at any level, debug (trace) included', () => {
    const lines: string[] = [];
    const logger = boltLogger(createLogger('trace', { write: (line: string) => void lines.push(line) } as never));
    logger.setLevel('debug' as never);
    const secret = 'Mevrouw Kuipers, BSN 111222333, tel 06-12345678';
    logger.debug(`http request body: ${JSON.stringify({ text: secret })}`);
    logger.debug('http request result:', { message: { text: secret } });
    logger.info(`event ${secret}`);
    logger.warn('failed:', new Error(`posting "${secret}" failed`));
    logger.error(new Error(secret));
    const all = lines.join('');
    expect(lines).toHaveLength(5);
    expect(all).not.toMatch(/Kuipers|111222333|12345678/);
    expect(all).toContain('"level":10');
  });
});
