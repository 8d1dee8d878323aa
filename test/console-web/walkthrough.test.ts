/**
 * Found by using the console's settings form as a facilitator would (QA): a value the form cannot
 * take is explained in the form's words, not with the chat's commands and "pick below".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRig, csrfOf, slug, type ConsoleRig } from './helpers.ts';

const NET = 'console:local:oost';
let rig: ConsoleRig;

beforeAll(async () => {
  rig = await consoleRig();
  await rig.h.say('fleur', 'oost', 'wegwijs netwerk start "Netwerk Oost"');
});
afterAll(() => rig?.close());

describe('console settings walkthrough', () => {
  it('explains an unreadable schedule, pause or period without chat commands', async () => {
    const cookie = await rig.signIn('fleur');
    const page = await (await rig.get(`/console/n/${slug(NET)}/settings`, cookie)).text();
    const cases: [Record<string, string>, RegExp][] = [
      [{ schedule: 'elke dag om 25:00' }, /kan ik niet als schema lezen/],
      [{ pauseUntil: 'ooit' }, /kan ik niet als datum lezen/],
      [{ pauseUntil: '1-1-2020' }, /ligt niet in de toekomst/],
      [{ skipFrom: '5 januari 2027', skipTo: '1 januari 2027' }, /laatste dag vóór de eerste/],
    ];
    for (const [fields, expected] of cases) {
      const res = await rig.post(`/console/n/${slug(NET)}/settings`, { _csrf: csrfOf(page), timeZone: 'Europe/Amsterdam', language: 'nl', ...fields }, cookie);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      const html = await res.text();
      expect(html, JSON.stringify(fields)).toMatch(expected);
      expect(html, JSON.stringify(fields)).not.toMatch(/wegwijs netwerk|hieronder|<code>/);
    }
  });
});
