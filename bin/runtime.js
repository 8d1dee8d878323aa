// Where the `wegwijs` command's code comes from (plain JavaScript: it runs before anything is built).
// - dist/: the compiled JavaScript (`npm run build`, run by `prepare` on `npm ci`). Production,
//   the Docker image and a fresh clone run this.
// - The TypeScript sources through tsx (a dev dependency), when this is a checkout whose sources
//   changed since the last build: a developer never runs stale code and needs no build step.
// - Without tsx and without a usable dist/, it builds once and runs the result.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const STAMP = join(DIST, '.build-stamp');
/** What the build reads: a change in any of these makes dist/ stale. */
const SOURCES = ['src', 'adapters', 'app', 'tsconfig.json', 'tsconfig.build.json'];

/** True when some source file is newer than the last successful build (or there is none). */
export function distIsStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const newer = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return false;
    }
    if (!stat.isDirectory()) return stat.mtimeMs > built;
    // A deleted or renamed file shows as a newer folder.
    if (stat.mtimeMs > built) return true;
    return readdirSync(path).some((name) => newer(join(path, name)));
  };
  return SOURCES.some((name) => newer(join(ROOT, name)));
}

function resolves(specifier) {
  try {
    createRequire(join(ROOT, 'package.json')).resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/** Compiles to dist/ (tsc with tsconfig.build.json) and stamps it. Returns false without TypeScript. */
export function build({ quiet = false } = {}) {
  if (!resolves('typescript/bin/tsc')) return false;
  const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: quiet ? 'ignore' : 'inherit', cwd: ROOT });
  // 2: type errors, but the JavaScript was written (type checking is `npm test`'s job).
  if (result.status === 2) console.error('wegwijs build: compiled with type errors (see `npm run typecheck`)');
  else if (result.status !== 0) throw new Error('wegwijs: the TypeScript build failed (npx tsc -p tsconfig.build.json)');
  copyAssets();
  warmCaches();
  // Written last, so a build that stopped half-way is not taken for a finished one.
  spawnSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(STAMP)}, new Date().toISOString())`]);
  return true;
}

/**
 * Files next to the sources that are not TypeScript (a stylesheet a module reads from its own
 * folder) go to the same place in dist/, so compiled code finds them as the sources do.
 */
function copyAssets() {
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.ts')) {
        const target = join(DIST, relative(ROOT, path));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(path, target);
      }
    }
  };
  for (const name of ['src', 'adapters', 'app']) if (existsSync(join(ROOT, name))) walk(join(ROOT, name));
}

/**
 * Fills dist/cache/ with what a start would otherwise compute from the data folders (the
 * validated cards, the search index built from them, the message catalogues, the refusal rules and
 * the other data files; src/core/data-cache.ts). Best effort: a knowledge base with errors is reported
 * at start, as before, and simply not cached.
 */
function warmCaches() {
  // Made afresh: what an earlier build or version kept would only be a miss.
  rmSync(join(DIST, 'cache'), { recursive: true, force: true });
  mkdirSync(join(DIST, 'cache'), { recursive: true });
  const url = (file) => JSON.stringify(pathToFileURL(join(DIST, file)).href);
  const script = [
    `const k = await import(${url('src/ask/knowledge.js')}); const i = await import(${url('src/core/i18n.js')}); const p = await import(${url('src/core/paths.js')});`,
    `const c = await import(${url('src/ask/card-cache.js')}); const a = await import(${url('src/ask/analyze.js')});`,
    `try { c.cachedRetriever(p.DEFAULT_KNOWLEDGE_DIR, k.loadCards(p.DEFAULT_KNOWLEDGE_DIR), a.loadSynonyms(p.DEFAULT_KNOWLEDGE_DIR)); } catch {}`,
    `try { i.Catalog.fromDirectory(p.DEFAULT_PROMPTS_DIR + 'messages'); } catch {}`,
    // The rest a start reads: refusal rules, domain words and laws (the engine), the deliberation
    // methods and synthesis prompt, the idea method. In the container dist/ is read-only at run
    // time, so what the build leaves out is parsed again at every start.
    // One question matched fills the refusal rules' needle finder (its own entry, read at the first question).
    `const e = await import(${url('src/ask/engine.js')}); try { new e.AskEngine().answerOffline('wat is meerzorg?'); } catch {}`,
    `const quiet = { error() {}, warn() {}, info() {}, debug() {}, child() { return quiet; } };`,
    `const m = await import(${url('src/deliberate/methods.js')}); try { m.loadMethods(p.DEFAULT_PROMPTS_DIR + 'deliberation', quiet); } catch {}`,
    `const s = await import(${url('src/deliberate/synthesis.js')}); try { s.loadSynthesisPrompt(p.DEFAULT_PROMPTS_DIR + 'deliberation/llm/synthesis.yaml', quiet); } catch {}`,
    `const d = await import(${url('src/ideas/session.js')}); try { d.loadMethod(p.DEFAULT_PROMPTS_DIR + 'ideas/crazy-eight.yaml'); } catch {}`,
  ].join('\n');
  spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore', cwd: ROOT });
}

/**
 * Imports `file` (a path relative to the root, without extension: `app/cli`) from dist/ when it is
 * current, else from the sources through tsx, else builds first.
 */
export async function load(file) {
  const compiled = join(DIST, `${file}.js`);
  // WEGWIJS_RUNTIME=dist (benchmarks) or =source forces one; otherwise dist/ when it is current.
  const runtime = process.env.WEGWIJS_RUNTIME;
  if (runtime === 'dist' && existsSync(compiled)) return importCompiled(compiled);
  if (runtime !== 'source' && existsSync(compiled) && !distIsStale()) return importCompiled(compiled);
  if (resolves('tsx/esm/api')) {
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(join(ROOT, `${file}.ts`)).href);
  }
  if (build({ quiet: true }) || existsSync(compiled)) return importCompiled(compiled);
  throw new Error('wegwijs: no compiled code in dist/ and no TypeScript to build it; run `npm ci` (or `npm run build`)');
}

function importCompiled(path) {
  // Source maps are not read by default: reading one per module cost a start ~50 ms of CPU (2 Dec
  // 2026). For stack traces that point at the TypeScript sources, start with
  // NODE_OPTIONS=--enable-source-maps (tsc writes the maps next to the output).
  return import(pathToFileURL(path).href);
}
