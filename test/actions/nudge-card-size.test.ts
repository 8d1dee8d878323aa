/**
 * A busy network's week still fits one card: every open and stuck action is listed, the first
 * ones with buttons, and the whole card stays within Slack's 50 blocks (nothing cut off) and is
 * rendered as one Adaptive Card for Teams. Pure: the card function with a made-up week.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardToBlocks } from '../../adapters/slack/cards.ts';
import { nudgeCard, MAX_WITH_BUTTONS } from '../../src/actions/nudge-card.ts';
import type { Action } from '../../src/actions/model.ts';
import { Catalog, DEFAULT_PROMPTS_DIR, type Member, type Network } from '../../src/core/index.ts';

const catalog = Catalog.fromDirectory(join(DEFAULT_PROMPTS_DIR, 'messages'));
const network: Network = {
  id: 'slack:T1:C1', platform: 'slack', tenantId: 'T1', channelId: 'C1', name: 'Passende plekken', timeZone: 'Europe/Amsterdam', language: 'nl',
  schedule: '0 9 * * 1', facilitators: ['U0'], status: 'active', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'U0',
};
const at = '2026-11-20T10:00:00.000Z';
const action = (n: number, owner: string, status: Action['status']): Action => ({
  networkId: network.id, number: n, platform: 'slack', tenantId: 'T1', title: `Actie nummer ${n}`, ownerId: owner, ownerName: `Naam ${owner}`,
  status, notes: status === 'stuck' ? [{ at, by: owner, kind: 'stuck', text: 'wacht op antwoord' }] : [], history: [{ at, by: owner, event: 'created' }],
  createdAt: at, createdBy: owner, updatedAt: at, ...(status === 'done' ? { doneAt: at } : {}),
});

describe('a busy week on one card', () => {
  it('lists 30 open, 8 stuck and 6 done actions of 12 people within 50 Slack blocks', () => {
    const owners = Array.from({ length: 12 }, (_, i) => `U${i + 1}`);
    const actions = [
      ...Array.from({ length: 30 }, (_, i) => action(i + 1, owners[i % 12], i % 3 ? 'open' : 'in_progress')),
      ...Array.from({ length: 8 }, (_, i) => action(31 + i, owners[i], 'stuck')),
      ...Array.from({ length: 6 }, (_, i) => action(39 + i, owners[i], 'done')),
    ];
    const members = new Map<string, Member>(owners.map((id) => [id, { userId: id, name: `Naam ${id}`, quiet: false, joinedAt: at }]));
    const questions = Array.from({ length: 7 }, (_, i) => ({ number: i + 1, text: `Vraag ${i + 1}?`, askedAt: at }));
    const message = nudgeCard(
      { network, t: catalog.translator('nl'), bot: 'wegwijs', actions, members, questions },
      { since: '2026-11-16T08:00:00.000Z', sentAt: '2026-11-23T08:00:00.000Z', pair: ['U1', 'U2'], streak: 3 },
    );
    const card = message.card!;
    const text = message.text;
    for (let n = 1; n <= 44; n++) expect(text).toContain(`#${n} `);
    const rows = card.elements.filter((e) => e.type === 'buttons');
    expect(rows).toHaveLength(MAX_WITH_BUTTONS + 3);
    expect(text).toContain(`En nog ${30 - MAX_WITH_BUTTONS} lopende acties`);
    expect(text).toContain('Deze 7 vragen in het netwerk wachten nog op een antwoord');
    const blocks = cardToBlocks(card);
    expect(blocks.length).toBeLessThanOrEqual(50);
    // Nothing was cut: the last block is the footer, not Slack's "more" note.
    expect(JSON.stringify(blocks.at(-1))).toContain('Bijwerken');
    // Twelve people, each once as a mention; nobody ranked.
    expect(message.mentions).toHaveLength(12);
    expect(text).not.toMatch(/ranking|meeste|eerste plaats/i);
  });
});
