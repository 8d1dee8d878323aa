/**
 * The knowledge folder's data files (`synonyms.yaml`, `guardrails.yaml`, `laws.yaml`,
 * `domain.yaml`): read, validated with zod, and failing with the file and field named. A missing
 * file is an empty one, so a trimmed knowledge folder still works.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { cachedData, parseYaml } from '../core/index.ts';

/** `cache: false` for a caller that keeps its own, further computed result in the start-up cache. */
export function readDataFile<T extends z.ZodType>(dir: string, name: string, schema: T, options: { cache?: boolean } = {}): z.infer<T> {
  let raw: unknown = {};
  try {
    const text = readFileSync(join(dir, name), 'utf8');
    // The parsed YAML through the start-up cache: the same text parses to the same data.
    const parseText = () => parseYaml(text) ?? {};
    raw = options.cache === false ? parseText() : cachedData(`yaml-${name.replace(/\W+/g, '-')}`, dir, [{ file: name, text }], [import.meta.url], parseText);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${name}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${name}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
