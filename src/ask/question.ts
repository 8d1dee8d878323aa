/**
 * What a question asks, before any card is looked at: the question itself without the asker's
 * introduction, greetings and redaction placeholders; the role the asker named; the laws it is
 * about; and the kind of fact it wants (a duration, a number, an amount, a who, a where).
 * Retrieval scores only the question itself, and the answer is composed to contain that fact.
 */
import { readDataFile } from './data-file.ts';
import { z } from 'zod';
import { fold, type Lang } from '../core/index.ts';
import { parseRole, type ChoosableRole } from './roles.ts';
import { isStopWord, words } from './analyze.ts';
import { stripPreamble } from './preamble.ts';
import { withAgeBands } from './age.ts';
import { quickPattern } from './law-patterns.ts';

export type Want = 'duration' | 'age' | 'count' | 'number' | 'money' | 'frequency' | 'law' | 'who' | 'where' | 'when' | 'why' | 'list' | 'next' | 'how' | 'define' | 'compare' | 'contact' | 'condition' | 'basis' | 'duty' | 'possible';

export interface QuestionShape {
  /** The question as asked, without introduction, greeting, thanks and placeholders. */
  text: string;
  /** The question's topic: its text without the words that only say what kind of fact it wants. */
  topic: string;
  /** A role the asker named about themselves ("ik ben cliëntondersteuner …"). */
  role?: ChoosableRole;
  /** Laws named outright ("wlz", "Wet maatschappelijke ondersteuning"). */
  laws: string[];
  /** Laws only implied by their bodies or products ("zorgkantoor" → wlz). */
  impliedLaws: string[];
  wants: Want[];
  /**
   * What the question asks about (its question sentence, main clause), and what only sets the
   * scene: sentences about the client's situation before it, and an "als/if" clause. Sentences
   * are chosen for the focus first. Empty background when the question is one plain sentence.
   */
  focus?: string;
  background?: string;
  /** The part of the background that is the situation told before the question. */
  scene?: string;
  /** Remarks after a question that says enough itself ("…? Ik ben geen zorgmens."). */
  after?: string;
}

const LawSchema = z.object({ name: z.string(), named: z.array(z.string()).min(1), implied: z.array(z.string()).default([]) });
export interface Law {
  id: string;
  name: string;
  named: RegExp[];
  implied: RegExp[];
}

/** Reads `laws.yaml` from the knowledge folder (absent file = no law detection). */
export function loadLaws(dir: string): Law[] {
  const data = readDataFile(dir, 'laws.yaml', z.record(z.string(), LawSchema));
  return Object.entries(data).map(([id, law]) => ({
    id,
    name: law.name,
    named: law.named.map((p) => new RegExp(p, 'iu')),
    implied: law.implied.map((p) => new RegExp(p, 'iu')),
  }));
}

/**
 * Reads `domain.yaml` (absent file = none): the domain's everyday words, and the words that name
 * relatives and others of a told situation (a father, a neighbour), never the subject the cards lack.
 */
export function loadDomainWords(dir: string): { words: string[]; people: string[] } {
  return readDataFile(dir, 'domain.yaml', z.object({ words: z.array(z.string()).default([]), people: z.array(z.string()).default([]) }));
}

/** Laws a folded text names outright, and those it only implies. */
export function lawsIn(folded: string, laws: Law[]): { named: string[]; implied: string[] } {
  const named = laws.filter((l) => l.named.some((p) => p.test(folded))).map((l) => l.id);
  const implied = laws.filter((l) => !named.includes(l.id) && l.implied.some((p) => p.test(folded))).map((l) => l.id);
  return { named, implied };
}

/**
 * "(ze vraagt me) wat meerzorg nou precies is", "wat een mpt is en wie …": asked what a thing is in
 * a clause of its own; the thing is the group (not "wat het beste is", "wat je moet doen").
 */
export const DEFINE_INDIRECT =
  /\bwat (?:een )?((?!(?:het|de|je|ik|we|wij|ze|zij|hij|u|dit|dat|er|jullie|mijn|zijn|haar|hun|onze|uw|men|dan|nu|die|deze)\b)[\p{L}-]+(?: [\p{L}-]+)?)(?: (?:nou|nu|eigenlijk|precies|dan))* (?:is|zijn|betekent|inhoudt)(?= *(?:[?.,;!]|$|en\b|and\b))/iu;
