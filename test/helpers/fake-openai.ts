/**
 * A local OpenAI-compatible chat-completions server for tests: the real `openai` client talks
 * real HTTP to it. Each test decides the reply; every request body is recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

export type FakeReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  /** Never answer (the client's time-out must fire). */
  | 'hang';

export interface FakeOpenAi {
  /** Base URL for `OPENAI_BASE_URL` / `baseURL` (ends in /v1). */
  baseURL: string;
  requests: ChatRequest[];
  /** Environment variables that point Wegwijs at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A chat.completion response whose message content is `content`. */
export function completion(content: string): unknown {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

export async function startFakeOpenAi(reply: (request: ChatRequest) => FakeReply): Promise<FakeOpenAi> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const request = (raw ? JSON.parse(raw) : { model: '', messages: [] }) as ChatRequest;
      requests.push(request);
      const answer = reply(request);
      if (answer === 'hang') return;
      // A fresh connection per request: a kept-alive socket that this server closes after its idle
      // time-out (5 s, reached on a busy machine between two tests) made the client's next request
      // fail before it arrived, spending the retry that the 429 test counts.
      res.writeHead(answer.status, { 'content-type': 'application/json', connection: 'close', ...answer.headers });
      res.end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    baseURL,
    requests,
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: baseURL, OPENAI_MODEL: 'fake-model' },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
