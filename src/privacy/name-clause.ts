/**
 * A first name alone, anywhere in its sentence, is a client's when the sentence is about a person
 * in care: it names their condition, their care decision or place, their living situation, their
 * age, a professional's concern for them, or an appointment they are taken to ("Dewi heeft
 * diabetes", "heeft Ayoub al een beschikking", "kun je Sanne bellen over de indicatie", "hoe gaat
 * het met Gijs?", "met Priya naar de huisarts"). A sentence that gives the care to someone else's
 * client ("Emma heeft een vraag over de indicatie van haar cliënt") names a colleague, and stays.
 * A next sentence that starts with a pronoun is about the same person ("Any news on Finn? Is he
 * still in crisis care?"). The words are about a person in care, never about work (an action,
 * the minutes, a meeting), so a colleague's work keeps their name ("Bram heeft de actie afgerond").
 */

// Conditions, care decisions and places, living situations and crises that describe a person in care.
const CARE_WORDS = [
  // Conditions and diagnoses.
  'autisme|autistisch|autism|autistic|adhd|lvb|nah|epilepsie|epilepsy|diabetes|eetstoornis|eating\\s+disorder|anorexia|boulimia',
  'dementie|dementerend|dementia|alzheimer|korsakov|parkinson|huntington|hersenletsel|brain\\s+injury|beroerte|cva|stroke',
  'depressie|depressief|depression|depressed|psychose|psychotisch|psychosis|psychotic|schizofrenie|schizophrenia|bipolair|bipolar',
  'borderline|ptss|ptsd|trauma|verslaving|verslaafd|addiction|addicted|angststoornis|anxiety\\s+disorder|gedragsproblemen|gedragsproblematiek',
  'behavio(?:u)?r(?:al)?\\s+problems|(?:verstandelijke|lichamelijke|meervoudige)\\s+beperking|(?:intellectual|learning)\\s+disabilit(?:y|ies)',
  'su[iï]cidaal|suicidal|zelfbeschadiging|self-harm|agressief|terugval|relapse|weggelopen|weglopen|ran\\s+away|dakloos|thuisloos|homeless',
  // Care decisions, places and help.
  '(?:wlz-|her)?indicatie|indication|beschikking|dagbesteding|day\\s+care|wachtlijst|waiting\\s+list|logeerhuis|logeeropvang|respijtzorg|respite\\s+care',
  'crisis\\p{L}*|crisis\\s+care|opvang|shelter|opname|opgenomen|admitted|instelling|verpleeghuis|nursing\\s+home|care\\s+home|woonvorm|woonplek',
  'gezinshuis|pleeggezin|foster\\s+(?:care|family)|beschermd\\s+wonen|zorgboerderij|uithuisplaatsing|placement|jeugdzorg|jeugdhulp|youth\\s+care',
  'ggz(?:-\\p{L}+)?|kliniek|ziekenhuis|hospital|medicatie|medicijnen|medication|behandeling|treatment|diagnose|diagnosis|diagnosed|pgb|bewindvoerder|tolk|interpreter',
  'plek(?:je)?\\s+(?:\\p{L}+\\s+){0,2}(?:gevonden|nodig)',
  // Falls, care talks at home and personal care: "Piet heeft weer een val gehad", "Rose heeft haar keukentafelgesprek".
  'val\\s+gehad|gevallen|valpartij|had\\s+a\\s+fall|fell|keukentafelgesprek|zorgplanbespreking|care\\s+plan\\s+meeting|gedoucht|douchen|gewassen|washed|showered',
  'woongroep|maatwerkplek|zorgplek|overplaats\\p{L}*|overgeplaatst|moved?\\s+(?:\\p{L}+\\s+){0,2}(?:from|to|out\\s+of)\\s+(?:his|her|their)',
  // Compulsory care and the court around one person: a measure, a warrant, a guardian.
  '(?:zorg|rechterlijke\\s+)?machtiging|ibs|inbewaringstelling|crisismaatregel|verplichte\\s+zorg|gedwongen\\s+(?:opname|zorg)|compulsory\\s+(?:care|admission)|separeer\\p{L}*|fixatie',
  'ondertoezichtstelling|ots|voogdij|voogd|guardianship|curatele|mentorschap|zorgprofiel|vg[1-8]|meerzorg|zzp\\s?\\d{1,2}|vv\\s?\\d{1,2}|lg\\s?\\d|vpt|mpt',
  // Money, justice and family crises.
  'schuld(?:en|hulp|sanering|hulpverlening)|bewindvoering|uitkering|bijstand|zwanger|pregnant|aangehouden|gearresteerd|arrested|detentie|gevangenis|prison|jail',
  'reclassering|probation|huiselijk\\s+geweld|domestic\\s+violence|mishandeld|mishandeling|verwaarloosd|verwaarlozing|neglect(?:ed)?|gescheiden|scheiding|divorced?',
  '(?:care|needs)\\s+assessment|herkent',
  // Where and how they live, born and aged.
  'woont|woonde|wonen|lives|lived|living|thuis\\s+(?:wonen|blijven)|uit\\s+huis|moving\\s+out|move\\s+out|verhuizen|verhuisd|geboren|born|jarig',
  '\\d{1,3}\\s+(?:jaar|years)\\s+(?:oud|old)|(?:\\p{L}+tien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)\\s+jaar(?:\\s+oud)?|aged\\s+\\d{1,3}',
  // A professional's concern.
  'zorgen\\s+(?:om|over)|bezorgd|worried\\s+about|concerned\\s+about',
  // (3 Dec, red team 322) Help, benefits, letters and fears of the person: "Ruud zegt dat hij geen hulp wil", "Eva krijgt
  // ambulante begeleiding", "Fatima heeft een vraag over haar toeslagen", "Shirley snapt de brief van het zorgkantoor
  // niet", "Hasan is ziek", "Aisha is bang dat …", "Mohamed called me about his Wmo decision".
  '(?:geen|wil\\s+geen|meer)\\s+hulp|hulp\\s+(?:nodig|wil|willen|zoekt|vraagt)|(?:needs?|wants?|refuses?)\\s+(?:any\\s+)?help|(?:ambulante\\s+|individuele\\s+)?begeleiding|home\\s+care|mantelzorger|young\\s+carer|carer',
  'toeslag(?:en)?|huurtoeslag|zorgtoeslag|allowance|benefits?|eigen\\s+bijdrage|personal\\s+contribution|cak|verzekering|verzekerd|insurance|insured|aanleunwoning|sheltered\\s+housing',
  '(?:(?:zijn|haar|his|her)\\s+)(?:wmo|wlz|zvw|jeugdwet)(?:-\\p{L}+)?(?:\\s+(?:decision|besluit|aanvraag|application|indicatie))?|(?:jeugd|gesloten\\s+)instelling|secure\\s+unit',
  '(?:is|was|wordt|werd|voelt\\s+zich|is\\s+erg|is\\s+heel)\\s+(?:ziek|bang|angstig|boos|in\\s+paniek|overstuur|eenzaam|verward)|(?:is|was|feels|seems)\\s+(?:very\\s+|so\\s+|really\\s+)?(?:ill|sick|scared|afraid|frightened|upset|lonely|confused)',
  // Living on a group of an institution: "Jan, Piet en Kees zitten samen op de groep".
  'op\\s+(?:de|haar|zijn|hun|onze)\\s+(?:leef)?groep|on\\s+(?:the|his|her|our)\\s+(?:ward|unit)',
  // (3 Dec, red team 13) The person's own case in the words of the care domain: care and help of any kind
  // ("wondzorg", "verslavingszorg", "huishoudelijke hulp", "jeugdhulp"; not a carer, "verzorgende"), money
  // trouble, violence, drink and drugs, illness and the wish to die, school. (Not the steps of an application,
  // which colleagues talk about too: "vraag het aan Nadia, zij weet hoe de Wlz-aanvraag werkt".)
  '(?!verzorg)\\p{L}+zorg(?!en(?![\\p{L}]))\\p{L}*|\\p{L}+hulp\\p{L}*|hulpverlening|bijstand|schuld|deurwaarder|huur|huisverbod|aangifte|geslagen|slaat|sloeg|bedreigt|bedreigd|scheldt|drinkt|drank|alcohol|blowt|drugs|kanker|euthanasie\\p{L}*|\\p{L}*stoornis|niet\\s+meer\\s+(?:wil\\s+)?leven|in\\s+paniek|ten\\s+einde\\s+raad|overbelast|school|gamen|autorijden|pleeggezin|ziekenhuis',
  // Aids, falls and a home visit: "Kevin kan niet meer lopen, wie betaalt de rolstoel?", "Truus valt vaak", "bij hem thuis".
  'vergeetachtig|forgetful|slechthorend|slechtziend|doof|deaf|blind|hoorapparaat|gehoorapparaat|hearing\\s+aid|incontinent\\p{L}*|bedlegerig|bedridden|traplift|rolstoel|wheelchair|scootmobiel|rollator|hulpmiddel\\p{L}*|woningaanpassing|(?:kan|can)\\s+(?:niet|not|no\\s+longer)\\s+(?:meer\\s+)?(?:lopen|walk)|valt\\s+(?:vaak|steeds|regelmatig|telkens)|falls?\\s+(?:often|a\\s+lot)',
  'bij\\s+(?:hem|haar)\\s+thuis|at\\s+(?:his|her)\\s+(?:home|place)|(?:om|voor)\\s+hulp|\\p{L}+opvang',
  '(?:snapt|begrijpt|leest)\\s+(?:de|het|die|een)\\s+(?:brief|beschikking|besluit|formulier)|(?:doesn.t|does\\s+not|can.t|cannot)\\s+understand\\s+(?:the|his|her)\\s+(?:letter|decision|form)',
].join('|');
const CARE = new RegExp(`(?<![\\p{L}])(?:${CARE_WORDS})(?![\\p{L}])`, 'iu');

