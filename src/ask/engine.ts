/**
 * The answering engine, without chat or storage: knowledge + retrieval + rules (+ optional LLM).
 * The chat feature and the CLI (`wegwijs ask`, `wegwijs eval`) both use it, so what curators test
 * is what users get.
 */
import { join } from 'node:path';
import { Catalog, DEFAULT_KNOWLEDGE_DIR, DEFAULT_PROMPTS_DIR, guessLanguage, silentLogger, type Lang, type Logger } from '../core/index.ts';
import type { Config } from '../config.ts';
import { createLlmClient, type LlmClient } from '../llm/index.ts';
import type { Role } from '../store/index.ts';
import { loadSynonyms, words, isStopWord } from './analyze.ts';
import { loadGuardrails, matchGuardrail, type Guardrails, type RuleKind } from './guardrails.ts';
import { loadCards, type KnowledgeCard } from './knowledge.ts';
import { llmAnswer, loadPrompt, type AskPrompt } from './llm-answer.ts';
import { Retriever } from './retriever.ts';

/** Below this share of the question covered by the best card, Wegwijs says it is not sure. */
export const MIN_CONFIDENCE = 0.4;
const FOLLOW_UP_SHARE = 0.55;
const MAX_FOLLOW_UPS = 4;
const LLM_CARDS = 3;

export type RefusalKind = RuleKind | 'low_confidence' | 'empty';

export interface SourceRef {
  title: string;
  document: string;
  locator: string;
  date: string;
  url?: string;
}

export interface Answer {
  answered: boolean;
  lang: Lang;
  refusal?: RefusalKind;
  /** The answer text (a card's answer, the LLM's answer, or the refusal with where to go). */
  text: string;
  /** The card that answers (first cited card on the LLM path). */
  card?: KnowledgeCard;
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
}

export interface AskOptions {
  role?: Role;
  lang?: Lang;
  /** The earlier question in the same thread, for short follow-ups ("en bij de gemeente?"). */
  context?: string;
  /** Skip the LLM even when one is configured (eval, benchmarks). */
  offline?: boolean;
}

export interface EngineOptions {
  knowledgeDir?: string;
  promptsDir?: string;
  defaultLang?: Lang;
  llm?: LlmClient;
  log?: Logger;
  catalog?: Catalog;
  today?: Date;
}

export class AskEngine {
  readonly retriever: Retriever;
  private readonly rules: Guardrails;
  private readonly catalog: Catalog;
  private readonly prompt?: AskPrompt;
  private readonly log: Logger;
  private readonly defaultLang: Lang;

  constructor(private readonly options: EngineOptions = {}) {
    const knowledgeDir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
    const promptsDir = options.promptsDir ?? DEFAULT_PROMPTS_DIR;
    this.retriever = new Retriever(loadCards(knowledgeDir, options.today), loadSynonyms(knowledgeDir));
    this.rules = loadGuardrails(knowledgeDir);
    this.catalog = options.catalog ?? Catalog.fromDirectory(join(promptsDir, 'messages'));
    this.prompt = options.llm ? loadPrompt(promptsDir) : undefined;
    this.log = options.log ?? silentLogger;
    this.defaultLang = options.defaultLang ?? 'nl';
  }

  /** Builds the engine from the configuration (knowledge and prompt folders, optional LLM). */
  static fromConfig(config: Config, log: Logger = silentLogger, catalog?: Catalog): AskEngine {
    return new AskEngine({
      knowledgeDir: config.knowledgeDir,
      promptsDir: config.promptsDir,
      defaultLang: config.language,
      llm: createLlmClient(config.llm, log),
      log,
      catalog,
    });
  }

  /** A catalogue text in a language (the CLI has no turn to ask). */
  t(lang: Lang, key: string, vars?: Record<string, string | number>): string {
    return this.catalog.t(lang, key, vars);
  }

  get cards(): KnowledgeCard[] {
    return this.retriever.cards;
  }

  card(id: string): KnowledgeCard | undefined {
    return this.retriever.card(id);
  }

  /** The language to answer in: as asked for, else the question's own language, else the default. */
  languageOf(question: string, wanted?: Lang): Lang {
    return wanted ?? guessLanguage(question) ?? this.defaultLang;
  }

