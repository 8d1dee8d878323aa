/**
 * Text analysis for retrieval: folding (case, accents), tokenising, stop words, synonym and
 * abbreviation expansion, and Dutch plus English stemming. The same analysis runs on cards and
 * on questions, so "Cliënten", "client" and "cliënt" meet in one term.
 */
import { readDataFile } from './data-file.ts';
import dutchModule from 'snowball-stemmer.jsx/dest/dutch-stemmer.common.min.js';
import englishModule from 'snowball-stemmer.jsx/dest/english-stemmer.common.min.js';
import { z } from 'zod';
import { fold } from '../core/index.ts';

// One Snowball stemmer per language, each its own small module: the package with every language
// (snowball-stemmers) cost ~50 ms and ~10 MB of RSS to load. The same stems on every word of the
// cards, catalogues and questions of this repository (test/ask/stemmers.test.ts).
const dutch = new dutchModule.DutchStemmer();
const english = new englishModule.EnglishStemmer();

// Function words of both languages; question words ("wie", "wat") carry no topic either.
const STOP_WORDS = new Set(
  `de het een en of maar dan dat die dit deze daar hier er is zijn was waren wordt worden werd
  ben bent heb hebt heeft hebben had hadden kan kun kunt kunnen kon mag mogen moet moeten zal zullen
  zou zouden wil wilt willen ik je jij u we wij ze zij hij hem haar hun hen mijn jouw uw onze ons
  zijn me mij jou men iets niets iemand wat wie waar wanneer hoe welke welk waarom waarvoor
  van voor in op aan met bij naar uit om over tot door als na tegen zonder onder boven tussen
  te toe ook nog al wel niet geen zo heel erg meer veel dus toch even eigenlijk precies nou nu
  eens gewoon echt altijd vaak soms steeds dan doe doet doen gedaan gaan gaat ga krijg krijgt
  krijgen zeggen zegt weet weten the a an and or but if then that this these those there here is
  are was were be been being do does did have has had can could may might must shall should will
  would i you he she it we they me him her us them my your his its our their what who whom which
  where when why how of for in on at to from with by about as into than so not no any some
  please pls plz aub svp thx tia thanks dank bedankt graag hallo hoi hi hello wegwijs someone somebody anyone anybody
  something anything get gets got getting under just also very really s t ll re ve d qua
  kort uitgelegd samengevat briefly explained nutshell vs versus terecht exactly actually basically
  precisely ok okay couple few several paar zoiets iets dergelijks ie zn hoelang erover daarover hierover waarover ervan daarvan hiervan waarvan erin daarin hierin
  waarin eraan daaraan hieraan waaraan ermee daarmee hiermee waarmee erbij hierbij waarbij ervoor daarvoor
  hiervoor waarvoor erop daarop hierop waarop eruit daaruit waaruit ernaar daarnaar hiernaar waarnaar erdoor eronder
  daaronder hieronder ertegen daartegen hiertegen waartegen erom hierom ertoe daartoe hiertoe erachter daarachter alles niks everything nothing z n m r k
  doesn don isn aren wasn weren hasn haven hadn wouldn shouldn couldn cannot hoor
  alsnog achteraf inmiddels intussen nogmaals sowieso trouwens alweer afterwards meanwhile anyway anyhow already
  naartoe daarheen waarheen erheen hierheen`.split(/\s+/),
);

const SynonymFileSchema = z.object({
  groups: z.array(z.array(z.string().min(1)).min(2)).default([]),
  abbreviations: z.record(z.string(), z.string()).default({}),
});

export interface Synonyms {
  /** Folded phrase → folded phrases that mean the same, with the weight to search them at. */
  expansions: Map<string, { to: string; weight: number }[]>;
  /** Longest phrase length in words, for matching multi-word phrases. */
  maxWords: number;
}

/** Reads `synonyms.yaml` from the knowledge folder (absent file = no synonyms). */
export function loadSynonyms(dir: string): Synonyms {
  const data = readDataFile(dir, 'synonyms.yaml', SynonymFileSchema);
  const expansions = new Map<string, { to: string; weight: number }[]>();
  const add = (from: string, to: string, weight: number) => {
    const key = normalisePhrase(from);
    const value = fold(to).trim().replace(/\s+/g, ' ');
    if (!key || !value || key === value) return;
    const list = expansions.get(key) ?? [];
    const existing = list.find((e) => e.to === value);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else list.push({ to: value, weight });
    expansions.set(key, list);
  };
  for (const group of data.groups) for (const a of group) for (const b of group) add(a, b, EXPANSION_WEIGHT);
  // An abbreviation is the word itself, typed short: it searches almost as strongly.
  for (const [from, to] of Object.entries(data.abbreviations)) add(from, to, ABBREVIATION_WEIGHT);
  const maxWords = Math.max(1, ...[...expansions.keys()].map((k) => k.split(' ').length));
  return { expansions, maxWords };
}

