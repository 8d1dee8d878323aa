/**
 * The Teams side of a replay: the real server (Agents SDK, local mode) against the fake Bot
 * Connector. A channel line "wegwijs …" is a post that mentions the bot (`<at>Wegwijs</at>`, with
 * mention entities, `@name` as `<at>Name</at>`); a thread line a reply in the reply chain; a DM a
 * personal-chat message; a press an `adaptiveCard/action` invoke (Action.Execute) with the
 * button's data and the card's inputs, or a message with `value` for an Action.Submit. Cards
 * with a refresh are seen as Teams shows them to that person (the refresh invoke), and a form
 * opens as Teams does: the opener's task/fetch, then task/submit.
 */
import { OffsetClock } from '../../src/core/index.ts';
import { BOT, FakeConnector, type Recorded } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';
import { latest, settleInbox, type Driver, type Person, type ScriptLine, type Shown, type ShownButton } from './replay.ts';

export const TENANT = 'tenant-week';
type Json = Record<string, unknown>;

export const teamsChannelId = (name: string) => `19:${name}@thread.tacv2`;

export class TeamsDriver implements Driver {
  // As script mode: the clock is set by clock lines and runs on between them (so a step taken after a nudge comes after it).
  readonly clock = new OffsetClock();
  teams!: FakeConnector;
  bot!: TeamsBot;
  private readonly people = new Map<string, Person>();
  private invokes = 0;
  /** Cards refreshed for a person, by activity record and person (a record never changes). */
  private readonly refreshed = new Map<string, Json | undefined>();
  /** Dialogs opened (task/fetch), by opener card and person; submitted ones are gone. */
  private readonly dialogs = new Map<string, Shown | undefined>();
  private readonly opened: Shown[] = [];

  async start(script: ScriptLine[]): Promise<this> {
    for (const l of script) if ('user' in l) this.person(l.user, l.name);
    this.teams = await new FakeConnector().start();
    this.bot = await startTeamsBot({ localMode: true, clock: this.clock });
    return this;
  }

  async close(): Promise<void> {
    await this.bot?.close();
    await this.teams?.close();
  }

  channelId = teamsChannelId;

  person(user: string, name?: string): Person {
    const known = this.people.get(user);
    if (known) return known;
    const person = { user, id: `29:${user}`, name: name ?? user };
    this.people.set(user, person);
    return person;
  }

  private account = (p: Person) => ({ id: p.id, aadObjectId: `aad-${p.user}`, name: p.name });

  private async deliver(activity: Json): Promise<{ status: number; body: unknown }> {
    const result = await this.teams.deliver(this.bot.url, activity);
    if (result.status >= 300) throw new Error(`Teams activity answered ${result.status}: ${JSON.stringify(result.body)} for ${JSON.stringify(activity).slice(0, 600)}`);
    await settleInbox(this.bot.app.inbox);
    return result;
  }

  async tick(at: Date): Promise<void> {
    this.clock.set(at);
    await this.bot.app.bot.tick();
    await settleInbox(this.bot.app.inbox);
  }

