/**
 * "Acknowledged means kept" for Slack. Bolt runs with `processBeforeResponse`, so nothing is sent
 * to Slack until the middleware chain returns. This middleware (after the signature check and the
 * workspace's authorisation) keeps the verified request in the inbox, acknowledges it, and
 * returns: Bolt then sends the 200. The work runs after the response, by handing the kept request
 * to Bolt again (`app.processEvent`), now marked as coming from the inbox, so the listeners run.
 * A request that cannot be kept is not acknowledged (500: Slack retries events; a command shows
 * its error). A request id seen before (Slack's retries, duplicates) is acknowledged and dropped.
 */
import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, App as BoltApp, Middleware } from '@slack/bolt';
import { WegwijsError, type Logger } from '../../src/core/index.ts';
import type { Inbox } from '../../src/store/index.ts';
import { inboxTurn } from './outbox.ts';

export const INBOX_SOURCE = 'slack';
/** Set in Bolt's context when a request is replayed from the inbox. */
const FROM_INBOX = 'wegwijsFromInbox';

/** What is kept of a request: the verified body and Slack's retry headers. */
interface Kept {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

type Ack = (response?: unknown) => Promise<void>;

export class InboxUnavailableError extends WegwijsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('wegwijs_inbox_unavailable', message, options);
  }
}

/**
 * The inbox id of a request: the event id for events (Slack retries those, with the same id);
 * commands and interactivity are never retried by Slack, and their trigger ids are not promised
 * to be unique, so each gets an id of its own.
 */
export function requestId(body: Record<string, unknown>): string {
  if (typeof body.event_id === 'string' && body.event_id) return body.event_id;
  return `request:${randomUUID()}`;
}

export function keepThenAcknowledge(inbox: Inbox, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, next } = args;
    if (context[FROM_INBOX]) return next();
    const body = args.body as unknown as Record<string, unknown>;
    const kept: Kept = { body, retryNum: context.retryNum, retryReason: context.retryReason };
    const id = requestId(body);
    let isNew: boolean;
    try {
      isNew = await inbox.receive(INBOX_SOURCE, id, kept);
    } catch (err) {
      throw new InboxUnavailableError('the request could not be kept; not acknowledged', { cause: err });
    }
    // Commands and interactivity are acknowledged here; Bolt acknowledged events itself (held
    // back, like this one, until the chain returns).
    const ack = (args as { ack?: Ack }).ack;
    if (ack) await ack();
    if (!isNew) {
      log.debug({ retry: context.retryNum, reason: context.retryReason }, 'slack request already received');
      return;
    }
    // After Bolt has sent the response.
    setImmediate(() => inbox.run(INBOX_SOURCE, id, kept));
  };
}

/** Works on a kept request: Bolt's listeners run for it as if it had just arrived (acknowledged). */
export function replayFromInbox(bolt: BoltApp): (payload: unknown, item: { id: string; attempts: number }) => Promise<void> {
  return async (payload, item) => {
    const kept = payload as Kept;
    // The turn knows which kept request it works on, so a run after a crash sends nothing twice.
    await inboxTurn.run({ id: item.id, attempts: item.attempts }, () => bolt.processEvent({
      body: kept.body,
      ack: async () => {},
      retryNum: kept.retryNum,
      retryReason: kept.retryReason,
      customProperties: { [FROM_INBOX]: true },
    }));
  };
}
