/**
 * The scene of a question: the words of a situation told first or of an "als/if" clause weigh
 * less in retrieval than the words of what is asked, when what is asked says enough itself.
 */
import { indexTerms, words } from './analyze.ts';
import type { QuestionShape } from './question.ts';
import type { Concept } from './query-concepts.ts';

/** The question's own words must carry this share of it for a situation told first to weigh less. */
const MIN_FOCUS_FOR_SCENE = 0.35;
/** … and this share for a condition of the question ("als …", "if …") to weigh less. */
const MIN_FOCUS_FOR_CONDITION = 0.15;
/** How much a word of the situation told before the question searches, against a word of the question. */
const SCENE_WEIGHT = 0.6;
/** How much a word of the question's own condition ("als …", "if …") searches. */
const CONDITION_WEIGHT = 0.6;

/**
 * The typed words that only set the scene, with how much they weigh in retrieval, or undefined.
 * The scene weighs less only when what is asked says enough itself ("Wat zijn de
 * mogelijkheden?" after a situation is about that situation; "wat is de route als …" is about
 * the condition); a condition of the question itself needs less of it than a told situation.
 */
export function sceneWeights(shape: QuestionShape, concepts: (text: string) => Concept[]): Map<string, number> | undefined {
  const focusShare = focusShareOf(shape, concepts);
  const weights = focusShare >= MIN_FOCUS_FOR_CONDITION ? backgroundWords(shape, focusShare >= MIN_FOCUS_FOR_SCENE) : undefined;
  return withRemarks(weights, shape);
}

/** How much a word of a remark after the question weighs ("…? Ik ben geen zorgmens."). */
const REMARK_WEIGHT = 0.3;

/** The words of remarks after a question that says enough itself weigh little, whatever the rest. */
function withRemarks(weights: Map<string, number> | undefined, shape: QuestionShape): Map<string, number> | undefined {
  if (!shape.after) return weights;
  const asked = new Set(words(shape.focus ?? shape.text));
  const out = new Map(weights);
  for (const w of words(shape.after)) if (!asked.has(w)) out.set(w, Math.min(out.get(w) ?? 1, REMARK_WEIGHT));
  return out.size > 0 ? out : weights;
}

/** The share (by rarity) of the question's words that are in what is asked, not in the scene. */
function focusShareOf(shape: QuestionShape, conceptsOf: (text: string) => Concept[]): number {
  if (!shape.background) return 0;
  const concepts = conceptsOf(shape.topic);
  const focus = new Set(indexTerms(shape.focus ?? shape.text));
  const total = concepts.reduce((a, c) => a + c.weight, 0);
  const focused = concepts.filter((c) => [...c.terms].some((t) => focus.has(t))).reduce((a, c) => a + c.weight, 0);
  return total > 0 ? focused / total : 0;
}

/**
 * The typed words that only set the scene, with how much they weigh in retrieval: the situation
 * told before the question least, a condition ("als …", "if …") of the question itself more.
 */
function backgroundWords(shape: QuestionShape, withScene: boolean): Map<string, number> | undefined {
  if (!shape.background) return undefined;
  const asked = new Set(words(shape.focus ?? shape.text));
  const scene = new Set(words(shape.scene ?? ''));
  const out = new Map<string, number>();
  for (const w of words(shape.background)) {
    if (asked.has(w) || (scene.has(w) && !withScene)) continue;
    out.set(w, scene.has(w) ? SCENE_WEIGHT : CONDITION_WEIGHT);
  }
  return out.size > 0 ? out : undefined;
}
