/**
 * The detectors for Dutch personal data, in one list. Each reads the normalised text (see
 * normalise.ts) and returns spans; `redact` (index.ts) merges them and replaces them. They err on
 * the side of removing too much: a chat about client placement must not keep client data.
 */
import { address } from './addresses.ts';
import { birthdate } from './dates.ts';
import { email } from './email.ts';
import { identifiers } from './identifiers.ts';
import { name } from './names.ts';
import { bsn, iban, partialBsn, phone } from './numbers.ts';
import { foreignScriptNames } from './scripts.ts';
import type { Detector, Span } from './span.ts';

export { isValidBsn, isValidIban } from './numbers.ts';
export type { PersonalDataKind, Span, Detector } from './span.ts';

// Names in file names and links, where underscores stand for spaces: "Verslag_mw_Bakker.docx".
const nameBetweenUnderscores: Detector = (text, now) => (text.includes('_') ? name(text.replace(/_/g, ' '), now) : []);

// Names in the path of a link, where dashes, dots and underscores stand for spaces
// (".../client/ahmed-benali-1952"): the whole segment of the path goes, with what is glued to the name.
const LINK = /(?:https?:\/\/|www\.)[^\s<>"'()]+/giu;
const nameInLink: Detector = (text, now) => {
  if (!text.includes('://') && !text.includes('www.')) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(LINK)) {
    const link = m[0];
    const host = link.indexOf('://');
    const slash = link.indexOf('/', host >= 0 ? host + 3 : 0);
    if (slash < 0) continue;
    // Segments become lines, so no name runs across a "/" or "?".
    const path = link.slice(slash).replace(/[-_.+]/g, ' ').replace(/[/?&=#%]/g, '\n');
    for (const s of name(path, now)) {
      let a = s.start;
      let b = s.end;
      while (a > 0 && path[a - 1] !== '\n') a--;
      while (b < path.length && path[b] !== '\n') b++;
      out.push({ start: m.index! + slash + a, end: m.index! + slash + b, kind: 'name' });
    }
  }
  return out;
};

export const DETECTORS: Detector[] = [email, iban, phone, bsn, partialBsn, birthdate, address, name, nameBetweenUnderscores, nameInLink, foreignScriptNames, identifiers];
export { handles } from './identifiers.ts';
