/**
 * The only place that reads the environment. Everything else receives a typed `Config`.
 * Validation fails fast at start-up with a message that names the bad variable.
 */
import { config as loadDotEnv } from 'dotenv';
import { z } from 'zod';
import { WegwijsError } from './errors.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalText = z.string().trim().min(1).optional();

/** Every environment variable Wegwijs reads; the README's configuration table mirrors this. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  WEGWIJS_DATA_DIR: z.string().default('./data'),
  WEGWIJS_KNOWLEDGE_DIR: optionalText,
  WEGWIJS_PROMPTS_DIR: optionalText,
  /** The evaluation's question files (`wegwijs eval`); default test/eval of the installation. */
  WEGWIJS_EVAL_DIR: optionalText,
  WEGWIJS_LANGUAGE: z.enum(['nl', 'en']).default('nl'),
  WEGWIJS_TIME_ZONE: z.string().default('Europe/Amsterdam'),
  WEGWIJS_BOT_NAME: z.string().default('wegwijs'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  INBOX_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(10),
  NUDGE_CATCHUP_HOURS: z.coerce.number().min(0).max(24 * 14).default(24),
  WEGWIJS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Where people reach this server (sign-in links, the console in Teams and Slack). */
  WEGWIJS_PUBLIC_URL: z.url().optional(),
  /** The key that signs console links and sessions, shared by every instance. */
  WEGWIJS_CONSOLE_SECRET: z.string().min(16).optional(),
  /** The key that seals routing fields in button values (src/core/seal.ts); else a random key kept in the store. */
  WEGWIJS_SEAL_KEY: z.string().min(32).optional(),
  /** Knowledge curators: comma-separated user ids, optionally `platform:tenant:user`. */
  WEGWIJS_CURATORS: z.string().max(10_000).default(''),
  /** Lets Teams frame the console (personal and channel tab). */
  WEGWIJS_CONSOLE_TEAMS_TAB: bool.default(false),
  STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
  COSMOS_ENDPOINT: optionalText,
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().default('wegwijs'),
  COSMOS_CREATE_CONTAINERS: bool.default(true),
  COSMOS_ALLOW_SELF_SIGNED: bool.default(false),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  AZURE_OPENAI_ENDPOINT: optionalText,
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  TEAMS_APP_ID: optionalText,
  TEAMS_APP_PASSWORD: optionalText,
  TEAMS_TENANT_ID: optionalText,
  TEAMS_LOCAL_MODE: bool.default(false),
  /** The Application ID URI of the Teams tab's SSO (`api://<host>/<app id>`); default from WEGWIJS_PUBLIC_URL. */
  TEAMS_SSO_RESOURCE: z.string().regex(/^api:\/\/[^\s]{1,500}$/, 'must be an Application ID URI: api://<host>/<app id>').optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: optionalText,
  SLACK_SOCKET_MODE: bool.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

export interface TeamsConfig {
  appId: string;
  appPassword: string;
  tenantId: string;
  /** The Application ID URI the Teams tab's SSO tokens are issued for (TEAMS_SSO_RESOURCE), if set. */
  ssoResource?: string;
}

export type SlackConfig =
  | { mode: 'single'; signingSecret: string; botToken: string; appToken?: string; socketMode: boolean; apiUrl?: string }
  | {
      mode: 'oauth';
      signingSecret: string;
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      appToken?: string;
      socketMode: boolean;
      apiUrl?: string;
    };

export type LlmConfig =
  | { provider: 'openai'; apiKey: string; baseURL?: string; model: string; timeoutMs: number; maxRetries: number }
  | {
      provider: 'azure';
      endpoint: string;
      apiKey: string;
      deployment: string;
      apiVersion: string;
      timeoutMs: number;
      maxRetries: number;
    };

export type StoreConfig =
  | { kind: 'sqlite'; dataDir: string }
  | { kind: 'cosmos'; endpoint: string; key?: string; database: string; createContainers: boolean; allowSelfSigned: boolean };

export interface Config {
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  production: boolean;
  dataDir: string;
  knowledgeDir?: string;
  promptsDir?: string;
  /** Folder of the evaluation's split files (`facts-<split>N.jsonl`) that `wegwijs eval` runs. */
  evalDir?: string;
  language: 'nl' | 'en';
  timeZone: string;
  botName: string;
  schedulerIntervalSeconds: number;
  /** How long an instance holds a platform request it works on before another may take it over. */
  inboxLeaseSeconds: number;
  nudgeCatchUpHours: number;
  /** Questions and feedback older than this many days are deleted by the scheduler. */
  retentionDays: number;
  /** WEGWIJS_PUBLIC_URL without a trailing slash. */
  publicUrl?: string;
  /** The web console: signing key, curators, and whether Teams may frame it. */
  console: { secret?: string; curators: string[]; teamsTab: boolean };
  /** WEGWIJS_SEAL_KEY: seals the fields of a button value that decide where something goes (src/core/seal.ts). */
  sealKey?: string;
  store: StoreConfig;
  llm?: LlmConfig;
  teams?: TeamsConfig;
  /** Teams without credentials, accepting unauthenticated requests: for a local emulator only. */
  teamsLocalMode: boolean;
  slack?: SlackConfig;
}

/** A configuration error names the variable so the operator can fix it at once. */
export class ConfigError extends WegwijsError {
  declare readonly code: 'wegwijs_config_error';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super('wegwijs_config_error', `Configuration error in ${variable}: ${message}`);
  }
}

