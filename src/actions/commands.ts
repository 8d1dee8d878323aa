/** The `wegwijs actie …`, `acties`, `mijn acties`, `export` and `nudge voorbeeld` commands. */
import { button, buttons, card, cardMessage, context, fold, input, mention, networkId, text, type ActionSource, type ChatUser, type NewActionItem, type OutgoingMessage, type Services, type Turn, formatDate, formatInstant, localDate } from '../core/index.ts';
import { privacyNotice, type Redaction } from '../privacy/index.ts';
import type { Network } from '../store/index.ts';
import { toCsv } from './csv.ts';
import { splitDue } from './due-date.ts';
import { changeAction, createAction, readDate, resolveOwner, type Change, type ChangeResult, type Owner } from './log.ts';
import { actions, isFacilitator, OPEN, type Action } from './model.ts';
import { composeNudge, readState } from './nudge.ts';
import { actionCard, actionLine } from './render.ts';
import { nextSlot } from './scheduler.ts';

/** The network of this channel, or an explanation of how to start one. */
export async function requireNetwork(turn: Turn, options: { allowStopped?: boolean } = {}): Promise<Network | undefined> {
  const network = turn.message.isDirect ? undefined : (await turn.network())?.data;
  if (network && (network.status !== 'stopped' || options.allowStopped)) return network;
  const key = turn.message.isDirect ? 'actions.not_network_dm' : network ? 'actions.network_stopped' : 'actions.not_network';
  await turn.reply({ text: turn.t(key, { bot: turn.services.config.botName }) });
  return undefined;
}

export async function actionCommand(turn: Turn, args: string): Promise<void> {
  const network = await requireNetwork(turn);
  if (!network) return;
  const numbered = /^#?(\d+)(?:\s+([\s\S]*))?$/.exec(args.trim());
  if (numbered) return updateCommand(turn, network, Number(numbered[1]), (numbered[2] ?? '').trim());
  if (!args.trim()) return openForm(turn);
  await newAction(turn, network, args);
}

async function openForm(turn: Turn): Promise<void> {
  const form = card(
    { title: turn.t('actions.form.title') },
    input('title', turn.t('actions.input.title'), { required: true, multiline: true }),
    input('owner', turn.t('actions.input.owner'), { placeholder: turn.t('actions.input.owner_placeholder') }),
    input('due', turn.t('actions.input.due'), { kind: 'date', placeholder: turn.t('actions.input.due_placeholder') }),
  );
  const opened = await turn.openModal({ title: turn.t('actions.form.title'), card: form, submitActionId: 'actions.create', submitLabel: turn.t('actions.form.submit') });
  if (opened) return;
  await turn.reply(cardMessage({ ...form, elements: [...form.elements, buttons(button(turn.t('actions.form.submit'), 'actions.create', undefined, 'primary'))] }));
}

async function newAction(turn: Turn, network: Network, args: string): Promise<void> {
  const { services } = turn;
  const mentions = turn.message.mentions.filter((m) => fold(m.name) !== fold(services.config.botName));
  let body = args;
  // Console and Slack keep "@id" in the text, Teams the plain name: take the owner's mention out.
  for (const m of mentions) {
    const forms = [`@${m.id}`, m.name && `@${m.name}`, m.name].filter((f): f is string => Boolean(f));
    const found = forms.map((f) => new RegExp(`(?<![\\p{L}\\p{N}_@])${escape(f)}(?![\\p{L}\\p{N}_])`, 'iu')).find((r) => r.test(body));
    if (found) body = body.replace(found, ' ');
  }
  body = body.replace(/\s+/g, ' ').trim();
  const split = splitDue(body, services.clock.now(), network.timeZone);
  if (!split.title) return void (await turn.reply({ text: turn.t('actions.usage', { bot: services.config.botName }) }));
  const owner = await resolveOwner(services, network.id, mentions[0], turn.user);
  await logAndShow(turn, network, { title: split.title, owner, due: split.due }, split.unreadable);
}

