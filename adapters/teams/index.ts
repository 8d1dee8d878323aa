/**
 * Microsoft Teams through the Microsoft 365 Agents SDK: `POST /api/messages` on the shared
 * express server, authenticated by the SDK's JWT middleware (never `CloudAdapter.process` alone),
 * configured explicitly from `Config`, and a `ChannelAdapter` registered with the messenger for
 * proactive posts.
 */
import { CloudAdapter, type Request as AgentsRequest } from '@microsoft/agents-hosting';
import { z } from 'zod';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { ConfigError, type Config } from '../../src/config.ts';
import { errorCode, jsonTooDeep, type ChatPlatform, type PlatformHost } from '../../src/core/index.ts';
import { channelTokenOnly, connectorPolicy, teamsCloudAdapter, teamsMode, tokenPrecheck, type TeamsMode } from './auth.ts';
import { TeamsDirectory } from './references.ts';
import { TeamsChannelAdapter } from './teams-adapter.ts';
import { INBOX_SOURCE, LOCAL_TENANT, TeamsTurnHandler } from './turn-handler.ts';
import { TeamsCards } from './universal.ts';
import { TeamsNativeInvokes } from './native-invokes.ts';
import { checkActivity, withoutBlanks } from './incoming.ts';

export { teamsMode, authConfiguration, connectorPolicy, teamsCloudAdapter, teamsEdge, type TeamsMode } from './auth.ts';
export { TeamsChannelAdapter } from './teams-adapter.ts';
export { toIncoming, actionOf, splitConversationId } from './incoming.ts';
export { toAdaptiveCard, toTeamsMarkdown, toTeamsMessage } from './render.ts';
export { toDeliveryError, retryAfterMs } from './errors.ts';
export { LOCAL_TENANT } from './turn-handler.ts';

export const TEAMS_PATH = '/api/messages';

export interface TeamsEndpoint {
  mode: TeamsMode;
  adapter: TeamsChannelAdapter;
  cloud: CloudAdapter;
  close(): Promise<void>;
}

/**
 * The mode the Teams endpoint runs in: with credentials, or in local mode when the configuration
 * asks for it (`TEAMS_LOCAL_MODE=true`, refused in production by the configuration), else off.
 * Read from the configuration as it was loaded; never changed afterwards.
 */
export function teamsModeOf(config: Config): TeamsMode {
  return teamsMode(config, { local: config.teamsLocalMode });
}

/** Why Teams is off, or undefined when it is on (with credentials, or in explicit local mode). */
export function teamsOffReason(config: Config): string | undefined {
  return teamsModeOf(config) === 'off' ? 'set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (see README, "Microsoft Teams"), or TEAMS_LOCAL_MODE=true to try it with a local emulator' : undefined;
}

/** Teams as one platform unit: `mount` on the shared server, then its `ChannelAdapter`. */
export function teamsPlatform(): ChatPlatform<Express> & { readonly endpoint: TeamsEndpoint | undefined } {
  let endpoint: TeamsEndpoint | undefined;
  return {
    name: 'teams',
    mount: async (server, host) => void (endpoint = await mountTeams(server, host)),
    get adapter() {
      return endpoint?.adapter;
    },
    get endpoint() {
      return endpoint;
    },
    close: async () => endpoint?.close(),
  };
}

/**
 * Everything a request passes before the turn: the JSON body, then (with credentials) a cheap
 * token pre-check, then always the SDK's JWT middleware, which verifies the Bot Framework token
 * and lets anonymous requests through only when no app id is configured (local mode).
 */
export function authChain(cloud: CloudAdapter, mode: TeamsMode, appId?: string): RequestHandler[] {
  if (mode === 'authenticated' && !appId) throw new Error('authenticated Teams mode needs an app id');
  return [
    express.json({ limit: '1mb', verify: refuseDeepJson }),
    ...(mode === 'authenticated' ? [tokenPrecheck(appId!)] : []),
    (req, res, next) => cloud.authorizeRequest(req as unknown as AgentsRequest, res as never, next),
    ...(mode === 'authenticated' ? [channelTokenOnly()] : []),
  ];
}

/**
 * A body nested deeper than any activity Teams sends is refused before it is parsed (400,
 * `entity_too_deep`): the SDK, zod and the inbox copy activities recursively.
 */
function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonTooDeep(buf.toString('utf8'))) throw Object.assign(new Error('the body nests too deeply'), { status: 400, type: 'entity.too.deep' });
}

