/**
 * Signs of a name that need more than one token: a label before it ("Naam: …"), a comma or brackets
 * after a title ("meneer (Bakker)"), a naming word ("haar naam is Thea"), the Dutch genitive
 * ("Annemieks moeder") and a signature under a message ("Groetjes, Ilse").
 */
import { COMMON_SURNAMES, NOT_NAMES } from './data/words.ts';
import { joined, nameEnd } from './name-end.ts';
import { IS_WORDS, NAME_NOUNS, NAMING_ADVERBS, NAMING_WORDS, ORGANISATION_PART } from './name-words.ts';
import type { Span } from './span.ts';
import { CLOSINGS, LABEL_TAIL, NAMING_VERBS, OBJECT_PRONOUNS, OWNER_BEFORE, POSSESSIVE_AFTER, ROLE_LABELS, SIGNATURE_GAP } from './name-context.ts';
import { capitalised, isCapitalisedFirstName, isFirstName, lowerCaseName, mentionBefore, nameLabels, nameWord, weakTitles, type Token } from './name-tokens.ts';

/**
 * The first word of a name after a label and a colon ("Naam: …", "Naam cliënt: …", "Cliënt: …"),
 * or -1. A role word as label only counts before a capital (its value may be a description).
 */
export function labelled(text: string, tokens: Token[], i: number): number {
  const t = tokens[i];
  const label = nameLabels.has(t.folded) || ROLE_LABELS.has(t.folded) || (weakTitles.has(t.folded) && !NOT_NAMES.has(t.folded));
  if (!label) return -1;
  const m = LABEL_TAIL.exec(text.slice(t.end, t.end + 40));
  if (!m) return -1;
  const at = t.end + m[0].length;
  const j = tokens.findIndex((u, k) => k > i && u.start === at);
  if (j < 0) return -1;
  return nameLabels.has(t.folded) || capitalised(tokens[j]) ? j : -1;
}

/** The Dutch genitive without an apostrophe: "Annemieks moeder", "Jans indicatie". */
export function genitiveName(text: string, t: Token): boolean {
  return capitalised(t) && t.folded.length > 3 && t.folded.endsWith('s') && !isFirstName(t.folded) && isFirstName(t.folded.slice(0, -1)) && !mentionBefore(text, t) && POSSESSIVE_AFTER.test(text.slice(t.end, t.end + 24));
}

/**
 * A signature under a message: "Groetjes, Ilse", "gr. Wouter", "Met vriendelijke groet,\nEsther": after
 * the closing at `i`, a name alone on the rest of its line; the index of its last word, or -1.
 */
export function signatureEnd(text: string, tokens: Token[], i: number): number {
  const t = tokens[i];
  // The name in lower case too, when listed: "mvg,\nsjoukje".
  const u = tokens[i + 1];
  if (!CLOSINGS.has(t.folded) || i + 1 >= tokens.length || !SIGNATURE_GAP.test(text.slice(t.end, u.start)) || !(nameWord(u) || lowerCaseName(u)) || mentionBefore(text, u)) return -1;
  const end = Math.max(i + 1, nameEnd(text, tokens, i + 1, false));
  return /^[ \t]*[.!]?[ \t]*(?:\n|$)/.test(text.slice(tokens[end].end, tokens[end].end + 8)) ? end : -1;
}

const THANKS_BEFORE_DASH = /(?:(?<![\p{L}])(?:thanks|thank\s+you|thx|ty|bedankt|dank|dankjewel|dankuwel|groet|groeten|groetjes|cheers|mvg|gr)(?![\p{L}])[^\n.?]{0,20})[ \t]*[-–—][ \t]*$/iu;

/**
 * A name signed after a dash at the very end of a message: "Kan iemand even kijken? - Fatima",
 * "Thanks! — Bill de Groot". A listed first name (with its surname); the index of its last word, or -1.
 */
