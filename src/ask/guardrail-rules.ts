/**
 * Compiling the refusal rules of `guardrails.yaml` into plain data: lexicons expanded into each
 * rule, the flags, a rule's leading lookaheads as shared gates, and its needles (needles.ts). The
 * result is kept in the start-up cache (src/core/data-cache.ts), keyed by the file and this code,
 * so a start parses neither the YAML nor the patterns again; guardrails.ts makes the regular
 * expressions from it (compiled by V8 on their first use only).
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { cachedData } from '../core/index.ts';
import { needlesOf, withoutNegations } from './needles.ts';
import type { FinderState } from './needle-finder.ts';

export interface CompiledGate {
  body: string;
  negate: boolean;
  /** Literal sets the gate's body cannot match without (needles.ts): without them it is false, and not run. */
  needles?: string[][];
}

export interface CompiledRule {
  kind: string;
  source: string;
  flags: string;
  gates?: CompiledGate[];
  /** The pattern after its gates (matched at the start, as "^(?:rest)"). */
  rest?: string;
  needles?: string[][];
  /** Needles of one letter or more, for a rule without longer ones (guardrails.ts decides which rules use them). */
  shortNeedles?: string[][];
  /** The pattern without its negations, when they are most of it (needles.ts `withoutNegations`): a text it does not match is no match. */
  skeleton?: string;
  /** The same for `rest`. */
  restSkeleton?: string;
}

export interface CompiledRules {
  shorthand: [string, string][];
  rules: CompiledRule[];
}

/** `compute()`, or what it gave for exactly this `guardrails.yaml` and this code. */
export function cachedRules(dir: string, compute: () => CompiledRules): CompiledRules {
  return cachedData('guardrails', dir, ...rulesInputs(dir), compute);
}

/**
 * Every rule's and gate's needles as one built finder (needle-finder.ts), through the start-up
 * cache like the rules, but in an entry of its own: it is read when the first question is matched,
 * so that a server at rest does not hold its tables (2.7 MB of text).
 */
export function cachedFinder(dir: string, compute: () => FinderState): FinderState {
  return cachedData('guardrails-finder', dir, ...rulesInputs(dir), compute);
}

/** What the compiled rules are made from: `guardrails.yaml` and the modules that compile them. */
function rulesInputs(dir: string): [{ file: string; text: string }[], string[]] {
  let text = '';
  try {
    text = readFileSync(join(dir, 'guardrails.yaml'), 'utf8');
  } catch {
    // No file: no rules (computed as always).
  }
  const ext = extname(new URL(import.meta.url).pathname);
  const code = [import.meta.url, ...['needles', 'guardrails', 'needle-finder'].map((name) => new URL(`./${name}${ext}`, import.meta.url).href)];
  return [[{ file: 'guardrails.yaml', text }], code];
}

/** Every rule of every kind, in order; a bad pattern fails naming its kind and index. */
export function compileRules(lexicons: Record<string, string[]>, shorthand: [string, string][], kinds: readonly (readonly [string, string[]])[]): CompiledRules {
  const rules: CompiledRule[] = [];
  for (const [kind, written] of kinds) {
    written.forEach((pattern, i) => {
      try {
        // The needles and the gates are read from the lexicons as written; the pattern that runs has
        // them grouped by first letter (factored), which matches the same texts (a back-reference
        // would count groups that factoring removes: such a rule runs as written).
        const plain = anchorFirst(expand(pattern, lexicons));
        const source = BACK_REFERENCE.test(plain) ? plain : fromSentenceStarts(anchorFirst(expand(pattern, lexicons, [], true)));
        const flags = flagsFor(kind, plain);
        new RegExp(source, flags);
        // Literal sets of which a match contains one each: without them, the rule is not run.
        const needles = needlesOf(plain, flags);
        const shortNeedles = needles.length ? [] : needlesOf(plain, flags, 1);
        const gates = gatesOf(source, plain, flags);
        const skeleton = withoutNegations(source, flags);
        const restSkeleton = gates.rest === undefined ? undefined : withoutNegations(gates.rest, flags);
        rules.push({ kind, source, flags, ...gates, ...(needles.length ? { needles } : {}), ...(shortNeedles.length ? { shortNeedles } : {}), ...(skeleton ? { skeleton } : {}), ...(restSkeleton ? { restSkeleton } : {}) });
      } catch (err) {
        throw new Error(`guardrails.yaml: ${kind}.${i}: ${(err as Error).message}`);
      }
    });
  }
  return { shorthand, rules };
}

