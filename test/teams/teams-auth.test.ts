/**
 * With Teams credentials configured, the endpoint runs behind the SDK's JWT middleware: requests
 * without a valid token get 401 and the bot sends nothing. Without credentials the CLI refuses
 * partial or legacy configuration before it starts anything.
 */
import { generateKeyPairSync } from 'node:crypto';
import { CloudAdapter } from '@microsoft/agents-hosting';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { authConfiguration, teamsMode } from '../../adapters/teams/index.ts';
import { runInProcess } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';
import { FakeConnector, personalMessage } from './fake-connector.ts';
import { startTeamsBot, type TeamsBot } from './server.ts';

const APP_ID = '00000000-0000-4000-8000-000000000001';
const TENANT_ID = '00000000-0000-4000-8000-0000000000aa';
const CREDENTIALS = { TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'not-a-real-secret', TEAMS_TENANT_ID: TENANT_ID };

describe('Teams endpoint with credentials', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const claims = { iss: 'https://api.botframework.com', serviceurl: 'http://127.0.0.1' };

  beforeAll(async () => {
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ env: CREDENTIALS });
  });
  afterAll(async () => {
    await bot?.close();
    await teams?.close();
  });

  const cases: [string, () => Record<string, string>][] = [
    ['no token', () => ({})],
    ['a garbage token', () => ({ authorization: 'Bearer garbage' })],
    ['a non-bearer scheme', () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['an unsigned alg=none token', () => ({ authorization: `Bearer ${jwt.sign({ ...claims, aud: APP_ID }, '', { algorithm: 'none' })}` })],
    [
      'a token for another audience',
      () => ({ authorization: `Bearer ${jwt.sign({ ...claims, aud: 'someone-else' }, privateKey, { algorithm: 'RS256', keyid: 'k1', expiresIn: 300 })}` }),
    ],
    [
      'an HS256 token with our audience',
      () => ({ authorization: `Bearer ${jwt.sign({ ...claims, aud: APP_ID }, 'shared-secret', { algorithm: 'HS256', keyid: 'k1', expiresIn: 300 })}` }),
    ],
  ];

  for (const [name, headers] of cases) {
    it(`refuses ${name} with 401 and sends nothing`, async () => {
      const res = await teams.deliver(bot.url, personalMessage({ tenant: TENANT_ID }, 'hulp'), headers());
      expect(res.status).toBe(401);
      expect(teams.requests).toHaveLength(0);
      expect(await bot.app.services.messenger.conversation('teams', TENANT_ID, 'a:personal-29:anna')).toBeUndefined();
    });
  }

  it('is on in /healthz', async () => {
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { platforms: Record<string, boolean> };
    expect(health.platforms.teams).toBe(true);
  });
});

describe('Teams configuration', () => {
  it('passes the credentials to the SDK explicitly, with an explicit connection', () => {
    const config = loadConfig({ ...CREDENTIALS, WEGWIJS_DATA_DIR: '/tmp/x' });
    const auth = authConfiguration(config);
    expect(auth).toMatchObject({ clientId: APP_ID, clientSecret: 'not-a-real-secret', tenantId: TENANT_ID, authType: 'ClientSecret' });
    expect(auth.connections?.get('ServiceConnection')?.clientId).toBe(APP_ID);
    expect(auth.connectionsMap).toEqual([{ serviceUrl: '*', connection: 'ServiceConnection' }]);
    expect(authConfiguration(loadConfig({})).clientId).toBeUndefined();
  });

  it('runs anonymously only in explicit local mode, never in production', () => {
    expect(teamsMode({ teams: undefined, production: false })).toBe('off');
    expect(teamsMode({ teams: undefined, production: false }, { local: true })).toBe('local');
    expect(teamsMode({ teams: undefined, production: true }, { local: true })).toBe('off');
    expect(teamsMode(loadConfig(CREDENTIALS), { local: true })).toBe('authenticated');
  });

  it('keeps the endpoint off without credentials unless local mode is asked for', async () => {
    const bot = await startTeamsBot();
    try {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(404);
      const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { platforms: Record<string, boolean> };
      expect(health.platforms.teams).toBe(false);
    } finally {
      await bot.close();
    }
  });

  it('refuses to start when the SDK would take another app id from its own variables', async () => {
    // TEST_MODE makes the SDK re-read process.env on every configuration load (as at module load).
    process.env.TEST_MODE = 'true';
    process.env.clientId = 'intruder-app-id';
    try {
      await expect(startTeamsBot({ localMode: true })).rejects.toThrow(/another app id/);
    } finally {
      delete process.env.clientId;
      // One more load while TEST_MODE is on, so the SDK forgets the intruder for later tests.
      expect(new CloudAdapter(authConfiguration(loadConfig({}))).getClientId()).toBeUndefined();
      delete process.env.TEST_MODE;
    }
  });

  it('refuses local mode in production', async () => {
    await expect(startTeamsBot({ env: { NODE_ENV: 'production' }, localMode: true })).rejects.toThrow(/TEAMS_LOCAL_MODE.*never allowed with NODE_ENV=production/);
  });

  it('refuses to start the server with partial Teams credentials', async () => {
    const temp = tempDir();
    try {
      const result = await runInProcess(['serve'], { env: { TEAMS_APP_ID: APP_ID, WEGWIJS_DATA_DIR: temp.dir, PORT: '0' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/TEAMS_APP_PASSWORD/);
      expect(result.stderr).toMatch(/all three or none/);
    } finally {
      temp.cleanup();
    }
  });

  it('refuses to start the server with only legacy MicrosoftAppId-style variables', async () => {
    const temp = tempDir();
    try {
      const result = await runInProcess(['serve'], { env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', WEGWIJS_DATA_DIR: temp.dir, PORT: '0' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/MicrosoftAppId/);
      expect(result.stderr).toMatch(/TEAMS_APP_ID/);
    } finally {
      temp.cleanup();
    }
  });
});
