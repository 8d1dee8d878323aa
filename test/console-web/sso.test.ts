/**
 * Teams SSO in the console tab, end to end with no network: a real Teams activity through the fake
 * connector (local mode) records the Entra object id → Teams user link; tokens are signed with an
 * RSA key whose public half a local JWKS server publishes; the console validates them (signature,
 * issuer of the token's tenant, audience, scope, expiry, allowed tenant) and opens the same session
 * as the chat link. Everything that only looks right is refused, and a token of tenant B never
 * finds a user of tenant A.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import express from 'express';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildManifest } from '../../infra/teams/package.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock, networkId, type Services } from '../../src/core/index.ts';
import { findEntraUser } from '../../src/core/entra-link.ts';
import { consoleWebConfig, mountConsole } from '../../src/console-web/index.ts';
import { exportConsoleUser, forgetConsoleUser } from '../../src/console-web/records.ts';
import { ssoSettings, type SsoSettings } from '../../src/console-web/sso.ts';
import { FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';

const APP_ID = '00000000-0000-4000-8000-00000000a991';
const TENANT_A = '00000000-0000-4000-8000-0000000000aa';
const TENANT_B = '00000000-0000-4000-8000-0000000000bb';
const TENANT_C = '00000000-0000-4000-8000-0000000000cc';
const OID_ANNA = '11111111-0000-4000-8000-000000000001';
const OID_BOB = '11111111-0000-4000-8000-000000000002';
const OID_NOBODY = '11111111-0000-4000-8000-000000000099';
const ANNA = { id: '29:anna-channel-id', aadObjectId: OID_ANNA, name: 'Anna de Boer' };
const BOB = { id: '29:bob-channel-id', aadObjectId: OID_BOB, name: 'Bob Jansen' };
const START = '2026-11-16T10:00:00.000Z';
const ENV = { WEGWIJS_CONSOLE_SECRET: 'test-console-secret-0123456789abcdef', WEGWIJS_CONSOLE_TEAMS_TAB: 'true' };

describe('Teams SSO in the console tab', () => {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clock = new ManualClock(new Date(START));
  const teams = new FakeConnector();
  const saved: Record<string, string | undefined> = {};
  let keys: Server;
  let web: Server;
  let bot: TeamsBot;
  let webUrl = '';
  let keyRequests = 0;
  let settings: SsoSettings;

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) [saved[k], process.env[k]] = [process.env[k], v];
    const jwk = { ...signing.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    keys = createServer((req, res) => {
      keyRequests++;
      if (req.url === '/keys') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    await teams.start();
    // Teams in local mode (no credentials): the real endpoint, driven by the fake connector.
    bot = await startTeamsBot({ localMode: true, clock, env: ENV });
    // The same console on the same services, with SSO settings whose key set is served locally
    // (the only difference from production, where they come from TEAMS_* and Microsoft's keys).
    settings = {
      appId: APP_ID,
      audiences: [APP_ID, `api://wegwijs.example.org/${APP_ID}`],
      tenants: [TENANT_A, TENANT_B],
      jwksUrl: `http://127.0.0.1:${(keys.address() as { port: number }).port}/keys`,
      skewSeconds: 120,
    };
    const app = express();
    mountConsole(app, { services: bot.app.services, sso: settings });
    web = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => web.once('listening', () => resolve()));
    webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;

    // Anna writes to the bot in tenant A, Bob in tenant B: their links are recorded from the activities.
    expect((await teams.deliver(bot.url, personalMessage({ tenant: TENANT_A, user: ANNA }, 'hulp'))).status).toBe(200);
    expect((await teams.deliver(bot.url, personalMessage({ tenant: TENANT_B, user: BOB }, 'hulp'))).status).toBe(200);
    // Anna facilitates a network in tenant A (seeded as the networks feature stores it).
    await seedNetwork(bot.app.services, TENANT_A, '19:channel-a@thread.tacv2', 'Netwerk Noord', ANNA.id);
    await seedNetwork(bot.app.services, TENANT_B, '19:channel-b@thread.tacv2', 'Netwerk Zuid', BOB.id);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => web.close(() => resolve()));
    await bot.close();
    await teams.close();
    await new Promise<void>((resolve) => keys.close(() => resolve()));
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  });

  // Past the sign-in rate limit's window (30 per address per 10 minutes) before each test.
  beforeEach(() => clock.advance(11 * 60_000));

  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  const token = (claims: Record<string, unknown> = {}, key: KeyObject = signing.privateKey, header: { kid?: string } = { kid: 'k1' }) =>
    jwt.sign(
      {
        aud: `api://wegwijs.example.org/${APP_ID}`,
        iss: `https://login.microsoftonline.com/${TENANT_A}/v2.0`,
        tid: TENANT_A,
        oid: OID_ANNA,
        scp: 'access_as_user',
        name: 'Anna de Boer',
        iat: nowSeconds() - 10,
        nbf: nowSeconds() - 10,
        exp: nowSeconds() + 3600,
        ...claims,
      },
      key,
      { algorithm: 'RS256', ...(header.kid ? { keyid: header.kid } : {}) },
    );
  const exchange = (value: unknown, headers: Record<string, string> = {}) =>
    fetch(`${webUrl}/console/sso`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ token: value }), redirect: 'manual' });
  const codeOf = async (res: Response) => ((await res.json()) as { code?: string }).code;

  it('records the Entra object id next to the Teams user from a real activity, per tenant', async () => {
    const store = bot.app.services.store;
    expect(await findEntraUser(store, TENANT_A, OID_ANNA)).toBe(ANNA.id);
    expect(await findEntraUser(store, TENANT_B, OID_BOB)).toBe(BOB.id);
    expect(await findEntraUser(store, TENANT_B, OID_ANNA)).toBeUndefined();
    expect(await findEntraUser(store, TENANT_A, OID_BOB)).toBeUndefined();
  });

  it('a valid token opens the same session as the chat link: cookie, the user’s networks, no one else’s', async () => {
    const res = await exchange(token());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ next: '/console' });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^wegwijs_console=[^;]+; Path=\/console; HttpOnly; SameSite=None/);
    expect(setCookie).toContain('Secure');
    const cookie = setCookie.split(';')[0];
    const home = await fetch(`${webUrl}/console`, { headers: { cookie } });
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain('Netwerk Noord');
    expect(page).toContain('Anna de Boer');
    expect(page).not.toContain('Netwerk Zuid');
    // The tab itself, now signed in, is the home page (no scripts there).
    const tab = await fetch(`${webUrl}/console/tab?context=personal`, { headers: { cookie } });
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain('Netwerk Noord');
    // Bob's network (tenant B) is not reachable with Anna's session.
    const foreign = Buffer.from(networkId({ platform: 'teams', tenantId: TENANT_B, channelId: '19:channel-b@thread.tacv2' })).toString('base64url');
    expect((await fetch(`${webUrl}/console/n/${foreign}`, { headers: { cookie } })).status).toBe(404);
  });

  it('a v1 token (sts.windows.net issuer, the app id as audience) is accepted too', async () => {
    const res = await exchange(token({ iss: `https://sts.windows.net/${TENANT_A}/`, aud: APP_ID }));
    expect(res.status).toBe(200);
  });

  it('refuses a wrong audience, a wrong or foreign issuer, an expired or not-yet-valid token, a missing scope', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ aud: `api://wegwijs.example.org/00000000-0000-4000-8000-0000000000ff` }, 'sso_invalid'],
      [{ aud: '00000000-0000-4000-8000-0000000000ff' }, 'sso_invalid'],
      [{ iss: 'https://login.example.org/v2.0' }, 'sso_invalid'],
      // Another tenant's issuer with tenant A's tid: the issuer must name the token's own tenant.
      [{ iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` }, 'sso_invalid'],
      [{ exp: nowSeconds() - 600, iat: nowSeconds() - 4000, nbf: nowSeconds() - 4000 }, 'sso_expired'],
      [{ nbf: nowSeconds() + 900 }, 'sso_invalid'],
      [{ scp: 'User.Read' }, 'sso_invalid'],
      [{ oid: 'not-an-object-id!' }, 'sso_invalid'],
    ];
    for (const [claims, code] of cases) {
      const res = await exchange(token(claims));
      expect(res.status, JSON.stringify(claims)).toBe(401);
      expect(await codeOf(res), JSON.stringify(claims)).toBe(code);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('allows a small clock skew only', async () => {
    expect((await exchange(token({ exp: nowSeconds() - 60 }))).status).toBe(200);
    expect((await exchange(token({ exp: nowSeconds() - 180 }))).status).toBe(401);
  });

  it('refuses a token signed by another key (same key id), an unsigned or HMAC one, and garbage', async () => {
    expect(await codeOf(await exchange(token({}, stranger.privateKey)))).toBe('sso_invalid');
    expect(await codeOf(await exchange(token({}, stranger.privateKey, { kid: 'k2' })))).toBe('sso_invalid');
    const unsigned = jwt.sign({ aud: APP_ID, iss: `https://sts.windows.net/${TENANT_A}/`, tid: TENANT_A, oid: OID_ANNA, scp: 'access_as_user', exp: nowSeconds() + 600 }, '', { algorithm: 'none' });
    expect((await exchange(unsigned)).status).toBe(401);
    const hmac = jwt.sign({ aud: APP_ID, iss: `https://sts.windows.net/${TENANT_A}/`, tid: TENANT_A, oid: OID_ANNA, scp: 'access_as_user', iat: nowSeconds(), exp: nowSeconds() + 600 }, 'shared-secret', { algorithm: 'HS256', keyid: 'k1' });
    expect((await exchange(hmac)).status).toBe(401);
    for (const bad of ['', 'a.b', 'x'.repeat(9000), 42, null]) expect((await exchange(bad)).status).toBeGreaterThanOrEqual(400);
    const malformed = await fetch(`${webUrl}/console/sso`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":' });
    expect(malformed.status).toBe(400);
  });

  it('an unknown object id, or tenant B’s token for tenant A’s user, finds nobody; a tenant not allowed is refused', async () => {
    const unknown = await exchange(token({ oid: OID_NOBODY }));
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('sso_unknown_user');
    // Anna's object id, validly signed, but issued in tenant B: the link is only in tenant A.
    const crossTenant = await exchange(token({ tid: TENANT_B, iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` }));
    expect(crossTenant.status).toBe(404);
    expect(crossTenant.headers.get('set-cookie')).toBeNull();
    // Bob in tenant B does sign in, into tenant B only.
    const bob = await exchange(token({ tid: TENANT_B, oid: OID_BOB, iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0`, name: 'Bob Jansen' }));
    expect(bob.status).toBe(200);
    const page = await (await fetch(`${webUrl}/console`, { headers: { cookie: (bob.headers.get('set-cookie') ?? '').split(';')[0] } })).text();
    expect(page).toContain('Netwerk Zuid');
    expect(page).not.toContain('Netwerk Noord');
    const tenantC = await exchange(token({ tid: TENANT_C, iss: `https://login.microsoftonline.com/${TENANT_C}/v2.0` }));
    expect(await codeOf(tenantC)).toBe('sso_tenant');
  });

  it('refuses a cross-site sign-in request', async () => {
    const res = await exchange(token(), { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });

  it('says in Dutch and English to send the bot a message first', async () => {
    const nl = await fetch(`${webUrl}/console/tab/signin?code=sso_unknown_user`, { headers: { 'accept-language': 'nl' } });
    expect(nl.status).toBe(404);
    expect(await nl.text()).toMatch(/Stuur wegwijs eerst een bericht/);
    const en = await fetch(`${webUrl}/console/tab/signin?code=sso_unknown_user`, { headers: { 'accept-language': 'en' } });
    expect(await en.text()).toMatch(/Send wegwijs a message in Teams first/);
    // An unknown code shows the general text, never the code itself.
    const odd = await (await fetch(`${webUrl}/console/tab/signin?code=%3Cscript%3E`)).text();
    expect(odd).not.toContain('<script>');
    expect(odd).toContain('wegwijs console');
  });

  it('the tab page loads only same-origin scripts (the Teams library from npm, served here) under a strict CSP', async () => {
    const res = await fetch(`${webUrl}/console/tab?context=personal`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    const page = await res.text();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1])?.[1])).toEqual(['/console/assets/teams.js', '/console/assets/tab.js']);
    expect(scripts.every((m) => m[2].trim() === '')).toBe(true);
    expect(page).not.toMatch(/https?:\/\/[^"'\s]*\.(js|css)/);
    const library = await fetch(`${webUrl}/console/assets/teams.js`);
    expect(library.headers.get('content-type')).toMatch(/javascript/);
    const code = await library.text();
    expect(code).toContain('getAuthToken');
    expect(code).not.toContain('sourceMappingURL');
    const tab = await (await fetch(`${webUrl}/console/assets/tab.js`)).text();
    expect(tab).toContain("'/console/sso'");
    // The configure page of the channel tab saves the tab through the same scripts.
    expect(await (await fetch(`${webUrl}/console/tab?context=configure`)).text()).toContain('data-mode="configure"');
  });

  it('without Teams credentials the tab signs in with the chat link, as before', async () => {
    // The console the real server mounted from the configuration (local mode: no credentials).
    const tab = await fetch(`${bot.url}/console/tab?context=personal`);
    expect(tab.status).toBe(401);
    const page = await tab.text();
    expect(page).not.toContain('<script');
    expect(page).toContain('console');
    expect((await fetch(`${bot.url}/console/sso`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: token() }) })).status).toBe(404);
  });

  it('with credentials the settings accept the app id and api://<host>/<app id> of Microsoft’s tenant keys, matching the manifest', () => {
    const config = loadConfig({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret', TEAMS_TENANT_ID: TENANT_A });
    const sso = ssoSettings(config, 'https://wegwijs.example.org')!;
    expect(sso.audiences).toEqual([APP_ID, `api://wegwijs.example.org/${APP_ID}`]);
    expect(sso.tenants).toEqual([TENANT_A]);
    expect(sso.jwksUrl).toBe(`https://login.microsoftonline.com/${TENANT_A}/discovery/v2.0/keys`);
    expect(consoleWebConfig({ ...config, publicUrl: 'https://wegwijs.example.org' }).sso).toEqual(sso);
    expect(ssoSettings(loadConfig({}), 'https://wegwijs.example.org')).toBeUndefined();
    const custom = loadConfig({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'secret', TEAMS_TENANT_ID: TENANT_A, TEAMS_SSO_RESOURCE: `api://tab.example.org/${APP_ID}` });
    expect(ssoSettings(custom, 'https://wegwijs.example.org')!.audiences).toContain(`api://tab.example.org/${APP_ID}`);

    const manifest = buildManifest({ appId: APP_ID, version: '1.0.0', websiteUrl: 'https://wegwijs.example.org', domains: ['wegwijs.example.org'] });
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://wegwijs.example.org/${APP_ID}` });
    const schema = fileURLToPath(new URL('../../infra/teams/schema/MicrosoftTeams.v1.22.schema.json', import.meta.url));
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schema, 'utf8')));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...manifest, webApplicationInfo: { id: 'not-a-guid', resource: 'x' } })).toBe(false);
  });

  it('the link is part of mijn gegevens and removed by vergeet mij (then SSO finds nobody)', async () => {
    const services = bot.app.services;
    const subject = { platform: 'teams' as const, tenantId: TENANT_A, userId: ANNA.id, names: [ANNA.name] };
    const view = { lang: 'nl' as const, t: (key: string, vars?: Record<string, string | number>) => services.catalog.t('nl', key, vars) };
    const sections = await exportConsoleUser(services, subject, view);
    expect(sections.flatMap((s) => s.lines).join('\n')).toContain(OID_ANNA);
    expect(await forgetConsoleUser(services, subject)).toEqual([{ key: 'console_web.rights.teams_link_forgotten', count: 1 }]);
    expect(await codeOf(await exchange(token()))).toBe('sso_unknown_user');
    // Writing to the bot again links the account again.
    await teams.deliver(bot.url, personalMessage({ tenant: TENANT_A, user: ANNA }, 'hulp'));
    expect((await exchange(token())).status).toBe(200);
    expect(keyRequests).toBeGreaterThan(0);
  });
});

async function seedNetwork(services: Services, tenantId: string, channelId: string, name: string, facilitator: string): Promise<void> {
  const id = networkId({ platform: 'teams', tenantId, channelId });
  const at = services.clock.now().toISOString();
  await services.store.networks.put(id, id, { id, platform: 'teams', tenantId, channelId, name, timeZone: 'Europe/Amsterdam', language: 'nl', schedule: '0 9 * * 1', facilitators: [facilitator], status: 'active', createdAt: at, createdBy: facilitator });
  await services.store.members.put(id, facilitator, { userId: facilitator, name: 'lid', quiet: false, joinedAt: at });
}
