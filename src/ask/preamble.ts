/**
 * What a question says about the asker and not about its topic, taken off before scoring: greetings,
 * an introduction ("Ik ben cliëntondersteuner bij …", "wijkteam hier."), thanks, disclaimers ("algemene
 * vraag"), how the answer should be told ("in 1 zin") and redaction placeholders.
 */
import { fold } from '../core/index.ts';
import { withoutPlaceholders } from '../privacy/index.ts';

// "kun je me helpen met …", "help me with …": asking for help is no topic ("hulp" would find home help).
const ASK_FOR_HELP = /^\s*(?:(?:kun|kan|zou|wil)\s+(?:je|jij|u)\s+(?:me|mij|ons)\s+(?:even\s+|eens\s+)?helpen(?:\s+met)?|help\s+(?:me|ons)(?:\s+even)?(?:\s+(?:met|with))?|(?:can|could|would)\s+you\s+(?:please\s+)?help(?:\s+(?:me|us))?(?:\s+with)?|please\s+help(?:\s+(?:me|us))?(?:\s+with)?)\b[\s,:?]*/iu;
const GREETING = /^\s*(?:(?:hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|morgen|beste|dear|collega'?s?|allen|team|good (?:morning|afternoon|evening)|greetings)\b[\s,!.:]*)+/iu;
const LEAD_IN = /^\s*(?:(?:een |a )?(?:korte |snelle |quick |short )?(?:vraag(je)?|question)\s*[:!-]\s*|(?:quick|short|snelle|korte) (?:one|check|checkje)\s*[:!-]\s*|(?:ik heb een|i have a) (?:korte |snelle |quick )?(?:vraag(je)?|question)[^.?!:]*[.:!]\s*)/iu;
// What askers add to say the question is general ("algemene vraag, geen casus", "(niet acuut)"):
// it says nothing about the topic.
const DISCLAIMER = /\(?\b(?:in general terms|in algemene termen|(?:even |een )?algeme(?:en|ne) vraag(?:je)?(?: voor [^,:.?()]{1,30})?|in het algemeen|even algemeen|geen (?:specifieke |concrete )?(?:casus|client)|niet acuut(?: nu)?|puur (?:theoretisch|hypothetisch)|hypothetisch|in general|general question|no specific case|not urgent|not an emergency|hypothetically|in short|in a nutshell|kortom|in het kort|kort gezegd|algemeen (?:he|hè|hoor)|(?:er is |there is |there's )?(?:nu |now |verder )?(?:niks|niets|nothing) (?:aan de hand|going on|happening|wrong|gebeurd|happened)(?: yet| nu| now)?|geen (?:acute|acuut|spoed) ?(?:casus|situatie|geval)|geen (?:casus|situatie) nu|not an? (?:acute|urgent|real) (?:situation|case))\b\)?/giu;
// What the answer is for, before the question ("voor de inwerkmap nachtdienst: …", "for our wiki: …"):
// the document it goes into says nothing about the topic.
const PURPOSE_LEAD = /^\s*(?:[^.?!:]{0,30}\s)?(?:voor|for|t\.?b\.?v\.?|ten behoeve van)\s+(?:de|het|een|ons|onze|mijn|the|our|a|my)\s+(?:[\p{L}-]+\s+){0,2}?(?:inwerkmap|inwerkprogramma|protocol|werkinstructie|instructie|folder|flyer|poster|scholing|training|cursus|presentatie|nieuwsbrief|handboek|teamoverleg|overzicht|notities|aantekeningen|verslag|wiki|intranet|hand-?out|factsheet|policy|handbook|newsletter|presentation|course|overview|notes|onboarding)\b[^.?!:]{0,40}[:–-]\s+/iu;
// A polite way of asking, before what is asked ("I was wondering whether you might be able to tell
// me …", "Would you be so kind as to confirm …", "Kindly advise …", "Zou u mij kunnen vertellen …"):
// nothing of the topic (the question words after it stay).
const POLITE_ASK = /^\s*(?:(?:i was|i am|i'm|we were|we are|we're) wondering (?:whether|if)\s+(?:you\s+)?(?:might|could|would|can)?\s*(?:possibly\s+)?(?:be able to\s+)?(?:tell|explain|confirm|clarify|advise|let)[\s,]+(?:(?:me|us)[\s,]+)?(?:know[\s,]+)?(?:(?:whether|if)\s+)?|(?:would|could|can|might|will) you (?:please |kindly |possibly )?(?:be so kind as to |be able to )?(?:tell|explain|confirm|clarify|advise|let)[\s,]+(?:(?:me|us)[\s,]+)?(?:know[\s,]+)?(?:(?:whether|if)\s+)?|(?:please|kindly) (?:tell|explain|confirm|clarify|advise|let)[\s,]+(?:(?:me|us)[\s,]+)?(?:know[\s,]+)?(?:(?:whether|if)\s+)?|i(?:'d| would) (?:like|love) to know\s+|(?:ik|we|wij) vroeg(?:en)? (?:me|mij|ons) af\s+|zou (?:je|jij|u) (?:me |mij |ons )?(?:kunnen |willen )?(?:vertellen|uitleggen|bevestigen|laten weten)\s+|graag (?:verneem|hoor|weet) (?:ik|wij|we)(?:\s*,[^,?]{0,100},)?\s+|het zou (?:op prijs (?:worden )?gesteld (?:worden )?|fijn zijn |gewaardeerd worden )(?:indien|als|wanneer) (?:u |je |jij )?(?:zou kunnen |kunt |kon |kan )?(?:worden )?(?:aangeven|aangegeven|laten weten|uitleggen|uitgelegd|vertellen|verteld)\s+)(?=\S)/iu;
// How the answer should be told ("in 1 zin", "in simple terms"): nothing of the topic.
const ANSWER_FORM = /\b(?:in (?:1|een|één|one) (?:zin|sentence)|in (?:een paar|enkele|twee|2|drie|3|a few|two|three) (?:zinnen|woorden|sentences|words)|kort en bondig|in (?:een |'n |n )?notendop|(?:kort )?samengevat|tl;?dr|in jip[- ]en[- ]janneketaal|in (?:gewone|simpele|eenvoudige|begrijpelijke) (?:taal|woorden)|simpel uitgelegd|in simple (?:terms|words)|in plain (?:language|english|dutch)|eli5)\b/giu;
// Who else wants to know, said after the question ("…? stagiair vraagt het", "…? vraagt mijn nieuwe collega").
const WHO_ASKS = /(?<=[?!])\s*(?:(?:mijn|onze|een|de|the|my|our|a)\s+)?(?:nieuwe\s+|new\s+)?(?:stagiair\w*|collega\w*|student\w*|intern|trainee|teamleider|leidinggevende|manager|colleague|ouders|familie|moeder|vader|dochter|zoon|partner|parents|family|mother|father|daughter|son)\s+(?:vraagt|vragen|vroeg|vroegen|wil (?:het )?weten|willen (?:het )?weten|asks|asked|(?:is|are) asking|wants? to know)\b[^.?!]*|\b(?:vraagt|vroeg|asks|asked) (?:mijn|onze|een|my|our|a) (?:nieuwe |new )?(?:stagiair\w*|collega\w*|student\w*|intern|trainee|teamleider|leidinggevende|manager|colleague)\b[^.?!]*/giu;
// The asker's guess after the question ("wie heeft de zorgplicht? is dat het CIZ?", "… or is it the
// municipality?"): the answer says who it is; the guessed party is no part of what is asked.
const GUESS = /(?<=\?)\s*(?:of\s+|or\s+)?(?:is|was)\s+(?:dat|dit|het|die|that|it|this)\s+(?:nou\s+|dan\s+|soms\s+|misschien\s+|maybe\s+|then\s+)?(?:(?:de|het|the)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?|\p{Lu}{2,}[\p{L}-]*)\s*\?+\s*$/u;
// "bij wie vraag je wlz aan? gewoon bij de gemeente?", "who pays? the municipality?": a place or
// body guessed after a who/where question, without a verb of its own.
const SHORT_GUESS = /(?<=\b(?:wie|waar|bij wie|welke instantie|who|where)\b[^?]*\?)\s*(?:of\s+|or\s+|gewoon\s+|toch\s+|dus\s+|just\s+|simply\s+)?(?:bij|via|naar|aan|at|with|to|by|de|het|the)\s+(?:de\s+|het\s+|the\s+)?[\p{L}-]+\s*\?+\s*$/iu;
// "… onder welke wet valt het, wlz?", "wie betaalt dat, de gemeente?": a guess after a comma, in a
// question for which or who.
const COMMA_GUESS = /^((?=[^?]*\b(?:welke|welk|wie|which|who|what)\b)[^?]*?),\s*(?:of\s+|or\s+)?(?:(?:de|het|the)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s*\?+\s*$/iu;
// Why the asker wants to know, said after the question ("…? moet het aan een nieuwe collega uitleggen",
// "…? I need to explain it to our team", "…, voor een infosessie met mantelzorgers"): nothing of the topic.
const PURPOSE = /(?<=[?!])[\s,;:]*(?:(?:ik|we|wij|i)\s+)?(?:moet|moeten|wil|willen|ga|gaan|need to|have to|want to|must)\s+(?:[\p{L}-]+\s+){0,5}(?:uitleggen|vertellen|presenteren|toelichten|explain|present|tell)\b[^.?!]*[.?!]?\s*$|(?<=[?!])[\s,;:]*(?:(?:het|dit|it|this)\s+)?(?:is\s+)?(?:voor|for)\s+(?:een|mijn|onze|ons|de|het|a|an|my|our|the)\s+(?:[\p{L}-]+\s+)?(?:collega\w*|stagiair\w*|team|teamoverleg|training|presentatie|colleague\w*|intern|trainee|presentation|infosessie|informatiebijeenkomst|voorlichting\w*|workshop|bijeenkomst|intervisie|casusoverleg|scholing|cursus|nieuwsbrief|folder|flyer|info ?session|information (?:evening|session|meeting)|newsletter|leaflet|course)\b[^.?!]*[.?!]?\s*$/iu;
const THANKS = /[\s,.!]*(?:(?:alvast )?(?:bedankt|dank je( wel)?|dank u( wel)?|dankjewel|thanks?( a lot| in advance)?|thank you|groet(en|jes)?|mvg|gr\.?)\b[^?]*)$/iu;
// An introduction of the asker: "Ik ben cliëntondersteuner bij MEE, …", "I work as a case manager; …".
// It ends at a full stop or comma, or at "en"/"and" after which the asker says what they do next
// ("Ik werk bij een zorgkantoor en ga aansluiten bij de taskforce.": the taskforce is the topic).
const SELF_INTRO = /^\s*(?:ik ben|ik werk|ik zit|wij zijn|we zijn|wij werken|we werken|i am|i'm|im|i work|we are|we're|we work)\b(?:\([^()]{0,60}\)|(?!\s(?:en|and|maar|but|want|omdat|because)\s)[^.?!,;:(]){0,120}(?:[.,;:!]\s*(?:en\s+|and\s+)?|\s(?:en|and|maar|but)\s+)/iu;
// "Als casemanager bij …, " and "Vanuit het zorgkantoor: " introduce the asker only when what
// follows "als" is a profession, not a situation ("Als een cliënt op de wachtlijst staat, …").
const AS_ROLE = /^\s*(?:als|as an?|as|vanuit|namens|on behalf of)\s+([^.?!,;:]{2,80})[,;:]\s*/iu;
const PROFESSION = /(?:ondersteuner|manager|medewerker|consulent|adviseur|coordinator|verpleegkundige|begeleider|makelaar|kantoor|aanbieder|facilitator|gemeente|wijkteam|behandelaar|arts|psycholoog|deskundige|teamleider|bemiddelaar|regisseur|zorgverlener|nurse|worker|officer|provider|adviser|advisor|planner|mee\b|wij\b|we\b)/iu;
const SITUATION = /\b(?:client|cliente|patient|bewoner|iemand|hij|zij|ze|er|de|het|een|mijn|someone|he|she|there|the|a|my)\b/iu;
// "wijkteam hier.", "zk-medewerker hier,", "Sanne van het zorgkantoor hier:": who is typing, in up to five words.
const HERE_INTRO = /^\s*((?:[^\s.?!,;:]+\s+){0,4}[^\s.?!,;:]+)\s+(?:hier|here)\s*[.,:;!-]+\s*/iu;

/**
 * The last question stripped and its result: an answer strips the same message twice (to split it
 * into questions, then to shape the one question), ~4% of an answer each time.
 */
let last: { question: string; text: string; intro: string } | undefined;

/** Removes what is about the asker, not the topic: greetings, introductions, thanks, placeholders. */
export function stripPreamble(question: string): { text: string; intro: string } {
  if (last?.question !== question) last = { question, ...strip(question) };
  return { text: last.text, intro: last.intro };
}

function strip(question: string): { text: string; intro: string } {
  // Placeholders and the words that only point at them ("BSN [BSN]", "mijn cliënt [naam]") go.
  let text = withoutPlaceholders(question).replace(/\s+/g, ' ').trim();
  let intro = '';
  for (let round = 0; round < 3; round++) {
    const before = text;
    text = text.replace(GREETING, '').replace(LEAD_IN, '').replace(ASK_FOR_HELP, '');
    text = text.replace(PURPOSE_LEAD, '').replace(POLITE_ASK, '');
    const self = SELF_INTRO.exec(text);
    // Only when a question remains after it: "Ik ben benieuwd wat meerzorg is" is the question.
    if (self && text.length - self[0].length >= 12 && !/\b(benieuwd|wondering|curious|op zoek naar|looking for)\b/iu.test(self[0])) {
      intro += ` ${self[0]}`;
      text = text.slice(self[0].length);
    }
    const as = AS_ROLE.exec(text);
    if (as && PROFESSION.test(fold(as[1])) && !SITUATION.test(fold(as[1]).split(/\s+/)[0]) && text.length - as[0].length >= 12) {
      intro += ` ${as[0]}`;
      text = text.slice(as[0].length);
    }
    const here = HERE_INTRO.exec(text);
    if (here && !SITUATION.test(fold(here[1]).split(/\s+/)[0]) && text.length - here[0].length >= 12) {
      intro += ` ${here[0]}`;
      text = text.slice(here[0].length);
    }
    if (text === before) break;
  }
  const stripped = text
    .replace(THANKS, '')
    .replace(GUESS, '')
    .replace(SHORT_GUESS, '')
    .replace(COMMA_GUESS, '$1?')
    // After the disclaimers: one may stand between the question and its purpose ("…? algemeen hoor, voor een infosessie").
    .replace(DISCLAIMER, ' ')
    .replace(PURPOSE, '')
    .replace(ANSWER_FORM, ' ')
    .replace(WHO_ASKS, ' ')
    .replace(/\s+([,.?!:;])/g, '$1')
    .replace(/([,:;])(?:[\s,:;]+)([,:;])/g, '$2')
    .replace(/[,:;]+([?!.])/g, '$1')
    .replace(/^[\s,.:;]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: stripped.length >= 3 ? stripped : text.trim(), intro: intro.trim() };
}
