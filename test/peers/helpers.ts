/** Shared pieces of the peers tests: a question the knowledge base cannot answer, buttons, cards. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsoleOutput } from '../../adapters/console/index.ts';
import type { IncomingAction } from '../../src/core/index.ts';

/** In the domain (zorgkantoor, pgb) but not in the knowledge base: Wegwijs refuses with "unknown". */
export const UNKNOWN_QUESTION = 'Hoe snel reageert het zorgkantoor Menzis op een pgb vraag?';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/** The action of the first button whose label or id matches. */
export function buttonOf(outputs: ConsoleOutput[], match: string | RegExp): IncomingAction & { messageId?: string } {
  for (const out of [...outputs].reverse()) {
    for (const b of out.card?.buttons ?? []) {
      const hit = typeof match === 'string' ? b.label === match || b.action.id === match : match.test(b.label) || match.test(b.action.id);
      if (hit) return b.action as IncomingAction;
    }
  }
  throw new Error(`no button ${String(match)} in ${JSON.stringify(outputs.map((o) => o.card?.buttons?.map((b) => b.label)))}`);
}

export const allText = (outputs: ConsoleOutput[]) => outputs.map((o) => `${o.text}\n${o.card?.body ?? ''}`).join('\n');

/**
 * A knowledge folder with the real cards plus one promoted card from the network's answer, as a
 * curator would save it after review (or without the review, when `reviewed` is false).
 */
export function knowledgeWithPromotedCard(dir: string, options: { question: string; answer: string; reviewed: boolean }): string {
  const root = join(dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, root, { recursive: true });
  mkdirSync(join(root, 'cards', 'netwerk'), { recursive: true });
  const review = options.reviewed ? '\n    reviewed_by: "Redactie Wegwijs"\n    reviewed_at: "2026-11-20"' : '';
  writeFileSync(
    join(root, 'cards', 'netwerk', 'netwerk-1-menzis-pgb.md'),
    `---
id: netwerk-1-menzis-pgb
title: Hoe snel reageert zorgkantoor Menzis op een pgb-vraag
questions:
  - ${options.question}
  - Hoe lang wacht je op antwoord van zorgkantoor Menzis over een pgb?
  - Reactietijd zorgkantoor Menzis bij een pgb-aanvraag
answer: >-
  ${options.answer}
audience: [iedereen]
topics: [pgb, zorgkantoor]
sources:
  - document: "Lerend netwerk Noord"
    locator: "vraag #1 in het kanaal; ervaringskennis"
    published: "2026-11-18"
    kind: network${review}
reviewed: "2026-11-20"
---
`,
  );
  return root;
}

/** A network answer long enough for a card (40-150 words), in the words members use. */
export const NETWORK_ANSWER =
  'In onze regio reageert zorgkantoor Menzis meestal binnen vijf werkdagen op een vraag over een pgb. ' +
  'Bel bij haast de vaste contactpersoon zorgbemiddeling en vraag om een terugbelafspraak. Leg de vraag ook per mail vast, ' +
  'zodat de termijn duidelijk is. Bij een spoedsituatie kan de zorgbemiddelaar de aanvraag met voorrang behandelen, ' +
  'maar dat moet je zelf expliciet vragen en goed onderbouwen.';

/**
 * The features the peers tests need, with one answering engine per test file (building the
 * knowledge index is the slow part of starting the app); the flow test uses the app's own wiring.
 */
import { AskEngine, createAskFeature } from '../../src/ask/index.ts';
import { createNetworksFeature } from '../../src/networks/index.ts';
import { createActionsFeature } from '../../src/actions/index.ts';
import { createPeersFeature } from '../../src/peers/index.ts';
import type { Feature, Services } from '../../src/core/index.ts';

let engine: AskEngine | undefined;
export function peersFeatures(services: Services): Feature[] {
  engine ??= AskEngine.fromConfig(services.config, services.log, services.catalog);
  return [createAskFeature(services, { engine }), createNetworksFeature(services), createActionsFeature(services), createPeersFeature(services)];
}
