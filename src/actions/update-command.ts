/** `wegwijs actie <nr> klaar | voortgang … | vast … | later … | …`: changing an action in words. */
import { fold, type Network, type Turn } from '../core/index.ts';
import { privacyNotice, type Redaction } from '../privacy/index.ts';
import { changeAction, readDate, resolveOwner, type Change, type ChangeResult } from './log.ts';
import { actions } from './model.ts';
import { actionCard, dueText } from './render.ts';
import { askDate, holidayNotice, ownerNotice } from './notices.ts';

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

export async function updateCommand(turn: Turn, network: Network, number: number, rest: string): Promise<void> {
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
  const lines = [turn.t(key, { number: a.number, title: a.title, owner: a.ownerName, date: dueText(a, turn.lang) })];
  const privacy = result.redaction && privacyNotice(result.redaction as Redaction, turn.t.bind(turn));
  if (privacy) lines.push(privacy);
  const holiday = change.kind === 'later' && holidayNotice(turn.t.bind(turn), turn.lang, turn.services.config.botName, a.number, a.due, a.updatedAt.slice(0, 10));
  if (holiday) lines.push(holiday);
  if (change.kind === 'owner' && !change.owner.member) lines.push(await ownerNotice(turn, network, change.owner, a));
  // Only facilitators reassign, so the line above tells them; no private message is needed.
  await turn.reply({ text: lines.join('\n') });
}
