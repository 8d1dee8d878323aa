/**
 * Identifiers that point at one person without being a name or a BSN: client, dossier, patient
 * and case numbers after their label ("dossiernr 2023-0456", "cliëntnummer 778812", "patient ID
 * 4471236"), Dutch licence plates in their official shapes ("KL-483-P", "75-XNT-3"), social-media
 * handles and profile links ("insta @sanne_kok92", "facebook.com/annie.degroot.37"), and personal
 * fields in a link's query ("…?bsn=…&email=…").
 */
import { NOT_NAMES } from './data/words.ts';
import { mayHaveDigits, mayMatch } from './gates.ts';
import { matches, type Detector, type PersonalDataKind, type Span } from './span.ts';

// Words whose number is a person's record: glued to or followed by nummer/nr/id ("cliëntnummer",
// "dossier nr.", "patient ID", "polisnummer"). Strong ones also stand alone: "dossier 2023-0456".
// Court numbers ("zaaknummer 19/1234 WLZ") are public references in rulings: they stay (a municipality's
// "zaaknummer Z/23/…" goes, caseOrShort below).
// "aangemeld onder nummer CR-2291-44": what a person is registered under.
const STRONG_STEMS = '(?:zorg|jeugd|wlz|wmo|ggz|ecd|epd)?-?dossier|cli[eë]nt|client|pati[eë]nt|patient|bewoner|resident|mrn|epd|ecd';
const WEAK_STEMS =
  'zorg|persoons|file|record|registratie|indicatie|indicatiebesluit|aanvraag|besluit|beschikking|klant|relatie|verzekerden?|verzekerings?|' +
  'polis|policy|insurance|lid|leden|member|membership|paspoort|passport|rijbewijs|licen[cs]e|id-?kaart|id[\\s-]?card|identiteitskaart|identity\\s+card|' +
  'document|pas|zorgpas|budgethouder|svb|hospital|ziekenhuis|nhs|medical\\s+record|zorgverzekering|verzekering|' +
  'budget|ciz|cak|wlz|wmo|jeugdwet|toewijzing|zorgtoewijzing|aanmelding|aanmeld|referentie|reference|case';
const SUFFIX = '(?:[\\s_-]?(?:nummer|nr|no|number|num|id|code))';
// An id: letters and digits with . / - inside, or digit groups with spaces ("943 476 5919").
// The id holds a digit somewhere (checked ahead), so a word after the label ("besluit met kenmerk …")
// is never taken for the id, which would hide the real one after it.
const ID = '(?=[\\p{L}\\p{N}./-]*\\d)(?<id>\\d{2,4}(?: \\d{2,4}){1,4}(?![\\p{L}\\p{N}])|[\\p{L}\\p{N}](?:[\\p{L}\\p{N}]|[./-](?=[\\p{L}\\p{N}])){3,29})';
// Whose number it is, said between the label and the number: "dossiernummer zorgkantoor ZK-7781203".
const ORG_WORDS = 'zorgkantoor|gemeente|zorgverzekeraar|verzekeraar|ziekenhuis|huisarts|wijkteam|zorgaanbieder|instelling';
const RECORD = new RegExp(
  `(?<![\\p{L}])(?:(?:${STRONG_STEMS})(?:s?${SUFFIX})?|(?:${WEAK_STEMS})s?${SUFFIX}|onder\\s+(?:het\\s+)?(?:nummer|kenmerk))(?![\\p{L}])\\.?(?:\\s+(?:bij|van|at|with|from)(?:\\s+\\p{Lu}[\\p{L}&-]*){1,3}(?=\\s+(?:is|was)\\s))?(?:\\s+(?:is|was|van\\s+\\p{L}+))?(?:\\s+(?:${ORG_WORDS}))?(?:\\s+(?<org>\\p{L}{2,5})(?![\\p{L}\\p{N}-]))?\\s*[:=#/]?\\s*(?:nr\\.?\\s*|no\\.?\\s*|#\\s*)?${ID}(?![\\p{L}\\p{N}])`,
  'giu',
);

