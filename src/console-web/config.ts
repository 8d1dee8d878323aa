/**
 * The console's settings, from the configuration (src/config.ts reads the environment):
 * - the public URL (the sign-in link); default http://localhost:PORT;
 * - the key that signs links and sessions (shared by every instance); without it, one derived
 *   from the platforms' secrets, else one kept in the data folder;
 * - the knowledge curators; whether Teams may frame the console (personal and channel tab).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { ssoSettings, type SsoSettings } from './sso.ts';

export interface ConsoleWebConfig {
  publicUrl: string;
  secret: string;
  curators: string[];
  teamsTab: boolean;
  /** Cookies marked Secure (production, or an https public URL). */
  secureCookies: boolean;
  /** How long a sign-in link is valid, and the session's idle and absolute limits. */
  linkSeconds: number;
  idleSeconds: number;
  maxSessionSeconds: number;
  /** Links one person may ask for per 10 minutes. */
  linksPerWindow: number;
  /** Teams SSO in the tab: only with Teams credentials (sso.ts). */
  sso?: SsoSettings;
}

export function consoleWebConfig(config: Config): ConsoleWebConfig {
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  let secret = config.console.secret;
  return {
    publicUrl,
    // Read on first use: a bot that never signs anyone in leaves no key file behind.
    get secret() {
      return (secret ??= derivedSecret(config));
    },
    curators: config.console.curators,
    teamsTab: config.console.teamsTab,
    secureCookies: config.production || publicUrl.startsWith('https:'),
    linkSeconds: 600,
    idleSeconds: 30 * 60,
    maxSessionSeconds: 12 * 3600,
    linksPerWindow: 3,
    sso: ssoSettings(config, publicUrl),
  };
}

/** Every instance of a deployment shares the platforms' secrets; locally a key is kept in the data folder. */
function derivedSecret(config: Config): string {
  const platform = [config.slack?.signingSecret, config.teams?.appPassword, config.teams?.appId].filter(Boolean).join('|');
  if (platform) return createHash('sha256').update(`wegwijs-console|${platform}`).digest('hex');
  const dir = config.store.kind === 'sqlite' ? config.store.dataDir : config.dataDir;
  const file = join(dir, 'console-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process wrote it first: read theirs.
    }
  }
  return readFileSync(file, 'utf8').trim();
}
