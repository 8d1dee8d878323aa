/**
 * The neutral "only these people may act" and its Teams rendering: who sees which controls, the
 * refresh within Teams' limit of 60 users and the Action.Submit fallback above it, feedback and
 * AI entities only when the message says so.
 */
import { describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, toTeamsMessage } from '../../adapters/teams/render.ts';
import { TeamsCards } from '../../adapters/teams/universal.ts';
import { button, buttons, card, cardActors, cardForViewer, cardMessage, input, text, type OutgoingMessage, type WegwijsStore } from '../../src/core/index.ts';

type Json = Record<string, unknown>;
const stored: Json[] = [];
const store = { collection: () => ({ put: async (_pk: string, _id: string, data: Json) => void stored.push(data), get: async () => undefined, delete: async () => false }) } as unknown as WegwijsStore;

const steer = (actors: string[]) =>
  card(
    { title: 'Stap 1 van 3' },
    text('Wat is er gebeurd?'),
    buttons(button('Ik doe mee', 'deliberate.join')),
    buttons({ ...button('Volgende stap', 'deliberate.next'), actors }),
    { ...input('note', 'Notitie'), actors },
  );
const actionsOf = (content: Json) => JSON.stringify(content).match(/"type":"Action\.[A-Za-z]+"/g) ?? [];
const content = (body: Json) => (body.attachments as { contentType: string; content: Json }[])[0];

describe('who may act', () => {
  it('a viewer sees the controls open to everyone and those named for them', () => {
    const built = steer(['29:anna']);
    expect(cardActors(built)).toEqual(['29:anna']);
    expect(JSON.stringify(cardForViewer(built, '29:anna'))).toContain('deliberate.next');
    const other = cardForViewer(built, '29:bram');
    expect(JSON.stringify(other)).not.toContain('deliberate.next');
    expect(JSON.stringify(other)).toContain('deliberate.join');
    expect(other.elements.some((e) => e.type === 'input')).toBe(false);
    // A card with no actors is the same for everyone.
    const open = card({}, buttons(button('Ja', 'x.yes')));
    expect(cardActors(open)).toEqual([]);
    expect(cardForViewer(open, undefined)).toEqual(open);
  });
});

describe('Teams rendering', () => {
  it('uses Action.Execute with a refresh for up to 60 people, read-only for the rest', async () => {
    const cards = new TeamsCards(store);
    const sixty = Array.from({ length: 60 }, (_, i) => `29:p${i}`);
    const body = await cards.render('t1', cardMessage(steer(sixty)));
    const attachment = content(body);
    expect(attachment.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect((attachment.content.refresh as { userIds: string[] }).userIds).toEqual(sixty);
    expect(actionsOf(attachment.content).filter((a) => a.includes('Execute')).length).toBeGreaterThan(0);
    expect(JSON.stringify(attachment.content)).not.toContain('deliberate.next');
    expect(stored).toHaveLength(1);
  });

  it('falls back to Action.Submit with every control for more than 60 people, and for cards without actors', async () => {
    const cards = new TeamsCards(store);
    stored.length = 0;
    const many = Array.from({ length: 61 }, (_, i) => `29:p${i}`);
    for (const message of [cardMessage(steer(many)), cardMessage(card({}, buttons(button('Ja', 'x.yes'))))]) {
      const attachment = content(await cards.render('t1', message));
      expect(attachment.content.refresh).toBeUndefined();
      expect(actionsOf(attachment.content).every((a) => a.includes('Submit'))).toBe(true);
    }
    expect(JSON.stringify(content(await cards.render('t1', cardMessage(steer(many)))).content)).toContain('deliberate.next');
    expect(stored).toHaveLength(0);
  });

  it('adds AI entities and the feedback control only when the message asks for them', () => {
    const plain = toTeamsMessage({ text: 'Hallo' });
    expect(plain.entities).toBeUndefined();
    expect(plain.channelData).toBeUndefined();
    const answer: OutgoingMessage = {
      ...cardMessage(card({}, text('Antwoord'), buttons({ ...button('👍', 'ask.up', { q: 'q-1' }), feedback: 'up' }, { ...button('👎', 'ask.down', { q: 'q-1' }), feedback: 'down' }))),
      citations: [{ title: 'W'.repeat(100), date: 'nov 2023', url: 'https://example.org/a', abstract: 'Uitgever, §2' }],
    };
    const rendered = toTeamsMessage(answer);
    const [entity] = rendered.entities as Json[];
    expect(entity.additionalType).toBeUndefined();
    const [claim] = entity.citation as { position: number; appearance: { name: string; abstract: string; url: string } }[];
    expect(claim.position).toBe(1);
    expect(claim.appearance.name.length).toBeLessThanOrEqual(80);
    expect(claim.appearance.abstract).toBe('Uitgever, §2, nov 2023');
    expect(rendered.text).toBe('[1]');
    expect(rendered.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(JSON.stringify(rendered.attachments)).not.toContain('ask.up');
    expect((toTeamsMessage({ ...answer, aiGenerated: true }).entities as Json[])[0].additionalType).toEqual(['AIGeneratedContent']);
  });
});
