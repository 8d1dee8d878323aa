/**
 * The richer deliberation through the real Bolt stack against the fake Slack Web API: blind
 * answers in a modal stay out of the channel until "Toon alles", dot voting with buttons, and the
 * report uploaded as a Markdown file into the session's thread (files.uploadV2) and sent as
 * documents by direct message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { blockAction, latestSlackButton, slackButtons, slackMessages, type SlackButton } from '../slack/slack-cards.ts';
import { nextTs, sendCommand, sendEvent, sendInteraction, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';

let fake: FakeSlack;
let wegwijs: SlackServer;
let url: string;
const C = 'C77';

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
const latest = (label: string) => latestSlackButton(fake, label);

/** Waits (after `since`) for a call that shows the bot's work is done: the inbox may take the work a moment after the ack. */
async function effect(since: number, match: (c: SlackCall) => boolean, what: string) {
  await fake.waitFor((c) => fake.calls.indexOf(c) >= since && match(c), what);
  await settle();
}
const said = (method: string, pattern: RegExp) => (c: SlackCall) => c.method === method && pattern.test(JSON.stringify(c.args));

async function press(user: string, button: SlackButton, root: string, until?: [match: (c: SlackCall) => boolean, what: string]) {
  const since = fake.calls.length;
  await sendInteraction(url, blockAction(user, button, { threadTs: root }));
  await (until ? effect(since, ...until) : settle());
}
const next = (root: string, to: number) => press('U1', latest('Volgende stap'), root, [said('chat.postMessage', new RegExp(`Stap ${to} van 7`)), `step ${to}`]);

