/**
 * The kinds of fact a question can want (a duration, an amount, a who, a list …) as patterns a
 * sentence that has such a fact matches, and how much such a sentence gains.
 */
import { fold } from '../core/index.ts';
import type { QuestionShape, Want } from './question.ts';
import { sentenceHas, type Sentence } from './sentences.ts';

const NUMBER = /\b(\d+([.,]\d+)?|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|honderd|duizend|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|hundred|thousand)\b/iu;
// A count, not a number inside a name or a code ("Supranet GGZ/113", "art. 3.3.3").
const COUNT = new RegExp(`(?<![/\\-.]|\\d[.,])${NUMBER.source}(?![/.,-]\\d)`, 'iu');
const DURATION = /\b(voor )?onbepaalde tijd\b|\bgeen einddatum\b|\bonbeperkt geldig\b|\bindefinite(ly)?\b|\bno end date\b|\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(werk|kalender|working |business |calendar )?(dag(en)?|weken|week|maand(en)?|jaar|jaren|uur|minuten|minuut|kwartier|days?|weeks?|months?|years?|hours?|minutes?)\b/iu;
// (A duration may be told in words: "voor onbepaalde tijd", "geen einddatum".)
// An age: "tot 23 jaar", "vanaf 18", "18-jarigen", "under 18", "aged 65".
const AGE = /\b(\d{1,3}|achttien|drieentwintig|vijfenzestig|eighteen|twenty-three)[ -]?(jaar|jarige[n]?|years?( old)?)\b|\b(tot|vanaf|onder|boven|from|until|up to|under|over|aged) (de |het |the )?(\d{1,3})(e|ste|de|th)?\b/iu;
// An amount, or that something costs nothing or is a share (25% more than …).
const MONEY = /(€|\beuro\b|\bmiljoen\b|\bmiljard\b|\bmillion\b|\bbillion\b|\bper (maand|jaar|dag)\b|\bper (month|year|day)\b|\bgratis\b|\bkosteloos\b|\bfree of charge\b|\b(for free|costs nothing|no charge)\b|\bis (always |completely )?free\b|\bno cost\b|\bkost (het|de client|u|je) niets\b|\beigen bijdrage\b|\beigen risico\b|\b(personal|own) contributions?\b|\bdeductible\b|\b(pays?|betaalt|betalen) (no|geen)\b|\d+\s?(%|procent|percent))/iu;
const WHO = /\b(zorgkantor(en)?|gemeente(n)?|college van b(urgemeester )?(en|&) w(ethouders)?|burgemeester|officier van justitie|openbaar ministerie|ciz|cak|svb|cce|zorgverzekeraar(s)?|(zorg)?aanbieder(s)?|wlz-?uitvoerder(s)?|clientondersteuner(s)?|dossierhouder|zorgverantwoordelijke|nza|zorginstituut|igj|inspectie|taskforce|\w*commissie|rechter|huisarts|casemanager|crisisregisseur|mee|ministerie|minister|vws|staatssecretaris|zorgverzekeraars nederland|vilans|trimbos|juridisch loket|wettelijk vertegenwoordiger|mentor|curator|stichting|vereniging|kenniscentrum|budgethouder(s)?|klachtenfunctionaris|wzd-functionaris|clientenvertrouwenspersoon|patientenvertrouwenspersoon|ombudsman|foundation|association|budget holder(s)?|municipality|mayor|public prosecutor|care office|insurer|provider|court|judge)\b/iu;
// An enumeration: a colon followed by two or more items, or three or more items in a row.
export const LIST = { test: (folded: string) => enumerates(folded) } as RegExp;
// A date or a year ("sinds wanneer", "in welk jaar"), or a time counted back ("twee jaar eerder").
const WHEN = /\b(?:19|20)\d\d\b|\b(\d+|een|twee|drie|vier|vijf|one|two|three|four|five) (jaar|jaren|maanden|years?|months?) (eerder|geleden|daarvoor|ervoor|terug|earlier|before|ago|prior)\b|\bpeil(jaar|datum)\b|\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)\b/u;
const WHERE = /(https?:\/\/|\bwww\.|\.nl\b|\bvia\b|\bop de website\b|\bloket\b|\bwebsite\b)/iu;

