/**
 * What one feature offers another, through the core, so features never import each other.
 * A port is optional: the consumer checks for it and degrades when the feature is absent.
 */
import type { ChatUser, ConversationRef } from './message.ts';

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

export interface Ports {
  actionLog?: ActionLogPort;
  networkQuestions?: NetworkQuestionsPort;
  knowledgeTopics?: KnowledgeTopicsPort;
  deliberationReports?: DeliberationReportsPort;
}
