/**
 * What every request to the Slack endpoint passes before Bolt sees it: a request timestamp within
 * five minutes of now in either direction (Bolt refuses only old ones; a timestamp from the future
 * would let a captured request be replayed later), and a body of at most 1 MB, read with that
 * limit, so an unsigned flood of bytes is refused without being held in memory. The body read
 * here is handed to Bolt as `rawBody`, which it verifies and parses as usual.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from '../../src/core/index.ts';

/** Slack's own payloads are far smaller; this only bounds what an unsigned sender can make us read. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;
/** How far a request's timestamp may be from now, either way (Slack's recommendation). */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

export interface GuardOptions {
  log: Logger;
  /** Milliseconds since the epoch; the wall clock, as Bolt's own signature check uses. */
  now?: () => number;
  maxBytes?: number;
}

export function slackRequestGuard(options: GuardOptions): RequestHandler {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? MAX_SLACK_BODY_BYTES;
  const readBody = express.raw({ type: () => true, limit: maxBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    const refuse = (status: number, code: string) => {
      options.log.warn({ platform: 'slack', code }, 'slack request refused');
      res.set('connection', 'close').status(status).send();
    };
    const stamp = req.headers['x-slack-request-timestamp'];
    const seconds = typeof stamp === 'string' && /^\d{1,12}$/.test(stamp) ? Number(stamp) : undefined;
    if (seconds === undefined || typeof req.headers['x-slack-signature'] !== 'string') return refuse(401, 'slack_unsigned');
    if (Math.abs(now() / 1000 - seconds) > MAX_REQUEST_SKEW_SECONDS) return refuse(401, 'slack_request_age');
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length > maxBytes) return refuse(413, 'slack_body_too_large');
    readBody(req, res, (err?: unknown) => {
      if (err) {
        const tooLarge = (err as { type?: string }).type === 'entity.too.large';
        return refuse(tooLarge ? 413 : 400, tooLarge ? 'slack_body_too_large' : 'slack_body_unreadable');
      }
      const body: unknown = req.body;
      (req as Request & { rawBody?: Buffer }).rawBody = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      next();
    });
  };
}
