import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, dataDir: './data', language: 'nl', timeZone: 'Europe/Amsterdam', store: { kind: 'sqlite' } });
    expect(config.llm).toBeUndefined();
    expect(config.teams).toBeUndefined();
    expect(config.slack).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ WEGWIJS_LANGUAGE: 'de' }, 'WEGWIJS_LANGUAGE'],
    [{ WEGWIJS_TIME_ZONE: 'Mars/Olympus' }, 'WEGWIJS_TIME_ZONE'],
    [{ STORE: 'cosmos' }, 'COSMOS_ENDPOINT'],
    [{ TEAMS_APP_ID: 'x' }, 'TEAMS_APP_PASSWORD'],
    [{ MicrosoftAppId: 'legacy' }, 'MicrosoftAppId'],
    [{ SLACK_BOT_TOKEN: 'xoxb' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c' }, 'SLACK_CLIENT_SECRET'],
    [{ AZURE_OPENAI_ENDPOINT: 'https://x' }, 'AZURE_OPENAI_API_KEY'],
    [{ TEAMS_LOCAL_MODE: 'true', NODE_ENV: 'production' }, 'TEAMS_LOCAL_MODE'],
    [{ TEAMS_LOCAL_MODE: 'misschien' }, 'TEAMS_LOCAL_MODE'],
  ])('names the bad variable: %o', (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
    }
  });

  it('derives the LLM and platform settings', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      TEAMS_APP_ID: 'a',
      TEAMS_APP_PASSWORD: 'b',
      TEAMS_TENANT_ID: 'c',
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
    });
    expect(config.llm).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(config.teams).toEqual({ appId: 'a', appPassword: 'b', tenantId: 'c' });
    expect(config.slack).toMatchObject({ mode: 'single', botToken: 'xoxb-1' });
  });
});
