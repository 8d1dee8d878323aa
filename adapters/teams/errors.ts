/**
 * Classifies Bot Connector failures for the core's delivery loop: 429 and 5xx (and network
 * failures) may succeed later, 403/404 "conversation not found / bot not in the conversation"
 * mean the conversation is gone, anything else is fatal.
 */
import { DeliveryError } from '../../src/core/index.ts';

interface HttpLikeError {
  status?: number;
  message?: string;
  response?: { status?: number; headers?: { get?(name: string): string | null }; data?: unknown };
}

const GONE = /conversation ?not ?found|conversationnotfound|not ?in ?(the )?conversation|notinconversation|roster|bot ?disabled|botdisabled|blocked|forbidden/i;

export function toDeliveryError(err: unknown, now: () => number = Date.now): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as HttpLikeError;
  const status = e.status ?? e.response?.status;
  const detail = bodyText(e.response?.data);
  if (status === undefined) {
    const network = /fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|socket|timeout|aborted/i.test(`${e.message} ${(err as { cause?: { code?: string } })?.cause?.code ?? ''}`);
    return new DeliveryError(network ? 'Teams connector unreachable' : 'Teams delivery failed', network ? 'retry' : 'fatal');
  }
  if (status === 429 || status >= 500) {
    return new DeliveryError(`Teams connector answered ${status}`, 'retry', retryAfterMs(e.response?.headers?.get?.('retry-after') ?? null, now), status);
  }
  if (status === 403 || status === 404) {
    // A missing *activity* (an update of a deleted message) is not a missing conversation.
    const gone = GONE.test(detail) || (status === 404 && !/activity/i.test(detail));
    return new DeliveryError(`Teams connector answered ${status}`, gone ? 'gone' : 'fatal', undefined, status);
  }
  return new DeliveryError(`Teams connector answered ${status}`, 'fatal', undefined, status);
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: () => number = Date.now): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

function bodyText(data: unknown): string {
  if (data === undefined || data === null) return '';
  if (typeof data === 'string') return data.slice(0, 500);
  try {
    return JSON.stringify(data).slice(0, 500);
  } catch {
    return '';
  }
}