const WANTS: [Want, RegExp][] = [
  ['duration', /\b(hoe ?lang|hoelang|hoeveel tijd|how much time|hoe snel|hoe vlug|binnen (hoeveel|welke)|welke termijn|\p{L}*termijn(en)?|wachttijd(en)?|doorlooptijd|uiterlijk|how long|how quickly|how fast|how soon|within how|deadline|time limits?|how many (hours|days|weeks|months)|hoeveel (uur|uren)|(binnen|within|in) (welke|what|which) (periode|period|time ?frame)|by when|before when|uiterlijk wanneer|voor wanneer)\b/iu],
  // "Tot welke leeftijd?", "vanaf hoe oud?", "until what age": the answer names an age.
  ['age', /\b((tot|vanaf|van|tussen|onder|boven|bij|op|met|from|until|up to|till|at|under|over) (welke|wat voor|which|what) (leeftijd|age)|welke leeftijd|what age|hoe oud|how old|leeftijdsgrens|age limit)\b/iu],
  ['frequency', /\b(hoe vaak|hoe dikwijls|how often|how frequently)\b/iu],
  ['count', /\b(hoeveel|how many|aantal|number of)\b/iu],
  // A size or a threshold: a sentence with a number answers it, but a card without one may still
  // answer in words ("hoe groot is de groep?": "een kleine groep").
  ['number', /\b(hoe groot|hoe hoog|how big|how large|how high|drempel|threshold|percentage|procent|percent|how much (more|extra)|hoeveel (meer|extra))\b/iu],
  ['money', /\b((do|does|will|must|should|would) (\S+ ){0,2}(have to )?pay (anything|something|for (it|this|that))|(betaal|betaalt|betalen|pay|pays)\b.{0,30}\b(eigen bijdrage|eigen risico|bijdrage|contribution|deductible)|(betaal|betaalt|betalen) (\S+ ){0,2}(iets|er iets|daar iets|ervoor)|costs? (anything|something)|kost(en|t)? (het|dat|dit|die|ze|hij|zij)( de (client|clienten|cliënt))? (iets|geld|wat)|is (het|dat|dit) gratis|moet(en)? (je|ik|we|de client|hij|zij|ze) (iets |er iets )?(voor )?betalen|(?<!\b(wie|who)\b.{0,40})\b(moet|moeten|hoeft|hoeven)\b[^?.]{0,40}\bbetalen|(?<!\b(wie|who)\b.{0,40})\b(has|have|need|needs) to pay\b|does (it|that|this) cost|is (it|that|this) free|wat kost(en|t)?|hoeveel kost(en|t)?|hoeveel (geld|euro)|hoe hoog is (de|het) (bedrag|bijdrage|budget|tarief)|welk bedrag|bedrag|prijs|tarief|how much (does|do|is|money|will)|what does .{0,40} cost|what do .{0,40} cost|what (did|does|do|will) .{0,30} pay|(paid|betaald|betaalde|betaalden|betaalt) (\S+ ){0,2}per|price)\b/iu],
  // "Welke wet?", "onder welke wet valt logeeropvang?", "which act …?": the answer names a law.
  ['law', /\b((welke|which|what) (wet|wetten|zorgwet|law|laws|act|acts)|(onder|uit|vanuit|via) welke (wet|regeling)|valt (\S+ ){0,3}onder welke|under (which|what) (law|act))\b/iu],
  // "Waar vraag ik een machtiging aan?", "where do I apply": the answer is a body, as for "bij wie".
  ['who', /\b(wie|bij wie|welke (organisaties?|instanties?|partij(en)?)|who|whom|which (organi[sz]ations?|bod(y|ies)|part(y|ies))|waar (vraag|vragen|vraagt|meld|melden|meldt|dien|dienen|dient)\b[^?.]{0,60}\b(aan|in)|where (do|can|should|must) (i|we|you|they|the client|parents) (apply|report|submit|file))\b/iu],
  ['contact', /\b(telefoonnummer|\w*nummer van|(het|t|hun|je|jullie) nummer|hoe bel ik|welk nummer|phone number|telephone|what number|which number|how do i call)\b/iu],
  ['where', /\b(waar(?! (hangt|hangen)\b)|where|welk(e)? (loket|website)|hoe vind|how do i find)\b/iu],
  ['when', /\b(sinds wanneer|vanaf wanneer|tot wanneer|per wanneer|in welk jaar|welk jaar|welke datum|sinds welk jaar|since when|from when|until when|in what year|what year|which year|what date)\b/iu],
  // "Wanneer mag onvrijwillige zorg?", "when can a provider refuse?": the conditions, not a date.
  ['condition', /\b(wanneer|when|in welke gevallen|onder welke (voorwaarden|omstandigheden)|in what cases|under what (conditions|circumstances))\b (mag|mogen|kan|kunnen|may|can|is it allowed|are they allowed|is .{1,30} (toegestaan|allowed|permitted))\b/iu],
  ['compare', /\b(verschil(len)?|onderscheid|vergelijk\w*|versus|vs\.?|difference|differences|differ|distinction|compared?)\b/iu],
  ['why', /\b(waarom|hoe komt het|hoe kan het|wat is de reden|om welke reden|why|how come|for what reason|what is the reason)\b/iu],
  ['next', /\b(wat (is|zijn) (de |mijn |onze |een )?(volgende|eerste|logische|beste|slimste) stap(pen)?|what (is|are) (the |my |our |a )?(next|first|best|logical) steps?|wat nu|en nu|wat kan ik (nog |dan )?doen|wat moet ik (nu |dan )?doen|wat zijn de (volgende )?stappen|welke stappen|waar (kan|kunnen|moet|moeten) (ik|we|wij|je|u|ze|zij|hij|de client|de familie|ouders|de ouders) (daarna |dan |nog |vervolgens |mee )?(heen|naartoe|terecht)|(kan|kun|kunnen) (ik|we|wij|je|u|ze|zij|hij|de client|de familie|ouders|de ouders) (daarna |dan |vervolgens )?(nog )?(ergens|elders) (heen|naartoe|terecht)|bij wie kan ik (nog |dan )?terecht|what now|what can i do|what should i do|next steps?|where (can|do|could|should) (i|we|they|he|she|the client|the family|parents) (then )?(turn|go))\b/iu],
  // "Waar hangt de eigen bijdrage van af?", "what does it depend on", "hoe wordt … berekend": what a
  // figure or a decision is based on.
  ['basis', /\b(waar (hangt|hangen)\b[^?]{1,60}\bvan af|(is|zijn) [^?]{1,60}\bafhankelijk van|depends? on|dependent on|(what|wat) (is|are|zijn) [^?]{1,60}\b(based on|gebaseerd op)|op basis waarvan|op grond waarvan|based on what|on what basis|hoe (wordt|worden) [^?]{1,60}\b(berekend|bepaald|vastgesteld)|how (is|are) [^?]{1,60}\b(calculated|determined|set)|what determines|wat bepaalt)\b/iu],
  // "Wat moeten wij als dossierhouder doen?", "what are the zorgkantoor's duties": what a role must do.
  ['duty', /\b(wat (moet|moeten|hoort|horen) (ik|we|wij|je|jij|u|jullie|ze|zij|hij|de \S+|het \S+|een \S+)( \S+){0,3} (te )?doen|wat (is|zijn) (de|onze|mijn|zijn|haar|hun|jouw) (taak|taken|plicht|plichten|verantwoordelijkheid|verantwoordelijkheden)|what (do|does|must|should) (i|we|you|they|he|she|the \S+|a \S+)( \S+){0,2} (have to |need to )?do|what (is|are) (the|our|my|his|her|their|its) (task|tasks|duty|duties|responsibilit(y|ies)|obligations?))\b/iu],
  // "Kan ik als huisarts ELV aanvragen?", "may the provider refuse?": whether something is possible
  // or allowed; a sentence that says it is (not) possible answers it.
  ['possible', /^(?:(?:en|maar|dus|ok|oke|and|but|so|also|ook)\s+)?(kan|kun|kunnen|mag|mogen|can|could|may)\s|\b(is het (wel |ook )?(mogelijk|toegestaan)|is it (possible|allowed)|are (we|they|you) allowed)\b/iu],
  ['how', /\b(hoe|how)\b/iu],
  // "Wat is de volgende stap?" asks what to do next, not what a step is. "Waar staat CCE voor?", "whats COT
  // short for?" ask what an abbreviation means.
  ['define', new RegExp(`${DEFINE_INDIRECT.source}|\\b(wat (is|zijn|betekent|houdt|doet|doen)(?! (de |mijn |onze |een )?(volgende|eerste|logische|beste|slimste) stap)(?![^?]*\\bafhankelijk van\\b)|what (is|are|does)(?! (the |my |our |a )?(next|first|best|logical) step)(?![^?]*\\b(depends? on|dependent on|based on)\\b)|betekenis|meaning|waar staat \\S+( \\S+)? voor|stands? for|short for|afkorting|acronym|abbreviation)\\b`, 'iu')],
];
// Tested without the `u` flag where that gives the same verdict (law-patterns.ts): every question meets all of them.
for (const entry of WANTS) entry[1] = quickPattern(entry[1]);
// The money pattern tries its variable-length lookbehinds ("(?<!\b(wie|who)\b.{0,40})") at every
// word start: ~25 µs a question, the dearest of these tests (#13). Each of its branches holds one of
// these words literally, so a text without any cannot match; same flags, so the same verdicts.
const MONEY_WORDS = /pay|betaal|betal|cost|kost|gratis|free|hoeveel|hoe hoog|bedrag|prijs|tarief|how much|price/iu;

