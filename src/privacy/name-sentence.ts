/**
 * A first name alone in the same sentence as another person's datum that a detector found (a
 * BSN, a date of birth, a phone number, an address, a record number …) is the name of the person
 * the datum belongs to: "BSN van Rik is 305419894", "Henk is geboren op 3 maart 1952", "BSN
 * 111222333 belongs to Nina". Both go. Names the platform marks (@mentions) stay.
 */
import { ambiguous, capitalised, isCapitalisedFirstName, lowerCaseName, mentionBefore, tokenise } from './name-tokens.ts';
import { ORGANISATION_AFTER } from './name-context.ts';
import { namedAfterPeople, NEUTER_BEFORE } from './name-words.ts';
import type { Span } from './span.ts';

// What follows a person's name in an organisation's: "het Ronald McDonald Huis", "Sophia Revalidatie".
const ORGANISATION_NEXT = /^[ \t]+(?:\p{Lu}[\p{L}'-]*[ \t]+){0,2}(?:Huis|Kinderziekenhuis|Ziekenhuis|Revalidatie|Gasthuis|Kliniek|Centrum|Stichting|Foundation|Zorg|Zorggroep|Hospital|House|Fonds|Instituut|College)(?![\p{L}])/u;

/** Is the word at [start, end) part of an organisation named after a person? */
function organisation(text: string, start: number, end: number, named: () => { start: number; end: number }[]): boolean {
  return (
    named().some((o) => o.start <= start && end <= o.end) ||
    ORGANISATION_NEXT.test(text.slice(end, end + 60)) ||
    ORGANISATION_AFTER.test(text.slice(end, end + 24)) ||
    NEUTER_BEFORE.test(text.slice(Math.max(0, start - 6), start))
  );
}

// A sentence ends at . ? ! or a line break; a dot inside a number ("3.2") or a short title ("mw.") does not end one.
const SENTENCE = /[^.?!\n]+(?:\.(?![\s,;]|$)[^.?!\n]*)*/g;

/** Listed first names in the sentences of `text` that hold a non-name find (`finds`, spans of the same text). */
export function sentenceNames(text: string, finds: readonly Span[]): Span[] {
  const data = finds.filter((f) => f.kind !== 'name').sort((a, b) => a.start - b.start);
  if (data.length === 0) return [];
  const out: Span[] = [];
  // Looked for only when a listed name is met.
  let organisations: { start: number; end: number }[] | undefined;
  const named = () => (organisations ??= namedAfterPeople(text));
  let next = 0;
  for (const m of text.matchAll(SENTENCE)) {
    const start = m.index!;
    const end = start + m[0].length;
    while (next < data.length && data[next].end <= start) next++;
    if (next >= data.length) break;
    if (data[next].start >= end) continue;
    for (const t of tokenise(m[0])) {
      const word = { ...t, start: t.start + start, end: t.end + start };
      // A name that is also a word ("Wil", "Roos") counts only inside the sentence, not as its first word.
      const first = m[0].slice(0, t.start).trim() === '';
      const listed = capitalised(t) ? isCapitalisedFirstName(t) && !(first && ambiguous(t.folded)) : lowerCaseName(t);
      if (listed && !mentionBefore(text, word) && !organisation(text, word.start, word.end, named)) out.push({ start: word.start, end: word.start + t.word.length, kind: 'name' });
    }
  }
  return out;
}
