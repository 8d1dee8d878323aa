/**
 * The facilitator's week of issue 15 (examples/week-nl.jsonl and week-en.jsonl), replayed through
 * the real Teams stack (Agents SDK in local mode, the fake Bot Connector): checked for the slips
 * of issue 15 in what reaches Teams, and for the same facts as in script mode.
 */
import { expect } from 'vitest';
import type { Shown } from './replay.ts';
import { TeamsDriver } from './teams-driver.ts';
import { weekSuite } from './week-suite.ts';

type Json = Record<string, unknown>;
const MARKS = /\*\*|(^|\s)_[^_]+_(\s|$)/;

weekSuite({
  name: 'Teams',
  driver: () => new TeamsDriver(),
  mention: (p) => `<at>${p.name}</at>`,
  privatePlace: 'dm',
  // Text blocks and markdown messages render ** and _; button titles and input labels print them.
  checkMarkup(s: Shown) {
    const { activity, card } = s.raw as { activity?: Json; card?: Json };
    if (typeof activity?.text === 'string' && /\*\*/.test(activity.text)) expect(activity.textFormat).toBe('markdown');
    for (const button of s.buttons) expect(button.label).not.toMatch(MARKS);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const o = node as Json;
      if (typeof o.type === 'string' && o.type.startsWith('Input.')) for (const k of ['label', 'placeholder']) if (typeof o[k] === 'string') expect(o[k]).not.toMatch(MARKS);
      Object.values(o).forEach(walk);
    };
    walk(card);
  },
  // Each <at>Name</at> in the card is a real mention: an entity with the person's id.
  checkNudgeMentions(card: Shown, people) {
    const entities = ((((card.raw as { card?: Json }).card?.msteams as Json | undefined)?.entities as { text: string; mentioned: { id: string } }[]) ?? []);
    for (const p of people.filter((p) => card.text.includes(`<at>${p.name}</at>`))) {
      expect(entities.some((e) => e.text === `<at>${p.name}</at>` && e.mentioned.id === p.id), p.name).toBe(true);
    }
  },
});
