/**
 * The ask feature: questions about care duty and roles answered from the curated knowledge base
 * (with sources and their dates), or "Dat weet ik niet zeker" with where to go instead.
 * Public entry: the chat feature, the engine (for the CLI) and the curator tools.
 */
export { createAskFeature, type AskFeatureOptions } from './feature.ts';
export { AskEngine, type Answer, type AskOptions, type RefusalKind } from './engine.ts';
export { MIN_CONFIDENCE } from './confidence.ts';
export { checkKnowledge, formatIssue, loadCards, KnowledgeError, type KnowledgeCard, type KnowledgeIssue } from './knowledge.ts';
export { loadSynonyms } from './analyze.ts';
export { loadGuardrails } from './guardrails.ts';
export { loadEvalSet, loadSplit, splitFiles, runEval, meetsFloors, judge, FLOORS, HELDOUT_GUARDS, REFUSAL_REASONS, type HeldoutGuard, type EvalItem, type EvalReport, type Split } from './evaluate.ts';
export { listGaps, questionId, questions as questionRecords, feedback as feedbackRecords, type GapRecord } from './records.ts';
export { parseRole, CHOOSABLE_ROLES } from './roles.ts';
export { toJsonAnswer, formatPlainAnswer, type JsonAnswer } from './render.ts';
