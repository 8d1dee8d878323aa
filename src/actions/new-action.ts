/** `wegwijs actie …`: a new action from a sentence or the form, shown as its card. */
import { button, buttons, card, cardMessage, escapeRegExp, fold, input, type Network, type Turn } from '../core/index.ts';
import { privacyNotice } from '../privacy/index.ts';
import { splitDue } from './due-date.ts';
import { cleanTitle } from './title.ts';
import { createAction, resolveOwner, type Owner } from './log.ts';
import { actions } from './model.ts';
import { actionCard } from './render.ts';
import { requireNetwork } from './network-guard.ts';
import { askDate, holidayNotice, ownerNotice, tellFacilitators } from './notices.ts';
import { updateCommand } from './update-command.ts';

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
    // Slack's own markup ("<@U123>", "<@U123|anna>") goes whole, so no "< >" is left in the title.
    const markup = new RegExp(`<@${escapeRegExp(m.id)}(?:\\|[^<>]*)?>`, 'iu');
    if (markup.test(body)) {
      body = body.replace(markup, ' ');
      continue;
    }
    const forms = [`@${m.id}`, m.name && `@${m.name}`, m.name].filter((f): f is string => Boolean(f));
    const found = forms.map((f) => new RegExp(`(?<![\\p{L}\\p{N}_@])${escapeRegExp(f)}(?![\\p{L}\\p{N}_])`, 'iu')).find((r) => r.test(body));
    if (found) body = body.replace(found, ' ');
  }
  body = cleanTitle(body);
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
  const holiday = holidayNotice(turn.t.bind(turn), turn.lang, services.config.botName, created.action.number, created.action.due, created.action.updatedAt.slice(0, 10));
  if (holiday) notes.push(holiday);
  if (notes.length) await turn.reply({ text: notes.join('\n') });
  if (unreadable) await turn.replyPrivately(askDate(turn, network, created.action.number, 'actions.date_unreadable', unreadable));
  if (!input.owner.member) await tellFacilitators(services, network, input.owner, created.action, turn.user, true);
}
