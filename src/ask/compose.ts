/**
 * Composing the answer: the sentences of a card (its answer and body, in the answer's language)
 * that answer the question, chosen by the question's words and the kind of fact it wants. A card
 * answers many questions; the asker should see the one fact asked for first, not the summary.
 */
import { fold, type Lang } from '../core/index.ts';
import { indexTerms } from './analyze.ts';
import type { KnowledgeCard } from './knowledge.ts';
import type { Law, QuestionShape, Want } from './question.ts';
import { lawsIn } from './question.ts';
import { comparedSides } from './compare.ts';

export interface Sentence {
  text: string;
  /** The text folded (lower case, no accents), once: cues and laws are matched on it. */
  folded: string;
  /** Terms of the sentence, stemmed as in the index. */
  terms: Set<string>;
  /** Position in the card's text: 0 is the first sentence of the answer. */
  position: number;
}

export interface ScoredSentence extends Sentence {
  score: number;
  /** The share of the question's words (weighted) the sentence itself covers, 0..1. */
  matched: number;
}

/** Aim for a lead a professional reads at a glance. */
export const LEAD_MAX_WORDS = 60;
/** A question for a list ("welke groepen …") may get a longer lead: the list is the answer. */
export const LIST_MAX_WORDS = 80;
const SECOND_SENTENCE_SHARE = 0.5;
const MAX_LEAD_SENTENCES = 3;
/** A list may take one sentence more, each with an item of its own. */
const MAX_LIST_SENTENCES = 4;
/** An item's sentence must score half as well as the best sentence. */
const LIST_ITEM_MATCH = 0.5;
const CARRY_OVER = 0.6;
/** A word carrying this share of the question is a part of it the lead must cover if the card can. */
const OPEN_PART_SHARE = 0.2;
/** The sentence that covers an open part must also share this much more of the question. */
const OPEN_PART_EXTRA = 0.1;

// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS = /(?:\b(?:art|artt|bijv|bv|o\.a|d\.w\.z|e\.d|nr|ca|resp|incl|excl|m\.b\.t|t\.a\.v|i\.p\.v|z\.s\.m|evt|jl|lid|e\.g|i\.e|etc|vs|mr|mw|dhr|drs|dr|prof|st|jr|blz|p|zgn|min|max)|\b\p{Lu})\.$/u;

// Cards are loaded once and never change while running: split and stem each card once per language.
const SENTENCES = new WeakMap<KnowledgeCard, Partial<Record<Lang, Sentence[]>>>();

/** Plain sentences of a card's text in a language: answer first, then the body. */
export function cardSentences(card: KnowledgeCard, lang: Lang): Sentence[] {
  const cached = SENTENCES.get(card) ?? {};
  if (!cached[lang]) {
    cached[lang] = splitCard(card, lang);
    SENTENCES.set(card, cached);
  }
  return cached[lang];
}

function splitCard(card: KnowledgeCard, lang: Lang): Sentence[] {
  const { nl, en } = splitBody(card.body);
  const texts = lang === 'en' && card.answer_en ? [card.answer_en, en] : [card.answer, nl];
  const out: Sentence[] = [];
  for (const text of texts) {
    for (const sentence of splitSentences(plain(text))) {
      out.push({ text: sentence, folded: fold(sentence), terms: new Set(indexTerms(sentence)), position: out.length });
    }
  }
  return out;
}

/** The body's Dutch part, and its English part after a `## English` heading. */
export function splitBody(body: string): { nl: string; en: string } {
  const at = body.search(/^#{1,3}\s*English\s*$/im);
  if (at < 0) return { nl: body, en: '' };
  return { nl: body.slice(0, at), en: body.slice(at).replace(/^#{1,3}\s*English\s*$/im, '') };
}

/** Markdown to plain text: headings, emphasis, links and list markers removed. */
function plain(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+.*$/gm, '\n\n')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]+?)\1/g, '$2')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '\n\n');
}

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // Paragraphs and list items are blocks; a single newline only wraps a line.
  for (const block of text.split(/\n\s*\n/)) {
    let current = '';
    for (const piece of block.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+(?=[\p{Lu}\d"'„(])/u)) {
      current = current ? `${current} ${piece}` : piece;
      if (!ABBREVIATIONS.test(current)) {
        out.push(current);
        current = '';
      }
    }
    if (current) out.push(current);
  }
  return out.map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 3);
}