  /** `@name` as a Teams mention: `<at>Name</at>` with its entity. */
  private mentions(text: string): { text: string; entities: Json[] } {
    const entities: Json[] = [];
    const out = text.replace(/(^|\s)@([a-z][a-z0-9_-]*)/gi, (all, space: string, user: string) => {
      const p = this.people.get(user.toLowerCase());
      if (!p) return all;
      entities.push({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name } });
      return `${space}<at>${p.name}</at>`;
    });
    return { text: out, entities };
  }

  private base(from: Person, conversation: Json, channel?: string): Json {
    return {
      channelId: 'msteams',
      from: this.account(from),
      recipient: BOT,
      conversation: { tenantId: TENANT, ...conversation },
      channelData: { tenant: { id: TENANT }, ...(channel ? { team: { id: '19:team@thread.tacv2', name: 'Netwerk' }, channel: { id: channel, name: channel } } : {}) },
      locale: 'nl-NL',
    };
  }

  async say(from: Person, where: { channel?: string; dm?: boolean; root?: Shown }, text: string): Promise<void> {
    const id = `act-${++this.invokes}`;
    if (where.dm) {
      const m = this.mentions(text);
      await this.deliver({ type: 'message', id, text: m.text, entities: m.entities, ...this.base(from, { id: `a:personal-${from.id}`, conversationType: 'personal' }) });
      return;
    }
    const channel = teamsChannelId(where.channel!);
    const addressed = /^wegwijs\s+/i.exec(text);
    const bot = { type: 'mention', text: '<at>Wegwijs</at>', mentioned: BOT };
    let body: { text: string; entities: Json[] };
    if (addressed && !where.root) {
      const m = this.mentions(text.slice(addressed[0].length));
      body = { text: `<at>Wegwijs</at> ${m.text}`, entities: [bot, ...m.entities] };
    } else {
      // A reply in a reply chain the bot leads is read without a mention (resource-specific consent).
      body = this.mentions(text);
    }
    await this.deliver({ type: 'message', id, ...body, ...this.base(from, { id: `${channel};messageid=${where.root?.key ?? id}`, conversationType: 'channel', isGroup: true }, channel) });
  }

  async press(from: Person, on: Shown, button: ShownButton, inputs: Record<string, string>): Promise<void> {
    const raw = button.raw as { type?: string; data: Json };
    const channel = on.channel.split(';')[0];
    const isChannel = channel.startsWith('19:');
    const conversation = isChannel ? { id: `${channel};messageid=${on.thread ?? on.key}`, conversationType: 'channel', isGroup: true } : { id: on.channel, conversationType: 'personal' };
    const common = { id: `inv-${++this.invokes}`, ...this.base(from, conversation, isChannel ? channel : undefined) };
    if (on.place === 'modal') {
      // The dialog's submit: task/submit with the form's fields.
      this.dialogs.set(String((on.raw as Json).opener), undefined);
      await this.deliver({ type: 'invoke', name: 'task/submit', ...common, value: { data: { ...raw.data, ...inputs } } });
      return;
    }
    if (raw.type === 'Action.Submit') {
      await this.deliver({ type: 'message', ...common, replyToId: on.key, value: { ...raw.data, ...inputs } });
      return;
    }
    await this.deliver({
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...common,
      replyToId: on.key,
      value: { action: { type: 'Action.Execute', verb: raw.data.wegwijs, data: { ...raw.data, ...inputs } }, trigger: 'manual' },
    });
  }

  /** Conversations the bot opened (1:1 chats), to the user they are with. */
  private directs(): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.teams.requests) {
      if (r.path !== '/v3/conversations' || r.method !== 'POST' || !r.responseId) continue;
      const member = (r.body.members as { id: string }[] | undefined)?.[0]?.id;
      if (member) out.set(r.responseId, member);
    }
    return out;
  }

  shown(): Shown[] {
    const directs = this.directs();
    const out: Shown[] = [];
    this.teams.requests.forEach((r, seq) => {
      if (r.status >= 300 || !r.path.includes('/activities') || !r.conversationId) return;
      const s = toShown(r, seq, directs);
      if (s) out.push(s);
    });
    return [...out, ...this.opened];
  }

  async seenBy(person: Person): Promise<Shown[]> {
    const mine = latest(this.shown()).filter((s) => s.place === 'channel' || s.to === person.id);
    const out: Shown[] = [];
    for (const s of mine) {
      const card = (s.raw as { card?: Json }).card;
      const refresh = card?.refresh as { action: { data: Json }; userIds: string[] } | undefined;
      if (!refresh?.userIds.includes(person.id)) {
        out.push(s);
        continue;
      }
      // Teams asks the bot for this person's card when they look at it.
      const cacheKey = `${s.seq}|${person.id}`;
      if (!this.refreshed.has(cacheKey)) {
        const result = await this.deliver({
          type: 'invoke',
          name: 'adaptiveCard/action',
          id: `inv-${++this.invokes}`,
          ...this.base(person, s.channel.startsWith('19:') ? { id: s.channel.includes(';') ? s.channel : `${s.channel};messageid=${s.key}`, conversationType: 'channel', isGroup: true } : { id: s.channel, conversationType: 'personal' }),
          replyToId: s.key,
          value: { action: { type: 'Action.Execute', verb: 'wegwijs.refresh', data: refresh.action.data }, trigger: 'automatic' },
        });
        this.refreshed.set(cacheKey, (result.body as { value?: Json } | undefined)?.value);
      }
      const view = this.refreshed.get(cacheKey);
      out.push(view ? { ...s, ...fromCard(view), raw: { ...(s.raw as Json), card: view } } : s);
    }
    // A form's opener: the person's button opens the dialog (task/fetch).
    for (const s of out) {
      for (const b of s.buttons) {
        if ((b.raw as { data?: { msteams?: { type?: string } } }).data?.msteams?.type !== 'task/fetch') continue;
        const key = `${s.key}|${person.id}`;
        if (this.dialogs.has(key)) continue;
        const result = await this.deliver({ type: 'invoke', name: 'task/fetch', id: `inv-${++this.invokes}`, ...this.base(person, { id: s.channel, conversationType: s.channel.startsWith('19:') ? 'channel' : 'personal' }), value: { data: (b.raw as { data: Json }).data } });
        const task = (result.body as { task?: { type: string; value: { title?: string; card: { content: Json } } } }).task;
        if (task?.type !== 'continue') continue;
        const dialog: Shown = { ...fromCard(task.value.card.content), key: `dialog-${this.invokes}`, seq: this.teams.requests.length, place: 'modal', channel: s.channel, thread: s.thread, to: person.id, update: false, title: task.value.title, raw: { opener: key, card: task.value.card.content } };
        this.dialogs.set(key, dialog);
        this.opened.push(dialog);
      }
    }
    const open = [...this.dialogs.values()].filter((d): d is Shown => Boolean(d) && d!.to === person.id);
    return [...out, ...open.slice(-1)];
  }
}

