/**
 * Roles and the Teams tab: the link never shows in a channel; curators (configured or named by a
 * facilitator) see the knowledge page, others are refused; the language switch and sign-out need
 * the CSRF token; with the Teams tab on, only Teams may frame the console and cookies go cross-site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFTS_PK, draftKey, peers } from '../../src/peers/records.ts';
import { consoleRig, csrfOf, slug, type ConsoleRig } from './helpers.ts';

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
    // The naming is Bram's data: shown in "mijn gegevens", gone with "vergeet mij".
    expect(JSON.stringify(await rig.h.dm('bram', 'mijn gegevens'))).toContain('curator van de kennisbank');
    const ask = await rig.h.dm('bram', 'vergeet mij');
    const button = ask.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'core.forget')!;
    await rig.h.press('bram', { dm: true }, button.action);
    expect((await rig.get('/console/knowledge', await rig.signIn('bram'))).status).toBe(403);
  });

  it('lets curators export and reject the draft cards of their own tenant only', async () => {
    const draft = (number: number, networkId: string) => ({
      type: 'draft' as const, number, networkId, networkName: `Netwerk ${number}`, question: `Hoe regel ik vervoer ${number}?`,
      answer: 'Via de gemeente, vraag naar de regiotaxi.', lang: 'nl' as const, topics: [], questionNumber: 1, date: '2026-11-10',
    });
    if (!rig.h.app.services.ports.consolePeers) return void console.warn('[console-web] draft cards not tested: no peers feature');
    await peers(rig.h.app.services).put(DRAFTS_PK, draftKey(901), draft(901, 'console:local:zorg'));
    await peers(rig.h.app.services).put(DRAFTS_PK, draftKey(902), draft(902, 'slack:T-OTHER:C1'));
    const kim = await rig.signIn('kim');
    const page = await (await rig.get('/console/knowledge', kim)).text();
    expect(page).toContain('Hoe regel ik vervoer 901?');
    expect(page).not.toContain('vervoer 902');
    const file = await rig.get('/console/knowledge/drafts/901.md', kim);
    expect(await file.text()).toMatch(/^---[\s\S]*kind: network/);
    expect((await rig.get('/console/knowledge/drafts/902.md', kim)).status).toBe(404);
    expect((await rig.post('/console/knowledge/drafts/902/reject', { _csrf: csrfOf(page) }, kim)).status).toBe(404);
    // Edited before export: the curator's text passes the redaction like any other.
    const edited = await rig.post('/console/knowledge/drafts/901.md', { _csrf: csrfOf(page), answer: 'Bel de regiotaxi op 06-12345678 voor een pas.' }, kim);
    const card = await edited.text();
    expect(card).toContain('regiotaxi');
    expect(card).not.toContain('06-12345678');
    expect((await rig.post('/console/knowledge/drafts/902.md', { _csrf: csrfOf(page), answer: 'x' }, kim)).status).toBe(404);
    expect((await rig.post('/console/knowledge/drafts/901/reject', { _csrf: csrfOf(page) }, kim)).status).toBe(303);
    expect(await (await rig.get('/console/knowledge', kim)).text()).not.toContain('vervoer 901');
  });

  it('shows what a network answered to a gap', async () => {
    if (!rig.h.app.services.ports.consolePeers) return void console.warn('[console-web] gap answers not tested: no peers feature');
    const gaps = await rig.h.app.services.ports.consoleKnowledge!.gaps('console:local', 10);
    const gap = gaps.find((g) => g.text.includes('parkeervergunning'));
    expect(gap).toBeDefined();
    await peers(rig.h.app.services).put('console:local:zorg', 'question-77', {
      type: 'question', number: 77, networkId: 'console:local:zorg', platform: 'console', tenantId: 'local', channelId: 'zorg',
      askerId: 'bram', askerName: 'bram', anonymous: false, text: gap!.text, lang: 'nl', askedAt: '2026-11-16T10:00:00.000Z',
      status: 'resolved', tagged: [], gapQuestion: gap!.questionId,
      answers: [{ userId: 'fleur', name: 'fleur', text: 'Bij de gemeente, met de Wmo-pas.', at: '2026-11-16T11:00:00.000Z' }],
    });
    const page = await (await rig.get('/console/knowledge', await rig.signIn('kim'))).text();
    expect(page).toMatch(/parkeervergunning[\s\S]*Zorgnetwerk Oost<\/em>: Bij de gemeente, met de Wmo-pas\./);
  });

  it('adds skipped weeks as in chat, and the next nudge moves past them', async () => {
    const fleur = await rig.signIn('fleur');
    const path = `/console/n/${slug('console:local:zorg')}/settings`;
    const page = await (await rig.get(path, fleur)).text();
    // The default schedule is Monday 09:00; the clock is in the week of 16 November 2026.
    const res = await rig.post(path, { _csrf: csrfOf(page), skipFrom: '2026-11-23', skipTo: '2026-12-06' }, fleur);
    expect(res.status).toBe(200);
    const after = await res.text();
    expect(after).toMatch(/ma 23 nov – zo 6 dec/);
    expect((await rig.h.say('fleur', 'zorg', 'wegwijs netwerk')).map((o) => o.text).join('\n')).toMatch(/7 dec/);
    const bad = await rig.post(path, { _csrf: csrfOf(page), skipFrom: '2026-12-06', skipTo: '2026-11-23' }, fleur);
    expect(bad.status).toBe(422);
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
    // A copy of the signed-out cookie is refused too.
    expect((await rig.get('/console', english)).status).toBe(401);
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
