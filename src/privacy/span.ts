/** What every detector returns: where in the (normalised) text a piece of personal data is. */
export type PersonalDataKind = 'bsn' | 'phone' | 'email' | 'birthdate' | 'address' | 'name' | 'iban' | 'record' | 'plate' | 'handle';

export interface Span {
  start: number;
  end: number;
  kind: PersonalDataKind;
}

/** A detector reads the normalised text; `now` decides which dates lie far enough back. */
export type Detector = (text: string, now: Date) => Span[];

/** The spans of every match of a global pattern that `accept` agrees to (group 0, or a named part). */
export function matches(text: string, pattern: RegExp, kind: PersonalDataKind, accept: (m: RegExpExecArray) => boolean = () => true): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    if (accept(m as RegExpExecArray)) out.push({ start: m.index!, end: m.index! + m[0].length, kind });
  }
  return out;
}

// Letters and digits: a number glued to them is part of a code ("q-3f12…"), not a BSN or phone.
export const ALNUM = /[\p{L}\p{N}]/u;
