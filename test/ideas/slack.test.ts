/**
 * A crazy eight with four participants through the real Bolt stack against the fake Slack Web
 * API: the session card in the channel, writing cards by direct message (ideas sent from the
 * card's input), the reveal in the thread, scoring by buttons in direct messages, the impact matrix
 * uploaded into the thread as a PNG with its alt text, and a choice that becomes an action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { blockAction, latestSlackButton, slackButtons, slackMessages, type SlackButton } from '../slack/slack-cards.ts';
import { sendCommand, sendInteraction, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
const C = 'C88';
const PEOPLE = ['U1', 'U2', 'U3', 'U4'];

beforeAll(async () => {
  fake = await startFakeSlack();
  wegwijs = await startSlackServer(fake);
  url = wegwijs.server.url;
});
afterAll(async () => {
  await wegwijs.close();
  await fake.close();
});

const settle = () => wegwijs.app.inbox.idle();
const messages = (since = 0) => slackMessages(fake, since);
const buttons = () => slackButtons(fake);
const latest = (label: string, channel = C) => latestSlackButton(fake, label, channel);

async function press(user: string, button: SlackButton, inputs?: Record<string, string>) {
  await sendInteraction(url, blockAction(user, button, { inputs }));
  await settle();
}

describe('crazy eight in Slack', () => {
  it('runs from the case to an action, with the matrix uploaded into the thread', async () => {
    await sendCommand(url, 'netwerk start "Noord"', { channel: C, user: 'U1' });
    await settle();
    const start = fake.calls.length;
    await sendCommand(url, 'crazy eight start Geen aanbieder wil de cliënt opnemen; thuis lukt het niet meer.', { channel: C, user: 'U1' });
    await settle();
    const opening = await fake.waitFor((c) => fake.calls.indexOf(c) >= start && c.method === 'chat.postMessage' && c.args.channel === C && String(c.args.text).startsWith('Crazy eight #1'), 'the session card');
    const root = String(opening.response.ts);
    for (const u of PEOPLE.slice(1)) await press(u, latest('Doe mee'));
    await press('U1', latest('Start de acht minuten'));
    const ideas = ['Taskforce inschakelen\nZorgkantoor bellen', 'taskforce inschakelen', 'Familie erbij halen', 'Logeeropvang zoeken'];
    for (const [i, u] of PEOPLE.entries()) await press(u, latest('Insturen', `D${u}`), { ideas: ideas[i] });
    // Nothing of the ideas in the channel before the reveal.
    expect(JSON.stringify(messages(start).filter((c) => c.args.channel === C).map((c) => c.args))).not.toContain('Logeeropvang');

    const revealAt = fake.calls.length;
    await press('U1', latest('Toon alle ideeën'));
    const reveal = await fake.waitFor((c) => fake.calls.indexOf(c) >= revealAt && c.method === 'chat.postMessage' && String(c.args.text).includes('Alle ideeën'), 'the reveal');
    expect(reveal.args).toMatchObject({ channel: C, thread_ts: root });
    expect(String(reveal.args.text)).toContain('1. Taskforce inschakelen (2×)');

    await press('U1', latest('Start het scoren'));
    const scores: Record<string, [number, number]> = { '1': [2, 5], '2': [4, 4], '3': [1, 2], '4': [5, 1] };
    for (const u of PEOPLE) {
      for (let n = 1; n <= 4; n++) {
        const [e, i] = scores[String(n)];
        const pick = (d: string, v: number) => {
          const found = [...buttons()].reverse().find((b) => b.channel === `D${u}` && JSON.parse(b.value).d === d && JSON.parse(b.value).v === v && JSON.parse(b.value).g === n);
          if (!found) throw new Error(`no score button ${d}=${v} for idea ${n} in D${u}`);
          return found;
        };
        await press(u, pick('e', e));
        await press(u, pick('i', i));
      }
    }
    const matrixAt = fake.calls.length;
    await press('U1', latest('Toon de impactmatrix'));
    const complete = await fake.waitFor((c) => fake.calls.indexOf(c) >= matrixAt && c.method === 'files.completeUploadExternal', 'the matrix upload');
    expect(complete.args).toMatchObject({ channel_id: C, thread_ts: root });
    const asked = fake.calls.slice(matrixAt).find((c) => c.method === 'files.getUploadURLExternal')!;
    expect(asked.args).toMatchObject({ filename: 'impactmatrix-1.png', alt_text: 'Impactmatrix crazy eight #1. Snelle winst: 1. Grote klap: 2. Opvullers: 3. Niet doen: 4.' });

    await fake.waitFor((c) => fake.calls.indexOf(c) >= matrixAt && JSON.stringify(c.args.blocks ?? '').includes('Maak er een actie van'), 'the choice form');
    const chooseAt = fake.calls.length;
    await press('U1', latest('Maak er een actie van'), { idea: '1', owner: '@U2', due: '2026-12-18' });
    const done = await fake.waitFor((c) => fake.calls.indexOf(c) >= chooseAt && /is actie #\d+ geworden/.test(String(c.args.text)), 'the action');
    expect(done?.args).toMatchObject({ channel: C, thread_ts: root });
  });
});
