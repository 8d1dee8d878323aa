/**
 * "Acknowledged means kept" for Slack, in one pass through Bolt. Every request's acknowledgement
 * goes through a gate (`AckGate`): whatever Bolt or a listener acknowledges is held until this
 * middleware (after the signature check and the workspace's authorisation) has kept the verified
 * request in the inbox; then the gate opens and the receiver sends the 200 at once. The same pass
 * then goes on to the listeners, as the inbox's first run of the request. A request that cannot be
 * kept is never acknowledged (500: Slack retries events; a command shows its error). A request id
 * seen before (Slack's retries, duplicates) is acknowledged and dropped. A request whose run failed
 * or whose instance died is run again later by handing the kept body to Bolt once more
 * (`replayFromInbox`), marked as coming from the inbox.
 */
import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, App as BoltApp, Middleware, ReceiverEvent } from '@slack/bolt';
import { errorCode, WegwijsError, type Logger } from '../../src/core/index.ts';
import type { Inbox } from '../../src/store/index.ts';
import { INBOX_TURN } from './outbox.ts';
import { OPTIONS_REQUESTS, type Ack } from './unhandled.ts';

export const INBOX_SOURCE = 'slack';
/** Set in Bolt's context when a request is replayed from the inbox. */
const FROM_INBOX = 'wegwijsFromInbox';
/** Bolt's context key of the request's acknowledgement gate. */
const GATE = 'wegwijsAckGate';


/** What is kept of a request: the verified body and Slack's retry headers. */
interface Kept {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}


export class InboxUnavailableError extends WegwijsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('wegwijs_inbox_unavailable', message, options);
  }
}

/** Bolt's context key of the request's signature (set by the receiver, `requestSignature`). */
export const SIGNATURE = 'wegwijsRequestSignature';

/** The signature header of an HTTP request, for Bolt's context (`customPropertiesExtractor`). */
export function requestSignature(req: { headers: Record<string, string | string[] | undefined> }): Record<string, string> {
  const signature = req.headers['x-slack-signature'];
  return typeof signature === 'string' && /^v0=[0-9a-f]{64}$/.test(signature) ? { [SIGNATURE]: signature } : {};
}

/**
 * The inbox id of a request: the event id for events (Slack retries those, with the same id).
 * Commands and interactivity are never retried by Slack and their trigger ids are not promised to
 * be unique, so they are known by their signature: an HMAC of timestamp and body that Slack never
 * sends twice, so the same signed request again (a replay within the five minutes the guard
 * allows) is dropped like a retry. Without one (Socket Mode) each gets an id of its own.
 */
export function requestId(body: Record<string, unknown>, signature?: unknown): string {
  if (typeof body.event_id === 'string' && body.event_id) return body.event_id;
  if (typeof signature === 'string' && signature) return `signed:${signature}`;
  return `request:${randomUUID()}`;
}

/**
 * The acknowledgement of one request: Bolt acknowledges events itself before any middleware runs,
 * and listeners acknowledge commands and buttons; the gate keeps what they asked for (the first
 * call counts) and sends it when it is released, once. The receiver runs without
 * `processBeforeResponse`, so a release sends the response at once.
 */
export class AckGate {
  private asked = false;
  private response: unknown;
  released = false;

  constructor(private readonly send: Ack) {}

  readonly ack: Ack = async (response) => {
    if (this.asked) return;
    this.asked = true;
    this.response = response;
  };

  get wasAsked(): boolean {
    return this.asked;
  }

  /** Sends what was asked for (or `fallback` when nothing was); later calls do nothing. */
  async release(fallback?: unknown): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.send(this.asked ? this.response : fallback);
  }
}

/**
 * Puts every request's acknowledgement behind a gate. Once Bolt is done with a request without
 * error, a gate still closed is released: what a listener asked for, or an empty acknowledgement
 * for a payload type Bolt ignores without a word (never a 404 after 3 s). When Bolt fails the
 * request, the gate stays closed and the receiver answers the error itself (500, 401).
 */
export function gateAcknowledgements(app: BoltApp, log: Logger): void {
  const process = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const gate = new AckGate(event.ack);
    await process({ ...event, ack: gate.ack, customProperties: { ...event.customProperties, [GATE]: gate } });
    if (gate.released) return;
    const type = String((event.body as { type?: unknown }).type ?? 'unknown').slice(0, 60);
    if (!gate.wasAsked) log.debug({ type }, 'slack payload Bolt does not know acknowledged');
    await gate.release(OPTIONS_REQUESTS.has(type) ? { options: [] } : undefined);
  };
}

export function keepThenAcknowledge(inbox: Inbox, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, next } = args;
    if (context[FROM_INBOX]) return next();
    const body = args.body as unknown as Record<string, unknown>;
    const kept: Kept = { body, retryNum: context.retryNum, retryReason: context.retryReason };
    const id = requestId(body, context[SIGNATURE]);
    let isNew: boolean;
    try {
      isNew = await inbox.receive(INBOX_SOURCE, id, kept);
    } catch (err) {
      throw new InboxUnavailableError('the request could not be kept; not acknowledged', { cause: err });
    }
    // Kept: now the acknowledgement goes out (held by the gate until here).
    const gate = context[GATE] as AckGate | undefined;
    if (gate) await gate.release();
    else await (args as { ack?: Ack }).ack?.();
    if (!isNew) {
      log.debug({ retry: context.retryNum, reason: context.retryReason }, 'slack request already received');
      return;
    }
    // The inbox's first run of the request is the rest of this very pass (the listeners). A
    // failure is logged like any failed request; the request is done (as a replay would be).
    await inbox.run(INBOX_SOURCE, id, kept, (_payload, item) => {
      // The listeners read the kept request from the context (outbox.ts), as a replay's do.
      context[INBOX_TURN] = { id: item.id, attempts: item.attempts };
      return next().catch((err: unknown) => log.error({ code: errorCode(err) }, 'slack request failed'));
    });
  };
}

/** Works on a kept request: Bolt's listeners run for it as if it had just arrived (acknowledged). */
export function replayFromInbox(bolt: BoltApp): (payload: unknown, item: { id: string; attempts: number }) => Promise<void> {
  return async (payload, item) => {
    const kept = payload as Kept;
    // The turn knows which kept request it works on, so a run after a crash sends nothing twice.
    await bolt.processEvent({
      body: kept.body,
      ack: async () => {},
      retryNum: kept.retryNum,
      retryReason: kept.retryReason,
      customProperties: { [FROM_INBOX]: true, [INBOX_TURN]: { id: item.id, attempts: item.attempts } },
    });
  };
}
