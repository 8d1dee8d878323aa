/**
 * The phrasing check of the moral-question step. A moral question asks how far something may or
 * should be done ("In hoeverre vinden wij dat … mag …?"); a yes/no or factual question closes the
 * conversation before it starts, so the bot suggests the template. It never judges the content.
 */
import { fold } from '../core/index.ts';

export type QuestionShape = 'template' | 'yes_no' | 'factual' | 'other';

const TEMPLATE = /\b(in hoeverre|in welke mate|to what extent|how far)\b/;
const YES_NO_NL = /^(mag|mogen|moet|moeten|kan|kunnen|is|zijn|was|heeft|hebben|wil|willen|zal|zullen|zou|zouden|mocht|moest|kon|gaat|gaan|doet|doen|hoort|horen|klopt|bestaat)\b/;
const YES_NO_EN = /^(may|must|should|can|could|would|will|shall|is|are|was|were|do|does|did|has|have|had|ought)\b/;
const FACTUAL = /^(wie|wat|wanneer|waar|hoeveel|welke|welk|hoe lang|waarom|who|what|when|where|which|how many|how much|how long|why)\b/;

/** Classifies a proposed moral question by its phrasing only. */
export function questionShape(text: string): QuestionShape {
  const folded = fold(text).replace(/^[\s"'“‘«-]+/, '').trim();
  if (TEMPLATE.test(folded)) return 'template';
  if (YES_NO_NL.test(folded) || YES_NO_EN.test(folded)) return 'yes_no';
  if (FACTUAL.test(folded)) return 'factual';
  return 'other';
}

/** The question to put in the report: the last well-phrased one, else the last one asked. */
export function chosenQuestion(texts: string[]): string | undefined {
  for (let i = texts.length - 1; i >= 0; i--) if (questionShape(texts[i]) === 'template') return texts[i];
  return texts[texts.length - 1];
}
