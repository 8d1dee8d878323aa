/**
 * The dependency rules, checked on the source: the core imports no platform SDK, only
 * src/config.ts reads the environment, and features do not import each other.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/core/index.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const imports = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
const src = join(REPO_ROOT, 'src');

describe('boundaries', () => {
  it('src/ imports no platform SDK and nothing from adapters/ or app/', () => {
    const offenders = sources(src).flatMap((file) =>
      imports(file)
        .filter((i) => /^(@slack\/|@microsoft\/agents|botbuilder)/.test(i) || /(^|\/)(adapters|app)\//.test(i))
        .map((i) => `${relative(REPO_ROOT, file)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only src/config.ts reads process.env in src/ and adapters/', () => {
    const files = [...sources(src), ...sources(join(REPO_ROOT, 'adapters'))];
    const offenders = files.filter((f) => !f.endsWith(join('src', 'config.ts')) && /process\.env/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(REPO_ROOT, f))).toEqual([]);
  });

  it('features do not import each other, and only the LLM module imports openai', () => {
    // pictures is a shared service like privacy (src/pictures/index.ts), not a feature.
    const shared = new Set(['core', 'store', 'privacy', 'llm', 'pictures']);
    const features = readdirSync(src).filter((d) => statSync(join(src, d)).isDirectory() && !shared.has(d));
    const offenders: string[] = [];
    for (const feature of features) {
      for (const file of sources(join(src, feature))) {
        for (const i of imports(file)) {
          const other = features.find((f) => f !== feature && new RegExp(`(^|/)\\.\\./${f}(/|$)`).test(i));
          if (other) offenders.push(`${relative(REPO_ROOT, file)} imports feature ${other}`);
          if (i === 'openai') offenders.push(`${relative(REPO_ROOT, file)} imports openai directly`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('adapters and features use core, store, privacy and llm only through their public entries', () => {
    const shared = new Set(['core', 'store', 'privacy', 'llm']);
    const features = readdirSync(src).filter((d) => statSync(join(src, d)).isDirectory() && !shared.has(d));
    const files = [...sources(join(REPO_ROOT, 'adapters')), ...features.flatMap((f) => sources(join(src, f)))];
    const offenders = files.flatMap((file) =>
      imports(file)
        .filter((i) => /(^|\/)(core|store|privacy|llm)\/(?!index\.ts$)[^/]+/.test(i) && i.startsWith('.'))
        .map((i) => `${relative(REPO_ROOT, file)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
