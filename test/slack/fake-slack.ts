/**
 * A local fake of the Slack Web API: records every call (method, token, arguments) and answers
 * like Slack does. Tests can queue special answers (a 429 with Retry-After, an error code) and
 * wait for calls.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';

export interface SlackCall {
  method: string;
  token?: string;
  args: Record<string, unknown>;
  /** What the fake answered. */
  response: Record<string, unknown>;
  status: number;
}

export interface QueuedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export interface FakeSlack {
  url: string;
  calls: SlackCall[];
  /** The next call of `method` gets this answer instead of the normal one. */
  queue(method: string, answer: QueuedAnswer): void;
  /** Waits until a call matches (or fails after a few seconds). */
  waitFor(match: (call: SlackCall) => boolean, what?: string): Promise<SlackCall>;
  /** Calls of one method, optionally only those after `since` calls were recorded. */
  of(method: string, since?: number): SlackCall[];
  close(): Promise<void>;
}

/** Tokens of the form xoxb-<TEAM> belong to that team; bot user UBOT<TEAM>. */
export function teamOfToken(token: string | undefined): string {
  return token?.startsWith('xoxb-') ? token.slice(5) : 'T1';
}

/** `users`: display names by user id for users.info (others get "Naam <id>"). */
export async function startFakeSlack(options: { users?: Record<string, string> } = {}): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const queued = new Map<string, QueuedAnswer[]>();
  let ts = 1_700_000_000;
  const nextTs = () => `${++ts}.000100`;
  const waiters = new Set<() => void>();
  // The server's own address, for upload URLs (set once it listens).
  let base = () => '';

  // Messages as Slack keeps them, with their metadata, for conversations.history and .replies.
  const kept: { channel: string; ts: string; thread_ts?: string; text?: unknown; metadata?: unknown }[] = [];
  const metadataOf = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

  const answer = (method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> => {
    const team = teamOfToken(token);
    switch (method) {
      case 'conversations.history':
      case 'conversations.replies': {
        const inThread = method === 'conversations.replies';
        const messages = kept
          .filter((m) => m.channel === args.channel && (!inThread || m.thread_ts === args.ts || m.ts === args.ts))
          .reverse()
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(m.metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages };
      }
      case 'auth.test':
        return { ok: true, url: `https://${team}.slack.test/`, team: team, user: 'wegwijs', team_id: team, user_id: `UBOT${team}`, bot_id: `BBOT${team}` };
      case 'chat.postMessage': {
        const message = { channel: String(args.channel), ts: nextTs(), thread_ts: args.thread_ts as string | undefined, text: args.text, metadata: metadataOf(args.metadata) };
        kept.push(message);
        return { ok: true, channel: args.channel, ts: message.ts, message: { text: args.text } };
      }
      case 'chat.update': {
        const message = kept.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (message) Object.assign(message, { text: args.text, ...(args.metadata ? { metadata: metadataOf(args.metadata) } : {}) });
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      }
      case 'chat.delete':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
        return { ok: true, view: { id: 'V1', callback_id: (args.view as { callback_id?: string })?.callback_id } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${++ts}`;
        return { ok: true, file_id: id, upload_url: `${base()}upload/${id}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: ((args.files as { id: string; title?: string }[]) ?? []).map((f) => ({ id: f.id, title: f.title })) };
      case 'users.info': {
        const name = options.users?.[String(args.user)] ?? `Naam ${String(args.user)}`;
        return { ok: true, user: { id: args.user, name: String(args.user).toLowerCase(), real_name: name, profile: { display_name: name } } };
      }
      case 'oauth.v2.access': {
        const installTeam = String(args.code).replace(/^code-/, '');
        return {
          ok: true,
          app_id: 'A1',
          access_token: `xoxb-${installTeam}`,
          token_type: 'bot',
          scope: 'chat:write,commands,app_mentions:read',
          bot_user_id: `UBOT${installTeam}`,
          team: { id: installTeam, name: `Team ${installTeam}` },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: 'UADMIN' },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? '/').replace(/^\/+(api\/)?/, '').split('?')[0];
    if (method.startsWith('upload/')) {
      // The file's bytes, posted to the upload URL: kept whole (binary) for tests to check.
      const bytes = await readBytes(req);
      calls.push({ method: 'upload', args: { fileId: method.slice(7), bytes }, response: {}, status: 200 });
      for (const wake of waiters) wake();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    const raw = await readBody(req);
    const args = parseArgs(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    const special = queued.get(method)?.shift();
    const status = special?.status ?? 200;
    const body = special?.body ?? answer(method, args, token);
    calls.push({ method, token, args, response: body, status });
    for (const wake of waiters) wake();
    res.writeHead(status, { 'content-type': 'application/json', ...special?.headers });
    res.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  base = () => `http://127.0.0.1:${port}/`;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    queue: (method, answer) => queued.set(method, [...(queued.get(method) ?? []), answer]),
    of: (method, since = 0) => calls.slice(since).filter((c) => c.method === method),
    waitFor: (match, what = 'a Slack call') =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting for ${what}; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, 10_000);
        if (!check()) waiters.add(check);
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** The WebClient sends form fields, with objects and arrays as JSON strings. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