  /**
   * Answers a (redacted) question. Never throws on odd input; the LLM path falls back to the
   * offline answer on any problem.
   */
  async answer(question: string, options: AskOptions = {}): Promise<Answer> {
    const offline = this.answerOffline(question, options);
    if (!offline.answered || options.offline || !this.options.llm || !this.prompt) return offline;
    const given = [offline.card!, ...offline.followUps].slice(0, LLM_CARDS);
    const grounded = await llmAnswer(this.options.llm, this.prompt, question, given, offline.lang, this.log);
    if (!grounded) return offline;
    const cited = grounded.cited.map((id) => this.card(id)!);
    const rest = offline.cards.filter((id) => !grounded.cited.includes(id)).map((id) => this.card(id)!);
    return { ...offline, via: 'llm', text: grounded.text, card: cited[0], cards: [...grounded.cited, ...rest.map((c) => c.id)], followUps: rest, sources: sourcesOf(cited) };
  }

  /** The offline answer: the best card, its follow-ups and sources, or a refusal. */
  answerOffline(question: string, options: AskOptions = {}): Answer {
    const lang = this.languageOf(question, options.lang);
    const base = { lang, cards: [], followUps: [], suggestions: [], sources: [], ranked: [], via: 'offline' as const, usedContext: false };
    const rule = matchGuardrail(this.rules, question);
    if (rule) return { ...base, answered: false, refusal: rule, text: this.refusalText(rule, lang), confidence: 0 };
    let retrieval = this.retriever.retrieve(question, { role: options.role });
    let usedContext = false;
    if (options.context && isElliptic(question, retrieval.confidence)) {
      retrieval = this.retriever.retrieve(`${options.context} ${question}`, { role: options.role });
      usedContext = true;
    }
    const { hits, confidence, typed } = retrieval;
    const ranked = hits.map((h) => h.card.id);
    if (typed === 0 || hits.length === 0 || confidence < MIN_CONFIDENCE) {
      const refusal: RefusalKind = typed === 0 ? 'empty' : 'low_confidence';
      return { ...base, ranked, usedContext, answered: false, refusal, text: this.refusalText(refusal, lang), confidence, suggestions: hits.slice(0, 3).map((h) => h.card) };
    }
    const best = hits[0].card;
    const near = hits.slice(1).filter((h) => h.score >= hits[0].score * FOLLOW_UP_SHARE).map((h) => h.card);
    const related = best.related.map((id) => this.card(id)).filter((c): c is KnowledgeCard => Boolean(c));
    const followUps = orderForRole(unique([...near, ...related]).filter((c) => c.id !== best.id), options.role).slice(0, MAX_FOLLOW_UPS);
    const text = lang === 'en' && best.answer_en ? best.answer_en : best.answer;
    return { ...base, ranked, usedContext, answered: true, text, card: best, cards: [best.id, ...near.map((c) => c.id)].slice(0, 5), followUps, sources: sourcesOf([best]), confidence };
  }

  private refusalText(kind: RefusalKind, lang: Lang): string {
    return `${this.catalog.t(lang, 'ask.refuse.intro')} ${this.catalog.t(lang, `ask.refuse.${kind}`)}`;
  }
}

/**
 * A follow-up that only makes sense with the earlier question: it starts with a connecting word
 * ("en bij de gemeente?", "and the CCE?"), or it is very short and not clear on its own.
 */
export function isElliptic(question: string, confidenceAlone: number): boolean {
  if (/^\s*(en|and|maar|but|ook|also|dus|so|what about|how about|wat als|en als)\b/i.test(question)) return true;
  const content = words(question).filter((w) => !isStopWord(w));
  return content.length <= 3 && confidenceAlone < 0.5;
}

function sourcesOf(cards: KnowledgeCard[]): SourceRef[] {
  return cards.flatMap((card) =>
    card.sources.map((s) => ({ title: card.title, document: s.document, locator: s.locator, date: s.published ?? s.consulted ?? "", ...(s.url ? { url: s.url } : {}) })),
  );
}

function unique(cards: KnowledgeCard[]): KnowledgeCard[] {
  const seen = new Set<string>();
  return cards.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/** Cards meant for the role first; otherwise the order stays as ranked. */
function orderForRole(cards: KnowledgeCard[], role?: Role): KnowledgeCard[] {
  if (!role) return cards;
  return [...cards.filter((c) => c.audience.includes(role)), ...cards.filter((c) => !c.audience.includes(role))];
}
