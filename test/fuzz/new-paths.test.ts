/**
 * Malformed and oversized input on the newer paths, with fixed seeds:
 * - the web console's forms and URLs (random fields, repeated and prototype keys, wrong types,
 *   long values, odd paths): always a page in words with a 2xx/3xx/4xx status, never a 5xx, a
 *   stack trace or JSON; the console keeps serving;
 * - peers, crazy-eight and deliberation buttons on the in-process harness with damaged values and
 *   inputs: no turn fails, and the known bad cases (an answer or question too long, an empty one,
 *   a step that is no number) get a message in words;
 * - Slack's message shortcut, log-action modal and App Home, and Teams' dialogs and feedback
 *   invokes with damaged payloads: 200 or a 4xx, never a 5xx, no error logged, still serving.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter, toIncoming, type ConsoleOutput, type ConsoleTurn } from '../../adapters/console/index.ts';
import { HOME_METADATA } from '../../adapters/slack/home.ts';
import { slackTiming } from '../../adapters/slack/index.ts';
import { createApp, type App } from '../../app/compose.ts';
import { startServer } from '../../app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock, type IncomingAction } from '../../src/core/index.ts';
import { draftCardFile } from '../../src/peers/index.ts';
import { parse } from 'yaml';
import { consoleRig, csrfOf, slug, type ConsoleRig } from '../console-web/helpers.ts';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendInteraction, slackTestConfig } from '../slack/slack-helpers.ts';
import { channelMention, FakeConnector, personalMessage } from '../teams/fake-connector.ts';
import { countTurns, mutateObject, prng, randomString, randomValue, recordingLogger, until, type Rand } from './gen.ts';
import { appEngine } from '../helpers/engine.ts';

const NET = 'console:local:zorg';

describe('web console under malformed and oversized forms', () => {
  const SEED = 0xc0_5013;
  const REQUESTS = 150;
  let rig: ConsoleRig;
  beforeAll(async () => {
    rig = await consoleRig({ env: { WEGWIJS_CURATORS: 'console:local:fleur' } });
    await rig.h.say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
    await rig.h.say('fleur', 'zorg', 'wegwijs actie Bel het zorgkantoor');
  });
  afterAll(() => rig?.close());

  const FIELDS = ['status', 'owner', 'due', 'note', 'schedule', 'timeZone', 'language', 'pauseUntil', 'resume', 'skipFrom', 'skipTo', 'clearSkips', 'question', 'answer', 'lang', 'token', '__proto__', 'constructor', 'prototype', 'constructor[prototype]', '_csrf[]'];
  const n = `/console/n/${slug(NET)}`;
  const PATHS = [`${n}/actions/1`, `${n}/actions/99`, `${n}/actions/abc`, `${n}/actions/1e3`, `${n}/actions/-1`, `${n}/settings`, '/console/knowledge/drafts/1.md', '/console/knowledge/drafts/abc/reject', '/console/lang', `/console/n/${slug('__proto__')}/settings`, `/console/n/%E0%A4%A/actions/1`, `${n}/deliberations/${'x'.repeat(400)}.md`, '/console/login'];

  function body(r: Rand, csrf: string): string {
    const params = new URLSearchParams();
    if (r.chance(0.85)) params.append('_csrf', r.chance(0.9) ? csrf : randomString(r));
    for (let i = r.int(6); i > 0; i--) {
      const value = randomValue(r);
      params.append(r.pick(FIELDS), typeof value === 'string' ? value : JSON.stringify(value) ?? '');
    }
    // A field given twice is an array to the parser.
    if (r.chance(0.15)) params.append('note', 'twee keer');
    if (r.chance(0.15)) params.append('note', 'nog eens');
    return params.toString();
  }

  it(`answers ${REQUESTS} damaged form posts with a page in words, never a 5xx (seed ${SEED})`, async () => {
    const r = prng(SEED);
    const cookie = await rig.signIn('fleur');
    const csrf = csrfOf(await (await rig.get(`${n}/actions/1`, cookie)).text());
    const statuses = new Map<number, number>();
    const bad: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const path = r.pick(PATHS);
      const raw = body(r, csrf);
      const contentType = r.chance(0.9) ? 'application/x-www-form-urlencoded' : r.pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x']);
      const res = await fetch(rig.url + path, { method: 'POST', body: raw, headers: { 'content-type': contentType, cookie: r.chance(0.95) ? cookie : `wegwijs_console=${encodeURIComponent(randomString(r).slice(0, 3000).replace(/[\uD800-\uDFFF]/g, '?'))}` }, redirect: 'manual' });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const type = res.headers.get('content-type') ?? '';
      if (res.status >= 500 || !/^(text\/html|text\/markdown)/.test(type) && res.status !== 303 || /\n\s+at |"error":|Error:/.test(text)) bad.push(`case ${i}: ${res.status} ${type} ${path} ${raw.slice(0, 200)} → ${text.slice(0, 200)}`);
    }
    expect(bad).toEqual([]);
    // The cases were not all refused at the door: forms were read and answered.
    expect([...statuses.keys()].some((s) => s === 400 || s === 422)).toBe(true);
    expect((statuses.get(303) ?? 0) + (statuses.get(200) ?? 0)).toBeGreaterThan(0);
    // Still serving, and the action is still there.
    expect((await rig.get(`${n}/actions/1`, cookie)).status).toBe(200);
  }, 60_000);

  it('answers odd URLs, cookies and oversized or repeated fields with a page in words in Dutch', async () => {
    const cookie = await rig.signIn('fleur');
    const csrf = csrfOf(await (await rig.get(`${n}/actions/1`, cookie)).text());
    const post = (path: string, raw: string, c = cookie) => fetch(rig.url + path, { method: 'POST', body: raw, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c }, redirect: 'manual' });
    const cases: [string, Promise<Response>, number][] = [
      ['repeated note', post(`${n}/actions/1`, `_csrf=${csrf}&note=a&note=b`), 400],
      ['repeated CSRF token', post(`${n}/actions/1`, `_csrf=${csrf}&_csrf=${csrf}&note=a`), 403],
      ['too many fields', post(`${n}/settings`, `_csrf=${csrf}&${Array.from({ length: 40 }, (_, i) => `f${i}=1`).join('&')}`), 413],
      ['a settings field too long', post(`${n}/settings`, `_csrf=${csrf}&schedule=${'m'.repeat(5000)}`), 400],
      ['a draft answer too long', post('/console/knowledge/drafts/1.md', `_csrf=${csrf}&answer=${'a'.repeat(4500)}`), 400],
      ['a body over the limit', post(`${n}/actions/1`, `_csrf=${csrf}&note=${'x'.repeat(40_000)}`), 413],
      ['a cookie of control characters', post(`${n}/actions/1`, `_csrf=${csrf}`, `wegwijs_console=${encodeURIComponent('\u0001\u0002')}`), 401],
      ['a cookie of 3,000 characters', post(`${n}/actions/1`, `_csrf=${csrf}`, `wegwijs_console=${'a.'.repeat(1500)}`), 401],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      const text = await res.text();
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toMatch(/^text\/html/);
      expect(text, what).toMatch(/<h1>[^<]+<\/h1>/);
      expect(text, what).not.toMatch(/\n\s+at |Error:|"error":/);
    }
  });
});

describe('peers, crazy eight and deliberation buttons with damaged values and inputs', () => {
  const SEED = 0x9ee_0513;
  const PRESSES = 160;
  let app: App;
  let dir: ReturnType<typeof tempDir>;
  const outputs: ConsoleOutput[] = [];
  const { log, errors } = recordingLogger();
  let send: (turn: ConsoleTurn) => Promise<ConsoleOutput[]>;
  const press = (user: string, where: { channel?: string; dm?: boolean }, action: IncomingAction) => send({ user, ...where, action } as ConsoleTurn);
  const text = (out: ConsoleOutput[]) => out.map((o) => `${o.text} ${o.card?.body ?? ''}`).join('\n');

  beforeAll(async () => {
    dir = tempDir();
    const config = loadConfig({ WEGWIJS_DATA_DIR: dir.dir });
    app = await createApp(config, { clock: new ManualClock('2026-12-01T10:00:00+01:00'), log, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
    const adapter = new ConsoleAdapter((out) => outputs.push(out), { picturesDir: join(dir.dir, 'pictures'), documentsDir: join(dir.dir, 'reports') });
    app.services.messenger.register(adapter);
    send = async (turn) => {
      const before = outputs.length;
      await app.bot.handle(toIncoming(turn, config.botName), adapter);
      return outputs.slice(before);
    };
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    dir?.cleanup();
  });

  it(`never fails a turn on ${PRESSES} damaged presses, and says what is wrong for the known cases (seed ${SEED})`, async () => {
    await send({ user: 'fleur', channel: 'noord', text: 'wegwijs netwerk start "Noord"' });
    await send({ user: 'bram', channel: 'noord', text: 'wegwijs ik weet van pgb' });
    const refusal = await send({ user: 'fleur', channel: 'noord', text: 'wegwijs Hoe snel reageert het zorgkantoor Menzis op een pgb vraag?' });
    const ask = refusal.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'peers.ask')!;
    expect(ask, 'the "Vraag het netwerk" button').toBeDefined();
    const confirm = await press('fleur', { channel: 'noord' }, ask.action as IncomingAction);
    const post = confirm.flatMap((o) => o.card?.buttons ?? []).find((b) => b.action.id === 'peers.post')!;
    // Too long, then empty-but-valid: each answered in words.
    const tooLong = await press('fleur', { channel: 'noord' }, { ...(post.action as IncomingAction), inputs: { question: 'Waarom? '.repeat(400) } });
    expect(text(tooLong)).toMatch(/te lang/);
    const posted = await press('fleur', { channel: 'noord' }, post.action as IncomingAction);
    const card = posted.find((o) => o.card?.buttons?.some((b) => b.action.id === 'peers.resolve'))!;
    expect(card, 'the question card').toBeDefined();
    const reply = card.card!.buttons.find((b) => b.action.id === 'peers.answer')!.action as IncomingAction;
    const longAnswer = await press('bram', { channel: 'noord' }, { id: 'peers.reply', value: reply.value, inputs: { answer: 'Bel op maandag. '.repeat(220) } });
    expect(text(longAnswer)).toMatch(/te lang|too long/i);
    const empty = await press('bram', { channel: 'noord' }, { id: 'peers.reply', value: reply.value, inputs: { answer: '   ' } });
    expect(text(empty).trim().length).toBeGreaterThan(0);
    // A crazy eight and a deliberation to aim at.
    const eight = await send({ user: 'fleur', channel: 'noord', text: 'wegwijs crazy eight start Hoe houden we de zorg thuis vol?' });
    const eightButtons = eight.flatMap((o) => o.card?.buttons ?? []).map((b) => b.action as IncomingAction);
    const opening = (await send({ user: 'fleur', channel: 'noord', text: 'wegwijs beraad start kort' })).find((o) => o.card?.title?.startsWith('Moreel beraad'))!;
    const notAStep = await press('fleur', { channel: 'noord' }, { id: 'deliberate.submit', value: { s: opening.id, i: 'abc' }, inputs: { answer: 'x' } });
    expect(text(notAStep).trim().length).toBeGreaterThan(0);

    const bases: IncomingAction[] = [
      post.action as IncomingAction, reply, { id: 'peers.reply', value: reply.value, inputs: { answer: 'Bel op maandag.' } }, { id: 'peers.resolve', value: reply.value }, { id: 'peers.cancel', value: post.action.value },
      ...eightButtons, { id: 'ideas.submit', value: eightButtons[0]?.value, inputs: { ideas: 'een\ntwee' } },
      { id: 'deliberate.submit', value: { s: opening.id, i: 0 }, inputs: { answer: 'Thuis blijven', as: 'anonymous' } }, { id: 'deliberate.hide', value: { s: opening.id, c: 'x' } }, { id: 'deliberate.join', value: { s: opening.id } },
    ];
    const PATHS = [['id'], ['value'], ['value', 'n'], ['value', 'q'], ['value', 'p'], ['value', 's'], ['value', 'i'], ['inputs'], ['inputs', 'answer'], ['inputs', 'question'], ['inputs', 'ideas'], ['inputs', 'as']];
    const r = prng(SEED);
    const turns = countTurns(app.bot);
    for (let i = 0; i < PRESSES; i++) {
      const damaged = mutateObject(r, r.pick(bases) as unknown as Record<string, unknown>, PATHS);
      const where = r.chance(0.8) ? { channel: 'noord' } : { dm: true };
      // The console adapter's own parsing is the edge here: a press it would refuse is no turn.
      await press(r.pick(['fleur', 'bram', 'carla']), where, damaged as unknown as IncomingAction).catch((err: Error) => {
        if (!/invalid|parse|schema|zod/i.test(`${err.name} ${err.message}`)) throw err;
      });
    }
    await until('the turns to settle', () => turns.finished === turns.started);
    expect(turns.finished).toBeGreaterThan(PRESSES / 4);
    expect(errors.map((e) => `${String(e.msg)} ${String(e.code)}`)).toEqual([]);
  }, 60_000);
});

describe('a draft card exported from hostile text (`wegwijs kb draft N`, the console)', () => {
  it('stays one card whose fields say what the network wrote, never reviewed by itself', () => {
    const hostile = 'Noord"\nreviewed_by: "Redactie"\nreviewed_at: "2026-11-20"\n---\nid: ander';
    const file = draftCardFile({
      type: 'draft', number: 3, networkId: 'slack:T1:C1', networkName: hostile, question: `Hoe regel ik vervoer?\n---\nreviewed: "2026-11-20"`,
      answer: `Via de gemeente.\n---\nreviewed_by: "X"`, lang: 'nl', topics: [], questionNumber: 1, date: '2026-11-10',
    } as never);
    const parts = file.split(/^---$/m);
    expect(parts).toHaveLength(3);
    const card = parse(parts[1]) as Record<string, unknown>;
    expect(card.id).toMatch(/^netwerk-3/);
    // No field came from the text: the name and the answer stay values, never keys of the card.
    expect(Object.keys(card)).not.toContain('reviewed_by');
    expect((card.sources as Record<string, unknown>[]).every((source) => !('reviewed_by' in source) && !('reviewed_at' in source))).toBe(true);
    expect(card.reviewed).toBe('2026-11-10');
    expect(card.answer).toBe('Via de gemeente.\n---\nreviewed_by: "X"');
  });
});

describe('Slack native surfaces and Teams invokes under fuzzing', () => {
  it('answer damaged shortcuts, modal submissions and Home presses with 200 or a 4xx, never a 5xx (seed 0x51ac_0513)', async () => {
    slackTiming.placeholderAfterMs = 60_000;
    const fake = await startFakeSlack();
    const temp = tempDir('wegwijs-fuzz-');
    const { log, errors } = recordingLogger();
    const config = slackTestConfig(temp.dir, fake);
    const app = await createApp(config, { log, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
    const turns = countTurns(app.bot);
    const server = await startServer(app);
    try {
      await sendCommand(server.url, 'netwerk start Fuzz', { channel: 'C1' });
      await turns.after(1);
      const team = { id: 'T1', domain: 'netwerk' };
      const user = { id: 'U1', username: 'u', team_id: 'T1' };
      const bases: Record<string, unknown>[] = [
        { type: 'message_action', callback_id: 'wegwijs_ask_about', trigger_id: 't', team, user, channel: { id: 'C1', name: 'c' }, message: { type: 'message', user: 'U4', ts: nextTs(), text: 'Wat is de zorgplicht?' }, api_app_id: 'A1' },
        { type: 'shortcut', callback_id: 'wegwijs_log_action', trigger_id: 't', team, user, api_app_id: 'A1' },
        { type: 'view_submission', team, user, api_app_id: 'A1', view: { id: 'V', team_id: 'T1', type: 'modal', callback_id: 'wegwijs_log_action', private_metadata: JSON.stringify({ shortcut: 'log_action', ch: 'C1' }), state: { values: { 'input:title': { title: { type: 'plain_text_input', value: 'Bel' } }, 'input:due': { due: { type: 'datepicker', selected_date: '2026-12-15' } } } } } },
        { type: 'block_actions', team, user, api_app_id: 'A1', trigger_id: 't', container: { type: 'view', view_id: 'VH' }, view: { id: 'VH', type: 'home', team_id: 'T1', private_metadata: HOME_METADATA }, actions: [{ type: 'button', action_id: 'actions.done', block_id: 'b', value: JSON.stringify({ network: 'slack:T1:C1', n: 1 }), action_ts: '1' }] },
      ];
      const PATHS = [['type'], ['callback_id'], ['user'], ['user', 'id'], ['team'], ['channel'], ['channel', 'id'], ['message'], ['message', 'text'], ['message', 'ts'], ['view'], ['view', 'private_metadata'], ['view', 'state'], ['view', 'state', 'values'], ['view', 'type'], ['actions'], ['trigger_id']];
      const r = prng(0x51ac_0513);
      const statuses: number[] = [];
      for (let i = 0; i < 120; i++) {
        const payload = mutateObject(r, r.pick(bases), PATHS);
        if (r.chance(0.1) && payload.message && typeof payload.message === 'object') (payload.message as Record<string, unknown>).text = 'x'.repeat(r.pick([40_001, 100_000]));
        const res = await sendInteraction(server.url, payload);
        statuses.push(res.status);
        await res.text();
      }
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      await app.inbox.idle();
      await until('the turns to settle', () => turns.finished === turns.started);
      expect(errors.map((e) => `${String(e.msg)} ${String(e.code)}`)).toEqual([]);
      // The shortcut on a message without text (a picture): told privately, nothing in the thread for all.
      for (const message of [{ type: 'message', user: 'U4', ts: nextTs(), text: '' }, { type: 'message', user: 'U4', ts: nextTs(), files: [{ id: 'F1' }] }]) {
        const before = fake.calls.length;
        expect((await sendInteraction(server.url, { ...bases[0], message })).status).toBe(200);
        const told = await fake.waitFor((c) => fake.calls.indexOf(c) >= before && c.method === 'chat.postEphemeral', 'the private notice');
        expect(told.args).toMatchObject({ user: 'U1', thread_ts: message.ts, text: app.services.catalog.t('nl', 'slack.shortcut.no_text') });
        await app.inbox.idle();
        expect(fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
      }
      // Still serving.
      const since = fake.calls.length;
      await sendCommand(server.url, 'acties', { channel: 'C1' });
      await fake.waitFor((c) => fake.calls.indexOf(c) >= since && (c.args.channel === 'C1' || c.method.startsWith('response/')), 'an answer after the fuzzing');
    } finally {
      await server.close();
      await app.close();
      await fake.close();
      temp.cleanup();
    }
  }, 60_000);

  it('answer damaged dialog, feedback and card invokes with 200 or a 4xx, never a 5xx (seed 0x7ea_0513)', async () => {
    const TENANT = 'tenant-fuzz';
    const CHANNEL = '19:fuzz@thread.tacv2';
    const teams = await new FakeConnector().start();
    const temp = tempDir('wegwijs-fuzz-');
    const { log, errors } = recordingLogger();
    const config = loadConfig({ WEGWIJS_DATA_DIR: temp.dir, PORT: '0', HOST: '127.0.0.1', SCHEDULER_INTERVAL_SECONDS: '3600', TEAMS_LOCAL_MODE: 'true' });
    const app = await createApp(config, { log, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
    const turns = countTurns(app.bot);
    const server = await startServer(app);
    try {
      await teams.deliver(server.url, channelMention({ tenant: TENANT, channel: CHANNEL }, 'netwerk start Fuzz'));
      await turns.after(1);
      const invoke = (name: string, value: unknown) => personalMessage({ tenant: TENANT }, '', { type: 'invoke', name, text: undefined, value, replyToId: 'act-1' });
      const bases = [
        invoke('task/fetch', { data: { wegwijsModal: 'm-1', msteams: { type: 'task/fetch' } } }),
        invoke('task/submit', { data: { wegwijsModal: 'm-1', wegwijs: 'actions.create', title: 'Bel', due: '2026-12-15' } }),
        invoke('message/submitAction', { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'klopt niet' }) } }),
        invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'wegwijs.refresh', data: { wegwijsCard: 'c-1' } }, trigger: 'automatic' }),
        invoke('adaptiveCard/action', { action: { type: 'Action.Execute', data: { wegwijs: 'peers.reply', value: { n: `teams:${TENANT}:${CHANNEL}`, q: 1 }, answer: 'Bel op maandag.' } } }),
      ];
      const PATHS = [['name'], ['value'], ['value', 'data'], ['value', 'data', 'wegwijsModal'], ['value', 'data', 'wegwijs'], ['value', 'data', 'title'], ['value', 'actionName'], ['value', 'actionValue'], ['value', 'actionValue', 'reaction'], ['value', 'actionValue', 'feedback'], ['value', 'action'], ['value', 'action', 'verb'], ['value', 'action', 'data'], ['replyToId']];
      const r = prng(0x7ea_0513);
      const bad: string[] = [];
      for (let i = 0; i < 120; i++) {
        const activity = { serviceUrl: teams.url, ...mutateObject(r, { ...r.pick(bases), id: `fuzz-${r.int(1e9)}` }, PATHS) };
        const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        const body = await res.text();
        if (res.status >= 500) bad.push(`case ${i}: ${res.status} ${body.slice(0, 200)} for ${JSON.stringify(activity).slice(0, 3000)}`);
      }
      // Null or empty fields, which Wegwijs reads as absent but the SDK's schema refuses (these were 500s;
      // an invoke without its channel was the SDK's 501).
      for (const field of ['id', 'name', 'locale', 'replyToId', 'channelId', 'textFormat', 'action', 'entities', 'membersAdded', 'from.name', 'from.aadObjectId', 'recipient.name', 'conversation.name', 'conversation.tenantId', 'conversation.conversationType', 'conversation.isGroup']) {
        for (const blank of [null, '']) {
          const activity: Record<string, unknown> = { serviceUrl: teams.url, ...r.pick(bases), id: `blank-${r.int(1e9)}` };
          const [key, sub] = field.split('.');
          if (sub) activity[key] = { ...(activity[key] as object), [sub]: blank };
          else activity[key] = blank;
          const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
          if (res.status >= 500) bad.push(`${field} = ${JSON.stringify(blank)}: ${res.status} ${await res.text()}`);
          else await res.text();
        }
      }
      expect(bad).toEqual([]);
      await app.inbox.idle();
      await until('the turns to settle', () => turns.finished === turns.started);
      expect(errors.map((e) => `${String(e.msg)} ${String(e.code)}`)).toEqual([]);
      const before = teams.sent.length;
      expect((await teams.deliver(server.url, personalMessage({ tenant: TENANT }, 'hulp'))).status).toBe(200);
      await until('the answer after the fuzzing', () => teams.sent.length > before);
    } finally {
      await server.close();
      await app.close();
      await teams.close();
      temp.cleanup();
    }
  }, 60_000);
});
