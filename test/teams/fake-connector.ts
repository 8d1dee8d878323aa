/**
 * A local fake of the Bot Connector service (Teams' side): it posts activities to the bot's
 * `/api/messages` with `serviceUrl` pointing at itself, and records what the bot sends back to
 * `/v3/conversations/...`. Failures can be queued to test retries.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { settleTeamsBots } from './server.ts';

export interface Recorded {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: Record<string, unknown>;
  authorization?: string;
  /** The status the fake answered with. */
  status: number;
  /** The id the fake gave the posted activity (or conversation). */
  responseId?: string;
}

interface QueuedFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export class FakeConnector {
  readonly requests: Recorded[] = [];
  private readonly failures: QueuedFailure[] = [];
  private server?: Server;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  /** The next `count` bot calls fail with this status (and headers, e.g. Retry-After). */
  failNext(status: number, options: { count?: number; headers?: Record<string, string>; body?: unknown } = {}): void {
    for (let i = 0; i < (options.count ?? 1); i++) this.failures.push({ status, headers: options.headers, body: options.body });
  }

  /** Successful activities the bot sent (posts, replies and updates), in order. */
  get sent(): Recorded[] {
    return this.requests.filter((r) => r.status < 300 && r.path.includes('/activities'));
  }

  /** Sends an activity to the bot, the way Teams would; returns status and parsed body. */
  async deliver(botUrl: string, activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ serviceUrl: this.url, ...activity }),
    });
    const text = await response.text();
    // The bot answers before it works on the activity (it keeps it in its inbox first).
    await settleTeamsBots();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    this.server?.closeAllConnections?.();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = (req.url ?? '').split('?')[0];
    const match = /^\/v3\/conversations(?:\/(.+?)\/activities(?:\/([^/]+))?)?$/.exec(path);
    const record: Recorded = {
      method: req.method ?? '',
      path,
      conversationId: match?.[1] ? decodeURIComponent(match[1]) : undefined,
      activityId: match?.[2] ? decodeURIComponent(match[2]) : undefined,
      body,
      authorization: req.headers.authorization,
      status: 200,
    };
    const failure = this.failures.shift();
    if (failure) {
      this.requests.push({ ...record, status: failure.status });
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify(failure.body ?? { error: { code: 'Failure', message: 'queued failure' } }));
      return;
    }
    this.requests.push(record);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(req.method === 'POST' && !match[1] ? 201 : 200, { 'content-type': 'application/json' });
    if (!match[1]) record.responseId = `a:dm-${++this.counter}`;
    else if (req.method === 'PUT') record.responseId = record.activityId;
    else record.responseId = `bot-${++this.counter}`;
    res.end(JSON.stringify(match[1] ? { id: record.responseId } : { id: record.responseId, serviceUrl: this.url }));
  }
}

export const BOT = { id: '28:wegwijs-bot', name: 'Wegwijs' };

let next = 0;
const newId = () => `act-${Date.now()}-${++next}`;

export interface Who {
  tenant: string;
  user?: { id: string; aadObjectId?: string; name?: string };
}

const defaultUser = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna de Boer' };

/** A message in a personal (1:1) chat with the bot. */
export function personalMessage(who: Who, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const user = who.user ?? defaultUser;
  return {
    type: 'message',
    id: newId(),
    channelId: 'msteams',
    text,
    from: user,
    recipient: BOT,
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: who.tenant },
    channelData: { tenant: { id: who.tenant } },
    locale: 'nl-NL',
    ...extra,
  };
}

/** A channel post (or a reply in a reply chain with `root`) that mentions the bot. */
export function channelMention(who: Who & { channel: string; root?: string }, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const user = who.user ?? defaultUser;
  const id = (extra.id as string | undefined) ?? newId();
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    text: `<at>Wegwijs</at> ${text}`,
    from: user,
    recipient: BOT,
    conversation: { id: `${who.channel};messageid=${who.root ?? id}`, conversationType: 'channel', isGroup: true, tenantId: who.tenant },
    channelData: { tenant: { id: who.tenant }, team: { id: '19:team@thread.tacv2', name: 'Netwerk' }, channel: { id: who.channel, name: 'Passende plekken' } },
    entities: [{ type: 'mention', text: '<at>Wegwijs</at>', mentioned: BOT }],
    ...extra,
  };
}
