/**
 * The people's rights for deliberations. `wegwijs mijn gegevens`: the sessions of the tenant the
 * person led or joined, their named contributions and their ratings (anonymous notes are stored
 * without a link to anyone, so they cannot be shown or found). `wegwijs vergeet mij`: the
 * person's contributions become anonymous notes, their ratings and facilitator role keep the
 * session's report whole under "(verwijderd lid)", they leave the participant list, and their name
 * is taken out of others' notes, the synthesis and the agreed actions.
 */
import { type DataSubject, type ExportView, type ForgetCount, type UserDataSection, localDate, removedMemberLabel, scrubNames, tenantRecords } from '../core/index.ts';
import type { Ctx } from './context.ts';
import type { Session } from './session.ts';

const tenantSessions = (ctx: Ctx, subject: DataSubject) => tenantRecords(ctx.sessions, subject);

export async function exportDeliberateUser(ctx: Ctx, subject: DataSubject, { t }: ExportView): Promise<UserDataSection[]> {
  const lines: string[] = [];
  let count = 0;
  for (const { data: s } of await tenantSessions(ctx, subject)) {
    const day = (iso: string) => localDate(new Date(iso), s.timeZone);
    const where = s.channelName ? ` (${s.channelName})` : '';
    if (s.facilitator.id === subject.userId) lines.push(t('rights.deliberate.led', { code: s.code, where, date: day(s.createdAt) }));
    else if (s.participants.some((p) => p.id === subject.userId)) lines.push(t('rights.deliberate.joined', { code: s.code, where, date: day(s.createdAt) }));
    for (const c of s.contributions) {
      if (c.anonymous || c.userId !== subject.userId) continue;
      count++;
      lines.push(t('rights.deliberate.contribution', { code: s.code, step: c.step + 1, date: day(c.at), text: c.text }));
    }
    const dots = (s.votes ?? []).filter((v) => v.userId === subject.userId).length;
    if (dots) {
      count++;
      lines.push(t('deliberate.rights.dots', { code: s.code, n: dots }));
    }
    for (const r of s.ratings.filter((x) => x.userId === subject.userId)) {
      count++;
      lines.push(t('rights.deliberate.rating', { code: s.code, score: r.score, date: day(r.at) }));
    }
  }
  return lines.length ? [{ title: t('rights.deliberate.title'), lines, count }] : [];
}

export async function forgetDeliberateUser(ctx: Ctx, subject: DataSubject): Promise<ForgetCount[]> {
  const names = [subject.userId, ...subject.names];
  let contributions = 0;
  let sessions = 0;
  for (const doc of await tenantSessions(ctx, subject)) {
    const label = removedMemberLabel(ctx.services, doc.data.lang);
    const next = anonymise(doc.data, subject.userId, label, (value) => scrubNames(value, names, label));
    if (!next) continue;
    sessions++;
    contributions += doc.data.contributions.filter((c) => !c.anonymous && c.userId === subject.userId).length;
    await ctx.sessions.update(doc.pk, doc.id, (current) => (current ? anonymise(current, subject.userId, label, (value) => scrubNames(value, names, label)) : undefined));
  }
  return [
    { key: 'rights.deliberate.forget.contributions', count: contributions },
    { key: 'rights.deliberate.forget.sessions', count: sessions },
  ];
}

/** Stands in for a forgotten voter, so the tally keeps its dots. */
const FORGOTTEN = 'forgotten';

/** The session without the person, or undefined when nothing in it is theirs. Pure. */
function anonymise(s: Session, userId: string, label: string, scrub: (value: string) => string): Session | undefined {
  const next: Session = {
    ...s,
    facilitator: s.facilitator.id === userId ? { id: '', name: label } : s.facilitator,
    participants: s.participants.filter((p) => p.id !== userId),
    contributions: s.contributions.map((c) =>
      !c.anonymous && c.userId === userId
        ? { ...(c.id ? { id: c.id } : {}), step: c.step, anonymous: true, text: scrub(c.text), at: c.at, ...(c.blind ? { blind: true } : {}), ...(c.postedId ? { postedId: c.postedId } : {}) }
        : { ...c, text: scrub(c.text) },
    ),
    // Dots stay counted, without whose they were; leaving and hiding keep no id of the person.
    votes: s.votes?.map((v) => (v.userId === userId ? { ...v, userId: FORGOTTEN } : v)),
    removed: s.removed?.map((r) => (r.by === userId ? { ...r, by: '' } : r)),
    left: s.left?.filter((id) => id !== userId),
    ratings: s.ratings.map((r) => (r.userId === userId ? { ...r, userId: '', name: label } : r)),
    endedBy: s.endedBy === userId ? undefined : s.endedBy,
    synthesis: s.synthesis === undefined ? undefined : scrub(s.synthesis),
    actions: s.actions?.map((a) => ({ ...a, title: scrub(a.title) })),
  };
  if (JSON.stringify(next) === JSON.stringify(s)) return undefined;
  return { ...next, version: s.version + 1 };
}
