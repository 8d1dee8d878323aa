/**
 * The words right after a name that make it a person's, so that even a first name alone goes:
 * a role or age set off after it ("Wim (cliënt)", "Xander, mijn cliënt,", "Jayden (8)", "Noor, 14
 * jaar,") or a relative of theirs ("Yusuf en zijn broer", "Bram zijn moeder", "Sarah's mother",
 * "Kim en Tess zijn de dochters van mevrouw").
 */
import { COMMON_SURNAMES, PARTICLES } from './data/words.ts';

const ROLE =
  "cli[eë]nte?|client|pati[eë]nte?|patient|bewoner|bewoonster|deelnemer|resident|zoon|dochter|vader|moeder|broer|zus|opa|oma|partner|" +
  'echtgeno(?:ot|te)|kleinzoon|kleindochter|pleeg\\p{L}+|stief\\p{L}+|son|daughter|father|mother|brother|sister|husband|wife|grand\\p{L}+|' +
  'man|vrouw|weduwe|weduwnaar|widow|widower|tweeling|twin';
const KIN =
  'zoon|dochter|vader|moeder|ouders|broer|broertje|zus|zusje|opa|oma|man|vrouw|partner|kinderen|kind|familie|mentor|curator|bewindvoerder|' +
  'begeleider|casemanager|mantelzorger|dossier|indicatie|son|daughter|father|mother|parents|brother|sister|husband|wife|children|family|guardian|carer|caregiver|file|case|' +
  'kids|mama|papa|mam|mum|mom|dad|mummy|mommy|daddy|grand\\p{L}+|klein\\p{L}+|schoon\\p{L}+|stief\\p{L}+|\\p{L}+-in-law';

/**
 * After any capitalised word written with "'s": a relative of theirs ("Mo's broer", "Xu's daughter"). No
 * file or role here: "Buurtzorg's casemanager" names an organisation's worker.
 */
export const RELATIVE_AFTER_GENITIVE =
  /^\s+(?:zoon|dochter|vader|moeder|ouders|broer|broertje|zus|zusje|opa|oma|man|vrouw|kinderen|kind|kleinzoon|kleindochter|schoon\p{L}+|stief\p{L}+|son|daughter|father|mother|parents|brother|sister|husband|wife|children|mum|mom|dad|grand\p{L}+|\p{L}+-in-law)(?![\p{L}])/iu;
/** After a first name written with "'s": a relative or file of theirs ("Rosa's mum", "Emma's dossier"). */
// After "X's": a relative, or (3 Dec, red team 16) the person's own file: "Nienke's tweede aanvraag", "Sam's indicatie", "Omar's care plan".
export const POSSESSIVE_AFTER = new RegExp(`^\\s+(?:(?:eerste|tweede|derde|nieuwe|laatste|huidige|first|second|new|latest|current)\\s+)?(?:${KIN}|aanvraag|indicatie|indicatiebesluit|beschikking|dossier|zorgplan|zorgprofiel|budget|pgb|herindicatie|gedrag|medicatie|behandeling|begeleiding|diagnose|uitkering|schulden|application|indication|care\\s+plan|file|budget|behaviour|behavior|medication|treatment|diagnosis)(?![\\p{L}])`, 'iu');
// After any capitalised name: a role alone in brackets ("(cliënt)") or set off by commas ("Xander, mijn cliënt,").
const ROLE_AFTER = new RegExp(`^\\s*(?:\\(\\s*(?:(?:mijn|onze|de|een|my|our|the|a)\\s+)?(?:${ROLE})\\s*\\)|,\\s*(?:mijn|onze|my|our)\\s+(?:${ROLE})(?![\\p{L}]))`, 'iu');
// After a listed first name also more in the brackets: "Olga (moeder van Ivan)", "Jurre (VG, 17 jaar)".
const ROLE_OR_AGE_IN_BRACKETS = new RegExp(
  `^\\s*\\((?:\\s*(?:(?:mijn|onze|de|een|my|our|the|a)\\s+)?(?:${ROLE})(?![\\p{L}])[^()\\n]{0,40}|[^()\\n]{0,30}?(?<![\\p{L}\\p{N}])\\d{1,3}\\s*(?:jaar|jr|years|yrs|yo)(?![\\p{L}])[^()\\n]{0,30}|[^()\\n]{0,30}?(?<![\\p{L}])(?:noemen|noemt|noemde|heet|heette|roepnaam|bijnaam|called|named|nickname)(?![\\p{L}])[^()\\n]{0,30})\\)`,
  'iu',
);
// "Tim is 12 jaar", "Noor is net 14", "Sam is 9 years old": an age said of the person (not years of service: "is 10 jaar in dienst").
const AGE_VERB =
  "\\s+(?:is|was|wordt|werd|turns|turned)\\s+(?:nu\\s+|pas\\s+|net\\s+|bijna\\s+|al\\s+|now\\s+|only\\s+|just\\s+)?\\d{1,3}(?:\\s*(?:jaar|jr|years?)(?:\\s+(?:oud|old))?(?![\\p{L}\\p{N}]|\\s+(?:jaar\\s+)?(?:in\\s+dienst|bij|werkzaam|lid|geleden|getrouwd|ago|with|at|in)(?![\\p{L}]))|(?=\\s*(?:[,.;!?)]|$)|\\s+(?:en|and|maar|but)\\s))";
