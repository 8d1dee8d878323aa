/**
 * A capitalised name of any origin, listed or not, that the words after it make a person's (names.ts):
 * "Xander Qwerty (cliënt)", "Shurendy Martis (19)", "Chidi Okafor, e-mail …", "Sahar Rahimi wil haar
 * broer …", "Storm is 7 jaar". Not after a place word: "uit Zaandam (zoon 22)" names a town.
 */
import { clauseStart, LEAD_PARTICLES } from './name-cues.ts';
import { CONTACT_AFTER, familyName, OWN_FAMILY_AFTER, PERSON_VERB_AFTER, personAfter, personAfterFirstName, PLACE_BEFORE, ROLE_NOUN } from './name-context.ts';
import { joined, nameEnd } from './name-end.ts';
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
  if (!(personAfter(after) || whole || alone || familyName(text.slice(Math.max(0, t.start - 8), t.start), after))) return undefined;
  // Lower-case particles before it are the surname's first part: "('t Hart is haar meisjesnaam)".
  let from = i;
  while (from > 0 && i - from < 3 && LEAD_PARTICLES.has(tokens[from - 1].word) && joined(text, tokens[from - 1], tokens[from])) from--;
  return [from, end];
}