// A decision or letter and its reference, also with the body's abbreviation between: "beschikking
// JW-2024-0042", "kenmerk CIZ CIZ-24-889123". The id must hold letters and digits, or seven digits or
// more: "besluit 2024-11" (a policy decision's number) stays.
const REFERENCE = new RegExp(
  `(?<![\\p{L}])(?:beschikking|besluit|indicatiebesluit|kenmerk|ons\\s+kenmerk|uw\\s+kenmerk|referentie|reference|ref)\\.?(?:\\s+(?:van\\s+(?:de|het)\\s+)?(?<org>\\p{L}{2,5})(?![\\p{L}\\p{N}-]))?\\s*[:=#]?\\s*(?:nr\\.?\\s*|no\\.?\\s*)?${ID}(?![\\p{L}\\p{N}])`,
  'giu',
);
const referenceId = (id: string) => {
  const digits = id.replace(/\D/g, '').length;
  return (digits >= 4 && /\p{L}/u.test(id)) || digits >= 7;
};

/** An id is a person's number when it holds at least four digits and is no bare year. */
function recordId(id: string): boolean {
  const digits = id.replace(/\D/g, '');
  if (digits.length < 4) return false;
  if (/^(?:19|20)\d{2}$/.test(id)) return false;
  return digits.length >= 5 || /[\p{L}./-]/u.test(id);
}

// Four digits right after a word for the person ("client 4471 wants …", "bewoner 3812"): their
// number in a small organisation's system. Not a year, not an amount or a count ("cliënt 1500 euro").
const PERSON_WORD_FIRST = /^(?:cli[eë]nt|client|pati[eë]nt|patient|bewoner|resident)(?:[\s_-]?(?:nummer|nr|no|number|id))?\.?\s*[:#]?\s*\d{4}$/iu;
const UNIT_AFTER = /^\s*(?:euro|eur|€|uur|u|min|minuten|km|mensen|keer|x|%|procent|plaatsen|plekken|cli[eë]nten|clients|people|hours)(?![\p{L}])/iu;
const shortClientNumber = (match: string, id: string, after: string) =>
  /^\d{4}$/.test(id) && !/^(?:19|20)\d{2}$/.test(id) && PERSON_WORD_FIRST.test(match) && !UNIT_AFTER.test(after);

// More numbers after the first: "dossier C-7781 en C-7782", "cliëntnummers 778812, 778813".
const MORE_IDS = new RegExp(`^\\s*(?:,|;|/|&|en|and|of|or)\\s*${ID}(?![\\p{L}\\p{N}])`, 'iu');

// Between label and number only an organisation's abbreviation in capitals: "polisnr. VGZ 123456789".
const orgOk = (org: string | undefined) => org === undefined || org === org.toUpperCase();

// A record number holds at least four digits (recordId), so does a reference (referenceId).
const record: Detector = (text) =>
  [...(mayHaveDigits(text, 4) ? text.matchAll(RECORD) : [])].flatMap((m) => {
    const id = m.groups!.id;
    if (!(recordId(id) || shortClientNumber(m[0], id, text.slice(m.index! + m[0].length, m.index! + m[0].length + 16))) || !orgOk(m.groups!.org)) return [];
    const start = m.index! + m[0].length - id.length;
    const out: Span[] = [{ start, end: start + id.length, kind: 'record' }];
    let cursor = start + id.length;
    for (let more = MORE_IDS.exec(text.slice(cursor, cursor + 80)); more && recordId(more.groups!.id) && out.length < 20; more = MORE_IDS.exec(text.slice(cursor, cursor + 80))) {
      const end = cursor + more[0].length;
      out.push({ start: end - more.groups!.id.length, end, kind: 'record' });
      cursor = end;
    }
    return out;
  });

const reference: Detector = (text) =>
  [...(mayHaveDigits(text, 4) ? text.matchAll(REFERENCE) : [])].flatMap((m) => {
    const id = m.groups!.id;
    if (!referenceId(id) || !orgOk(m.groups!.org)) return [];
    const start = m.index! + m[0].length - id.length;
    return [{ start, end: start + id.length, kind: 'record' as const }];
  });

// A case file's number in a social-domain body's own shape, with or without a label: "WMO-2025-004417",
// "VT-0025-33871", "JW/2024/0042". The body's letters in capitals, then a year or series and a serial
// of four digits or more. (A court's numbers, "AWB 19/1234", are public references and stay.)
const BODY_CASE = /(?<![\p{L}\p{N}])(?:WMO|WLZ|JW|JGD|VT|ZK|CIZ|SVB|CAK|GGZ|MEE|BW|SD)[-/_](?:\d{2,4}[-/_])?\d{4,}(?![\p{L}\p{N}])/gu;
const BODY_CODE = /(?:WMO|WLZ|JW|JGD|VT|ZK|CIZ|SVB|CAK|GGZ|MEE|BW|SD)[-/_]\d/u;
const bodyCase: Detector = (text) =>
  [...(mayMatch(text, BODY_CODE) ? text.matchAll(BODY_CASE) : [])].map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'record' as const }));

