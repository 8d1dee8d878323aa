/**
 * Screenshots of the console's main pages for the README (docs/console-*.png), from a network
 * with twelve weeks of made-up work driven through the bot. Run:
 * `node bin/run-ts.js test/console-web/screenshots.ts` (needs /usr/bin/chromium).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.ts';
import { consoleRig, slug } from './helpers.ts';
import { press, startSession, step } from '../deliberate/session-helpers.ts';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const NET = 'console:local:zorg';
const PEOPLE = ['fleur', 'bram', 'carla', 'dirk', 'esra', 'joost'];
const TASKS = ['Bel het zorgkantoor over de meerzorg', 'Plan een overleg met de gemeente', 'Zoek een logeerplek', 'Vraag het zorgplan op', 'Check de indicatie bij het CIZ', 'Maak een afspraak met de huisarts', 'Deel de casus in het netwerk', 'Stuur het verslag rond'];

const rig = await consoleRig({ env: { WEGWIJS_CURATORS: 'fleur' }, start: '2026-09-07T09:00:00+02:00' });
const { h } = rig;
await h.say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
let number = 0;
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
for (let week = 0; week < 12; week++) {
  const monday = new Date(Date.parse('2026-09-07T09:00:00+02:00') + week * 7 * 86_400_000);
  h.clock.set(monday.toISOString());
  const made = 2 + Math.floor(random() * 4);
  for (let i = 0; i < made; i++) {
    const who = PEOPLE[Math.floor(random() * PEOPLE.length)];
    await h.say(who, 'zorg', `wegwijs actie ${TASKS[Math.floor(random() * TASKS.length)]}`);
    number++;
  }
  h.clock.set(new Date(monday.getTime() + 3 * 86_400_000).toISOString());
  for (let n = 1; n <= number; n++) {
    const r = random();
    if (r < 0.22) await h.say('fleur', 'zorg', `wegwijs actie ${n} klaar`);
    else if (r < 0.27) await h.say('fleur', 'zorg', `wegwijs actie ${n} vast wacht op antwoord`);
  }
}
const { thread } = await startSession(h, 'fleur', 'kort', 'zorg');
await h.say('bram', 'zorg', 'Wie houdt de regie als de familie het oneens is?', thread);
for (let i = 0; i < 5; i++) await press(h, 'fleur', 'next', step(thread, i), 'zorg');
await h.say('fleur', 'zorg', 'Bel het wijkteam @bram voor vrijdag', thread);
await press(h, 'fleur', 'next', step(thread, 5), 'zorg');
await press(h, 'fleur', 'end', step(thread, 6), 'zorg');
await h.dm('carla', 'wat is meerzorg');
await h.dm('carla', 'hoe vraag ik een parkeervergunning aan');

const chrome = await launch();
try {
  const context = await chrome.browser.newContext({ locale: 'nl-NL', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(await rig.link('fleur'));
  await page.getByRole('button').click();
  await page.waitForURL(/\/console$/);
  const base = `${rig.url}/console/n/${slug(NET)}`;
  const shots: [string, string][] = [
    ['console-home.png', `${rig.url}/console`],
    ['console-progress.png', base],
    ['console-actions.png', `${base}/actions?status=all`],
    ['console-settings.png', `${base}/settings`],
    ['console-deliberations.png', `${base}/deliberations`],
    ['console-knowledge.png', `${rig.url}/console/knowledge`],
  ];
  for (const [file, url] of shots) {
    await page.goto(url);
    await page.screenshot({ path: join(DOCS, file), fullPage: !['console-actions.png', 'console-knowledge.png'].includes(file) });
    console.log(`docs/${file}`);
  }
  const phone = await chrome.browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await phone.addCookies(await context.cookies());
  const small = await phone.newPage();
  await small.goto(base);
  await small.screenshot({ path: join(DOCS, 'console-phone.png'), fullPage: false });
  console.log('docs/console-phone.png');
} finally {
  await chrome.close();
  await rig.close();
}