const NUMBER = /\b(\d+([.,]\d+)?|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|honderd|duizend|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|hundred|thousand)\b/iu;
const DURATION = /\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(werk)?(dag(en)?|weken|week|maand(en)?|jaar|jaren|uur|minuten|minuut|kwartier|days?|weeks?|months?|years?|hours?|minutes?)\b/iu;
// An amount, or that something costs nothing or is a share (25% more than …).
const MONEY = /(€|\beuro\b|\bmiljoen\b|\bmiljard\b|\bmillion\b|\bbillion\b|\bper (maand|jaar|dag)\b|\bper (month|year|day)\b|\bgratis\b|\bkosteloos\b|\bfree of charge\b|\b(for free|costs nothing|no charge)\b|\bis (always |completely )?free\b|\bno cost\b|\bkost (het|de client|u|je) niets\b|\beigen bijdrage\b|\d+\s?(%|procent|percent))/iu;
const WHO = /\b(zorgkantor(en)?|gemeente(n)?|college van b(urgemeester )?(en|&) w(ethouders)?|burgemeester|officier van justitie|openbaar ministerie|ciz|cak|svb|cce|zorgverzekeraar(s)?|(zorg)?aanbieder(s)?|wlz-?uitvoerder(s)?|clientondersteuner(s)?|dossierhouder|zorgverantwoordelijke|nza|zorginstituut|igj|inspectie|taskforce|commissie|rechter|huisarts|casemanager|crisisregisseur|mee|ministerie|minister|vws|staatssecretaris|zorgverzekeraars nederland|vilans|trimbos|juridisch loket|wettelijk vertegenwoordiger|mentor|curator|stichting|vereniging|kenniscentrum|budgethouder(s)?|klachtenfunctionaris|wzd-functionaris|clientenvertrouwenspersoon|patientenvertrouwenspersoon|ombudsman|foundation|association|budget holder(s)?|municipality|mayor|public prosecutor|care office|insurer|provider|court|judge)\b/iu;
// An enumeration: a colon followed by two or more items, or three or more items in a row.
const LIST = { test: (folded: string) => enumerates(folded) } as RegExp;
// A date or a year: "sinds wanneer", "in welk jaar".
const WHEN = /\b(?:19|20)\d\d\b|\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)\b/u;
const WHERE = /(https?:\/\/|\bwww\.|\.nl\b|\bvia\b|\bop de website\b|\bloket\b|\bwebsite\b)/iu;

const FREQUENCY = /\b(per (week|maand|jaar|kwartaal)|(maandelijks|wekelijks|jaarlijks|dagelijks)|(elke|iedere) (week|maand|jaar|\d+|twee|drie|vier|zes|acht) ?(weken|maanden|jaar)?|om de (week|twee weken|maand)|tweewekelijks|(\d+|een|twee|drie|vier|zes|acht) (keer|maal)|(\d+|zes|acht) ?(tot|à|-|–) ?(\d+|acht|tien) weken|every (week|month|year|\d+|two|three|four|six|other) ?(weeks|months|years)?|fortnightly|biweekly|monthly|weekly|yearly|annual(ly)?|(once|twice|\d+ times) (a|per) (week|month|year))\b/iu;
// A reason: "omdat", "doordat", "because", "so that".
const WHY = /\b(omdat|doordat|want|daardoor|daarom|waardoor|reden(en)?|oorzaak|oorzaken|zodat|because|due to|as a result|reasons?|causes?|so that|therefore|since|thus|hence)\b|,\s*(dus|so)\b/u;
const CUES: Partial<Record<Want, RegExp>> = { duration: DURATION, count: NUMBER, number: NUMBER, money: MONEY, frequency: FREQUENCY, who: WHO, where: WHERE, when: WHEN, why: WHY, list: LIST };
const CUE_WEIGHT: Partial<Record<Want, number>> = { duration: 0.45, count: 0.35, number: 0.3, money: 0.35, frequency: 0.45, who: 0.3, where: 0.2, when: 0.35, why: 0.2, list: 0.3 };

