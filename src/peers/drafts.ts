/**
 * Back into the knowledge base: a resolved question with its answers becomes a draft card that a
 * curator reviews (`wegwijs kb drafts`, `wegwijs kb draft N`). The draft is a card file as in
 * `knowledge/cards`, with the network's answer (redacted), the asker's question as the first
 * phrasing, and a source of kind `network` that is experience knowledge, not yet checked: `kb check`
 * accepts it in the cards only with `reviewed_by` and `reviewed_at`.
 */
import { fold, stringifyYaml, type Network, type Services } from '../core/index.ts';
import type { Store } from '../store/index.ts';
import { DRAFTS_PK, PeerRecordSchema, draftKey, hash, PEER_KIND, type ClosedGap, type Draft, type NetworkQuestion } from './records.ts';

const drafts = (store: Pick<Store, 'collection'>) => store.collection(PEER_KIND, PeerRecordSchema);

export async function createDraft(services: Services, network: Network, question: NetworkQuestion): Promise<number> {
  const number = await services.store.nextNumber(DRAFTS_PK, 'draft');
  const draft: Draft = {
    type: 'draft',
    number,
    networkId: network.id,
    networkName: network.name,
    question: question.text,
    answer: question.answers.map((a) => a.text).join('\n\n'),
    lang: question.lang,
    topics: services.ports.knowledgeTopics?.topicsOf(`${question.text}\n${question.answers.map((a) => a.text).join('\n')}`) ?? [],
    questionNumber: question.number,
    ...(question.gapQuestion ? { gapQuestion: question.gapQuestion } : {}),
    date: services.clock.now().toISOString().slice(0, 10),
  };
  await drafts(services.store).put(DRAFTS_PK, draftKey(number), draft);
  await drafts(services.store).update(network.id, `question-${question.number}`, (current) => (current?.type === 'question' ? { ...current, draft: number } : undefined));
  return number;
}

/** Every draft, newest first (`wegwijs kb drafts`). */
export async function listDrafts(store: Pick<Store, 'collection'>): Promise<Draft[]> {
  const docs = await drafts(store).list({ pk: DRAFTS_PK, where: { type: 'draft' } });
  return docs.map((d) => d.data).filter((d): d is Draft => d.type === 'draft').sort((a, b) => b.number - a.number);
}

export async function readDraft(store: Pick<Store, 'collection'>, number: number): Promise<Draft | undefined> {
  const doc = await drafts(store).get(DRAFTS_PK, draftKey(number));
  return doc?.data.type === 'draft' ? doc.data : undefined;
}

/** A kebab-case card id from the question's first words. */
function cardId(draft: Draft): string {
  const slug = fold(draft.question)
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter((w) => w.length > 2)
    .slice(0, 6)
    .join('-');
  return `netwerk-${draft.number}${slug ? `-${slug}` : ''}`;
}

/** The draft as a card file (YAML front matter as in knowledge/cards), ready for a curator to complete. */
export function draftCardFile(draft: Draft): string {
  const title = draft.question.replace(/\s+/g, ' ').slice(0, 150);
  const front = {
    id: cardId(draft),
    title: title.length >= 3 ? title : `Vraag uit het netwerk ${draft.networkName}`,
    questions: [draft.question.replace(/\s+/g, ' ')],
    [draft.lang === 'en' ? 'answer_en' : 'answer']: draft.answer,
    audience: ['iedereen'],
    topics: draft.topics.length ? draft.topics : ['lerend netwerk'],
    related: [],
    sources: [
      {
        document: `Lerend netwerk ${draft.networkName}`,
        locator: `vraag #${draft.questionNumber} in het kanaal; ervaringskennis, niet gecontroleerd`,
        published: draft.date,
        kind: 'network',
      },
    ],
    reviewed: draft.date,
  };
  const header = [
    // One comment line whatever the name holds: a line break would start a field of the card.
    `# Draft ${draft.number} from network "${draft.networkName.replace(/\s+/g, ' ')}", ${draft.date}. Before it answers as checked:`,
    '# - add 2-7 more phrasings to `questions`; write the answer in your own words (40-150 words, B1);',
    '# - have it reviewed: set `reviewed_by` and `reviewed_at` on the network source, and `reviewed`;',
    '# - save it as knowledge/cards/<topic>/<id>.md and run `wegwijs kb check`.',
  ];
  // Dates quoted, as knowledge/FORMAT.md asks (a YAML 1.1 reader would make them dates).
  const yaml = stringifyYaml(front, { lineWidth: 100 }).replace(/^(\s*(?:published|reviewed): )(\d{4}-\d{2}-\d{2})$/gm, '$1"$2"');
  return `---\n${header.join('\n')}\n${yaml.trimEnd()}\n---\n`;
}

/** A gap a curator closed with a card (`wegwijs kb gaps close <id> <card>`). */
export async function closeGap(store: Pick<Store, 'collection'>, gapQuestion: string, card: string, at: string): Promise<void> {
  await drafts(store).put(DRAFTS_PK, `closed-${hash(gapQuestion)}`, { type: 'closed_gap', gapQuestion, card, at });
}

export async function closedGaps(store: Pick<Store, 'collection'>): Promise<Map<string, ClosedGap>> {
  const docs = await drafts(store).list({ pk: DRAFTS_PK, where: { type: 'closed_gap' } });
  return new Map(docs.map((d) => d.data).filter((d): d is ClosedGap => d.type === 'closed_gap').map((d) => [d.gapQuestion, d]));
}
