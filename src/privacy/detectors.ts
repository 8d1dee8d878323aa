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
import { bsn, iban, phone } from './numbers.ts';
import { foreignScriptNames } from './scripts.ts';
import type { Detector } from './span.ts';

export { isValidBsn, isValidIban } from './numbers.ts';
export type { PersonalDataKind, Span, Detector } from './span.ts';

// Names in file names and links, where underscores stand for spaces: "Verslag_mw_Bakker.docx".
const nameBetweenUnderscores: Detector = (text, now) => (text.includes('_') ? name(text.replace(/_/g, ' '), now) : []);

export const DETECTORS: Detector[] = [email, iban, phone, bsn, birthdate, address, name, nameBetweenUnderscores, foreignScriptNames, identifiers];
export { handles } from './identifiers.ts';