/** True when a sentence lists things: after a colon two or more items, else three or more. */
export function enumerates(text: string): boolean {
  const colon = text.indexOf(':');
  const items = colon >= 0 ? text.slice(colon + 1) : text;
  // Commas inside brackets ("(CELZ, commissie Leerink)") separate no items of the list.
  const flat = items.replace(/\([^)]*\)/g, '');
  const commas = (flat.match(/[,;]/g) ?? []).length;
  // "a, b en c": the last item joined by a conjunction after the last comma.
  const closed = /[,;][^,;]+\s(en|of|and|or)\s[^,;]+$/u.test(flat.replace(/[.!?]\s*$/u, ''));
  return colon >= 0 ? commas >= 2 || (commas >= 1 && closed) || /^\s*\S+(\s\S+){0,3}\s(en|and)\s/u.test(flat) : commas >= 3 || (commas >= 2 && closed);
}
// Concrete content (a number, an article, a named body) makes a sentence a better answer than a
// general one with the same words.
const CONCRETE = /\d|\b(art(ikel)?\.?\s*\d)|\b\p{Lu}{2,}\b/u;

/** How much a word of the situation or of an "als/if" clause counts, against a word of what is asked. */
const BACKGROUND_WEIGHT = 0.6;
/** What is asked must carry at least this share of the question for the background to weigh less. */
const MIN_FOCUS_SHARE = 0.2;

/**
 * The question's concepts with the words that only set the scene (the situation told first, an
 * "als/if" clause) weighing less: "wie heeft zorgplicht als geen aanbieder hem opneemt?" is
 * answered by the sentence about who has the duty, not by one about providers refusing.
 */
export function focusWeighted(concepts: Concept[], shape: QuestionShape): Concept[] {
  if (!shape.background) return concepts;
  const focus = new Set(indexTerms(shape.focus ?? shape.text));
  const inFocus = (c: Concept) => [...c.terms].some((t) => focus.has(t));
  const total = concepts.reduce((a, c) => a + c.weight, 0);
  const focused = concepts.filter(inFocus).reduce((a, c) => a + c.weight, 0);
  if (total === 0 || focused / total < MIN_FOCUS_SHARE) return concepts;
  return concepts.map((c) => (inFocus(c) ? c : { ...c, background: true }));
}

// "wat is de zorgplicht van het zorgkantoor", "what is the duty of care of the care office",
// "wat doet een cliëntondersteuner en kost dat iets": the words right after "wat is/doet", up
// to "van"/"of", a preposition or "en", are what is asked to be defined.
const DEFINED_HEAD = /\b(?:wat (?:is|zijn|betekent|betekenen|houdt|doet|doen)|what (?:is|are|does|do))\s+(?:eigenlijk |precies |nou |exactly |actually )?(?:de |het |een |the |a |an )?((?:(?!(?:van|of|en|and|bij|in|voor|onder|for|at|under|met|with)\b)[^\s?,.:;]+\s*){1,3})/u;
// Words that say what kind of answer is wanted, not what it is about.
const NOT_A_HEAD = /^(verschil\w*|difference\w*|kost\w*|cost\w*|prijs|price|rol|role|taak|taken|task\w*|doel|purpose|idee|idea)$/u;

/** The concept a "what is X (of Y)" question asks to define: X, the head before "of"/"van". */
export function definedHead(folded: string, concepts: Concept[]): Concept | undefined {
  const found = DEFINED_HEAD.exec(folded);
  if (!found) return undefined;
  const head = new Set(found[1].split(/\s+/).filter((w) => w && !NOT_A_HEAD.test(w)).flatMap((w) => indexTerms(w)));
  return concepts.filter((c) => [...c.terms].some((t) => head.has(t))).sort((a, b) => b.weight - a.weight)[0];
}

