/**
 * The web console's entry from the outside: without a valid session every page answers 401 in
 * words (Dutch first) and names nothing; sign-in links and cookies that are damaged, repeated,
 * too long, or made for another tenant's network open nothing; paths that try to climb out of a
 * route or name a network by a crafted slug answer 404; nothing answers with a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRig, slug, type ConsoleRig } from '../console-web/helpers.ts';

const NET = 'console:local:zorg';
const SECRET_NAME = 'Zorgnetwerk Geheim Oost';
let rig: ConsoleRig;

beforeAll(async () => {
  rig = await consoleRig();
  await rig.h.say('fleur', 'zorg', `wegwijs netwerk start "${SECRET_NAME}"`);
  await rig.h.say('fleur', 'zorg', 'wegwijs actie Bel het zorgkantoor');
});
afterAll(() => rig?.close());

describe('web console entry', () => {
  it('answers every page without a session with 401 in words, naming nothing', async () => {
    const n = `/console/n/${slug(NET)}`;
    for (const path of ['/console', '/console/tab', '/console/knowledge', n, `${n}/actions`, `${n}/actions.csv`, `${n}/settings`, `${n}/deliberations/1.md`, '/console/knowledge/drafts/1.md']) {
      const res = await rig.get(path);
      expect(res.status, path).toBe(401);
      const page = await res.text();
      expect(page, path).not.toContain(SECRET_NAME);
      expect(page, path).toMatch(/lang="nl"/);
    }
    for (const [path, form] of [[`${n}/actions/1`, { status: 'done' }], [`${n}/settings`, { pauseUntil: '2027-01-10' }], ['/console/logout', {}], ['/console/knowledge/drafts/1/reject', {}]] as const) {
      expect((await rig.post(path, form)).status, path).toBe(401);
    }
  });

  it('refuses damaged, repeated, oversized and foreign sign-in links and cookies, never with a 5xx', async () => {
    const link = new URL(await rig.link('fleur')).searchParams.get('token')!;
    const attempts: [string, Promise<Response>][] = [
      ['no token', rig.get('/console/login')],
      ['a garbage token', rig.get('/console/login?token=abc.def')],
      ['a repeated token', rig.get(`/console/login?token=${encodeURIComponent(link)}&token=${encodeURIComponent(link)}`)],
      ['a token with one letter changed', rig.post('/console/login', { token: link.slice(0, -2) + (link.endsWith('A') ? 'BB' : 'AA') })],
      ['an oversized token', rig.post('/console/login', { token: 'x'.repeat(200_000) })],
      ['a cookie of garbage', rig.get('/console', 'wegwijs_console=' + 'x'.repeat(5000))],
      ['a cookie that is the link', rig.get('/console', `wegwijs_console=${link}`)],
      ['two cookies', rig.get('/console', 'wegwijs_console=a; wegwijs_console=b')],
    ];
    for (const [what, request] of attempts) {
      const res = await request;
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expect(await res.text(), what).not.toContain(SECRET_NAME);
    }
    // The untouched link still works once: the attempts above did not use it up.
    expect((await rig.post('/console/login', { token: link })).status).toBe(303);
  });

  it('answers crafted paths and slugs with 404 for a signed-in member, never reading outside the session’s networks', async () => {
    const foreign = await rig.foreignCookie('fleur', 'T-OTHER');
    const crafted = [
      `/console/n/${slug(NET)}`,
      `/console/n/${slug('console:local:zorg:extra')}`,
      `/console/n/${slug(' console:local:zorg')}`,
      `/console/n/${encodeURIComponent('..%2F..%2Fpackage.json')}`,
      '/console/n/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/console/knowledge/drafts/..%2F..%2Fpackage.json',
      `/console/n/${slug(NET)}/deliberations/..%2F..%2F1.md`,
    ];
    for (const path of crafted) {
      const res = await rig.get(path, foreign);
      expect([403, 404], path).toContain(res.status);
      expect(await res.text(), path).not.toContain(SECRET_NAME);
    }
  });
});
