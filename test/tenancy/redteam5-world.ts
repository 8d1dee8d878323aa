/**
 * The world of red team 5 (Slack): workspace T1 with network C1 ("Geheim Netwerk Zuidoost"), an
 * action, a short deliberation (#1) and an answered question, served by the real Bolt stack over
 * HTTP against the fake Web API; and the common verdict of an attack (`attack`). Used by
 * redteam5.test.ts (other workspaces and networks) and redteam5-requests.test.ts (forged, replayed
 * and bad requests); each opens its own world.
 */
import { expect } from 'vitest';
import { slackTiming } from '../../adapters/slack/index.ts';
import { ActionSchema } from '../../src/actions/model.ts';
import { SessionSchema } from '../../src/deliberate/session.ts';
import { countTurns, type TurnCount } from '../fuzz/gen.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { nextTs, sendCommand, sendInteraction, sendMarker, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';

export const OWNER = 'UOWNERX';
export const NETWORK_NAME = 'Geheim Netwerk Zuidoost';
export const TITLE = 'Overleg plaatsing logeerhuis Kersenlaan';
export const QUESTION = 'Wat is meerzorg in de Wlz?';
export const NETWORK = 'slack:T1:C1';
export const SECRETS = [NETWORK_NAME, TITLE, 'Kersenlaan', 'Zuidoost', `Naam ${OWNER}`];

export let fake: FakeSlack;
export let w: SlackServer;
export let url: string;
export let turns: TurnCount;
export let sessionTs: string;
export let questionId: string;
export let shareValue: Record<string, unknown>;
export let apology: string;
export let notYours: string;

export const action = async (n = '1') => (await w.app.store.collection('action', ActionSchema).get(NETWORK, n))?.data;
export const session = async () => (await w.app.store.collection('deliberation', SessionSchema).get(NETWORK, sessionTs))?.data;
export const posted = (since: number) => fake.calls.slice(since).filter((c) => /^(chat\.|views\.|response\/|files\.|conversations\.open)/.test(c.method));
export const postedText = (since: number) => JSON.stringify(posted(since).map((c) => c.args));
export const marker = () => sendMarker(url, turns);

export async function stateOf() {
  const a = await action();
  const s = await session();
  return JSON.stringify({ a: { ...a, updatedAt: undefined }, s: s && { step: s.step, status: s.status, participants: s.participants, contributions: s.contributions, code: s.code }, actions2: await action('2'), network: (await w.app.store.networks.get(NETWORK, NETWORK))?.data });
}

/** The common verdict of an attack: no 5xx, no failed turn, nothing of C1 shown, C1 unchanged. */
export async function attack(run: () => Promise<(Response | number | undefined)[] | void>, options: { secrets?: string[] } = {}) {
  const before = await stateOf();
  const since = fake.calls.length;
  const statuses = ((await run()) ?? []).map((r) => (typeof r === 'number' || r === undefined ? r : r.status));
  await marker();
  for (const status of statuses) if (status !== undefined) expect(status, 'no 5xx').toBeLessThan(500);
  const text = postedText(since);
  expect(text, 'no apology of a failed turn').not.toContain(apology.slice(0, 30));
  for (const secret of options.secrets ?? SECRETS) expect(text, `leaks ${secret}`).not.toContain(secret);
  expect(await stateOf(), 'C1 unchanged').toBe(before);
  return { since, text };
}

export const teamT2 = { team: { id: 'T2', domain: 'andere' }, api_app_id: 'A1' };
export const teamT1 = { team: { id: 'T1', domain: 'netwerk' }, api_app_id: 'A1' };
export const press = (team: typeof teamT1, user: string, channel: string, actionId: string, value: unknown, extra: Record<string, unknown> = {}) => {
  const ts = nextTs();
  return sendInteraction(url, {
    type: 'block_actions',
    ...team,
    user: { id: user, username: 'x', team_id: team.team.id },
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'x' },
    message: { type: 'message', ts, text: 'kaart', user: 'UBOTT1' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: typeof value === 'string' ? value : JSON.stringify(value), action_ts: '1' }],
    ...extra,
  });
};

/** The "Vraag Wegwijs hierover" message shortcut on a message in C1's session thread, by `user` of `team`. */
export const askAboutInSession = (team: typeof teamT1, user: string, responsePath: string) =>
  sendInteraction(url, {
    type: 'message_action',
    callback_id: 'wegwijs_ask_about',
    ...team,
    user: { id: user, username: 'x', team_id: team.team.id },
    channel: { id: 'C1', name: 'x' },
    message: { type: 'message', ts: nextTs(), thread_ts: sessionTs, text: 'wegwijs netwerk stop', user },
    message_ts: '1',
    response_url: `${fake.url}response/${responsePath}`,
  });

/** The value of the first button whose action id starts with `prefix` in what was posted. */
export function findButton(x: unknown, prefix: string): Record<string, unknown> | undefined {
  if (typeof x === 'string' && /^[[{]/.test(x)) {
    try {
      return findButton(JSON.parse(x), prefix);
    } catch {
      return undefined;
    }
  }
  if (Array.isArray(x)) for (const y of x) { const f = findButton(y, prefix); if (f) return f; }
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.action_id === 'string' && o.action_id.startsWith(prefix) && typeof o.value === 'string') return JSON.parse(o.value) as Record<string, unknown>;
    for (const v of Object.values(o)) { const f = findButton(v, prefix); if (f) return f; }
  }
  return undefined;
}

/** Opens the world: workspace T1 with network C1, an action, a deliberation (#1) and an answered question. */
export async function openWorld(): Promise<void> {
  slackTiming.placeholderAfterMs = 60_000;
  fake = await startFakeSlack();
  w = await startSlackServer(fake);
  url = w.server.url;
  turns = countTurns(w.app.bot);
  apology = w.app.services.catalog.t('nl', 'core.error');
  notYours = w.app.services.catalog.t('nl', 'core.not_yours');
  let n = 0;
  const cmd = async (text: string) => {
    await sendCommand(url, text, { team: 'T1', channel: 'C1', user: OWNER });
    await turns.after(++n);
  };
  await cmd(`netwerk start "${NETWORK_NAME}"`);
  await cmd(`actie ${TITLE}`);
  const since = fake.calls.length;
  await cmd('beraad kort');
  sessionTs = String(fake.calls.slice(since).find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && !c.args.thread_ts)!.response.ts);
  const asked = fake.calls.length;
  await cmd(QUESTION);
  shareValue = findButton(fake.calls.slice(asked).map((c) => c.args), 'ask.share')!;
  questionId = String(shareValue.q);
  expect((await action())?.title).toBe(TITLE);
  expect((await session())?.code).toBe(1);
}

export async function closeWorld(): Promise<void> {
  await w?.close();
  await fake?.close();
}
