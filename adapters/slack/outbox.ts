/**
 * "Nothing is done twice" for Slack turns that run again after a crash. The inbox runs a kept
 * request again from the start when the instance working on it died (adapters/slack/inbox.ts).
 * Without more, every message that turn had already posted would be posted again. So each message
 * a turn posts is written down under the inbox request's id and its place in the turn (the first,
 * the second, …; the "Even zoeken…" placeholder apart) right after Slack accepted it; a turn that
 * runs again finds what it had already sent and does not send it again (a placeholder it had
 * posted is taken over by the answer, as the first time). A message that reached Slack just
 * before the kill, before it was written down, is found in the conversation by its key, which
 * goes along as Slack message metadata.
 *
 * Which kept request a turn works on travels in Bolt's context (set by the inbox middleware for
 * the first run, by `customProperties` for a replay), not in an AsyncLocalStorage: an active
 * AsyncLocalStorage makes Node run async hooks for every promise of the process (#13).
 */
import type { PostedMessage } from '../../src/core/index.ts';
import type { DocumentStore } from '../../src/store/index.ts';

/** The inbox request a turn works on (set while a kept request is replayed through Bolt). */
export interface InboxTurn {
  id: string;
  /** 1 the first time; more when it runs again after a crash or a failure. */
  attempts: number;
}

/** Bolt's context key of the turn's `InboxTurn`. */
export const INBOX_TURN = 'wegwijsInboxTurn';

/** The inbox request of a Bolt context, if the request was kept (always, behind the inbox middleware). */
export function inboxTurnOf(context: Record<string, unknown> | undefined): InboxTurn | undefined {
  const turn = context?.[INBOX_TURN] as InboxTurn | undefined;
  return turn && typeof turn.id === 'string' && typeof turn.attempts === 'number' ? turn : undefined;
}

const SCOPE = 'slack-sent';
const KEEP_SECONDS = 24 * 3600;

/** What one turn has posted, by its place in the turn ("placeholder", "0", "1", …). */
export interface Outbox {
  /** True when the turn runs again (after a crash or failure): it may have sent things before. */
  rerun: boolean;
  /** The key of a message: the inbox request and its place in the turn (also Slack metadata). */
  key(place: string): string;
  earlier(place: string): Promise<PostedMessage | undefined>;
  sent(place: string, posted: PostedMessage): Promise<void>;
}

/** The outbox of the inbox request `turn` (from `inboxTurnOf`), or undefined outside one. */
export function outboxForTurn(docs: DocumentStore, turn: InboxTurn | undefined): Outbox | undefined {
  if (!turn) return undefined;
  const key = (place: string) => `${turn.id}|${place}`;
  return {
    rerun: turn.attempts > 1,
    key,
    // Only a turn that runs again can have sent anything before: the first time, no read.
    earlier: async (place) => (turn.attempts > 1 ? (await docs.read<{ id: string }>('event', SCOPE, key(place)))?.data : undefined),
    sent: async (place, posted) => void (await docs.upsert('event', SCOPE, key(place), { id: posted.id }, { ttlSeconds: KEEP_SECONDS })),
  };
}
