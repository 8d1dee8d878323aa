/**
 * The curators' side of "ask the network" for `wegwijs kb`: the draft cards made from resolved
 * network questions (`kb drafts`, `kb draft N`), the network's answer next to each gap, and closing
 * a gap with the card that now answers it (`kb gaps close <id> <card>`).
 */
import { loadCards, questionId, type GapRecord } from '../../src/ask/index.ts';
import type { WegwijsStore } from '../../src/core/index.ts';
import { closeGap, closedGaps, draftCardFile, listDrafts, readDraft, type ClosedGap, type Draft } from '../../src/peers/index.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function printDrafts(store: WegwijsStore, json: boolean): Promise<number> {
  const drafts = await listDrafts(store);
  if (json) {
    for (const d of drafts) out(JSON.stringify(d));
    return 0;
  }
  if (!drafts.length) out('No drafts yet: a resolved network question with an answer becomes one.');
  for (const d of drafts) out(`${String(d.number).padStart(4)}  ${d.date}  ${d.networkName}: ${d.question.replace(/\s+/g, ' ').slice(0, 100)}`);
  if (drafts.length) out('\nShow one as a card file: wegwijs kb draft N');
  return 0;
}

export async function printDraft(store: WegwijsStore, raw: string | undefined): Promise<number> {
  const number = Number(raw);
  const draft = Number.isInteger(number) && number > 0 ? await readDraft(store, number) : undefined;
  if (!draft) {
    process.stderr.write(`No draft ${raw ?? ''}: see wegwijs kb drafts\n`);
    return 1;
  }
  process.stdout.write(draftCardFile(draft));
  return 0;
}

/** What the network found for each gap, and which gaps a curator closed. */
export async function gapExtras(store: WegwijsStore): Promise<{ answers: Map<string, Draft[]>; closed: Map<string, ClosedGap> }> {
  const answers = new Map<string, Draft[]>();
  for (const d of await listDrafts(store)) {
    if (!d.gapQuestion) continue;
    answers.set(d.gapQuestion, [...(answers.get(d.gapQuestion) ?? []), d]);
  }
  return { answers, closed: await closedGaps(store) };
}

/** Extra lines under a gap in `kb gaps`: its id, the network's answer (draft), or the card that closed it. */
export function gapLines(gap: GapRecord, extras: Awaited<ReturnType<typeof gapExtras>>): string[] {
  const id = questionId(gap.text);
  const lines = [`       id ${id}`];
  for (const d of extras.answers.get(id) ?? []) lines.push(`       network answer (draft ${d.number}, ${d.networkName}): ${d.answer.replace(/\s+/g, ' ').slice(0, 160)}`);
  const closed = extras.closed.get(id);
  if (closed) lines.push(`       closed with card ${closed.card} on ${closed.at.slice(0, 10)}`);
  return lines;
}

export async function closeGapCommand(store: WegwijsStore, knowledgeDir: string, gap: string | undefined, card: string | undefined): Promise<number> {
  if (!gap || !/^q-[0-9a-f]{20}$/.test(gap) || !card) {
    process.stderr.write('Usage: wegwijs kb gaps close <id> <card-id>  (the id is shown under each gap)\n');
    return 2;
  }
  if (!loadCards(knowledgeDir).some((c) => c.id === card)) {
    process.stderr.write(`No card "${card}" in ${knowledgeDir}: close a gap with the card that answers it\n`);
    return 1;
  }
  await closeGap(store, gap, card, new Date().toISOString());
  out(`Gap ${gap} closed with card ${card}.`);
  return 0;
}
