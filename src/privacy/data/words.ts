/**
 * Word lists the detectors use, as data. Lower case; accents are folded before comparing
 * ("cliënt" = "client"). Each list says what it is for.
 */
const words = (list: string): string[] => list.trim().split(/\s+/);

/** Titles after which the next word is a name in any case: "mevrouw kuipers", "dhr. de jong". */
export const STRONG_TITLES = words(`
  mevrouw mevr mw mvr mevrouwtje meneer mijnheer mnr dhr heer juffrouw fam mr mrs ms madame
  monsieur dr drs prof herr frau signora signore senora senor senhora
`);

/** Words after which a capitalised word is a name: "cliënt Jan", "zoon Mehmet", "heet Fatma". */
export const WEAK_TITLES = words(`
  familie gezin client cliente bewoner bewoonster patient patiente deelnemer deelneemster jongere jongen meisje
  zoon dochter vader moeder broer broertje zus zusje zuster echtgenoot echtgenote man vrouw partner
  kleinzoon kleindochter kind opa oma grootvader grootmoeder oom tante neef nicht schoonzoon
  schoondochter schoonmoeder schoonvader stiefvader stiefmoeder pleegvader pleegmoeder pleegkind
  buurman buurvrouw vriend vriendin mantelzorger vertegenwoordiger curator mentor bewindvoerder
  genaamd heet heette noemt named called son daughter husband wife mother father brother sister
  grandson granddaughter grandmother grandfather uncle aunt nephew niece neighbour neighbor friend
  client's resident ouders grootouders pleegouders parents grandparents zwager schoonzus cousin
  neefje nichtje roepnaam bijnaam noemen heten genoemd nickname alias aka stepson stepdaughter
  ex ex-partner expartner ex-man exman ex-vrouw exvrouw ex-husband ex-wife
  ome omi opoe oompje tantetje
`);

/** Prefixes that make a kinship word of another: "pleegzoon", "stiefdochter", "schoonmoeder", "halfbroer". */
export const KIN_PREFIXES = words(`pleeg stief schoon half klein achterklein tweeling step foster`);

/** Labels of a form field that holds a name: "Naam: …", "Naam cliënt: …", "Roepnaam: …". */
export const NAME_LABELS = words(`naam name achternaam voornaam voornamen roepnaam bijnaam clientnaam patientnaam surname`);

/** Name particles (tussenvoegsels), also Arabic and Turkish ones: "van der", "El", "Ait", "Ben". */
export const PARTICLES = words(`
  van de der den ter ten te het 't op in la le du da di del della dos das von vande vander el al
  ait ben bin ibn abou abu bou ou vd vdr v
`);

/**
 * Ordinary words that follow a title or kinship word without being a name ("mevrouw heeft",
 * "zoon is"), and capitalised words that are not surnames ("Jan Wlz"). Function words, frequent
 * verbs, role words and care terms.
 */
