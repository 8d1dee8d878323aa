/**
 * The network console: web pages for members, facilitators and curators at /console, served by
 * `wegwijs serve` itself. Signed in through a one-time link from chat (`wegwijs console`). Reads
 * feature data only through ports (consoleActions, consoleNetworks, consoleKnowledge,
 * deliberationReports) and degrades when one is absent.
 */
import type express from 'express';
import type { Feature, Services } from '../core/index.ts';
import type { Config } from '../config.ts';
import { consoleCommand } from './command.ts';
import { consoleWebConfig, type ConsoleWebConfig } from './config.ts';
import { exportConsoleUser, forgetConsoleUser } from './records.ts';
import { consoleRouter } from './routes.ts';
import type { SsoSettings } from './sso.ts';

export { consoleWebConfig, type ConsoleWebConfig } from './config.ts';
export { linkToken, readLink, readSession, sessionCookie, csrfToken, COOKIE } from './auth.ts';
export { barChart, niceMax } from './chart.ts';

const configs = new WeakMap<Services, ConsoleWebConfig>();

function configFor(services: Services): ConsoleWebConfig {
  let found = configs.get(services);
  if (!found) configs.set(services, (found = consoleWebConfig(services.config as Config)));
  return found;
}

/** The chat side: the `console` command (sign-in link; naming curators). */
export function createConsoleWebFeature(services: Services): Feature {
  return {
    name: 'console_web',
    commands: [consoleCommand(services, configFor(services))],
    exportUser: (subject, view) => exportConsoleUser(services, subject, view),
    forgetUser: (subject) => forgetConsoleUser(services, subject),
  };
}

export interface ConsoleDeps {
  services: Services;
  /** Tests only: Teams SSO settings (a local key server) instead of the configuration's. */
  sso?: SsoSettings;
}

/** The web side: mounts /console on the server. */
export function mountConsole(app: express.Express, deps: ConsoleDeps): void {
  app.use('/console', consoleRouter(deps.services, configFor(deps.services), { sso: deps.sso }));
}