// A phone number or a helpline ("0800-2000", "bel 113").
const CONTACT = /\b0\d{2,3}[- ]?\d{2,}|\b(bel|call|bellen)\b[^.]{0,20}\b\d{3,}\b/iu;

// What comes next: "Na een beslissing op bezwaar kan de cliënt in beroep", "daarna", "then".
const NEXT = /\b(daarna|vervolgens|na (een|de|het) (beslissing|besluit|afwijzing|bezwaar|uitspraak|klacht)|kan (de client|je|u|hij|zij|ze) (daarna |vervolgens |dan )?(in beroep|naar|terecht|een klacht|bezwaar)|volgende stap|next step|after (that|the decision)|can (then )?(appeal|go to|turn to))\b|\b(dan|daarna|vervolgens) (kan|kunnen|mag|mogen)\b[^.;]{0,40}\b(naar|terecht|in beroep)\b/u;

const FREQUENCY = /\b(per (week|maand|jaar|kwartaal)|(maandelijks|wekelijks|jaarlijks|dagelijks)|(elke|iedere) (week|maand|jaar|\d+|twee|drie|vier|vijf|zes|acht|tien) ?(weken|maanden|jaar)?|om de (week|twee weken|maand)|tweewekelijks|(\d+|een|twee|drie|vier|zes|acht) (keer|maal)|(\d+|zes|acht) ?(tot|à|-|–) ?(\d+|acht|tien) weken|every (week|month|year|\d+|two|three|four|five|six|ten|other) ?(weeks|months|years)?|fortnightly|biweekly|monthly|weekly|yearly|annual(ly)?|(once|twice|\d+ times) (a|per) (week|month|year))\b/iu;
// "Alleen als …", "mits …", "only if …": a sentence that states the conditions.
const CONDITION = /\b(alleen (als|wanneer|om)|(alleen|slechts|only)\b[^.;,]{1,25}\b(als|wanneer|indien|if|when)|mits|op voorwaarde|onder voorwaarden?|voorwaarden?|als laatste middel|uitsluitend|only (if|when|to|as|in)|provided( that)?|on condition|conditions?|as a last resort)\b/u;
// A reason: "omdat", "doordat", "because", "so that".
const WHY = /\b(omdat|doordat|want|daardoor|daarom|waardoor|reden(en)?|oorzaak|oorzaken|zodat|because|due to|as a result|reasons?|causes?|so that|therefore|since|thus|hence)\b|,\s*(dus|so)\b/u;
// A law named: "onder de Wmo 2015", "de Wet langdurige zorg", "the Youth Act"; the basic health
// insurance and its insurer stand for the Zvw.
const LAW = /\b(zorgverzekeraars?|basisverzekering|basispakket|health insurers?|basic (health )?insurance|wlz|wmo|zvw|jeugdwet|wzd|wvggz|wkkgz|participatiewet|wet langdurige zorg|wet maatschappelijke ondersteuning|zorgverzekeringswet|wet zorg en dwang|wet verplichte ggz|long-term care act|social support act|health insurance act|youth act|care and coercion act|compulsory mental health care act)\b/iu;
// What a figure or a decision is based on: "hangt af van", "is gebaseerd op", "depends on".
const BASIS = /\b(afhankelijk van|hangt\b[^.;]{0,50}\baf van|hangen\b[^.;]{0,50}\baf van|depends? on|dependent on|gebaseerd op|based on|op basis van|op grond van|berekend (op|over|naar|aan de hand van)|calculated (on|from|by)|bepaald door|determined by|volgens (het|de) (inkomen|vermogen|indicatie|zorgprofiel))\b/iu;
// What someone must do: "moet", "is verantwoordelijk voor", "houdt contact", "must", "is responsible for".
const DUTY = /\b(moet|moeten|dient|dienen|hoort|horen|verplicht|is verantwoordelijk|zijn verantwoordelijk|verantwoordelijk voor|zorgt (er )?voor|houdt|houden|taak|taken|must|has to|have to|is responsible|are responsible|responsible for|keeps|keep|ensures|ensure|makes sure|duty|duties|task|tasks|obliged)\b/iu;
// That something is (not) possible or allowed: "is … niet mogelijk", "mag geen", "cannot".
const POSSIBLE = /\b(niet mogelijk|is mogelijk|zijn mogelijk|kan (niet|geen)|kunnen (niet|geen)|mag (niet|geen)|mogen (niet|geen)|(niet )?toegestaan|uitgesloten|not possible|is possible|cannot|can.t|can not|may not|(not )?allowed|excluded)\b/iu;
export const CUES: Partial<Record<Want, RegExp>> = { possible: POSSIBLE, basis: BASIS, duty: DUTY, law: LAW, duration: DURATION, age: AGE, count: COUNT, number: NUMBER, money: MONEY, frequency: FREQUENCY, who: WHO, where: WHERE, when: WHEN, why: WHY, condition: CONDITION, list: LIST, contact: CONTACT, next: NEXT };
export const CUE_WEIGHT: Partial<Record<Want, number>> = { possible: 0.15, basis: 0.4, duty: 0.2, law: 0.3, duration: 0.45, age: 0.45, count: 0.35, number: 0.3, money: 0.35, frequency: 0.45, who: 0.3, where: 0.2, when: 0.35, why: 0.2, condition: 0.3, list: 0.3, contact: 0.45, next: 0.25 };

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

