/** Shared start-up for CLI commands: `.env`, then the validated configuration. */
import { loadConfig, loadEnvFiles, type Config } from '../../src/config.ts';

export function cliConfig(overrides: Partial<Config> = {}): Config {
  loadEnvFiles();
  return { ...loadConfig(), ...overrides };
}
