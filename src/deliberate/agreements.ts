/**
 * Reads agreement lines typed in the agreements step ("Bespreken in regionale taskforce @bram voor
 * 12-12") into action items: the owner from the mention, the deadline from the bot's one date
 * reader (relative to when the line was typed, in the session's zone), and the rest as the title.
 * A deadline that could not be read stays in the title and is passed on, so someone is asked.
 */
import { fold, splitDate, type NewActionItem } from '../core/index.ts';

const OWNER = /(^|\s)@([\p{L}\p{N}_.-]+)/u;

export interface AgreementContext {
  /** When the line was typed: "vrijdag" is the Friday after that moment. */
  at: Date;
  timeZone: string;
  /** People in the session: "@bram" becomes Bram's id, so the action is his. */
  people?: { id: string; name: string }[];
}

/** One action item per non-empty line; bullets are dropped. */
export function parseAgreements(text: string, context: AgreementContext): NewActionItem[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => parseAgreement(line, context))
    .filter((item) => item.title.length > 0);
}

export function parseAgreement(line: string, context: AgreementContext): NewActionItem {
  let rest = line.trim();
  let owner: string | undefined;
  let ownerId: string | undefined;
  // "@Bram de Vries" (a platform mention by display name) before "@bram": the whole name is the owner.
  const ownerMatch = fullNameMention(rest, context.people) ?? OWNER.exec(rest);
  if (ownerMatch) {
    const typed = ownerMatch[2].replace(/[.,;:]+$/, '');
    const person = context.people?.find((p) => fold(p.id) === fold(typed) || fold(p.name) === fold(typed) || fold(p.name.split(/\s+/)[0]) === fold(typed));
    owner = person ? person.name : `@${typed}`;
    ownerId = person?.id;
    const start = ownerMatch.index + ownerMatch[1].length;
    // "@carla plant een MDO": the owner is the sentence's subject and keeps her place.
    const replacement = start === 0 ? (person?.name ?? typed) : '';
    rest = `${rest.slice(0, start)}${replacement}${rest.slice(start + ownerMatch[0].length - ownerMatch[1].length)}`;
  }
  const split = splitDate(rest, context.at, context.timeZone);
  const title = split.title.replace(/\s+/g, ' ').replace(/[\s,;:-]+$/, '').trim();
  return {
    title,
    ...(owner ? { owner } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(split.due ? { due: split.due } : {}),
    ...(split.unreadable ? { unreadableDue: split.unreadable } : {}),
  };
}

function fullNameMention(text: string, people: AgreementContext['people']): RegExpExecArray | null {
  const names = (people ?? []).map((p) => p.name.trim()).filter((n) => /\s/.test(n)).sort((a, b) => b.length - a.length);
  if (!names.length) return null;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|\\s)@(${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'iu').exec(text);
}
