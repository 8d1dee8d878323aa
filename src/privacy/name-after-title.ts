/**
 * A name after a title or a relative, where the word itself would not say so: a surname after
 * particles ("mw de Man", "dhr ten Have", "mevrouw Uit de Bosch"), a capital after a title written
 * short ("dhr Snel"), and the verbs after a relative's name in lower case ("zoon bas wil").
 */
import { joined, nameEnd } from './name-end.ts';
import { NOT_NAMES } from './data/words.ts';
import { capitalised, firstNames, mentionBefore, particles, strongTitles, type Token } from './name-tokens.ts';
import { TITLE_WORD } from './name-cues.ts';
import { ORGANISATION_WORD } from './name-words.ts';

// Verbs after a relative's name: "zoon bas wil", "kleindochter iris is contactpersoon", "son bas wants".
const VERB_AFTER_NAME = /^(?:wil|wilt|wou|wilde|is|was|wordt|werd|heeft|had|doet|deed|regelt|regelde|gaat|ging|komt|kwam|zegt|zei|belt|belde|woont|werkt|zit|zat|kan|kon|mag|moet|zal|krijgt|kreeg|vraagt|vroeg|helpt|zorgt|betaalt|beheert|bezoekt|wants|is|was|has|does|did|says|said|lives|calls|called|helps|pays|visits|takes)$/u;
// Titles written short, for which a capital after them is the surname whatever the word ("dhr Snel").
const SHORT_TITLES = new Set(['dhr', 'mw', 'mevr', 'mvr', 'mnr', 'hr']);
// Who a person is "of" ("mevrouw van het Wijkteam", "meneer van de Gemeente"): a team or an office, no surname.
const TEAMS = new Set(['wijkteam', 'zorgkantoor', 'gemeente', 'thuiszorg', 'team', 'afdeling', 'ciz', 'cak', 'ggz', 'instelling', 'woongroep', 'groep', 'dagbesteding', 'kantoor', 'zorg', 'wmo', 'wlz', 'jeugdzorg', 'crisisdienst', 'huisartsenpost', 'apotheek']);
// "Uit de Bosch", "Uit den Bogaard": a surname's first part, before the particles.
const SURNAME_OPENERS = new Set(['uit', 'uijt']);

/** After a title, particles (one or more, joined) and a capitalised word that is no organisation: the index of that word, or -1. */
function surnameAfterParticles(text: string, tokens: Token[], from: number): number {
  let k = from;
  if (k < tokens.length && SURNAME_OPENERS.has(tokens[k].folded) && k + 1 < tokens.length && particles.has(tokens[k + 1].folded)) k++;
  while (k < tokens.length && particles.has(tokens[k].folded) && k + 1 < tokens.length && joined(text, tokens[k], tokens[k + 1])) k++;
  if (k === from || k >= tokens.length) return -1;
  const u = tokens[k];
  return TITLE_WORD.test(u.word) && !ORGANISATION_WORD.test(u.word) && !TEAMS.has(u.folded) && !mentionBefore(text, u) ? k : -1;
}

/**
 * A listed first name that is also a word ("bas", "roos", "noor"), typed in lower case at `at` and
 * followed by a verb: the word is the subject, a name (after a kinship word, or at the start of a
 * sentence about a person in care). A word that is never a name here ("wil", "mag") does not count.
 */
export function lowerCaseNameBeforeVerb(text: string, tokens: Token[], at: number): boolean {
  const u = tokens[at];
  return /^\p{Ll}{3,}$/u.test(u.word) && firstNames.has(u.folded) && !NOT_NAMES.has(u.folded) && at + 1 < tokens.length && joined(text, u, tokens[at + 1]) && VERB_AFTER_NAME.test(tokens[at + 1].word) && !mentionBefore(text, u);
}

/**
 * The last word of a surname after the title `title` (whose next word is at `next`), or -1: after
 * particles a capital is a surname even when the word is also an ordinary one ("mw de Man", "dhr ten
 * Have", "mevrouw Uit de Bosch", "meneer bin Said"), not a team ("mevrouw van het Wijkteam"); after a
 * title written short a capitalised word is a surname even when it is also a care word or an ordinary
 * one: "Mw. Zorg", "Dhr. Thuis", and without the dot as chat types it, "dhr Snel wil …", "mw Goed belt
 * …". Not an acronym ("dhr. CIZ"), not a compound with a dash or digits. (In full, "Mevrouw Heeft …"
 * may be a capital typed by habit.)
 */
export function surnameAfterTitle(text: string, tokens: Token[], title: Token, next: number): number {
  const last = surnameAfterParticles(text, tokens, next);
  if (last >= 0) return last;
  const u = tokens[next];
  return (title.dot || SHORT_TITLES.has(title.folded)) && TITLE_WORD.test(u.word) && !particles.has(u.folded) && !strongTitles.has(u.folded) && !mentionBefore(text, u) ? next : -1;
}

/**
 * After a title, a first name that is also a word and the rest of the name: "Mevrouw Mei Lin Zhou",
 * "meneer Hoop Bakker" (the title's own rule stops at the word). The index of its last word, or -1.
 */
export function wordNameAfterTitle(text: string, tokens: Token[], next: number): number {
  const first = tokens[next];
  return next + 1 < tokens.length && capitalised(first) && joined(text, first, tokens[next + 1]) ? nameEnd(text, tokens, next + 1, true) : -1;
}