// Words that only ask for a kind of fact ("hoe lang", "how many"): they say nothing of the topic,
// so sentences are not chosen for repeating them.
const FACT_WORDS = /\b(hoe ?lang|hoelang|binnen hoeveel tijd|binnen welke termijn|hoeveel( tijd)?|hoe vaak|hoe dikwijls|hoe snel|how long|how many|how much|how often|how quickly|within how long|duren|duurt|lasts?|takes?)\b/giu;

const RULED_OUT = /\b(?:zonder|geen|buiten)\s+(?:de\s+|het\s+|een\s+)?[\p{L}-]+|\b(?:without|no|outside)\s+(?:the\s+|a\s+|an\s+)?[\p{L}-]+/gu;

/** Reads a (redacted) question: its own text, the asker's role, the laws and the kind of fact it wants. */
export function shapeQuestion(question: string, laws: Law[], lang?: Lang): QuestionShape {
  const { text: stripped, intro } = stripPreamble(question);
  const text = withAgeBands(stripped, lang);
  const folded = fold(text);
  // "zonder wlz", "geen Wlz-indicatie", "without the Wlz": a law ruled out is not the law asked about.
  const found = lawsIn(folded.replace(RULED_OUT, ' '), laws);
  const { asking, focus, background, scene, after } = focusOf(text);
  // What kind of fact is wanted is read from the question sentence, not from the situation
  // told before it ("Hij wacht al een jaar. Wie is dossierhouder?" asks no duration).
  const askFolded = fold(asking);
  let wants = WANTS.filter(([want, pattern]) => (want !== 'money' || MONEY_WORDS.test(askFolded)) && pattern.test(askFolded)).map(([want]) => want);
  if (asksPlural(askFolded)) wants.push('list');
  // "wie bepaalt hoeveel zorg ze krijgt?", "who decides how long it lasts?": the measure is what
  // someone decides; the question asks who that is, not the amount.
  if (wants.includes('who') && WHO_DECIDES_MEASURE.test(askFolded)) wants = wants.filter((w) => !MEASURE_WANTS.includes(w));
  const topic = text.replace(FACT_WORDS, ' ');
  return { text, topic: topic.trim() || text, role: intro ? roleIn(intro) : undefined, laws: found.named, impliedLaws: found.implied, wants, focus, background, scene, after };
}

