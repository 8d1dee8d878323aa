/**
 * Reading and pressing the bot's Block Kit buttons in the fake Slack Web API, for end-to-end tests
 * that play people pressing buttons in channels and direct messages.
 */
import type { FakeSlack, SlackCall } from './fake-slack.ts';

export interface SlackButton {
  label: string;
  action_id: string;
  value: string;
  /** The message the button is on, and its conversation. */
  ts: string;
  channel: string;
}

/** The bot's posted and updated messages (after `since` calls). */
export const slackMessages = (fake: FakeSlack, since = 0) => fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
const tsOf = (c: SlackCall) => String(c.method === 'chat.update' ? c.args.ts : c.response.ts);

/** Every button of every message the bot posted or updated, the latest last. */
export function slackButtons(fake: FakeSlack): SlackButton[] {
  const out: SlackButton[] = [];
  for (const call of slackMessages(fake)) {
    for (const block of (call.args.blocks as { type: string; elements?: { type: string; action_id: string; value: string; text: { text: string } }[] }[] | undefined) ?? []) {
      if (block.type !== 'actions') continue;
      for (const e of block.elements ?? []) if (e.type === 'button') out.push({ label: e.text.text, action_id: e.action_id, value: e.value, ts: tsOf(call), channel: String(call.args.channel) });
    }
  }
  return out;
}

/** The latest button with this label (in this conversation, when given); fails naming the buttons there are. */
export function latestSlackButton(fake: FakeSlack, label: string, channel?: string): SlackButton {
  const all = slackButtons(fake);
  const found = [...all].reverse().find((b) => b.label === label && (!channel || b.channel === channel));
  if (!found) throw new Error(`no button "${label}"${channel ? ` in ${channel}` : ''} among ${[...new Set(all.map((b) => `${b.channel}:${b.label}`))].join(', ')}`);
  return found;
}

/** The block_actions payload Slack sends when `user` presses `button`, with the card's typed inputs. */
export function blockAction(user: string, button: SlackButton, options: { threadTs?: string; inputs?: Record<string, string>; team?: string } = {}): Record<string, unknown> {
  const team = options.team ?? 'T1';
  const values = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([id, value]) => [`input:${id}`, { [id]: { type: 'plain_text_input', value } }]));
  return {
    type: 'block_actions',
    team: { id: team, domain: 'netwerk' },
    user: { id: user, username: user.toLowerCase(), team_id: team },
    api_app_id: 'A1',
    trigger_id: `trigger-${user}-${Math.random().toString(36).slice(2)}`,
    container: { type: 'message', message_ts: button.ts, channel_id: button.channel, is_ephemeral: false, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    channel: { id: button.channel, name: button.channel.startsWith('D') ? 'directmessage' : 'netwerk' },
    message: { type: 'message', ts: button.ts, ...(options.threadTs ? { thread_ts: options.threadTs } : {}), text: '', user: `UBOT${team}` },
    ...(options.inputs ? { state: { values } } : {}),
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: '1' }],
  };
}
