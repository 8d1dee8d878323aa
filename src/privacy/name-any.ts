/**
 * A capitalised name of any origin, listed or not, that the words after it make a person's (names.ts):
 * "Xander Qwerty (cliënt)", "Shurendy Martis (19)", "Chidi Okafor, e-mail …", "Sahar Rahimi wil haar
 * broer …", "Storm is 7 jaar", "Wayan Sutrisno krijgt thuiszorg". Not after a place word: "uit Zaandam (zoon 22)"
 * names a town.
 */
import { clientInSentence } from './name-clause.ts';
import { clauseStart, LEAD_PARTICLES } from './name-cues.ts';
import { CONTACT_AFTER, familyName, OWN_FAMILY_AFTER, PERSON_VERB_AFTER, personAfter, personAfterFirstName, PLACE_BEFORE, ROLE_NOUN } from './name-context.ts';
import { joined, nameEnd } from './name-end.ts';
import { ORGANISATION_PART, PLACE_PREPOSITION } from './name-words.ts';
import { capitalised, mentionBefore, nameWord, type Token } from './name-tokens.ts';

/** The first and last token of such a name starting at token `i`, or undefined. */
export function anyOriginName(text: string, tokens: Token[], i: number): [number, number] | undefined {
  const t = tokens[i];
  if (!capitalised(t) || !nameWord(t) || mentionBefore(text, t) || (i > 0 && PLACE_BEFORE.has(tokens[i - 1].folded))) return undefined;
  const end = nameEnd(text, tokens, i, false);
  if (end < 0) return undefined;
  const after = text.slice(tokens[end].end, tokens[end].end + 48);
  // A first name and a surname take the same marks after them as a listed first name ("Djeny Tavares, 28 jaar"),
  // and contact details or the person's own family. Not a sentence about care alone: "Emergis in Zeeland heeft
  // een Korsakov-afdeling" names an organisation.
  const whole = end > i && !ROLE_NOUN.test(t.folded) && (personAfterFirstName(after) || CONTACT_AFTER.test(after) || OWN_FAMILY_AFTER.test(after));
  // One word opening a clause, its verb and then an age or the person's own family: "Storm is 7 jaar",
  // "Mebrahtu wil zijn vrouw en kinderen laten overkomen" (not "Bewoonster (88) …", "Caller says her brother …").
  const alone = end === i && clauseStart(text, t.start) && !ROLE_NOUN.test(t.folded) && PERSON_VERB_AFTER.test(after);
  const told = end > i && toldInCare(text, tokens, i, end, after);
  if (!(personAfter(after) || whole || alone || told || familyName(text.slice(Math.max(0, t.start - 8), t.start), after))) return undefined;
  // Lower-case particles before it are the surname's first part: "('t Hart is haar meisjesnaam)".
  let from = i;
  while (from > 0 && i - from < 3 && LEAD_PARTICLES.has(tokens[from - 1].word) && joined(text, tokens[from - 1], tokens[from])) from--;
  return [from, end];
}

/**
 * A whole name opening a clause with its verb right after it, or after "voor … zoeken we", in a sentence about
 * a person in care: "Wayan Sutrisno krijgt thuiszorg", "Gemma Thompson has dementia", "Voor Aminata Diallo zoeken
 * we respijtzorg". Not an organisation's name ("Parnassia Groep heeft een crisisdienst", "Aanbieder in Almelo belt").
 */
function toldInCare(text: string, tokens: Token[], i: number, end: number, after: string): boolean {
  const t = tokens[i];
  const name = tokens.slice(i, end + 1);
  if (name.slice(1).some((w) => PLACE_PREPOSITION.has(w.folded)) || ROLE_NOUN.test(t.folded) || name.some((w) => ORGANISATION_PART.test(w.folded)) || OFFERS.test(after)) return false;
  const subject = clauseStart(text, t.start) && CLAUSE_VERB_AFTER.test(after);
  const servedFor = FOR_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start)) && WE_SEEK_AFTER.test(after);
  return (subject || servedFor) && clientInSentence(text, t.start, tokens[end].end);
}

/** A verb right after the name, or after a second name joined by "en": the name is the clause's subject. */
const CLAUSE_VERB_AFTER = /^\s+(?:(?:en|and|&)\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3})?(?:heeft|hebben|zijn|spreken|speaks?|had|is|was|wil|wilde|woont|woonde|krijgt|kreeg|zoekt|wacht|wachten|weigert|weigerde|gaat|ging|komt|kwam|moet|kan|mag|zit|zat|belt|belde|vraagt|vroeg|has|had|is|was|wants|lives|gets|got|needs|refuses|waits|goes|went|can|must)\b/iu;
/** What an organisation offers a group: "… heeft dagbesteding voor mensen met een lvb", "… biedt". */
const OFFERS = /\b(?:biedt|bieden|offers?|provides?)\b|\b(?:heeft|hebben|has|have)\s+(?:een|geen|a|no)\s+(?:\p{L}+\s+)?(?:afdeling|wachtlijst|locatie|dienst|aanbod|ward|unit|waiting\s+list|location|service)\b|\b(?:voor|for)\s+(?:mensen|cliënten|clienten|jongeren|ouderen|kinderen|volwassenen|people|clients|young\s+people|adults|children)\b/iu;
/** The one the care or the request is for: "voor Aminata Diallo zoeken we …", "on behalf of …". */
const FOR_BEFORE = /(?:^|[^\p{L}])(?:voor|namens|for|on\s+behalf\s+of)\s+$/iu;
/** …what we do for them: "… zoeken we respijtzorg", "… vraag ik een indicatie aan" (not "voor Ipse de Bruggen is de wachtlijst lang"). */
const WE_SEEK_AFTER = /^\s+(?:zoeken|zoek|zoekt|vragen|vraag|vraagt|regelen|regel|willen|wil|hebben|heb|proberen|probeer|moeten|moet|are\s+looking|we\s+are|we.re|i\s+am|i.m|we\s+need|i\s+need)\s*(?:we|wij|ik|jullie|je|ze|looking|seeking|for)?\b/iu;
