/**
 * The console over HTTP (no browser): sign-in by a one-time link from chat, sessions, CSRF,
 * tenant isolation, the chart's bars from seeded data, an edit seen in chat, CSV and settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWebConfig, linkToken } from '../../src/console-web/index.ts';
import { consoleRig, csrfOf, slug, type ConsoleRig } from './helpers.ts';

const NET = 'console:local:zorg';
let rig: ConsoleRig;

beforeAll(async () => {
  rig = await consoleRig();
  const { h } = rig;
  await h.say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
  // Three weeks of work: wins in two of them.
  await h.say('bram', 'zorg', 'wegwijs actie Bel het zorgkantoor');
  await h.say('fleur', 'zorg', 'wegwijs actie Plan overleg met de gemeente');
  await h.say('bram', 'zorg', 'wegwijs actie 1 klaar');
  h.clock.set('2026-11-24T10:00:00+01:00');
  await h.say('carla', 'zorg', 'wegwijs actie Zoek een logeerplek');
  await h.say('carla', 'zorg', 'wegwijs actie 3 vast wacht op indicatie');
  h.clock.set('2026-12-02T10:00:00+01:00');
  await h.say('fleur', 'zorg', 'wegwijs actie 2 klaar');
  await h.say('other', 'elders', 'wegwijs netwerk start "Ander netwerk"');
});
afterAll(() => rig?.close());

describe('sign-in', () => {
  it('sends a one-time link by direct message that opens a session once', async () => {
    const link = await rig.link('bram');
    const landing = await fetch(link);
    expect(landing.status).toBe(200);
    // The GET shows a button only: link previews do not use the link up.
    const token = new URL(link).searchParams.get('token')!;
    const first = await rig.post('/console/login', { token });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const again = await rig.post('/console/login', { token });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('al gebruikt');
  });

  it('says at once, on opening, that a used link was used (Dutch and English), and opening does not use it up', async () => {
    const config = consoleWebConfig(rig.h.app.services.config);
    for (const [lang, used, confirm] of [['nl', 'al gebruikt', 'Inloggen als'], ['en', 'used already', 'Sign in as']] as const) {
      const { token } = linkToken(config, { platform: 'console', tenantId: 'local', userId: 'bram', name: 'bram', lang }, rig.h.clock.now().getTime());
      const open = () => rig.get(`/console/login?token=${encodeURIComponent(token)}`);
      // Opened twice (a link preview, then the person): still unused, still the button.
      for (let i = 0; i < 2; i++) {
        const fresh = await open();
        expect(fresh.status).toBe(200);
        expect(await fresh.text()).toContain(confirm);
      }
      expect((await rig.post('/console/login', { token })).status).toBe(303);
      const reopened = await open();
      expect(reopened.status).toBe(400);
      const page = await reopened.text();
      expect(page).toContain(used);
      expect(page).toContain('wegwijs console');
      expect(page).not.toContain(confirm);
      expect(page).not.toContain('<form');
    }
  });

  it('refuses a forged or expired link', async () => {
    const link = await rig.link('bram');
    const token = new URL(link).searchParams.get('token')!;
    const forged = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await rig.post('/console/login', { token: forged })).status).toBe(400);
    const late = await rig.link('carla');
    rig.h.clock.set(new Date(rig.h.clock.now().getTime() + 11 * 60_000).toISOString());
    const res = await rig.post('/console/login', { token: new URL(late).searchParams.get('token')! });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('verlopen');
  });

  it('limits how many links one person gets', async () => {
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) texts.push((await rig.h.dm('dirk', 'console')).map((o) => o.text).join(' '));
    expect(texts.slice(0, 3).every((t) => t.includes('/console/login?token='))).toBe(true);
    expect(texts[3]).not.toContain('token=');
    expect(texts[3]).toContain('tien minuten');
  });

  it('refuses pages without a session, with a forged one, and after the idle time-out', async () => {
    expect((await rig.get('/console')).status).toBe(401);
    expect((await rig.get('/console', 'wegwijs_console=abc.def')).status).toBe(401);
    const cookie = await rig.signIn('bram');
    expect((await rig.get('/console', cookie)).status).toBe(200);
    rig.h.clock.set(new Date(rig.h.clock.now().getTime() + 31 * 60_000).toISOString());
    const res = await rig.get('/console', cookie);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('verlopen');
  });
});

describe('pages', () => {
  it('lists only the networks of the user, with security headers', async () => {
    const cookie = await rig.signIn('carla');
    const res = await rig.get('/console', cookie);
    const page = await res.text();
    expect(page).toContain('Zorgnetwerk Oost');
    expect(page).not.toContain('Ander netwerk');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(page).not.toMatch(/<script/i);
  });

  it('draws one bar per week and a participation point per week from the store', async () => {
    const cookie = await rig.signIn('bram');
    const page = await (await rig.get(`/console/n/${slug(NET)}`, cookie)).text();
    const wins = [...page.matchAll(/<rect class="bar wins" data-value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(wins).toHaveLength(12);
    // Weeks of 16 Nov (#1 done), 23 Nov (none), 30 Nov (#2 done).
    expect(wins.slice(-3)).toEqual([1, 0, 1]);
    const movers = [...page.matchAll(/<circle class="point movers" data-value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(movers.slice(-3)).toEqual([2, 1, 1]);
    const stuck = [...page.matchAll(/<rect class="bar stuck" data-value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(stuck.slice(-3)).toEqual([0, 1, 1]);
  });

  it('filters actions, and an edit by the owner is told in chat with the same rules', async () => {
    const cookie = await rig.signIn('carla');
    const list = await (await rig.get(`/console/n/${slug(NET)}/actions?status=stuck`, cookie)).text();
    expect([...list.matchAll(/data-number="(\d+)"/g)].map((m) => m[1])).toEqual(['3']);
    const form = await (await rig.get(`/console/n/${slug(NET)}/actions/3`, cookie)).text();
    const before = rig.h.outputs.length;
    const res = await rig.post(`/console/n/${slug(NET)}/actions/3`, { _csrf: csrfOf(form), status: 'done', note: '' }, cookie);
    expect(res.status).toBe(303);
    const chat = rig.h.outputs.slice(before).map((o) => `${o.channel}: ${o.text}`).join('\n');
    expect(chat).toContain('zorg: ✏️ carla wijzigde actie #3');
    expect((await rig.h.say('carla', 'zorg', 'wegwijs acties')).map((o) => o.text).join('\n')).not.toContain('#3');
    // Not the owner, not a facilitator: no form, and a post is refused like in chat.
    const bram = await rig.signIn('bram');
    expect((await rig.get(`/console/n/${slug(NET)}/actions/3`, bram)).status).toBe(404);
  });

  it('refuses a form without the session\'s CSRF token', async () => {
    const cookie = await rig.signIn('fleur');
    const other = await rig.signIn('bram');
    const otherToken = csrfOf(await (await rig.get('/console', other)).text());
    const res = await rig.post(`/console/n/${slug(NET)}/settings`, { _csrf: otherToken, language: 'en' }, cookie);
    expect(res.status).toBe(403);
    expect((await rig.post(`/console/n/${slug(NET)}/settings`, { language: 'en' }, cookie)).status).toBe(403);
  });

  it('exports CSV for facilitators and changes settings with the chat rules', async () => {
    const cookie = await rig.signIn('fleur');
    const csv = await rig.get(`/console/n/${slug(NET)}/actions.csv`, cookie);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    expect((await csv.text()).split('\r\n')).toHaveLength(4);
    const page = await (await rig.get(`/console/n/${slug(NET)}/settings`, cookie)).text();
    expect(await (await rig.get(`/console/n/${slug(NET)}/nudge`, cookie)).text()).toContain('class="preview"');
    const bad = await rig.post(`/console/n/${slug(NET)}/settings`, { _csrf: csrfOf(page), schedule: 'elke blauwe maan' }, cookie);
    expect(bad.status).toBe(422);
    const ok = await rig.post(`/console/n/${slug(NET)}/settings`, { _csrf: csrfOf(page), schedule: 'dinsdag 10:00', timeZone: 'Europe/Amsterdam', language: 'nl' }, cookie);
    expect(ok.status).toBe(200);
    expect((await rig.h.say('fleur', 'zorg', 'wegwijs netwerk')).map((o) => o.text).join('\n')).toContain('dinsdag 10:00');
    const member = await rig.signIn('bram');
    expect((await rig.get(`/console/n/${slug(NET)}/actions.csv`, member)).status).toBe(404);
    const memberPage = await (await rig.get(`/console/n/${slug(NET)}/settings`, member)).text();
    expect(memberPage).not.toContain('name="schedule"');
    const refused = await rig.post(`/console/n/${slug(NET)}/settings`, { _csrf: csrfOf(memberPage), language: 'en' }, member);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('facilitator');
  });
});

describe('tenant isolation', () => {
  it('never shows another tenant\'s network, not even by its id', async () => {
    const foreign = await rig.foreignCookie('fleur', 'T-OTHER');
    const home = await (await rig.get('/console', foreign)).text();
    expect(home).not.toContain('Zorgnetwerk Oost');
    for (const path of ['', '/actions', '/actions/1', '/actions.csv', '/settings', '/deliberations']) {
      const res = await rig.get(`/console/n/${slug(NET)}${path}`, foreign);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('Zorgnetwerk');
    }
    expect((await rig.get('/console/knowledge', foreign)).status).toBe(403);
  });

  it('does not let a member of one network open another network of the same tenant', async () => {
    const cookie = await rig.signIn('bram');
    expect((await rig.get(`/console/n/${slug('console:local:elders')}`, cookie)).status).toBe(404);
  });
});

describe('bad input', () => {
  it('answers malformed or oversized requests with a clear status, never a crash', async () => {
    const cookie = await rig.signIn('fleur');
    expect((await rig.get('/console/n/!!!', cookie)).status).toBe(404);
    expect((await rig.get(`/console/n/${'A'.repeat(2000)}`, cookie)).status).toBe(404);
    expect((await rig.get(`/console/n/${slug(NET)}/actions/abc`, cookie)).status).toBe(404);
    expect((await rig.get(`/console/n/${slug(NET)}/actions/99999`, cookie)).status).toBe(404);
    expect((await rig.get(`/console/n/${slug(NET)}/deliberations/..%2F..%2Fetc.md`, cookie)).status).toBe(404);
    expect((await rig.get(`/console/login?token=${'x'.repeat(5000)}`)).status).toBe(400);
    expect((await rig.post('/console/login', { token: '{"p":"console"}.abc' })).status).toBe(400);
    const page = await (await rig.get(`/console/n/${slug(NET)}/actions/2`, cookie)).text();
    const big = await rig.post(`/console/n/${slug(NET)}/actions/2`, { _csrf: csrfOf(page), note: 'x'.repeat(30_000) }, cookie);
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('te lang');
    const long = await rig.post(`/console/n/${slug(NET)}/actions/2`, { _csrf: csrfOf(page), owner: 'x'.repeat(500) }, cookie);
    expect(long.status).toBe(400);
    const unknownStatus = await rig.post(`/console/n/${slug(NET)}/actions/2`, { _csrf: csrfOf(page), status: 'gewonnen' }, cookie);
    expect(unknownStatus.status).toBe(400);
    expect(await unknownStatus.text()).toContain('Er is niets gewijzigd');
    // Text typed in a form is shown escaped, never as markup.
    await rig.h.say('fleur', 'zorg', 'wegwijs actie Schrijf de brief');
    const script = await rig.post(`/console/n/${slug(NET)}/actions/4`, { _csrf: csrfOf(page), note: '<script>alert(1)</script>' }, cookie);
    expect(script.status).toBe(303);
    const list = await (await rig.get(`/console/n/${slug(NET)}/actions?status=all`, cookie)).text();
    expect(list).toContain('&lt;script&gt;');
    expect(list).not.toContain('<script>');
  });
});