/** Creates the action, posts its card, and tells what needs telling (privacy, date, owner). */
export async function logAndShow(turn: Turn, network: Network, input: { title: string; owner: Owner; due?: string }, unreadable?: string): Promise<void> {
  const { services } = turn;
  const created = await createAction(services, network, input, turn.user);
  const posted = await turn.reply(actionCard(turn.t.bind(turn), network, created.action));
  await actions(services).update(network.id, String(created.action.number), (a) => (a ? { ...a, messageId: posted.id } : undefined));
  const notes: string[] = [];
  const privacy = privacyNotice(created.redaction, turn.t.bind(turn));
  if (privacy) notes.push(privacy);
  if (!input.owner.member) notes.push(await ownerNotice(turn, network, input.owner, created.action));
  if (notes.length) await turn.reply({ text: notes.join('\n') });
  if (unreadable) await turn.replyPrivately(askDate(turn, network, created.action.number, 'actions.date_unreadable', unreadable));
  if (!input.owner.member) await tellFacilitators(services, network, input.owner, created.action, turn.user, true);
}

/**
 * Asks back for a date that could not be read: the message with a date picker (Slack datepicker,
 * Teams Input.Date, a text line in the console) whose button sets the action's date.
 */
export function askDate(turn: Turn, network: Network, number: number, key: string, typed: string): OutgoingMessage {
  const t = turn.t.bind(turn);
  return cardMessage(
    card(
      {},
      text(t(key, { text: typed, number, bot: turn.services.config.botName })),
      input('date', t('actions.input.pick_date'), { kind: 'date' }),
      buttons(button(t('actions.button.set_date'), 'actions.later', { network: network.id, n: number }, 'primary')),
    ),
  );
}

/** The facilitators as the members they are ("@Fleur Jansen"), not as platform ids. */
async function facilitatorNames(turn: Turn, network: Network): Promise<string> {
  const members = new Map((await turn.services.store.members.list({ pk: network.id })).map((d) => [d.data.userId, d.data.name]));
  return network.facilitators.map((id) => mention({ id, name: members.get(id) ?? id })).join(', ');
}

/** The confirmation's line for the facilitators about an owner who was no member yet. */
async function ownerNotice(turn: Turn, network: Network, owner: Owner, action: Action): Promise<string> {
  // A mentioned person (with an id) is a member now; a typed name waits until that person takes part.
  const key = owner.id ? 'actions.owner_new_member' : 'actions.owner_not_member';
  return turn.t(key, { owner: owner.name, number: action.number, facilitators: await facilitatorNames(turn, network) });
}

/**
 * Tells the facilitators privately about an action whose owner was no member yet. After a
 * confirmation in the channel (`shown`) a facilitator author has read its line already, so only
 * another author's action is sent on; without one (the action-log port) every facilitator hears.
 * Delivery problems are logged, never thrown: the action is kept either way.
 */
export async function tellFacilitators(services: Services, network: Network, owner: Owner, action: Action, by: ChatUser, shown: boolean): Promise<void> {
  if (owner.member || (shown && isFacilitator(network, by.id))) return;
  const t = services.catalog.translator(network.language);
  const key = owner.id ? 'actions.owner_new_member_dm' : 'actions.owner_not_member_dm';
  const text = t(key, { network: network.name, author: by.name || by.id, owner: owner.name, number: action.number, title: action.title, bot: services.config.botName });
  for (const facilitator of network.facilitators.filter((f) => !shown || f !== by.id)) {
    try {
      const sent = await services.messenger.sendDirect(network.platform, network.tenantId, facilitator, { text });
      if (!sent.ok) services.log.warn({ network: network.id, action: action.number, error: sent.error }, 'telling a facilitator about a new owner failed');
    } catch (err) {
      services.log.warn({ network: network.id, action: action.number, err: { message: (err as Error).message } }, 'telling a facilitator about a new owner failed');
    }
  }
}

