import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(fileURLToPath(new URL('../../app/serve-memory.ts', import.meta.url))).href;

/**
 * Runs `body` in a fresh Node process (V8 flags are per process; this worker's must not change)
 * and returns what it printed as JSON. `young()` is the young generation's size in MB, `fill(mb)`
 * allocates about that much that stays alive.
 */
function inProcess(body: string, nodeFlags: string[] = []): Record<string, number | boolean> {
  const script = `
    import v8 from 'node:v8';
    import { holdYoungGeneration, settleStartupMemory } from ${JSON.stringify(MODULE)};
    const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    const kept = [];
    const fill = (mb) => { for (let i = 0; i < mb * 20000; i++) kept.push({ i, s: 'x' + i }); };
    const out = {};
    ${body}
    console.log(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number | boolean>;
}

describe('serve memory (app/serve-memory.ts)', () => {
  it('keeps the young generation at its initial size while held, and lets it grow again once settled', () => {
    const out = inProcess(`
      out.initial = young();
      holdYoungGeneration();
      fill(30);
      out.held = young();
      settleStartupMemory();
      out.noGlobalGc = typeof globalThis.gc === 'undefined';
      fill(30);
      out.released = young();`);
    expect(out.held).toBeLessThanOrEqual(Math.max(4, Number(out.initial) * 2));
    expect(out.released).toBeGreaterThan(Number(out.held));
    // The collection it runs does not leave gc() on the global object.
    expect(out.noGlobalGc).toBe(true);
  });

  it('leaves the growth alone when --semi-space-growth-factor was given', () => {
    const out = inProcess(
      `
      holdYoungGeneration();
      fill(30);
      out.young = young();`,
      ['--semi-space-growth-factor=2'],
    );
    // Without the hold, 30 MB that survive take the young generation well past its initial size.
    expect(out.young).toBeGreaterThan(4);
  });

  it('decides which platforms are on without loading their SDKs', () => {
    // The SDKs are CommonJS: whatever was loaded is in require.cache.
    const platforms = pathToFileURL(fileURLToPath(new URL('../../app/platforms.ts', import.meta.url))).href;
    const script = `
      import { createRequire } from 'node:module';
      const { platformMounts } = await import(${JSON.stringify(platforms)});
      const mounts = platformMounts({ services: { config: { production: false, teamsLocalMode: false } } });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ off: mounts.filter((m) => m.off).length, sdks: loaded.filter((f) => /@microsoft[\\/]agents|@slack[\\/]bolt/.test(f)) }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual({ off: 2, sdks: [] });
  });
});
