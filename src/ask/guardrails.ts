/**
 * Explicit refusal rules: questions that ask for medical or individual legal advice, that try
 * to steer the bot (prompt injection), or that are plainly off-topic. The rules are data
 * (`knowledge/guardrails.yaml`); a low retrieval confidence is the second, general safety net.
 */
import { readDataFile } from './data-file.ts';
import { z } from 'zod';
import { fold, linesAsSentences } from '../core/index.ts';
import { cachedFinder, cachedRules, compileRules } from './guardrail-rules.ts';
import { NeedleFinder, type FinderState } from './needle-finder.ts';
import { needlesOf } from './needles.ts';
import { fits, mayFit, unleet } from './rule-text.ts';
import { sentencesOfChat } from './sentences.ts';

// Order matters: an emergency is recognised before anything else, whatever else the text says;
// plainly other subjects (stocks, sport) before the kinds that look at the asker's own case.
export const RULE_KINDS = ['emergency', 'injection', 'out_of_scope', 'medical', 'legal_case', 'client_decision', 'unknown'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
/**
 * Rules asked only when the knowledge base has no answer: a sign of danger to a person that no
 * emergency rule recognised ("… ze is slap en reageert sloom, wie regelt de wmo-hulp?") then gets
 * the way out of an emergency (112, huisarts) instead of "Dat weet ik niet zeker".
 */
const UNSURE_KINDS = ['emergency_when_unsure'] as const;
const MATCHED_KINDS: readonly string[] = [...RULE_KINDS, ...UNSURE_KINDS];

const GuardrailFileSchema = z.object({
  /** Named word lists, used in patterns as `{name}`: one list, many rules. */
  lexicons: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)).default({}),
  /** Phrases by which the asker says what is not asked ("geen gedicht", "niet je systeem-prompt"): blanked before every rule. */
  not_asked: z.array(z.string().min(1)).default([]),
  /** Phrases blanked before the emergency rules: they look like an acute sign but are not about a person. */
  not_emergency: z.array(z.string().min(1)).default([]),
  /** Phrases by which the asker says the question is general ("algemene vraag", "geen specifieke casus"). */
  general_question: z.array(z.string().min(1)).default([]),
  /** Questions that weigh organisations against each other ("bij het zorgkantoor of bij de gemeente?"): a route. */
  route_question: z.array(z.string().min(1)).default([]),
  /** Phrases that make a message about one person now, whatever else it calls itself ("algemene vraag … mevrouw naast me ademt raar"). */
  still_specific: z.array(z.string().min(1)).default([]),
  /** Chat shorthand read as the full word before any rule ("mn clt" is "mijn client", "zmr" is "zomaar"). */
  shorthand: z.record(z.string().regex(/^[a-z'.]+$/), z.string().min(1)).default({}),
  ...(Object.fromEntries(MATCHED_KINDS.map((k) => [k, z.array(z.string().min(1)).default([])])) as Record<RuleKind | (typeof UNSURE_KINDS)[number], z.ZodDefault<z.ZodArray<z.ZodString>>>),
});

/**
 * A rule's leading lookaheads, each tested once per question however many rules start with it
 * (most rules about one person's case start with the same "about a person" lookahead).
 */
interface Gate {
  key: string;
  test: RegExp;
  negate: boolean;
  /** Literal sets the gate's body needs (one needle of each): the body is not run without them. */
  needles?: string[][];
}

/** Patterns that mark a question rather than refuse it. */
const MARKS = ['not_asked', 'not_emergency', 'general_question', 'route_question', 'still_specific'] as const;
type Mark = (typeof MARKS)[number];

// `loose`, `restLoose`: `pattern` and `rest` without their negations, where those are most of them, tried first (rule-text.ts `fits`).
export type Guardrails = { kind: RuleKind | (typeof UNSURE_KINDS)[number] | Mark | 'shorthand'; pattern: RegExp; gates?: Gate[]; rest?: RegExp; loose?: RegExp; restLoose?: RegExp; full?: string; short?: string; needles?: string[][] }[];

/**
 * The kinds a marked question leaves alone. A question the asker calls general ("algemene vraag
 * voor ons protocol: als iemand acuut gevaar veroorzaakt, wie …") is not about one person's
 * situation; a choice between organisations asks the route, not a decision about the client.
 */
const EXEMPT: Record<Exclude<Mark, 'not_emergency' | 'not_asked'>, readonly string[]> = {
  general_question: ['emergency', 'emergency_when_unsure', 'legal_case', 'client_decision'],
  route_question: ['client_decision'],
  // Exempts nothing itself: it undoes `general_question` (matchGuardrail).
  still_specific: [],
};

/**
 * Reads `guardrails.yaml` and compiles its rules (guardrail-rules.ts: lexicons expanded, gates,
 * needles), through the start-up cache; a bad pattern fails naming the kind and its index.
 */
export function loadGuardrails(dir: string): Guardrails {
  const compiled = cachedRules(dir, () => {
    // Parsed without the YAML cache: the compiled rules are what the start-up cache keeps.
    const data = readDataFile(dir, 'guardrails.yaml', GuardrailFileSchema, { cache: false });
    const compiledRules = compileRules(data.lexicons, Object.entries(data.shorthand), [...MARKS, ...RULE_KINDS, ...UNSURE_KINDS].map((kind) => [kind, data[kind]] as const));
    // A refusal or marking rule without needles of three letters or more still has shorter ones
    // ("mg", "39" of "39 graden", one short word among the 433 acute signs): they skip it for most
    // questions, where it was run for every one.
    for (const rule of compiledRules.rules) {
      if (rule.needles || !(MATCHED_KINDS.includes(rule.kind) || rule.kind in EXEMPT)) continue;
      if (rule.shortNeedles) rule.needles = rule.shortNeedles;
    }
    return compiledRules;
  });
  const rules: Guardrails = compiled.shorthand.map(([short, full]) => ({
    kind: 'shorthand' as const,
    pattern: new RegExp(`(?<![\\w'])${short.replace(/[.']/g, (c) => `\\${c}`)}(?![\\w'])`, 'g'),
    full,
    short,
  }));
  for (const rule of compiled.rules) {
    const gateFlags = rule.flags.replace('g', '');
    rules.push({
      kind: rule.kind as RuleKind | Mark,
      pattern: new RegExp(rule.source, rule.flags),
      // Without the global flag: `test` keeps no position.
      ...(rule.skeleton ? { loose: new RegExp(rule.skeleton, gateFlags) } : {}),
      ...(rule.restSkeleton ? { restLoose: new RegExp(`^(?:${rule.restSkeleton})`, gateFlags) } : {}),
      ...(rule.gates && rule.rest !== undefined
        ? {
            // Shortest first: the gates are one conjunction (any order gives the same verdict), and a
            // short gate that fails spares the long ones (hundreds of words) their run.
            gates: rule.gates
              .map((g) => ({ key: g.body, negate: g.negate, test: new RegExp(`^(?:${g.body})`, gateFlags), ...(g.needles ? { needles: g.needles } : {}) }))
              .sort((a, b) => a.key.length - b.key.length),
            rest: new RegExp(`^(?:${rule.rest})`, gateFlags),
          }
        : {}),
      ...(rule.needles ? { needles: rule.needles } : {}),
    });
  }
  FINDER_LOADERS.set(rules, () => cachedFinder(dir, () => new NeedleFinder(needlesOfRules(rules)).state()));
  return rules;
}

/**
 * The needle finder of each set of rules, from its own start-up cache entry (guardrail-rules.ts):
 * read and restored when the first question is matched (planOf), not at start-up, so that a server
 * at rest does not hold its tables.
 */
const FINDER_LOADERS = new WeakMap<Guardrails, () => FinderState>();

/** Every needle of the rules and of their gates (the finder looks for all of them at once). */
function needlesOfRules(rules: { needles?: string[][]; gates?: { needles?: string[][] }[] }[]): string[] {
  return rules.flatMap((r) => [...(r.needles?.flat() ?? []), ...(r.gates ?? []).flatMap((g) => g.needles?.flat() ?? [])]);
}

/**
 * What matching needs of a set of rules, made once: the rules of each kind in file order, and the
 * needles as one finder plus, per needle, the (rule, needle set) pairs it belongs to, so that the
 * rules whose every needle set has a needle in the question are counted from the needles found
 * (a few dozen) instead of testing every rule's sets (some 300 rules) per question.
 */
interface Plan {
  finder: NeedleFinder;
  shorthand: Guardrails;
  calming: Guardrails;
  notAsked: Guardrails;
  marks: [keyof typeof EXEMPT, Guardrails][];
  /** The refusal rules in order, with their place in `setCount` (-1: no needles, always tried). */
  refusals: { rule: Guardrails[number]; slot: number }[];
  setCount: Uint16Array;
  setTotal: number;
  /** Per needle id: pairs of (slot, global set number). */
  postings: number[][];
  /** The needle sets of the calming and marking rules as needle ids (a rule without needles is not in it). */
  needleIds: Map<Guardrails[number], number[][]>;
  /** The needle sets of each gate (by its body) as needle ids (a gate without needles is not in it). */
  gateIds: Map<string, number[][]>;
}

const PLANS = new WeakMap<Guardrails, Plan>();

function planOf(rules: Guardrails): Plan {
  let plan = PLANS.get(rules);
  if (plan) return plan;
  const gates = rules.flatMap((r) => r.gates ?? []);
  const needles = needlesOfRules(rules);
  // The cached finder serves only when it knows every needle (a needle it lacked would never wake its rule).
  const state = FINDER_LOADERS.get(rules)?.();
  const cached = state && NeedleFinder.fromState(state);
  const finder = cached && needles.every((needle) => cached.id(needle) !== undefined) ? cached : new NeedleFinder(needles);
  const postings: number[][] = [];
  const counts: number[] = [];
  let setTotal = 0;
  const refusals = rules
    .filter((r) => MATCHED_KINDS.includes(r.kind))
    .map((rule) => {
      if (!rule.needles) return { rule, slot: -1 };
      const slot = counts.push(rule.needles.length) - 1;
      for (const set of rule.needles) {
        const number = setTotal++;
        for (const needle of set) {
          const id = finder.id(needle);
          if (id !== undefined) (postings[id] ??= []).push(slot, number);
        }
      }
      return { rule, slot };
    });
  const needleIds = new Map<Guardrails[number], number[][]>();
  for (const rule of rules) {
    if (rule.kind !== 'not_emergency' && rule.kind !== 'not_asked' && !(rule.kind in EXEMPT)) continue;
    const sets = rule.needles?.map((set) => set.map((needle) => finder.id(needle)));
    // A needle the finder does not know (none such: it was given them all) would leave the rule always run.
    if (sets && sets.every((set) => set.every((id) => id !== undefined))) needleIds.set(rule, sets as number[][]);
  }
  const gateIds = new Map<string, number[][]>();
  for (const gate of gates) {
    const sets = gate.needles?.map((set) => set.map((needle) => finder.id(needle)));
    if (sets && sets.every((set) => set.every((id) => id !== undefined))) gateIds.set(gate.key, sets as number[][]);
  }
  plan = {
    needleIds,
    gateIds,
    finder,
    shorthand: rules.filter((r) => r.kind === 'shorthand'),
    calming: rules.filter((r) => r.kind === 'not_emergency'),
    notAsked: rules.filter((r) => r.kind === 'not_asked'),
    marks: (Object.keys(EXEMPT) as (keyof typeof EXEMPT)[]).map((mark) => [mark, rules.filter((r) => r.kind === mark)]),
    refusals,
    setCount: Uint16Array.from(counts),
    setTotal,
    postings,
  };
  PLANS.set(rules, plan);
  return plan;
}

/** Per rule slot, how many of its needle sets have a needle in `found`. */
function setsMet(plan: Plan, found: Set<number>): Uint16Array {
  const met = new Uint16Array(plan.setCount.length);
  const hit = new Uint8Array(plan.setTotal);
  for (const id of found) {
    const pairs = plan.postings[id];
    if (!pairs) continue;
    for (let k = 0; k < pairs.length; k += 2) {
      if (hit[pairs[k + 1]]) continue;
      hit[pairs[k + 1]] = 1;
      met[pairs[k]]++;
    }
  }
  return met;
}

/**
 * The first rule kind the question matches (rules are checked in file order of kinds). The
 * emergency rules see the text without its `not_emergency` phrases ("het zorgkantoor reageert
 * niet" is an escalation; "hij reageert niet" in the same message still counts). `kinds`: only these.
 */
export function matchGuardrail(rules: Guardrails, question: string, kinds: readonly RuleKind[] = RULE_KINDS): RuleKind | undefined {
  return (matchKinds(rules, question, kinds) ?? askedAlone(rules, question, kinds) ?? toldAlone(rules, question, kinds)) as RuleKind | undefined;
}

/**
 * A told case is also read one telling sentence at a time for a danger now: a policy question at its
 * end ("… she's been lying on the floor since last night, she's cold and confused. While I'm here:
 * which law covers her care?") must not hide the danger behind the general words that keep the
 * emergency rules off a question about how things work. A message called general is read by
 * endsSpecific instead.
 */
function toldAlone(rules: Guardrails, question: string, kinds: readonly string[]): string | undefined {
  if (!kinds.includes('emergency') || question.length < MIN_STORY_LENGTH) return undefined;
  const sentences = sentencesOfChat(question);
  if (sentences.length < TOLD_SENTENCES || labelledGeneral(rules, question)) return undefined;
  const told = sentences.filter((sentence) => !sentence.endsWith('?'));
  return told.some((sentence) => matchKinds(rules, sentence, ['emergency'], false) !== undefined) ? 'emergency' : undefined;
}
// A telling sentence and a question after it: "… is kicking in the front door and she hid in the bathroom. which law covers shelter?"
const TOLD_SENTENCES = 2;
// A told case is rarely under this many characters (a cheap check first).
const MIN_STORY_LENGTH = 60;

/** Whether the message carries a label that calls it general ("algemene vraag", "for our protocol"). */
function labelledGeneral(rules: Guardrails, question: string): boolean {
  const labels = planOf(rules).marks.find(([mark]) => mark === 'general_question')?.[1] ?? [];
  const folded = fold(question);
  return labels.some((rule) => fits(rule.pattern, rule.loose, folded));
}

/** Whether one question of a told case, read alone, asks a verdict or a choice about one person (of `kinds`). */
export function asksAlone(rules: Guardrails, question: string, kinds: readonly RuleKind[]): boolean {
  return askedAlone(rules, question, kinds) !== undefined;
}

/** The kinds a question of a told case is also read for alone: a verdict or a choice about one person. */
const ALONE_KINDS: readonly string[] = ['legal_case', 'client_decision'];
const STORY_SENTENCES = 3;

/**
 * A told case with several questions is also read one question at a time for a verdict or a choice
 * about one person: a general question after it ("… would she win if it goes to the rechter? Also
 * general: what is 'gebruikelijke zorg'?") must not hide it behind the general words that keep those
 * rules off a question about how things work.
 */
function askedAlone(rules: Guardrails, question: string, kinds: readonly string[]): string | undefined {
  const own = kinds.filter((kind) => ALONE_KINDS.includes(kind));
  // Most questions have one question mark at most: they are not split (this runs on every question).
  if (own.length === 0 || question.indexOf('?') === question.lastIndexOf('?')) return undefined;
  // A told case: a story of a few sentences with more than one question in it.
  const sentences = sentencesOfChat(question);
  const questions = sentences.filter((sentence) => sentence.endsWith('?'));
  if (questions.length < 2 || sentences.length < STORY_SENTENCES) return undefined;
  for (const sentence of questions) {
    const kind = matchKinds(rules, sentence, own, false);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * Whether a message called general asks a question that, read alone, is about one person's case
 * ("Algemene vraag over de bezwaartermijn. … Is dat in haar geval verschoonbaar?", one item of a
 * numbered list, "… Wat gaat de rechter beslissen denk je? … Wat is in het algemeen het verschil
 * …?"): the label covers its own sentence, and the one before it when it is a remark after that
 * question ("… wie mag dat? gaat om de algemene regel hoor"), not every other question of the message.
 */
function endsSpecific(rules: Guardrails, question: string, kinds: readonly string[]): boolean {
  const own = kinds.filter((kind) => EXEMPT.general_question.includes(kind));
  if (own.length === 0) return false;
  const sentences = sentencesOfChat(question);
  if (sentences.length < 2) return false;
  const labelled = sentences.map((sentence) => labelledGeneral(rules, sentence));
  // A label that opens a question of its own ("Also general: what is …?", "En algemeen: wat doet …?")
  // covers that question only; one that follows as a remark ("gaat om de algemene regel hoor")
  // covers the question before it too.
  const coversBefore = (i: number) => labelled[i] && !asksItself(sentences[i]);
  // A question is read for all these kinds; a sentence that only tells ("… since yesterday confused,
  // vomiting, slurring. Separate q: …?") for a danger now.
  const danger = own.filter((kind) => kind === 'emergency');
  return sentences.some((sentence, i) => {
    if (labelled[i] || coversBefore(i + 1)) return false;
    const read = sentence.endsWith('?') ? own : danger;
    return read.length > 0 && matchKinds(rules, sentence, read, false) !== undefined;
  });
}

/** A question of its own, with its mark or told as one ("… zou ik graag in het algemeen weten wat …"). */
const ASKS_INDIRECTLY = /\b(weten|know|wonder|benieuwd|vraag me af)\b.{0,40}\b(wat|hoe|wie|welke|waarom|wanneer|what|how|who|which|why|when|whether)\b/u;
function asksItself(sentence: string): boolean {
  return sentence.endsWith('?') || ASKS_INDIRECTLY.test(fold(sentence));
}

/** Whether a question the knowledge base cannot answer shows a danger to a person now (UNSURE_KINDS). */
export function dangerWhenUnsure(rules: Guardrails, question: string): boolean {
  return matchKinds(rules, question, UNSURE_KINDS) !== undefined;
}

function matchKinds(rules: Guardrails, question: string, kinds: readonly string[], whole = true): string | undefined {
  const plan = planOf(rules);
  // Phone keyboards type curly quotes ("you’re", "collega’s"); the rules are written with straight ones.
  // (A line break ends a sentence: the rules read one line of text.)
  const typed = unleet(linesAsSentences(fold(question)).replace(/[\u2018\u2019\u02bc]/g, "'"));
  // A shorthand is only looked for where its letters are (most questions have none of them).
  const expanded = plan.shorthand.reduce((t, r) => (t.includes(r.short!) ? t.replace(r.pattern, r.full!) : t), typed);
  // A pattern whose needles are not all in the text cannot match it, and is not run.
  const mayMatch = (rule: Guardrails[number], found: Set<number>) => {
    const sets = plan.needleIds.get(rule);
    return !sets || sets.every((set) => set.some((id) => found.has(id)));
  };
  /** The text with what these phrases match blanked (the same length: positions stay). */
  const blank = (phrases: Guardrails, from: string, found: Set<number>) =>
    phrases.reduce((t, r) => ((t === from && !mayMatch(r, found)) || !mayFit(r.loose, t) ? t : t.replace(r.pattern, (m) => ' '.repeat(m.length))), from);
  // Every needle of every rule looked for at once, in one pass over each text (needle-finder.ts).
  const inExpanded = plan.finder.find(expanded);
  // What the asker says is not asked ("geen gedicht graag", "niet je systeem-prompt hoor") is no part of the question.
  const text = blank(plan.notAsked, expanded, inExpanded);
  const inText = text === expanded ? inExpanded : plan.finder.find(text);
  const calm = blank(plan.calming, text, inText);
  const marked = plan.marks.filter(([, marks]) => marks.some((r) => mayMatch(r, inText) && fits(r.pattern, r.loose, text))).map(([mark]) => mark);
  // A message called general that also tells of one person now ("… oh, en mevrouw naast me ademt heel
  // raar") or asks the bot's verdict on one case is not general.
  const general = marked.includes('still_specific') || (whole && marked.includes('general_question') && endsSpecific(rules, question, kinds))
    ? marked.filter((mark) => mark !== 'general_question')
    : marked;
  const exempt = new Set<string>(general.flatMap((mark) => EXEMPT[mark]));
  const seen = { text: new Map<string, boolean>(), calm: new Map<string, boolean>() };
  const inCalm = calm === text ? inText : plan.finder.find(calm);
  const met = { text: setsMet(plan, inText), calm: calm === text ? undefined : setsMet(plan, inCalm) };
  /** A gate whose needles are not all in the text is false there (its body cannot match), without running it. */
  const mayHold = (gate: Gate, found: Set<number>) => {
    const sets = plan.gateIds.get(gate.key);
    return !sets || sets.every((set) => set.some((id) => found.has(id)));
  };
  const matches = (rule: Guardrails[number], slot: number) => {
    // Emergency rules read the text with the calming phrases blanked ("is inmiddels weer thuis").
    const danger = rule.kind === 'emergency' || rule.kind === 'emergency_when_unsure';
    const subject = danger ? calm : text;
    const found = danger && met.calm ? met.calm : met.text;
    if (slot >= 0 && found[slot] !== plan.setCount[slot]) return false;
    if (!rule.gates || !rule.rest) return fits(rule.pattern, rule.loose, subject);
    const memo = danger ? seen.calm : seen.text;
    const present = danger ? inCalm : inText;
    // A gate that must hold and whose needles are absent fails the rule before any pattern runs.
    for (const gate of rule.gates) if (!gate.negate && !mayHold(gate, present)) return false;
    for (const gate of rule.gates) {
      let found = memo.get(gate.key);
      if (found === undefined) memo.set(gate.key, (found = mayHold(gate, present) && gate.test.test(subject)));
      if (found === gate.negate) return false;
    }
    return fits(rule.rest, rule.restLoose, subject);
  };
  const hit = plan.refusals.find(({ rule, slot }) => !exempt.has(rule.kind) && kinds.includes(rule.kind) && matches(rule, slot));
  return hit?.rule.kind;
}