/** A sentence that says what the asked word is, for "wat is …?". */
const DEFINITION = 0.2;
// The defined word, then the verb: "X is …", "X betekent …" (not "X kan duurder zijn").
const DEFINES = /^(?:(?!(?:kan|kunnen|mag|mogen|moet|moeten|zal|zullen|wil|willen|wordt|worden|can|may|must|will|would|should|does|do)\s)\S+\s+){0,5}?(?:is|zijn|betekent|betekenen|staat voor|houdt in|heet|heten|means|stands for|are|refers to)\s/u;
function definesAsked(s: Sentence, concepts: Concept[]): boolean {
  const verb = DEFINES.exec(s.folded);
  if (!verb) return false;
  const head = new Set(indexTerms(s.folded.slice(0, verb[0].length)));
  return concepts.some((c) => [...c.terms].some((t) => head.has(t)));
}

/** A sentence that defines one side of a comparison: this much per side. */
const COMPARE_SIDE = 0.25;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** For "X vs Y": patterns of a sentence (or clause) that says what X is, and what Y is. */
function definingPatterns(shape: QuestionShape): RegExp[] {
  const sides = shape.wants.includes('compare') ? comparedSides(shape.text) : undefined;
  if (!sides) return [];
  return sides.map((side) => new RegExp(`(?:^|[;:]\\s*|\\b(?:en|and|maar|but|terwijl|while|whereas)\\s+)(?:een |de |het |a |an |the )?${escape(side)}\\w{0,3}\\s+(?:(?:is|zijn|are)\\s+(?!(?:daarnaast|ook|niet|wel|nog|soms|vaak|dan|er|daar|hier|in|bij|op|betrokken|also|not|often|then|there|involved)\\b)|betekent\\b|means\\b|staat voor\\b|stands for\\b|heet\\b)`, 'u'));
}

/** One typed word of the question: its stems and synonyms, and how much it says (rarity). */
export interface Concept {
  terms: Set<string>;
  weight: number;
  /** Weaker forms: the head of a compound ("groep" in "doelgroepen"), counted at half. */
  partial?: Set<string>;
  /** A word of the situation or of an "als/if" clause, not of what is asked. */
  background?: boolean;
}

export interface ScoreContext {
  shape: QuestionShape;
  concepts: Concept[];
  laws: Law[];
  /** The terms of the card's title: in-card, the words it shares with the question weigh less. */
  title?: Set<string>;
}

const covers = (s: Sentence, c: Concept) => [...c.terms].some((t) => s.terms.has(t));
/** 1 when the sentence has the word (or a synonym), less when only the head of a compound ("groep" for "doelgroepen"). */
const credit = (s: Sentence, c: Concept) => (covers(s, c) ? 1 : (c.partial && [...c.partial].some((t) => s.terms.has(t))) || [...c.terms].some((t) => headsOf(s).has(t)) ? PARTIAL_CREDIT : 0);

/**
 * Dutch compounds end in what they are: a "beslistermijn" is a "termijn", a "doelgroep" a
 * "groep". The tails (of four letters or more, after three or more) of a text's long terms.
 */
export function compoundHeads(terms: Iterable<string>): Set<string> {
  const heads = new Set<string>();
  for (const term of terms) {
    if (term.length < 7 || /\d/.test(term)) continue;
    for (let i = 3; i <= term.length - 4; i++) heads.add(term.slice(i));
  }
  return heads;
}
const HEADS = new WeakMap<Sentence, Set<string>>();
function headsOf(s: Sentence): Set<string> {
  let heads = HEADS.get(s);
  if (!heads) {
    heads = compoundHeads(s.terms);
    HEADS.set(s, heads);
  }
  return heads;
}
const PARTIAL_CREDIT = 0.3;
/**
 * Inside one card, the words its title shares with the question say little about which sentence
 * answers: every sentence is about the card's subject. They count this much there.
 */
