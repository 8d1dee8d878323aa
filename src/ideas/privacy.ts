/**
 * The people's rights for idea sessions. `wegwijs mijn gegevens`: the sessions of the tenant the
 * person led or joined and the ideas they wrote. `wegwijs vergeet mij`: their ideas and scores stay
 * (the group's report stays whole) but no longer point at them, and they leave the lists.
 */
import { type DataSubject, type ExportView, type ForgetCount, type UserDataSection, localDate, removedMemberLabel, tenantRecords } from '../core/index.ts';
import type { Ctx } from './context.ts';
import type { IdeaSession } from './session.ts';

const tenantSessions = (ctx: Ctx, subject: DataSubject) => tenantRecords(ctx.sessions, subject);

export async function exportIdeasUser(ctx: Ctx, subject: DataSubject, { t }: ExportView): Promise<UserDataSection[]> {
  const lines: string[] = [];
  let count = 0;
  for (const { data: s } of await tenantSessions(ctx, subject)) {
    const date = localDate(new Date(s.createdAt), s.timeZone);
    const led = s.facilitator.id === subject.userId;
    if (led || s.participants.some((p) => p.id === subject.userId)) lines.push(t(led ? 'ideas.rights.led' : 'ideas.rights.joined', { code: s.code, date }));
    for (const idea of s.ideas.filter((i) => i.by === subject.userId)) {
      count++;
      lines.push(t('ideas.rights.idea', { code: s.code, text: idea.text }));
    }
  }
  return lines.length ? [{ title: t('ideas.rights.title'), lines, count }] : [];
}

export async function forgetIdeasUser(ctx: Ctx, subject: DataSubject): Promise<ForgetCount[]> {
  let ideas = 0;
  for (const doc of await tenantSessions(ctx, subject)) {
    const label = removedMemberLabel(ctx.services, doc.data.lang);
    if (!anonymise(doc.data, subject.userId, label)) continue;
    ideas += doc.data.ideas.filter((i) => i.by === subject.userId).length;
    await ctx.sessions.update(doc.pk, doc.id, (current) => (current ? anonymise(current, subject.userId, label) : undefined));
  }
  return [{ key: 'ideas.rights.forget', count: ideas }];
}

/** The session without the person, or undefined when nothing in it is theirs. Pure. */
function anonymise(s: IdeaSession, userId: string, label: string): IdeaSession | undefined {
  const mine = (id: string) => id === userId;
  if (!mine(s.facilitator.id) && !s.participants.some((p) => mine(p.id)) && !s.ideas.some((i) => mine(i.by)) && !s.scores.some((x) => mine(x.by))) return undefined;
  return {
    ...s,
    facilitator: mine(s.facilitator.id) ? { id: '', name: label } : s.facilitator,
    participants: s.participants.filter((p) => !mine(p.id)),
    ideas: s.ideas.map((i) => (mine(i.by) ? { ...i, by: '' } : i)),
    scores: s.scores.map((x) => (mine(x.by) ? { ...x, by: `removed-${s.scores.indexOf(x)}` } : x)),
    version: s.version + 1,
  };
}
