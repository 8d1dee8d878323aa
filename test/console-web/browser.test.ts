/**
 * The console in a real browser (headless Chromium): sign in through the link sent in chat, see
 * the chart drawn, filter and edit an action and see the change in chat, refuse a foreign
 * session, and no serious or critical axe-core violations on any page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, HAVE_CHROMIUM, launch } from './browser.ts';
import { consoleRig, slug, type ConsoleRig } from './helpers.ts';
import { press, startSession, step } from '../deliberate/session-helpers.ts';

const NET = 'console:local:zorg';

describe.skipIf(!HAVE_CHROMIUM)('the console in a browser', () => {
  let rig: ConsoleRig;
  let chrome: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    rig = await consoleRig({ env: { WEGWIJS_CURATORS: 'fleur' } });
    const { h } = rig;
    await h.say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
    await h.say('bram', 'zorg', 'wegwijs actie Bel het zorgkantoor');
    await h.say('fleur', 'zorg', 'wegwijs actie Plan overleg met de gemeente');
    await h.say('bram', 'zorg', 'wegwijs actie 1 klaar');
    h.clock.set('2026-11-24T10:00:00+01:00');
    await h.say('carla', 'zorg', 'wegwijs actie Zoek een logeerplek');
    await h.say('carla', 'zorg', 'wegwijs actie 3 vast wacht op de indicatie');
    h.clock.set('2026-12-02T10:00:00+01:00');
    // A short deliberation in the same channel, for its report.
    const { thread } = await startSession(h, 'fleur', 'kort', 'zorg');
    await h.say('bram', 'zorg', 'De vraag is wie de regie houdt over het plan.', thread);
    for (let i = 0; i < 5; i++) await press(h, 'fleur', 'next', step(thread, i), 'zorg');
    await h.say('fleur', 'zorg', 'Bel het wijkteam @bram voor vrijdag', thread);
    await press(h, 'fleur', 'next', step(thread, 5), 'zorg');
    await press(h, 'fleur', 'end', step(thread, 6), 'zorg');
    chrome = await launch();
    browser = chrome.browser;
    context = await browser.newContext({ locale: 'nl-NL' });
    page = await context.newPage();
  }, 60_000);
  afterAll(async () => {
    await chrome?.close();
    await rig?.close();
  });

  it('signs in through the link from chat and shows the chart with one bar per week', async () => {
    const link = await rig.link('fleur');
    await page.goto(link);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/console$/);
    await page.getByRole('link', { name: 'Zorgnetwerk Oost' }).click();
    await expect.poll(() => page.locator('#chart-wins rect.bar.wins').count()).toBe(12);
    expect(await page.locator('#chart-wins circle.point.movers').count()).toBe(12);
    const heights = await page.locator('#chart-wins rect.bar.wins').evaluateAll((bars) => bars.map((b) => (b as unknown as { getBBox(): { height: number } }).getBBox().height));
    expect(heights.filter((x) => x > 0)).toHaveLength(1);
  });

  it('filters the actions, edits one, and the change shows in chat', async () => {
    await page.goto(`${rig.url}/console/n/${slug(NET)}/actions`);
    await page.getByLabel('Status').selectOption('stuck');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Wijzig actie #3' }).click();
    await page.getByLabel('Status').selectOption('in_progress');
    await page.getByLabel('Notitie toevoegen (voortgang of waar het vastloopt)').fill('Indicatie is binnen');
    const before = rig.h.outputs.length;
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/actions\?saved=3/);
    const chat = rig.h.outputs.slice(before).map((o) => o.text).join('\n');
    expect(chat).toContain('wijzigde actie #3');
    const listed = (await rig.h.say('fleur', 'zorg', 'wegwijs acties')).map((o) => o.text).join('\n');
    expect(listed).toMatch(/#3 Zoek een logeerplek \(carla, bezig/);
  });

  it('lists the deliberation and downloads its report', async () => {
    if (!rig.h.app.services.ports.deliberationReports) {
      console.warn('[console-web] deliberation report download not tested: the deliberate feature offers no reports port here');
      return;
    }
    await page.goto(`${rig.url}/console/n/${slug(NET)}/deliberations`);
    expect(await page.locator('table.deliberations tbody tr').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download het verslag van beraad/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toContain('wijkteam');
    await page.getByRole('link', { name: /Lees het verslag van beraad/ }).click();
    expect(await page.content()).toContain('wijkteam');
  });

  it('has no serious or critical accessibility violations on any page', async () => {
    const base = `${rig.url}/console/n/${slug(NET)}`;
    const paths = [`${rig.url}/console`, `${rig.url}/console/tab`, `${rig.url}/console/knowledge`, base, `${base}/actions`, `${base}/actions/2`, `${base}/settings`, `${base}/nudge`, `${base}/deliberations`];
    for (const url of paths) {
      await page.goto(url);
      const violations = await axe(page);
      expect(violations.map((v) => `${url}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  it('refuses a session from another tenant in the browser', async () => {
    const foreign = await browser.newContext();
    try {
      const cookie = await rig.foreignCookie('fleur', 'T-OTHER');
      const [name, value] = cookie.split('=');
      await foreign.addCookies([{ name, value: cookie.slice(name.length + 1), url: rig.url + '/console' }]);
      void value;
      const tab = await foreign.newPage();
      const response = await tab.goto(`${rig.url}/console/n/${slug(NET)}`);
      expect(response?.status()).toBe(404);
      expect(await tab.content()).not.toContain('Zorgnetwerk');
    } finally {
      await foreign.close();
    }
  });
});