export const NOT_NAMES = new Set(
  words(`
  sy hy wy hi hello hallo hoi hey dear beste geachte hoogachtend groet groeten gr grt mvg regards salam salaam i'm im
  echtpaar broeder zuster huize casus bel mail stuur vraag check app zeg laat help plan regel maak geef zoek neem wacht kijk lees schrijf meld informeer
  toekennen regelen aanvragen betalen geven krijgen zoeken vinden bellen helpen beslissen kiezen vragen
  organiseren aanpassen verhogen verlagen indiceren beoordelen opnemen plaatsen verhuizen doen maken
  houden laten zorgen begeleiden ondersteunen verzorgen verplegen melden doorverwijzen inschakelen
  de het een en of maar want dus om te in op aan bij met van voor na naar uit over onder tussen door
  tot zonder tegen via per als dan toen wanneer waar wat wie welke die dat dit deze zo ook nog niet
  geen wel al alleen zelf zelfs echt heel erg veel weinig meer minder vaak soms nooit altijd nu straks
  vandaag morgen gisteren graag liever even eens weer terug thuis hier daar er ze zij hij ik je jij
  we wij u uw hun haar zijn mijn ons onze jullie hem hen iemand niemand iedereen alles niets
  is was zijn waren wordt worden werd werden heeft hebben had hadden kan kon kunnen mag mocht mogen moet
  moest moeten wil wilde willen zal zou zullen gaat ging gaan komt kwam komen krijgt kreeg krijgen
  doet deed doen zegt zei zeggen vindt vond vinden weet wist weten ziet zag zien woont woonde wonen
  belt belde bellen vraagt vroeg vragen heet staat stond ligt lag zit zat blijft bleef loopt liep
  werkt werkte leeft leefde verblijft verhuist overleed overleden ontvangt gebruikt heeft had
  zorgt helpt hielp geeft gaf neemt nam maakt maakte denkt dacht voelt voelde wacht wachtte
  viel liep zat kwam ging lag zag kreeg sprak at dronk sliep bleef schreef riep wilde kon mocht
  moest wist vond bracht hield hing stierf verloor vergat begon vroeg kocht zocht dronk
  niet nee ja oke ok sorry dank bedankt hallo hoi goed slecht beter ziek moe boos bang blij
  verdrietig verward dement ouder alleenstaand zelfstandig afhankelijk opgenomen
  tevreden ontevreden bezorgd ongerust kwaad woedend boos teleurgesteld gefrustreerd radeloos wanhopig
  dankbaar akkoord oneens overstuur angstig onzeker opgelucht
  aangemeld ingeschreven geindiceerd geindiceerde
  client cliente clienten bewoner bewoners patient patienten familie familieleden gezin partner
  mantelzorger mantelzorgers zorgverlener zorgverleners zorgaanbieder zorgaanbieders zorgkantoor
  zorgkantoren gemeente gemeenten wijkteam huisarts specialist verpleegkundige verzorgende
  begeleider begeleiders casemanager dossierhouder clientondersteuner clientondersteuning
  indicatie wlz wmo zvw jeugdwet ggz vg vv lvb nah ciz cce nza mdo zzp vpt mpt pgb zin ot lg kg
  ouderen jeugd volwassenen kinderen kind zoon dochter vader moeder broer zus opa oma man vrouw
  team teams netwerk netwerken regio overleg zorg plek plaats wachtlijst aanvraag
  ziekenhuis kinderziekenhuis kliniek centrum stichting huis zorggroep instelling school college
  mee erg bij samen ook zelf daar hier thuis een twee drie vier vijf zes zeven acht negen tien
  beide allebei alle andere
  hospital foundation fonds kenniscentrum polikliniek
  the a an and or but is was are were has have had can could will would should may might must
  does did do says said lives lived wants needs called calls asked asks gets got goes went
  he she they we you i it his her their our my your not no yes also still already very
  january february march april may june july august september october november december
  januari februari maart mei juni juli augustus oktober
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday
  friday saturday sunday week weken maand maanden jaar jaren dag dagen uur
  daarna daarom daardoor daarbij verder bovendien echter ook toch dus eerst tot slot samen
  hierna hierbij hiervoor waarom hoe welk wanneer volgens zie graag mogelijk misschien
  eigenlijk inmiddels opnieuw meestal steeds telkens ineens plotseling vooral eerder later langer
  snel vaker amper nauwelijks helemaal bijna zeker waarschijnlijk blijkbaar kennelijk duidelijk
  tijdens sinds zonder ondanks weleens nogal best zeer vrij wat iets niks
  home here there this that these those then when where what who which how why please thanks
  zomaar gewoon natuurlijk trouwens helaas gelukkig toevallig opeens meteen direct vanmorgen vanochtend
  vanmiddag vanavond vannacht laatst onlangs binnenkort regelmatig dagelijks wekelijks absoluut totaal
  des huizes
  voorzitter burgemeester minister wethouder staatssecretaris directeur dominee pastoor priester imam
  rabbijn rechter notaris advocaat officier agent agente politie dokter arts professor ombudsman
  chairman chairwoman chair president mayor judge doctor speaker minister officer
`),
);

