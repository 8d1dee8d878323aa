/**
 * The people's rights for the peers feature: what someone said they know, the questions they
 * asked of a network and the answers they gave (`wegwijs mijn gegevens`); `wegwijs vergeet mij`
 * removes their topics and takes their name and id off questions and answers (the network keeps
 * the redacted text, as it keeps a chat message). Only the subject's own tenant is read.
 */
import type { DataSubject, ExportView, ForgetCount, Services, UserDataSection } from '../core/index.ts';
import { tenantKey } from '../core/index.ts';
import { peers } from './records.ts';

const prefix = (s: DataSubject) => `${tenantKey(s)}:`;

async function tenantRecords(services: Services, subject: DataSubject) {
  const docs = await peers(services).list({ where: { type: 'knower' } });
  const questions = await peers(services).list({ where: { type: 'question' } });
  return [...docs, ...questions].filter((d) => d.pk.startsWith(prefix(subject)));
}

export async function exportPeersUser(services: Services, subject: DataSubject, { t }: ExportView): Promise<UserDataSection[]> {
  const lines: string[] = [];
  let count = 0;
  for (const { data } of await tenantRecords(services, subject)) {
    if (data.type === 'knower' && data.userId === subject.userId) {
      lines.push(t('peers.rights.knows', { tags: data.tags.join(', ') }));
      count++;
    }
    if (data.type !== 'question') continue;
    if (data.askerId === subject.userId) {
      lines.push(t('peers.rights.asked', { number: data.number, date: data.askedAt.slice(0, 10), text: data.text }));
      count++;
    }
    for (const a of data.answers.filter((a) => a.userId === subject.userId)) {
      lines.push(t('peers.rights.answered', { number: data.number, date: a.at.slice(0, 10), text: a.text }));
      count++;
    }
  }
  return lines.length ? [{ title: t('peers.rights.title'), lines, count }] : [];
}

export async function forgetPeersUser(services: Services, subject: DataSubject): Promise<ForgetCount[]> {
  let removed = 0;
  for (const doc of await tenantRecords(services, subject)) {
    if (doc.data.type === 'knower' && doc.data.userId === subject.userId) {
      if (await peers(services).delete(doc.pk, doc.id)) removed++;
      continue;
    }
    await peers(services).update(doc.pk, doc.id, (q) => {
      if (q?.type !== 'question') return undefined;
      const mine = q.askerId === subject.userId || q.answers.some((a) => a.userId === subject.userId) || q.tagged.some((p) => p.id === subject.userId);
      if (!mine) return undefined;
      removed++;
      return {
        ...q,
        ...(q.askerId === subject.userId ? { askerId: '', askerName: '', anonymous: true } : {}),
        answers: q.answers.map((a) => (a.userId === subject.userId ? { ...a, userId: '', name: '' } : a)),
        tagged: q.tagged.filter((p) => p.id !== subject.userId),
      };
    });
  }
  return [{ key: 'peers.rights.forget', count: removed }];
}
