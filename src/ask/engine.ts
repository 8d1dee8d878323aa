/**
 * The answering engine, without chat or storage: knowledge + retrieval + rules (+ optional LLM).
 * The chat feature and the CLI (`wegwijs ask`, `wegwijs eval`) both use it, so what curators test
 * is what users get.
 */
import { join } from 'node:path';
import { Catalog, DEFAULT_KNOWLEDGE_DIR, fold, DEFAULT_PROMPTS_DIR, guessLanguage, silentLogger, type Lang, type Logger } from '../core/index.ts';
import type { Config } from '../config.ts';
import { createLlmClient, type LlmClient } from '../llm/index.ts';
import type { Role } from './roles.ts';
import { indexTerms, loadSynonyms, words, isStopWord } from './analyze.ts';
import { cachedRetriever } from './card-cache.ts';
import { loadGuardrails, matchGuardrail, type Guardrails } from './guardrails.ts';
import { Spelling } from './spelling.ts';
import { loadCards, type KnowledgeCard } from './knowledge.ts';
import { cardSentences, composeAnswer, factCue, focusWeighted, lacksFact, splitBody } from './compose.ts';
import { orderForRole, sourcesOf, unique, type Answer, type AskOptions, type Explanation, type RefusalKind } from './answer.ts';
import type { AnswerPart, Concept } from './compose.ts';
import { comparedSides } from './compare.ts';
import { definedHead, definitionFirst, namesCard, withFactFirst } from './card-order.ts';
export type { Answer, AskOptions, Explanation, RefusalKind, SourceRef } from './answer.ts';
import { lawsIn, loadDomainWords, loadLaws, shapeQuestion, splitQuestions, type Law, type QuestionShape } from './question.ts';
import { llmAnswer, loadPrompt, type AskPrompt } from './llm-answer.ts';
import { Retriever } from './retriever.ts';

