/**
 * YAML, loaded at its first use: cards, catalogues, methods and data files are read from the
 * start-up cache (data-cache.ts) as long as it is fresh, so most starts (`wegwijs serve`, a
 * one-shot `wegwijs ask`) parse no YAML at all, and loading the parser cost ~30 ms and ~0.7 MB of
 * heap. `yaml` is CommonJS, so it loads synchronously, as the callers need.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;
const loaded = (): typeof Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/** `parse` of the `yaml` package. */
export function parseYaml(text: string): unknown {
  return loaded().parse(text);
}

/** `stringify` of the `yaml` package. */
export function stringifyYaml(value: unknown, options?: Yaml.ToStringOptions): string {
  return loaded().stringify(value, options);
}