const WHO_DECIDES_MEASURE = /\b(wie|who)\s+(\S+\s+){0,2}?(bepaalt|bepalen|beslist|beslissen|berekent|berekenen|stelt|vaststelt|decides?|determines?|sets|calculates?|assesses)\s+(vast\s+)?(\S+\s+){0,3}?(hoeveel|hoe lang|hoelang|hoe hoog|hoe vaak|how much|how many|how long|how high|how often)\b/u;
const MEASURE_WANTS: Want[] = ['count', 'duration', 'money', 'number', 'frequency'];

// A sentence that asks: it ends in a question mark or opens with a question word or a verb.
const ASKS = /^(?:\S+:\s*)?(?:en |and |maar |but )?(?:wie|wat|hoe|hoeveel|hoelang|welke?|waar\w*|wanneer|waarom|mag|mogen|moet|moeten|kan|kun|kunnen|is|zijn|heeft|hebben|klopt|geldt|gelden|bestaat|bestaan|krijgt|who|what|how|which|where|when|why|can|could|may|must|should|does|do|is|are|has|have|will|would)\b/iu;
// "…, wie moet dan …?" after "Als …": the clause that sets the condition, before the question.
const CONDITION_FIRST = /^(?:als|indien|zodra|stel dat|wanneer|if|in case|once|suppose|when)\s+([^,?]{6,}?),\s*(.{6,})$/iu;
// "wie heeft zorgplicht als geen aanbieder hem wil opnemen?": the condition after the question.
const CONDITION_AFTER = /^(.{6,}?)[,]?\s+(als|indien|zodra|wanneer|terwijl|omdat|nu|if|when|whenever|in case|once|while|because|since)\s+(.{6,})$/iu;
// Dutch "als" is also "as" ("optreden als dossierhouder"): a condition has a verb.
const CLAUSE_VERB = /\b(is|zijn|was|waren|wordt|worden|werd|heeft|hebben|had|kan|kunnen|kon|wil|willen|wilde|moet|moeten|mag|mogen|zal|zullen|gaat|gaan|komt|komen|staat|blijft|lukt|past|weigert|weigeren|reageert|reageren|wacht|wachten|woont|wonen|krijgt|krijgen|vindt|vinden|neemt|nemen|doet|doen|zegt|zeggen|ligt|zit|zitten|gebeurt|valt|vallen|heb|hebt|ben|bent|kun|kunt|wil|wilt)\b/iu;
// "… vraagt hoe lang …", "wil weten of …", "asks whether …": a question told as what someone asks.
const INDIRECT = /\b(vraagt|vragen|vroeg|vroegen|vraag(t)? (me|zich|ons) af|wil(len)? weten|asks?|asked|wonders?|wants to know)\b(\s+\S+){0,3}\s+(hoe|hoeveel|hoelang|wat|wie|waar|wanneer|welke?|waarom|of|how|what|who|where|when|which|why|whether|if)\b/u;
const POINTS_BACK = /\b(dat|dit|die|deze|het|daar|daarmee|hiermee|that|this|it|these|those)\b/u;
const QUESTION_WORD = /^(?:wie|wat|hoe|welke?|waar\w*|wanneer|waarom|who|what|how|which|where|when|why)\b/iu;