const TITLE_WORD_WEIGHT = 0.5;

// The laws a sentence names, found once per sentence (cards and laws do not change while running).
const SENTENCE_LAWS = new WeakMap<Sentence, string[]>();
function lawsOf(s: Sentence, laws: Law[]): string[] {
  let named = SENTENCE_LAWS.get(s);
  if (!named) {
    named = lawsIn(s.folded, laws).named;
    SENTENCE_LAWS.set(s, named);
  }
  return named;
}

/** Scores every sentence of a card for the question: shared rare words, and the fact wanted. */
export function scoreSentences(sentences: Sentence[], context: ScoreContext): ScoredSentence[] {
  const title = context.title;
  const inTitle = (c: Concept) => Boolean(title && [...c.terms].some((t) => title.has(t)));
  // The scene's words weigh less, when the card speaks of what is asked at all.
  const focusFound = sentences.some((s) => context.concepts.some((c) => !c.background && !inTitle(c) && covers(s, c)));
  const scene = (c: Concept) => (c.background && focusFound ? BACKGROUND_WEIGHT : 1);
  const shareOf = (weightOf: (c: Concept) => number) => {
    const total = context.concepts.reduce((a, c) => a + weightOf(c), 0) || 1;
    const shares = sentences.map((s) => context.concepts.reduce((sum, c) => sum + credit(s, c) * weightOf(c), 0) / total);
    // A sentence often leans on the one before it ("Sinds 2021 zijn er vier: …"): it shares a
    // little of that sentence's match.
    return shares.map((m, i) => m + CARRY_OVER * (shares[i - 1] ?? 0) * (1 - m));
  };
  // `matched` is the plain share of the question; the ranking weighs the title's words less.
  const matches = shareOf((c) => c.weight);
  // "Wat is X?" and "X vs Y" ask about the title's words themselves.
  const aboutTitle = context.shape.wants.includes('define') || context.shape.wants.includes('compare');
  const ranks = shareOf((c) => c.weight * scene(c) * (inTitle(c) && !aboutTitle ? TITLE_WORD_WEIGHT : 1));
  const asked = context.shape.laws;
  const defines = definingPatterns(context.shape);
  // What "wat is X (van Y)?" asks to define: X when it can be told, else any word asked.
  const head = context.shape.wants.includes('define') ? definedHead(fold(context.shape.text), context.concepts) : undefined;
  const defined = head ? [head] : context.concepts;
  return sentences.map((s, i) => {
    const matched = matches[i];
    let score = ranks[i];
    const folded = s.folded;
    for (const want of context.shape.wants) {
      const cue = CUES[want];
      if (cue?.test(folded)) score += CUE_WEIGHT[want] ?? 0;
    }
    if (asked.length > 0) {
      const named = lawsOf(s, context.laws);
      if (named.some((l) => asked.includes(l))) score += 0.15;
      else if (named.length > 0) score -= 0.35;
    }
    // "Het verschil tussen X en Y": a sentence that says what X is (and what Y is) answers it.
    for (const pattern of defines) if (pattern.test(folded)) score += COMPARE_SIDE;
    // "Wat is X?": a sentence that says what X is ("X is een …", "X betekent …") is the answer.
    if (context.shape.wants.includes('define') && definesAsked(s, defined)) score += DEFINITION;
    // The card's opening sentence is its summary (for "what is …" its definition): a small lift.
    if (s.position === 0) score += context.shape.wants.includes('define') ? 0.2 : 0.08;
    if (CONCRETE.test(s.text)) score += 0.05;
    // A question in the card ("Wat maakt een netwerk succesvol?") introduces, it answers nothing.
    // A numbered step that ends in a question ("1) verhelderen: wat willen we oplossen?") is content.
    if (s.text.endsWith('?') && !/^\d+\)|:/u.test(s.text)) score -= 0.5;
    return { ...s, score, matched };
  });
}

