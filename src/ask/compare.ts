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

/** The two things a question compares, folded, or undefined when it compares nothing. */
export function comparedSides(question: string): [string, string] | undefined {
  const text = fold(question).replace(/\s+/g, ' ').trim();
  // Each pattern needs one of these words; most questions have none (asked for every answer).
  if (!COMPARING.test(text)) return undefined;
  const found = BETWEEN.exec(text) ?? VERSUS.exec(text) ?? BARE.exec(text);
  if (!found) return undefined;
  const sides = [found[1], found[2].replace(QUALIFIER, '')].map((s) => s.replace(ARTICLE, '').replace(/[,"'()]/g, '').trim());
  if (sides.some((s) => !s || s.split(' ').length > MAX_SIDE_WORDS)) return undefined;
  return [sides[0], sides[1]];
}