/** Reads `.env` (if present) into the environment, without overriding what is already set. */
export function loadEnvFiles(path?: string): void {
  loadDotEnv({ path, quiet: true });
}

/** Validates the environment and derives the typed configuration. Throws `ConfigError`. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const env = parsed.data;
  if (!isTimeZone(env.WEGWIJS_TIME_ZONE)) {
    throw new ConfigError('WEGWIJS_TIME_ZONE', `"${env.WEGWIJS_TIME_ZONE}" is not an IANA time zone (e.g. Europe/Amsterdam)`);
  }
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === 'production',
    dataDir: env.WEGWIJS_DATA_DIR,
    knowledgeDir: env.WEGWIJS_KNOWLEDGE_DIR,
    promptsDir: env.WEGWIJS_PROMPTS_DIR,
    evalDir: env.WEGWIJS_EVAL_DIR,
    language: env.WEGWIJS_LANGUAGE,
    timeZone: env.WEGWIJS_TIME_ZONE,
    botName: env.WEGWIJS_BOT_NAME,
    schedulerIntervalSeconds: env.SCHEDULER_INTERVAL_SECONDS,
    inboxLeaseSeconds: env.INBOX_LEASE_SECONDS,
    nudgeCatchUpHours: env.NUDGE_CATCHUP_HOURS,
    retentionDays: env.WEGWIJS_RETENTION_DAYS,
    publicUrl: env.WEGWIJS_PUBLIC_URL?.replace(/\/+$/, ''),
    console: {
      secret: env.WEGWIJS_CONSOLE_SECRET,
      curators: env.WEGWIJS_CURATORS.split(',').map((s) => s.trim()).filter(Boolean),
      teamsTab: env.WEGWIJS_CONSOLE_TEAMS_TAB,
    },
    sealKey: env.WEGWIJS_SEAL_KEY,
    store: storeConfig(env),
    llm: llmConfig(env),
    teams: teamsConfig(env, source),
    teamsLocalMode: teamsLocalMode(env),
    slack: slackConfig(env),
  };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function storeConfig(env: Env): StoreConfig {
  if (env.STORE === 'sqlite') return { kind: 'sqlite', dataDir: env.WEGWIJS_DATA_DIR };
  if (!env.COSMOS_ENDPOINT) throw new ConfigError('COSMOS_ENDPOINT', 'is required when STORE=cosmos');
  return {
    kind: 'cosmos',
    endpoint: env.COSMOS_ENDPOINT,
    key: env.COSMOS_KEY,
    database: env.COSMOS_DATABASE,
    createContainers: env.COSMOS_CREATE_CONTAINERS,
    allowSelfSigned: env.COSMOS_ALLOW_SELF_SIGNED,
  };
}

function llmConfig(env: Env): LlmConfig | undefined {
  const common = { timeoutMs: env.LLM_TIMEOUT_MS, maxRetries: env.LLM_MAX_RETRIES };
  const azure = [env.AZURE_OPENAI_ENDPOINT, env.AZURE_OPENAI_API_KEY, env.AZURE_OPENAI_DEPLOYMENT];
  if (azure.some(Boolean)) {
    const missing = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT'].find((_, i) => !azure[i]);
    if (missing) throw new ConfigError(missing, 'Azure OpenAI needs endpoint, key and deployment together');
    return {
      provider: 'azure',
      endpoint: env.AZURE_OPENAI_ENDPOINT!,
      apiKey: env.AZURE_OPENAI_API_KEY!,
      deployment: env.AZURE_OPENAI_DEPLOYMENT!,
      apiVersion: env.AZURE_OPENAI_API_VERSION,
      ...common,
    };
  }
  if (!env.OPENAI_API_KEY) return undefined;
  return { provider: 'openai', apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL, ...common };
}

const LEGACY_TEAMS_VARIABLES = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType', 'clientId'];

function teamsConfig(env: Env, source: NodeJS.ProcessEnv): TeamsConfig | undefined {
  const values = { TEAMS_APP_ID: env.TEAMS_APP_ID, TEAMS_APP_PASSWORD: env.TEAMS_APP_PASSWORD, TEAMS_TENANT_ID: env.TEAMS_TENANT_ID };
  const present = Object.entries(values).filter(([, v]) => v);
  if (present.length === 0) {
    const legacy = LEGACY_TEAMS_VARIABLES.find((name) => source[name]);
    if (legacy) {
      throw new ConfigError(legacy, 'legacy Bot Framework variable found; set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID instead');
    }
    return undefined;
  }
  const missing = Object.entries(values).find(([, v]) => !v);
  if (missing) throw new ConfigError(missing[0], 'Teams needs TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID together (all three or none)');
  return { appId: env.TEAMS_APP_ID!, appPassword: env.TEAMS_APP_PASSWORD!, tenantId: env.TEAMS_TENANT_ID!, ...(env.TEAMS_SSO_RESOURCE ? { ssoResource: env.TEAMS_SSO_RESOURCE } : {}) };
}

function teamsLocalMode(env: Env): boolean {
  if (env.TEAMS_LOCAL_MODE && env.NODE_ENV === 'production') {
    throw new ConfigError('TEAMS_LOCAL_MODE', 'Teams local mode (unauthenticated requests) is never allowed with NODE_ENV=production');
  }
  return env.TEAMS_LOCAL_MODE;
}

function slackConfig(env: Env): SlackConfig | undefined {
  const oauth = env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET || env.SLACK_STATE_SECRET;
  if (!env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN && !oauth) return undefined;
  if (!env.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET', 'is required for Slack (from the app’s Basic Information page)');
  const shared = { signingSecret: env.SLACK_SIGNING_SECRET, appToken: env.SLACK_APP_TOKEN, socketMode: env.SLACK_SOCKET_MODE, apiUrl: env.SLACK_API_URL };
  if (env.SLACK_SOCKET_MODE && !env.SLACK_APP_TOKEN) throw new ConfigError('SLACK_APP_TOKEN', 'is required when SLACK_SOCKET_MODE=true');
  if (env.SLACK_BOT_TOKEN) return { mode: 'single', botToken: env.SLACK_BOT_TOKEN, ...shared };
  for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
    if (!env[name]) throw new ConfigError(name, 'Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for distribution');
  }
  return { mode: 'oauth', clientId: env.SLACK_CLIENT_ID!, clientSecret: env.SLACK_CLIENT_SECRET!, stateSecret: env.SLACK_STATE_SECRET!, ...shared };
}