/**
 * Ordinary words that, typed in lower case after a title, say what is going on with the person
 * rather than name them ("mevrouw mond is scheef", "meneer now not breathe", "mw bloed aan hoofd"):
 * body parts, words of time and state, and the plain verbs of simple or broken Dutch and English.
 * Redacting them would hide a danger from the rules that look for one; the same words with a
 * capital ("Mevrouw Hoofd") are still read as a surname.
 */
export const ORDINARY_AFTER_TITLE = new Set(
  words(`
  mond hoofd arm armen been benen hand handen voet voeten buik borst rug nek keel gezicht ogen oog oor
  lip lippen tong huid hart long longen adem bloed pijn koorts zweet
  mouth head arms leg legs hands foot feet belly stomach chest back neck throat face eyes eye ear lips
  tongue skin heart lungs breath blood pain fever
  now just suddenly again today tonight right still soon yesterday already here there
  net zojuist ineens opeens plotseling vandaag vanavond vannacht weer opnieuw
  go goes going fall falls fell fallen hit hits scream screams screaming cry cries crying bleed bleeds
  bleeding breathe breathes breathing wake wakes sleep sleeps die dies dying dead sick ill hurt hurts
  shake shakes shaking lie lies lying sit sits stand stands run runs walk walks talk talks speak speaks
  eat eats drink drinks vomit vomits say says want wants need needs ok okay fine bad good very
  dood ziek bleek koud heet warm rood blauw grauw suf stil weg kwijt op boven beneden buiten binnen
`),
);

/**
 * Organisations, brands and sayings named after people, which stay as written: "Albert Heijn",
 * "Pieter van Foreest" (care group), "Jan Modaal" (the average earner), "Tante Louise" (care
 * group). One phrase a line, in lower case; matched as whole words, in any case.
 */
export const NAMED_AFTER_PEOPLE = `
albert heijn
dirk van den broek
hans anders
pieter van foreest
vincent van gogh
daniel den hoed
antoni van leeuwenhoek
willem arntsz
pieter baan
johan cruijff
ronald mcdonald
anne frank
jantje beton
jan modaal
jan en alleman
jan met de pet
jan publiek
pietje precies
klaas vaak
joost mag het weten
tante louise
oom agent
reinier de graaf
erasmus mc
prinses maxima
prinses beatrix
prinses amalia
koning willem-alexander
koningin maxima
william schrikker
bartholomeus gasthuis
sint maarten
sint jacob
sint jozef
sint anna
sint franciscus
sint antonius
st jansdal
st jans gasthuis
`
  .trim()
  .split('\n');

/** Words right before a date that make it a date of birth: "geboren op", "geb.", "DOB". */
export const BIRTH_WORDS = words(`
  geboren geb geboortedatum geboortejaar geboortedag gebdatum verjaardag jarig born birth birthday
  dob birthdate gebdat geb.dat gebdatum geb.datum geboortedd
`);

/**
 * Words right before a date that make it a policy or document date, not a birth date ("sinds
 * 1 januari 2015", "brief van 12-03-2014"); and before a dotted number that make it an article
 * or version ("art. 10.1.12").
 */
export const DOCUMENT_DATE_WORDS = words(`
  sinds sedert per vanaf tot ingegaan ingevoerd inwerkingtreding werking wet besluit brief kamerbrief
  rapport versie publicatie gepubliceerd verschenen uitspraak vonnis beschikking circulaire
  since from until effective published version dated report letter
  kracht getreden afgeschaft gewijzigd vastgesteld aangenomen ondertekend gestart begonnen
  force introduced enacted adopted amended abolished repealed entered commenced started began signed
  effect ingang geldt gelden valid applies
`);
export const REFERENCE_WORDS = words(`art artikel lid par paragraaf hoofdstuk bijlage versie v nr nummer sectie section chapter`);

/**
 * Street-name endings. `STRONG` ones mark a street in any case ("kerkstraat 45"); `WEAK` ones
 * (which also end ordinary words: "zorgpad", "scoring") only when the word is capitalised.
 */
