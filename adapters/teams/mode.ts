/**
 * Whether the Teams endpoint is on, from the configuration alone. Kept apart from `auth.ts` so
 * that deciding it (app/platforms.ts, at every start) does not load the Agents SDK when Teams is off.
 */
import type { Config } from '../../src/config.ts';

export type TeamsMode = 'authenticated' | 'local' | 'off';

/**
 * Credentials → authenticated. Without them the endpoint is off, unless local mode was asked for
 * explicitly (`TEAMS_LOCAL_MODE=true`, or `enableTeamsLocalMode` in tests) and this is not production.
 */
export function teamsMode(config: Pick<Config, 'teams' | 'production'>, options: { local?: boolean } = {}): TeamsMode {
  if (config.teams) return 'authenticated';
  return options.local && !config.production ? 'local' : 'off';
}
