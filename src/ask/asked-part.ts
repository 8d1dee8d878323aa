import { sentencesOfChat } from './sentences.ts';

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

/** Words below which a message is no long told case: its question is read with all it says (40: a case told in three or four sentences, a handover or SBAR note, is one; 2 Dec, batch 181). */
const LONG_MESSAGE_WORDS = 40;

/**
 * The closing question of a long told case: the run of question sentences at its end, with the
 * sentence or two that may follow them ("Dan kan ik het in het teamoverleg uitleggen.", "Kies jij
 * maar.") and the one sentence before them, which often names what the question points back to
 * ("… een extra regeling als iemand meer zorg nodig heeft. Hoe heet die regeling?"). Undefined for
 * a short message or one without a question mark.
 */
export function closingQuestion(text: string): string | undefined {
  if (text.split(/\s+/).length < LONG_MESSAGE_WORDS) return undefined;
  // Chat writes on in lower case after a full stop ("… gaat prima. kinderen vragen …"): its own splitter.
  const sentences = sentencesOfChat(text);
  let last = sentences.length - 1;
  while (last >= 0 && !sentences[last].endsWith('?')) last--;
  if (last < 0 || sentences.length - 1 - last > 2) return undefined;
  let first = last;
  while (first > 0 && sentences[first - 1].endsWith('?')) first--;
  // The closing lines after the question stay: "Kies jij maar." after it is part of what is asked.
  const part = sentences.slice(Math.max(0, first - 1)).join(' ');
  return part.length < text.trim().length ? part : undefined;
}