/**
 * The lead: the best sentence, then the next best ones while they still answer the question and
 * the whole stays short; a sentence with the kind of fact asked for (a duration, an amount) is
 * always among them when the card has one. In the card's own order, so it reads as written.
 */
export function chooseLead(scored: ScoredSentence[], shape: QuestionShape, maxWords = shape.wants.includes('list') ? LIST_MAX_WORDS : LEAD_MAX_WORDS, concepts: Concept[] = [], open: Concept[] = concepts): ScoredSentence[] {
  if (scored.length === 0) return [];
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.position - b.position);
  const best = ranked[0];
  const lead = [best];
  const wordsOf = (s: Sentence) => s.text.split(/\s+/).length;
  let words = wordsOf(best);
  const fits = (s: ScoredSentence, budget = maxWords) => !lead.includes(s) && !repeats(s, lead) && words + wordsOf(s) <= budget;
  const take = (s: ScoredSentence) => {
    lead.push(s);
    words += wordsOf(s);
  };
  // Each kind of fact asked for (a duration and a who, say) gets a sentence that has it.
  const cues = factCues(shape);
  for (const cue of cues) {
    if (lead.some((s) => cue.test(s.folded))) continue;
    // The asked fact may stretch the lead a little: it is what the asker came for.
    const withFact = ranked.find((s) => s.score > 0.15 && cue.test(s.folded) && fits(s, maxWords * 1.5));
    if (withFact) take(withFact);
  }
  // "Wat is meerzorg en wie vraagt het aan?": the other part's facts do not push out what X is.
  const otherWants = shape.wants.some((w) => w !== 'define' && w !== 'list' && w !== 'how' && w !== 'compare');
  const head = shape.wants.includes('define') && otherWants ? definedHead(fold(shape.text), concepts) : undefined;
  if (head && !lead.some((s) => definesAsked(s, [head]))) {
    const definition = ranked.find((s) => s.score > 0.15 && definesAsked(s, [head]) && fits(s, maxWords * 1.5));
    if (definition) take(definition);
  }
  // "Welke termijnen gelden …?", "wie zitten er aan tafel?": every item asked for, not only the
  // first. The other sentences with the kind of fact asked for that add a new one (another term,
  // another body), while they are about the question too.
  const itemCue = shape.wants.includes('list') ? factCues(shape).find((c) => c !== LIST) : undefined;
  if (itemCue) {
    const items = (s: Sentence) => new Set((s.folded.match(new RegExp(itemCue.source, 'giu')) ?? []).map((m) => m.trim()));
    const known = new Set(lead.flatMap((s) => [...items(s)]));
    for (const s of ranked) {
      if (lead.length >= MAX_LIST_SENTENCES) break;
      if (lead.includes(s) || s.matched <= 0 || s.score < best.score * LIST_ITEM_MATCH || !fits(s)) continue;
      const found = [...items(s)];
      if (found.length === 0 || found.every((f) => known.has(f))) continue;
      found.forEach((f) => known.add(f));
      take(s);
    }
  }
  // A part of the question the lead leaves open ("NZa vs Zorginstituut", "wie … en wie …") gets
  // the best sentence that covers it, when that sentence is about the question itself too.
  // The parts are what the question asks beyond the card's title (the title names the subject).
  const total = concepts.reduce((a, c) => a + c.weight, 0) || 1;
  const openTotal = open.reduce((a, c) => a + c.weight, 0) || 1;
  for (const concept of [...open].sort((a, b) => b.weight - a.weight)) {
    if (concept.weight < openTotal * OPEN_PART_SHARE || lead.some((s) => covers(s, concept))) continue;
    const candidates = ranked.filter((s) => s.score > 0.15 && s.matched >= concept.weight / total + OPEN_PART_EXTRA && covers(s, concept) && fits(s));
    // "Wie … bij natura en wie bij een pgb?": the part's sentence with the kind of fact asked for.
    const filling = candidates.find((s) => cues.some((cue) => cue.test(s.folded))) ?? candidates[0];
    if (filling) take(filling);
  }
  for (const next of ranked.slice(1)) {
    if (lead.length >= MAX_LEAD_SENTENCES || next.score < best.score * SECOND_SENTENCE_SHARE || next.score <= 0.15) break;
    if (fits(next)) take(next);
  }
  return lead.sort((a, b) => a.position - b.position);
}

