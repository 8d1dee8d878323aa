/**
 * Cross-tenant and cross-network attempts on the newer input paths:
 * - the web console: a session of another tenant (or a colleague outside the network, or a member
 *   who is no facilitator) posting to a network's forms, reading its export and reports; a CSRF
 *   token of another session; a cookie after sign-out or signed by another deployment; a link
 *   token passed off as a session and the other way round; a link used twice or too late;
 * - Slack: "Vraag het netwerk", "Ik weet het", "Opgelost", crazy-eight and blind-answer buttons
 *   and an App Home press from workspace T2 that name T1's network, question or session;
 * - Teams: tenant B opening tenant A's dialog (`task/fetch`) or card (refresh) by its key.
 * Each is refused with a neutral answer, changes nothing and discloses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_METADATA } from '../../adapters/slack/home.ts';
import { slackTiming } from '../../adapters/slack/index.ts';
import { ActionSchema } from '../../src/actions/model.ts';
import { consoleWebConfig, linkToken, sessionCookie } from '../../src/console-web/index.ts';
import { peers, questionKey } from '../../src/peers/records.ts';
import { consoleRig, csrfOf, slug, type ConsoleRig } from '../console-web/helpers.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { countTurns, until } from '../fuzz/gen.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendInteraction, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';
import { channelMention, FakeConnector } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';

describe('web console: sessions, CSRF and scope', () => {
  const NET = 'console:local:zorg';
  let rig: ConsoleRig;
  let n: string;
  const action = async (number: number) => (await rig.h.app.store.collection('action', ActionSchema).get(NET, String(number)))?.data;
  beforeAll(async () => {
    rig = await consoleRig();
    await rig.h.say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
    await rig.h.say('bram', 'zorg', 'wegwijs actie Bel het zorgkantoor');
    await rig.h.say('fleur', 'zorg', 'wegwijs actie Plan overleg met de gemeente');
    await rig.h.say('dirk', 'elders', 'wegwijs netwerk start "Ander netwerk"');
    n = `/console/n/${slug(NET)}`;
  });
  afterAll(() => rig?.close());

  it('refuses a session of another tenant on every network form, export and report, changing nothing', async () => {
    // The same user id in another tenant: a legitimate session there, with its own CSRF token.
    const foreign = await rig.foreignCookie('fleur', 'T-OTHER');
    const home = await (await rig.get('/console', foreign)).text();
    const token = csrfOf(home);
    for (const [path, form] of [[`${n}/actions/1`, { status: 'done', note: 'klaar' }], [`${n}/settings`, { pauseUntil: '2027-01-10' }]] as const) {
      const res = await rig.post(path, { _csrf: token, ...form }, foreign);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('Zorgnetwerk Oost');
    }
    for (const path of [n, `${n}/actions`, `${n}/actions.csv`, `${n}/settings`, `${n}/nudge`, `${n}/deliberations/1.md`, `${n}/deliberations/1.html`]) {
      expect((await rig.get(path, foreign)).status, path).toBe(404);
    }
    expect((await action(1))?.status).toBe('open');
    const network = await rig.h.app.store.networks.get(NET, NET);
    expect(network?.data.status).toBe('active');
  });

  it('keeps a colleague outside the network out, and a member to their own actions and out of the settings', async () => {
    const dirk = await rig.signIn('dirk');
    const dirkToken = csrfOf(await (await rig.get('/console', dirk)).text());
    expect((await rig.post(`${n}/actions/1`, { _csrf: dirkToken, status: 'done' }, dirk)).status).toBe(404);
    const bram = await rig.signIn('bram');
    const bramToken = csrfOf(await (await rig.get('/console', bram)).text());
    // Action 2 is Fleur's: not Bram's to edit; the settings are the facilitator's.
    expect((await rig.post(`${n}/actions/2`, { _csrf: bramToken, status: 'dropped' }, bram)).status).toBe(404);
    const settings = await rig.post(`${n}/settings`, { _csrf: bramToken, pauseUntil: '2027-01-10' }, bram);
    expect(settings.status).toBe(422);
    expect((await rig.get(`${n}/actions.csv`, bram)).status).toBe(404);
    expect((await action(2))?.status).toBe('open');
    expect((await rig.h.app.store.networks.get(NET, NET))?.data.status).toBe('active');
  });

  it('refuses a CSRF token of another session, a cookie after sign-out, and a cookie signed elsewhere', async () => {
    const fleur = await rig.signIn('fleur');
    const bram = await rig.signIn('bram');
    const fleurToken = csrfOf(await (await rig.get('/console', fleur)).text());
    // Bram's session with Fleur's token (as a page of hers would carry it): refused.
    expect((await rig.post(`${n}/actions/1`, { _csrf: fleurToken, status: 'done' }, bram)).status).toBe(403);
    expect((await rig.post(`${n}/actions/1`, { status: 'done' }, bram)).status).toBe(403);
    expect((await action(1))?.status).toBe('open');
    // Signed out: a copy of the cookie opens nothing any more.
    expect((await rig.post('/console/logout', { _csrf: fleurToken }, fleur)).status).toBe(200);
    expect((await rig.get(n, fleur)).status).toBe(401);
    expect((await rig.post(`${n}/actions/1`, { _csrf: fleurToken, status: 'done' }, fleur)).status).toBe(401);
    // A cookie signed with another deployment's secret, naming Fleur.
    const other = consoleWebConfig({ ...rig.h.app.services.config, console: { ...rig.h.app.services.config.console, secret: 'another-deployment-secret-0123456789' } });
    const now = rig.h.clock.now().getTime();
    const who = { platform: 'console' as const, tenantId: 'local', userId: 'fleur', name: 'fleur', lang: 'nl' as const, id: 'abcdefghijklmnopqrstuv', createdMs: now, activeMs: now };
    expect((await rig.get(n, `wegwijs_console=${sessionCookie(other, who)}`)).status).toBe(401);
    // The same cookie signed with this deployment's secret opens the page: the secret made the difference.
    expect((await rig.get(n, `wegwijs_console=${sessionCookie(consoleWebConfig(rig.h.app.services.config), who)}`)).status).toBe(200);
  });

  it('keeps link tokens and session cookies apart, and a link works once and only in time', async () => {
    const config = consoleWebConfig(rig.h.app.services.config);
    const now = rig.h.clock.now().getTime();
    const { token } = linkToken(config, { platform: 'console', tenantId: 'local', userId: 'fleur', name: 'fleur', lang: 'nl' }, now);
    // A link token is no session, and a session cookie is no link.
    expect((await rig.get('/console', `wegwijs_console=${token}`)).status).toBe(401);
    const session = (await rig.signIn('bram')).split('=').slice(1).join('=');
    expect((await rig.post('/console/login', { token: session })).status).toBe(400);
    // Once: the second use is refused, also after the first session signed out.
    const link = new URL(await rig.link('fleur')).searchParams.get('token')!;
    expect((await rig.post('/console/login', { token: link })).status).toBe(303);
    expect((await rig.post('/console/login', { token: link })).status).toBe(400);
    // In time: a link never used is refused after its ten minutes.
    rig.h.clock.set(new Date(rig.h.clock.now().getTime() + 10 * 60_000 + 1000).toISOString());
    const late = new URL(await rig.link('carla')).searchParams.get('token')!;
    rig.h.clock.set(new Date(rig.h.clock.now().getTime() + 10 * 60_000 + 1000).toISOString());
    const res = await rig.post('/console/login', { token: late });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('verlopen');
  });
});

describe('"Vraag het netwerk" across networks of one tenant', () => {
  const NOORD = 'console:local:noord';
  const QUESTION = 'Hoe snel reageert het zorgkantoor Menzis op een pgb vraag?';
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.say('fleur', 'noord', 'wegwijs netwerk start "Noord"');
    await h.say('bram', 'noord', 'wegwijs ik weet van pgb');
    await h.say('mallory', 'zuid', 'wegwijs netwerk start "Zuid"');
    const refusal = await h.say('fleur', 'noord', `wegwijs ${QUESTION}`);
    const ask = refusal.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'peers.ask')!;
    const confirm = await h.press('fleur', { channel: 'noord' }, ask.action as never);
    const post = confirm.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'peers.post')!;
    await h.press('fleur', { channel: 'noord' }, post.action as never);
  });
  afterAll(() => h?.close());
  const question = async () => (await peers(h.app.services).get(NOORD, questionKey(1)))?.data as { answers: { userId: string }[]; status: string };
  const said = (out: { text: string; card?: { body?: string } }[]) => out.map((o) => `${o.text} ${o.card?.body ?? ''}`).join('\n');

  it('keeps a colleague outside the network from reading, answering or resolving its question by a direct message', async () => {
    const notYours = h.app.services.catalog.t('nl', 'core.not_yours');
    for (const action of [
      { id: 'peers.answer', value: { n: NOORD, q: 1 } },
      { id: 'peers.reply', value: { n: NOORD, q: 1 }, inputs: { answer: 'Ik ben geen lid maar antwoord toch.' } },
      { id: 'peers.resolve', value: { n: NOORD, q: 1 } },
    ]) {
      const out = await h.press('mallory', { dm: true }, action);
      expect(said(out), action.id).toContain(notYours);
      expect(said(out), action.id).not.toContain('Menzis');
    }
    // Nor from the channel of another network of theirs.
    expect(said(await h.press('mallory', { channel: 'zuid' }, { id: 'peers.answer', value: { n: NOORD, q: 1 } }))).not.toContain('Menzis');
    expect((await question()).answers).toEqual([]);
    expect((await question()).status).toBe('open');
    // A member answers by a direct message (the knower's notice), as before.
    await h.press('bram', { dm: true }, { id: 'peers.reply', value: { n: NOORD, q: 1 }, inputs: { answer: 'Bel op maandag, dan gaat het snelst.' } });
    expect((await question()).answers.map((a) => a.userId)).toEqual(['bram']);
  });

  it('does not post a question into a network the asker is not in, nor make them its member', async () => {
    const refusal = await h.say('mallory', 'zuid', `wegwijs ${QUESTION}`);
    const ask = refusal.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'peers.ask')!;
    // The button's channel swapped for Noord's.
    const forged = { ...ask.action, value: { ...(ask.action.value ?? {}), c: 'noord' } } as never;
    const confirm = await h.press('mallory', { channel: 'zuid' }, forged);
    const post = confirm.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'peers.post');
    // Pressed in Zuid's channel, the question is Zuid's, whatever the button said.
    expect(post, 'a confirmation').toBeDefined();
    await h.press('mallory', { channel: 'zuid' }, post!.action as never);
    expect((await peers(h.app.services).get('console:local:zuid', questionKey(1)))?.data).toMatchObject({ networkId: 'console:local:zuid' });
    const chosen = await h.press('mallory', { dm: true }, { id: 'peers.choose', value: { p: String(post?.action.value?.p ?? 'x'), n: NOORD } });
    expect(said(chosen)).not.toContain('Noord');
    expect(await h.app.store.members.get(NOORD, 'mallory')).toBeUndefined();
    expect(await peers(h.app.services).get(NOORD, questionKey(2))).toBeUndefined();
  });
});

describe('the crazy eight across networks of one tenant', () => {
  it('does not let a colleague outside the network join its session by a direct message', async () => {
    const h = await createHarness({ start: '2026-12-01T10:00:00+01:00' });
    try {
      await h.say('anna', 'noord', 'wegwijs netwerk start "Noord"');
      const out = await h.say('anna', 'noord', 'wegwijs crazy eight start Casus over de Kersenlaan');
      const join = out.flatMap((o) => o.card?.buttons ?? []).map((b) => b.action).filter((b) => b.id === 'ideas.join' && b.value?.s).pop()!;
      expect(join, 'the join button').toBeDefined();
      const refused = await h.press('mallory', { dm: true }, join as never);
      expect(refused.map((o) => o.text).join('\n')).toContain(h.app.services.catalog.t('nl', 'core.not_yours'));
      const stored = JSON.stringify(await h.app.store.docs.query('ideasession', { pk: 'console:local:noord' }));
      expect(stored).not.toContain('mallory');
      // A member of the network may join by a direct message, as before.
      await h.say('bram', 'noord', 'wegwijs ik weet van pgb');
      await h.press('bram', { dm: true }, join as never);
      expect(JSON.stringify(await h.app.store.docs.query('ideasession', { pk: 'console:local:noord' }))).toContain('"bram"');
    } finally {
      await h.close();
    }
  });
});

describe('Slack: the newer buttons from another workspace', () => {
  const OWNER = 'UOWNERX';
  const NETWORK = 'slack:T1:C1';
  const SECRETS = ['Geheim Netwerk Zuidoost', 'Vraag over logeerhuis Kersenlaan', 'Kersenlaan'];
  let fake: FakeSlack;
  let wegwijs: SlackServer;
  let notYours: string;
  beforeAll(async () => {
    slackTiming.placeholderAfterMs = 60_000;
    fake = await startFakeSlack();
    wegwijs = await startSlackServer(fake);
    notYours = wegwijs.app.services.catalog.t('nl', 'core.not_yours');
    const turns = countTurns(wegwijs.app.bot);
    await sendCommand(wegwijs.server.url, 'netwerk start "Geheim Netwerk Zuidoost"', { team: 'T1', channel: 'C1', user: OWNER });
    await turns.after(1);
    await sendCommand(wegwijs.server.url, 'actie Bel het zorgkantoor', { team: 'T1', channel: 'C1', user: OWNER });
    await turns.after(2);
    // A network question of T1, as "Vraag het netwerk" keeps it.
    await peers(wegwijs.app.services).put(NETWORK, questionKey(1), {
      type: 'question', number: 1, networkId: NETWORK, platform: 'slack', tenantId: 'T1', channelId: 'C1', askerId: OWNER, askerName: 'Eigenaar',
      anonymous: false, text: 'Vraag over logeerhuis Kersenlaan', lang: 'nl', askedAt: '2026-11-16T09:00:00.000Z', status: 'open', tagged: [], answers: [], messageId: '1800000000.000100',
    } as never);
  }, 60_000);
  afterAll(async () => {
    await wegwijs?.close();
    await fake?.close();
  });

  const press = (actionId: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const ts = nextTs();
    return sendInteraction(wegwijs.server.url, {
      type: 'block_actions', team: { id: 'T2', domain: 'andere' }, api_app_id: 'A1', user: { id: OWNER, username: 'x', team_id: 'T2' }, trigger_id: 'trigger-x',
      container: { type: 'message', message_ts: ts, channel_id: 'C1', is_ephemeral: false }, channel: { id: 'C1', name: 'netwerk' },
      message: { type: 'message', ts, text: 'kaart', user: 'UBOTT2' },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: JSON.stringify(value), action_ts: '1' }],
      ...extra,
    });
  };
  const refused = (since: number) => (c: SlackCall) => fake.calls.indexOf(c) >= since && /^(chat\.post|views\.)/.test(c.method) && JSON.stringify(c.args).includes(notYours);

  it('refuses them with the neutral answer and changes nothing in T1', async () => {
    const presses: [string, Record<string, unknown>, Record<string, unknown>?][] = [
      ['peers.post', { p: '00000000-0000-4000-8000-000000000000', n: NETWORK, anon: false }],
      ['peers.answer', { n: NETWORK, q: 1 }],
      ['peers.reply', { n: NETWORK, q: 1 }, { state: { values: { 'input:answer': { answer: { type: 'plain_text_input', value: 'Bel op maandag.' } } } } }],
      ['peers.resolve', { n: NETWORK, q: 1 }],
      ['ideas.join', { n: NETWORK, s: '1800000000.000100' }],
      ['actions.done', { network: NETWORK, n: 1 }],
    ];
    for (const [id, value, extra] of presses) {
      const since = fake.calls.length;
      expect((await press(id, value, extra)).status).toBe(200);
      await fake.waitFor(refused(since), `the refusal of ${id}`);
      const posted = JSON.stringify(fake.calls.slice(since).map((c) => c.args));
      for (const secret of SECRETS) expect(posted, id).not.toContain(secret);
    }
    // The App Home: a press there names T1's network too.
    const since = fake.calls.length;
    await sendInteraction(wegwijs.server.url, {
      type: 'block_actions', team: { id: 'T2', domain: 'andere' }, api_app_id: 'A1', user: { id: OWNER, username: 'x', team_id: 'T2' }, trigger_id: 'trigger-home',
      container: { type: 'view', view_id: 'VH1' }, view: { id: 'VH1', type: 'home', team_id: 'T2', private_metadata: HOME_METADATA, blocks: [] },
      actions: [{ type: 'button', action_id: 'actions.done', block_id: 'b1', value: JSON.stringify({ network: NETWORK, n: 1, dm: true }), action_ts: '1' }],
    });
    await fake.waitFor(refused(since), 'the refusal of the Home press');
    await wegwijs.app.inbox.idle();
    const question = (await peers(wegwijs.app.services).get(NETWORK, questionKey(1)))?.data as { status: string; answers: unknown[] };
    expect(question.status).toBe('open');
    expect(question.answers).toEqual([]);
    expect((await wegwijs.app.store.collection('action', ActionSchema).get(NETWORK, '1'))?.data.status).toBe('open');
  });
});

describe('Teams: another tenant’s dialog and card by their keys', () => {
  const A = 'tenant-a';
  const B = 'tenant-b';
  const CHANNEL = '19:gedeeld-id@thread.tacv2';
  const ANNA = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Annelies Vertrouwelijk' };
  let bot: TeamsBot;
  let a: FakeConnector;
  let b: FakeConnector;
  beforeAll(async () => {
    a = await new FakeConnector().start();
    b = await new FakeConnector().start();
    bot = await startTeamsBot({ localMode: true });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await a?.close();
    await b?.close();
  });

  const invoke = (tenant: string, name: string, value: unknown, extra: Record<string, unknown> = {}) => ({
    type: 'invoke', name, id: `inv-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', from: ANNA, recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: tenant }, channelData: { tenant: { id: tenant } }, value, ...extra,
  });
  const cardOf = (r: { body: Record<string, unknown> }) => ((r.body.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content ?? {}) as Record<string, unknown>;

  it('gives tenant B neither the form nor the card of tenant A, even for the same user and channel ids', async () => {
    await a.deliver(bot.url, channelMention({ tenant: A, channel: CHANNEL, user: ANNA }, 'netwerk start "Geheim Netwerk Zuidoost"'));
    await bot.app.inbox.idle();
    const before = a.sent.length;
    await a.deliver(bot.url, channelMention({ tenant: A, channel: CHANNEL, user: ANNA }, 'actie'));
    await until('the form opener', () => a.sent.slice(before).some((r) => cardOf(r).refresh));
    const opener = a.sent.slice(before).find((r) => cardOf(r).refresh)!;
    const refresh = cardOf(opener).refresh as { action: { data: Record<string, unknown> } };
    const execute = (tenant: string) => invoke(tenant, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'wegwijs.refresh', data: refresh.action.data }, trigger: 'automatic' }, { replyToId: opener.responseId });
    // Tenant A's own refresh gives the form's button…
    const mine = (await a.deliver(bot.url, execute(A))).body as { value?: Record<string, unknown> };
    const open = JSON.stringify(mine).match(/"data":(\{"msteams":\{"type":"task\/fetch"\}[^}]*\})/);
    expect(open, 'the form button for A').not.toBeNull();
    const data = JSON.parse(open![1]) as Record<string, unknown>;
    // …tenant B's the same invoke gets no card of A, and no form.
    const theirs = await b.deliver(bot.url, execute(B));
    expect(theirs.status).toBeLessThan(500);
    expect(JSON.stringify(theirs.body)).not.toContain('task/fetch');
    const fetched = (await b.deliver(bot.url, invoke(B, 'task/fetch', { data }))).body as { task: { type: string } };
    expect(fetched.task.type).toBe('message');
    const submitted = await b.deliver(bot.url, invoke(B, 'task/submit', { data: { ...data, wegwijs: 'actions.create', title: 'Ingevuld door een ander' } }));
    expect(submitted.status).toBeLessThan(500);
    await bot.app.inbox.idle();
    const all = JSON.stringify(await bot.app.store.docs.query('action', { pk: `teams:${B}:${CHANNEL}` })) + JSON.stringify(await bot.app.store.docs.query('action', { pk: `teams:${A}:${CHANNEL}` }));
    expect(all).not.toContain('Ingevuld door een ander');
    expect(JSON.stringify(b.requests.map((r) => r.body))).not.toContain('Geheim Netwerk Zuidoost');
  });
});
