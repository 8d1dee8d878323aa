/** `npm run teams:package` builds a sideloadable zip with a filled-in manifest and valid icons. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../infra/teams/icons.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const APP_ID = '11111111-2222-4333-8444-555555555555';

function runPackage(env: Record<string, string>, args: string[]) {
  return spawnSync(process.execPath, ['bin/run-ts.js', 'infra/teams/package.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 25_000,
  });
}

describe('Teams app package', () => {
  it('builds the zip with the manifest (bot id from TEAMS_APP_ID) and both icons', () => {
    const out = tempDir();
    try {
      const result = runPackage({ TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'x', TEAMS_TENANT_ID: 'tenant' }, ['--out', out.dir, '--domain', 'wegwijs.example.org']);
      expect(result.status, result.stderr).toBe(0);
      const zip = new AdmZip(join(out.dir, 'wegwijs-teams.zip'));
      expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

      const manifest = JSON.parse(zip.readAsText('manifest.json'));
      expect(manifest.manifestVersion).toBe('1.22');
      expect(manifest.$schema).toContain('/v1.22/MicrosoftTeams.schema.json');
      expect(manifest.id).toBe(APP_ID);
      expect(manifest.bots).toHaveLength(1);
      expect(manifest.bots[0].botId).toBe(APP_ID);
      expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
      const titles = manifest.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) => l.commands.map((c) => c.title));
      for (const word of ['hulp', 'help', 'beraad', 'acties', 'netwerk', 'rol']) expect(titles).toContain(word);
      for (const list of manifest.bots[0].commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
      expect(manifest.validDomains).toEqual(['wegwijs.example.org']);
      expect(manifest.developer.websiteUrl).toBe('https://wegwijs.example.org');
      expect(JSON.stringify(manifest)).not.toMatch(/\$\{/);
      expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(manifest.name.short.length).toBeLessThanOrEqual(30);
      expect(manifest.description.short.length).toBeLessThanOrEqual(80);

      expect(pngSize(zip.readFile('color.png')!)).toEqual({ width: 192, height: 192 });
      expect(pngSize(zip.readFile('outline.png')!)).toEqual({ width: 32, height: 32 });
    } finally {
      out.cleanup();
    }
  });

  it('refuses to build without TEAMS_APP_ID, naming the variable', () => {
    const out = tempDir();
    try {
      const result = runPackage({}, ['--out', out.dir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/TEAMS_APP_ID/);
    } finally {
      out.cleanup();
    }
  });
});
