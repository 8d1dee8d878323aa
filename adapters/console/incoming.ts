/** Turns what a console user typed into the core's incoming-message model. */
import { parseIncoming, type IncomingAction, type IncomingMessage } from '../../src/core/index.ts';
import { CONSOLE_TENANT } from './console-adapter.ts';

export interface ConsoleTurn {
  user: string;
  name?: string;
  channel?: string;
  dm?: boolean;
  thread?: string;
  text?: string;
  action?: IncomingAction;
}

export function toIncoming(turn: ConsoleTurn, botName: string): IncomingMessage {
  const text = turn.text ?? '';
  // "@anna" is a mention; "<@U123>" (Slack markup typed in the console) and "a@b.nl" are plain text.
  const mentions = [...text.matchAll(/(?<![<\p{L}\p{N}_.-])@([\p{L}\p{N}_.-]+)/gu)]
    .map((m) => m[1])
    .filter((name) => name.toLowerCase() !== botName.toLowerCase())
    .map((name) => ({ id: name.toLowerCase(), name }));
  return parseIncoming({
    platform: 'console',
    tenantId: CONSOLE_TENANT,
    channelId: turn.dm ? `dm:${turn.user}` : turn.channel,
    channelName: turn.dm ? undefined : turn.channel,
    threadId: turn.thread,
    user: { id: turn.user, name: turn.name ?? turn.user },
    text,
    mentions,
    isDirect: Boolean(turn.dm),
    action: turn.action,
  });
}
