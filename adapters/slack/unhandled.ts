/**
 * Every request Slack sends must be acknowledged within 3 seconds, handled or not; Bolt answers
 * 404 after a pause for a payload no listener acknowledges (a shortcut, an options menu, a closed
 * modal, a custom-function step), and Slack then shows the user an error. This middleware, first in
 * the chain, acknowledges at once every payload type Wegwijs has no listener for, logs it at debug
 * level and stops there (no de-duplication record, no turn). Types Bolt cannot classify at all
 * (`dialog_cancellation`) never reach middleware; the acknowledgement gate (inbox.ts) catches those.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../src/core/index.ts';

/** Event types with a listener in slack-app.ts or native.ts (keep in step). */
export const HANDLED_EVENTS = new Set(['app_mention', 'message', 'member_joined_channel', 'app_uninstalled', 'app_home_opened']);
/** Interactivity payload types with a listener in slack-app.ts (slash commands are always handled). */
export const HANDLED_PAYLOADS = new Set(['block_actions', 'view_submission', 'shortcut', 'message_action']);
/** Options requests expect a list; an empty one shows "no options" instead of an error. */
export const OPTIONS_REQUESTS = new Set(['block_suggestion', 'dialog_suggestion']);

export type Ack = (response?: unknown) => Promise<void>;

export function acknowledgeUnhandled(log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { type?: string; command?: string; event?: { type?: string } };
    if (typeof body.command === 'string') return args.next();
    const isEvent = body.type === 'event_callback';
    const type = (isEvent ? body.event?.type : body.type) ?? 'unknown';
    if (isEvent ? HANDLED_EVENTS.has(type) : HANDLED_PAYLOADS.has(type)) return args.next();
    // Bolt acknowledges plain events itself; function_executed and interactivity come with ack().
    const ack = (args as { ack?: Ack }).ack;
    if (ack) await ack(OPTIONS_REQUESTS.has(type) ? { options: [] } : undefined);
    log.debug({ type: type.slice(0, 60) }, 'slack payload acknowledged, not handled');
  };
}
