/**
 * The "Actie loggen" modal of the global shortcut: the network (a choice when the person is in
 * more than one), what is to be done, who does it (`users_select`, the person by default) and by
 * when (`datepicker`). Its values are read back as the actions feature's form inputs.
 */
import type { types as SlackTypes } from '@slack/bolt';
import { z } from 'zod';
import { truncate, type Network, type Translate } from '../../src/core/index.ts';
import { modalText, SLACK_LIMITS } from './cards.ts';

export const LOG_ACTION_CALLBACK = 'wegwijs_log_action';
const Id = z.string().min(1).max(64);
const Metadata = z.object({ shortcut: z.literal('log_action'), ch: Id.optional() });

type View = SlackTypes.ModalView;
type Block = SlackTypes.KnownBlock;

/** The modal; with no network, a modal that says how to start one (and has no submit). */
export function logActionModal(t: Translate, networks: Network[], userId: string): View {
  const title = modalText(t('slack.shortcut.log_title'));
  if (!networks.length) {
    return { type: 'modal', callback_id: LOG_ACTION_CALLBACK, title, close: modalText(t('slack.shortcut.close')), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t('slack.shortcut.no_network') } }] };
  }
  const blocks: Block[] = [];
  if (networks.length > 1) {
    blocks.push({
      type: 'input',
      block_id: 'input:network',
      label: { type: 'plain_text', text: t('slack.shortcut.network') },
      element: {
        type: 'static_select',
        action_id: 'network',
        options: networks.slice(0, 100).map((n) => ({ text: { type: 'plain_text', text: truncate(n.name, 75) || n.channelId }, value: n.channelId })),
      },
    });
  }
  blocks.push(
    { type: 'input', block_id: 'input:title', label: { type: 'plain_text', text: t('actions.input.title') }, element: { type: 'plain_text_input', action_id: 'title', multiline: true, max_length: 3000 } },
    { type: 'input', block_id: 'input:owner', optional: true, label: { type: 'plain_text', text: t('actions.input.owner') }, element: { type: 'users_select', action_id: 'owner', initial_user: userId } },
    { type: 'input', block_id: 'input:due', optional: true, label: { type: 'plain_text', text: t('actions.input.due') }, element: { type: 'datepicker', action_id: 'due' } },
  );
  const metadata = JSON.stringify({ shortcut: 'log_action', ...(networks.length === 1 ? { ch: networks[0].channelId } : {}) });
  return {
    type: 'modal',
    callback_id: LOG_ACTION_CALLBACK,
    title,
    submit: modalText(t('actions.form.submit')),
    close: modalText(t('slack.shortcut.close')),
    private_metadata: metadata.slice(0, SLACK_LIMITS.privateMetadata),
    blocks,
  };
}

const State = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({ value: z.string().nullish(), selected_user: z.string().nullish(), selected_date: z.string().nullish(), selected_option: z.object({ value: z.string() }).nullish() }).passthrough(),
  ),
);

/** The submitted values: the network's channel, the title, the owner's user id, the date (YYYY-MM-DD). */
export function readLogAction(view: { private_metadata?: string; state?: { values?: unknown } }): { channelId?: string; title: string; ownerId?: string; due?: string } | undefined {
  let metadata: z.infer<typeof Metadata> | undefined;
  try {
    metadata = Metadata.safeParse(JSON.parse(view.private_metadata ?? '')).data;
  } catch {
    return undefined;
  }
  const state = State.safeParse(view.state?.values ?? {});
  if (!metadata || !state.success) return undefined;
  const field = (block: string, action: string) => state.data[`input:${block}`]?.[action];
  const title = (field('title', 'title')?.value ?? '').trim().slice(0, 4000);
  if (!title) return undefined;
  const channelId = field('network', 'network')?.selected_option?.value ?? metadata.ch;
  const ownerId = field('owner', 'owner')?.selected_user ?? undefined;
  const due = field('due', 'due')?.selected_date ?? undefined;
  return {
    title,
    ...(channelId && Id.safeParse(channelId).success ? { channelId } : {}),
    ...(ownerId && Id.safeParse(ownerId).success ? { ownerId } : {}),
    ...(due && /^\d{4}-\d{2}-\d{2}$/.test(due) ? { due } : {}),
  };
}
