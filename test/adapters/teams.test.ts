/**
 * The adapter contract on the Teams adapter: the real adapter (mounted by the real server, local
 * mode) sends through the Agents SDK's connector client to the fake Bot Connector; a press is the
 * activity Teams sends for an Adaptive Card `Action.Submit` (the button's data with the inputs'
 * values), read by the adapter's own `actionOf`.
 */
import { actionOf } from '../../adapters/teams/incoming.ts';
import type { TeamsActivity } from '../../adapters/teams/incoming.ts';
import { channelMention, FakeConnector, personalMessage, type Recorded } from '../teams/fake-connector.ts';
import { startTeamsBot } from '../teams/server.ts';
import { adapterContract, objectsWhere, stringsUnder, type Delivered } from './contract.ts';

const TENANT = 'tenant-contract';
const CHANNEL = '19:contract@thread.tacv2';
const VISIBLE_KEYS = new Set(['text', 'title', 'value']);
const INPUT_KINDS: Record<string, Delivered['inputs'][number]['kind']> = { 'Input.Text': 'text', 'Input.Date': 'date', 'Input.ChoiceSet': 'select' };
const isButton = (o: Record<string, unknown>) => o.type === 'Action.Submit' || o.type === 'Action.Execute';

function delivered(r: Recorded, dmMembers: Map<string, string>): Delivered {
  const conversation = r.conversationId ?? '';
  const [base, root] = conversation.split(';messageid=');
  const attachments = (r.body.attachments as unknown[]) ?? [];
  const kind = r.method === 'PUT' ? 'update' : dmMembers.has(base) ? 'direct' : root ? 'thread' : 'post';
  return {
    kind,
    to: kind === 'direct' ? dmMembers.get(base)! : base,
    thread: root,
    messageId: kind === 'update' ? r.activityId : r.responseId,
    visible: [String(r.body.text ?? ''), ...stringsUnder(attachments, VISIBLE_KEYS)].join('\n'),
    buttons: objectsWhere(attachments, isButton).map((b) => ({ label: String(b.title) })),
    inputs: objectsWhere(attachments, (o) => typeof o.type === 'string' && o.type in INPUT_KINDS).map((i) => ({ id: String(i.id), kind: INPUT_KINDS[String(i.type)] })),
    dividers: objectsWhere(attachments, (o) => o.separator === true).length,
    raw: { attachments, messageId: r.responseId, bytes: Buffer.byteLength(JSON.stringify(r.body)) },
  };
}

adapterContract(async () => {
  const connector = await new FakeConnector().start();
  const bot = await startTeamsBot({ localMode: true });
  // The bot learns the channel and the person (their conversation references) when they write.
  const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna de Boer' };
  await connector.deliver(bot.url, personalMessage({ tenant: TENANT, user: anna }, 'help'));
  await connector.deliver(bot.url, channelMention({ tenant: TENANT, user: anna, channel: CHANNEL }, 'help'));
  const known = await bot.app.store.conversations.list({ pk: `teams:${TENANT}` });
  const channel = known.find((d) => !d.data.isDirect)!.data;
  const direct = known.find((d) => d.data.isDirect)!.data;
  const adapter = bot.app.services.messenger.adapterFor('teams')!;
  return {
    name: 'teams',
    adapter,
    channel: { platform: 'teams', tenantId: TENANT, channelId: channel.channelId, isDirect: false, platformRef: channel.platformRef },
    user: { tenantId: TENANT, userId: direct.userId! },
    capabilities: { ephemeral: false },
    deliveries: async () => {
      const dmMembers = new Map<string, string>();
      for (const r of connector.requests) {
        if (r.method === 'POST' && r.path === '/v3/conversations' && r.responseId) {
          const member = (r.body.members as { id: string; aadObjectId?: string }[] | undefined)?.[0];
          if (member) dmMembers.set(r.responseId, member.aadObjectId ?? member.id);
        }
      }
      for (const d of known.filter((k) => k.data.isDirect)) dmMembers.set(d.data.channelId, d.data.userId!);
      return connector.sent.map((r) => delivered(r, dmMembers));
    },
    // A Universal Actions card: the refresh Teams sends when this person views it, answered with their card.
    viewAs: async (shown, userId) => {
      const { attachments, messageId } = shown.raw as { attachments: { content: { refresh?: { action: { verb: string; data: unknown } } } }[]; messageId?: string };
      const refresh = attachments[0]?.content.refresh;
      if (!refresh) return shown;
      const invoke = {
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `refresh-${userId}-${messageId}`,
        channelId: 'msteams',
        from: { id: userId, name: userId },
        recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
        conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        replyToId: messageId,
        value: { action: { type: 'Action.Execute', verb: refresh.action.verb, data: refresh.action.data }, trigger: 'automatic' },
      };
      const response = (await connector.deliver(bot.url, invoke)).body as { type?: string; value?: unknown };
      if (response.type !== 'application/vnd.microsoft.card.adaptive') return undefined;
      const card = [{ content: response.value }];
      return { ...shown, buttons: objectsWhere(card, isButton).map((b) => ({ label: String(b.title) })), raw: { attachments: card, messageId } };
    },
    press: async (shown, index, fill) => {
      const { attachments, messageId } = shown.raw as { attachments: unknown[]; messageId?: string };
      const pressed = objectsWhere(attachments, isButton)[index] as { data?: Record<string, unknown> } | undefined;
      if (!pressed) return undefined;
      const activity = { type: 'message', value: { ...pressed.data, ...fill }, replyToId: messageId } as unknown as TeamsActivity;
      return actionOf(activity);
    },
    // Teams refuses a message over about 28 KB (text, card and entities together).
    overLimits: (shown) => {
      const { bytes } = shown.raw as { bytes: number };
      return bytes > 28 * 1024 ? [`${bytes} bytes`] : [];
    },
    close: async () => {
      await bot.close();
      await connector.close();
    },
  };
});