const BACK_REFERENCE = /\\[1-9]|\\k</;

/**
 * Replaces each `{name}` by its lexicon as one group. A lexicon may use another (`someone` is
 * built from `person_noun`), so one word list serves every rule that speaks of a person; a cycle
 * or a list that does not exist fails loading.
 */
function expand(written: string, lexicons: Record<string, string[]>, seen: string[] = [], factored = false): string {
  return written.replace(/\{([a-z_]+)\}/g, (_name, key: string) => {
    const words = lexicons[key];
    if (!words) throw new Error(`no lexicon "${key}"`);
    if (seen.includes(key)) throw new Error(`lexicon "${key}" uses itself`);
    const expanded = words.map((w) => expand(w, lexicons, [...seen, key], factored));
    return `(?:${(factored ? byFirstLetter(expanded) : expanded).join('|')})`;
  });
}

/**
 * A lexicon's words grouped by their first letter ("bloed|brand|bewusteloos" → "b(?:loed|rand|ewusteloos)"):
 * the regular expression engine tries every alternative at every word boundary, and a letter that
 * differs then rules out a whole group at once (the offline answer went from 2.8 to 2.2 ms a question).
 * A word that opens with a group of words is first written out per word ("(leg|arm) rest" → "leg
 * rest|arm rest"), and a word with alternatives of its own counts as those words, so that nearly
 * every word joins a letter's group. A word that does not open with a plain letter or digit stays
 * as it is. Which texts match is the same; only the order in which alternatives of different first
 * letters are tried changes.
 */
function byFirstLetter(words: string[], depth = TRIE_DEPTH): string[] {
  const groups = new Map<string, { first: string; rests: string[] }>();
  const out: (string | { first: string; rests: string[] })[] = [];
  for (const word of words.flatMap(writtenOut)) {
    const first = /^[a-z0-9](?![?*+{])/.exec(word)?.[0];
    if (!first) {
      out.push(word);
      continue;
    }
    let group = groups.get(first);
    if (!group) {
      groups.set(first, (group = { first, rests: [] }));
      out.push(group);
    }
    group.rests.push(word.slice(1));
  }
  return out.map((item) => (typeof item === 'string' ? item : item.rests.length === 1 ? item.first + item.rests[0] : `${item.first}(?:${(depth > 1 ? byFirstLetter(item.rests, depth - 1) : item.rests).join('|')})`));
}

// Letters deep: "b(?:l(?:oed|auw)|r(?:and|euk))". With the opening groups written out, the 17,403
// questions of the evals took 0.64 ms each at three levels, 0.78 ms at one and 0.74 ms at nine
// (deeper nesting costs more than it saves); 1.6 ms before either (3 Dec 2026, one process).
const TRIE_DEPTH = 3;
// Characters a written-out group may copy: without a limit the patterns grew from 1.6 to 3.8 million
// characters (memory for their machine code); at 300 they grow by a fifth for most of the gain
// (0.79 ms a question; 0.70 ms at 1,000 for two fifths more).
const COPY_BUDGET = 300;

/**
 * A word as the words it stands for: its own top-level alternatives ("a b|c" is "a b" or "c"), and
 * an opening group of alternatives that is not repeated or optional written out with the rest of
 * the word ("(leg|arm) x" is "leg x" or "arm x"). A capturing group may go: a rule with a
 * back-reference is not factored (compileRules).
 */
function writtenOut(word: string): string[] {
  const alternatives = alternativesOf(word);
  if (alternatives.length > 1) return alternatives.flatMap(writtenOut);
  const open = word.startsWith('(?:') ? 3 : word.startsWith('(') && !word.startsWith('(?') ? 1 : 0;
  if (!open) return [word];
  const end = groupEnd(word, 0);
  if (end < 0 || /^[?*+{]/.test(word.slice(end + 1))) return [word];
  const inner = alternativesOf(word.slice(open, end));
  const rest = word.slice(end + 1);
  if (inner.length < 2 || (inner.length - 1) * rest.length > COPY_BUDGET) return [word];
  return inner.flatMap((alternative) => writtenOut(alternative + rest));
}

/** The top-level alternatives of a pattern ("a|b(c|d)" → "a", "b(c|d)"). */
function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/**
 * "[^.?!;]*\bx…[^.?!;]*" (a sentence with x in it) tried at every position of a sentence scans to
 * its end each time (quadratic in the sentence); a match always starts where a sentence does, so it
 * is only tried there: "(?<=^|[.?!;])[^.?!;]*\bx…". The same texts match, and blanking (global
 * replace) finds the same spans, because such an alternative ends with "[^Y]*" where Y is among the
 * stops: the next search starts at a stop or at the end of the text.
 */
function fromSentenceStarts(source: string): string {
  const alternatives = alternativesOf(source);
  const anchored = alternatives.map((alternative) => {
    const open = /^\[\^([^\]\\]+)\]\*(?=\\b)/.exec(alternative);
    const close = /\[\^([^\]\\]+)\]\*$/.exec(alternative);
    const stops = open?.[1];
    return stops && close && [...close[1]].every((c) => stops.includes(c)) ? `(?<=^|[${stops}])${alternative}` : alternative;
  });
  return anchored.join('|');
}