/**
 * The activity envelope the SDK needs, checked after authentication: a malformed activity gets a
 * clear 400 instead of failing inside the SDK.
 */
const ActivityEnvelope = z
  .object({
    type: z.string().min(1),
    serviceUrl: z.string().url(),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    from: z.object({ id: z.string().min(1) }).passthrough().optional(),
    channelId: z.string().min(1).optional(),
  })
  .passthrough()
  // The SDK answers an invoke without a channel with a 501: it cannot address the invoke response.
  .refine((a) => a.type !== 'invoke' || a.channelId !== undefined, { path: ['channelId'], message: 'an invoke names its channel' });

const validActivity = (mode: TeamsMode): RequestHandler => {
  const connectors = connectorPolicy(mode);
  return (req, res, next) => {
    req.body = withoutBlanks(req.body);
    const parsed = ActivityEnvelope.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return void res.status(400).json({ error: 'malformed_activity', field: issue.path.join('.') || 'body', message: issue.message });
    }
    // The bot answers to this URL with its own token: only the Bot Connector's hosts (SSRF).
    if (!connectors.isAllowed(parsed.data.serviceUrl)) {
      return void res.status(400).json({ error: 'service_url_not_allowed', field: 'serviceUrl', message: 'not a Bot Connector service URL' });
    }
    // Types, lengths, prototype keys and a single tenant, for every field the core reads.
    const checked = checkActivity(req.body);
    if (checked.ok) return next();
    res.status(400).json({ error: checked.error, field: checked.field, message: checked.message });
  };
};

/** Mounts the Teams endpoint and registers the Teams adapter with the messenger. */
export async function mountTeams(server: Express, app: PlatformHost): Promise<TeamsEndpoint> {
  const { config, log, store, messenger } = app.services;
  const mode = teamsModeOf(config);
  if (mode === 'off') throw new ConfigError('TEAMS_APP_ID', 'Teams needs TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID');
  const cloud = teamsCloudAdapter(config, mode);
  // The SDK merges its own environment variables into the configuration; refuse to run with an
  // identity other than the one Wegwijs was configured with.
  if (cloud.getClientId() !== config.teams?.appId) {
    throw new ConfigError(config.teams ? 'TEAMS_APP_ID' : 'clientId', 'the Agents SDK found another app id in the environment (clientId, Connections__…); Wegwijs reads only TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID');
  }
  cloud.onTurnError = async (_context, err) => {
    log.error({ platform: 'teams', code: errorCode(err) }, 'teams turn failed');
    throw err;
  };
  const directory = new TeamsDirectory(store);
  const cards = new TeamsCards(store);
  const adapter = new TeamsChannelAdapter({ cloud, bot: app.bot, directory, log, appId: config.teams?.appId, cards, publicUrl: config.publicUrl });
  messenger.register(adapter);
  const native = new TeamsNativeInvokes(cards, app.bot, mode === 'local' ? LOCAL_TENANT : undefined);
  const handler = new TeamsTurnHandler({ bot: app.bot, store, log, cloud, adapter, directory, inbox: app.inbox, local: mode === 'local', native });
  app.inbox.on(INBOX_SOURCE, (activity) => handler.onActivity(activity));

  server.post(
    TEAMS_PATH,
    ...authChain(cloud, mode, config.teams?.appId),
    validActivity(mode),
    async (req: Request, res: Response) => {
      try {
        // The SDK verifies the activity and its service URL and sends the response when the
        // logic returns: the logic only keeps the activity; the turn runs after the response.
        const turn: { kept?: Awaited<ReturnType<TeamsTurnHandler['keep']>> } = {};
        await cloud.process(req as unknown as AgentsRequest, res as never, async (context) => {
          turn.kept = await handler.keep(context);
        });
        const kept = turn.kept;
        if (kept) void app.inbox.run(INBOX_SOURCE, kept.id, kept.activity, () => handler.onKept(kept.activity, kept.client));
      } catch (err) {
        log.error({ platform: 'teams', code: errorCode(err) }, 'teams request failed');
        if (!res.headersSent) res.status(500).json({ error: 'internal' });
      }
    },
  );
  if (mode === 'local') log.warn({ platform: 'teams' }, 'Teams runs in local mode: unauthenticated requests are accepted; never expose this endpoint');
  return { mode, adapter, cloud, close: async () => {} };
}