/** Below this share of the question covered by the best card, Wegwijs says it is not sure. */
export const MIN_CONFIDENCE = 0.4;
/** Between MIN_CONFIDENCE and this, the best card must also stand out from the second. */
const MARGIN_ZONE = 0.55;
const MIN_MARGIN = 0.08;
/** The best two cards together must cover this much more of the question than the first alone. */
const PAIR_GAIN = 0.2;
/** Score factor for a card about another law than the one the question names. */
const OTHER_LAW = 0.25;
const IMPLIED_OTHER_LAW = 0.7;
/** "Wat nu?" asks for a way forward: cards about a route or steps rank a little higher. */
const ROUTE_BOOST = 1.3;
/** A card that explains why, for a question that asks what now. */
const WHY_FACTOR = 0.75;
const WHY_TITLE = /^(waarom|why)\b/iu;
const ROUTE_TITLE = /\b(route|stappen|stappenplan|escal\w*|wat te doen|wat kun je doen|hoe (vraag|maak|dien|regel)|aanvragen|aanvraag|bezwaar|klacht|inschakelen|wanneer)\b/iu;
const PROCEDURE = /\b(klacht\w*|bezwaar\w*|beroep|complain\w*|objection|appeal)\b/iu;
const FOLLOW_UP_SHARE = 0.55;
/** "Wat is X en hoe lang …?": a definition and a fact asked as two parts. */
const DEFINE_AND_FACT = /\b(wat (is|zijn|betekent|houdt|doet|doen)|what (is|are|does|do))\b.+\b(en|and)\b.+\b(hoe ?lang|hoeveel|hoe vaak|wat kost|kost(en|t)? (het|dat|dit|die|ze)|how (long|many|much|often)|what does it cost|does (it|that) cost)\b/u;
/** The kinds of fact a question can want that a card may lack. */
const FACT_WANTS: string[] = ['duration', 'money', 'frequency', 'count'];
const YEAR = /\b(?:19|20)\d\d\b/g;
const MAX_FOLLOW_UPS = 4;
const LLM_CARDS = 3;
/** A second card answers a second part when that part carries this share of the question. */
/** The best sentence must itself cover this share of the question, or the card is not the answer. */
const MIN_SENTENCE_MATCH = 0.3;
const MAX_QUESTIONS = 3;
/** The question's own words must carry this share of it for a situation told first to weigh less. */
const MIN_FOCUS_FOR_SCENE = 0.35;
/** … and this share for a condition of the question ("als …", "if …") to weigh less. */
const MIN_FOCUS_FOR_CONDITION = 0.15;

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
  private readonly laws: Law[];
  /** Everyday words of the domain (`domain.yaml`), beyond the cards' own titles and topics. */
  private readonly domainWords: Set<string>;
  /** Per card: the laws its title and topics are about. */
  private readonly cardLaws = new Map<string, string[]>();
  /** Cards whose title promises a way forward (a route, steps, how to apply or object). */
  private readonly routeCards = new Set<string>();
  /** Cards whose title asks why (they explain causes, not what to do). */
  private readonly whyCards = new Set<string>();
  /** Cards about a complaint or objection procedure. */
  private readonly procedureCards = new Set<string>();
  /** The years the cards' texts speak of: a question about a later year asks what no card can know. */
  private readonly knownYears = new Set<string>();
  private readonly thisYear: number;
  /** Mistyped words read as the cards' own (spelling.ts). */
  private readonly spelling: Spelling;

  constructor(private readonly options: EngineOptions = {}) {
    const knowledgeDir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
    const promptsDir = options.promptsDir ?? DEFAULT_PROMPTS_DIR;
    this.retriever = cachedRetriever(knowledgeDir, loadCards(knowledgeDir, options.today), loadSynonyms(knowledgeDir));
    this.rules = loadGuardrails(knowledgeDir);
    this.laws = loadLaws(knowledgeDir);
    const domainWords = loadDomainWords(knowledgeDir);
    this.domainWords = new Set(indexTerms(domainWords.join(' ')));
    const synonyms = this.retriever.synonymWords();
    this.spelling = new Spelling(
      () => [...this.retriever.cards.flatMap((c) => [c.title, c.topics.join(' ')]), ...domainWords, ...synonyms],
      () => this.retriever.cards.flatMap((c) => [c.title, ...c.questions, c.answer, c.answer_en ?? '', c.body]),
      (word) => this.retriever.knows(word),
    );
    for (const card of this.retriever.cards) {
      const found = lawsIn(fold(`${card.title} ${card.topics.join(' ')}`), this.laws);
      this.cardLaws.set(card.id, [...found.named, ...found.implied]);
      if (ROUTE_TITLE.test(fold(card.title))) this.routeCards.add(card.id);
      if (PROCEDURE.test(fold(card.title))) this.procedureCards.add(card.id);
      if (WHY_TITLE.test(fold(card.title))) this.whyCards.add(card.id);
      for (const year of `${card.answer} ${card.answer_en ?? ''} ${card.body}`.match(YEAR) ?? []) this.knownYears.add(year);
    }
    this.thisYear = (options.today ?? new Date()).getFullYear();
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
    return { ...offline, via: 'llm', text: grounded.text, card: cited[0], parts: cited.map((card) => ({ card, sentences: [], chosen: [] })), cards: [...grounded.cited, ...rest.map((c) => c.id)], followUps: rest, sources: sourcesOf(cited) };
  }

  /** One card in full ("Meer uitleg", a "Zie ook" button): its whole text and every source. */
  cardAnswer(card: KnowledgeCard, lang: Lang, role?: Role): Answer {
    const { nl, en } = splitBody(card.body);
    const body = (lang === 'en' && card.answer_en ? en : nl).trim();
    const text = [lang === 'en' && card.answer_en ? card.answer_en : card.answer, body].filter(Boolean).join('\n\n');
    const related = card.related.map((id) => this.card(id)).filter((c): c is KnowledgeCard => Boolean(c));
    return {
      answered: true, lang, text, card, parts: [{ card, sentences: [], chosen: [] }], cards: [card.id], followUps: orderForRole(related, role).slice(0, MAX_FOLLOW_UPS),
      suggestions: [], sources: sourcesOf([card]), confidence: 1, ranked: [card.id], via: 'offline', usedContext: false,
    };
  }

  /**
   * The offline answer: the sentences of the best card(s) that answer the question, or a refusal.
   * A message with several questions gets an answer to each (at most MAX_QUESTIONS).
   */
  answerOffline(typed: string, options: AskOptions = {}): Answer {
    const lang = this.languageOf(typed, options.lang);
    const rule = matchGuardrail(this.rules, typed);
    if (rule) return this.refusal(rule, lang);
    const question = this.spelling.correct(typed);
    const questions = splitQuestions(question);
    if (questions.length < 2) return this.answerOne(question, options, lang);
    // A later part too short to stand alone ("…, en wie regelt het?") reads the first as its context.
    const short = (q: string) => words(q).filter((w) => !isStopWord(w)).length <= 2;
    const answers = questions.slice(0, MAX_QUESTIONS).map((q, i) => this.answerOne(q, { ...options, context: i > 0 && short(q) ? questions[0] : undefined }, lang));
    return this.combine(answers, lang);
  }

  private answerOne(question: string, options: AskOptions, lang: Lang): Answer {
    const shape = shapeQuestion(question, this.laws);
    // "het budget voor 2028", "de nieuwe wet van 2029": a year after this one that no card speaks of.
    if ((shape.text.match(YEAR) ?? []).some((y) => Number(y) > this.thisYear && !this.knownYears.has(y))) return this.refusal('unknown', lang);
    const role = options.role ?? shape.role;
    // A complaint or objection route is a way forward only for a question about a complaint or an objection.
    const procedureAsked = PROCEDURE.test(fold(shape.text));
    const wantsNext = shape.wants.includes('next');
    // "wat nu?" asks for a way forward: a route card goes up, a card that explains why goes down.
    const adjust = (id: string) =>
      this.lawFactor(id, shape) * (wantsNext && this.routeCards.has(id) && (procedureAsked || !this.procedureCards.has(id)) ? ROUTE_BOOST : 1) * (wantsNext && this.whyCards.has(id) ? WHY_FACTOR : 1);
    // The scene weighs less only when what is asked says enough itself ("Wat zijn de
    // mogelijkheden?" after a situation is about that situation; "wat is de route als …" is about
    // the condition); a condition of the question itself needs less of it than a told situation.
    const focusShare = this.focusShare(shape);
    const background = focusShare >= MIN_FOCUS_FOR_CONDITION ? backgroundWords(shape, focusShare >= MIN_FOCUS_FOR_SCENE) : undefined;
    let retrieval = this.retriever.retrieve(shape.text, { role, adjust, background });
    let usedContext = false;
    if (options.context && isElliptic(shape.text, retrieval.confidence)) {
      retrieval = this.retriever.retrieve(shape.text, { role, adjust, background, context: options.context });
      usedContext = true;
    }
    const { confidence, typed } = retrieval;
    // One word ("wlz", "meerzorg") asks what it is: the card that is about that word itself.
    // "what is the duty of care of the care office" asks about two things, as "wat is de zorgplicht van het zorgkantoor".
    const units = retrieval.units ?? typed;
    const defining = !usedContext && (typed === 1 || (units <= 2 && shape.wants.includes('define')));
    const topicConcepts = focusWeighted(this.retriever.concepts(shape.topic), shape);
    const asked = new Set(topicConcepts.flatMap((c) => [...c.terms]));
    const ranked0 = defining ? definitionFirst(retrieval.hits, asked, lang, topicConcepts, definedHead(fold(shape.text), topicConcepts)) : retrieval.hits;
    // A question for a duration, an amount or a number wants the card that has one: a close
    // second with the fact goes before a first without it.
    const hits = withFactFirst(ranked0, shape, lang);
    const ranked = hits.map((h) => h.card.id);
    const margin = hits.length > 1 ? (hits[0].score - hits[1].score) / hits[0].score : 1;
    const explanation: Explanation | undefined = options.explain
      ? { question: shape.text, role, laws: shape.laws, impliedLaws: shape.impliedLaws, wants: shape.wants, ranking: hits.slice(0, 5).map((h) => ({ id: h.card.id, score: round(h.score) })), confidence: round(confidence), margin: round(margin), sentences: [] }
      : undefined;
    const refuse = (refusal: RefusalKind) => ({ ...this.refusal(refusal, lang), ranked, usedContext, confidence, suggestions: hits.slice(0, 3).map((h) => h.card), explanation });
    if (typed === 0 || hits.length === 0) return refuse('empty');
    // A bare word ("test", "wlz") that names no card of its own asks back; "wat is X?" is a real question.
    if (typed === 1 && !usedContext && !shape.wants.includes('define') && !namesCard(hits[0].card, asked)) return refuse('vague');
    const wrongLaw = shape.laws.length > 0 && this.aboutOtherLaw(hits[0].card.id, shape.laws);
    // A question for a duration, an amount or a number is not answered from a card without one.
    const noFact = lacksFact(cardSentences(hits[0].card, lang), shape);
    // Nothing of the domain in it at all: not a gap in the knowledge base, but another subject.
    // The asker's introduction counts here: "Ik werk bij een zorgkantoor. Hoe vaak …?" is in the domain.
    if (!this.retriever.inDomain(question, this.domainWords)) return refuse('out_of_scope');
    // Two close cards that each answer one part ("X en Y?") answer it together.
    const together = retrieval.pairConfidence >= MARGIN_ZONE && retrieval.pairConfidence - confidence >= PAIR_GAIN;
    const unsure = confidence < MIN_CONFIDENCE || (confidence < MARGIN_ZONE && margin < MIN_MARGIN);
    // "Wat is X en hoe lang duurt het?" with no duration in the cards: the definition is answered,
    // and the answer says that the other part is not known, rather than refusing both.
    const alsoDefines = DEFINE_AND_FACT.test(fold(shape.text));
    if ((unsure && !together) || wrongLaw || (noFact && !alsoDefines)) return refuse('unknown');
    const best = hits[0].card;
    const concepts = usedContext ? focusWeighted(this.retriever.concepts(`${shape.topic} ${options.context}`), shape) : topicConcepts;
    const composeShape = noFact ? { ...shape, wants: shape.wants.filter((w) => !FACT_WANTS.includes(w)) } : shape;
    const { parts, matched } = composeAnswer({ shape: composeShape, lang, concepts, laws: this.laws, cardLaws: this.cardLaws }, hits.map((h) => h.card));
    explanation?.sentences.push(...parts.flatMap((p) => p.chosen.map((c) => ({ card: p.card.id, text: c.text, score: round(c.score) }))));
    // The card matched, but none of its sentences is about what was asked: no answer, no guess.
    if (matched < MIN_SENTENCE_MATCH && typed > 1) return refuse('unknown');
    // A number, amount or duration is only an answer when the sentence that carries it is about
    // what was asked: "25%" about meerzorg does not answer what a place costs per day.
    const factMissing = noFact || !factIsAbout(parts, shape, concepts);
    if (factMissing && !alsoDefines) return refuse('unknown');
    const near = hits.slice(1).filter((h) => h.score >= hits[0].score * FOLLOW_UP_SHARE).map((h) => h.card);
    const related = best.related.map((id) => this.card(id)).filter((c): c is KnowledgeCard => Boolean(c));
    const shown = parts.map((p) => p.card.id);
    const followUps = orderForRole(unique([...near, ...related]).filter((c) => !shown.includes(c.id)), role).slice(0, MAX_FOLLOW_UPS);
    const unknownSides = this.coverSides(shape, parts, lang, role);
    const text = [parts.map((p) => p.sentences.join(' ')).join('\n\n'), this.uncoveredLaws(shape, parts, lang), factMissing ? this.catalog.t(lang, 'ask.partly_unknown') : undefined, unknownSides.length ? this.catalog.t(lang, 'ask.side_unknown', { sides: unknownSides.join(', ') }) : undefined].filter(Boolean).join('\n\n');
    const cards = unique([...parts.map((p) => p.card), ...near]).map((c) => c.id).slice(0, 5);
    return { answered: true, lang, text, card: best, parts, cards, followUps, suggestions: [], sources: sourcesOf(parts.map((p) => p.card)), confidence, ranked, via: 'offline', usedContext, explanation };
  }

  /** The share (by rarity) of the question's words that are in what is asked, not in the scene. */
  private focusShare(shape: QuestionShape): number {
    if (!shape.background) return 0;
    const concepts = this.retriever.concepts(shape.topic);
    const focus = new Set(indexTerms(shape.focus ?? shape.text));
    const total = concepts.reduce((a, c) => a + c.weight, 0);
    const focused = concepts.filter((c) => [...c.terms].some((t) => focus.has(t))).reduce((a, c) => a + c.weight, 0);
    return total > 0 ? focused / total : 0;
  }

  /** One answer for a message with several questions: each answered part, and a word on the rest. */
  private combine(answers: Answer[], lang: Lang): Answer {
    const answered = answers.filter((a) => a.answered);
    if (answered.length === 0) return answers.find((a) => a.refusal !== 'unknown' && a.refusal !== 'empty' && a.refusal !== 'vague') ?? answers[0];
    const parts = answered.flatMap((a) => a.parts);
    const open = answers.length - answered.length;
    // Two parts answered from the same card may choose the same sentence: it is shown once.
    const shown = new Set<string>();
    const texts = answered.map((a) => {
      let text = a.text;
      for (const sentence of a.parts.flatMap((p) => p.sentences)) {
        if (shown.has(sentence)) text = text.replace(sentence, '');
        shown.add(sentence);
      }
      return text.replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
    });
    const text = [...texts.filter(Boolean), ...(open > 0 ? [this.catalog.t(lang, 'ask.partly_unknown')] : [])].join('\n\n');
    const cardsShown = unique(parts.map((p) => p.card));
    return {
      ...answered[0],
      text,
      parts,
      cards: unique([...cardsShown, ...answered.flatMap((a) => a.cards.map((id) => this.card(id)!))]).map((c) => c.id).slice(0, 5),
      followUps: unique(answered.flatMap((a) => a.followUps)).filter((c) => !cardsShown.includes(c)).slice(0, MAX_FOLLOW_UPS),
      sources: sourcesOf(cardsShown),
      confidence: Math.min(...answered.map((a) => a.confidence)),
    };
  }

  private refusal(kind: RefusalKind, lang: Lang): Answer {
    return { answered: false, lang, refusal: kind, text: this.refusalText(kind, lang), cards: [], parts: [], followUps: [], suggestions: [], sources: [], confidence: 0, ranked: [], via: 'offline', usedContext: false };
  }

  /**
   * A question that names a law is not answered from a card about another law only; one that
   * only implies a law ("zorgkantoor") prefers cards about that law.
   */
  private lawFactor(id: string, shape: QuestionShape): number {
    if (shape.laws.length > 0) return this.aboutOtherLaw(id, shape.laws) ? OTHER_LAW : 1;
    if (shape.impliedLaws.length > 0) return this.aboutOtherLaw(id, shape.impliedLaws) ? IMPLIED_OTHER_LAW : 1;
    return 1;
  }

  /**
   * A question about two laws ("Wmo of Wlz?") whose answer says nothing about one of them says so,
   * rather than leaving the asker to think the answer covers both.
   */
  /**
   * A comparison ("X vs Y") must show both sides: a side the shown sentences do not name gets the
   * lead of its own card when one clearly defines it (added to `parts`); the sides no card knows
   * are returned, so the answer can say so instead of explaining one side as if it were both.
   */
  private coverSides(shape: QuestionShape, parts: AnswerPart[], lang: Lang, role: AskOptions['role']): string[] {
    const sides = comparedSides(shape.text);
    if (!sides) return [];
    const unknown: string[] = [];
    for (const side of sides) {
      if (!words(side).some((w) => !isStopWord(w))) continue;
      const concepts = this.retriever.concepts(side);
      // A word no card uses at all: that side is not known.
      if (concepts.length === 0) {
        unknown.push(side);
        continue;
      }
      const shown = new Set(parts.flatMap((p) => [...p.chosen.flatMap((c) => [...c.terms]), ...indexTerms(p.card.title)]));
      // A part of a compound ("casus" in "casusregisseur") does not name the side; its stem or a synonym does.
      const own = (t: string) => !side.includes(t) || t.length >= 0.7 * (side.split(' ').find((w) => w.includes(t))?.length ?? 0);
      if (concepts.every((c) => [...c.terms].some((t) => own(t) && shown.has(t)))) continue;
      const alone = this.retriever.retrieve(side, { role });
      const card = alone.hits[0]?.card;
      const names = card && concepts.every((c) => [...c.terms].some((t) => indexTerms(`${card.title} ${card.topics.join(' ')}`).includes(t)));
      if (card && names && alone.confidence >= MARGIN_ZONE && !parts.some((p) => p.card.id === card.id)) {
        const sideShape = { ...shapeQuestion(`wat is ${side}`, this.laws), wants: ['define' as const] };
        const added = composeAnswer({ shape: sideShape, lang, concepts, laws: this.laws, cardLaws: this.cardLaws }, [card]).parts[0];
        if (added) {
          parts.push({ ...added, sentences: added.sentences.slice(0, 2), chosen: added.chosen.slice(0, 2) });
          continue;
        }
      }
      unknown.push(side);
    }
    return unknown;
  }

  private uncoveredLaws(shape: QuestionShape, parts: AnswerPart[], lang: Lang): string | undefined {
    if (shape.laws.length < 2) return undefined;
    const said = new Set([...parts.flatMap((p) => this.cardLaws.get(p.card.id) ?? []), ...lawsIn(fold(parts.flatMap((p) => p.sentences).join(' ')), this.laws).named]);
    const missing = this.laws.filter((l) => shape.laws.includes(l.id) && !said.has(l.id)).map((l) => l.name);
    return missing.length ? this.catalog.t(lang, 'ask.law_not_covered', { laws: missing.join(', ') }) : undefined;
  }

  /** True when a card is about one or more laws, none of which the question names. */
  private aboutOtherLaw(id: string, asked: string[]): boolean {
    const own = this.cardLaws.get(id) ?? [];
    return own.length > 0 && !own.some((law) => asked.includes(law));
  }

  private refusalText(kind: RefusalKind, lang: Lang): string {
    return `${this.catalog.t(lang, `ask.refuse.heading.${kind}`)} ${this.catalog.t(lang, `ask.refuse.${kind}`)}`;
  }
}

