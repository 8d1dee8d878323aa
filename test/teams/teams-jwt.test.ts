/**
 * The Teams endpoint's authentication chain really runs the SDK's JWT verification: with a local
 * authority whose signing keys this test serves (so no call goes to Microsoft), a correctly signed
 * token passes, and tokens that only look right (other key, expired, other tenant, signed with the
 * served key but for another audience or from an untrusted issuer) get 401 and never reach the bot.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { CloudAdapter } from '@microsoft/agents-hosting';
import express from 'express';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authChain, authConfiguration } from '../../adapters/teams/index.ts';
import { loadConfig } from '../../src/config.ts';

const APP_ID = '00000000-0000-4000-8000-000000000002';
const TENANT_ID = '00000000-0000-4000-8000-0000000000bb';
/** A Microsoft first-party tenant whose tokens Azure Bot Service sends (the SDK trusts it; its keys come from the authority). */
const CHANNEL_TENANT = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

describe('Teams authentication chain (SDK JWT middleware)', () => {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Server;
  let bot: Server;
  let keysUrl = '';
  let botUrl = '';
  let reached = 0;

  beforeAll(async () => {
    const jwk = { ...signing.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    keys = createServer((req, res) => {
      if (req.url === `/${TENANT_ID}/discovery/v2.0/keys`) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    keysUrl = `http://127.0.0.1:${(keys.address() as { port: number }).port}`;

    const config = loadConfig({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret', TEAMS_TENANT_ID: TENANT_ID });
    const cloud = new CloudAdapter(authConfiguration(config, { authority: `${keysUrl}/${TENANT_ID}`, authorityEndpoint: `${keysUrl}/${TENANT_ID}` }));
    const server = express();
    server.post('/api/messages', ...authChain(cloud, 'authenticated', APP_ID), (_req, res) => {
      reached++;
      res.status(200).json({ ok: true });
    });
    // The SDK's JWT middleware alone, without Wegwijs's cheap pre-check (which already refuses a
    // foreign audience): shows the SDK itself refuses what the pre-check would let through.
    server.post('/sdk-only/api/messages', express.json(), (req, res, next) => cloud.authorizeRequest(req as never, res as never, next), (_req, res) => {
      reached++;
      res.status(200).json({ ok: true });
    });
    bot = server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => bot.once('listening', () => resolve()));
    botUrl = `http://127.0.0.1:${(bot.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => bot.close(() => resolve()));
    await new Promise<void>((resolve) => keys.close(() => resolve()));
  });

  const sign = (key: typeof signing.privateKey, claims: Record<string, unknown> = {}) =>
    jwt.sign({ aud: APP_ID, iss: `https://sts.windows.net/${CHANNEL_TENANT}/`, tid: CHANNEL_TENANT, exp: Math.floor(Date.now() / 1000) + 300, ...claims }, key, { algorithm: 'RS256', keyid: 'k1' });
  const post = (token: string, path = '/api/messages') =>
    fetch(`${botUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ type: 'message' }) });

  it('lets a correctly signed channel token for this app through', async () => {
    const res = await post(sign(signing.privateKey));
    expect(res.status).toBe(200);
    expect(reached).toBe(1);
  });

  it('refuses a token of the app’s own tenant (a person’s SSO token, another app’s token), which the SDK alone accepts', async () => {
    const before = reached;
    const own = sign(signing.privateKey, { iss: `https://sts.windows.net/${TENANT_ID}/`, tid: TENANT_ID });
    const ownV2 = sign(signing.privateKey, { iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, tid: TENANT_ID, scp: 'access_as_user', oid: 'aad-anna' });
    for (const token of [own, ownV2]) expect((await post(token)).status).toBe(401);
    expect(reached).toBe(before);
    // The SDK on its own lets it through (agent-to-agent tokens): the chain's own check refuses it.
    expect((await post(own, '/sdk-only/api/messages')).status).toBe(200);
    expect(reached).toBe(before + 1);
  });

  it('refuses a token signed with another key, an expired one, and one from another tenant', async () => {
    const before = reached;
    expect((await post(sign(stranger.privateKey))).status).toBe(401);
    expect((await post(sign(signing.privateKey, { exp: Math.floor(Date.now() / 1000) - 3600 }))).status).toBe(401);
    expect((await post(sign(signing.privateKey, { iss: 'https://sts.windows.net/00000000-0000-4000-8000-0000000000cc/', tid: '00000000-0000-4000-8000-0000000000cc' }))).status).toBe(401);
    expect(reached).toBe(before);
  });

  it('refuses a token signed with the served key but for another audience, in the chain and in the SDK itself', async () => {
    const before = reached;
    // Signed exactly like the accepted token (same key, kid, issuer and tenant): only `aud` differs.
    for (const aud of ['someone-else', '00000000-0000-4000-8000-000000000003']) {
      const token = sign(signing.privateKey, { aud });
      expect((await post(token)).status, aud).toBe(401);
      expect((await post(token, '/sdk-only/api/messages')).status, `${aud} (SDK only)`).toBe(401);
    }
    expect(reached).toBe(before);
    // The SDK-only route is not simply closed: the right token passes it.
    expect((await post(sign(signing.privateKey), '/sdk-only/api/messages')).status).toBe(200);
    expect(reached).toBe(before + 1);
  });

  it('refuses a token signed with the served key for this app but from an untrusted issuer', async () => {
    const before = reached;
    for (const iss of ['https://issuer.example/', `https://login.example.com/${TENANT_ID}/v2.0`, 'https://api.botframework.com.example']) {
      const token = sign(signing.privateKey, { iss });
      expect((await post(token)).status, iss).toBe(401);
      expect((await post(token, '/sdk-only/api/messages')).status, `${iss} (SDK only)`).toBe(401);
    }
    expect(reached).toBe(before);
  });
});
