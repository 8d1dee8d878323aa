/**
 * Privacy: find and remove personal data before anything is stored or sent to an LLM. Callers
 * tell the user what was removed (see `privacyNotice`) and ask not to share client data.
 */
import type { Translate } from '../core/i18n.ts';
import { DETECTORS, type PersonalDataKind, type Span } from './detectors.ts';

export { isValidBsn, type PersonalDataKind } from './detectors.ts';

export interface Redaction {
  text: string;
  /** Kinds of personal data found, each once, in a stable order. */
  found: PersonalDataKind[];
}

const PLACEHOLDER: Record<PersonalDataKind, string> = {
  bsn: '[BSN]',
  phone: '[telefoon]',
  email: '[e-mail]',
  birthdate: '[geboortedatum]',
  address: '[adres]',
  name: '[naam]',
  iban: '[rekeningnummer]',
};

const ORDER: PersonalDataKind[] = ['name', 'bsn', 'birthdate', 'address', 'phone', 'email', 'iban'];

/** Replaces personal data with placeholders such as "[BSN]"; overlapping finds merge. */
export function redact(text: string, now: Date = new Date()): Redaction {
  const found = DETECTORS.flatMap((detect) => detect(text, now)).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else kept.push({ ...span });
  }
  let result = '';
  let at = 0;
  for (const span of kept) {
    result += text.slice(at, span.start) + PLACEHOLDER[span.kind];
    at = span.end;
  }
  result += text.slice(at);
  const kinds = new Set(kept.map((s) => s.kind));
  return { text: result, found: ORDER.filter((k) => kinds.has(k)) };
}

/** The sentence that tells the user what was removed, or undefined when nothing was. */
export function privacyNotice(redaction: Redaction, t: Translate): string | undefined {
  if (redaction.found.length === 0) return undefined;
  const kinds = redaction.found.map((k) => t(`privacy.kind.${k}`)).join(', ');
  return t('privacy.removed', { kinds });
}
