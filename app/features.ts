/**
 * The one place where features are plugged into the bot. Each feature's public entry file
 * exports a factory; the order here is the order of the help list.
 */
import type { Feature, Services } from '../src/core/index.ts';

export function createFeatures(_services: Services): Feature[] {
  return [];
}
