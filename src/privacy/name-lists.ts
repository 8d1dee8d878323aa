/**
 * Names in a list after a word that says who is listed: a client's visitors ("bezoekers vandaag: Els,
 * Ruud en Gert", "visitors Piotr and Kasia") and people in care under a heading with a colon
 * ("Cliënten zonder zorgplan: Jolanda, Mustafa, Greetje, Kwame.", "Nieuwe aanmeldingen deze week: Ruud,
 * Esra, Quan."). The heading says what the items are, so a name of any origin counts once one of
 * them is a listed first name. And a row of a handover or a waiting list that opens with a listed
 * first name ("- Gerrit: valt veel", "1. Hamid (ZZP VG5)", "• Annie – eten gaat slecht").
 */
import { nameEnd } from './name-end.ts';
import { capitalised, isCapitalisedFirstName, mentionBefore, NAME_SHAPED, nameWord, type Token } from './name-tokens.ts';
import type { Span } from './span.ts';

// A client's visitors are family and friends; no colon needed ("visitors Piotr and Kasia").
const VISIT_WORDS = new Set(['bezoek', 'bezoeker', 'bezoekers', 'bezoekster', 'visite', 'visitor', 'visitors']);
const VISIT_FILLERS = new Set(['vandaag', 'gisteren', 'vanmiddag', 'vanochtend', 'vanavond', 'waren', 'was', 'kwamen', 'van', 'today', 'yesterday', 'were', 'from']);
// Plural words for people in care that head a list with a colon. (Not "deelnemers", "collega's":
// those lists are the team's own.)
const CARE_HEADS = new Set([
  'clienten', 'clients', 'cliënten', 'bewoners', 'residents', 'patienten', 'patiënten', 'patients', 'aanmeldingen', 'intakes',
  'huisbezoeken', 'wachtenden', 'casussen', 'jongeren', 'kinderen', 'pupillen', 'referrals', 'admissions', 'opnames',
]);
const HEAD_STEM = /bezoek|visit|client|cliënt|bewoner|resident|patien|patiën|aanmelding|intake|wachtend|casus|jongeren|kinderen|pupil|referral|admission|opname/i;
/** Words between a care heading and its colon: "Cliënten zonder zorgplan:", "aanmeldingen deze week:". */
const MAX_HEAD_WORDS = 4;

/** Names listed after a word for visitors or a heading for people in care, and names opening a list's rows. */
export function listedNames(text: string, tokens: Token[]): Span[] {
  const out: Span[] = ROW_START.test(text) && !TEAM_LIST.test(text) ? rowNames(text, tokens) : [];
  if (!HEAD_STEM.test(text)) return out;
  for (let i = 0; i < tokens.length; i++) {
    const folded = tokens[i].folded;
    const start = VISIT_WORDS.has(folded) ? afterVisitWord(text, tokens, i) : CARE_HEADS.has(folded) ? afterHeading(text, tokens, i) : -1;
    if (start < 0) continue;
    const items = listFrom(text, tokens, start, VISIT_WORDS.has(folded));
    // Under a heading an unlisted name counts only beside a listed one: the list is one of names.
    if (!VISIT_WORDS.has(folded) && (items.length < 2 || !items.some(([first]) => isCapitalisedFirstName(tokens[first])))) continue;
    for (const [first, last] of items) out.push({ start: tokens[first].start, end: tokens[last].start + tokens[last].word.length, kind: 'name' });
  }
  return out;
}

/** The first token after a visitor word and its fillers, on the same line; or -1. */
function afterVisitWord(text: string, tokens: Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && j <= i + 2 && VISIT_FILLERS.has(tokens[j].folded)) j++;
  return j < tokens.length && /^[ \t:]*$/.test(text.slice(tokens[j - 1].end, tokens[j].start)) ? j : -1;
}

/** The first token after a heading's colon, a few words on and on the same line; or -1. */
function afterHeading(text: string, tokens: Token[], i: number): number {
  for (let j = i; j < tokens.length - 1 && j <= i + MAX_HEAD_WORDS; j++) {
    const gap = text.slice(tokens[j].end, tokens[j + 1].start);
    if (/^[ \t]*:[ \t]*$/.test(gap)) return j + 1;
    if (!/^[ \t]+$/.test(gap)) return -1;
  }
  return -1;
}

/** The names of a list from `j` on, joined by commas, "en"/"and" or "&": each one's first and last token. */
function listFrom(text: string, tokens: Token[], j: number, listedOnly: boolean): [number, number][] {
  const items: [number, number][] = [];
  while (j < tokens.length) {
    const u = tokens[j];
    const name = capitalised(u) && !mentionBefore(text, u) && (isCapitalisedFirstName(u) || (!listedOnly && nameWord(u) && NAME_SHAPED.test(u.word)));
    if (!name) break;
    const end = Math.max(j, nameEnd(text, tokens, j, false));
    items.push([j, end]);
    const k = end + 1;
    if (k >= tokens.length) break;
    const gap = text.slice(tokens[end].end, tokens[k].start);
    if (/^[ \t]*[,&][ \t]*$/.test(gap)) j = k;
    else if (/^[ \t]+$/.test(gap) && ['en', 'and'].includes(tokens[k].folded) && k + 1 < tokens.length) j = k + 1;
    else break;
  }
  return items;
}

// The team's own lists name colleagues in their rows ("Actiepunten: - Anouk: verslag rondsturen"): left alone.
const TEAM_LIST = /(?<![\p{L}])(?:actiepunt\w*|acties|actielijst|agenda|taken|taakverdeling|to-?do\w*|notulen|rolverdeling|rooster|action\s+(?:points|items)|actions|tasks|minutes)(?![\p{L}])/iu;
// A row of a list: a dash, bullet or number at the start of a line (or after a sentence, when lines were run together).
const ROW_START = /(?:^|\n|[.!?:][ \t]+)[ \t]*(?:[-–•*·]|\d{1,2}[.)])[ \t]+\p{Lu}/u;
const ROW_BEFORE = /(?:^|\n|[.!?:][ \t]+)[ \t]*(?:[-–•*·]|\d{1,2}[.)])[ \t]+$/u;
// What follows the row's name: its remark after a colon, dash or bracket, a comma, or the line's end.
const ROW_AFTER = /^[ \t]*(?:[:(,–-]|\r?\n|$)/u;

/** A listed first name (and its surname) opening a row: "- Gerrit: valt veel", "1. Hamid (ZZP VG5)". */
function rowNames(text: string, tokens: Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const u = tokens[i];
    if (!capitalised(u) || !isCapitalisedFirstName(u) || !ROW_BEFORE.test(text.slice(Math.max(0, u.start - 8), u.start))) continue;
    const end = Math.max(i, nameEnd(text, tokens, i, false));
    const last = tokens[end];
    if (!ROW_AFTER.test(text.slice(last.start + last.word.length, last.start + last.word.length + 4))) continue;
    out.push({ start: u.start, end: last.start + last.word.length, kind: 'name' });
    i = end;
  }
  return out;
}