describe('the richer deliberation in Slack', () => {
  it('blind answers in a modal, dots, "Toon alles", and the report uploaded as a file in the thread', async () => {
    let since = fake.calls.length;
    await sendCommand(url, 'netwerk start "Zuid"', { channel: C, user: 'U1' });
    await effect(since, said('chat.postMessage', /lerend netwerk/), 'the network');
    const start = fake.calls.length;
    await sendCommand(url, 'beraad kort', { channel: C, user: 'U1' });
    await effect(start, said('chat.postEphemeral', /Alleen voor jou als gespreksleider/), 'the first step');
    const opening = messages(start).find((c) => c.method === 'chat.postMessage' && c.args.channel === C && !c.args.thread_ts)!;
    const root = String(opening.response.ts);
    const joined = (user: string) => [(c: SlackCall) => c.method === 'chat.postEphemeral' && c.args.user === user && /Je doet mee/.test(String(c.args.text)), 'joined'] as [(c: SlackCall) => boolean, string];
    await press('U2', latest('Ik doe mee'), root, joined('U2'));
    await press('U3', latest('Ik doe mee'), root, joined('U3'));
    for (let i = 2; i <= 4; i++) await next(root, i);
    const ts = nextTs();
    since = fake.calls.length;
    await sendEvent(url, { type: 'message', channel: C, user: 'U2', text: 'Thuis blijven met extra zorg\nVerhuizen naar een instelling', ts, thread_ts: root, event_ts: ts });
    await effect(since, said('chat.update', /Bijgedragen: Naam U2/), 'the options noted');
    await next(root, 5);

    // "Mijn antwoord" opens a modal (views.open); its submission comes back as the form action.
    const before = fake.calls.length;
    await press('U2', latest('Mijn antwoord'), root, [(c) => c.method === 'views.open', 'the modal']);
    const open = fake.calls.slice(before).find((c) => c.method === 'views.open')!;
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('deliberate.submit');
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['input:answer', 'input:as']));
    const submit = async (user: string, answer: string, as: string) => {
      const since = fake.calls.length;
      await sendInteraction(url, {
        type: 'view_submission',
        team: { id: 'T1', domain: 'netwerk' },
        user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: 'trigger-submit',
        view: {
          id: 'V1',
          team_id: 'T1',
          type: 'modal',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: { values: { 'input:answer': { answer: { type: 'plain_text_input', value: answer } }, 'input:as': { as: { type: 'static_select', selected_option: { value: as } } } } },
        },
      });
      await effect(since, (c) => c.method === 'chat.postEphemeral' && /Dank je/.test(String(c.args.text)) && c.args.user === user, 'the thanks');
    };
    await submit('U2', 'Thuis: zelfbeschikking weegt het zwaarst.', 'named');
    await submit('U3', 'Verhuizen: veiligheid eerst.', 'anonymous');
    const hidden = JSON.stringify(messages(before).map((c) => c.args));
    expect(hidden).not.toMatch(/zelfbeschikking weegt het zwaarst|veiligheid eerst/);
    expect(hidden).toMatch(/2 binnen/);

    // Three dots each, no more.
    const dot = (user: string) => [(c: SlackCall) => c.method === 'chat.postEphemeral' && c.args.user === user && /stip|Stip/.test(String(c.args.text)), 'the dot'] as [(c: SlackCall) => boolean, string];
    for (let i = 0; i < 3; i++) await press('U2', latest('● 1. Thuis blijven met extra zorg'), root, dot('U2'));
    const refused = fake.calls.length;
    await press('U2', latest('● 2. Verhuizen naar een instelling'), root, dot('U2'));
    expect(fake.calls.slice(refused).some((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U2' && /al je 3 stippen/.test(String(c.args.text)))).toBe(true);
    await press('U3', latest('● 2. Verhuizen naar een instelling'), root, dot('U3'));

    const reveal = fake.calls.length;
    await press('U1', latest('Toon alles'), root, [said('chat.update', /antwoorden van deze blinde ronde staan nu in de draad/), 'the reveal']);
    const shown = messages(reveal).find((c) => c.method === 'chat.postMessage' && /Alle antwoorden van stap 5/.test(JSON.stringify(c.args)))!;
    expect(shown.args).toMatchObject({ channel: C, thread_ts: root });
    expect(JSON.stringify(shown.args)).toContain('Naam U2: Thuis: zelfbeschikking weegt het zwaarst.');
    expect(JSON.stringify(shown.args)).toContain('anoniem: Verhuizen: veiligheid eerst.');
    expect(JSON.stringify(messages(reveal).map((c) => c.args))).toMatch(/Thuis blijven met extra zorg ●●● \(3\)/);

    // The end: the report, then its Markdown uploaded into the thread.
    await next(root, 6);
    await next(root, 7);
    const end = fake.calls.length;
    await press('U1', latest('Afronden en verslag'), root, [(c) => c.method === 'files.completeUploadExternal', 'the upload']);
    const complete = fake.calls.slice(end).find((c) => c.method === 'files.completeUploadExternal')!;
    expect(complete.args).toMatchObject({ channel_id: C, thread_ts: root });
    const upload = fake.calls.slice(end).find((c) => c.method === 'upload')!;
    const markdown = (upload.args.bytes as Buffer).toString('utf8');
    // The fake keeps the upload's multipart body: the Markdown is inside it, whole.
    expect(markdown).toMatch(/\n# Verslag moreel beraad: Kort moreel beraad\n/);
    expect(markdown).toMatch(/## Stippen \(Ieders keuze\)\n\n.*\n- Thuis blijven met extra zorg: ●●● 3/);
    expect(fake.calls.slice(end).find((c) => c.method === 'files.getUploadURLExternal')!.args).toMatchObject({ filename: 'beraad-1-kort.md' });

    // "Als document": Markdown and HTML in U3's direct messages.
    const download = fake.calls.length;
    await press('U3', latest('Als document'), root, [said('chat.postEphemeral', /als document gestuurd/), 'the documents']);
    const files = fake.calls.slice(download).filter((c) => c.method === 'files.getUploadURLExternal').map((c) => c.args.filename);
    expect(files).toEqual(['beraad-1-kort.md', 'beraad-1-kort.html']);
    const dm = fake.calls.slice(download).filter((c) => c.method === 'files.completeUploadExternal').map((c) => c.args.channel_id);
    expect(dm).toEqual(['DU3', 'DU3']);
  });
});