/**
 * A follow-up that only makes sense with the earlier question: short, and either starting with
 * a connecting word ("en bij een crisisopname?", "and the CCE?") or too vague to answer alone.
 * A full question on its own is a new question, even in the same thread.
 */
export function isElliptic(question: string, confidenceAlone: number): boolean {
  const content = words(question).filter((w) => !isStopWord(w));
  if (content.length > 5) return false;
  if (/^\s*(en|and|maar|but|ook|also|dus|so|what about|how about|wat als|en als|en bij|en voor|en wat|en wie|and if|and for)\b/i.test(question)) return true;
  return content.length <= 2 && confidenceAlone < MARGIN_ZONE;
}

/**
 * The typed words that only set the scene, with how much they weigh in retrieval: the situation
 * told before the question least, a condition ("als …", "if …") of the question itself more.
 */
function backgroundWords(shape: QuestionShape, withScene: boolean): Map<string, number> | undefined {
  if (!shape.background) return undefined;
  const asked = new Set(words(shape.focus ?? shape.text));
  const scene = new Set(words(shape.scene ?? ''));
  const out = new Map<string, number>();
  for (const w of words(shape.background)) {
    if (asked.has(w) || (scene.has(w) && !withScene)) continue;
    out.set(w, scene.has(w) ? SCENE_WEIGHT : CONDITION_WEIGHT);
  }
  return out.size > 0 ? out : undefined;
}
/** How much a word of the situation told before the question searches, against a word of the question. */
const SCENE_WEIGHT = 0.6;
/** How much a word of the question's own condition ("als …", "if …") searches. */
const CONDITION_WEIGHT = 0.6;

