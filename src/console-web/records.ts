/**
 * What the console keeps, in the tenant's partition (`platform:tenant`): curators named by a
 * facilitator, and sessions that were signed out (until they would have expired anyway, so a
 * copied cookie is refused after sign-out). Links and sessions themselves are signed, not stored.
 */
import { z } from 'zod';
import { type DataSubject, type ExportView, type ForgetCount, type Services, type UserDataSection, tenantKey, entraLinksOf, forgetEntraLinks } from '../core/index.ts';
import { defineKind } from '../store/index.ts';

export const CONSOLE_KIND = defineKind('console', {
  owner: 'console-web',
  partition: 'tenant',
  about: 'curators named by a facilitator; signed-out console sessions (until they expire)',
});

const RecordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('curator'), userId: z.string(), at: z.string(), by: z.string() }),
  z.object({ type: z.literal('signed_out'), at: z.string() }),
]);

export const consoleRecords = (services: Pick<Services, 'store'>) => services.store.collection(CONSOLE_KIND, RecordSchema);
export const curatorKey = (userId: string) => `curator:${userId}`;
export const signedOutKey = (sessionId: string) => `out:${sessionId}`;

export async function exportConsoleUser(services: Services, subject: DataSubject, { t }: ExportView): Promise<UserDataSection[]> {
  const doc = await consoleRecords(services).get(tenantKey(subject), curatorKey(subject.userId));
  const lines = doc?.data.type === 'curator' ? [t('console_web.rights.curator', { date: doc.data.at.slice(0, 10) })] : [];
  // The Teams sign-in link (src/core/entra-link.ts): ids only, recorded when the person wrote to the bot.
  const links = subject.platform === 'teams' ? await entraLinksOf(services.store, subject.tenantId, subject.userId) : [];
  for (const link of links) lines.push(t('console_web.rights.teams_link', { oid: link.oid, date: link.at.slice(0, 10) }));
  return lines.length ? [{ title: t('console_web.rights.title'), lines, count: lines.length }] : [];
}

export async function forgetConsoleUser(services: Services, subject: DataSubject): Promise<ForgetCount[]> {
  const removed = await consoleRecords(services).delete(tenantKey(subject), curatorKey(subject.userId));
  const links = subject.platform === 'teams' ? await forgetEntraLinks(services.store, subject.tenantId, subject.userId) : 0;
  return [...(removed ? [{ key: 'console_web.rights.forgotten', count: 1 }] : []), ...(links ? [{ key: 'console_web.rights.teams_link_forgotten', count: links }] : [])];
}
