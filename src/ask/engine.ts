/**
 * The answering engine, without chat or storage: knowledge + retrieval + rules (+ optional LLM).
 * The chat feature and the CLI (`wegwijs ask`, `wegwijs eval`) both use it, so what curators test
 * is what users get. Here the flow of one answer; its decisions live beside it: confidence.ts (sure
 * enough to answer?), card-traits.ts (laws and kinds of each card), scene.ts (the situation told
 * first), follow-up.ts, combine.ts (several questions) and cover-sides.ts (both sides of "X vs Y").
 */
import { join } from 'node:path';
import { Catalog, DEFAULT_KNOWLEDGE_DIR, fold, DEFAULT_PROMPTS_DIR, guessLanguage, silentLogger, type Lang, type Logger } from '../core/index.ts';
import type { Config } from '../config.ts';
import { createLlmClient, type LlmClient } from '../llm/index.ts';
import type { Role } from './roles.ts';
import { indexTerms, loadSynonyms, words, isStopWord } from './analyze.ts';
import { cachedRetriever, cachedVocabulary } from './card-cache.ts';
import { asksAlone, dangerWhenUnsure, loadGuardrails, matchGuardrail, type Guardrails, type RuleKind } from './guardrails.ts';
import { askedPart, closingQuestion } from './asked-part.ts';
import { Spelling } from './spelling.ts';
import { loadCards, type KnowledgeCard } from './knowledge.ts';
import { composeAnswer } from './compose.ts';
import { cardSentences, splitBody } from './sentences.ts';
import { lacksFact } from './fact-cues.ts';
import { focusWeighted, scoreSentences } from './sentence-score.ts';
import { orderForRole, sourcesOf, unique, type Answer, type AskOptions, type Explanation, type RefusalKind } from './answer.ts';
import type { AnswerPart } from './compose.ts';
import { definedHead, definitionFirst, FACT_RUNNER_UP, namesCard, withFactFirst } from './card-order.ts';
export type { Answer, AskOptions, Explanation, RefusalKind, SourceRef } from './answer.ts';
import { stripPreamble } from './preamble.ts';
import { focusOf, loadDomainWords, loadLaws, pointsBack, shapeQuestion, splitQuestions, type Law, type QuestionShape } from './question.ts';
import { llmAnswer, loadPrompt, type AskPrompt } from './llm-answer.ts';
import { Retriever, type Hit } from './retriever.ts';
import { asksFactAndMore, barFor, FACT_WANTS, factIsAbout, marginOf, offTopic, sureOfFocus, tooUnsure } from './confidence.ts';
import { CardTraits } from './card-traits.ts';
import { quickLaws } from './law-patterns.ts';
import { sceneWeights } from './scene.ts';
import { followUpCards, isElliptic, MAX_FOLLOW_UPS, nearCards } from './follow-up.ts';
import { combineAnswers } from './combine.ts';
import { coverSides } from './cover-sides.ts';