/** The share of the question the sentence with the asked fact must cover itself. */
const MIN_FACT_MATCH = 0.25;

/** Words that say which kind of fact is asked (a price, a period, a number), not what it is about. */
const MEASURE = /^(kost\w*|prijs\w*|tarie\w*|tarif\w*|bedrag\w*|euro|hoeveel|hoe|veel|lang|duur\w*|aantal\w*|dag\w*|etmaal|week|weken|maand\w*|jaar|jar\w*|uur|uren|per|gemiddeld\w*|ongeveer|cost\w*|price\w*|rate|rates|tariff\w*|amount\w*|how|much|many|long|number\w*|day\w*|week\w*|month\w*|year\w*|hour\w*|average|\d{4})$/u;
/** A question for a price (not for how much more or a share) is not answered by a percentage. */
const PRICE_ASKED = /\b((wat|hoeveel) (kost|kosten)|what (does|do|will) .{1,60}\bcost|how much (does|do|is|will) .{1,60}\bcost|prijs|tarief|tarieven|price|tariff|rate per)\b/u;
const RELATIVE = /\b(meer|minder|hoger|lager|duurder|goedkoper|extra|procent|percentage|deel|more|less|higher|lower|dearer|cheaper|percent|share)\b/u;
const ABSOLUTE_AMOUNT = /(€|\beuro\b|\bmiljoen\b|\bmiljard\b|\bmillion\b|\bbillion\b|\bgratis\b|\bkosteloos\b|\b(for free|costs nothing|no charge)\b|\bis (always |completely )?free\b|\bno cost\b|\bniets\b|\beigen bijdrage\b|\bbedrag\w*\b|\bamount\b)/u;
/** The share of the question's subject (beyond the measure words) the fact's sentence must cover. */
const MIN_SUBJECT_MATCH = 0.3;

