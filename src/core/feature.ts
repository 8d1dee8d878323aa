/**
 * How a feature plugs into the bot: with one `bot.use(feature)`. Features never import each
 * other; what one offers another goes through `Services.ports`.
 */
import type { Turn } from './turn.ts';
import type { IncomingAction } from './message.ts';

export interface Command {
  /**
   * Words that start the command: the Dutch name first, then the English one, then aliases:
   * ['hulp', 'help'], ['mijn acties', 'my actions']. The help list shows the one for the user's language.
   */
  names: string[];
  /** Catalogue key of a one-line description for the help list. */
  summaryKey: string;
  /** How to type it, shown in the help list (e.g. "actie <wat> [@wie] [voor wanneer]"). */
  usage?: string;
  handler: (turn: Turn, args: string) => Promise<void>;
}

export type ActionHandler = (turn: Turn, action: IncomingAction) => Promise<void>;

export interface Feature {
  /** Also the prefix of the feature's action ids: "<name>.<handler>". */
  name: string;
  commands?: Command[];
  actions?: Record<string, ActionHandler>;
  /** Free text addressed to the bot that is not a command (the ask feature). */
  question?: (turn: Turn, text: string) => Promise<void>;
  /** Whether a thread belongs to the feature (a deliberation session's thread). */
  ownsThread?: (turn: Turn) => Promise<boolean>;
  /** A message in a thread the feature owns (a contribution to a session). */
  threadMessage?: (turn: Turn) => Promise<void>;
  /** Scheduled work; called every scheduler interval and on every clock line in script mode. */
  tick?: (now: Date) => Promise<void>;
}
