/**
 * What the engine knows of each card beyond its text, worked out once at start: the laws its title
 * and topics are about, whether it offers a way forward (a route, a procedure) or explains why, and
 * the years its texts speak of. Used to weigh cards for a question and to see what an answer leaves out.
 */
import { fold } from '../core/index.ts';
import type { KnowledgeCard } from './knowledge.ts';
import type { AnswerPart } from './compose.ts';
import { lawsIn, type Law, type QuestionShape } from './question.ts';

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
const YEAR = /\b(?:19|20)\d\d\b/g;

export class CardTraits {
  /** Per card: the laws its title and topics are about. */
  readonly cardLaws = new Map<string, string[]>();
  /** Cards whose title promises a way forward (a route, steps, how to apply or object). */
  private readonly routeCards = new Set<string>();
  /** Cards whose title asks why (they explain causes, not what to do). */
  private readonly whyCards = new Set<string>();
  /** Cards about a complaint or objection procedure. */
  private readonly procedureCards = new Set<string>();
  /** Per year the cards' texts speak of, those cards: a question about a later year asks what no other card can know. */
  private readonly yearCards = new Map<string, Set<string>>();

  constructor(
    cards: KnowledgeCard[],
    private readonly laws: Law[],
  ) {
    for (const card of cards) {
      const found = lawsIn(fold(`${card.title} ${card.topics.join(' ')}`), this.laws);
      this.cardLaws.set(card.id, [...found.named, ...found.implied]);
      if (ROUTE_TITLE.test(fold(card.title))) this.routeCards.add(card.id);
      if (PROCEDURE.test(fold(card.title))) this.procedureCards.add(card.id);
      if (WHY_TITLE.test(fold(card.title))) this.whyCards.add(card.id);
      for (const year of `${card.answer} ${card.answer_en ?? ''} ${card.body}`.match(YEAR) ?? []) {
        if (!this.yearCards.has(year)) this.yearCards.set(year, new Set());
        this.yearCards.get(year)!.add(card.id);
      }
    }
  }

  /**
   * "het budget voor 2028", "de nieuwe wet van 2029": a year after this one that no card speaks of,
   * or (given the card that would answer) that this card does not speak of: "de NZa-tarieven voor
   * VG7 in 2028" is not answered from the tariff card because another card names a plan for 2028.
   */
  asksUnknownYear(text: string, thisYear: number, cardId?: string): boolean {
    return (text.match(YEAR) ?? []).some((y) => Number(y) > thisYear && !(cardId === undefined ? this.yearCards.has(y) : this.yearCards.get(y)?.has(cardId)));
  }

  /** The factor per card on its score for this question (retrieval's `adjust`). */
  adjust(shape: QuestionShape): (id: string) => number {
    // A complaint or objection route is a way forward only for a question about a complaint or an objection.
    const procedureAsked = PROCEDURE.test(fold(shape.text));
    const wantsNext = shape.wants.includes('next');
    // "wat nu?" asks for a way forward: a route card goes up, a card that explains why goes down.
    return (id: string) =>
      this.lawFactor(id, shape) * (wantsNext && this.routeCards.has(id) && (procedureAsked || !this.procedureCards.has(id)) ? ROUTE_BOOST : 1) * (wantsNext && this.whyCards.has(id) ? WHY_FACTOR : 1);
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
   * rather than leaving the asker to think the answer covers both: the names of the laws left out.
   */
  missingLaws(shape: QuestionShape, parts: AnswerPart[]): string[] {
    const said = new Set([...parts.flatMap((p) => this.cardLaws.get(p.card.id) ?? []), ...lawsIn(fold(parts.flatMap((p) => p.sentences).join(' ')), this.laws).named]);
    return this.laws.filter((l) => shape.laws.includes(l.id) && !said.has(l.id)).map((l) => l.name);
  }

  /** True when a card is about one or more laws, none of which the question names. */
  aboutOtherLaw(id: string, asked: string[]): boolean {
    const own = this.cardLaws.get(id) ?? [];
    return own.length > 0 && !own.some((law) => asked.includes(law));
  }
}
