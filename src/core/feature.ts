/**
 * How a feature plugs into the bot: with one `bot.use(feature)`. Features never import each
 * other; what one offers another goes through `Services.ports`.
 */
import type { Turn } from './turn.ts';
import type { IncomingAction, Platform } from './message.ts';
import type { Lang, Translate } from './i18n.ts';

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
  /**
   * The command takes no arguments: followed by more words it is not this command but a sentence
   * ("help, mijn cliënt reageert niet" is a cry for help, not a request for the command list).
   */
  bare?: boolean;
  /**
   * The arguments the command understands. A body that starts with the command's name and goes on
   * with anything else is a sentence about it, not the command: "rol van de gemeente als … ?" is a
   * question for the knowledge base, not an attempt to set a role.
   */
  accepts?: (args: string) => boolean;
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
  /**
   * The people's rights (AVG): what the feature keeps about one person in one tenant, as readable
   * sections (`wegwijs mijn gegevens`). Only records of `subject.platform:subject.tenantId`.
   */
  exportUser?: (subject: DataSubject, view: ExportView) => Promise<UserDataSection[]>;
  /**
   * Removes or anonymises what the feature keeps about the person (`wegwijs vergeet mij`) and says
   * how much, as catalogue keys with a count. Must be harmless when run again.
   */
  forgetUser?: (subject: DataSubject) => Promise<ForgetCount[]>;
}

/** The person whose data is exported or forgotten: always the verified user of the turn. */
export interface DataSubject {
  platform: Platform;
  tenantId: string;
  userId: string;
  /** Names the person is known by in this tenant (display names), to find text that names them. */
  names: string[];
}

/** How the export is shown: in the language of the person who asked. */
export interface ExportView {
  t: Translate;
  lang: Lang;
}

/** One part of "my data": a heading, readable lines, and a count for the summary. */
export interface UserDataSection {
  title: string;
  lines: string[];
  /** How many records the lines describe (the summary shows "title: count"). */
  count: number;
}

/** One line of the answer to "forget me": a catalogue key with a `{count}` placeholder. */
export interface ForgetCount {
  key: string;
  count: number;
}
