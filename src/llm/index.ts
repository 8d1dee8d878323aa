/**
 * The one LLM client module: OpenAI or Azure OpenAI through the `openai` package. Optional:
 * features call `createLlmClient`, get `undefined` without a key, and fall back to their offline
 * path. Token use is logged as numbers, never the text.
 */
// Types only here: the `openai` package is loaded on the first completion, so a process without
// an LLM key (or one that never asks) does not load it.
import type OpenAI from 'openai';
import type { LlmConfig } from '../config.ts';
import { WegwijsError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

export interface CompletionRequest {
  system: string;
  user: string;
  /** Ask for a JSON object (response_format json_object). */
  json?: boolean;
  maxTokens?: number;
  temperature?: number;
  /** A name for the log line ("ask", "deliberate.synthesis"). */
  purpose: string;
}

export interface Completion {
  text: string;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number };
}

export interface LlmClient {
  readonly model: string;
  complete(request: CompletionRequest): Promise<Completion>;
}

export function createLlmClient(config: LlmConfig | undefined, log: Logger): LlmClient | undefined {
  if (!config) return undefined;
  const common = { timeout: config.timeoutMs, maxRetries: config.maxRetries };
  let client: Promise<OpenAI> | undefined;
  const connect = async (): Promise<OpenAI> => {
    const { OpenAI: OpenAIClient, AzureOpenAI } = await import('openai');
    return config.provider === 'azure'
      ? new AzureOpenAI({ endpoint: config.endpoint, apiKey: config.apiKey, deployment: config.deployment, apiVersion: config.apiVersion, ...common })
      : new OpenAIClient({ apiKey: config.apiKey, baseURL: config.baseURL, ...common });
  };
  const model = config.provider === 'azure' ? config.deployment : config.model;
  return {
    model,
    async complete(request) {
      const started = Date.now();
      try {
        client ??= connect();
        const response = await (await client).chat.completions.create({
          model,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          max_tokens: request.maxTokens ?? 600,
          temperature: request.temperature ?? 0.1,
          ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
        });
        const usage = {
          promptTokens: response.usage?.prompt_tokens ?? 0,
          completionTokens: response.usage?.completion_tokens ?? 0,
          totalTokens: response.usage?.total_tokens ?? 0,
        };
        log.info({ purpose: request.purpose, model, ms: Date.now() - started, ...usage }, 'llm completion');
        return { text: response.choices[0]?.message?.content ?? '', usage };
      } catch (err) {
        const status = (err as { status?: number }).status;
        log.warn({ purpose: request.purpose, model, ms: Date.now() - started, status, code: 'wegwijs_llm_error' }, 'llm completion failed');
        throw new WegwijsError('wegwijs_llm_error', `LLM request failed${status ? ` (HTTP ${status})` : ''}`, { cause: err });
      }
    },
  };
}
