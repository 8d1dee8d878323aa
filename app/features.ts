/**
 * The one place where features are plugged into the bot. Each feature's public entry file
 * exports a factory; the order here is the order of the help list.
 */
import type { Feature, Services } from '../src/core/index.ts';
import { createDeliberateFeature } from '../src/deliberate/index.ts';
import { createNetworksFeature } from '../src/networks/index.ts';
import { createActionsFeature } from '../src/actions/index.ts';
import { createAskFeature, type AskEngine } from '../src/ask/index.ts';
import { createConsoleWebFeature } from '../src/console-web/index.ts';
import { createPeersFeature } from '../src/peers/index.ts';
import { createIdeasFeature } from '../src/ideas/index.ts';

/** Parts built beforehand instead of from the configuration (tests, benchmarks). */
export interface PreparedParts {
  /** The ask feature's engine: one built once can serve many apps on the same knowledge base. */
  askEngine?: AskEngine;
}

export function createFeatures(_services: Services, prepared: PreparedParts = {}): Feature[] {
  return [createAskFeature(_services, { engine: prepared.askEngine }), createDeliberateFeature(_services), createIdeasFeature(_services), createNetworksFeature(_services), createActionsFeature(_services), createConsoleWebFeature(_services), createPeersFeature(_services)];
}
