/**
 * Slack Web API failures classified for the core's delivery loop: rate limits and server errors
 * are retried (with Slack's Retry-After), a channel the bot can no longer reach is gone, the rest
 * is fatal.
 */
import { DeliveryError } from '../../src/core/index.ts';

/** Slack error codes meaning the conversation is no longer reachable for the bot. */
export const GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'team_access_not_granted',
  'no_installation',
]);

/** Slack error codes worth another try later. */
const RETRY_ERRORS = new Set(['ratelimited', 'rate_limited', 'service_unavailable', 'internal_error', 'fatal_error', 'request_timeout']);

interface SlackErrorShape {
  code?: string;
  message?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/** The Slack error code of a failed call (`channel_not_found`, `ratelimited`, …), if any. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = err as SlackErrorShape;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  return e?.data?.error;
}

/** Turns any error from a Web API call into a `DeliveryError` the messenger understands. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as SlackErrorShape;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return new DeliveryError('slack: rate limited', 'retry', Math.max(0, (e.retryAfter ?? 1) * 1000), 429);
    case 'slack_webapi_http_error':
      return new DeliveryError(`slack: http ${e.statusCode}`, (e.statusCode ?? 500) >= 500 ? 'retry' : 'fatal', undefined, e.statusCode);
    case 'slack_webapi_request_error':
      return new DeliveryError('slack: request failed', 'retry');
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown';
      if (GONE_ERRORS.has(code)) return new DeliveryError(`slack: ${code}`, 'gone');
      if (RETRY_ERRORS.has(code)) return new DeliveryError(`slack: ${code}`, 'retry');
      return new DeliveryError(`slack: ${code}`, 'fatal');
    }
    default:
      return new DeliveryError(`slack: ${e.message ?? 'unknown error'}`, 'fatal');
  }
}