export const STREET_SUFFIXES_STRONG = words(`
  straat straatje laan weg plein gracht kade singel dijk dreef steeg plantsoen boulevard allee markt
  straatweg steenweg rijweg kanaal straße strasse gasse platz
`);
export const STREET_SUFFIXES_WEAK = words(`
  hof pad park baan wal veld erf burg haven poort kamp hoek vaart wetering oord akker zoom weide
  horst donk broek berg dal veen hout gaarde brink wijk zijde kant kwartier stede erve hoeve
`);
/**
 * Ordinary words with a street ending that are no street: the verbs on "-slaan" ("netwerk
 * overslaan 19 juli", "opslaan 3 keer"), so a date or count after them is no house number.
 */
export const NOT_STREETS = new Set(
  words(`
  overslaan opslaan afslaan aanslaan uitslaan doorslaan inslaan toeslaan neerslaan omslaan terugslaan
  dichtslaan vastslaan dubbelslaan stukslaan platslaan
`),
);
/** Words that start multi-word street names: "Laan van Meerdervoort", "Oude Gracht", "Prins Hendrikkade". */
export const STREET_PREFIX_WORDS = words(`
  laan weg plein straat kade gracht dijk singel dreef hof oude nieuwe korte lange grote kleine
  hoge lage noordelijke zuidelijke oostelijke westelijke burgemeester prins prinses koning koningin
  graaf gravin jonkheer generaal kapitein dokter doctor pastoor professor sint st
  achter buiten binnen boven rue avenue chaussee chemin quai place impasse
`);

/** Two-letter words that can follow four digits without being a postcode ("2026 en", "1500 mg"). */
export const NOT_POSTCODE_LETTERS = new Set(
  words(`
  en in is op om of te ze we je na al ik nu zo uw er as at be by do go he if it me my no on or so to up
  us an am km cm mm mg ml kg gr ha uu pm ct eu nl de el la le da et ca ex vs vg vv cc pk hp kw jr
`),
);

/** Top-level domains for e-mail addresses written with " at " and " dot " in words. */
export const EMAIL_TLDS = words(`nl be com org net eu info nu de fr uk io co edu gov frl amsterdam`);

/** The unit after a number that shows it is not a house number: "Zorgpad 3 weken". */
export const NOT_HOUSE_NUMBER_AFTER = words(`
  weken week dagen dag maanden maand jaar jaren uur uren minuten keer procent euro stappen punten
  weeks days months years hours minutes times percent steps points
`);

/**
 * Common surnames (lower case, particles left out). After a title, a lower-case word that looks
 * like a verb ("mevrouw weigert", "meneer belde") is no name, unless it is one of these
 * ("mevrouw smit", "meneer post").
 */
export const COMMON_SURNAMES = new Set(
  words(`
  jansen janssen jong vries berg dijk bakker visser smit meijer meyer boer mulder groot bos vos peters
  hendriks leeuwen dekker brouwer wit dijkstra smits graaf meer linden kok jacobs haan vermeulen heuvel
  veen broek bruijn bruin heijden schouten beek willems vliet ven hoekstra maas verhoeven koster dam
  wal prins blom huisman peeters jonge kuipers kuiper veenstra kramer brink scholten wijk postma
  martens vink ridder pol post bot brandt schmidt smid timmermans witte aalbers evers gerritsen
  yilmaz kaya demir sahin celik yildiz ozturk aydin ozdemir arslan dogan kilic aslan cetin idrissi
  amrani alaoui bouzid tahiri haddou ramdin ramsaran sitaldin kalloe brunings
`),
);

/** Listed first names that are ordinary words in lower case ("frank en vrij"): names only when capitalised. */
export const FIRST_NAMES_THAT_ARE_WORDS = words(`
  frank iris floor roos rein merel arend ester said mees harm greet ellen hoop mark will may rose grace
  lief hilde gul nur mina amal lina
  wil ben ad rosa dick dries toon job jet tara ward ties tuba carol grace
`);
