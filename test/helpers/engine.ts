/**
 * One offline ask engine (the project's knowledge base, no LLM) per `today`, shared by the test
 * files of a worker: building one (cards, index, guardrails) and its first answer (the spelling
 * lists) cost ~0.3 s, which every file (and every app a test started) paid again. Its answers
 * depend only on the question and its options, so a test gets the same answers as from an engine
 * of its own. A test about building an engine, or with other options, builds its own.
 */
import { AskEngine } from '../../src/ask/index.ts';
import type { Config } from '../../src/config.ts';
import { silentLogger } from '../../src/core/index.ts';

const engines = new Map<string, AskEngine>();

export function offlineEngine(today?: string): AskEngine {
  const key = today ?? '';
  let engine = engines.get(key);
  if (!engine) engines.set(key, (engine = new AskEngine(today ? { today: new Date(today) } : {})));
  return engine;
}

/**
 * The ask engine for an app a test starts (`createApp(config, { prepared: { askEngine } })`): the
 * shared one when the app has the project's knowledge base and prompts and no LLM; otherwise
 * none, and the app builds its own from the configuration, as in production. The engine writes
 * to its log only on the LLM path (engine.ts: `llmAnswer`), so without an LLM an app whose log a
 * test reads (errors, trace) loses no line by sharing an engine made with a silent one.
 */
const appEngines = new Map<string, AskEngine>();

export function appEngine(config: Config): AskEngine | undefined {
  if (config.llm || config.knowledgeDir || config.promptsDir) return undefined;
  let engine = appEngines.get(config.language);
  if (!engine) appEngines.set(config.language, (engine = AskEngine.fromConfig(config, silentLogger)));
  return engine;
}