/** A sentence that says nearly the same as one already chosen (cards sometimes repeat a fact). */
function repeats(s: Sentence, chosen: Sentence[]): boolean {
  return chosen.some((c) => {
    const shared = [...s.terms].filter((t) => c.terms.has(t)).length;
    // Mostly words already shown: a sentence that says more than one shown before is no repeat.
    return shared >= 0.7 * s.terms.size;
  });
}

// "Wie …?" is answered by a sentence whose subject is a body or person ("De burgemeester neemt …",
// "… wordt genomen door de rechter"), not by one that only mentions one in passing.
// A passive with its agent ("uitgevoerd door 's Heeren Loo", "run by Vilans") names who, whatever the name.
// Dutch puts the subject after the verb when a phrase comes first ("Bij een pgb vraagt de budgethouder …").
const WHO_SUBJECT = new RegExp(`^(?:\\S+\\s+){0,3}${WHO.source}|\\b\\p{L}+t (?:de|het) ${WHO.source}|\\b(?:door|by) (?:de|het|een|the|a) ${WHO.source}|\\b(?:uitgevoerd|georganiseerd|ontwikkeld|geleid|opgezet|gefinancierd|begeleid|gedaan|run|carried out|organi[sz]ed|developed|led|funded|done) (?:door|by)\\b`, 'iu');

/** The patterns of every kind of fact the question asks for, the specific ones first. */
function factCues(shape: QuestionShape): RegExp[] {
  const cues = (['duration', 'money', 'frequency', 'count', 'where'] as const).filter((w) => shape.wants.includes(w)).map((w) => CUES[w]!);
  const all = shape.wants.includes('who') ? [...cues, WHO_SUBJECT] : cues;
  // A list of durations or of bodies is made of those sentences; only a plain list wants an enumeration.
  return shape.wants.includes('list') && all.length === 0 ? [LIST] : all;
}

/** The pattern of the specific fact a question wants (a duration, a number, an amount), if any. */
export function factCue(shape: QuestionShape): RegExp | undefined {
  for (const want of ['duration', 'money', 'frequency', 'count'] as const) if (shape.wants.includes(want)) return CUES[want];
  return undefined;
}

/** True when a card has no sentence with the specific fact the question asks for. */
export function lacksFact(sentences: Sentence[], shape: QuestionShape): boolean {
  const cue = factCue(shape);
  return cue !== undefined && !sentences.some((s) => cue.test(s.folded));
}

/** The question's concepts that a set of sentences does not cover. */
export function uncovered(concepts: Concept[], covered: Sentence[]): Concept[] {
  return concepts.filter((c) => !covered.some((s) => covers(s, c)));
}

/** One card's contribution to the answer: the sentences shown and where they come from. */
export interface AnswerPart {
  card: KnowledgeCard;
  sentences: string[];
  /** The chosen sentences with their scores (for `wegwijs eval --explain`). */
  chosen: ScoredSentence[];
}

export interface ComposeInput {
  shape: QuestionShape;
  lang: Lang;
  concepts: Concept[];
  laws: Law[];
  /** Per card id: the laws it is about. */
  cardLaws: Map<string, string[]>;
}

/** A second card answers a second part when that part carries this share of the question. */
const SECOND_PART_SHARE = 0.3;
/** Terms that only say which kind of fact is asked (a price, a period, a number). */
const MEASURE_WORD = /^(kost\w*|prijs\w*|tarie\w*|bedrag\w*|euro|hoeveel|lang|duur\w*|aantal\w*|cost\w*|price\w*|amount\w*|much|many|long|number\w*|last\w*|tak\w*)$/u;