function normalisePhrase(text: string): string {
  return words(text).join(' ');
}

/**
 * Folded words of a text. Hyphens split words ("Wlz-uitvoerder" → wlz, uitvoerder) but dotted
 * abbreviations join ("C.O.T." → cot); anything that is not a letter or digit separates words,
 * so odd Unicode (emoji, symbols, other scripts' punctuation) cannot break the analysis.
 */
export function words(text: string): string[] {
  // One answer splits the same question, its parts and its topic again and again: each text once.
  // Bounded (short texts only): a flood of unique questions cannot grow it.
  let cached = WORDS_CACHE.get(text);
  if (!cached) {
    cached = splitWords(text);
    if (text.length > 400) return cached;
    if (WORDS_CACHE.size >= 5_000) WORDS_CACHE.clear();
    WORDS_CACHE.set(text, cached);
  }
  // A copy: callers may change the array they get.
  return cached.slice();
}

const WORDS_CACHE = new Map<string, string[]>();

// On plain ASCII text (most folded text) a letter is [A-Za-z] and a digit [0-9]: the same splits
// without Unicode property classes, which made splitting ~30% of the index build.
const ASCII = /^[\x00-\x7f]*$/;
const INITIALS = { unicode: /\b(\p{L})\.(?=\p{L}\.)/gu, ascii: /\b([A-Za-z])\.(?=[A-Za-z]\.)/g };
const DOTTED = { unicode: /(\p{L})\.(\p{L})\.?/gu, ascii: /([A-Za-z])\.([A-Za-z])\.?/g };
const BETWEEN_WORDS = { unicode: /[^\p{L}\p{N}-]+/u, ascii: /[^A-Za-z0-9-]+/ };

function splitWords(text: string): string[] {
  const out: string[] = [];
  const lower = fold(text);
  const mode = ASCII.test(lower) ? 'ascii' : 'unicode';
  const folded = lower.replace(INITIALS[mode], '$1').replace(DOTTED[mode], '$1$2');
  for (const chunk of folded.split(BETWEEN_WORDS[mode])) {
    const parts = chunk.split('-').filter(Boolean);
    out.push(...parts);
    // "wlz-uitvoerder" is also one term, so a synonym can point at the whole word.
    if (parts.length > 1) out.push(parts.join(''));
  }
  return out.filter((w) => w.length > 0 && w.length <= 40);
}

