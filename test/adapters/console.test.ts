/** The adapter contract on the console adapter: its JSON output lines, and a press sent back verbatim (script mode). */
import { ConsoleAdapter, toIncoming, type ConsoleOutput } from '../../adapters/console/index.ts';
import { CONSOLE_TENANT } from '../../adapters/console/console-adapter.ts';
import { adapterContract, type Delivered } from './contract.ts';

function delivered(out: ConsoleOutput): Delivered {
  const kind = out.update ? 'update' : out.private ? 'private' : out.dm ? 'direct' : out.thread ? 'thread' : 'post';
  return {
    kind,
    to: (out.dm || out.private ? out.to : out.channel) ?? '',
    thread: out.thread,
    messageId: out.id,
    visible: [out.text, out.card?.title, out.card?.body].filter(Boolean).join('\n'),
    buttons: out.card?.buttons.map((b) => ({ label: b.label })) ?? [],
    inputs: out.card?.inputs.map((i) => ({ id: i.id, kind: i.kind as 'text' | 'date' | 'select' })) ?? [],
    dividers: (out.card?.body.match(/^---$/gm) ?? []).length,
    raw: out,
  };
}

adapterContract(async () => {
  const outputs: ConsoleOutput[] = [];
  const adapter = new ConsoleAdapter((out) => outputs.push(out));
  return {
    name: 'console',
    adapter,
    channel: { platform: 'console', tenantId: CONSOLE_TENANT, channelId: 'netwerk', isDirect: false },
    user: { tenantId: CONSOLE_TENANT, userId: 'bram' },
    deliveries: async () => outputs.map(delivered),
    press: async (shown, index, fill) => {
      const out = shown.raw as ConsoleOutput;
      const pressed = out.card?.buttons[index];
      if (!pressed) return undefined;
      const inputs = Object.keys(fill).length ? { inputs: fill } : {};
      return toIncoming({ user: 'bram', channel: out.channel, action: { ...pressed.action, ...inputs } }, 'wegwijs').action;
    },
    close: async () => {},
  };
});