/**
 * The answer's parts: the best card's sentences for the question, and when a second card covers
 * a part the first leaves open (another law, a second question), that card's best sentence too.
 * `matched` is how much of the question (beyond what the card's title already says) the best
 * card's sentences cover.
 */
export function composeAnswer(input: ComposeInput, cards: KnowledgeCard[]): { parts: AnswerPart[]; matched: number } {
  const { shape, lang, laws, cardLaws } = input;
  const [best, ...others] = cards;
  // The title stands above the answer: what it says counts as answered for the check below.
  const title = new Set(indexTerms(best.title));
  const beyondTitle = input.concepts.filter((c) => ![...c.terms].some((t) => title.has(t)));
  const lead = chooseLead(scoreSentences(cardSentences(best, lang), { shape, concepts: input.concepts, laws, title }), shape, undefined, input.concepts, beyondTitle.length > 0 ? beyondTitle : input.concepts);
  const parts: AnswerPart[] = [{ card: best, sentences: withAsOf(lead.map((s) => s.text), best, lang), chosen: lead }];
  const total = input.concepts.reduce((a, c) => a + c.weight, 0) || 1;
  // What the title covers counts as matched: the user reads it above the sentences.
  const titleShare = beyondTitle.length === 0 ? 1 : 1 - beyondTitle.reduce((a, c) => a + c.weight, 0) / total;
  const matched = titleShare + (1 - titleShare) * Math.max(0, ...lead.map((s) => s.matched));
  // The scene ("als geen aanbieder hem opneemt") asks for no answer of its own.
  // A word that only asks for the kind of fact ("kost", "hoe lang") is answered once the lead
  // has that kind of fact ("OCO is gratis"): it is no open part for another card.
  const cue = factCue(shape);
  const factShown = cue !== undefined && lead.some((s) => cue.test(s.folded));
  const open = uncovered(input.concepts, lead).filter((c) => !c.background && (!beyondTitle.length || beyondTitle.includes(c)) && !(factShown && [...c.terms].every((t) => MEASURE_WORD.test(t))));
  const missingLaw = shape.laws.find((law) => !lead.some((s) => lawsOf(s, laws).includes(law)) && !cardLaws.get(best.id)?.includes(law));
  const openShare = open.reduce((a, c) => a + c.weight, 0) / total;
  if (!missingLaw && openShare < SECOND_PART_SHARE) return { parts, matched };
  // "X vs Y": each side is shown by the card that defines it (the engine's coverSides), not by
  // any sentence that mentions it.
  if (shape.wants.includes('compare') && comparedSides(shape.text)) return { parts, matched };
  let second: { card: KnowledgeCard; sentence: ScoredSentence } | undefined;
  for (const card of others.slice(0, 4)) {
    if (missingLaw && !cardLaws.get(card.id)?.includes(missingLaw)) continue;
    const [top] = scoreSentences(cardSentences(card, lang), { shape, concepts: open, laws }).sort((a, b) => b.score - a.score);
    // It must be about the open part itself, not only have the kind of fact asked for.
    if (top && top.matched >= 0.5 && (!second || top.score > second.sentence.score)) second = { card, sentence: top };
  }
  if (second) parts.push({ card: second.card, sentences: withAsOf([second.sentence.text], second.card, lang), chosen: [second.sentence] });
  return { parts, matched };
}

/** A time-bound card says when its facts were true, unless the sentences already do. */
function withAsOf(sentences: string[], card: KnowledgeCard, lang: Lang): string[] {
  if (!card.as_of || sentences.length === 0) return sentences;
  const year = card.as_of.slice(0, 4);
  if (sentences.some((s) => s.includes(year))) return sentences;
  const last = sentences.length - 1;
  const note = lang === 'en' ? `(as of ${year})` : `(stand ${year})`;
  return [...sentences.slice(0, last), `${sentences[last].replace(/([.!?])?$/, ` ${note}$1`)}`];
}
