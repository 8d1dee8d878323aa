/**
 * What the ask feature stores, all in the tenant's partition (`<platform>:<tenant>`), always
 * redacted text only:
 * - kind 'question', type 'gap': a question that was not answered or was voted down, with counts
 *   (`wegwijs kb gaps` lists them, most frequent first);
 * - kind 'question', type 'asked': a recently answered question (expires), so a later 👎 can add it
 *   to the gaps;
 * - kind 'question', type 'thread': the earlier question of a thread (expires), for follow-ups;
 * - kind 'feedback': one 👍/👎 per user and answer, with the reason.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type DataSubject, type ExportView, type ForgetCount, type UserDataSection, fold, tenantKey } from '../core/index.ts';
import { defineKind } from '../store/index.ts';
import type { WegwijsStore as Store } from '../core/index.ts';

export const ASKED_TTL_SECONDS = 14 * 24 * 3600;
export const THREAD_TTL_SECONDS = 7 * 24 * 3600;

export const FEEDBACK_REASONS = ['wrong', 'incomplete', 'outdated', 'not_my_question'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const QuestionRecordSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('gap'),
    text: z.string(),
    lang: z.enum(['nl', 'en']),
    count: z.number().int(),
    unanswered: z.number().int(),
    down: z.number().int(),
    reasons: z.record(z.string(), z.number().int()).default({}),
    refusal: z.string().optional(),
    cards: z.array(z.string()).default([]),
    firstAt: z.string(),
    lastAt: z.string(),
  }),
  z.object({ type: z.literal('asked'), text: z.string(), lang: z.enum(['nl', 'en']), cards: z.array(z.string()), at: z.string() }),
  z.object({ type: z.literal('thread'), text: z.string(), lang: z.enum(['nl', 'en']), at: z.string() }),
]);
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;
export type GapRecord = Extract<QuestionRecord, { type: 'gap' }>;

export const FeedbackSchema = z.object({
  questionId: z.string(),
  card: z.string().optional(),
  vote: z.enum(['up', 'down']),
  reason: z.enum(FEEDBACK_REASONS).optional(),
  userId: z.string(),
  at: z.string(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const QUESTION_KIND = defineKind('question', { owner: 'ask', partition: 'tenant', about: 'redacted questions: gaps for curators, recent answers, thread context' });
export const FEEDBACK_KIND = defineKind('feedback', { owner: 'ask', partition: 'tenant', about: 'one vote per person and answer, with the reason' });

export const questions = (store: Store) => store.collection(QUESTION_KIND, QuestionRecordSchema);
export const feedback = (store: Store) => store.collection(FEEDBACK_KIND, FeedbackSchema);

/** The same question (case, accents, punctuation aside) gets the same id, so counts add up. */
export function questionId(redactedText: string): string {
  const key = fold(redactedText).replace(/[^\p{L}\p{N}[\]]+/gu, ' ').trim();
  return `q-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

export function threadKey(channelId: string, threadId: string): string {
  return `t-${createHash('sha256').update(`${channelId}\n${threadId}`).digest('hex').slice(0, 24)}`;
}

/** Adds one to a gap (creating it), for an unanswered question or a 👎. */
export async function recordGap(
  store: Store,
  pk: string,
  entry: { text: string; lang: 'nl' | 'en'; refusal?: string; cards?: string[]; down?: boolean; reason?: FeedbackReason; at: string },
): Promise<void> {
  await questions(store).update(pk, `gap-${questionId(entry.text)}`, (current) => {
    const gap: GapRecord =
      current?.type === 'gap'
        ? current
        : { type: 'gap', text: entry.text, lang: entry.lang, count: 0, unanswered: 0, down: 0, reasons: {}, cards: [], firstAt: entry.at, lastAt: entry.at };
    gap.count += 1;
    if (entry.down) gap.down += 1;
    else gap.unanswered += 1;
    if (entry.reason) gap.reasons[entry.reason] = (gap.reasons[entry.reason] ?? 0) + 1;
    if (entry.refusal) gap.refusal = entry.refusal;
    if (entry.cards?.length) gap.cards = entry.cards;
    gap.lastAt = entry.at;
    return gap;
  });
}

/** All gaps, the same question from several tenants merged, most frequent first (for `wegwijs kb gaps`). */
export async function listGaps(store: Store): Promise<GapRecord[]> {
  const docs = await questions(store).list({ where: { type: 'gap' } });
  const merged = new Map<string, GapRecord>();
  for (const { data } of docs) {
    if (data.type !== 'gap') continue;
    const key = questionId(data.text);
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, structuredClone(data));
      continue;
    }
    seen.count += data.count;
    seen.unanswered += data.unanswered;
    seen.down += data.down;
    for (const [reason, n] of Object.entries(data.reasons)) seen.reasons[reason] = (seen.reasons[reason] ?? 0) + n;
    if (data.lastAt > seen.lastAt) seen.lastAt = data.lastAt;
    if (data.firstAt < seen.firstAt) seen.firstAt = data.firstAt;
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}

/**
 * The people's rights (AVG). Questions are kept without a user id, so the only records linked to
 * a person are their feedback (one per answer they voted on) and the follow-up context of their
 * direct conversation (the thread key of the DM, as `threadOf` in feature.ts makes it).
 */
const DM_THREAD = 'dm';

async function directThreadKeys(store: Store, subject: DataSubject): Promise<string[]> {
  const pk = tenantKey(subject);
  const direct = await store.conversations.list({ pk, where: { isDirect: true, userId: subject.userId } });
  return direct.map((d) => threadKey(d.id, DM_THREAD));
}

async function feedbackOf(store: Store, subject: DataSubject) {
  const pk = tenantKey(subject);
  return (await feedback(store).list({ pk, where: { userId: subject.userId } })).filter((d) => d.data.userId === subject.userId);
}

export async function exportAskUser(store: Store, subject: DataSubject, { t }: ExportView): Promise<UserDataSection[]> {
  const pk = tenantKey(subject);
  const sections: UserDataSection[] = [];
  const votes = await feedbackOf(store, subject);
  const lines: string[] = [];
  for (const { data } of votes.sort((a, b) => a.data.at.localeCompare(b.data.at))) {
    const asked = (await questions(store).get(pk, data.questionId))?.data;
    lines.push(
      t('rights.ask.vote', {
        date: data.at.slice(0, 10),
        vote: t(data.vote === 'up' ? 'rights.ask.up' : 'rights.ask.down'),
        reason: data.reason ? ` (${t(`ask.reason.${data.reason}`)})` : '',
        question: asked && asked.type !== 'gap' ? asked.text : t('rights.ask.question_gone'),
      }),
    );
  }
  if (lines.length) sections.push({ title: t('rights.ask.feedback_title'), lines, count: votes.length });
  const kept: string[] = [];
  for (const key of await directThreadKeys(store, subject)) {
    const record = (await questions(store).get(pk, key))?.data;
    if (record?.type === 'thread') kept.push(t('rights.ask.thread', { date: record.at.slice(0, 10), text: record.text }));
  }
  if (kept.length) sections.push({ title: t('rights.ask.questions_title'), lines: kept, count: kept.length });
  return sections;
}

export async function forgetAskUser(store: Store, subject: DataSubject): Promise<ForgetCount[]> {
  const pk = tenantKey(subject);
  let votes = 0;
  for (const doc of await feedbackOf(store, subject)) {
    // A 👎 also counted in a gap (`gap-<question id>`): take it out of the counts, and the gap goes
    // when it was theirs alone.
    if (doc.data.vote === 'down') await uncountDown(store, pk, doc.data);
    if (await feedback(store).delete(pk, doc.id)) votes++;
  }
  let kept = 0;
  for (const key of await directThreadKeys(store, subject)) if (await questions(store).delete(pk, key)) kept++;
  return [
    { key: 'rights.ask.forget.feedback', count: votes },
    { key: 'rights.ask.forget.questions', count: kept },
  ];
}

async function uncountDown(store: Store, pk: string, vote: Feedback): Promise<void> {
  const id = `gap-${vote.questionId}`;
  const doc = await questions(store).update(pk, id, (gap) => {
    if (gap?.type !== 'gap' || gap.down < 1) return undefined;
    const reasons = { ...gap.reasons };
    if (vote.reason && reasons[vote.reason]) reasons[vote.reason] -= 1;
    if (vote.reason && reasons[vote.reason] === 0) delete reasons[vote.reason];
    return { ...gap, count: gap.count - 1, down: gap.down - 1, reasons };
  });
  if (doc?.data.type === 'gap' && doc.data.count < 1) await questions(store).delete(pk, id);
}
