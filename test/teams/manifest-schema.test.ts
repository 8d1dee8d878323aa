/**
 * The Teams app manifest (as `npm run teams:package` fills it in) is valid against the official
 * JSON schema of its manifest version, vendored in infra/teams/schema (no network at test time),
 * with the personal and channel tabs pointing at the web console.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../infra/teams/package.ts';

const SCHEMA = fileURLToPath(new URL('../../infra/teams/schema/MicrosoftTeams.v1.22.schema.json', import.meta.url));
const APP_ID = '11111111-2222-4333-8444-555555555555';

function validator() {
  // CommonJS packages: their default export is the module, whose `default` is the class/plugin.
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
}

const options = { appId: APP_ID, version: '1.2.3', websiteUrl: 'https://wegwijs.example.org', domains: ['wegwijs.example.org'] };

describe('Teams manifest against its schema', () => {
  const validate = validator();

  it('is valid for the manifest version it names, with both tabs', () => {
    const manifest = buildManifest(options);
    expect(manifest.manifestVersion).toBe('1.22');
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const [personal] = manifest.staticTabs as { contentUrl: string; scopes: string[] }[];
    expect(personal).toMatchObject({ contentUrl: 'https://wegwijs.example.org/console/tab?context=personal', scopes: ['personal'] });
    const [channel] = manifest.configurableTabs as { configurationUrl: string; scopes: string[] }[];
    expect(channel.configurationUrl).toBe('https://wegwijs.example.org/console/tab?context=configure');
    expect(channel.scopes).toEqual(['team', 'groupChat']);
  });

  it('stays valid with the console elsewhere (its host becomes a valid domain) and without the channel tab', () => {
    const manifest = buildManifest({ ...options, consoleUrl: 'https://console.example.org/', channelTab: false });
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest.validDomains).toEqual(['wegwijs.example.org', 'console.example.org']);
    expect(manifest.configurableTabs).toBeUndefined();
    expect(JSON.stringify(manifest)).toContain('https://console.example.org/tab?context=personal');
  });

  it('the schema catches a broken manifest (so the check can fail)', () => {
    const manifest = buildManifest(options) as Record<string, unknown>;
    expect(validate({ ...manifest, staticTabs: [{ name: 'no id' }] })).toBe(false);
    expect(validate({ ...manifest, bots: [{ botId: 'not-a-guid', scopes: ['personal'] }] })).toBe(false);
  });
});