// "Wie …?" is answered by a sentence whose subject is a body or person ("De burgemeester neemt …",
// "… wordt genomen door de rechter"), not by one that only mentions one in passing.
// A passive with its agent ("uitgevoerd door 's Heeren Loo", "run by Vilans") names who, whatever the name.
// Where one files or applies ("dien je bezwaar in bij het CIZ", "apply to the care office") answers "bij wie".
// Dutch puts the subject after the verb when a phrase comes first ("Bij een pgb vraagt de budgethouder …").
const WHO_SUBJECT = new RegExp(`^(?:\\S+\\s+){0,3}${WHO.source}|\\b\\p{L}+t (?:de|het) ${WHO.source}|\\b(?:door|by) (?:de|het|een|the|a) ${WHO.source}|\\b(?:uitgevoerd|georganiseerd|ontwikkeld|geleid|opgezet|gefinancierd|begeleid|gedaan|run|carried out|organi[sz]ed|developed|led|funded|done) (?:door|by)\\b|\\b(?:in|aan|terecht|melden|meldt|aanvragen|indienen) bij (?:de|het|een) ${WHO.source}|\\b(?:apply|applies|submit|file|lodge|report|complain)\\b[^.]{0,30}\\b(?:to|with|at) (?:the|a) ${WHO.source}`, 'iu');

// "Sinds wanneer …?", "since when": a year with "sinds", "vanaf", "per" answers it, not any year.
export const SINCE_ASKED = /\b(sinds wanneer|vanaf wanneer|per wanneer|sinds welk jaar|vanaf welk jaar|since when|from when|since what year|as of when)\b/u;
export const SINCE = /\b(sinds|vanaf|per|met ingang van|since|from|as of)\b[^.;]{0,25}\b(19|20)\d\d\b/u;

/** The patterns of every kind of fact the question asks for, the specific ones first. */
export function factCues(shape: QuestionShape): RegExp[] {
  const cues = (['duration', 'age', 'money', 'frequency', 'count', 'contact', 'where', 'condition', 'basis'] as const).filter((w) => shape.wants.includes(w)).map((w) => CUES[w]!);
  if (shape.wants.includes('when') && SINCE_ASKED.test(fold(shape.text))) cues.push(SINCE);
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
  if (cue !== undefined && !sentences.some((s) => sentenceHas(s, cue))) return true;
  // An amount asked besides a time ("how many hours … and what did they pay per participant?") is asked too.
  return cue !== MONEY && shape.wants.includes('money') && !sentences.some((s) => sentenceHas(s, MONEY));
}
