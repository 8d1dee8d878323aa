/**
 * Reading and pressing the bot's Adaptive Card buttons in what the fake Bot Connector recorded,
 * for end-to-end tests that play people pressing buttons in a channel or a 1:1 chat. A press is
 * sent as Teams sends an Action.Execute: an `adaptiveCard/action` invoke with the button's data
 * and the card's inputs.
 */
import type { Recorded } from './fake-connector.ts';

export interface TeamsButton {
  title: string;
  data: { wegwijs: string; value?: Record<string, unknown> };
  /** The activity the button is on, and its conversation (without `;messageid=`). */
  card: string;
  conversation: string;
}

/** Every button (Action.Submit / Action.Execute data with a Wegwijs action) in what the bot sent. */
export function teamsButtons(sent: Recorded[]): TeamsButton[] {
  const out: TeamsButton[] = [];
  const walk = (node: unknown, card: string, conversation: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, card, conversation));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const data = o.data as TeamsButton['data'] | undefined;
    if (typeof o.title === 'string' && data && typeof data.wegwijs === 'string') out.push({ title: o.title, data, card, conversation });
    Object.values(o).forEach((v) => walk(v, card, conversation));
  };
  for (const r of sent) walk(r.body.attachments, r.responseId ?? r.activityId ?? '', (r.conversationId ?? '').split(';')[0]);
  return out;
}

export interface PressPlace {
  tenant: string;
  /** The channel of a channel card; a button in a 1:1 chat (`a:…`) is pressed there. */
  channel: string;
  /** The root of the channel's reply chain the card is in. */
  root?: string;
}

/** The invoke Teams sends when `user` presses `button` (with the card's typed `inputs`). */
export function cardPress(user: { id: string; name?: string; aadObjectId?: string }, button: TeamsButton, place: PressPlace, inputs: Record<string, string> = {}): Record<string, unknown> {
  const personal = button.conversation.startsWith('a:');
  const { tenant, channel, root } = place;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `inv-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    from: user,
    recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
    conversation: personal
      ? { id: button.conversation, conversationType: 'personal', tenantId: tenant }
      : { id: root ? `${channel};messageid=${root}` : channel, conversationType: 'channel', isGroup: true, tenantId: tenant },
    channelData: personal ? { tenant: { id: tenant } } : { tenant: { id: tenant }, channel: { id: channel } },
    replyToId: button.card || root,
    value: { action: { type: 'Action.Execute', verb: button.data.wegwijs, data: { ...button.data, ...inputs } }, trigger: 'manual' },
  };
}
