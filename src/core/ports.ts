/**
 * What one feature offers another, through the core, so features never import each other.
 * A port is optional: the consumer checks for it and degrades when the feature is absent.
 */
import type { ChatUser, ConversationRef } from './message.ts';
import type { Turn } from './turn.ts';

export interface NewActionItem {
  title: string;
  /** The owner as typed ("@bram", "Bram"); the action log resolves or keeps the name. */
  owner?: string;
  /** A due date as typed, in Dutch or English ("vrijdag", "2026-12-15"). */
  due?: string;
  /** The owner's user id, when the owner is known (a participant mentioned by name). */
  ownerId?: string;
  /** A deadline that was typed but could not be read: kept in the title, and someone is asked. */
  unreadableDue?: string;
  /** Who typed the item (absent when anonymous). */
  author?: { id: string; name: string };
}

/** Where a batch of items comes from, for the one summary the facilitators get. */
export interface ActionSource {
  /** E.g. "moreel beraad #3". */
  label: string;
}

export interface ActionLogPort {
  /** Adds actions to the network of `channel`; returns their numbers, or undefined when the channel is no network. */
  addActions(channel: ConversationRef, items: NewActionItem[], by: ChatUser, source?: ActionSource): Promise<{ number: number; title: string }[] | undefined>;
}

/** A question the network was asked and that is still open (the peers feature), for the weekly nudge. */
export interface OpenNetworkQuestion {
  number: number;
  /** The redacted question as posted. */
  text: string;
  /** ISO date-time it was asked. */
  askedAt: string;
}

export interface NetworkQuestionsPort {
  /** Open questions of one network (network id as in the store), oldest first. */
  openQuestions(networkId: string): Promise<OpenNetworkQuestion[]>;
}

/** The knowledge base's reading of a text (the ask feature): its topics, for matching members who know them. */
export interface KnowledgeTopicsPort {
  /** Canonical topic keys of a text (e.g. "pgb", "meerzorg"), from the analyser, not substrings. */
  topicsOf(text: string): string[];
}

/** One deliberation session as listed for download (the deliberate feature), newest first. */
export interface DeliberationReportSummary {
  /** The session's id (its thread); pass it to `report`. */
  id: string;
  /** The number people see ("#3"). */
  number: number;
  /** The method's id ("kort", "uitgebreid"). */
  method: string;
  /** ISO date-time the session started. */
  startedAt: string;
  /** How many people took part (the facilitator included). */
  participants: number;
  /** How many actions came out of it. */
  actions: number;
}

export interface DeliberationReportsPort {
  /** Sessions of one network (network id as in the store), newest first. */
  list(networkId: string): Promise<DeliberationReportSummary[]>;
  /** The report as a document: Markdown, or a self-contained print-friendly HTML page; undefined when unknown. */
  report(networkId: string, id: string, format: 'md' | 'html'): Promise<string | undefined>;
}

/** An action as the web console shows it (the actions feature); text already redacted. */
export interface ConsoleActionView {
  number: number;
  title: string;
  ownerId?: string;
  ownerName: string;
  /** Local day "YYYY-MM-DD". */
  due?: string;
  status: 'open' | 'in_progress' | 'stuck' | 'done' | 'dropped';
  lastNote?: string;
  updatedAt: string;
}

/** One week of a network's progress chart: never per person. */
export interface ConsoleProgressWeek {
  /** The week's Monday, local "YYYY-MM-DD". */
  week: string;
  /** Actions done in the week. */
  wins: number;
  /** Open (open or in progress) and stuck at the week's end. */
  open: number;
  stuck: number;
  /** How many people moved something in the week (a participation count, no names). */
  movers: number;
}

/** A change typed in the console's edit form, read with the same rules as in chat. */
export interface ConsoleActionChange {
  status?: ConsoleActionView['status'];
  /** As typed ("@bram", "Bram"). */
  owner?: string;
  /** As typed or picked ("2026-12-15", "vrijdag"). */
  due?: string;
  note?: string;
}

export type ConsoleResult = { ok: true } | { ok: false; key: string; vars?: Record<string, string | number> };

export interface ConsoleActionsPort {
  list(networkId: string): Promise<ConsoleActionView[]>;
  /** The last `count` weeks up to `now` (oldest first) and the group's streak (weeks in a row with a win). */
  progress(networkId: string, now: Date, count: number): Promise<{ weeks: ConsoleProgressWeek[]; streak: number }>;
  /** Applies the change as the chat would (permissions, states); the channel's card follows. */
  change(networkId: string, number: number, change: ConsoleActionChange, by: ChatUser): Promise<ConsoleResult>;
  /** The export as in chat (`;`, BOM, the network's language). */
  csv(networkId: string): Promise<string>;
  /** The next nudge exactly as it would be posted now, or undefined. */
  nudgePreview(networkId: string, now: Date): Promise<{ text: string; reminders: number } | undefined>;
}