export function dashSignatureEnd(text: string, tokens: Token[], i: number): number {
  const t = tokens[i];
  if (i === 0 || tokens.length - i > 4 || mentionBefore(text, t)) return -1;
  if (!/\s[-–—][ \t]*$/.test(text.slice(Math.max(0, t.start - 4), t.start))) return -1;
  // A name of any origin when thanks or a closing comes before the dash:
  // "Thanks all — Siobhan", "Dank je! - Wensley".
  const signed = capitalised(t) ? isCapitalisedFirstName(t) || (nameWord(t) && THANKS_BEFORE_DASH.test(text.slice(Math.max(0, t.start - 60), t.start))) : lowerCaseName(t);
  if (!signed) return -1;
  const end = Math.max(i, nameEnd(text, tokens, i, false));
  return /^[ \t]*[.!]?\s*$/.test(text.slice(tokens[end].end)) ? end : -1;
}

// A channel or hashtag named after a client or family: "#casusBakker", "#familie-de-jong", "#familySmit",
// "#mw_jansen", "#casus-yusuf-amrani" (every part after the role word). The name after the role word goes; "#casus" alone or "#teamnoord" stays.
const HASHTAG_NAME = /(?<![\p{L}\p{N}])#(?:casus|case|familie|family|fam|cli[eë]nte?|client|pati[eë]nte?|patient|bewoner|mevrouw|mevr|mw|meneer|dhr|mrs|mr)[-_]?((?:(?:van|de|der|den|ter|ten)[-_])*\p{L}[\p{L}\p{M}]+(?:[-_](?:(?:van|de|der|den|ter|ten)[-_])*\p{L}[\p{L}\p{M}]+)*)/giu;
// Titles, after which a name joined on in lower case counts too: "#mevrouwvisser", "#dhrjansen".
const HASHTAG_TITLE = /^#(?:mevrouw|mevr|mw|meneer|dhr|mrs|mr)/iu;

/** Names inside hashtags after a word for a client or family. */
export function hashtagNames(text: string): Span[] {
  if (!text.includes('#')) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(HASHTAG_NAME)) {
    const name = m[1];
    const start = m.index! + m[0].length - name.length;
    // Joined straight on, the name starts with a capital ("#casusBakker"); after a dash or underscore any case.
    const joinedOn = m[0][m[0].length - name.length - 1] !== '-' && m[0][m[0].length - name.length - 1] !== '_';
    if (joinedOn && !/^\p{Lu}/u.test(name) && !(HASHTAG_TITLE.test(m[0]) && name.length >= 4)) continue;
    if (NOT_NAMES.has(name.toLowerCase())) continue;
    out.push({ start, end: start + name.length, kind: 'name' });
  }
  return out;
}

/**
 * Set off by a comma after a title or kinship word (`titled`): "de zoon van mevrouw, Kevin, is …";
 * or in brackets: "meneer (Bakker) was boos", "moeder (Fatma)". The name's first and last token.
 */