// A colleague's work: the sentence is about a product or a meeting of the team, not about a person in care
// ("Fenne heeft de factsheet over dagbesteding geschreven", "Anna werkt sinds maart bij het wijkteam").
const WORK = /(?<![\p{L}])(?:factsheet|presentatie|presentation|notulen|minutes|agenda|slides|training|intervisie|workshop|sessie|session|webinar|folder|flyer|nieuwsbrief|newsletter|handreiking|rapport|report|actiepunt|actie|action\s+item|lerend\s+netwerk|learning\s+network|werkt\s+(?:bij|als|sinds|voor)|works\s+(?:at|for|as))(?![\p{L}])/iu;
// What the person has, said the spoken way: "Achmed zijn aanvraag is afgewezen", "Henk z'n kamer ligt vol".
const POSSESSED_AFTER = /^\s+(?:zijn|z'n|zn|haar|d'r|his|her)\s+(?:aanvraag|kamer|indicatie|uitkering|beschikking|dossier|budget|pgb|medicatie|medicijnen|bewindvoerder|mentor|zorgplan|woning|appartement|schulden|toeslag\p{L}*|rolstoel|begeleider|zorgverlener|application|room|flat|benefits?|file|medication|debts?|wheelchair|carer)(?![\p{L}])/iu;
// A colleague named as such, before the name or right after it ("collega Piotr", "Piotr, mijn collega,"): the rest of the sentence is theirs.
const COLLEAGUE_BEFORE = /(?<![\p{L}])(?:collega|colleague)(?:'s)?\s+(?:\p{L}+\s+){0,1}$/iu;
const COLLEAGUE_AFTER = /^\s*,?\s*(?:\p{L}+\s+){0,1}(?:collega|colleague)(?![\p{L}])|^\s+(?:van|from|uit)\s+(?:het|de|ons|onze|the|our)\s+(?:team|wijkteam|kantoor|office)(?![\p{L}])/iu;

// The care is someone else's client's: "de indicatie van haar cliënt", "her client's placement".
const OTHERS_CLIENT = /(?<![\p{L}])(?:haar|zijn|hun|her|his|their)\s+(?:cli[eë]nte?|client|pati[eë]nte?|patient|bewoner|resident|casus|case)/iu;

// Before the name: a visit to their home ("huisbezoek bij Kayleigh", "visited Omar"); "bij Wouter thuis".
// (3 Dec, red team 16) Also "vanmiddag bezoek ik Hendrik", "morgen bezoeken we …".
const VISIT_BEFORE = /(?<![\p{L}])(?:huisbezoek|bezoek|op\s+bezoek|home\s+visit)\s+(?:bij|aan|to|with|at)\s+$|(?<![\p{L}])visited\s+$|(?<![\p{L}])(?:bezoek|bezoeken|bezocht|bezochten)\s+(?:ik|we|wij|jij|je|hij|zij|ze)\s+(?:\p{L}+\s+)?$/iu;
// Referred or placed, the name the object: "Ik heb Najib doorverwezen naar het Juridisch Loket", "we hebben Eva geplaatst".
const REFERRED = /^\s+(?:\p{L}+\s+){0,2}(?:doorverwezen|verwezen|geplaatst|overgeplaatst|opgenomen|bezocht)(?![\p{L}])/iu;
const HAVE_BEFORE = /(?<![\p{L}])(?:heb|hebt|heeft|hebben|had|hadden)\s+$/iu;
const AT_HOME = /(?<![\p{L}])bij\s+$/iu;
const HOME_AFTER = /^\s+(?:thuis|langs)(?![\p{L}])/iu;
// Before the name: how they are doing ("hoe gaat het nu met", "any news on", "how is").
const DOING_BEFORE = /(?:(?<![\p{L}])hoe\s+gaat\s+(?:het\s+)?(?:\p{L}+\s+)?met|(?<![\p{L}])wat\s+(?:moet|moeten|kan|kunnen)\s+(?:ik|we|wij)\s+(?:nu\s+)?(?:doen\s+)?met|(?<![\p{L}])(?:any\s+)?news\s+(?:on|about)|nieuws\s+over|(?<![\p{L}])how\s+(?:is|was))\s+$/iu;
// Taken to an appointment: "met Priya naar de huisarts", "gaat Stijn mee naar het CCE-consult".
const TO_APPOINTMENT = /^\s+(?:\p{L}+\s+){0,2}(?:mee\s+)?naar\s+(?:de|het|een)\s+(?:[\p{L}-]*-)?(?:huisarts|ziekenhuis|wijkteam|ciz|gemeente|consult|intake|psycholoog|psychiater|tandarts|specialist|poli\p{L}*|dagbesteding|zorgkantoor|rechter|rechtbank|spoedeisende\s+hulp|eerste\s+hulp)(?![\p{L}])/iu;
const WITH_BEFORE = /(?<![\p{L}])met\s+$/iu;
const MEE_AFTER = /^\s+(?:\p{L}+\s+){0,2}mee\s+naar/iu;

// A sentence ends at . ? ! or a line break (not at the dot of a short title: "mw.", "dhr.").
const END = /[?!\n]|\.(?=[\s,;]|$)/g;
// The next sentence is about the same person when it starts with a pronoun ("Is he still …", "Ze eet niet").
const PRONOUN_NEXT = /^\s*(?:\p{L}+\s+)?(?:hij|zij|ze|he|she)(?![\p{L}])/iu;

/**
 * The sentence around [start, end) (at most 160 characters either side: linear in the text), with a
 * next sentence that starts with a pronoun, without the name itself.
 */
function sentenceAround(text: string, start: number, end: number): string {
  const head = text.slice(Math.max(0, start - 160), start);
  const tail = text.slice(end, end + 160);
  const ends = [...head.matchAll(END)];
  const last = ends.length ? ends[ends.length - 1].index! + 1 : 0;
  END.lastIndex = 0;
  let m = END.exec(tail);
  let to = m ? m.index : tail.length;
  if (m && PRONOUN_NEXT.test(tail.slice(to + 1, to + 30))) {
    END.lastIndex = to + 1;
    m = END.exec(tail);
    to = m ? m.index : tail.length;
  }
  return `${head.slice(last)} ${tail.slice(0, to)}`;
}

// After these a capitalised word is a place ("woont in Hendrik-Ido-Ambacht", "uit Emmen"), not a person.
const PLACE_BEFORE = /(?<![\p{L}])(?:in|uit|te|naar|nabij|from|near)\s+$/iu;
// A finite verb right after a word that opens a sentence makes the word its subject, a name: "Rose heeft
// morgen haar keukentafelgesprek" (not "Wil iemand met dementie …", where the word is the verb).
const SUBJECT_VERB_AFTER = /^\s+(?:heeft|had|has|woont|woonde|lives|krijgt|kreeg|gets|got|wacht|waits|zit|zat|ligt|lag)(?![\p{L}])/iu;
// The start of a sentence, where a capital says nothing: "Wil iemand met dementie …" is a verb.
const SENTENCE_START = /(?:^|[.?!:;\n])\s*$/u;

/**
 * Is the first name at [start, end) a person in care, by its sentence? `word`: the name is also an
 * ordinary word ("Wil", "Roos", "Floor"), which at the start of a sentence is read as the word.
 */
export function clientInSentence(text: string, start: number, end: number, word = false): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 80);
  if (PLACE_BEFORE.test(before) || (word && SENTENCE_START.test(before) && !SUBJECT_VERB_AFTER.test(after))) return false;
  if (DOING_BEFORE.test(before) || VISIT_BEFORE.test(before) || (AT_HOME.test(before) && HOME_AFTER.test(after)) || (HAVE_BEFORE.test(before) && REFERRED.test(after))) return true;
  if ((WITH_BEFORE.test(before) || MEE_AFTER.test(after)) && TO_APPOINTMENT.test(after)) return true;
  if (COLLEAGUE_BEFORE.test(before) || COLLEAGUE_AFTER.test(after)) return false;
  const sentence = sentenceAround(text, start, end);
  return (POSSESSED_AFTER.test(after) || CARE.test(sentence)) && !OTHERS_CLIENT.test(sentence) && !WORK.test(sentence);
}
