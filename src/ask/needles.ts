/**
 * What text a regular expression cannot match without: sets of literal strings ("needles"); every
 * match contains at least one needle of each set. A refusal rule whose needles are all absent from a
 * question cannot match it, so it is neither run nor (on its first use) compiled: most questions
 * contain the words of only a few of the many rules. The analysis is conservative: where it cannot
 * name a literal that every match must contain, it names none, and the rule always runs.
 *
 * It walks the pattern's syntax tree (regjsparser, the parser Babel uses): a sequence needs each
 * of its parts (literal runs like "mijn client", a group's needles), an alternation needs one
 * needle of one of its branches, a positive lookahead needs its body, and a part that may match
 * nothing (`x?`, `x*`, a negative lookahead, `\b`) needs nothing.
 */
import { createRequire } from 'node:module';
import type regjsparser from 'regjsparser';
import type { RootNode } from 'regjsparser';

// Loaded at first use: a start takes the compiled rules from the start-up cache and never parses a
// pattern, so the parser (~0.5 MB of heap at idle) is loaded only when the cache is made or missed.
// A CommonJS module: its exports come as one object.
let parser: typeof regjsparser | undefined;
const parse: typeof regjsparser.parse = (...args) => (parser ??= createRequire(import.meta.url)('regjsparser') as typeof regjsparser).parse(...args);

/**
 * More needles than this are no useful filter (and cost more than the rule itself). All needles are
 * looked for in one pass (needle-finder.ts), so a large set costs little per question: 2,000 lets
 * the gates built from two acute-sign lists (~390 words each, 16,000 characters) keep their needles,
 * so that an ordinary question neither runs nor compiles them (at 400 they had none and were
 * compiled on every process's first question: 38 → 17 ms for it, 2 Dec 2026).
 */
const MAX_NEEDLES = 2000;

type Needles = Set<string> | null;

/** The syntax tree of `source` compiled with `flags`, or undefined when it does not parse. */
function treeOf(source: string, flags: string): RootNode | undefined {
  try {
    return parse(source, flags.replace(/[gy]/g, ''), { lookbehind: true, namedGroups: true }) as RootNode;
  } catch {
    return undefined;
  }
}

/**
 * The needle sets of `source` (compiled with `flags`), lower-cased for folded text; [] when none.
 * Sets with a needle shorter than `minLength` are left out.
 */
export function needlesOf(source: string, flags: string, minLength = 3): string[][] {
  const tree = treeOf(source, flags);
  if (!tree) return [];
  const lower = (n: string) => (flags.includes('i') ? n.toLowerCase() : n);
  // The most selective few: a set whose shortest needle is one or two characters filters nothing.
  return ranked(parts(tree.type === 'alternative' ? tree.body : [tree]))
    .filter((set) => shortest(set) >= minLength)
    .slice(0, 3)
    .map((set) => [...new Set([...set].map(lower))]);
}

/** What each part of a sequence needs (all of them): its literal runs and its groups' needles. */
function parts(sequence: RootNode[]): Set<string>[] {
  const sets: Set<string>[] = [];
  let run = '';
  const endRun = () => {
    if (run) sets.push(new Set([run]));
    run = '';
  };
  for (const node of sequence) {
    if (node.type === 'value') {
      run += String.fromCodePoint(node.codePoint);
      continue;
    }
    endRun();
    const own = requiredOf(node);
    if (own) sets.push(own);
  }
  endRun();
  return sets;
}

/** One set a sequence needs: its most selective part. */
function required(sequence: RootNode[]): Needles {
  return ranked(parts(sequence))[0] ?? null;
}

function requiredOf(node: RootNode): Needles {
  switch (node.type) {
    case 'alternative':
      return required(node.body);
    case 'disjunction': {
      const all = new Set<string>();
      for (const branch of node.body) {
        const needles = requiredOf(branch);
        if (!needles) return null;
        for (const n of needles) all.add(n);
        if (all.size > MAX_NEEDLES) return null;
      }
      return all;
    }
    case 'group':
      // A negative lookaround requires nothing; a positive one requires its body, as a group does.
      return node.behavior === 'negativeLookahead' || node.behavior === 'negativeLookbehind' ? null : required(node.body);
    case 'quantifier':
      return node.min >= 1 ? requiredOf(node.body[0]) : null;
    case 'value':
      return new Set([String.fromCodePoint(node.codePoint)]);
    default:
      // Anchors, dots, character classes, back-references: no literal.
      return null;
  }
}

const shortest = (set: Set<string>) => Math.min(...[...set].map((n) => n.length));

/** Most selective first: the longest shortest needle, then the fewest needles. */
function ranked(sets: Set<string>[]): Set<string>[] {
  const useful = sets.filter((set) => set.size > 0 && set.size <= MAX_NEEDLES);
  const value = (set: Set<string>) => shortest(set) * 1000 - set.size;
  return useful.sort((a, b) => value(b) - value(a));
}

/**
 * `source` without its negative lookarounds ("(?!…)", "(?<!…)"): a looser pattern that matches
 * wherever `source` does (a negation only ever rules a match out), so a text it does not match is
 * no match of `source` either. Worth having when the negations are most of the pattern: a sentence
 * rule that excludes the 433 acute signs twice (53,000 characters, ~250 ms to compile) is then
 * compiled only for a text whose sentences it may fit, where its 500-character skeleton (~1 ms)
 * says no to most questions. Undefined when the negations are not at least `share` of the pattern,
 * or it has back-references (removing a lookaround renumbers groups).
 */
export function withoutNegations(source: string, flags: string, share = 0.75): string | undefined {
  if (/\\[1-9k]/.test(source)) return undefined;
  const tree = treeOf(source, flags);
  if (!tree) return undefined;
  const cuts: [number, number][] = [];
  const walk = (node: RootNode, parent?: RootNode) => {
    if (node.type === 'group' && (node.behavior === 'negativeLookahead' || node.behavior === 'negativeLookbehind')) {
      // A quantified lookaround ("(?!x)?") goes with its quantifier.
      cuts.push((parent?.type === 'quantifier' ? parent : node).range);
      return;
    }
    const body = (node as { body?: RootNode | RootNode[] }).body;
    for (const child of Array.isArray(body) ? body : body ? [body] : []) walk(child, node);
  };
  walk(tree);
  const removed = cuts.reduce((sum, [start, end]) => sum + end - start, 0);
  if (removed < source.length * share) return undefined;
  let out = source;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return out;
}