/** Words of a synonym phrase: hyphenated words stay one term ("wlz-uitvoerder" → wlzuitvoerder). */
function phraseWords(text: string): string[] {
  return text.split(/\s+/).flatMap((w) => {
    const parts = words(w);
    return parts.length > 1 ? [parts[parts.length - 1]] : parts;
  });
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Words whose stem would be another word's: "gegevens" (data) is not "gegeven" (given). */
const OWN_TERM = new Set(['gegevens']);

/** Index terms for one word: its Dutch and English stems (one or two terms). */
export function stems(word: string): string[] {
  let cached = STEM_CACHE.get(word);
  // A word with a digit is its own term; not kept: numbers are endless (dates, amounts, case
  // numbers), and keeping them (up to 50,000) grew the heap of a long-running process by some MB.
  if (!cached && /\d/.test(word)) return [word];
  if (!cached && word.length <= 3) {
    // Short words are their own term (kept: they are asked for again and again).
    cached = [word];
    if (STEM_CACHE.size > 50_000) STEM_CACHE.clear();
    STEM_CACHE.set(word, cached);
  }
  if (!cached && OWN_TERM.has(word)) cached = [word];
  if (!cached) {
    // Dutch spelling never ends a word in a double consonant, but the Snowball stemmer only
    // undoubles kk/dd/tt: "stappen" → "stapp" must meet "stap", "zussen" → "zuss" meet "zus".
    const nl = dutch.stemWord(word).replace(/([bfglmnprs])\1$/, '$1');
    const en = english.stemWord(word);
    cached = nl === en ? [nl] : [nl, en];
    // The vocabulary of cards and questions is small; the cap only guards against floods. Each
    // stemmer keeps every word it was given as well: emptied with this cache.
    if (STEM_CACHE.size > 50_000) {
      STEM_CACHE.clear();
      dutch.cache = {};
      english.cache = {};
    }
    STEM_CACHE.set(word, cached);
  }
  return cached;
}

// The snowball port is slow per call (it builds objects); stemming each word once keeps the
// index build and every question fast.
const STEM_CACHE = new Map<string, string[]>();

// The particles of Dutch separable verbs: "vraagt … aan" is "aanvragen", "dient … in" is "indienen".
const PARTICLES = new Set(['aan', 'op', 'in', 'uit', 'af', 'mee', 'door', 'terug', 'toe', 'bij', 'na', 'vast', 'weg', 'om', 'over']);
/** How far a particle may stand after its verb ("vraagt de zorgaanbieder meerzorg aan"). */
const PARTICLE_REACH = 5;

/**
 * The stems of the separable verbs of a Dutch sentence, joined as a question says them: "De
 * aanbieder vraagt meerzorg aan bij het zorgkantoor" also holds "aanvragen" (stem "aanvrag"). A
 * verb and a particle after it within a few words, within one clause.
 */
export function separableTerms(text: string): string[] {
  const out: string[] = [];
  for (const clause of fold(text).split(/[,;:.?!()]/u)) {
    const ws = words(clause);
    ws.forEach((particle, j) => {
      if (!PARTICLES.has(particle)) return;
      for (let i = Math.max(0, j - PARTICLE_REACH); i < j; i++) {
        const verb = ws[i];
        if (verb.length < 3 || PARTICLES.has(verb)) continue;
        // "vraagt" → "aanvraag" (a stem shared with "aanvragen"), "neemt" → "opneem".
        out.push(...stems(particle + verb.replace(/t$/u, '')));
      }
    });
  }
  return out;
}

/** Tokenizer + term processor for the index: content words only, stemmed both ways. */
export function indexTerms(text: string): string[] {
  // Every answer analyses the same card sentences and titles again: analyse each text once.
  // Bounded (short texts, a few thousand of them): a flood of unique questions cannot grow it.
  let cached = TERMS_CACHE.get(text);
  if (!cached) {
    cached = words(text)
      .filter((w) => !isStopWord(w))
      .flatMap(stems);
    if (text.length > 400) return cached;
    if (TERMS_CACHE.size >= 5_000) TERMS_CACHE.clear();
    TERMS_CACHE.set(text, cached);
  }
  // A copy: callers may change the array they get.
  return cached.slice();
}

const TERMS_CACHE = new Map<string, string[]>();

export interface QueryToken {
  /** The folded word as typed (or from an expansion). */
  word: string;
  /** Its stems, the search terms. */
  terms: string[];
  /** Index of the typed word this token stands for (expansions point at their source). */
  source: number;
  /** 1 for typed words, lower for expansions (how strongly the term searches). */
  weight: number;
  /**
   * How much finding this term in a card counts towards confidence (1 for the typed word). A
   * synonym found in the card is nearly as good as the word itself, even if it searches softly.
   */
  credit?: number;
  /**
   * For a typed word that is part of a phrase with synonyms ("no provider accepts"): the typed
   * words of the phrase. The phrase is its meaning: the word alone ("provider") says less.
   */
  phrase?: number[];
  /** Only the first part of an unknown compound ("rolstoel" of "rolstoelreparatie"): its head is unknown. */
  modifier?: boolean;
  /**
   * For a word of a synonym phrase ("take" from "no one will take"): the other words of that
   * phrase (their stems), one list per phrase it is in. It means the phrase only together with
   * them; alone it is an everyday word. Undefined: the word means it by itself.
   */
  together?: string[][][];
}

/** True when a token's word counts: by itself, or with the rest of one of its synonym phrases. */
export function countsWith(token: QueryToken, hit: (term: string) => boolean): boolean {
  return !token.together || token.together.some((phrase) => phrase.every((terms) => terms.some(hit)));
}

export const SYNONYM_CREDIT = 0.8;

export const EXPANSION_WEIGHT = 0.4;
export const ABBREVIATION_WEIGHT = 0.9;
export const PHRASE_WEIGHT = 0.8;

/**
 * Analyses a question: content words, each with its stems, plus synonym and abbreviation
 * expansions (multi-word phrases first), which point back at the word they came from.
 */
export function analyseQuery(text: string, synonyms: Synonyms): { tokens: QueryToken[]; typed: number } {
  // One answer analyses the same text several times (ranking, sentences, domain): keep the last few.
  const key = `${text}`;
  const cached = ANALYSED.get(synonyms)?.get(key);
  if (cached) return cached;
  const result = analyse(text, synonyms);
  const forSynonyms = ANALYSED.get(synonyms) ?? new Map<string, { tokens: QueryToken[]; typed: number }>();
  if (forSynonyms.size >= 64) forSynonyms.delete(forSynonyms.keys().next().value!);
  forSynonyms.set(key, result);
  ANALYSED.set(synonyms, forSynonyms);
  return result;
}

const ANALYSED = new WeakMap<Synonyms, Map<string, { tokens: QueryToken[]; typed: number }>>();

function analyse(text: string, synonyms: Synonyms): { tokens: QueryToken[]; typed: number } {
  const all = words(text);
  const tokens: QueryToken[] = [];
  const sourceOf = new Map<number, number>();
  let typed = 0;
  all.forEach((w, i) => {
    if (isStopWord(w)) return;
    sourceOf.set(i, typed);
    tokens.push({ word: w, terms: stems(w), source: typed++, weight: 1 });
  });
  const starts = phraseStarts(synonyms);
  for (let i = 0; i < all.length; i++) {
    // No synonym phrase starts with this word (most words): none of its lengths is looked up.
    if (!starts.has(all[i])) continue;
    for (let n = Math.min(synonyms.maxWords, all.length - i); n >= 1; n--) {
      const phrase = all.slice(i, i + n).join(' ');
      const expansions = synonyms.expansions.get(phrase);
      if (!expansions) continue;
      let source = sourceOf.get(i);
      for (let j = i; source === undefined && j < i + n; j++) source = sourceOf.get(j);
      // A phrase of function words only ("tegen de wil"): its synonyms are searched, but it has
      // no typed word of its own to count for confidence.
      if (source === undefined) source = -1 - i;
      const seen = new Set(tokens.map((t) => t.word));
      // Every typed word of a multi-word phrase ("long term care") stands for the phrase's
      // concept, so a card with its synonym covers all of them, not only the first word.
      const phraseSources = new Set<number>([source]);
      for (let j = i; j < i + n; j++) if (sourceOf.has(j)) phraseSources.add(sourceOf.get(j)!);
      if (n > 1 && phraseSources.size > 1) for (const from of phraseSources) if (from >= 0 && !tokens[from].phrase) tokens[from].phrase = [...phraseSources].filter((x) => x >= 0);
      const added = new Map<string, QueryToken[]>();
      for (const expansion of expansions) {
        const { all, content } = expansionWords(expansion.to);
        // "geen aanbieder" without its "geen" is only "aanbieder": the phrase's meaning is gone.
        if (content.length === 1 && all.some((w) => NEGATION.has(w))) continue;
        const others = (w: string) => content.filter((x) => x !== w).map(stems);
        for (const w of content) {
          const earlier = added.get(w);
          if (earlier) {
            // Also in this phrase: alone (a one-word synonym) it stands by itself, else one more phrase.
            for (const t of earlier) t.together = content.length > 1 && t.together ? [...t.together, others(w)] : undefined;
            continue;
          }
          if (seen.has(w)) continue;
          seen.add(w);
          // A typed phrase of several words ("care office", "tegen zijn wil") names one concept
          // unambiguously, unlike its loose parts: its synonyms search almost as strongly.
          const weight = n > 1 ? Math.max(expansion.weight, PHRASE_WEIGHT) : expansion.weight;
          const list = [...phraseSources].map((from) => ({ word: w, terms: stems(w), source: from, weight, credit: SYNONYM_CREDIT, ...(content.length > 1 ? { together: [others(w)] } : {}) }));
          tokens.push(...list);
          added.set(w, list);
        }
      }
      break;
    }
  }
  // Dutch separable verbs: "aansluiten" is "sluit … aan" in a sentence, so also search the verb.
  for (const token of tokens.filter((t) => t.weight === 1)) {
    const match = SEPARABLE.exec(token.word);
    if (match && match[2].length >= 5) tokens.push({ word: match[2], terms: stems(match[2]), source: token.source, weight: SEPARABLE_WEIGHT, credit: 0.6 });
  }
  return { tokens, typed };
}

/** The first words of a synonym list's phrases, per list (made once; again if the list grows). */
const STARTS = new WeakMap<Synonyms['expansions'], { size: number; words: Set<string> }>();
function phraseStarts(synonyms: Synonyms): Set<string> {
  const known = STARTS.get(synonyms.expansions);
  if (known && known.size === synonyms.expansions.size) return known.words;
  const starts = new Set([...synonyms.expansions.keys()].map((phrase) => phrase.split(' ')[0]));
  STARTS.set(synonyms.expansions, { size: synonyms.expansions.size, words: starts });
  return starts;
}

/** An expansion's words, and its content words: the same few hundred synonyms, split once each. */
function expansionWords(to: string): { all: string[]; content: string[] } {
  let split = EXPANSIONS.get(to);
  if (!split) {
    const all = phraseWords(to);
    split = { all, content: all.filter((w) => !isStopWord(w)) };
    if (EXPANSIONS.size >= 5_000) EXPANSIONS.clear();
    EXPANSIONS.set(to, split);
  }
  return split;
}
const EXPANSIONS = new Map<string, { all: string[]; content: string[] }>();

const NEGATION = new Set(['geen', 'niet', 'niets', 'nooit', 'no', 'not', 'none', 'nothing', 'never']);
const SEPARABLE = /^(aan|af|op|uit|mee|door|terug|toe|na|in|bij)(\p{L}+en)$/u;
const SEPARABLE_WEIGHT = 0.5;