const VERBS: [RegExp, string][] = [
  [/^(klaar|af|gedaan|done|finished|complete)$/i, 'done'],
  [/^(bezig|gestart|started|start|doing)$/i, 'start'],
  [/^(voortgang|progress|update)\b/i, 'progress'],
  [/^(vast|stuck|geblokkeerd|blocked)\b/i, 'stuck'],
  [/^(later|uitstel|postpone|due)\b/i, 'later'],
  [/^(laten vallen|laat vallen|vervalt|schrappen|drop|dropped)$/i, 'drop'],
  [/^(heropen|reopen)$/i, 'reopen'],
  [/^(eigenaar|owner|toewijzen|assign)\b/i, 'owner'],
  [/^(wijzig|edit|titel|title|rename)\b/i, 'title'],
];

async function updateCommand(turn: Turn, network: Network, number: number, rest: string): Promise<void> {
  const { services } = turn;
  if (!rest) {
    const doc = await actions(services).get(network.id, String(number));
    if (!doc) return void (await turn.reply({ text: turn.t('actions.error.unknown_number', { number }) }));
    return void (await turn.reply(actionCard(turn.t.bind(turn), network, doc.data)));
  }
  const verb = VERBS.find(([pattern]) => pattern.test(rest));
  if (!verb) return void (await turn.reply({ text: turn.t('actions.update_usage', { number, bot: services.config.botName }) }));
  const argument = rest.replace(verb[0], '').trim();
  let change: Change;
  switch (verb[1]) {
    case 'done':
      change = { kind: 'status', status: 'done' };
      break;
    case 'start':
      change = { kind: 'status', status: 'in_progress' };
      break;
    case 'progress':
    case 'stuck':
      change = { kind: verb[1], note: argument };
      break;
    case 'later': {
      const date = readDate(services, network, argument);
      if (!date) return void (await turn.reply(askDate(turn, network, number, 'actions.later_unreadable', argument || '…')));
      change = { kind: 'later', date };
      break;
    }
    case 'drop':
      change = { kind: 'drop' };
      break;
    case 'reopen':
      change = { kind: 'reopen' };
      break;
    case 'owner': {
      const mention = turn.message.mentions.find((m) => fold(m.name) !== fold(services.config.botName));
      if (!mention && !argument) return void (await turn.reply({ text: turn.t('actions.update_usage', { number, bot: services.config.botName }) }));
      change = { kind: 'owner', owner: await resolveOwner(services, network.id, mention ?? argument, turn.user) };
      break;
    }
    default:
      if (!argument) return void (await turn.reply({ text: turn.t('actions.update_usage', { number, bot: services.config.botName }) }));
      change = { kind: 'title', title: argument };
  }
  const result = await changeAction(services, network, number, change, turn.user);
  await reportChange(turn, network, result, change);
}

/** Tells the outcome of a change in words (commands) — buttons update the card instead. */
export async function reportChange(turn: Turn, network: Network, result: ChangeResult, change: Change): Promise<void> {
  if (!result.ok) return void (await turn.reply({ text: turn.t(result.key, { bot: turn.services.config.botName, ...result.vars }) }));
  const a = result.action;
  const key = change.kind === 'status' ? `actions.changed.${change.status}` : `actions.changed.${change.kind}`;
  const lines = [turn.t(key, { number: a.number, title: a.title, owner: a.ownerName, date: a.due ? formatDate(a.due, turn.lang) : '' })];
  const privacy = result.redaction && privacyNotice(result.redaction as Redaction, turn.t.bind(turn));
  if (privacy) lines.push(privacy);
  if (change.kind === 'owner' && !change.owner.member) lines.push(await ownerNotice(turn, network, change.owner, a));
  // Only facilitators reassign, so the line above tells them; no private message is needed.
  await turn.reply({ text: lines.join('\n') });
}

