/**
 * What every request to the Slack endpoint passes before Bolt sees it: a request timestamp within
 * five minutes of now in either direction (Bolt refuses only old ones; a timestamp from the future
 * would let a captured request be replayed later), and a body of at most 1 MB, read with that
 * limit, so an unsigned flood of bytes is refused without being held in memory. With the signing
 * secret, the signature is checked here too, and a signed body that is no Slack payload at all
 * gets a 400 at once (Bolt would leave it unanswered for three seconds, then say 404). The body
 * read here is handed to Bolt as `rawBody`, which verifies and parses it as usual.
 */
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { findPrototypeKey, jsonTooDeep, type Logger } from '../../src/core/index.ts';

/** Slack's own payloads are far smaller; this only bounds what an unsigned sender can make us read. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;
/** How far a request's timestamp may be from now, either way (Slack's recommendation). */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

export interface GuardOptions {
  log: Logger;
  /** Milliseconds since the epoch; the wall clock, as Bolt's own signature check uses. */
  now?: () => number;
  maxBytes?: number;
  /** The app's signing secret: verify here, so shape checks run only on signed bodies. */
  signingSecret?: string;
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
      const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      if (options.signingSecret) {
        const text = raw.toString('utf8');
        const headers = { 'x-slack-signature': String(req.headers['x-slack-signature']), 'x-slack-request-timestamp': seconds };
        if (!isValidSlackRequest({ signingSecret: options.signingSecret, body: text, headers, nowMilliseconds: now() })) return refuse(401, 'slack_bad_signature');
        if (!isSlackPayload(text, String(req.headers['content-type'] ?? ''))) return refuse(400, 'slack_not_a_payload');
      }
      (req as Request & { rawBody?: Buffer }).rawBody = raw;
      next();
    });
  };
}

/** Interactivity payload types Slack sends in the `payload` form field. */
const INTERACTIVE = new Set(['block_actions', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion', 'dialog_submission', 'dialog_suggestion', 'dialog_cancellation', 'interactive_message', 'workflow_step_edit']);

const Id = z.object({ id: z.string().min(1) }).passthrough();
const Str = z.string().nullish();
/** What Bolt reads from an interaction before any listener runs (it trusts these shapes). */
const Interaction = z
  .object({
    type: z.string().refine((t) => INTERACTIVE.has(t)),
    user: Id,
    team: Id.nullish(),
    enterprise: Id.nullish(),
    channel: Id.nullish(),
    container: z.object({}).passthrough().nullish(),
    message: z.object({ ts: z.string() }).passthrough().nullish(),
    view: z.object({ callback_id: Str, private_metadata: Str, app_installed_team_id: Str }).passthrough().nullish(),
    actions: z.array(z.object({ action_id: Str, value: Str }).passthrough()).nullish(),
    is_enterprise_install: z.boolean().nullish(),
  })
  .passthrough()
  .refine((p) => !p.type.startsWith('view_') || Boolean(p.view), 'a view payload without a view');
/** What Bolt reads from an event callback before any listener runs. */
const EventCallback = z
  .object({
    type: z.literal('event_callback'),
    team_id: Str,
    enterprise_id: Str,
    event: z
      .object({
        type: z.string(),
        user: z.union([z.string(), Id]).nullish(),
        channel: z.union([z.string(), z.object({}).passthrough()]).nullish(),
        subteam: z.object({}).passthrough().nullish(),
        // Read by the adapter for messages and mentions.
        text: Str,
        ts: Str,
        thread_ts: Str,
        channel_type: Str,
        subtype: Str,
        bot_id: Str,
      })
      .passthrough(),
    authorizations: z.array(z.object({ team_id: Str, enterprise_id: Str, user_id: Str, is_enterprise_install: z.boolean().nullish() }).passthrough()).nullish(),
  })
  .passthrough();
const Other = z.object({ type: z.enum(['url_verification', 'ssl_check', 'app_rate_limited']) }).passthrough();

/**
 * Whether a signed body has the shape of something Slack sends (an event, a command, an
 * interaction), with the fields Bolt reads before any listener of the right types, no prototype
 * keys anywhere, and no deeper nesting than Slack's own payloads (`jsonTooDeep`).
 */
export function isSlackPayload(text: string, contentType: string): boolean {
  try {
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = parseQuery(text);
      // A slash command, or Slack's certificate check of a command URL (`ssl_check=1`, answered by
      // Bolt with 200): every field a single string (a repeated field would arrive as a list).
      if (form.payload === undefined) {
        const command = typeof form.command === 'string' && typeof form.user_id === 'string' && typeof form.channel_id === 'string';
        return (command || form.ssl_check === '1') && Object.values(form).every((v) => typeof v === 'string');
      }
      if (typeof form.payload !== 'string' || jsonTooDeep(form.payload)) return false;
      const payload: unknown = JSON.parse(form.payload);
      return !findPrototypeKey(payload) && Interaction.safeParse(payload).success;
    }
    if (jsonTooDeep(text)) return false;
    const json: unknown = JSON.parse(text);
    return !findPrototypeKey(json) && (EventCallback.safeParse(json).success || Other.safeParse(json).success);
  } catch {
    return false;
  }
}