// A municipality's case ("zaaknummer Z/23/0045871", "Zaak 2024/00812") and a client number written short
// ("cl.nr. 0088123", "pt.nr 44812"). A court's number stays: two digits of the year, a slash and the case
// ("zaaknummer 19/1234"), or after the court's letters ("zaaknummer AWB 21/3456", which the id's digit check skips).
const CASE_OR_SHORT = new RegExp(`(?<![\\p{L}])(?:zaak(?:nummer|nr)?|(?:cl|clt|pt|pat)\\.?\\s?nr)\\.?\\s*[:#]?\\s*${ID}(?![\\p{L}\\p{N}])`, 'giu');
const COURT_NUMBER = /^\d{2}\/\d{3,6}$/;
const CASE_WORD = /zaak|nr/i;
const caseOrShort: Detector = (text) =>
  [...(mayHaveDigits(text, 4) && mayMatch(text, CASE_WORD) ? text.matchAll(CASE_OR_SHORT) : [])].flatMap((m) => {
    const id = m.groups!.id;
    if (!recordId(id) || COURT_NUMBER.test(id)) return [];
    const start = m.index! + m[0].length - id.length;
    return [{ start, end: start + id.length, kind: 'record' as const }];
  });

// The official Dutch side codes (L a letter, D a digit): every plate since 1951.
const SIDE_CODES = new Set(['LL-DD-DD', 'DD-DD-LL', 'DD-LL-DD', 'LL-DD-LL', 'LL-LL-DD', 'DD-LL-LL', 'DD-LLL-D', 'D-LLL-DD', 'LL-DDD-L', 'L-DDD-LL', 'LLL-DD-L', 'L-DD-LLL', 'D-LL-DDD', 'DDD-LL-D']);
const PLATE = /(?<![\p{L}\p{N}-])([a-z0-9]{1,3})([- ])([a-z0-9]{1,3})\2([a-z0-9]{1,3})(?![\p{L}\p{N}]|-[\p{L}\p{N}])/giu;
// (A few words may come between: "kenteken zonder streepjes: 52XKL7", "kenteken van zijn auto is …".)
const PLATE_LABEL = /(?:kenteken|nummerbord|licen[cs]e\s+plate|number\s+plate|plate|registration)(?:\s+\p{L}+){0,3}?\s*(?:nummer|number|nr\.?|is|was)?\s*:?\s*$/iu;

// After "kenteken" also run together: "nummerbord gx123b" (its letters and digits in a side code's order).
const GLUED_PLATE = /(?<![\p{L}\p{N}-])[a-z0-9]{6}(?![\p{L}\p{N}]|-[\p{L}\p{N}])/giu;
const GLUED_SHAPES = new Set([...SIDE_CODES].map((c) => c.replace(/-/g, '')));
// A glued plate counts only after its label (PLATE_LABEL), so a text without a label word is skipped.
const PLATE_WORD = /kenteken|nummerbord|plate|registration/iu;
const gluedPlates = (text: string): Span[] =>
  [...(mayMatch(text, PLATE_WORD) ? text.matchAll(GLUED_PLATE) : [])].flatMap((m) => {
    const shape = [...m[0]].map((c) => (/\d/.test(c) ? 'D' : 'L')).join('');
    if (!GLUED_SHAPES.has(shape) || !PLATE_LABEL.test(text.slice(Math.max(0, m.index! - 30), m.index!))) return [];
    return [{ start: m.index!, end: m.index! + m[0].length, kind: 'plate' as const }];
  });