/**
 * True unless the question wants a specific fact and no shown sentence with it is about the
 * question: it must cover enough of the question, and of what the fact is about ("een
 * verpleeghuisplek"), not only the measure ("kost", "per dag"). The card's title and the sentence
 * just before may carry the subject ("Zorg thuis kan duurder zijn. Dan mag het 25% hoger zijn.").
 */
function factIsAbout(parts: AnswerPart[], shape: QuestionShape, concepts: Concept[]): boolean {
  const asked = factCue(shape);
  if (!asked) return true;
  const question = fold(shape.text);
  const priceOnly = shape.wants.includes('money') && PRICE_ASKED.test(question) && !RELATIVE.test(question);
  const cue = priceOnly ? { test: (t: string) => asked.test(t) && ABSOLUTE_AMOUNT.test(t) } : asked;
  const subject = concepts.filter((c) => ![...c.terms].some((t) => MEASURE.test(t)));
  const total = subject.reduce((a, c) => a + c.weight, 0);
  const share = (terms: Set<string>) => subject.reduce((a, c) => a + ([...c.terms].some((t) => terms.has(t)) ? c.weight : 0), 0) / (total || 1);
  return parts.some((p) => {
    // The card's title stands above its sentences: what it names is the subject of all of them.
    const title = indexTerms(`${p.card.title} ${p.card.topics.join(' ')}`);
    return p.chosen.some((s, i) => {
      if (!cue.test(s.folded) || s.matched < MIN_FACT_MATCH) return false;
      if (total === 0) return true;
      const before = p.chosen[i - 1]?.terms ?? [];
      return share(new Set([...s.terms, ...before, ...title])) >= MIN_SUBJECT_MATCH;
    });
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