export function setOffName(text: string, tokens: Token[], i: number, title: boolean, titled: boolean): [number, number] | undefined {
  const t = tokens[i];
  if (!titled || i + 1 >= tokens.length) return undefined;
  const gap = text.slice(t.end, tokens[i + 1].start);
  if (!/^[ \t]*[,(][ \t]*$/.test(gap)) return undefined;
  const u = tokens[i + 1];
  const bracketed = gap.includes('(');
  const inBrackets = title && bracketed ? nameEnd(text, tokens, i + 1, false) : -1;
  if (inBrackets >= 0) return [i + 1, inBrackets];
  // In brackets after a title any surname ("meneer (Pronk)"); after a kinship word only a listed name
  // ("Lastige ouders (Difficult parents)" is a translation).
  const surname = bracketed && (COMMON_SURNAMES.has(u.folded) || (title && nameWord(u)));
  if (capitalised(u) && !mentionBefore(text, u) && (isCapitalisedFirstName(u) || surname)) return [i + 1, Math.max(i + 1, nameEnd(text, tokens, i + 1, false))];
  return undefined;
}

/** The name after a naming word at `i` (`next`: the token right after it, or -1): its first and last token. */
export function namedByWord(text: string, tokens: Token[], i: number, next: number): [number, number] | undefined {
  if (next < 0) return undefined;
  const t = tokens[i];
  const after = next + 1 < tokens.length && joined(text, tokens[next], tokens[next + 1]);
  const from = (k: number): [number, number] | undefined => {
    const end = k >= 0 ? nameEnd(text, tokens, k, false) : -1;
    return end >= 0 ? [k, end] : undefined;
  };
  // "ze noemen hem Sjaak": a naming verb and its object, then the name.
  const byVerb = NAMING_VERBS.has(t.folded) && OBJECT_PRONOUNS.has(tokens[next].folded) && after ? from(next + 1) : undefined;
  if (byVerb) return byVerb;
  // "her name's Priya", "his partner's name is Dave", "haar naam is Thea": the name after "name is".
  const byNoun = NAME_NOUNS.has(t.folded) ? from(IS_WORDS.has(tokens[next].folded) && after ? next + 1 : /['’]s$/.test(t.word) ? next : -1) : undefined;
  if (byNoun) return byNoun;
  // "hij heet eigenlijk Hendrikus Bol": an adverb between the naming word and the name.
  return NAMING_WORDS.has(t.folded) && NAMING_ADVERBS.has(tokens[next].folded) && after ? from(next + 1) : undefined;
}

// A name in quotes after a word for a client, a title or a naming word: 'Cliënt "Jopie" wil …',
// "the client (called 'Bep' by everyone)", 'meneer "Sjors"'. The quotes mark a nickname or a name
// said as it is; a capital starts it.
const QUOTED_NAME =
  /(?<![\p{L}])(?:cli[eë]nte?|client|bewoner|bewoonster|pati[eë]nte?|patient|resident|deelnemer|mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|mrs\.?|mr\.?|called|named|genaamd|genoemd|heet|heette|noem(?:en|t|de|den)?\s+(?:hem|haar|ze)|call(?:s|ed)?\s+(?:him|her))[ \t]*["'“‘„«][ \t]*(\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){0,2})[ \t]*["'”’»]/giu;
const QUOTE = /["'“‘„«]/u;

/** Names in quotes after a client word, a title or a naming word. */
export function quotedNames(text: string): Span[] {
  if (!QUOTE.test(text)) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(QUOTED_NAME)) {
    const name = m[1];
    // The pattern is case-blind (the cue words come in any case), so \p{Lu} matches any letter
    // there: the capital of each word of the name is checked here ("a method called 'crazy eight'").
    if (!name.split(/[ \t]+/).every((part) => /^\p{Lu}/u.test(part))) continue;
    if (NOT_NAMES.has(name.split(/[ \t]/)[0].toLowerCase())) continue;
    const start = m.index! + m[0].lastIndexOf(name);
    out.push({ start, end: start + name.length, kind: 'name' });
  }
  return out;
}

/**
 * A name of any origin as whose file or request it is, first name and surname: "het dossier van Edsel
 * Rosaria", "de aanvraag van Budi Santoso". One word alone may be an organisation's ("van Cordaan"), and
 * so may two with an organisation's word ("het dossier van Zilveren Kruis"). The index of its last word, or -1.
 */
export function ownerName(text: string, tokens: Token[], i: number, next: number): number {
  const t = tokens[i];
  if (!nameWord(t) || mentionBefore(text, t) || next < 0 || !nameWord(tokens[next]) || [t, tokens[next]].some((w) => ORGANISATION_PART.test(w.folded))) return -1;
  return OWNER_BEFORE.test(text.slice(Math.max(0, t.start - 32), t.start)) ? Math.max(next, nameEnd(text, tokens, next, false)) : -1;
}
