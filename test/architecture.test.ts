/**
 * The walls between the layers, checked on the source (every import, static or dynamic, resolved
 * to the file it names):
 *   app → adapters → core ← features;  core → store;  store → (nothing of ours but src/errors.ts, src/config.ts)
 * - the store imports nothing from the core (the core's records and clock fit the store's own
 *   minimal types), nor from features, adapters or app;
 * - the core imports no feature; a feature imports no other feature (ports in src/core/ports.ts);
 * - nothing in src/ imports adapters/ or app/; no adapter imports app/;
 * - nothing in src/ imports a platform SDK (Bolt, the Agents SDK, botbuilder).
 * The rules are a pure function, tested on a small made-up tree first, so this test can fail.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/core/index.ts';

/** Shared units in src/ that are not features. Any other folder in src/ is a feature. */
const SHARED = new Set(['core', 'store', 'privacy', 'llm', 'pictures']);
const PLATFORM_SDK = /^(@slack\/|@microsoft\/agents|botbuilder|botframework)/;

export interface SourceFile {
  /** Path from the repository root, with '/' separators. */
  path: string;
  /** Import specifiers as written. */
  imports: string[];
}

type Unit = { layer: 'store' | 'core' | 'feature' | 'shared' | 'leaf' | 'adapters' | 'app' | 'other'; name: string };

function unitOf(path: string): Unit {
  const parts = path.split('/');
  if (parts[0] === 'adapters') return { layer: 'adapters', name: parts[1] ?? '' };
  if (parts[0] === 'app') return { layer: 'app', name: 'app' };
  if (parts[0] !== 'src') return { layer: 'other', name: parts[0] };
  if (parts.length === 2) return { layer: 'leaf', name: parts[1] };
  const folder = parts[1];
  if (folder === 'store') return { layer: 'store', name: folder };
  if (folder === 'core') return { layer: 'core', name: folder };
  return SHARED.has(folder) ? { layer: 'shared', name: folder } : { layer: 'feature', name: folder };
}

/** The walls, as messages naming the file and what it imports. */
export function wallViolations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = unitOf(file.path);
    for (const spec of file.imports) {
      const target = spec.startsWith('.') ? join(dirname(file.path), spec).split(sep).join('/') : undefined;
      const to = target ? unitOf(target) : undefined;
      const say = (rule: string) => out.push(`${file.path} imports ${spec}: ${rule}`);
      if (from.layer !== 'adapters' && from.layer !== 'app' && from.layer !== 'other' && PLATFORM_SDK.test(spec)) say('src/ never imports a platform SDK');
      if (!to) continue;
      if (from.layer === 'store' && to.layer !== 'store' && !(to.layer === 'leaf')) say('the store imports nothing from the core, features, adapters or app');
      if (from.layer === 'leaf' && (to.layer === 'core' || to.layer === 'feature' || to.layer === 'store')) say('src/errors.ts and src/config.ts are leaves');
      if (from.layer === 'core' && to.layer === 'feature') say('the core imports no feature');
      if (from.layer === 'shared' && to.layer === 'feature') say('shared services (privacy, llm, pictures) import no feature');
      if (from.layer === 'feature' && to.layer === 'feature' && to.name !== from.name) say('features never import each other (use a port)');
      if (['store', 'core', 'feature', 'shared', 'leaf'].includes(from.layer) && (to.layer === 'adapters' || to.layer === 'app')) say('src/ never imports adapters/ or app/');
      if (from.layer === 'adapters' && to.layer === 'app') say('an adapter never imports app/');
      if (from.layer === 'adapters' && to.layer === 'adapters' && to.name !== from.name) say('adapters never import each other');
    }
  }
  return out;
}

const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function read(dir: string): SourceFile[] {
  return sources(resolve(REPO_ROOT, dir)).map((file) => ({
    path: relative(REPO_ROOT, file).split(sep).join('/'),
    imports: [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]),
  }));
}

describe('the walls between the layers', () => {
  it('are found on a made-up tree (every rule can fail)', () => {
    const tree: SourceFile[] = [
      { path: 'src/store/index.ts', imports: ['../core/clock.ts', '../errors.ts', './kinds.ts', 'zod'] },
      { path: 'src/store/sqlite/sqlite-store.ts', imports: ['../../core/index.ts', '../../errors.ts'] },
      { path: 'src/core/bot.ts', imports: ['../ask/index.ts', '../store/index.ts', './turn.ts'] },
      { path: 'src/ask/feature.ts', imports: ['../actions/index.ts', '../core/index.ts', '../../adapters/slack/index.ts'] },
      { path: 'src/networks/index.ts', imports: ['@slack/bolt', '../../app/compose.ts'] },
      { path: 'src/errors.ts', imports: ['./core/index.ts'] },
      { path: 'src/privacy/index.ts', imports: ['../core/index.ts', '../ask/index.ts'] },
      { path: 'adapters/teams/index.ts', imports: ['../../app/compose.ts', '../slack/index.ts', '@microsoft/agents-hosting', '../../src/core/index.ts'] },
      { path: 'app/platforms.ts', imports: ['../adapters/slack/index.ts'] },
    ];
    expect(wallViolations(tree)).toEqual([
      'src/store/index.ts imports ../core/clock.ts: the store imports nothing from the core, features, adapters or app',
      'src/store/sqlite/sqlite-store.ts imports ../../core/index.ts: the store imports nothing from the core, features, adapters or app',
      'src/core/bot.ts imports ../ask/index.ts: the core imports no feature',
      'src/ask/feature.ts imports ../actions/index.ts: features never import each other (use a port)',
      'src/ask/feature.ts imports ../../adapters/slack/index.ts: src/ never imports adapters/ or app/',
      'src/networks/index.ts imports @slack/bolt: src/ never imports a platform SDK',
      'src/networks/index.ts imports ../../app/compose.ts: src/ never imports adapters/ or app/',
      'src/errors.ts imports ./core/index.ts: src/errors.ts and src/config.ts are leaves',
      'src/privacy/index.ts imports ../ask/index.ts: shared services (privacy, llm, pictures) import no feature',
      'adapters/teams/index.ts imports ../../app/compose.ts: an adapter never imports app/',
      'adapters/teams/index.ts imports ../slack/index.ts: adapters never import each other',
    ]);
  });

  it('partition keys are made in one module, and collections only of declared kinds', () => {
    const offenders: string[] = [];
    for (const dir of ['src', 'adapters', 'app']) {
      for (const file of sources(resolve(REPO_ROOT, dir))) {
        const path = relative(REPO_ROOT, file).split(sep).join('/');
        const code = readFileSync(file, 'utf8');
        // `${x.platform}:${x.tenantId}` by hand, instead of tenantKey / networkId (src/core/keys.ts).
        if (path !== 'src/core/keys.ts' && /\$\{[\w.]*platform\}:\$\{[\w.]*tenantId\}/.test(code)) offenders.push(`${path} builds a tenant key by hand`);
        // store.collection('kind', …) with a bare name: kinds are declared by their owner (defineKind).
        if (/\.collection\(\s*['"`]/.test(code)) offenders.push(`${path} opens a collection of an undeclared kind name`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('hold in this repository', () => {
    const files = [...read('src'), ...read('adapters')];
    expect(files.length).toBeGreaterThan(50);
    expect(wallViolations(files)).toEqual([]);
  });
});
