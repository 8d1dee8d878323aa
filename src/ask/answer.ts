/**
 * What an answer is: the text the user reads first, the cards and sources behind it, or a
 * refusal with its reason. Shared by the engine, the chat rendering and the evaluation.
 */
import type { Lang } from '../core/index.ts';
import type { Role } from './roles.ts';
import type { AnswerPart } from './compose.ts';
import type { RuleKind } from './guardrails.ts';
import type { KnowledgeCard } from './knowledge.ts';

export type RefusalKind = RuleKind | 'unknown' | 'empty' | 'vague';

export interface SourceRef {
  title: string;
  document: string;
  publisher?: string;
  locator: string;
  /** The source's own date, or the day an undated page was consulted (then `consulted` is true). */
  date: string;
  consulted?: boolean;
  url?: string;
  /** Experience knowledge from a learning network (kind `network`), and whether a curator reviewed it. */
  network?: boolean;
  reviewed?: boolean;
}

/** Why a question got its answer (`wegwijs eval --explain`). */
export interface Explanation {
  question: string;
  role?: string;
  laws: string[];
  impliedLaws: string[];
  wants: string[];
  ranking: { id: string; score: number }[];
  confidence: number;
  margin: number;
  sentences: { card: string; text: string; score: number }[];
  /** Why it was not answered: which check said no (shown by `wegwijs eval --explain`). */
  refusedBy?: 'empty' | 'vague' | 'out_of_scope' | 'unknown_year' | 'unsure' | 'unknown_word' | 'other_law' | 'no_fact_in_card' | 'sentences_off_topic' | 'fact_not_about_question';
}

export interface Answer {
  answered: boolean;
  lang: Lang;
  refusal?: RefusalKind;
  /** What the user reads first: the sentences that answer the question (or the refusal). */
  text: string;
  /** The card that answers (first cited card on the LLM path). */
  card?: KnowledgeCard;
  /** The cards whose sentences make up the answer, the answering card first. */
  parts: AnswerPart[];
  /** Ids: the answering card(s) first, then the other relevant cards. Empty on refusal. */
  cards: string[];
  followUps: KnowledgeCard[];
  /** On a low-confidence refusal: the nearest cards, offered as "maybe you mean". */
  suggestions: KnowledgeCard[];
  sources: SourceRef[];
  confidence: number;
  /** The full ranking (ids), for evaluation. */
  ranked: string[];
  via: 'offline' | 'llm';
  /** True when the question was combined with the thread's earlier question. */
  usedContext: boolean;
  explanation?: Explanation;
}

export interface AskOptions {
  role?: Role;
  lang?: Lang;
  /** The earlier question in the same thread, for short follow-ups ("en bij de gemeente?"). */
  context?: string;
  /** Skip the LLM even when one is configured (eval, benchmarks). */
  offline?: boolean;
  /** Keep the scores and chosen sentences (`wegwijs eval --explain`). */
  explain?: boolean;
}

export function sourcesOf(cards: KnowledgeCard[]): SourceRef[] {
  return cards.flatMap((card) =>
    card.sources.map((s) => ({
      title: card.title,
      document: s.document,
      ...(s.publisher ? { publisher: s.publisher } : {}),
      locator: s.locator,
      date: s.published ?? s.consulted ?? '',
      ...(s.published ? {} : { consulted: true }),
      ...(s.url ? { url: s.url } : {}),
      ...(s.kind === 'network' ? { network: true, reviewed: Boolean(s.reviewed_by && s.reviewed_at) } : {}),
    })),
  );
}

export function unique(cards: KnowledgeCard[]): KnowledgeCard[] {
  const seen = new Set<string>();
  return cards.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/** Cards meant for the role first; otherwise the order stays as ranked. */
export function orderForRole(cards: KnowledgeCard[], role?: Role): KnowledgeCard[] {
  if (!role) return cards;
  return [...cards.filter((c) => c.audience.includes(role)), ...cards.filter((c) => !c.audience.includes(role))];
}