// After a listed first name: an age in brackets, after a comma or "van" ("Noor, 14 jaar", "Ahmed, 17
// met autisme", "voor Daan, 19?", "Henk van 84"), said next ("met Joyce? ze is 23"), or a relative of theirs.
const FIRST_NAME_AFTER = new RegExp(
  `^(?:\\s*\\(\\s*\\d{1,3}\\s*(?:jaar|jr|j|y|yrs|years|yo)?\\.?\\s*[),;/]|\\s*,\\s*(?:[\\p{L}-]+\\s*,\\s*)?\\d{1,3}\\s*(?:jaar|jr|j|years|yrs|y)(?![\\p{L}])|\\s+van\\s+\\d{1,3}(?:\\s*(?:jaar|jr))?(?![\\p{L}\\p{N}]|\\s*(?:tot|t\\/m|-|–|uur|u\\b|:|[.,]\\d|procent|%|euro))|[?.!,;]?\\s+(?:ze|zij|hij|he|she)\\s+(?:is|was|wordt|turns)\\s+(?:nu\\s+|pas\\s+|net\\s+|bijna\\s+|al\\s+|now\\s+|only\\s+|just\\s+)?\\d{1,3}(?:\\s*(?:jaar|jr|years?)(?:\\s+(?:oud|old))?)?(?![\\p{L}\\p{N}]|\\s+(?:jaar\\s+)?(?:in\\s+dienst|bij|werkzaam|lid|geleden|ago)(?![\\p{L}]))|\\s*,\\s*\\d{1,3}\\s*,|\\s+[-–]\\s*\\d{1,3}\\s*(?:jaar|jr|j|years|yrs)(?![\\p{L}])|\\s*,\\s*\\d{1,3}(?:\\s*(?:[.?!;)]|$)|\\s+(?:met|with|en|and|uit|from|heeft|has|is|woont|lives|wacht|waits|zit)(?![\\p{L}]))|${AGE_VERB}|\\s+(?:en|and|&)\\s+(?:zijn|haar|z'n|d'r|his|her|their)\\s+(?:${KIN})(?:tje|je)?(?![\\p{L}])|\\s+(?:zijn|haar|z'n|d'r)\\s+(?:${KIN})(?![\\p{L}])|['’]s?\\s+(?:${KIN})(?![\\p{L}])|\\s+(?:woont|woonde|wonen|logeert|verblijft|lives|stays)\\s+(?:nu\\s+|nog\\s+|now\\s+)?(?:bij|with)\\s+(?:zijn|haar|z'n|d'r|hun|de|een|his|her|their|a)\\s+(?:${KIN}|oom|tante|neef|nicht|opa|oma|aunt|uncle|grandparents|grootouders|pleeg\\p{L}+)(?![\\p{L}])|(?:\\s+(?:en|and|&)\\s+\\p{Lu}\\p{L}+)?\\s+(?:is|zijn|was|waren|are|were)\\s+(?:de|het|haar|zijn|hun|een|the|her|his|their|a)\\s+(?:${KIN})(?:s|en|eren)?(?![\\p{L}]))`,
  'iu',
);

