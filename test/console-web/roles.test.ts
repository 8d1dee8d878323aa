/**
 * Roles and the Teams tab: the link never shows in a channel; curators (configured or named by a
 * facilitator) see the knowledge page, others are refused; the language switch and sign-out need
 * the CSRF token; with the Teams tab on, only Teams may frame the console and cookies go cross-site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRig, csrfOf, type ConsoleRig } from './helpers.ts';

describe('roles', () => {
  let rig: ConsoleRig;
  beforeAll(async () => {
    rig = await consoleRig({ env: { WEGWIJS_CURATORS: 'console:local:kim', WEGWIJS_CONSOLE_TEAMS_TAB: 'false' } });
    await rig.h.say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
    await rig.h.say('bram', 'zorg', 'wegwijs actie Bel het zorgkantoor');
    await rig.h.dm('bram', 'hoe vraag ik een parkeervergunning aan voor mijn auto');
  });
  afterAll(() => rig?.close());

  it('sends the link by direct message when asked in a channel, never in the channel', async () => {
    const out = await rig.h.say('bram', 'zorg', 'wegwijs console');
    const inChannel = out.filter((o) => o.channel === 'zorg' && !o.private);
    expect(inChannel.map((o) => o.text).join('\n')).not.toContain('token=');
    expect(out.some((o) => o.dm && o.to === 'bram' && o.text.includes('/console/login?token='))).toBe(true);
  });

  it('shows the knowledge page to curators only: configured, or named by a facilitator', async () => {
    const member = await rig.signIn('bram');
    expect((await rig.get('/console/knowledge', member)).status).toBe(403);
    expect(await (await rig.get('/console', member)).text()).not.toContain('/console/knowledge');
    const kim = await rig.signIn('kim');
    const page = await (await rig.get('/console/knowledge', kim)).text();
    expect([...page.matchAll(/<rect class="bar answered"/g)]).toHaveLength(12);
    expect(page).toContain('parkeervergunning');
    // A member cannot name a curator; a facilitator can, in the network's channel.
    expect((await rig.h.say('bram', 'zorg', 'wegwijs console curator @bram')).map((o) => o.text).join(' ')).toContain('Alleen een facilitator');
    await rig.h.say('fleur', 'zorg', 'wegwijs console curator @bram');
    expect((await rig.get('/console/knowledge', await rig.signIn('bram'))).status).toBe(200);
  });

  it('switches the language and signs out only with the session\'s CSRF token', async () => {
    const cookie = await rig.signIn('fleur');
    const home = await (await rig.get('/console', cookie)).text();
    expect(home).toContain('Je netwerken');
    expect((await rig.post('/console/lang', { lang: 'en' }, cookie)).status).toBe(403);
    const switched = await rig.post('/console/lang', { lang: 'en', _csrf: csrfOf(home) }, cookie);
    const english = switched.headers.get('set-cookie')!.split(';')[0];
    expect(await (await rig.get('/console', english)).text()).toContain('Your networks');
    expect((await rig.post('/console/logout', {}, english)).status).toBe(403);
    const out = await rig.post('/console/logout', { _csrf: csrfOf(home) }, english);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });
});

describe('the Teams tab', () => {
  let rig: ConsoleRig;
  beforeAll(async () => {
    rig = await consoleRig({ env: { WEGWIJS_CONSOLE_TEAMS_TAB: 'true' } });
  });
  afterAll(() => {
    process.env.WEGWIJS_CONSOLE_TEAMS_TAB = 'false';
    return rig?.close();
  });

  it('lets only Teams frame /console/tab, with cross-site cookies that are Secure', async () => {
    const res = await rig.get('/console/tab');
    expect(res.status).toBe(401);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(csp).not.toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const link = await rig.link('fleur');
    const login = await rig.post('/console/login', { token: new URL(link).searchParams.get('token')! });
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=None; Max-Age=\d+; Secure/);
  });
});
