/**
 * The Slack side of a replay: the real server (Bolt) against the fake Slack Web API. A channel
 * line "wegwijs …" arrives as Slack sends a mention (app_mention, plus the message event Slack
 * also sends); a thread reply and a DM as message events; a press as block_actions with the
 * card's input values; a modal's submit as view_submission. users.info answers the script's names.
 */
import { createApp } from '../../app/compose.ts';
import { startServer } from '../../app/server.ts';
import { createLogger, OffsetClock, silentLogger } from '../../src/core/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { nextTs, sendEvent, sendInteraction, slackTestConfig, type SlackServer } from '../slack/slack-helpers.ts';
import { latest, settleInbox, type Driver, type Person, type Shown, type ShownButton, type ScriptLine } from './replay.ts';
import { appEngine } from '../helpers/engine.ts';
import { slackTiming } from '../../adapters/slack/index.ts';

const BOT = 'UBOTT1';
const TEAM = { id: 'T1', domain: 'netwerk' };

type Block = { type: string; block_id?: string; text?: { text: string }; fields?: { text: string }[]; elements?: Record<string, unknown>[]; element?: { type: string; action_id: string } };

export const slackUserId = (user: string) => `U${user.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
export const slackChannelId = (name: string) => `C${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

export class SlackDriver implements Driver {
  // As script mode: the clock is set by clock lines and runs on between them (so a step taken after a nudge comes after it).
  readonly clock = new OffsetClock();
  fake!: FakeSlack;
  server!: SlackServer;
  private readonly people = new Map<string, Person>();
  private triggers = 0;
  private placeholderAfterMs?: number;

  /** Every user the script names, so users.info gives their display names. */
  async start(script: ScriptLine[]): Promise<this> {
    const users: Record<string, string> = {};
    for (const l of script) if ('user' in l && l.name) users[slackUserId(l.user)] = l.name;
    this.fake = await startFakeSlack({ users });
    // Answers are never turned into a placeholder and an update, as with startSlackPair: on a busy
    // machine a slow answer got "Even zoeken…" first, which script mode never says (test/slack
    // tests the placeholder).
    this.placeholderAfterMs = slackTiming.placeholderAfterMs;
    slackTiming.placeholderAfterMs = 60_000;
    // As startSlackServer, with the log on when REPLAY_LOG is set (to see why a line did nothing).
    const temp = tempDir();
    const config = slackTestConfig(temp.dir, this.fake, { LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-T1' });
    const log = process.env.REPLAY_LOG ? createLogger(process.env.REPLAY_LOG) : silentLogger;
    const app = await createApp(config, { clock: this.clock, log, prepared: { askEngine: appEngine(config) }, messenger: { baseDelayMs: 1, sleep: async () => {} } });
    const server = await startServer(app);
    this.server = {
      app,
      server,
      sleeps: [],
      close: async () => {
        await server.close();
        await app.close();
        temp.cleanup();
      },
    };
    return this;
  }

  async close(): Promise<void> {
    if (this.placeholderAfterMs !== undefined) slackTiming.placeholderAfterMs = this.placeholderAfterMs;
    await this.server?.close();
    await this.fake?.close();
  }

  channelId = slackChannelId;

  person(user: string, name?: string): Person {
    const known = this.people.get(user);
    if (known) return known;
    const person = { user, id: slackUserId(user), name: name ?? user };
    this.people.set(user, person);
    return person;
  }

  private settle = () => settleInbox(this.server.app.inbox);

  /** Slack's request reached Bolt and was acknowledged. */
  private async check(sent: Promise<Response>): Promise<void> {
    const response = await sent;
    if (response.status !== 200) throw new Error(`Slack request answered ${response.status}: ${await response.text()}`);
  }

  async tick(at: Date): Promise<void> {
    this.clock.set(at);
    await this.server.app.bot.tick();
    await this.settle();
  }

  /** `@name` as Slack writes a mention: `<@U…>`. */
  private mentions(text: string): string {
    return text.replace(/(^|\s)@([a-z][a-z0-9_-]*)/gi, (_all, space: string, user: string) => `${space}<@${slackUserId(user)}>`);
  }

  async say(from: Person, where: { channel?: string; dm?: boolean; root?: Shown }, text: string): Promise<void> {
    const ts = nextTs();
    const base = { user: from.id, ts, event_ts: ts };
    if (where.dm) {
      await this.check(sendEvent(this.server.server.url, { type: 'message', channel_type: 'im', channel: `D${from.id}`, text: this.mentions(text), ...base }));
      return this.settle();
    }
    const channel = slackChannelId(where.channel!);
    const thread = where.root ? { thread_ts: where.root.key } : {};
    const addressed = /^wegwijs\s+/i.exec(text);
    if (addressed && !where.root) {
      // A mention: Slack sends app_mention and (subscribed to channel messages) the message event too.
      const mention = `<@${BOT}> ${this.mentions(text.slice(addressed[0].length))}`;
      await this.check(sendEvent(this.server.server.url, { type: 'app_mention', channel, text: mention, ...base, ...thread }));
      await this.check(sendEvent(this.server.server.url, { type: 'message', channel_type: 'channel', channel, text: mention, ...base, ...thread }));
    } else {
      await this.check(sendEvent(this.server.server.url, { type: 'message', channel_type: 'channel', channel, text: this.mentions(text), ...base, ...thread }));
    }
    return this.settle();
  }

  async press(from: Person, on: Shown, button: ShownButton, inputs: Record<string, string>): Promise<void> {
    const trigger = `trigger-${from.id}-${++this.triggers}`;
    const user = { id: from.id, username: from.user, name: from.user, team_id: TEAM.id };
    if (on.place === 'modal') {
      const view = on.raw as { callback_id: string; private_metadata: string; blocks: Block[] };
      await this.check(sendInteraction(this.server.server.url, {
        type: 'view_submission',
        team: TEAM,
        user,
        api_app_id: 'A1',
        trigger_id: trigger,
        view: { id: on.key, team_id: TEAM.id, type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: stateValues(view.blocks, inputs) } },
      }));
      return this.settle();
    }
    const blocks = ((on.raw as { blocks?: Block[] }).blocks ?? []) as Block[];
    const raw = button.raw as { action_id: string; value: string; text: unknown };
    const ephemeral = on.place === 'private';
    await this.check(sendInteraction(this.server.server.url, {
      type: 'block_actions',
      team: TEAM,
      user,
      api_app_id: 'A1',
      trigger_id: trigger,
      container: { type: 'message', message_ts: on.key, channel_id: on.channel, is_ephemeral: ephemeral, ...(on.thread ? { thread_ts: on.thread } : {}) },
      channel: { id: on.channel, name: on.channel.startsWith('D') ? 'directmessage' : on.channel.slice(1).toLowerCase() },
      // Slack sends no `message` for an ephemeral one.
      ...(ephemeral ? {} : { message: { type: 'message', ts: on.key, ...(on.thread ? { thread_ts: on.thread } : {}), text: '', user: BOT, blocks } }),
      state: { values: stateValues(blocks, inputs) },
      actions: [{ type: 'button', action_id: raw.action_id, block_id: 'b1', value: raw.value, text: raw.text, action_ts: '1' }],
    }));
    return this.settle();
  }

  shown(): Shown[] {
    const out: Shown[] = [];
    this.fake.calls.forEach((call, seq) => {
      const s = toShown(call, seq);
      if (s) out.push(s);
    });
    return out;
  }

  async seenBy(person: Person): Promise<Shown[]> {
    const all = this.shown();
    const modals = all.filter((s) => s.place === 'modal' && s.to === person.id);
    const rest = all.filter((s) => s.place !== 'modal' && (s.place === 'channel' || s.to === person.id));
    // Only the modal opened last is still open.
    return [...latest(rest), ...modals.slice(-1)];
  }
}

/** state.values for the input blocks among `blocks`, filled with `inputs` (by input id). */
function stateValues(blocks: Block[], inputs: Record<string, string>): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of blocks) {
    if (b.type !== 'input' || !b.element || !b.block_id) continue;
    const { type, action_id } = b.element;
    const given = inputs[action_id];
    const state =
      type === 'datepicker' ? { type, selected_date: given ?? null } : type === 'static_select' ? { type, selected_option: given ? { value: given } : null } : { type, value: given ?? null };
    values[b.block_id] = { [action_id]: state };
  }
  return values;
}

function blockTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.text?.text) out.push(b.text.text);
    for (const f of b.fields ?? []) out.push(f.text);
    if (b.type === 'context') for (const e of b.elements ?? []) if (typeof e.text === 'string') out.push(e.text);
  }
  return out;
}

function buttonsOf(blocks: Block[]): ShownButton[] {
  const out: ShownButton[] = [];
  for (const b of blocks) {
    if (b.type !== 'actions') continue;
    for (const e of b.elements ?? []) {
      if (e.type !== 'button') continue;
      let value = {};
      try {
        value = JSON.parse(String(e.value ?? '{}'));
      } catch {
        /* not ours */
      }
      out.push({ label: (e.text as { text: string }).text, action: String(e.action_id).split('~')[0], value, raw: e });
    }
  }
  return out;
}

function toShown(call: SlackCall, seq: number): Shown | undefined {
  const a = call.args as Record<string, unknown> & { blocks?: Block[] };
  const header = (blocks: Block[]) => blocks.find((b) => b.type === 'header')?.text?.text;
  if (call.method === 'views.open') {
    const view = a.view as { callback_id: string; blocks: Block[]; title?: { text: string }; submit?: { text: string }; private_metadata?: string };
    // The modal's button value travels in its private_metadata (`v`).
    let value: Record<string, unknown> = {};
    try {
      value = (JSON.parse(view.private_metadata ?? '{}') as { v?: Record<string, unknown> }).v ?? {};
    } catch {
      /* not ours */
    }
    const to = /^trigger-([A-Z0-9]+)-/.exec(String(a.trigger_id))?.[1];
    return {
      key: `view-${seq}`,
      seq,
      place: 'modal',
      channel: '',
      to,
      update: false,
      title: view.title?.text,
      text: blockTexts(view.blocks).join('\n'),
      buttons: [{ label: view.submit?.text ?? '', action: view.callback_id, value, raw: view }],
      inputs: view.blocks.filter((b) => b.type === 'input').map((b) => b.element!.action_id),
      raw: view,
    };
  }
  if (!['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(call.method) || call.status >= 300 || call.response.ok !== true) return undefined;
  const blocks = a.blocks ?? [];
  const channel = String(a.channel);
  const key = call.method === 'chat.update' ? String(a.ts) : call.method === 'chat.postEphemeral' ? String(call.response.message_ts) : String(call.response.ts);
  const place = call.method === 'chat.postEphemeral' ? 'private' : channel.startsWith('D') ? 'dm' : 'channel';
  const texts = blocks.length ? blockTexts(blocks) : [String(a.text ?? '')];
  return {
    key,
    seq,
    place,
    channel,
    to: place === 'private' ? String(a.user) : place === 'dm' ? channel.slice(1) : undefined,
    thread: a.thread_ts ? String(a.thread_ts) : undefined,
    update: call.method === 'chat.update',
    title: header(blocks),
    text: texts.join('\n'),
    buttons: buttonsOf(blocks),
    inputs: blocks.filter((b) => b.type === 'input').map((b) => b.element!.action_id),
    raw: a,
  };
}
