/**
 * Comparison questions ("X vs Y", "wat is het verschil tussen X en Y?"): both sides must be in
 * the answer, or the answer says which side the knowledge base does not know.
 */
import { fold } from '../core/index.ts';

const BETWEEN = /\b(?:verschil(?:len)?|onderscheid|difference(?:s)?|distinction)\b(?:\s+\S+){0,3}?\s+(?:tussen|between)\s+(.+?)\s+(?:en|and|&)\s+(.+?)\s*(?:[?.!:;]|$)/u;
const VERSUS = /^(?:.*?:\s*)?(.+?)\s+(?:vs\.?|versus|tegenover|compared (?:to|with)|vergeleken met)\s+(.+?)\s*(?:[?.!:;]|$)/u;
// "verschil eigen risico en eigen bijdrage?": the sides straight after the word, without "tussen".
const BARE = /\b(?:verschil(?:len)?|onderscheid|difference(?:s)?)\s+(?!tussen\b|between\b|in\b|is\b|zit\b|van\b|of\b)((?:\S+\s+){0,2}?\S+)\s+(?:en|and|&)\s+(.+?)\s*(?:[?.!:;]|$)/u;
const ARTICLE = /^(?:de|het|een|the|a|an)\s+/u;
// What follows a side and only qualifies the question ("wlz vs wmo in 1 zin", "… for home nursing").
const QUALIFIER = /\s+(?:(?:in|op|bij|voor|for|at|with|met)\s+(?:\d+|een|de|het|a|an|the|one|kort|short|zijn|haar|his|her|mijn|my|ons|our)\b|als|qua|wat betreft|when|if|according|volgens|kort gezegd|briefly|precies|exactly|eigenlijk|nou)\b.*$/u;
const MAX_SIDE_WORDS = 4;
/** A word that BETWEEN, VERSUS or BARE cannot match without. */
const COMPARING = /verschil|onderscheid|difference|distinction|vs|versus|tegenover|compared|vergeleken/;

// More sides: "X vs Y vs Z" after the first, "verschil tussen X, Y en Z" before the last.
const MORE_VERSUS = /\s+(?:vs\.?|versus)\s+/u;
const MORE_LISTED = /\s*,\s*|\s+(?:en|and|&)\s+/u;
// A clause after a dash that asks about the sides: "X vs Y vs Z — who is responsible for what".
const DASH_CLAUSE = /\s+[-–—]\s+.*$/u;

/** The things a question compares (two or more), folded, or undefined when it compares nothing. */
export function comparedSides(question: string): string[] | undefined {
  const text = fold(question).replace(/\s+/g, ' ').trim();
  // Each pattern needs one of these words; most questions have none (asked for every answer).
  if (!COMPARING.test(text)) return undefined;
  const between = BETWEEN.exec(text);
  const found = between ?? VERSUS.exec(text) ?? BARE.exec(text);
  if (!found) return undefined;
  const rest = found[2].replace(DASH_CLAUSE, '');
  // "X vs Y vs Z" splits at each "vs"; "tussen X, Y en Z" at commas and "en" (BETWEEN found "X, Y" and "Z").
  const later = rest.split(MORE_VERSUS);
  const first = between ? found[1].split(MORE_LISTED) : [found[1]];
  const sides = [...first, ...later.slice(0, -1), later[later.length - 1].replace(QUALIFIER, '')].map((s) => s.replace(ARTICLE, '').replace(/[,"'()]/g, '').trim());
  if (sides.length < 2 || sides.some((s) => !s || s.split(' ').length > MAX_SIDE_WORDS)) return undefined;
  return sides;
}