// Every side code holds a digit.
const plate: Detector = (text) =>
  (mayHaveDigits(text) ? [...gluedPlates(text), ...text.matchAll(PLATE)] : []).flatMap((m) => {
    if (!Array.isArray(m)) return [m];
    const shape = [m[1], m[3], m[4]].map((g) => (/^\d+$/.test(g) ? 'D'.repeat(g.length) : /^\p{L}+$/u.test(g) ? 'L'.repeat(g.length) : '?')).join('-');
    if (!SIDE_CODES.has(shape)) return [];
    // Written in capitals with dashes it is a plate anywhere; in lower case or with spaces only after "kenteken".
    const labelled = PLATE_LABEL.test(text.slice(Math.max(0, m.index! - 30), m.index!));
    if (!labelled && (m[2] !== '-' || m[0] !== m[0].toUpperCase())) return [];
    return [{ start: m.index!, end: m.index! + m[0].length, kind: 'plate' as const }];
  });

// A handle: "@sanne_kok92". Without a platform word before it, only one with a digit, underscore or
// dot counts (a plain "@Marieke" is a colleague mentioned in the chat; the edge keeps mentions).
const HANDLE = /(?<![\p{L}\p{N}_.@<\/])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,28}[\p{L}\p{N}_])?)(?![\p{L}\p{N}_@]|\.[\p{L}])/gu;
const SOCIAL_CUE =
  /(?:insta|instagram|ig|tiktok|twitter|x|snapchat|snap|facebook|fb|telegram|threads|bluesky|youtube|mastodon|handle|account|gebruikersnaam|username|user\s+name|volg|volgen|follow|profiel|profile|dm)\b[^.\n]{0,20}$/iu;
// Profile links on social networks ("facebook.com/annie.degroot.37", "wa.me/316…"); pages of organisations stay.
// The subdomain is one short label: an open-ended one ("(?:[a-z0-9-]+\.)*") is quadratic on "12-12-12-…".
const SOCIAL_URL =
  /(?<![\p{L}\p{N}.-])(?:https?:\/\/)?(?:(?:www|m|mobile|web|[a-z]{2}(?:-[a-z]{2})?)\.)?(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|tiktok\.com|twitter\.com|x\.com|linkedin\.com|snapchat\.com|youtube\.com|threads\.net|bsky\.app|t\.me|wa\.me|m\.me|reddit\.com)\/(?!(?:company|school|showcase|groups|pages|events|hashtag|help|legal|policies)\/)[^\s<>|()"'\]]+/giu;

// After a platform word and a colon, a handle without its "@": "snapchat: mo_010x", "insta sanne.kok92".
// Only one with a digit, underscore or dot in it (a plain word after "insta" is a sentence).
const CUED_HANDLE =
  /(?<![\p{L}])(?:insta|instagram|ig|tiktok|twitter|snapchat|snap|telegram|threads|bluesky|discord|tumblr|pinterest|twitch|kik)[ \t]*(?:account|handle|naam|name)?[ \t]*(?:[:=]|(?:als|is|as)(?![\p{L}]))?[ \t]+(?!@)([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{1,28}[\p{L}\p{N}_]))(?![\p{L}\p{N}_@]|\.[\p{L}])/giu;

// What each kind of handle cannot do without: a link's slash, an "@", and in a cued handle a digit,
// an underscore or a dot inside it (checked below).
const SLASH = /\//;
const AT = /@/;
const CUED_HANDLE_MARK = /\d|_|\.[\p{L}\p{N}_]/u;

/** Handles whose name is in `kept` (the people mentioned on the platform) stay unless a platform word marks them. */
export function handles(text: string, kept: ReadonlySet<string> = new Set()): Span[] {
  const out = mayMatch(text, SLASH) ? matches(text, SOCIAL_URL, 'handle') : [];
  for (const m of mayMatch(text, CUED_HANDLE_MARK) ? text.matchAll(CUED_HANDLE) : []) {
    const h = m[1];
    if (!/[\d_.]/.test(h) || !/\p{L}/u.test(h) || /^\d+(?:\.\d+)*$/.test(h)) continue;
    const start = m.index! + m[0].length - h.length;
    out.push({ start, end: start + h.length, kind: 'handle' });
  }
  for (const m of mayMatch(text, AT) ? text.matchAll(HANDLE) : []) {
    const cued = SOCIAL_CUE.test(text.slice(Math.max(0, m.index! - 40), m.index!));
    if (!cued && (!/[\d_.]/.test(m[1]) || kept.has(m[1].toLowerCase()))) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'handle' });
  }
  return out;
}

