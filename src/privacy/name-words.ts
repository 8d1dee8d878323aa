/**
 * Word lists and patterns around a name that the name detector (names.ts) checks: titles that
 * count only when capitalised or dotted, naming words ("heet", "name is"), and what makes a
 * would-be name an organisation's or a saying ("Albert Heijn", "Sophia Revalidatie", "het Daniel
 * den Hoed", "Johan de Witt-scholengroep").
 */
import { NAMED_AFTER_PEOPLE } from './data/words.ts';

// Titles that are one only when written with a capital, before a capitalised name: "Miss Okafor",
// "Mx Taylor", "Mej. de Wit" (in lower case "miss" is a verb: "we miss deadlines").
export const CAPITAL_TITLES = new Set(['miss', 'mx', 'mej', 'mejuffrouw']);
// Titles written short with their dot, before a capitalised name: "Zr. Agnes" (zuster), "wed. Jansen-Smit"
// (weduwe), "jkvr. Van Heemstra", "jhr. de Beaufort", "ds. Bakker" (without the dot they are words or codes).
export const DOTTED_TITLES = new Set(['zr', 'wed', 'jkvr', 'jhr', 'ds', 'br', 'mej', 'wijlen', 'pater', 'zuster', 'broeder']);
// Words between a naming word and the name: "hij heet eigenlijk Hendrikus Bol", "officieel Hendrika …".
export const NAMING_ADVERBS = new Set(['eigenlijk', 'officieel', 'voluit', 'echt', 'gewoon', 'officially', 'actually', 'really']);
export const NAME_NOUNS = new Set(['name', 'naam', 'voornaam', 'achternaam', 'roepnaam', 'bijnaam', 'surname', 'nickname']);
export const IS_WORDS = new Set(['is', 'was', 'luidt']);
export const NAMING_WORDS = new Set(['heet', 'heette', 'heten', 'genaamd', 'genoemd', 'named', 'called', 'roepnaam', 'bijnaam', 'noemen', 'noemt']);

// Organisations, brands and sayings named after people ("Albert Heijn", "Jan Modaal"): no client's name.
const NAMED_AFTER = new RegExp(
  `(?<![\\p{L}])(?:${NAMED_AFTER_PEOPLE.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}])`,
  'giu',
);
// Accents folded one character at a time, so positions stay those of the text ("Máxima" = "maxima").
const foldedText = (text: string) => text.replace(/[\u00c0-\u024f]/g, (c) => c.normalize('NFD')[0]);
/** Where the text names an organisation or saying after a person: these spans are no one's name. */
export function namedAfterPeople(text: string): { start: number; end: number }[] {
  // The name detector and the sentence names ask for the same text one after the other.
  if (text !== lastText) {
    lastText = text;
    lastSpans = [...foldedText(text).matchAll(NAMED_AFTER)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  }
  return lastSpans;
}
let lastText: string | undefined;
let lastSpans: { start: number; end: number }[] = [];
/** A word of an organisation's name: "Parnassia Groep", "Zorggroep Noord", "Zilveren Kruis", "Het Juiste Loket", a province or city. */
export const ORGANISATION_PART = /^(?:\p{L}*(?:groep|group|zorg|care|huis|hof|stede|heerd|stichting|foundation|wonen|kliniek|clinic|centrum|center|centre)|hospice|sint|st|saint|ggz|gemeente|zilveren|kruis|menzis|achmea|loket|netwerk|wijkteam|team|nederland|regio|noord|zuid|oost|west|hospital|college|instituut|academie|utrecht|amsterdam|rotterdam|brabant|limburg|twente|friesland|zeeland|holland|gelderland|drenthe|groningen|overijssel|flevoland)\p{L}*$/u;
// The last word of a would-be name that makes it an organisation: "Sophia Revalidatie", "Reinier de Graaf Gasthuis".
export const ORGANISATION_WORD = /^(?:Revalidatie|Gasthuis|Ziekenhuis|Kinderziekenhuis|Zorgcentrum|Zorggroep|Stichting|Thuiszorg|Apotheek|Kliniek|Foundation|Hospital)$/u;
// A name glued to what it names: "Johan de Witt-scholengroep", "Anne Frank-school", "Pieter Baan-rapport".
export const ORGANISATION_COMPOUND = /-(?:scholengroep|school|scholen|ziekenhuis|kliniek|stichting|huis|centrum|college|fonds|prijs|instituut|lezing|zaal|gebouw|park|plein|rapport|methode|model|wet|regeling|stichting|lyceum|gymnasium|academie)$/iu;
export const DOUBLE_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u;
export const PLACE_PREPOSITION = new Set(['in', 'op', 'te', 'uit', 'bij', 'aan']);
// "het Daniel den Hoed", "in 't Antonius": a person's name after the neuter article names an institution.
export const NEUTER_BEFORE = /(?<![\p{L}])(?:het|'t)[ \t]+$/iu;
