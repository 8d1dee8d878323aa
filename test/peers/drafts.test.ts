/** A draft card from the network, completed by a curator: `kb check` accepts it only once reviewed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkKnowledge } from '../../src/ask/index.ts';
import { draftCardFile, type Draft } from '../../src/peers/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { NETWORK_ANSWER, UNKNOWN_QUESTION } from './helpers.ts';

const temp = tempDir();
afterAll(() => temp.cleanup());

const draft: Draft = {
  type: 'draft', number: 7, networkId: 'slack:T1:C1', networkName: 'Noord', question: UNKNOWN_QUESTION, answer: NETWORK_ANSWER,
  lang: 'nl', topics: ['pgb', 'zorgkantoor'], questionNumber: 3, date: '2026-11-18',
};

function check(front: Record<string, unknown>) {
  const dir = join(temp.dir, String(Math.random()).slice(2));
  mkdirSync(join(dir, 'cards'), { recursive: true });
  writeFileSync(join(dir, 'cards', `${front.id as string}.md`), `---\n${stringify(front)}---\n`);
  const strict = checkKnowledge(dir, new Date('2026-11-20'), { requireNetworkReview: true }).issues.filter((i) => i.level === 'error');
  const loose = checkKnowledge(dir, new Date('2026-11-20')).issues.filter((i) => i.level === 'error');
  return { strict: strict.map((i) => i.field), loose: loose.map((i) => i.field) };
}

describe('draft cards from the network', () => {
  const file = draftCardFile(draft);
  const front = parse(file.split('---\n')[1]) as Record<string, unknown> & { sources: Record<string, unknown>[]; questions: string[] };

  it('is a card file with the question first, the answer, and a network source not yet checked', () => {
    expect(file.startsWith('---\n# Draft 7 from network "Noord"')).toBe(true);
    expect(front.questions).toEqual([UNKNOWN_QUESTION]);
    expect(front.answer).toBe(NETWORK_ANSWER);
    expect(front.topics).toEqual(['pgb', 'zorgkantoor']);
    expect(front.sources[0]).toMatchObject({ kind: 'network', document: 'Lerend netwerk Noord', published: '2026-11-18' });
    expect(String(front.sources[0].locator)).toContain('ervaringskennis, niet gecontroleerd');
    expect(file).toContain('published: "2026-11-18"');
  });

  it('is refused by kb check until it has more phrasings and a reviewer with a date', () => {
    expect(check(front).strict).toEqual(['questions']);
    const completed = { ...front, questions: [UNKNOWN_QUESTION, 'Hoe lang wacht je op Menzis bij een pgb?', 'Reactietijd zorgkantoor Menzis pgb'] };
    expect(check(completed).strict).toEqual(['sources.0.reviewed_by']);
    expect(check({ ...completed, sources: [{ ...front.sources[0], reviewed_by: 'Redactie' }] }).strict).toEqual(['sources.0.reviewed_at']);
    const reviewed = { ...completed, sources: [{ ...front.sources[0], reviewed_by: 'Redactie', reviewed_at: '2026-11-20' }] };
    expect(check(reviewed)).toEqual({ strict: [], loose: [] });
    // Loaded without a review (the bot, not kb check): a warning, and answers say so.
    expect(check(completed).loose).toEqual([]);
  });
});