// Personal fields in a link's query or path: "?bsn=…", "&email=…", "/clientId=…".
const QUERY_FIELDS: Record<string, PersonalDataKind> = {
  bsn: 'bsn', burgerservicenummer: 'bsn', email: 'email', mail: 'email', 'e-mail': 'email', naam: 'name', name: 'name', achternaam: 'name',
  voornaam: 'name', firstname: 'name', lastname: 'name', tel: 'phone', phone: 'phone', telefoon: 'phone', mobiel: 'phone', mobile: 'phone',
  dob: 'birthdate', geboortedatum: 'birthdate', birthdate: 'birthdate', postcode: 'address', zip: 'address', adres: 'address', address: 'address',
  iban: 'iban',
  // A person's id in a form's or record system's link: "…&id=44812", "?clientId=…", "?dossiernr=…".
  id: 'record', clientid: 'record', client_id: 'record', clientnr: 'record', clientnummer: 'record', dossier: 'record', dossierid: 'record',
  dossiernr: 'record', dossiernummer: 'record', patientid: 'record', patient_id: 'record', pid: 'record', userid: 'record', user_id: 'record',
};
const QUERY = new RegExp(`[?&;](${Object.keys(QUERY_FIELDS).join('|')})=([^&#\\s<>|"']+)`, 'giu');

const EQUALS = /=/;
const query: Detector = (text) =>
  [...(mayMatch(text, EQUALS) ? text.matchAll(QUERY) : [])].map((m) => {
    const start = m.index! + m[0].length - m[2].length;
    return { start, end: start + m[2].length, kind: QUERY_FIELDS[m[1].toLowerCase()] };
  });

// A person's name as a segment of a link's path, after the segment for people and an optional id:
// "…/clients/448812/jansen-maria", "…/profiel/maria.jansen". A name of two to four words joined by - _ or .
const PATH_NAME =
  /(?:https?:\/\/|www\.)[^\s<>"'()]*?\/(?:clients?|cli[eë]nte?n?|patients?|pati[eë]nte?n?|bewoners?|residents?|dossiers?|users?|profiel(?:en)?|profiles?|people|personen|members?|leden|medewerkers?)\/(?:[\p{L}\p{N}_-]*\d[\p{L}\p{N}_-]*\/)?(\p{L}+(?:[-_.]\p{L}+){1,3})(?=[/?#\s]|$)/giu;
const SLASH_WORD = /\/\p{L}/u;
const pathName: Detector = (text) =>
  mayMatch(text, SLASH_WORD)
    ? [...text.matchAll(PATH_NAME)]
        // Not a topic: "/dossiers/wlz-indicatie".
        .filter((m) => !m[1].split(/[-_.]/).some((w) => NOT_NAMES.has(w.toLowerCase())))
        .map((m) => {
          const start = m.index! + m[0].length - m[1].length;
          return { start, end: start + m[1].length, kind: 'name' as const };
        })
    : [];

/** Record numbers, plates and personal link fields; handles are found by `handles` (it needs the kept mentions). */
// Nine to twelve digits in one run with a word for a number or a card near it, but no label right
// before: a person's number ("het nummer 987654321 staat op haar zorgpas", a BSN with a typo).
// Amounts are written with dots, years and KvK/AGB codes are shorter, phone numbers are found as
// phones; a run inside a link, a time stamp or a decimal stays, and so does a count ("telt 123456789 woorden").
const LONG_DIGITS = /(?<![\p{L}\p{N}.,\/:+_-])\d{9,12}(?![\p{L}\p{N}_]|[.,:\/-][\p{L}\p{N}])/gu;
const NUMBER_NEAR = /(?<![\p{L}])(?:\p{L}*nummer|number|nr|no|id|\p{L}*pas|pasje|\p{L}*kaart|card)(?![\p{L}])/iu;
const longDigits: Detector = (text) =>
  mayHaveDigits(text, 9)
    ? [...text.matchAll(LONG_DIGITS)]
        .filter((m) => NUMBER_NEAR.test(text.slice(Math.max(0, m.index! - 32), m.index!)) || NUMBER_NEAR.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 32)))
        .map((m) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'record' as const }))
    : [];

export const identifiers: Detector = (text, now) => [...record(text, now), ...reference(text, now), ...bodyCase(text, now), ...caseOrShort(text, now), ...plate(text, now), ...query(text, now), ...pathName(text, now), ...longDigits(text, now)];
