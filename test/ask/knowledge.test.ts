import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, formatIssue, loadCards } from '../../src/ask/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { describeProbes } from './probe-suite.ts';

const CCE = readFileSync(fileURLToPath(new URL('../../knowledge/cards/rollen/rol-cce.md', import.meta.url)), 'utf8');
let temp: ReturnType<typeof tempDir> | undefined;
afterEach(() => temp?.cleanup());

function knowledgeWith(files: Record<string, string>): string {
  temp = tempDir('wegwijs-kb-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(temp.dir, 'cards', 'x'), { recursive: true });
    writeFileSync(join(temp.dir, 'cards', 'x', name), content);
  }
  return temp.dir;
}

const noRelated = CCE.replace(/^related: .*$/m, 'related: []');

describe('knowledge check', () => {
  it('accepts the real knowledge base: at least 60 valid cards, no errors', () => {
    const { cards, issues } = checkKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)), new Date('2026-11-22'));
    expect(cards.length).toBeGreaterThanOrEqual(60);
    expect(issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
  });

  it('reports duplicate ids, ids unlike the file name, short answers and missing fields', () => {
    const dir = knowledgeWith({
      'rol-cce.md': noRelated,
      'kopie.md': noRelated,
      'kort.md': noRelated.replace(/^id: .*$/m, 'id: kort').replace(/^answer: >-\n(  .*\n)+/m, 'answer: "Te kort."\n'),
      'zonder-bron.md': noRelated.replace(/^id: .*$/m, 'id: zonder-bron').replace(/^sources:\n(  .*\n)+/m, ''),
    });
    const messages = checkKnowledge(dir).issues.map(formatIssue);
    expect(messages).toContain('cards/x/kopie.md: id: "rol-cce" must equal the file name');
    expect(messages.some((m) => /duplicate id "rol-cce"/.test(m))).toBe(true);
    expect(messages).toContain('cards/x/kort.md: answer: must have 40-150 words');
    expect(messages.some((m) => m.startsWith('cards/x/zonder-bron.md: sources:'))).toBe(true);
    expect(() => loadCards(dir)).toThrow(/Knowledge base has/);
  });

  it('warns (does not fail) when valid_until has passed', () => {
    const dir = knowledgeWith({ 'rol-cce.md': noRelated.replace(/^reviewed: .*$/m, 'reviewed: "2026-01-01"\nvalid_until: "2026-06-30"') });
    const { cards, issues } = checkKnowledge(dir, new Date('2026-11-22'));
    expect(cards).toHaveLength(1);
    expect(issues.every((i) => i.level === 'warning')).toBe(true);
    expect(issues).toContainEqual(expect.objectContaining({ level: 'warning', field: 'valid_until' }));
  });

  it('keeps publication and consulted dates apart: undated and copy-only sources warn, a source without either fails', () => {
    const sources = (block: string) => noRelated.replace(/^sources:\n(  .*\n)+/m, `sources:\n${block}`);
    const dir = knowledgeWith({
      'rol-cce.md': sources('  - document: "Een webpagina zonder datum"\n    locator: "pagina"\n    consulted: "2026-11"\n    kind: copy\n'),
      'zonder-datum.md': sources('  - document: "Een bron zonder enige datum"\n    locator: "pagina"\n').replace(/^id: .*$/m, 'id: zonder-datum'),
    });
    const { issues } = checkKnowledge(dir, new Date('2026-11-22'));
    const of = (file: string) => issues.filter((i) => i.file.endsWith(file));
    expect(of('rol-cce.md').map((i) => [i.level, i.field])).toEqual(expect.arrayContaining([['warning', 'sources.0.published'], ['warning', 'sources']]));
    expect(of('zonder-datum.md')).toContainEqual(expect.objectContaining({ level: 'error', field: 'sources.0.published' }));
  });
});

// Coverage probes: concrete questions professionals ask whose answer is one fact in a seed document
// (000-004) or a public source, each with the fact as a pattern on the shown answer. They were
// written from the sources, not from the cards, and never copy a card's example question, so the
// share measures whether the knowledge base states the fact where sentence-level answering finds it.
/**
 * Measured 2026-11-30: the first 124 probes 76.6% before this round, 99% after; the 52 probes of the
 * second batch (F…, written after the first fixes and run once before any fix) 59.6% fresh, 94% after;
 * the 40 of the third batch (G…, same way, after the second round) 80.0% fresh, 92.5% after;
 * the 30 public-law probes of the fourth batch (H…) 86.7% fresh, 96.7% after; the 22 of the fifth
 * batch (K…, deeper seed facts: innovation process, impact of networks, relatives) 45.5% fresh, 95.5% after.
 * All 268 together 95-97% while the retrieval code changed around them; the floor (0.93) leaves a
 * few questions of room for retrieval changes and is far above the 76.6% where the cards started.
 */
describeProbes({ file: new URL('./coverage-probes.json', import.meta.url), title: 'coverage probes (seeds and public facts)', label: 'coverage probes', floor: 0.93, minCount: 100, seeds: ['000', '001', '002', '003', '004', 'public'] });