/**
 * The rules match folded text (lower case, no accents) and are written in ASCII, so they need no
 * Unicode mode, which makes every rule about a third slower (case folding, `\b`, `\w`); a rule that
 * uses a Unicode escape gets it.
 */
function flagsFor(kind: string, source: string): string {
  const unicode = /\\[pPu]\{/.test(source) ? 'u' : '';
  return `${kind === 'not_emergency' || kind === 'not_asked' ? 'g' : ''}i${unicode}`;
}

/**
 * "(?!.*x)(?=.*y)^…" and "^(?!.*x)(?=.*y)…" match the same texts, but the first tries its lookaheads
 * at every position before `^` fails there (quadratic in the text); the second only at the start.
 */
function anchorFirst(source: string): string {
  const lead = /^((?:\(\?[=!](?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\([^()]*\))*\))*\))*\))+)\^/.exec(source);
  return lead ? `^${lead[1]}${source.slice(lead[0].length)}` : source;
}

/** The end of the group that opens at `start` (escapes and character classes skipped); -1 if none. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** True when `source` has a `|` outside every group: then "^(?=a)b|c" is not "^(?=a)(?:b|c)". */
function topLevelAlternation(source: string): boolean {
  return alternativesOf(source).length > 1;
}

/**
 * "^(?=.*a)(?!.*b)rest" as gates (each lookahead tested alone at the start) and "^(?:rest)": the
 * same verdict, with each gate's result shared by every rule that starts with it. Rules with a
 * top-level alternation or a back-reference are left whole.
 * Each gate gets needles of its own: a rule's needles are its few most selective sets, so a gate of
 * hundreds of words ("bewusteloos|buiten bewustzijn|…", 4,000 characters) ran, at ~0.1 ms, on
 * most questions that hold none of its words.
 */
function gated(source: string, flags: string): { gates?: CompiledGate[]; rest?: string } {
  if (!source.startsWith('^') || topLevelAlternation(source) || /\\[1-9k]/.test(source)) return {};
  const gates: CompiledGate[] = [];
  let i = 1;
  while (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
    const end = groupEnd(source, i);
    if (end < 0) return {};
    const body = source.slice(i + 3, end);
    const needles = needlesOf(`^(?:${body})`, flags, 1);
    gates.push({ body, negate: source[i + 2] === '!', ...(needles.length ? { needles } : {}) });
    i = end + 1;
  }
  return gates.length ? { gates, rest: source.slice(i) } : {};
}

/** The gates of the factored pattern, with the needles read from the pattern as written (the same gates, in order). */
function gatesOf(source: string, plain: string, flags: string): { gates?: CompiledGate[]; rest?: string } {
  const fast = gated(source, flags);
  const written = gated(plain, flags);
  if (!fast.gates || !written.gates || fast.gates.length !== written.gates.length) return {};
  return { gates: fast.gates.map((gate, i) => ({ body: gate.body, negate: gate.negate, ...(written.gates![i].needles ? { needles: written.gates![i].needles } : {}) })), rest: fast.rest };
}

