/**
 * The words right after a name that make it a person's, so that even a first name alone goes:
 * a role or age set off after it ("Wim (cliënt)", "Xander, mijn cliënt,", "Jayden (8)", "Noor, 14
 * jaar,") or a relative of theirs ("Yusuf en zijn broer", "Bram zijn moeder", "Sarah's mother").
 */
const ROLE =
  "cli[eë]nte?|client|pati[eë]nte?|patient|bewoner|bewoonster|deelnemer|resident|zoon|dochter|vader|moeder|broer|zus|opa|oma|partner|" +
  'echtgeno(?:ot|te)|kleinzoon|kleindochter|pleeg\\p{L}+|stief\\p{L}+|son|daughter|father|mother|brother|sister|husband|wife|grand\\p{L}+';
const KIN =
  'zoon|dochter|vader|moeder|ouders|broer|broertje|zus|zusje|opa|oma|man|vrouw|partner|kinderen|kind|familie|mentor|curator|bewindvoerder|' +
  'begeleider|casemanager|mantelzorger|dossier|indicatie|son|daughter|father|mother|parents|brother|sister|husband|wife|children|family|guardian|carer|caregiver|file|case';

// After any capitalised name: a role in brackets or set off by commas.
const ROLE_AFTER = new RegExp(`^\\s*(?:\\(\\s*(?:(?:mijn|onze|de|een|my|our|the|a)\\s+)?(?:${ROLE})\\s*\\)|,\\s*(?:mijn|onze|my|our)\\s+(?:${ROLE})(?![\\p{L}]))`, 'iu');
// After a listed first name: an age in brackets or after a comma, or a relative of theirs.
const FIRST_NAME_AFTER = new RegExp(
  `^(?:\\s*\\(\\s*\\d{1,3}\\s*(?:jaar|jr|j|y|yrs|years|yo)?\\.?\\s*\\)|\\s*,\\s*\\d{1,3}\\s*(?:jaar|jr|j|years|yrs|y)(?![\\p{L}])|\\s+(?:en|and|&)\\s+(?:zijn|haar|z'n|d'r|his|her|their)\\s+(?:${KIN})(?![\\p{L}])|\\s+(?:zijn|haar|z'n|d'r)\\s+(?:${KIN})(?![\\p{L}])|['’]s?\\s+(?:${KIN})(?![\\p{L}]))`,
  'iu',
);

/** Do the words after a capitalised name (`after`, the text that follows it) make it a person's? */
export const personAfter = (after: string) => ROLE_AFTER.test(after);
/** The same for a listed first name, which ages and relatives also mark. */
export const personAfterFirstName = (after: string) => FIRST_NAME_AFTER.test(after);
