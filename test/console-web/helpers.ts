/**
 * A Wegwijs with the console mounted on the real server (app/server.ts, port 0), the console
 * chat adapter and a manual clock, plus sign-in through the real chat command and HTTP.
 */
import { startServer, type RunningServer } from '../../app/server.ts';
import { linkToken, consoleWebConfig } from '../../src/console-web/index.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

export interface ConsoleRig {
  h: Harness;
  server: RunningServer;
  url: string;
  /** Asks for a link in chat (DM) and returns the link as sent, on this server. */
  link(user: string): Promise<string>;
  /** Signs in through the link: the session cookie. */
  signIn(user: string): Promise<string>;
  /** A session for someone of another tenant (a legitimate user elsewhere). */
  foreignCookie(user: string, tenant: string): Promise<string>;
  get(path: string, cookie?: string): Promise<Response>;
  post(path: string, form: Record<string, string>, cookie?: string): Promise<Response>;
  close(): Promise<void>;
}

export const SECRET = 'test-console-secret-0123456789abcdef';

export async function consoleRig(options: { env?: Record<string, string>; start?: string } = {}): Promise<ConsoleRig> {
  const env = { PORT: '0', HOST: '127.0.0.1', WEGWIJS_CONSOLE_SECRET: SECRET, SCHEDULER_INTERVAL_SECONDS: '3600', ...options.env };
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  const h = await createHarness({ env, start: options.start ?? '2026-11-16T10:00:00+01:00' });
  const server = await startServer(h.app);
  const url = server.url;
  const get = (path: string, cookie?: string) => fetch(url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const post = (path: string, form: Record<string, string>, cookie?: string) =>
    fetch(url + path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) }, redirect: 'manual' });
  const tokenFromChat = async (user: string) => {
    const out = await h.dm(user, 'console');
    const text = out.map((o) => o.text).join('\n');
    const match = /\/console\/login\?token=([A-Za-z0-9._%-]+)/.exec(text);
    if (!match) throw new Error(`no link in: ${text}`);
    return decodeURIComponent(match[1]);
  };
  const exchange = async (token: string) => {
    const res = await post('/console/login', { token });
    const cookie = res.headers.get('set-cookie');
    if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
    return cookie.split(';')[0];
  };
  return {
    h,
    server,
    url,
    get,
    post,
    link: async (user) => `${url}/console/login?token=${encodeURIComponent(await tokenFromChat(user))}`,
    signIn: async (user) => {
      // Past the link rate limit's window (3 links per person per 10 minutes).
      h.clock.set(new Date(h.clock.now().getTime() + 10 * 60_000 + 1000).toISOString());
      return exchange(await tokenFromChat(user));
    },
    foreignCookie: async (user, tenant) => {
      const config = consoleWebConfig(h.app.services.config);
      const { token } = linkToken(config, { platform: 'slack', tenantId: tenant, userId: user, name: user, lang: 'nl' }, h.clock.now().getTime());
      return exchange(token);
    },
    close: async () => {
      await server.close();
      await h.close();
    },
  };
}

/** The CSRF token of the page's forms. */
export function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

export function slug(networkId: string): string {
  return Buffer.from(networkId).toString('base64url');
}
