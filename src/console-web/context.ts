/** What every page gets: the services, the session, its language and the CSRF token for forms. */
import type { Services, Vars } from '../core/index.ts';
import type { NetworkAccess } from './access.ts';
import type { Session } from './auth.ts';
import type { ConsoleWebConfig } from './config.ts';

export interface PageContext {
  services: Services;
  config: ConsoleWebConfig;
  session: Session;
  lang: 'nl' | 'en';
  t: (key: string, vars?: Vars) => string;
  csrf: string;
  curator: boolean;
  /** Set on the pages of one network, after its access was checked. */
  network?: NetworkAccess;
}

/** A network id in a URL: base64url, so ids with colons or slashes stay one path segment. */
export function networkSlug(id: string): string {
  return Buffer.from(id).toString('base64url');
}

export function networkFromSlug(slug: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,1100}$/.test(slug)) return undefined;
  return Buffer.from(slug, 'base64url').toString('utf8');
}
