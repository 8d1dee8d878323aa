/**
 * One offline ask engine (the project's knowledge base, no LLM) per `today`, shared by the test
 * files of a worker: building one (cards, index, guardrails) and its first answer (the spelling
 * lists) cost ~0.3 s, which every file paid again. Its answers depend only on the question and its
 * options, so a file gets the same answers as from an engine of its own. A test about building an
 * engine, or with other options, builds its own.
 */
import { AskEngine } from '../../src/ask/index.ts';

const engines = new Map<string, AskEngine>();

export function offlineEngine(today?: string): AskEngine {
  const key = today ?? '';
  let engine = engines.get(key);
  if (!engine) engines.set(key, (engine = new AskEngine(today ? { today: new Date(today) } : {})));
  return engine;
}
