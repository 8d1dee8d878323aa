/** The network of the channel a command was typed in, or a friendly explanation of how to start one. */
import type { Network, Turn } from '../core/index.ts';

export async function requireNetwork(turn: Turn, options: { allowStopped?: boolean } = {}): Promise<Network | undefined> {
  const network = turn.message.isDirect ? undefined : (await turn.network())?.data;
  if (network && (network.status !== 'stopped' || options.allowStopped)) return network;
  const key = turn.message.isDirect ? 'actions.not_network_dm' : network ? 'actions.network_stopped' : 'actions.not_network';
  await turn.reply({ text: turn.t(key, { bot: turn.services.config.botName }) });
  return undefined;
}
