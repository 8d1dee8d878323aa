/**
 * One reminder for an open question after two working days (Monday to Friday, Dutch public
 * holidays not counted, in the network's time zone), in the question's thread, tagging the same
 * people. Claimed in the store first, so several instances send it once. A paused or stopped
 * network gets no reminders; a channel the bot was removed from is told to the asker once.
 */
import { addDays, localDate, localInstant, localParts, publicHoliday, type Services } from '../core/index.ts';
import { withMentions } from './cards.ts';
import { openQuestions, peers, questionKey, threadKey, type NetworkQuestion } from './records.ts';
import { networkText, readNetworkDoc, sendToChannel } from './shared.ts';
import { mention, type Network } from '../core/index.ts';

export const REMINDER_WORKING_DAYS = 2;
const CLAIM_TTL_SECONDS = 60 * 86_400;

const isWorkingDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHoliday(date);
};

/** When an open question is reminded: the same local time, `days` working days after it was asked. */
export function reminderDue(askedAt: Date, timeZone: string, days = REMINDER_WORKING_DAYS): Date {
  let date = localDate(askedAt, timeZone);
  for (let left = days; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  const { hour, minute } = localParts(askedAt, timeZone);
  return localInstant(date, hour, minute, timeZone);
}

export async function remindOpenQuestions(services: Services, now: Date): Promise<void> {
  const networks = new Map<string, Network | undefined>();
  for (const question of await openQuestions(services)) {
    if (question.remindedAt || !question.messageId) continue;
    if (!networks.has(question.networkId)) networks.set(question.networkId, await readNetworkDoc(services, question.networkId));
    const network = networks.get(question.networkId);
    if (!network || network.status !== 'active') continue;
    if (reminderDue(new Date(question.askedAt), network.timeZone) > now) continue;
    if (!(await services.store.claimOnce('peers-reminder', `${network.id}:${question.number}`, CLAIM_TTL_SECONDS))) continue;
    await remind(services, network, question, now);
  }
}

async function remind(services: Services, network: Network, question: NetworkQuestion, now: Date): Promise<void> {
  const nt = networkText(services, network);
  const names = question.tagged.map(mention).join(' ');
  const message = withMentions({ text: names ? nt('peers.reminder.tagged', { names, number: question.number, count: question.tagged.length }) : nt('peers.reminder.untagged', { number: question.number }) }, question.tagged);
  const sent = await sendToChannel(services, network, message, question.messageId);
  await peers(services).update(network.id, questionKey(question.number), (current) => (current?.type === 'question' ? { ...current, remindedAt: now.toISOString() } : undefined));
  services.log.info({ network: network.id, number: question.number, ok: sent.ok, error: sent.error }, 'peers: reminder');
  if (!sent.ok && sent.error === 'conversation_gone') {
    const t = services.catalog.translator(question.lang);
    await services.messenger.sendDirect(network.platform, network.tenantId, question.askerId, { text: t('peers.reminder.channel_gone', { number: question.number, network: network.name }) });
  }
}

/**
 * Resolved questions (with the names of who asked and answered) are kept as long as other questions
 * (`WEGWIJS_RETENTION_DAYS` after they were resolved), then deleted, once a day across instances.
 * Drafts keep only the redacted text, without names, for the curators.
 */
export async function forgetOldQuestions(services: Services, now: Date): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  if (!(await services.store.claimOnce('peers-retention', day, 3 * 86_400))) return 0;
  const cutoff = new Date(now.getTime() - services.config.retentionDays * 86_400_000).toISOString();
  let deleted = 0;
  for (const doc of await peers(services).list({ where: { type: 'question', status: 'resolved' } })) {
    const q = doc.data;
    if (q.type !== 'question' || !q.resolvedAt || q.resolvedAt >= cutoff) continue;
    if (await peers(services).delete(doc.pk, doc.id)) deleted++;
    if (q.messageId) await peers(services).delete(doc.pk, threadKey(q.messageId));
  }
  if (deleted) services.log.info({ code: 'peers_retention', deleted }, 'peers: old resolved questions deleted');
  return deleted;
}
