/**
 * Reads agreement lines typed in the agreements step ("Bel zorgkantoor @bram voor vrijdag") into
 * action items: a title, an owner and a due date, all as typed; the action log resolves them.
 */
import type { NewActionItem } from '../core/index.ts';

const DAY = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen|overmorgen|vandaag|volgende week|eind van de week|einde van de week|eind deze week|deze week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|next week|end of the week|this week';
const MONTH = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october';
const DATE = `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[-/]\\d{1,2}(?:[-/]\\d{2,4})?|\\d{1,2}\\s+(?:${MONTH})(?:\\s+\\d{4})?)`;
const DUE = new RegExp(`(?:^|\\s)(?:uiterlijk\\s+|voor\\s+|vóór\\s+|op\\s+|by\\s+|before\\s+|on\\s+)?((?:(?:${DAY})(?:\\s+${DATE})?|${DATE}))\\s*[.!]?$`, 'i');
const OWNER = /(?:^|\s)@([\p{L}\p{N}_.-]+)/u;

/** One action item per non-empty line; bullets are dropped. */
export function parseAgreements(text: string): NewActionItem[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0)
    .map(parseAgreement)
    .filter((item) => item.title.length > 0);
}

export function parseAgreement(line: string): NewActionItem {
  let rest = line.trim();
  let due: string | undefined;
  const dueMatch = DUE.exec(rest);
  if (dueMatch) {
    due = dueMatch[1].trim();
    rest = rest.slice(0, dueMatch.index).trim();
  }
  let owner: string | undefined;
  const ownerMatch = OWNER.exec(rest);
  if (ownerMatch) {
    owner = `@${ownerMatch[1].replace(/[.,;:]+$/, '')}`;
    rest = `${rest.slice(0, ownerMatch.index)} ${rest.slice(ownerMatch.index + ownerMatch[0].length)}`;
  }
  const title = rest.replace(/\s+/g, ' ').replace(/[\s,;:-]+$/, '').trim();
  return { title, ...(owner ? { owner } : {}), ...(due ? { due } : {}) };
}