// After a listed first name: the state of a person in care, within the same clause ("Kees heeft een
// VG7-indicatie", "Noor woont alleen", "Kees is opgenomen", "met Kees gaat het slecht"). A colleague's
// work ("Bram heeft de actie afgerond", "Emma heeft een vraag over de indicatie van haar cliënt") names
// no such state: a question, "over", "voor" or someone else's client before the state word stops it.
const CARE_STATE = new RegExp(
  `^\\s+(?:heeft|had|is|was|zit|zat|woont|woonde|wacht|wachtte|krijgt|kreeg|ligt|lag|gaat|ging|kan|kon|moet|moest|mag|wil|wilde|eet|at|slaapt|sliep|has|had|is|was|lives|lived|needs|gets|got|can|cannot|must|wants|won't|refuses|weigert|weigerde)(?![\\p{L}])(?:(?!(?:vraag|vragen|question|over|about|voor|for|haar|zijn|zijn|her|his|their)(?![\\p{L}]))[^.?!\\n;]){0,40}?(?<![\\p{L}])(?:indicatie|wlz-indicatie|diagnose|dementie|alzheimer|autisme|lvb|nah|korsakov|opgenomen|gevallen|overleden|verhuisd|crisis\\p{L}*|wachtlijst|zorgprofiel|zzp|vg\\s?\\d|vv\\s?\\d|lg\\s?\\d|ggz|pgb|alleen|verpleeghuis|instelling|gezinshuis|dagbesteding|plek|plaatsing|ziekenhuis|thuis\\s+(?:blijven|wonen)|uit\\s+huis|het\\s+(?:niet\\s+)?(?:goed|slecht|beter|minder)|eten|drinken|slapen|douchen|wassen|medicatie|medicijnen|verhuizen|weglopen|weggelopen|naar\\s+huis|admitted|eat|drink|sleep|medication|diagnosed|dementia|autism|waiting\\s+list|nursing\\s+home|care\\s+home|placement|hospital)(?![\\p{L}])`,
  'iu',
);
// The same state in a clause with the verb at the end: "dat Sunil niet thuis kan blijven", "dat Noor opgenomen is".
const CARE_STATE_LAST = /^\s+(?:(?:niet|nog|meer|al|weer|toch)\s+)*(?:thuis\s+(?:(?:kan|kon|mag|moet|wil)\s+)?(?:blijven|wonen)|opgenomen\s+(?:is|wordt|was)|overleden\s+is|gevallen\s+is)(?![\p{L}])/iu;
// A question with the verb first: "is Fatima al ingeschreven bij het CIZ?", "heeft Kees al een indicatie?".
const VERB_FIRST = /(?:^|[\s,.?!:;])(?:is|heeft|zit|woont|wacht|krijgt|kan|mag|moet|wil|gaat|staat|has|does|can|will)\s*$/iu;
const STATE_AFTER_VERB_FIRST = /^\s+(?:(?:al|nog|inmiddels|niet|toch|ook|wel|already|still|not|yet)\s+)*(?:\p{L}+\s+){0,3}?(?:ingeschreven|aangemeld|geregistreerd|geplaatst|opgenomen|ge[iï]ndiceerd|indicatie|wlz-indicatie|op\s+de\s+wachtlijst|in\s+zorg|in\s+behandeling|thuis\s+(?:blijven|wonen)|verhuisd|overleden|gevallen|registered|admitted|placed|on\s+the\s+(?:waiting\s+)?list)(?![\p{L}])/iu;

// Right after the name (adverbs only between), what a person in care did: "heeft henk weer geweigerd
// om te eten", "is Ilse weer weggelopen", "has Tom refused his meds again".
const CONDUCT_AFTER_VERB_FIRST = /^\s+(?:(?:al|nog|weer|opnieuw|vannacht|vandaag|gisteren|again|already)\s+)*(?:geweigerd|weggelopen|gedwaald|gevallen|refused|fallen|wandered\s+off)(?![\p{L}])/iu;

// Before a listed first name, a verb of bodily care with its subject: "we verzorgen Gerrit", "sinds maart
// verplegen we Ilse", "wassen jullie Kees?", "we care for Betty". Only a person in care is washed or
// nursed (not "begeleiden": colleagues and interns are guided too).
const CARED_FOR_BEFORE =
  /(?<![\p{L}])(?:verzorg(?:en|t|de|den)?|verpleeg(?:t|de|den)?|verplegen|wassen|wast|waste|wasten|douche[nt]?|douchte|tillen|tilt|tilde|(?:take|takes|took|taking)\s+care\s+of|care[sd]?\s+for|caring\s+for|nurse[sd]?|nursing|bathe[sd]?|bathing)\s+(?:(?:we|wij|ik|jullie|ze|zij|hij|je|u|you|they|i)\s+)?(?:(?:al|nu|nog|ook|sinds\s+kort|dagelijks|vandaag|morgen|straks|now|still|also|today|daily)\s+)*$/iu;

