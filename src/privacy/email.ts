/**
 * E-mail addresses, also written to dodge filters: "k.visser(at)example.nl", "k.visser [at]
 * example [dot] nl", "k.visser at example dot nl", "jan @ example.nl".
 */
import { EMAIL_TLDS } from './data/words.ts';
import { mayMatch } from './gates.ts';
import { matches, type Detector } from './span.ts';

const LOCAL = "[\\p{L}\\p{N}._%+'-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62})';
const AT_SIGN = '\\s?@\\s?|\\s?[([{<]\\s?(?:at|@|apenstaartje)\\s?[)\\]}>]\\s?';
const DOT = '\\.|\\s?[([{<]\\s?(?:dot|punt|\\.)\\s?[)\\]}>]\\s?';

// "@" or a bracketed "(at)": any domain with at least one dot.
const MARKED = new RegExp(`(?<![\\p{L}\\p{N}._%+-])${LOCAL}(?:${AT_SIGN})${LABEL}(?:(?:${DOT})${LABEL})*(?:${DOT})\\p{L}{2,24}(?![\\p{L}\\p{N}])`, 'giu');
// " at " and " dot " in words: only with a known top-level domain, so "look at home.nl" stays rare.
const WORDED = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])${LOCAL}(?:\\s(?:punt|dot)\\s${LOCAL}){0,3}\\s(?:at|apenstaartje)\\s${LABEL}(?:(?:${DOT}|\\s(?:dot|punt)\\s)${LABEL})*(?:${DOT}|\\s(?:dot|punt)\\s)(?:${EMAIL_TLDS.join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

// Spaces around the dot or a comma for it, before a known top-level domain: "jan.devries @ gmail . com",
// "jan.devries@gmail,com" (typed to slip past a filter, or a typo).
const SPACED = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])(?<local>${LOCAL})(?<at>${AT_SIGN})${LABEL}(?:\\s?[.,]\\s?${LABEL})*\\s?[.,]\\s?(?:${EMAIL_TLDS.join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

// A mailbox at a known provider without its domain ending: "marloes.huisman@gmail".
const PROVIDER = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+'-]+@(?:gmail|googlemail|hotmail|outlook|live|msn|ziggo|kpnmail|kpnplanet|planet|xs4all|yahoo|icloud|me|proton|protonmail|telfort|tele2|casema|chello|quicknet)(?![\p{L}\p{N}@]|\.[\p{L}\p{N}])/giu;

// In running text " at " follows a verb or pronoun more often than a mailbox: "chat at 113.nl",
// "find us at zorgkantoor.nl", "kijk at home". A one-word local part that is such a word is no address.
const NOT_LOCAL = new Set(
  `chat chatting look looking find found visit visiting call calling us me him her them it online available read apply
  register more info information details see contact meet reach here there website site web or and is are be go
  write mail email e-mail message text app ask aim arrive`.split(/\s+/),
);

// What the patterns cannot do without: an "@" or a bracketed "(at)" (MARKED, SPACED, PROVIDER), or
// " at " in words (WORDED). Most texts hold neither, and then the long patterns are not run.
const AT_SIGN_ANY = new RegExp(`@|[([{<]\\s?(?:at|apenstaartje)\\s?[)\\]}>]`, 'iu');
const AT_WORD = /\s(?:at|apenstaartje)\s/iu;

export const email: Detector = (text) => {
  const marked = mayMatch(text, AT_SIGN_ANY);
  return [
    ...(marked ? matches(text, MARKED, 'email') : []),
    // With spaces around the "@" only a local part that is no word: "jan.devries @ gmail . com", not "me @ 10, nl".
    ...(marked ? matches(text, SPACED, 'email', (m) => m.groups!.at === '@' || /[._\d]/.test(m.groups!.local)) : []),
    ...(marked ? matches(text, PROVIDER, 'email') : []),
    ...(mayMatch(text, AT_WORD) ? matches(text, WORDED, 'email', (m) => !NOT_LOCAL.has(m[0].split(/\s/)[0].toLowerCase())) : []),
  ];
};