export async function listCommand(turn: Turn): Promise<void> {
  const network = await requireNetwork(turn, { allowStopped: true });
  if (!network) return;
  const open = (await actions(turn.services).list({ pk: network.id })).map((d) => d.data).filter((a) => OPEN.includes(a.status));
  if (!open.length) return void (await turn.reply({ text: turn.t('actions.list.empty', { bot: turn.services.config.botName }) }));
  open.sort((a, b) => a.number - b.number);
  const lines = [`**${turn.t('actions.list.title', { network: network.name, count: open.length })}**`, ...open.map((a) => actionLine(turn.t.bind(turn), turn.lang, a))];
  await turn.reply({ text: lines.join('\n') });
}

export async function mineCommand(turn: Turn): Promise<void> {
  const { services, message } = turn;
  // The tenant is part of the query: the same user id in another tenant reads nothing of this one.
  const mine = (await actions(services).list({ where: { ownerId: message.user.id, platform: message.platform, tenantId: message.tenantId } }))
    .map((d) => d.data)
    .filter((a) => a.platform === message.platform && a.tenantId === message.tenantId && OPEN.includes(a.status));
  let reply: string;
  if (!mine.length) reply = turn.t('actions.mine.empty');
  else {
    const byNetwork = new Map<string, Action[]>();
    for (const a of mine) byNetwork.set(a.networkId, [...(byNetwork.get(a.networkId) ?? []), a]);
    const lines = [`**${turn.t('actions.mine.title', { count: mine.length })}**`];
    for (const [id, list] of byNetwork) {
      const network = await services.store.networks.get(id, id);
      lines.push('', `_${network?.data.name ?? id}_`, ...list.sort((a, b) => a.number - b.number).map((a) => actionLine(turn.t.bind(turn), turn.lang, a, false)));
    }
    reply = lines.join('\n');
  }
  if (message.isDirect) await turn.reply({ text: reply });
  else await turn.sendDirect({ text: reply });
}

export async function exportCommand(turn: Turn): Promise<void> {
  const network = await requireNetwork(turn, { allowStopped: true });
  if (!network) return;
  if (!isFacilitator(network, turn.user.id)) return void (await turn.replyPrivately({ text: turn.t('actions.error.facilitator_command') }));
  const all = (await actions(turn.services).list({ pk: network.id })).map((d) => d.data).sort((a, b) => a.number - b.number);
  // Headers and status words in the network's language; `;` and a BOM so Excel opens it as is.
  const t = turn.services.catalog.translator(network.language);
  const rows = all.map((a) => {
    const last = a.notes[a.notes.length - 1];
    return [a.number, a.title, a.ownerName, t(`actions.status.${a.status}`), a.due, localDate(new Date(a.createdAt), network.timeZone), localDate(new Date(a.updatedAt), network.timeZone), last?.text];
  });
  const header = ['number', 'title', 'owner', 'status', 'due', 'created', 'updated', 'last_note'].map((c) => t(`actions.csv.${c}`));
  const csv = toCsv([header, ...rows], { separator: ';', bom: true }).replace(/```/g, "'''");
  await turn.replyPrivately({ text: `${turn.t('actions.export.intro', { network: network.name, count: all.length })}\n\`\`\`csv\n${csv}\n\`\`\`` });
}

export async function previewCommand(turn: Turn): Promise<void> {
  const network = await requireNetwork(turn);
  if (!network) return;
  if (!isFacilitator(network, turn.user.id)) return void (await turn.replyPrivately({ text: turn.t('actions.error.facilitator_command') }));
  const { services } = turn;
  const now = services.clock.now();
  const composed = await composeNudge(services, network, now);
  const next = nextSlot(network, now);
  const lines = [turn.t('actions.preview.intro'), '', composed.channel.text, '', '---'];
  if (composed.reminders.length) {
    lines.push(turn.t('actions.preview.dms', { count: composed.reminders.length }));
    for (const r of composed.reminders) lines.push('', `**→ ${r.member.name}**`, r.message.text);
  } else lines.push(turn.t('actions.preview.no_dms'));
  if (next) lines.push('', turn.t('actions.preview.next', { when: formatInstant(next, network.timeZone, turn.lang) }));
  const state = await readState(services, network.id);
  const failure = state.failures[state.failures.length - 1];
  if (failure) lines.push(turn.t('actions.preview.failure', { when: formatInstant(new Date(failure.at), network.timeZone, turn.lang), target: failure.target, error: failure.error }));
  await turn.replyPrivately({ text: lines.join('\n') });
}

