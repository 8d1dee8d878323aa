/**
 * The `wegwijs` command loads only what a command needs: a process-level check with a module
 * hook that records every package resolved, plus the command table itself.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../app/commands/index.ts';
import { BIN } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** Runs `wegwijs ARGS` and returns the npm packages it loaded (through import or require). */
function packagesLoaded(args: string[]): { code: number | null; packages: Set<string> } {
  const temp = tempDir();
  try {
    const log = join(temp.dir, 'packages.txt');
    const hooks = join(temp.dir, 'hooks.mjs');
    writeFileSync(log, '');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r.url);
  if (m) appendFileSync(${JSON.stringify(log)}, m[1] + '\\n');
  return r;
}`,
    );
    const register = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(`file://${hooks}`)});`;
    // Requires from CommonJS packages do not pass ESM hooks; this records those too.
    const requireHook = join(temp.dir, 'require-hook.cjs');
    writeFileSync(requireHook, `const M=require('module');const o=M._resolveFilename;M._resolveFilename=function(...a){const r=o.apply(this,a);const m=/node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r);if(m)require('fs').appendFileSync(${JSON.stringify(log)},m[1]+'\\n');return r}`);
    const result = spawnSync(process.execPath, ['--import', register, '-r', requireHook, BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', WEGWIJS_DATA_DIR: temp.dir },
      encoding: 'utf8',
      timeout: 25_000,
    });
    return { code: result.status, packages: new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean)) };
  } finally {
    temp.cleanup();
  }
}

describe('wegwijs loads only what a command needs', () => {
  it('answers `ask` without the chat platforms, the HTTP server, the store (libsql), Cosmos DB or the LLM client', () => {
    const { code, packages } = packagesLoaded(['ask', 'Wat doet het zorgkantoor?', '--json']);
    expect(code).toBe(0);
    expect(packages).toContain('minisearch');
    for (const heavy of ['@slack/bolt', '@microsoft/agents-hosting', 'express', 'libsql', '@azure/cosmos', 'openai']) expect(packages).not.toContain(heavy);
  });

  it('prints its help without loading any feature', () => {
    const { code, packages } = packagesLoaded(['--help']);
    expect(code).toBe(0);
    for (const heavy of ['minisearch', 'libsql', 'pino', 'zod', 'express']) expect(packages).not.toContain(heavy);
  });

  it('lists each command with the summary and usage its module declares', async () => {
    for (const entry of Object.values(COMMANDS)) {
      const command = await entry.load();
      expect({ summary: command.summary, usage: command.usage }).toEqual({ summary: entry.summary, usage: entry.usage });
    }
  });
});