/** A network's settings as the console shows them (the networks feature). */
export interface ConsoleNetworkSettings {
  scheduleText: string;
  schedule: string;
  status: 'active' | 'paused' | 'stopped';
  pausedUntil?: string;
  language: 'nl' | 'en';
  timeZone: string;
  /** ISO date-time of the next nudge, when one is planned (holidays, skipped weeks and pause counted). */
  nextNudge?: string;
  /** Periods without a nudge, local days "YYYY-MM-DD" (from today on). */
  skipWeeks: { from: string; to: string }[];
}

export interface ConsoleSettingsChange {
  schedule?: string;
  /** A local day as typed, to pause until. */
  pauseUntil?: string;
  resume?: boolean;
  language?: string;
  timeZone?: string;
  /** A period without nudges, as typed or picked (both ends, or one day for its whole week). */
  skipFrom?: string;
  skipTo?: string;
  clearSkips?: boolean;
}

export interface ConsoleNetworksPort {
  settings(networkId: string, lang: 'nl' | 'en'): Promise<ConsoleNetworkSettings | undefined>;
  /** Facilitators only, read with the same rules as `wegwijs netwerk …`. */
  change(networkId: string, change: ConsoleSettingsChange, by: ChatUser): Promise<ConsoleResult>;
}

/** One week of the knowledge base's use in a tenant (the ask feature). */
export interface ConsoleKnowledgeWeek {
  week: string;
  asked: number;
  answered: number;
  refused: number;
  up: number;
  down: number;
}

export interface ConsoleGap {
  /** The ask feature's question id ("q-…"), shared with the peers feature's questions from a gap. */
  questionId: string;
  text: string;
  count: number;
  unanswered: number;
  down: number;
  reasons: Record<string, number>;
  refusal?: string;
  lastAt: string;
}

export interface ConsoleStaleCard {
  id: string;
  title: string;
  validUntil?: string;
  /** The newest source's date, when all sources are older than the limit. */
  newestSource?: string;
  reasons: ('expired' | 'old_sources')[];
}

export interface ConsoleKnowledgePort {
  /** Tenant key `platform:tenant`; weeks oldest first, in the time zone given. */
  weeks(tenant: string, now: Date, count: number, timeZone: string): Promise<ConsoleKnowledgeWeek[]>;
  gaps(tenant: string, limit: number): Promise<ConsoleGap[]>;
  /** Cards past valid_until, or whose sources are all older than `sourceYears`. */
  staleCards(now: Date, sourceYears: number): ConsoleStaleCard[];
}

/** How answers to questions in a network's channel go out (the peers feature keeps the setting). */
export interface AnswerPolicyPort {
  /** True when the network answers in public (`wegwijs netwerk antwoorden openbaar`); by default answers go privately first. */
  answersInPublic(networkId: string): Promise<boolean>;
}

/** A delivery problem of the last weekly nudge, shown to facilitators until a nudge goes through. */
export interface NudgeDeliveryIssue {
  at: string;
  target: string;
  error: string;
  count: number;
}

/** What the weekly nudge (the actions feature) tells others about a network: when it last went out, and what failed. */
export interface NudgeStatusPort {
  status(networkId: string): Promise<{ lastNudgeAt?: string; deliveryIssue?: NudgeDeliveryIssue }>;
}

/** The crazy eight (the ideas feature), for the deliberation feature's list of methods and its `beraad start crazy-eight`. */
export interface IdeaSessionsPort {
  method: { id: string; name: { nl: string; en: string }; summary: { nl: string; en: string }; minutes: number };
  start(turn: Turn, args: string): Promise<void>;
}

/** A draft card from a network's resolved question (the peers feature), for the curators. */
export interface ConsoleDraft {
  number: number;
  networkName: string;
  question: string;
  answer: string;
  date: string;
}

/** Who knows what in a network (the peers feature). */
export interface ConsoleKnower {
  name: string;
  tags: string[];
}

export interface ConsolePeersPort {
  /** Draft cards from the tenant's networks (`platform:tenant`), newest first. */
  drafts(tenant: string): Promise<ConsoleDraft[]>;
  /** The draft as a card file to complete and add to knowledge/cards, with a curator's edits (redacted); undefined when not the tenant's. */
  draftFile(tenant: string, number: number, edit?: { question?: string; answer?: string }): Promise<string | undefined>;
  /** What the tenant's networks answered to gaps (by the gap's question id), and the card a curator closed a gap with. */
  gapAnswers(tenant: string): Promise<Record<string, { network?: string; answer?: string; card?: string }>>;
  /** Removes a draft a curator rejected; false when not the tenant's. */
  rejectDraft(tenant: string, number: number): Promise<boolean>;
  knowers(networkId: string): Promise<ConsoleKnower[]>;
}

export interface Ports {
  ideaSessions?: IdeaSessionsPort;
  actionLog?: ActionLogPort;
  nudgeStatus?: NudgeStatusPort;
  networkQuestions?: NetworkQuestionsPort;
  answerPolicy?: AnswerPolicyPort;
  knowledgeTopics?: KnowledgeTopicsPort;
  deliberationReports?: DeliberationReportsPort;
  consoleActions?: ConsoleActionsPort;
  consoleNetworks?: ConsoleNetworksPort;
  consoleKnowledge?: ConsoleKnowledgePort;
  consolePeers?: ConsolePeersPort;
}
