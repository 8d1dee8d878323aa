/**
 * The adapter contract on the Slack adapter: the real adapter (mounted by the real server) posts
 * through the Web API client to the fake Slack Web API; a press is Slack's block_actions payload
 * built from the delivered blocks (their action and block ids, the inputs' state), read by the
 * adapter's own `fromBlockAction`.
 */
import { SLACK_LIMITS, type SlackStateValue } from '../../adapters/slack/cards.ts';
import { fromBlockAction } from '../../adapters/slack/incoming.ts';
import { startFakeSlack, type SlackCall } from '../slack/fake-slack.ts';
import { startSlackServer } from '../slack/slack-helpers.ts';
import { adapterContract, objectsWhere, stringsUnder, type Delivered } from './contract.ts';

const TEXT_KEYS = new Set(['text']);
const INPUT_KINDS: Record<string, Delivered['inputs'][number]['kind']> = { plain_text_input: 'text', datepicker: 'date', static_select: 'select' };

function delivered(call: SlackCall, dmUsers: Map<string, string>): Delivered | undefined {
  const { args } = call;
  const channel = String(args.channel);
  const blocks = args.blocks ? (typeof args.blocks === 'string' ? JSON.parse(args.blocks) : args.blocks) : [];
  const kind =
    call.method === 'chat.update' ? 'update' : call.method === 'chat.postEphemeral' ? 'private' : dmUsers.has(channel) ? 'direct' : args.thread_ts ? 'thread' : 'post';
  if (!['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(call.method)) return undefined;
  return {
    kind,
    to: kind === 'private' ? String(args.user) : kind === 'direct' ? dmUsers.get(channel)! : channel,
    thread: args.thread_ts as string | undefined,
    messageId: kind === 'update' ? String(args.ts) : String(call.response.ts ?? call.response.message_ts ?? ''),
    visible: [blocks.length ? '' : String(args.text ?? ''), ...stringsUnder(blocks, TEXT_KEYS)].join('\n'),
    buttons: objectsWhere(blocks, (o) => o.type === 'button').map((b) => ({ label: String((b.text as { text: string }).text) })),
    inputs: objectsWhere(blocks, (o) => o.type === 'input').map((b) => {
      const element = b.element as { type: string; action_id: string };
      return { id: element.action_id, kind: INPUT_KINDS[element.type] };
    }),
    dividers: objectsWhere(blocks, (o) => o.type === 'divider').length,
    raw: { channel, ts: call.response.ts, blocks, text: String(args.text ?? '') },
  };
}

adapterContract(async () => {
  const fake = await startFakeSlack();
  const slack = await startSlackServer(fake);
  const adapter = slack.app.services.messenger.adapterFor('slack')!;
  return {
    name: 'slack',
    adapter,
    channel: { platform: 'slack', tenantId: 'T1', channelId: 'C0NETWERK', isDirect: false },
    user: { tenantId: 'T1', userId: 'UBRAM' },
    deliveries: async () => {
      const dmUsers = new Map(fake.of('conversations.open').map((c) => [String(c.response.channel && (c.response.channel as { id: string }).id), String(c.args.users)]));
      return fake.calls.flatMap((call) => delivered(call, dmUsers) ?? []);
    },
    press: async (shown, index, fill) => {
      const { channel, ts, blocks } = shown.raw as { channel: string; ts: string; blocks: unknown[] };
      const pressed = objectsWhere(blocks, (o) => o.type === 'button')[index] as { action_id: string; value?: string } | undefined;
      if (!pressed) return undefined;
      const values: Record<string, Record<string, SlackStateValue>> = {};
      for (const block of objectsWhere(blocks, (o) => o.type === 'input')) {
        const element = block.element as { type: string; action_id: string };
        const typed = fill[element.action_id];
        if (typed === undefined) continue;
        const state: SlackStateValue =
          element.type === 'datepicker' ? { type: element.type, selected_date: typed } : element.type === 'static_select' ? { type: element.type, selected_option: { value: typed } } : { type: element.type, value: typed };
        values[String(block.block_id)] = { [element.action_id]: state };
      }
      const body = { channel: { id: channel }, message: { ts }, container: { type: 'message', message_ts: ts, channel_id: channel }, state: { values } };
      return fromBlockAction(body, { action_id: pressed.action_id, value: pressed.value }, { tenantId: 'T1', user: { id: 'UBRAM', name: 'Bram' } })?.action;
    },
    // Slack refuses messages over these (https://docs.slack.dev/reference/block-kit/blocks).
    overLimits: (shown) => {
      const { blocks, text } = shown.raw as { blocks: { type: string; elements?: unknown[] }[]; text: string };
      const problems: string[] = [];
      if (blocks.length > SLACK_LIMITS.blocksPerMessage) problems.push(`${blocks.length} blocks`);
      for (const b of blocks) if (b.type === 'actions' && (b.elements?.length ?? 0) > SLACK_LIMITS.elementsPerActions) problems.push(`${b.elements!.length} elements in one actions block`);
      if (text.length > 40_000) problems.push(`text of ${text.length} characters`);
      return problems;
    },
    close: async () => {
      await slack.close();
      await fake.close();
    },
  };
});