const LLM_CARDS = 3;
const MAX_QUESTIONS = 3;

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
  /** Stems of words that name relatives ("vader", "my mum", `people` in domain.yaml): whose case it is, not what is asked. */
  private readonly people: Set<string>;
  /** The laws, routes, procedures and years of each card (card-traits.ts). */
  private readonly traits: CardTraits;
  private readonly thisYear: number;
  /** Mistyped words read as the cards' own (spelling.ts). */
  private readonly spelling: Spelling;

  constructor(private readonly options: EngineOptions = {}) {
    const knowledgeDir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
    const promptsDir = options.promptsDir ?? DEFAULT_PROMPTS_DIR;
    const cards = loadCards(knowledgeDir, options.today);
    this.retriever = cachedRetriever(knowledgeDir, cards, loadSynonyms(knowledgeDir));
    this.rules = loadGuardrails(knowledgeDir);
    this.laws = quickLaws(loadLaws(knowledgeDir));
    const { words: domainWords, people } = loadDomainWords(knowledgeDir);
    this.domainWords = new Set(indexTerms(domainWords.join(' ')));
    this.people = new Set(indexTerms(people.join(' ')));
    const synonyms = this.retriever.synonymWords();
    this.spelling = new Spelling(
      () => [...this.retriever.cards.flatMap((c) => [c.title, c.topics.join(' ')]), ...domainWords, ...synonyms],
      () => this.retriever.cards.flatMap((c) => [c.title, ...c.questions, c.answer, c.answer_en ?? '', c.body]),
      (word) => this.retriever.knows(word),
      (build) => cachedVocabulary(knowledgeDir, cards, [...domainWords, ...synonyms], build),
    );
    this.traits = new CardTraits(this.retriever.cards, this.laws);
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
    const answer = this.answerFromCards(typed, options);
    // No card answers it, and the message shows a danger to a person: the way out is 112 or the
    // huisarts, not "Dat weet ik niet zeker" (the rules are in guardrails.yaml, emergency_when_unsure).
    if (!answer.answered && (answer.refusal === 'unknown' || answer.refusal === 'empty') && dangerWhenUnsure(this.rules, typed)) return this.refusal('emergency', answer.lang);
    return answer;
  }

  private answerFromCards(typed: string, options: AskOptions): Answer {
    const lang = this.languageOf(typed, options.lang);
    // "Lange week gehad, de auto kapot … Maar goed, waar ik eigenlijk voor kom: …": the marked part is
    // the question; the chat before it is checked only for a danger now or an attempt to steer the bot.
    const asked = askedPart(typed);
    const rule = asked ? (matchGuardrail(this.rules, typed, WHOLE_MESSAGE_KINDS) ?? matchGuardrail(this.rules, asked)) : matchGuardrail(this.rules, typed);
    // A long told case refused for what its story says about one person (a choice, a procedure)
    // while its closing question asks a general fact ("… Remco tekent alles … Wat is het verschil
    // tussen mentorschap en bewind, en wie stelt dat in?"). A danger or an attempt to steer the bot
    // anywhere in the message still refuses the whole; so does another subject (its closing line,
    // "kun je dat voor haar uitrekenen?", often points back to it).
    if (rule) return (!asked && STORY_KINDS.includes(rule) ? this.closingAnswer(typed, options, lang) : undefined) ?? this.refusal(rule, lang);
    const answer = this.answerText(asked ?? typed, options, lang);
    // A long told case whose general question drowns in the story ("… Kevin (27), VG7 … twee
    // collega's ziek … Hoe heet die regeling precies, en wie moet dat aanvragen?").
    const retry = !asked && !answer.answered && answer.refusal === 'unknown' ? this.closingAnswer(typed, options, lang) : undefined;
    return retry ?? answer;
  }

  /**
   * The answer to the closing question of a long told case, asked on its own with the sentence
   * before it (closingQuestion), when no rule refuses it and a card answers it.
   */
  private closingAnswer(typed: string, options: AskOptions, lang: Lang): Answer | undefined {
    const closing = closingQuestion(typed);
    // A story that asks, before its closing question, a verdict or a choice about its person in so
    // many words ("… Welke van de twee moet ik accepteren voor hem? … Algemene vraag erachteraan: …")
    // asked that too: the general question at the end does not take it back.
    if (!closing || matchGuardrail(this.rules, closing) || asksAlone(this.rules, typed, STORY_KINDS)) return undefined;
    const answer = this.answerText(closing, options, lang);
    return answer.answered ? answer : undefined;
  }

  private answerText(text: string, options: AskOptions, lang: Lang): Answer {
    const question = this.spelling.correct(text);
    const questions = splitQuestions(question, this.laws);
    if (questions.length < 2) return this.answerOne(question, options, lang);
    // A later part too short to stand alone ("…, en wie regelt het?") reads the first as its context.
    const short = (q: string) => words(q).filter((w) => !isStopWord(w)).length <= 2;
    const answers: Answer[] = [];
    for (const [i, part] of questions.slice(0, MAX_QUESTIONS).entries()) {
      // "… ? De dochter zit er helemaal doorheen. En wie betaalt het?": a later part whose own question
      // is short and points back is asked about the first part; the story told before it is not.
      const own = i > 0 ? stripPreamble(focusOf(part).focus).text : part;
      const q = own !== part && short(own) && pointsBack(own) ? own : part;
      const leans = i > 0 && short(q);
      // A later part that names no card's subject by its own words ("…, en waar kunnen we heen als
      // we er niet uitkomen?", "and how long does the provider have to respond?"), short or not,
      // asks further about the first part's card: that card answers it if it can.
      const shape = i > 0 && answers[0]?.answered ? shapeQuestion(q, this.laws) : undefined;
      // A part that names a subject of its own is still asked about the first part's card when one
      // of that card's sentences covers most of it ("hoe lang mag het wmo-onderzoek duren en hoe snel
      // moet de gemeente daarna beslissen?"): one message is mostly about one subject.
      const ownSubject = shape !== undefined && this.namesOwnSubject(shape, options.role);
      const further = shape ? this.fromCard(answers[0], shape, lang, ownSubject ? OWN_SUBJECT_PART_MATCH : FURTHER_PART_MATCH) : undefined;
      if (further && !ownSubject) {
        answers.push(further);
        continue;
      }
      // A part that leans on the first ("…, en waar kunnen we heen als we er niet uitkomen?") is
      // about the same subject: the first part's card goes a little before the others.
      const answer = this.answerOne(q, { ...options, context: leans ? questions[0] : undefined }, lang, leans ? answers[0]?.card?.id : undefined);
      // "… Hoe lang mag het CIZ erover doen, en hoe snel als er bijzondere omstandigheden zijn?": a
      // later part with no word of the domain is not another subject when the message has them.
      const offTopic = i > 0 && answer.refusal === 'out_of_scope' && this.retriever.inDomain(question, this.domainWords);
      // (A part with its own subject: the first card's sentence when it covers more of the part than its own answer does.)
      if (further && bestMatch(further) > bestMatch(answer)) answers.push(further);
      else answers.push(offTopic ? { ...answer, refusal: 'unknown', text: this.refusalText('unknown', lang) } : answer);
    }
    return this.combine(answers, lang);
  }

  private answerOne(question: string, options: AskOptions, lang: Lang, prefer?: string): Answer {
    const shape = shapeQuestion(question, this.laws, lang);
    // "het budget voor 2028", "de nieuwe wet van 2029": a year after this one that no card speaks of.
    if (this.traits.asksUnknownYear(shape.text, this.thisYear)) return this.refusal('unknown', lang);
    const role = options.role ?? shape.role;
    const lawAdjust = this.traits.adjust(shape);
    const adjust = prefer ? (id: string) => lawAdjust(id) * (id === prefer ? SAME_SUBJECT : 1) : lawAdjust;
    // The typed words' concepts, worked out once: the scene weighs them, the sentences are chosen by them.
    const ownConcepts = this.retriever.concepts(shape.topic);
    const background = sceneWeights(shape, (text) => (text === shape.topic ? ownConcepts : this.retriever.concepts(text)));
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
    // Relatives named ("als dochter", "mijn vader") say whose case it is, not what is asked.
    const topicConcepts = focusWeighted(ownConcepts, shape).map((c) => (this.namesPerson(c.terms) ? { ...c, background: true } : c));
    const asked = new Set(topicConcepts.flatMap((c) => [...c.terms]));
    const head = shape.wants.includes('define') ? definedHead(fold(shape.text), topicConcepts) : undefined;
    const ranked0 = defining ? definitionFirst(retrieval.hits, asked, lang, topicConcepts, head) : retrieval.hits;
    // A question for a duration, an amount or a number wants the card that has one: a close
    // second with the fact goes before a first without it.
    const hits = withFactFirst(ranked0, shape, lang);
    const ranked = hits.map((h) => h.card.id);
    // "Wat is het CCE (en kost het iets)?": two close cards that both name the thing to define
    // (its role card and its glossary card) are no doubt between two answers.
    // The thing to define is the word after "wat is" / before "stand for" when there is one, else the heaviest word.
    const heaviest = shape.wants.includes('define') && hits.length > 1 ? (head ?? [...topicConcepts].sort((a, b) => b.weight - a.weight)[0]) : undefined;
    const sameSubject = Boolean(heaviest && hits.slice(0, 2).every((h) => namesCard(h.card, heaviest.terms, false)));
    // A card that went first for having the asked fact stands out from the cards that have it
    // too, not from the one without it that it passed.
    const rivals = hits[0] === ranked0[0] ? hits : hits.filter((h, i) => i === 0 || !lacksFact(cardSentences(h.card, lang), shape));
    const margin = sameSubject ? 1 : marginOf(rivals);
    const explanation: Explanation | undefined = options.explain
      ? { question: shape.text, role, laws: shape.laws, impliedLaws: shape.impliedLaws, wants: shape.wants, ranking: hits.slice(0, 5).map((h) => ({ id: h.card.id, score: round(h.score) })), confidence: round(confidence), margin: round(margin), sentences: [] }
      : undefined;
    const refuse = (refusal: RefusalKind, by: Explanation['refusedBy'] = refusal as Explanation['refusedBy']) => {
      if (explanation) explanation.refusedBy = by;
      return { ...this.refusal(refusal, lang), ranked, usedContext, confidence, suggestions: hits.slice(0, 3).map((h) => h.card), explanation };
    };
    if (typed === 0 || hits.length === 0) return refuse('empty');
    // A bare word ("test", "wlz") that names no card of its own asks back; "wat is X?" is a real question.
    if (typed === 1 && !usedContext && !shape.wants.includes('define') && !namesCard(hits[0].card, asked)) return refuse('vague');
    // A later year the card that would answer does not speak of: what that card says is about now.
    if (this.traits.asksUnknownYear(shape.text, this.thisYear, hits[0].card.id)) return refuse('unknown', 'unknown_year');
    const wrongLaw = shape.laws.length > 0 && this.traits.aboutOtherLaw(hits[0].card.id, shape.laws);
    // A question for a duration, an amount or a number is not answered from a card without one.
    const noFact = lacksFact(cardSentences(hits[0].card, lang), shape);
    // Nothing of the domain in it at all: not a gap in the knowledge base, but another subject.
    // The asker's introduction counts here: "Ik werk bij een zorgkantoor. Hoe vaak …?" is in the domain.
    if (!this.retriever.inDomain(question, this.domainWords)) return refuse('out_of_scope');
    // "Wat is X en hoe lang duurt het?" with no duration in the cards: the definition is answered,
    // and the answer says that the other part is not known, rather than refusing both.
    const alsoDefines = asksFactAndMore(fold(shape.text));
    // A word of what is asked that no card uses is most likely the very subject the cards lack.
    const unknown = (retrieval.unknown ?? []).filter((word) => !this.namesPerson(indexTerms(word)));
    const unknownSubject = unknown.length > 0 && confidence < SURE_DESPITE_UNKNOWN;
    if (tooUnsure(retrieval, confidence, margin) && !sureOfFocus(this.retriever, shape, hits[0].card.id, { role, adjust })) return refuse('unknown', 'unsure');
    if (unknownSubject) return refuse('unknown', 'unknown_word');
    if (wrongLaw) return refuse('unknown', 'other_law');
    if (noFact && !alsoDefines) return refuse('unknown', 'no_fact_in_card');
    const concepts = usedContext ? focusWeighted(this.retriever.concepts(`${shape.topic} ${options.context}`), shape) : topicConcepts;
    const composeShape = noFact ? { ...shape, wants: shape.wants.filter((w) => !FACT_WANTS.includes(w)) } : shape;
    const compose = (first: Hit) => composeAnswer({ shape: composeShape, lang, concepts, laws: this.laws, cardLaws: this.traits.cardLaws }, [first, ...hits.filter((h) => h !== first)].map((h) => h.card));
    const aboutQuestion = (composed: ReturnType<typeof compose>) => factIsAbout(composed.parts, shape, concepts, lang, barFor(retrieval, margin));
    let composed = compose(hits[0]);
    // The card matched, but none of its sentences is about what was asked: no answer, no guess.
    if (offTopic(composed.matched, retrieval, margin)) return refuse('unknown', 'sentences_off_topic');
    // A number, amount or duration is only an answer when the sentence that carries it is about
    // what was asked: "25%" about meerzorg does not answer what a place costs per day.
    let factMissing = noFact || !aboutQuestion(composed);
    if (factMissing && !noFact && !alsoDefines) {
      // "bezwaartermijn tegen ciz besluit?": the CIZ card's duration (24 uur zorg) is about
      // something else; a close next card whose fact is about the question answers it instead.
      const next = hits.slice(1, 3).find((h) => h.score >= hits[0].score * FACT_RUNNER_UP && !(shape.laws.length > 0 && this.traits.aboutOtherLaw(h.card.id, shape.laws)) && !lacksFact(cardSentences(h.card, lang), shape));
      const other = next && compose(next);
      if (other && !offTopic(other.matched, retrieval, margin) && aboutQuestion(other)) [composed, factMissing] = [other, false];
    }
    const { parts } = composed;
    const best = parts[0].card;
    explanation?.sentences.push(...parts.flatMap((p) => p.chosen.map((c) => ({ card: p.card.id, text: c.text, score: round(c.score) }))));
    if (factMissing && !alsoDefines) return refuse('unknown', 'fact_not_about_question');
    const near = nearCards(hits);
    const followUps = followUpCards(near, best, parts, role, (id) => this.card(id));
    const unknownSides = coverSides(shape, parts, lang, role, { retriever: this.retriever, laws: this.laws, cardLaws: this.traits.cardLaws });
    const text = [parts.map((p) => p.sentences.join(' ')).join('\n\n'), this.uncoveredLaws(shape, parts, lang), factMissing ? this.catalog.t(lang, 'ask.partly_unknown') : undefined, unknownSides.length ? this.catalog.t(lang, 'ask.side_unknown', { sides: unknownSides.join(', ') }) : undefined].filter(Boolean).join('\n\n');
    const cards = unique([...parts.map((p) => p.card), ...near]).map((c) => c.id).slice(0, 5);
    return { answered: true, lang, text, card: best, parts, cards, followUps, suggestions: [], sources: sourcesOf(parts.map((p) => p.card)), confidence, ranked, via: 'offline', usedContext, explanation };
  }

  /**
   * A later part of one message ("…, en waar kunnen we heen als we er niet uitkomen?") that names
   * no card's subject by its own words is about the first part's subject, whatever card it fits.
   */
  private fromCard(first: Answer, shape: QuestionShape, lang: Lang, least: number): Answer | undefined {
    const card = first.card!;
    const concepts = this.retriever.concepts(shape.topic);
    const [top] = scoreSentences(cardSentences(card, lang), { shape, concepts, laws: this.laws }).sort((a, b) => b.score - a.score);
    // A part that asks a duration, an amount or a count ("… en ook binnen hoeveel tijd dat besluit er
    // moet liggen") is not answered by the first card's sentence without one.
    if (!top || top.matched < least || lacksFact([top], shape)) return undefined;
    return { ...first, text: top.text, parts: [{ card, sentences: [top.text], chosen: [top] }], followUps: [] };
  }

  /** True when one of the terms names a relative (`people` in domain.yaml). */
  private namesPerson(terms: Iterable<string>): boolean {
    for (const t of terms) if (this.people.has(t)) return true;
    return false;
  }

  private namesOwnSubject(shape: QuestionShape, role: AskOptions['role']): boolean {
    const [top] = this.retriever.retrieve(shape.text, { role }).hits;
    // Its own typed words: a synonym ("geschil" for "er niet uitkomen") names no subject.
    return top !== undefined && namesCard(top.card, new Set(indexTerms(shape.topic)));
  }

  /** One answer for a message with several questions: each answered part, and a word on the rest. */
  private combine(answers: Answer[], lang: Lang): Answer {
    return combineAnswers(answers, lang, this.catalog, (id) => this.card(id));
  }

  private refusal(kind: RefusalKind, lang: Lang): Answer {
    return { answered: false, lang, refusal: kind, text: this.refusalText(kind, lang), cards: [], parts: [], followUps: [], suggestions: [], sources: [], confidence: 0, ranked: [], via: 'offline', usedContext: false };
  }

  private uncoveredLaws(shape: QuestionShape, parts: AnswerPart[], lang: Lang): string | undefined {
    if (shape.laws.length < 2) return undefined;
    const missing = this.traits.missingLaws(shape, parts);
    return missing.length ? this.catalog.t(lang, 'ask.law_not_covered', { laws: missing.join(', ') }) : undefined;
  }

  private refusalText(kind: RefusalKind, lang: Lang): string {
    return `${this.catalog.t(lang, `ask.refuse.heading.${kind}`)} ${this.catalog.t(lang, `ask.refuse.${kind}`)}`;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/** The best share of the question one chosen sentence of an answer covers (0 for a refusal). */
const bestMatch = (answer: Answer) => Math.max(0, ...answer.parts.flatMap((p) => p.chosen.map((s) => s.matched)));
/** How much the first part's card goes before others for a part that leans on it. */
const SAME_SUBJECT = 1.3;
/** The first part's card answers a further part when one sentence covers this share of it. */
const FURTHER_PART_MATCH = 0.5;
/**
 * … and when the part names a subject of its own, when one sentence covers this share of it and
 * more than its own answer does (fitted on tuning + waiting batches, 2 Dec: 0.7 gave +6 and lost none; 0.6 lost two).
 */
const OWN_SUBJECT_PART_MATCH = 0.7;
/** What a whole message is checked for even when it marks its question: a danger now, steering the bot. */
const WHOLE_MESSAGE_KINDS: readonly RuleKind[] = ['emergency', 'injection'];
/** Refusals about one person's situation that a long story can earn while its question is general. */
const STORY_KINDS: readonly RuleKind[] = ['client_decision', 'legal_case'];
/** Confidence above which a question with an unknown word is still answered. */
const SURE_DESPITE_UNKNOWN = 0.8;
