/** `wegwijs nudge voorbeeld`: what the weekly nudge would send now, and when the next one comes and why. */
import { type Turn, formatDate, formatInstant, localDate, nextNudge } from '../core/index.ts';
import { isFacilitator } from './model.ts';
import { composeNudge, readState } from './nudge.ts';
import { requireNetwork } from './network-guard.ts';

export async function previewCommand(turn: Turn): Promise<void> {
  const network = await requireNetwork(turn);
  if (!network) return;
  if (!isFacilitator(network, turn.user.id)) return void (await turn.replyPrivately({ text: turn.t('actions.error.facilitator_command') }));
  const { services } = turn;
  const now = services.clock.now();
  const composed = await composeNudge(services, network, now);
  const { next, passed } = nextNudge(network, now, turn.lang);
  const lines = [turn.t('actions.preview.intro'), '', composed.channel.text, '', '---'];
  if (composed.reminders.length) {
    lines.push(turn.t('actions.preview.dms', { count: composed.reminders.length }));
    for (const r of composed.reminders) lines.push('', `**→ ${r.member.name}**`, r.message.text);
  } else lines.push(turn.t('actions.preview.no_dms'));
  if (next?.at) {
    lines.push('', turn.t('actions.preview.next', { when: formatInstant(next.at, network.timeZone, turn.lang) }));
    // Why it is not simply the next slot: a skipped week or a pause before it, a holiday that moved it.
    const skipped = passed.find((p) => p.skipped);
    const date = skipped ? formatDate(localDate(skipped.slot, network.timeZone), turn.lang) : '';
    if (skipped?.skipped?.kind === 'skip') lines.push(turn.t('actions.preview.skipped', { date, from: formatDate(skipped.skipped.from, turn.lang), to: formatDate(skipped.skipped.to, turn.lang) }));
    else if (skipped?.skipped?.kind === 'paused') lines.push(turn.t('actions.preview.paused', { date }));
    for (const m of next.moved) lines.push(turn.t('actions.preview.moved', { date: formatDate(m.date, turn.lang), holiday: m.name }));
  }
  const state = await readState(services, network.id);
  const failure = state.failures[state.failures.length - 1];
  if (failure) lines.push(turn.t('actions.preview.failure', { when: formatInstant(new Date(failure.at), network.timeZone, turn.lang), target: failure.target, error: failure.error }));
  await turn.replyPrivately({ text: lines.join('\n') });
}
