/**
 * When the weekly nudge is due, and sending it exactly once. The slot is the latest scheduled
 * time (croner, in the network's time zone, so 09:00 stays 09:00 across DST) at or before now;
 * a slot older than the catch-up window is skipped, so a bot that was down for weeks sends one
 * nudge on return, not one per missed week. The claim in the store, keyed by network and week,
 * is taken before sending: a second process or a restart finds it taken.
 */
import { type ConversationRef, type Services, dueNudge, isoWeekKey, nextNudge, localDate } from '../core/index.ts';
import type { Network } from '../core/index.ts';
import { composeNudge, nudgeStates, NudgeStateSchema, STATE_ID } from './nudge.ts';
import { recordPair, type PairHistory } from './pairs.ts';

/** Claims outlive any catch-up window, so a late process never sends a week again. */
const CLAIM_TTL_SECONDS = 35 * 86_400;

/**
 * The slot whose nudge should be sent now, or undefined: the network's calendar decides (a slot on
 * a public holiday is sent on the next working day, a skipped week or a pause sends nothing).
 */
export function dueSlot(network: Network, now: Date, catchUpHours: number): Date | undefined {
  return dueNudge(network, now, catchUpHours)?.slot;
}

export function weekKey(network: Network, slot: Date): string {
  return isoWeekKey(localDate(slot, network.timeZone));
}

/** Runs every network's due nudge; one failing network does not stop the others. */
export async function runDueNudges(services: Services, now: Date): Promise<void> {
  const networks = await services.store.networks.list();
  for (const doc of networks) {
    const network = doc.data;
    const slot = dueSlot(network, now, services.config.nudgeCatchUpHours);
    if (!slot) continue;
    const week = weekKey(network, slot);
    const claimed = await services.store.claimOnce('nudge', `${network.id}:${week}`, CLAIM_TTL_SECONDS);
    if (!claimed) continue;
    try {
      await sendNudge(services, network, now, week);
    } catch (err) {
      services.log.error({ network: network.id, week, err: { message: (err as Error).message } }, 'nudge failed');
      await recordFailure(services, network, now, 'channel', 'nudge_failed');
    }
  }
}

async function sendNudge(services: Services, network: Network, now: Date, week: string): Promise<void> {
  const composed = await composeNudge(services, network, now);
  const ref: ConversationRef = (await services.messenger.conversation(network.platform, network.tenantId, network.channelId)) ?? {
    platform: network.platform,
    tenantId: network.tenantId,
    channelId: network.channelId,
    isDirect: false,
  };
  const failures: { target: string; error: string }[] = [];
  const posted = await services.messenger.post(ref, composed.channel);
  if (!posted.ok) failures.push({ target: 'channel', error: posted.error ?? 'delivery_failed' });
  for (const reminder of composed.reminders) {
    const sent = await services.messenger.sendDirect(network.platform, network.tenantId, reminder.member.userId, reminder.message);
    if (!sent.ok) failures.push({ target: `dm:${reminder.member.userId}`, error: sent.error ?? 'delivery_failed' });
  }
  const at = now.toISOString();
  await nudgeStates(services).update(network.id, STATE_ID, (current) => {
    const state = current ?? NudgeStateSchema.parse({});
    return {
      ...state,
      lastNudgeAt: at,
      lastWeek: week,
      streak: composed.streak,
      pairs: recordPair(state.pairs as PairHistory, composed.pair),
      failures: [...state.failures, ...failures.map((f) => ({ ...f, at }))].slice(-10),
      // The card's frame and id: updates given on it re-render this card in place.
      card: { ...composed.frame, messageId: posted.ok ? posted.messageId : undefined },
      deliveryIssue: failures.length ? { at, target: failures[0].target, error: failures[0].error, count: failures.length } : undefined,
    };
  });
  services.log.info({ network: network.id, week, reminders: composed.reminders.length, failures: failures.length }, 'nudge sent');
}

async function recordFailure(services: Services, network: Network, now: Date, target: string, error: string): Promise<void> {
  const at = now.toISOString();
  await nudgeStates(services).update(network.id, STATE_ID, (current) => {
    const state = current ?? NudgeStateSchema.parse({});
    return { ...state, failures: [...state.failures, { at, target, error }].slice(-10), deliveryIssue: { at, target, error, count: 1 } };
  });
}

/** When the next nudge is really sent (after holidays, skipped weeks and a pause), for the settings and the preview. */
export function nextSlot(network: Network, now: Date): Date | undefined {
  return nextNudge(network, now).next?.at;
}