/** Before a listed first name: a possessive ("onze Kees", "mijn Jeroen") or how they are doing ("het gaat slecht met Piet"). */
const PERSON_BEFORE =
  /(?:(?<![\p{L}])(?:onze|ons|mijn|m'n|my|our)|gaat\s+(?:het\s+)?(?:niet\s+)?(?:goed|slecht|beter|minder|achteruit)\s+met|(?<![\p{L}])(?:dossier|zorgplan|indicatie|beschikking|aanvraag|aanmelding|casus|situatie|zorgdossier|behandelplan|ondersteuningsplan|file|case|care\s+plan|casemanager|case\s+manager|begeleider|woonbegeleider|trajectbegeleider|persoonlijk\s+begeleider|mentor|bewindvoerder|curator|cli[eë]ntondersteuner|regiebehandelaar|behandelaar|contactpersoon|voogd|gezinsvoogd|jeugdbeschermer|guardian|carer|caregiver)\s+(?:van|of)\s+)\s*$/iu;
const WITH_BEFORE = /(?<![\p{L}])met\s+$/iu;

/** Does the clause around a listed first name describe a person in care? `before`/`after`: the text on either side. */
export const personInCare = (before: string, after: string) =>
  (VERB_FIRST.test(before) && (STATE_AFTER_VERB_FIRST.test(after) || CONDUCT_AFTER_VERB_FIRST.test(after))) ||
  CARE_STATE.test(after) || CARE_STATE_LAST.test(after) || PERSON_BEFORE.test(before) || CARED_FOR_BEFORE.test(before) || (WITH_BEFORE.test(before) && /^\s+gaat\s+het(?![\p{L}])/iu.test(after));

// "'t Hart is haar meisjesnaam", "Okafor is his surname": a word said to be someone's name.
const IS_NAME_AFTER = /^\s+(?:is|was)\s+(?:haar|zijn|hun|her|his|their)\s+(?:meisjesnaam|geboortenaam|achternaam|voornaam|roepnaam|bijnaam|naam|maiden\s+name|surname|first\s+name|nickname|name)(?![\p{L}])/iu;
/** Do the words after a capitalised name (`after`, the text that follows it) make it a person's? */
export const personAfter = (after: string) => ROLE_AFTER.test(after) || IS_NAME_AFTER.test(after) || BORN_NEXT.test(after);
// A birth said right after it: "Nguyễn Văn Minh, geb. 12-03-1951", "Tan (geboren 1940)", "Okafor, born 1948", "Kaya (*1951)".
const BORN_NEXT = /^[ \t]*[,(][ \t]*(?:geb\.?|geboren|born|d\.?o\.?b\.?|°|\*)[ \t]*(?:(?:op|on|in)[ \t]+|:[ \t]*)?(?:\d|(?:jan|feb|maa|mar|mrt|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)\p{L}*[ \t]+\d)/iu;
// English word order for a family: "the Nguyen family", "this Bakker household".
const THE_BEFORE = /(?<![\p{L}])(?:the|this|that)\s+$/iu;
const FAMILY_AFTER = /^\s+(?:family|household)(?![\p{L}])/iu;
/** Is a capitalised name between `before` and `after` a family's name in English order? */
export const familyName = (before: string, after: string) => THE_BEFORE.test(before) && FAMILY_AFTER.test(after);
/** Contact details right after a name: "Chidi Okafor, e-mail …", "Deepa Patel, deepa.patel@…, 06-…", "Sri Wahyuni (sri@…)". */
export const CONTACT_AFTER = /^\s*[,:(–-]?\s*(?:(?:e-?mail(?:adres)?|mail|tel(?:efoon)?(?:nummer)?|phone|mobiel|mobile|gsm)\b|\+\d|0\d|[\p{L}\p{N}._%+-]+@)/iu;
// A person's own family, told after their name: "haar broer", "zijn vrouw", "(heeft) 4 kinderen", "een dochter".
const OWN_FAMILY = 'zoon|zoontje|dochter|dochtertje|vader|moeder|ouders|broer|zus|man|vrouw|kinderen|kind|tweeling|son|daughter|father|mother|parents|brother|sister|husband|wife|children|kids|twins';
const POSSESSED = "(?<![\\p{L}])(?:haar|zijn|z'n|d'r|her|his)\\s+(?:\\p{L}+\\s+)?";
const COUNTED = '(?:een|\\d{1,2}|twee|drie|vier|vijf|zes|a|two|three|four|five|six)\\s+(?:\\p{L}+\\s+)?';
/**
 * After a whole name, in its sentence, the person's own family: "Zarmina Mohammadi heeft 4 kinderen en haar man …",
 * "Sahar Rahimi wil haar broer …", "Daria Popova heeft een dochter": a person, not an organisation.
 */
export const OWN_FAMILY_AFTER = new RegExp(`^[^.?!\\n]{0,80}?(?:${POSSESSED}|(?<![\\p{L}])(?:heeft|has)\\s+${COUNTED})(?:${OWN_FAMILY})(?![\\p{L}])`, 'iu');
/**
 * After one word opening a clause, a verb of a person and then their age or own family: "Rinse is 8", "Storm is
 * 7 jaar", "Blessing heeft drie kinderen", "Mebrahtu wil zijn vrouw en kinderen …". Stricter than for a whole
 * name: one capitalised word may be any word ("Bewoonster (88)", "Caller says her brother").
 */
export const PERSON_VERB_AFTER = new RegExp(
  `^\\s+(?:heeft|wil|woont|belt|zoekt|krijgt|has|wants|lives)\\s+(?:[^.?!\\n]{0,40}?${POSSESSED}|${COUNTED})(?:${OWN_FAMILY})(?![\\p{L}])|^\\s+(?:is|wordt)\\s+(?:nu\\s+|pas\\s+|net\\s+|bijna\\s+)?\\d{1,2}(?:\\s*(?:jaar|jr))?(?:\\s+oud)?(?=\\s*(?:[,.;!?)]|en\\s|$))`,
  'iu',
);
/** A word for someone's job that opens a line ("Wijkverpleegkundige Nienke Dekker, 06-…"): no part of the name after it. */
export const ROLE_NOUN = /(?:kundige|werker|consulent|begeleider|manager|co[oö]rdinator|adviseur|functionaris|ondersteuner|medewerker|arts|therapeut|psycholoog|regisseur|makelaar|verlener|behandelaar|pedagoog|assistent|secretaresse|directeur|leider|planner|verzorgende)$/u;
/** The same for a listed first name, which ages and relatives also mark. */
export const personAfterFirstName = (after: string) => FIRST_NAME_AFTER.test(after) || ROLE_OR_AGE_IN_BRACKETS.test(after) || TELLS_OF_OWN_FAMILY.test(after);
// Someone telling about their own relative is family of a person in care, not a colleague at work:
// "Anna told me her father was rejected", "Fenna zei dat haar moeder …".
const TELLS_OF_OWN_FAMILY =
  /^\s+(?:told|tells|said|says|wrote|zei|zegt|vertelde|vertelt|schreef|mailde|appte)\s+(?:(?:me|us|mij|ons)\s+)?(?:that\s+|dat\s+)?(?:her|his|their|haar|zijn|hun|z'n|d'r)\s+(?:zoon|dochter|vader|moeder|ouders|broer|zus|opa|oma|man|vrouw|kind|kinderen|son|daughter|father|mother|parents|brother|sister|husband|wife|children|mum|mom|dad|grand\p{L}+|schoon\p{L}+)(?![\p{L}])/iu;

// Word lists and patterns the name detector (names.ts) uses around a name.
// Common surnames that are no Dutch word or place as well (not "Bakker", "Visser", "Bos", "Maas", "Post").
const SURNAMES_THAT_ARE_WORDS = new Set(
  `jong vries berg dijk bakker visser smit boer groot bos vos wit graaf meer kok haan heuvel veen broek bruin beek ven
  dam wal prins jonge brink wijk vink ridder pol post bot witte koster kramer kuiper smid maas vliet linden`.split(/\s+/),
);
export const DISTINCTIVE_SURNAMES = new Set([...COMMON_SURNAMES].filter((s) => !SURNAMES_THAT_ARE_WORDS.has(s)));
export const PLACE_BEFORE = new Set(['uit', 'in', 'te', 'naar', 'nabij', 'rond', 'regio', 'gemeente', 'from', 'near', 'to']);
export const CALLED_BETWEEN = new RegExp(`^[ \\t]*\\([ \\t]*\\p{Lu}[\\p{L}'-]*[ \\t]*\\)(?:[ \\t]+(?:${PARTICLES.join('|')}))*[ \\t]+\\p{Lu}[\\p{L}'-]+`, 'u');
export const ORGANISATION_AFTER =
  /^[ \t]+(?:Centrum|Huis|Kliniek|Ziekenhuis|Instituut|Stichting|Fonds|School|College|Hospice|Groep|Academie|Hogeschool|Universiteit|Prijs|Lezing|Foundation|Institute|Centre|Center|Hospital|Clinic|House|Trust|Zorg|Zorggroep|Hofje|Stede|Hoeve|Advocaten|Notarissen|Accountants|Adviseurs|Advies|Bureau|Partners|&[ \t]+Partners|B\.?V\.?|N\.?V\.?|Gasthuis|Revalidatie|Kinderziekenhuis|Ziekenhuizen|Medisch|MC|UMC|Zorgcentrum|Zorgcentra|Woonzorgcentrum|Verpleeghuis|Apotheek|Praktijk|Huisartsenpraktijk|Supermarkt|Thuiszorg|Kinderopvang|GGZ|Jeugdzorg|Ouderenzorg|Museum|Park|Plein|Stadion|Brug|Tunnel)(?![\p{L}])/u;
// A first name as the subject of the message: "Over Jeroen: …", "betreft Noor", "about Emily".
export const ABOUT = new Set(['over', 'betreft', 'inzake', 'aangaande', 'omtrent', 'namens', 'about', 'regarding', 're', 'concerning']);
export const NAMING_VERBS = new Set(['noemen', 'noemt', 'noemde', 'noemden', 'noem', 'call', 'calls', 'called', 'name', 'named']);
export const OBJECT_PRONOUNS = new Set(['hem', 'haar', 'ze', 'hen', 'zichzelf', 'him', 'her', 'them', 'himself', 'herself']);
export const ROLE_LABELS = new Set(['client', 'cliente', 'patient', 'patiente', 'bewoner', 'bewoonster', 'deelnemer', 'resident', 'casus', 'case', 'betreft', 're', 'onderwerp', 'subject']);
export const LABEL_TAIL =
  /^["'’]?\.?[ \t]*(?:(?:van[ \t]+(?:de[ \t]+|het[ \t]+)?|of[ \t]+(?:the[ \t]+)?)?(?:cli[eë]nte?|client|pati[eë]nte?|patient|bewoner|deelnemer|moeder|vader|zoon|dochter|partner|kind|kinderen|ouders?|verzorger|broer|zus|contactpersoon|vertegenwoordiger|mentor|echtgeno(?:ot|te)|child|parent|mother|father|son|daughter|contact)(?:[ \t]*\/[ \t]*\p{L}+)?[ \t]*)?[:=][ \t]*["'’]?/iu;
/** A year in brackets right after a name is the year of birth: "Lars (2009)". */
export const BORN_AFTER = /^[ \t]*\([ \t]*((?:19|20)\d{2})[ \t]*\)/;
// Before a surname: the file or request it belongs to ("het dossier van", "de aanvraag van", "the file of").
export const OWNER_BEFORE = /(?<![\p{L}])(?:dossier|zorgplan|indicatie|beschikking|aanvraag|aanmelding|herindicatie|casus|zorgdossier|file|case|request|application)\s+(?:van|of)\s+$/iu;
/** Words for a person in care, after which a lower-case "van" says whose client it is ("een cliënt van Buurtzorg"). */
export const ROLE_WORDS = new Set(['client', 'cliente', 'patient', 'patiente', 'bewoner', 'bewoonster', 'deelnemer', 'resident']);
// Closings of a message or letter, after which the writer signs: "Groetjes, Ilse", "mvg Jan", "Kind regards,\nTom".
export const CLOSINGS = new Set(['groet', 'groeten', 'groetjes', 'gr', 'grt', 'grtz', 'grtjs', 'mvg', 'mvgr', 'regards', 'cheers', 'liefs', 'wishes']);
/** Between a closing and the name under it: a comma or "!" and at most one line break. */
export const SIGNATURE_GAP = /^[ \t]*[,!]?[ \t]*\n?[ \t]*$/;
/** Professions whose name is said with it: "huisarts Wolters", "notaris Van Dam", "geriater Ad Bakker". */
export const PROFESSIONS = new Set(['huisarts', 'dokter', 'arts', 'specialist', 'geriater', 'psychiater', 'psycholoog', 'tandarts', 'apotheker', 'fysiotherapeut', 'ergotherapeut', 'logopedist', 'notaris', 'advocaat', 'gp', 'doctor', 'solicitor', 'lawyer']);
