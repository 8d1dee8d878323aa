/**
 * The part of a message its writer marks as the question ("Lange week gehad … Maar goed, waar ik
 * eigenlijk voor kom: …", "three things: 1) … 3) the actual question for the bot: …"). What comes
 * before it is chat the bot is not asked about: a broken car told there is no question about cars.
 */
const MARKER = /(?:waar (?:ik|het) (?:eigenlijk|nou|dus|nu) (?:voor kom|om gaat|om draait)|(?:mijn|de|het) (?:eigenlijke|echte) vraag(?: is| aan (?:jou|wegwijs|de bot))?|(?:mijn )?vraag (?:aan|voor) (?:wegwijs|de bot)|wat ik (?:eigenlijk |echt )?wil weten(?: is)?|(?:the|my) (?:actual|real) question(?: is| for (?:the bot|wegwijs|you))?|(?:my )?question for (?:the bot|wegwijs)|what i (?:really |actually )?want to know is)\s*[:,–-]?\s*/giu;

/** Fewer words than this after the marker: no question of its own (the marker ends the message). */
const MIN_WORDS = 3;

/** The text after the last marker, or undefined when the message marks no part (or the whole). */
export function askedPart(text: string): string | undefined {
  let end = -1;
  for (const m of text.matchAll(MARKER)) end = m.index! + m[0].length;
  if (end <= 0) return undefined;
  const tail = text.slice(end).trim();
  return tail.split(/\s+/).length >= MIN_WORDS && tail.length < text.trim().length ? tail : undefined;
}
