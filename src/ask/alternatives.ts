/**
 * A pattern with one wide alternation, "x(?:a|b|c…)y", as the patterns "x(?:a)y", "x(?:b)y", …:
 * a text matches the whole exactly when it matches one of them. The guardrails' word lists make
 * alternations of hundreds of branches (every acute sign, every way to name a person); as one
 * regular expression, such a pattern runs (and, on its first use, is compiled) whenever any one of
 * its words is in a question, and V8 tries every branch at every position. Apart, each branch has
 * needles of its own (needles.ts), so a question wakes only the few branches whose words it holds.
 *
 * Only alternations that every match passes through are split: reached from the top through
 * sequences and plain groups, never inside a quantifier or a lookaround. A pattern with a
 * back-reference is left whole (taking branches out renumbers the groups after them).
 */
import { createRequire } from 'node:module';
import type regjsparser from 'regjsparser';
import type { RootNode } from 'regjsparser';

// Loaded when used, as in needles.ts: the start-up cache keeps what this computes.
let parser: typeof regjsparser | undefined;
const parse: typeof regjsparser.parse = (...args) => (parser ??= createRequire(import.meta.url)('regjsparser') as typeof regjsparser).parse(...args);

type Disjunction = Extract<RootNode, { type: 'disjunction' }>;

/**
 * The patterns of `source`'s wide alternations, one per branch; undefined when it has none of at
 * least `minBranches` branches (a small alternation costs less whole than as several patterns).
 * A small alternation whose branches hold a wide one ("(signs\b|other)") is split to reach it.
 */
export function alternativesOf(source: string, flags: string, minBranches = 8): string[] | undefined {
  if (/\\[1-9k]/.test(source)) return undefined;
  const parts = split(source, flags.replace(/[gy]/g, ''), minBranches, 0);
  return parts.length > 1 ? parts : undefined;
}

// A small alternation is split at most this deep to reach a wide one; a wide one is split once
// (splitting its branches' lists too would multiply them: "{person} … {verb}").
const MAX_DEPTH = 3;
const MAX_PARTS = 1000;
const MAX_GROWTH = 3;

const length = (parts: string[]) => parts.reduce((sum, part) => sum + part.length, 0);

function split(source: string, flags: string, minBranches: number, depth: number): string[] {
  let tree: RootNode;
  try {
    tree = parse(source, flags, { lookbehind: true, namedGroups: true }) as RootNode;
  } catch {
    return [source];
  }
  const widest = splittable(tree).sort((a, b) => b.body.length - a.body.length)[0];
  if (!widest) return [source];
  const [start, end] = widest.range;
  const branches = widest.body.map((branch) => `${source.slice(0, start)}${source.slice(branch.range[0], branch.range[1])}${source.slice(end)}`);
  // Each branch repeats what is around the alternation: worth it only where that is short.
  if (widest.body.length >= minBranches) return branches.length <= MAX_PARTS && length(branches) <= MAX_GROWTH * source.length ? branches : [source];
  if (depth >= MAX_DEPTH) return [source];
  const deeper = branches.map((branch) => split(branch, flags, minBranches, depth + 1));
  const parts = deeper.flat();
  return deeper.some((p) => p.length > 1) && parts.length <= MAX_PARTS ? parts : [source];
}

/** The alternations every match of `node` passes through. */
function splittable(node: RootNode): Disjunction[] {
  switch (node.type) {
    case 'disjunction':
      return [node];
    case 'alternative':
      return node.body.flatMap(splittable);
    case 'group':
      // A plain or non-capturing group; a lookaround's branches are not the match's own.
      return node.behavior === 'normal' || node.behavior === 'ignore' ? node.body.flatMap(splittable) : [];
    default:
      return [];
  }
}