/** Text, title, buttons and inputs of an Adaptive Card. */
function fromCard(card: Json): Pick<Shown, 'title' | 'text' | 'buttons' | 'inputs'> {
  const texts: string[] = [];
  const buttons: ShownButton[] = [];
  const inputs: string[] = [];
  let title: string | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (o.type === 'TextBlock' && typeof o.text === 'string') {
      if (title === undefined && (o.size === 'Large' || o.size === 'Medium' || o.style === 'heading')) title = o.text;
      texts.push(o.text);
    }
    if (o.type === 'TextRun' && typeof o.text === 'string') texts.push(o.text);
    if (o.type === 'FactSet') for (const f of (o.facts as { title: string; value: string }[]) ?? []) texts.push(`${f.title} ${f.value}`);
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') inputs.push(o.id);
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && o.data && typeof o.data === 'object') {
      const data = o.data as Json;
      const id = typeof data.wegwijs === 'string' ? data.wegwijs : undefined;
      if (id || (data.msteams as Json | undefined)?.type === 'task/fetch') buttons.push({ label: String(o.title ?? ''), action: id ?? 'task/fetch', value: (data.value as Json) ?? {}, raw: o });
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'refresh' && k !== 'data') walk(v);
  };
  walk(card.body);
  walk(card.actions);
  return { title, text: texts.join('\n'), buttons, inputs };
}

function toShown(r: Recorded, seq: number, directs: Map<string, string>): Shown | undefined {
  const body = r.body as Json & { text?: string; attachments?: { contentType: string; content: Json }[] };
  const conversation = r.conversationId!;
  const update = r.method === 'PUT';
  const key = update ? r.activityId! : r.responseId ?? '';
  const card = body.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  const parsed = card ? fromCard(card) : { title: undefined, text: '', buttons: [], inputs: [] };
  const [channel, thread] = conversation.split(';messageid=');
  const isChannel = channel.startsWith('19:');
  const to = isChannel ? undefined : conversation.startsWith('a:personal-') ? conversation.slice('a:personal-'.length) : directs.get(conversation);
  return {
    key,
    seq,
    place: isChannel ? 'channel' : 'dm',
    channel: isChannel ? channel : conversation,
    to,
    thread: thread && thread !== key ? thread : undefined,
    update,
    title: parsed.title,
    text: [body.text ?? '', parsed.text].filter(Boolean).join('\n'),
    buttons: parsed.buttons,
    inputs: parsed.inputs,
    raw: { activity: body, card },
  };
}
