/**
 * What the peers feature keeps, all of kind `peer`, redacted text only:
 * - in the network's partition (`platform:tenant:channel`): each question asked of the network
 *   (`question-N`), a pointer from the card's thread to it (`thread-<hash>`), who knows what
 *   (`knower-<user>`) and the network's answer setting (`settings`);
 * - in the tenant's partition (`platform:tenant`): a question waiting for the asker's confirmation
 *   (`pending-<id>`, expires);
 * - in the partition `drafts`: draft knowledge cards made from resolved questions (`draft-N`,
 *   numbered across networks so `wegwijs kb draft N` names one) and gaps closed by a curator.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineKind } from '../store/index.ts';
import type { Services } from '../core/index.ts';

export const PEER_KIND = defineKind('peer', {
  owner: 'peers',
  partition: 'network; tenant (pending questions); "drafts"',
  about: 'questions asked of a network, who knows what, draft cards from resolved questions',
});

export const DRAFTS_PK = 'drafts';
export const PENDING_TTL_SECONDS = 24 * 3600;

const Answer = z.object({ userId: z.string(), name: z.string(), text: z.string(), at: z.string() });
export type PeerAnswer = z.infer<typeof Answer>;

export const PeerRecordSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('question'),
    number: z.number().int(),
    networkId: z.string(),
    platform: z.string(),
    tenantId: z.string(),
    channelId: z.string(),
    askerId: z.string(),
    askerName: z.string(),
    anonymous: z.boolean(),
    text: z.string(),
    lang: z.enum(['nl', 'en']),
    askedAt: z.string(),
    status: z.enum(['open', 'resolved']),
    messageId: z.string().optional(),
    tagged: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
    answers: z.array(Answer).default([]),
    /** The question id of the ask feature's gap (`gap-<q>`), when it came from a refusal or a 👎. */
    gapQuestion: z.string().optional(),
    remindedAt: z.string().optional(),
    resolvedAt: z.string().optional(),
    resolvedBy: z.string().optional(),
    draft: z.number().int().optional(),
  }),
  z.object({ type: z.literal('thread'), number: z.number().int() }),
  z.object({ type: z.literal('knower'), userId: z.string(), name: z.string(), tags: z.array(z.string()), topics: z.array(z.string()), at: z.string() }),
  z.object({ type: z.literal('settings'), answers: z.enum(['private', 'public']) }),
  z.object({
    type: z.literal('pending'),
    userId: z.string(),
    text: z.string(),
    lang: z.enum(['nl', 'en']),
    /** The channel the question was asked in ('' in a direct message). */
    channelId: z.string(),
    gapQuestion: z.string().optional(),
    at: z.string(),
    /** Set while the question is being posted: a second press finds it taken. */
    claimed: z.string().optional(),
  }),
  z.object({
    type: z.literal('draft'),
    number: z.number().int(),
    networkId: z.string(),
    networkName: z.string(),
    question: z.string(),
    answer: z.string(),
    lang: z.enum(['nl', 'en']),
    topics: z.array(z.string()).default([]),
    questionNumber: z.number().int(),
    gapQuestion: z.string().optional(),
    date: z.string(),
  }),
  z.object({ type: z.literal('closed_gap'), gapQuestion: z.string(), card: z.string(), at: z.string() }),
]);
export type PeerRecord = z.infer<typeof PeerRecordSchema>;
export type NetworkQuestion = Extract<PeerRecord, { type: 'question' }>;
export type Knower = Extract<PeerRecord, { type: 'knower' }>;
export type Pending = Extract<PeerRecord, { type: 'pending' }>;
export type Draft = Extract<PeerRecord, { type: 'draft' }>;
export type ClosedGap = Extract<PeerRecord, { type: 'closed_gap' }>;

export const peers = (services: Pick<Services, 'store'>) => services.store.collection(PEER_KIND, PeerRecordSchema);

export const questionKey = (n: number) => `question-${n}`;
export const knowerKey = (userId: string) => `knower-${hash(userId)}`;
export const draftKey = (n: number) => `draft-${n}`;
export const threadKey = (messageId: string) => `thread-${hash(messageId)}`;
export const SETTINGS_KEY = 'settings';

export function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 24);
}

/** The question with its number in a network, if it exists. */
export async function readQuestion(services: Pick<Services, 'store'>, networkId: string, n: number): Promise<NetworkQuestion | undefined> {
  const doc = await peers(services).get(networkId, questionKey(n));
  return doc?.data.type === 'question' ? doc.data : undefined;
}

/** Open questions of a network, oldest first (the `NetworkQuestionsPort` and the reminders). */
export async function openQuestions(services: Pick<Services, 'store'>, networkId?: string): Promise<NetworkQuestion[]> {
  const docs = await peers(services).list({ ...(networkId ? { pk: networkId } : {}), where: { type: 'question', status: 'open' } });
  return docs
    .map((d) => d.data)
    .filter((d): d is NetworkQuestion => d.type === 'question' && d.status === 'open')
    .sort((a, b) => a.askedAt.localeCompare(b.askedAt));
}
