/**
 * Dot voting: in a step with `vote: N`, everyone has N dots to put on the options collected in
 * another step (several on one option is allowed). The options are the notes of that step, one
 * per line; a dot is stored per person, so nobody can give more than N, and a stale button (an
 * option hidden since) changes nothing.
 */
import { voteSource, type Method } from './methods.ts';
import type { Contribution, Session } from './session.ts';

/** Slack allows 25 buttons per message; the card keeps room for the steering buttons. */
export const MAX_OPTIONS = 15;

export interface VoteOption {
  /** `<contribution id>:<line>`, stable while the contribution exists. */
  id: string;
  text: string;
}

/** The key of a contribution: its id, or (older sessions) its time and position. */
export function contributionKey(c: Contribution, index: number): string {
  return c.id ?? `i${index}-${c.at}`;
}

/** One option per non-empty line (bullets and numbering taken off), in the order they were given. */
export function optionsOf(session: Session, step: number): VoteOption[] {
  const out: VoteOption[] = [];
  session.contributions.forEach((c, index) => {
    if (c.step !== step) return;
    if (c.blind && !session.revealed?.includes(step)) return;
    c.text
      .split(/\n+/)
      .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
      .forEach((line, i) => {
        if (line) out.push({ id: `${contributionKey(c, index)}:${i}`, text: line });
      });
  });
  return out.slice(0, MAX_OPTIONS);
}

/** The options voted on in step `index` of the method, or [] when the step has no vote. */
export function voteOptions(method: Method, session: Session, index: number): VoteOption[] {
  const source = voteSource(method, index);
  return source === undefined ? [] : optionsOf(session, source);
}

export function dotsUsed(session: Session, step: number, userId: string): number {
  return (session.votes ?? []).filter((v) => v.step === step && v.userId === userId).length;
}

/** Dots per option, most first; options without dots are kept (with 0) so the report shows them all. */
export function tally(method: Method, session: Session, step: number): { option: VoteOption; dots: number }[] {
  const votes = (session.votes ?? []).filter((v) => v.step === step);
  return voteOptions(method, session, step)
    .map((option) => ({ option, dots: votes.filter((v) => v.option === option.id).length }))
    .sort((a, b) => b.dots - a.dots);
}

/** How many people voted in a step. */
export function voters(session: Session, step: number): number {
  return new Set((session.votes ?? []).filter((v) => v.step === step).map((v) => v.userId)).size;
}

export type VoteResult = Session | 'limit' | 'gone' | 'stale' | 'ended' | 'unchanged';

/** Adds one dot (or clears the person's dots with `option: undefined`); pure. */
export function castVote(method: Method, session: Session, step: number, userId: string, option: string | undefined, at: string): VoteResult {
  if (session.status === 'ended') return 'ended';
  if (session.step !== step || !method.steps[step]?.vote) return 'stale';
  const own = (session.votes ?? []).filter((v) => v.step === step && v.userId === userId);
  if (option === undefined) {
    if (!own.length) return 'unchanged';
    return { ...session, votes: (session.votes ?? []).filter((v) => !(v.step === step && v.userId === userId)), lastActivityAt: at, version: session.version + 1 };
  }
  if (!voteOptions(method, session, step).some((o) => o.id === option)) return 'gone';
  if (own.length >= method.steps[step].vote!) return 'limit';
  return { ...session, votes: [...(session.votes ?? []), { step, userId, option, at }], lastActivityAt: at, version: session.version + 1 };
}