/**
 * The action-log port: turns agreements (a deliberation) into actions. The owner is the person
 * mentioned (a participant by id), else the one who typed the line; the facilitators get ONE
 * summary of the whole batch, naming who typed what, instead of a message per action.
 */
export async function addActionsFor(
  services: Services,
  channel: Parameters<typeof networkId>[0],
  items: NewActionItem[],
  by: ChatUser,
  source?: ActionSource,
): Promise<{ number: number; title: string }[] | undefined> {
  const id = networkId(channel);
  const network = (await services.store.networks.get(id, id))?.data;
  if (!network || network.status === 'stopped') return undefined;
  const made: Logged[] = [];
  for (const item of items) {
    if (!item.title.trim()) continue;
    const author = item.author ?? by;
    const typed: string | ChatUser | undefined = item.ownerId ? { id: item.ownerId, name: item.owner ?? item.ownerId } : item.owner?.trim() || undefined;
    const owner = await resolveOwner(services, id, typed, author);
    const due = item.due ? readDate(services, network, item.due) : undefined;
    const { action } = await createAction(services, network, { title: item.title.trim(), owner, due }, author);
    made.push({ action, owner, author: item.author, unreadable: item.unreadableDue ?? (item.due && !due ? item.due : undefined) });
  }
  if (made.length) await tellFacilitatorsOnce(services, network, made, source);
  return made.map(({ action }) => ({ number: action.number, title: action.title }));
}

interface Logged {
  action: Action;
  owner: Owner;
  author?: { id: string; name: string };
  unreadable?: string;
}

/** One private summary per facilitator for a batch of actions, with a date picker where a date was unreadable. */
async function tellFacilitatorsOnce(services: Services, network: Network, made: Logged[], source?: ActionSource): Promise<void> {
  const t = services.catalog.translator(network.language);
  const bot = services.config.botName;
  const lines = made.map(({ action, owner, author, unreadable }) => {
    const parts = [
      t('actions.summary_line', { number: action.number, title: action.title, owner: owner.name, author: author?.name ?? t('actions.summary_anonymous') }),
      action.due ? t('actions.due_short', { date: formatDate(action.due, network.language) }) : undefined,
      !owner.member ? t(owner.id ? 'actions.summary_new_member' : 'actions.summary_not_member', { owner: owner.name }) : undefined,
      unreadable ? t('actions.summary_unreadable', { text: unreadable }) : undefined,
    ];
    return `- ${parts.filter(Boolean).join(' · ')}`;
  });
  const asks = made.filter((m) => m.unreadable);
  const message = cardMessage(
    card(
      { title: t('actions.summary_title', { network: network.name }) },
      text(t('actions.summary_intro', { count: made.length, source: source?.label ?? network.name })),
      text(lines.join('\n')),
      ...asks.flatMap(({ action }) => [
        input(`date_${action.number}`, t('actions.summary_pick_date', { number: action.number }), { kind: 'date' }),
        buttons(button(t('actions.button.set_date'), 'actions.later', { network: network.id, n: action.number, input: `date_${action.number}`, keep: true }, 'primary')),
      ]),
      made.some((m) => !m.owner.member) ? context(t('actions.summary_members_hint', { bot })) : undefined,
    ),
  );
  for (const facilitator of network.facilitators) {
    try {
      const sent = await services.messenger.sendDirect(network.platform, network.tenantId, facilitator, message);
      if (!sent.ok) services.log.warn({ network: network.id, actions: made.length, error: sent.error }, 'telling a facilitator about new actions failed');
    } catch (err) {
      services.log.warn({ network: network.id, actions: made.length, err: { message: (err as Error).message } }, 'telling a facilitator about new actions failed');
    }
  }
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