/**
 * The question sentence(s) of a message and, inside it, the main clause: what is asked. The
 * situation told before it and a condition ("als …", "if …") are background, so that sentences
 * are chosen for what is asked rather than for the circumstances.
 */
export function focusOf(text: string): { asking: string; focus: string; background: string; scene: string; after: string } {
  // "familie maakt zich zorgen over de kosten: telt … mee?": a lead-in clause before a colon is
  // a sentence of its own; a short label ("werkagenda: …", "trimbos: …") stays with the question.
  // (The colon first, then the look back: looking back from every position was quadratic in the text.)
  const sentences = text
    .split(/(?<=[.?!])\s+(?=\S)|:(?<=^[^:?]{20,}:)\s+(?=\S)/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const isAsking = (s: string) => s.endsWith('?') || ASKS.test(fold(s));
  const asked = sentences.filter(isAsking);
  // The situation comes before the question; a message without a clear question sentence is all focus.
  let questions = asked.length > 0 && asked.length < sentences.length ? asked : sentences;
  // "Haar zoon vraagt hoe lang de lage bijdrage blijft gelden. Hoe zit dat?": a question with
  // nothing of its own after a sentence that tells what someone asks: that sentence is the question.
  const told = sentences[sentences.indexOf(questions[0]) - 1];
  // So is the sentence before "Wat doet dat nou?", "Klopt dat?", "How does that work?": a question
  // of nothing but a word that points back asks about what that sentence tells.
  if (questions.length === 1 && told && content(questions[0]) <= 1 && (INDIRECT.test(fold(told)) || POINTS_BACK.test(fold(questions[0])))) questions = [told, questions[0]];
  const background = sentences.filter((s) => !questions.includes(s));
  const scene = background.join(' ');
  // "…? Ik raak de weg kwijt in al die termen.": a remark after a question that says enough itself.
  const last = sentences.indexOf(questions[questions.length - 1]);
  const after = questions.length < sentences.length && content(questions.join(' ')) >= 2 ? sentences.slice(last + 1).filter((s) => !questions.includes(s)).join(' ') : '';
  const asking = questions.join(' ');
  let focus = asking;
  // "who …, and who if …?" asks two things: the condition belongs to the second, not to the background.
  if (questions.length === 1 && (fold(questions[0]).match(/\b(wie|wat|hoe|welke?|waar|wanneer|waarom|who|what|how|which|where|when|why)\b/gu) ?? []).length < 2) {
    const q = questions[0];
    const first = CONDITION_FIRST.exec(q);
    const after = first ? undefined : CONDITION_AFTER.exec(q);
    if (first && content(first[2]) >= 1 && QUESTION_WORD.test(fold(first[2]).replace(/^(?:dan|then)\s+/u, '').replace(/^\S+\s+(?=wie|wat|hoe|welke|waar)/u, ''))) {
      focus = first[2];
      background.push(first[1]);
    } else if (after && (after[2].toLowerCase() !== 'als' || CLAUSE_VERB.test(fold(after[3]))) && content(after[1]) >= 1 && content(after[3]) >= 2) {
      focus = after[1];
      background.push(after[3]);
    }
  }
  // "actie wat is de zorgplicht van …": one or two words before the question word of a single
  // question are a lead-in when the question itself says enough, and they do not lead into it
  // ("levensloopbegeleider voor welke doelgroep …" is one phrase; a label before a colon,
  // "werkagenda: …", names the topic and stays).
  const lead = questions.length === 1 && focus === asking ? WORDS_BEFORE_QUESTION.exec(focus) : null;
  if (lead && content(lead[2]) >= 3 && !LINKING.test(lead[1].trim()) && !lead[1].includes(':')) {
    background.push(lead[1]);
    focus = lead[2];
  }
  return { asking, focus, background: background.join(' '), scene, after };
}

const LINKING = /(?:^|\s)(?:voor|van|bij|in|op|met|naar|over|om|aan|de|het|een|en|of|dan|for|at|on|with|to|about|the|a|an|and|or|then)$/iu;
const WORDS_BEFORE_QUESTION = /^((?:[^\s?]+\s+){1,2}?)((?:wat|wie|hoe|welke?|waar|wanneer|waarom|hoeveel|who|what|how|which|where|when|why)\b.*)$/iu;

const content = (text: string) => words(text).filter((w) => !isStopWord(w) && w.length > 2).length;

// "welke termijnen", "which groups", "wat zijn de taken", "wie zitten er": the answer is a list.
const PLURAL_DUTCH = /^(?:\p{L}+(?:en|'s|[lrn]s|jes|ies|ees|ijs|ers|els|aus|ous|oes|ses))$/u;
const PLURAL_ENGLISH = /^(?:\p{L}+[^su's]s|\p{L}+ies)$/u;
const NOT_NOUN = new Set(['een', 'geen', 'deze', 'zijn', 'hebben', 'moeten', 'kunnen', 'mogen', 'willen', 'worden', 'gelden', 'this', 'these', 'those', 'does', 'has', 'was', 'its', 'his', 'is', 'as', 'us']);
const NUMBER_WORD = /^(\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six|seven|eight|nine|ten|several|verschillende|belangrijkste|andere|main|key|other|different)$/u;
// After "which care offices": a verb agreeing with a plural, or a preposition; "which law gives
// the …" has a singular verb followed by its object.
const OBJECT_NEXT = /^(the|a|an|its|their|his|her|my|your|our|this|that|these|those|de|het|een)$/u;
// "which organisation decides on it", "which office pays for …": a singular noun and its verb, not a
// noun before a plural one ("which client groups …"). The common verbs of who-does-what questions.
const SINGULAR_VERB = /^(decides|pays|covers|handles|assesses|applies|sets|determines|grants|makes|takes|gives|gets|checks|arranges|organi[sz]es|runs|leads|chairs|funds|finances|approves|rejects|offers|provides|sends|signs|submits|requests|asks|needs|does|goes|comes|falls|counts|holds|keeps|bears|carries|issues|registers|regulates|governs|supervises|monitors|appoints|receives|coordinates|manages|calculates|collects|reimburses|contracts|buys|purchases|owns|sees|says|means|uses|helps|supports|starts|ends|lasts|becomes|remains|stays|tells|knows|wants|works|plays|answers|reports|informs|advises|refers|indicates|signals|explains|fits|belongs)$/u;

/** True when the question asks for several things ("welke termijnen …?", "which groups …?"). */
export function asksPlural(folded: string): boolean {
  // ("list" as a verb or "a list of", not the noun of "waiting list".)
  if (/\b(noem|noemen|opsomming|overzicht|lijst(je)? van|list (the|all|some|them|those|these|every|each)|(give|make|send|provide)( me| us)? a list|a list of|enumerate|name the|name (a few|some))\b/u.test(folded)) return true;
  const are = /\b(?:wat|welke|what|which) (?:zijn|are) (?:de|the) (\S+)(?: (\S+))?/u.exec(folded.replace(/[?,.!:;]/g, ' '));
  if (are && [are[1], are[2] ?? ''].some((w) => !NOT_NOUN.has(w) && (PLURAL_DUTCH.test(w) || PLURAL_ENGLISH.test(w)))) return true;
  if (/\b(?:wie|who) (?:zijn|are) (?:de|the|er|there)\b/u.test(folded)) return true;
  // "wie zitten er …", "wie spelen een rol": a plural verb after "wie".
  if (/\bwie (zitten|zijn|spelen|doen|hebben|moeten|kunnen|mogen|betalen|beslissen|bepalen|nemen|horen|schuiven|werken|zijn er)\b/u.test(folded)) return true;
  const m = /\b(welke|which|what|wat voor(?: soort)?|what kinds? of|what sorts? of)\s+(\S+)(?:\s+(\S+))?(?:\s+(\S+))?/u.exec(folded.replace(/[?,.!:;]/g, ' '));
  if (!m) return false;
  // A count of two or more before the noun ("op welke drie niveaus", "which four forms") asks for that many.
  if (/^([2-9]|1\d|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six|seven|eight|nine|ten)$/u.test(m[2])) return true;
  // A number or an adjective before the noun ("welke drie doelgroepen", "which three target groups").
  const [w1, w2, w3] = NUMBER_WORD.test(m[2]) ? [m[3] ?? '', m[4] ?? '', folded.slice(m.index + m[0].length).trim().split(/\s+/)[0] ?? ''] : [m[2], m[3] ?? '', m[4] ?? ''];
  if (m[1] === 'welke' || m[1].startsWith('wat voor')) {
    const noun = /e$/u.test(w1) && w1.length > 4 && PLURAL_DUTCH.test(w2) ? w2 : w1;
    return !NOT_NOUN.has(noun) && PLURAL_DUTCH.test(noun);
  }
  if (PLURAL_ENGLISH.test(w1) && !NOT_NOUN.has(w1)) return m[1] !== 'what' || !/^(is|does|has)$/u.test(w2);
  // "which care offices are …" (a noun before the plural noun), not "which law gives the …".
  return PLURAL_ENGLISH.test(w2) && !NOT_NOUN.has(w2) && !SINGULAR_VERB.test(w2) && !OBJECT_NEXT.test(w3);
}

function roleIn(intro: string): ChoosableRole | undefined {
  for (const word of fold(intro).split(/[^a-z0-9-]+/)) {
    if (word.length < 3) continue;
    const role = parseRole(word);
    if (role) return role;
  }
  return undefined;
}

/**
 * The separate questions in one message ("Wat is meerzorg? En hoe lang duurt een crisismaatregel?"):
 * split after a question mark when what follows is a question of its own. A follow-up clause
 * without content of its own stays with the question before it, unless it names another of the
 * `laws` ("…, en wie doet dat bij de Wvggz?").
 */
export function splitQuestions(text: string, laws: Law[] = []): string[] {
  const pieces = stripPreamble(text).text.split(/(?<=\?)\s+/u).flatMap((piece) => splitClauses(piece, laws)).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (const piece of pieces) {
    const content = words(piece).filter((w) => w.length > 3 && !isStopWord(w));
    // "… ? En heet dat bij de Wzd hetzelfde?" points back at the question before: one question.
    const leansBack = content.length <= 4 && LEANS_BACK.test(piece) && !namesOtherLaw(out[out.length - 1] ?? '', piece, laws);
    if (out.length > 0 && (content.length < 2 || !piece.endsWith('?') || leansBack)) out[out.length - 1] += ` ${piece}`;
    else out.push(piece);
  }
  return out;
}

// ", en hoe lang …", "; and who …", "… en uit welke wet …": a second question joined to the first in one sentence.
const JOINED = /(?:[,;]\s*|\s+)(?:en|and)\s+(?=(?:(?:uit|van|bij|met|voor|naar|in|op|onder|door|from|by|with|for|to|under|in)\s+)?(?:hoe|waarom|wat|wie|waar|wanneer|welke|welk|how|what|who|where|when|which|why)\b)/iu;

const GAPPED = /^(?:\S+\s+)?(?:hoe|wat|wie|waar|wanneer|welke|welk|how|what|who|where|when|which)\s+(?:de|het|een|the|a|an)\b/iu;
// "… en heet dat bij de Wzd hetzelfde?" asks whether the first answer holds there too: one question.
const SAME = /\b(hetzelfde|dezelfde|ook zo|net zo|anders|the same|also|too|different(ly)?)\b/iu;
/** "… bij de Wzd? En wie doet dat bij de Wvggz?": the later part asks the same of a law the earlier does not name. */
function namesOtherLaw(earlier: string, later: string, laws: Law[]): boolean {
  const named = (text: string) => lawsIn(fold(text), laws).named;
  return !SAME.test(fold(later)) && named(later).some((law) => !named(earlier).includes(law));
}
/** True when a question points back at something said before it ("wie betaalt het?", "and who pays for it?"). */
export function pointsBack(text: string): boolean {
  return LEANS_BACK.test(text);
}
// "… en wie moet daarvoor de verklaring opstellen?": a word that points back (daarvoor, ervoor, for that) too.
const LEANS_BACK = /\b(die|deze|dit|dat|ze|zij|hij|ie|hem|it|they|them|this|that|these|those|(daar|hier|er)(voor|bij|mee|over|om|door|van|in|op|aan|uit|tegen|naar|onder)|for (it|that|this)|about (it|that|this))\b/iu;

// "… binnen welke termijn moet dat en kost bezwaar maken geld?": after a wh-question, "en" and a
// verb that opens a yes/no question start a second question.
const JOINED_YES_NO = /\s+(?:en|and)\s+(?=(?:kost|kosten|kan|kun|kunnen|mag|mogen|moet|moeten|is|zijn|heeft|hebben|geldt|gelden|krijgt|krijg|valt|vallen|wordt|worden|betaalt|telt|blijft|does|do|are|can|may|must|should|will|has|have)\s+\S+\s+\S+)/iu;
const LEANS_ON_FIRST = /^\s+\S+\s+\S+\s+(het|hij|zij|ze|ie|dat|die|dit|er|it|they|that|this|there)\b|\b(dan|then)\b/iu;
const ASKS_WH = /\b(hoe|wat|wie|waar|wanneer|welke|welk|waarom|hoeveel|how|what|who|where|when|which|why)\b/iu;

function joinedAt(piece: string): number {
  const at = piece.search(JOINED);
  if (at >= 0 || !piece.endsWith('?')) return at;
  const yesNo = piece.search(JOINED_YES_NO);
  // Only when the words before are a question themselves, not a story ("… woont in Emmen en heeft …").
  if (yesNo < 0 || !ASKS_WH.test(piece.slice(0, yesNo).split(/[.!]\s/u).pop() ?? '')) return -1;
  // "… en moet het direct aansluiten?", "… en blijft het zorgkantoor dan …": still about the first question.
  return LEANS_ON_FIRST.test(piece.slice(yesNo)) ? -1 : yesNo;
}

/** Splits "…, en hoe lang …?" into two questions when the second has content of its own. */
function splitClauses(piece: string, laws: Law[]): string[] {
  const at = joinedAt(piece);
  if (at < 0) return [piece];
  const first = piece.slice(0, at).trim();
  const second = piece.slice(at).replace(/^(?:[,;]\s*|\s+)(?:en|and)\s+/iu, '').trim();
  // "…, en hoe lang duurt die?" leans on the first part: one question, answered as one; so does
  // "wie doet X en wie het Y?", whose second part borrows the verb of the first.
  // But "wie doet X bij de Wzd, en wie doet dat bij de Wvggz?" asks the same of another law: two questions.
  if (content(first) < 2 || content(second) < 2 || (LEANS_BACK.test(second) && !namesOtherLaw(first, second, laws)) || GAPPED.test(second)) return [piece];
  return [first.endsWith('?') ? first : `${first}?`, ...splitClauses(second, laws)];
}
