/** Small helpers the peers feature's parts share: the network, its language and channel, its days. */
import { formatDate, localDate, networkId, type DeliveryResult, type Lang, type Network, type OutgoingMessage, type Services, type Translate, type Turn } from '../core/index.ts';

export async function readNetworkDoc(services: Services, id: string): Promise<Network | undefined> {
  return (await services.store.networks.get(id, id))?.data;
}

/**
 * Whether the person may act in a network a payload names: in the network's own channel, or as
 * its member or facilitator. The tenant is checked before (`networkFromValue`); this keeps a
 * colleague of the same tenant out of a network they are not in (a direct message can name any).
 */
export async function mayActIn(services: Services, turn: Turn, network: Network): Promise<boolean> {
  if (!turn.message.isDirect && networkId(turn.conversation) === network.id) return true;
  if (network.facilitators.includes(turn.user.id)) return true;
  return Boolean(await services.store.members.get(network.id, turn.user.id));
}

/** Texts for the network's channel: in the network's language, whoever pressed. */
export function networkText(services: Services, network: Network): Translate {
  return services.catalog.translator(network.language);
}

/** A day as people read it, in the network's time zone ("18 november 2026"). */
export function localDay(instant: Date, network: Network, lang: Lang): string {
  return formatDate(localDate(instant, network.timeZone), lang);
}

/**
 * Posts in the network's channel (or a thread of it) through the messenger. A channel the bot was
 * removed from (its reference forgotten or marked dead) is `conversation_gone`, never a crash.
 */
export async function sendToChannel(services: Services, network: Network, message: OutgoingMessage, threadId?: string): Promise<DeliveryResult> {
  const ref = await services.messenger.conversation(network.platform, network.tenantId, network.channelId);
  if (!ref || ref.dead) return { ok: false, error: 'conversation_gone', attempts: 0 };
  return services.messenger.post(ref, message, threadId);
}

export async function updateInChannel(services: Services, network: Network, messageId: string, message: OutgoingMessage): Promise<DeliveryResult> {
  const ref = await services.messenger.conversation(network.platform, network.tenantId, network.channelId);
  if (!ref || ref.dead) return { ok: false, error: 'conversation_gone', attempts: 0 };
  return services.messenger.update(ref, messageId, message);
}
