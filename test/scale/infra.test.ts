/**
 * Static checks of the deployment files (no Azure, no Docker engine, no Bicep CLI needed):
 * the Bicep templates declare and wire what infra/azure/README.md and the main README promise,
 * and the Dockerfile is multi-stage, non-root and health-checked. Compiling the Bicep is left to
 * `az bicep build` where the CLI is installed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTAINER_DEFINITION } from '../../src/store/cosmos/cosmos-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AZURE = join(ROOT, 'infra/azure');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Param {
  name: string;
  type: string;
  optional: boolean;
}

/**
 * Source without comments and with string text blanked (interpolations `${…}` kept), so that
 * brackets and names can be counted.
 */
function code(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (source.startsWith('/*', i)) {
      i = source.indexOf('*/', i) + 1;
    } else if (source[i] === "'") {
      out += "'";
      for (i++; i < source.length && source[i] !== "'"; i++) {
        if (source[i] === '\\') {
          i++;
          out += 'xx';
        } else if (source.startsWith('${', i)) {
          const end = source.indexOf('}', i);
          out += ` ${source.slice(i + 2, end)} `;
          i = end;
        } else {
          out += 'x';
        }
      }
      out += "'";
    } else {
      out += source[i];
    }
  }
  return out;
}

function params(source: string): Param[] {
  return [...source.matchAll(/^param (\w+) (\w+)( =)?/gm)].map((m) => ({ name: m[1], type: m[2], optional: Boolean(m[3]) }));
}

/** The text of the `{ … }` block that starts at `open` (an index of "{"). */
function block(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) return source.slice(open, i + 1);
  }
  throw new Error('unbalanced block');
}

/** Top-level keys of an object block. */
function keys(objectBlock: string): string[] {
  const found: string[] = [];
  let depth = 0;
  for (const line of objectBlock.split('\n')) {
    const match = depth === 1 ? /^\s*'?([\w-]+)'?:/.exec(line) : null;
    if (match) found.push(match[1]);
    for (const ch of line) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
  }
  return found;
}

function modules(source: string): { name: string; path: string; params: string[] }[] {
  return [...source.matchAll(/^module (\w+) '([^']+)'[^{]*\{/gm)].map((m) => {
    const body = block(source, m.index! + m[0].length - 1);
    const paramsAt = body.indexOf('params: {');
    return { name: m[1], path: m[2], params: paramsAt < 0 ? [] : keys(block(body, paramsAt + 'params: '.length)) };
  });
}

const bicepFiles = [join(AZURE, 'main.bicep'), ...readdirSync(join(AZURE, 'modules')).map((f) => join(AZURE, 'modules', f))].filter((f) => f.endsWith('.bicep'));
const all = bicepFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
const main = readFileSync(join(AZURE, 'main.bicep'), 'utf8');

describe('Bicep templates (infra/azure)', () => {
  it.each(bicepFiles.map((f) => [f.slice(ROOT.length), f]))('%s has balanced brackets and uses every parameter', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const stripped = code(source);
    for (const [open, close] of ['{}', '[]', '()']) expect(stripped.split(open).length, `${open}${close} in ${file}`).toBe(stripped.split(close).length);
    for (const p of params(source)) {
      const uses = stripped.match(new RegExp(`\\b${p.name}\\b`, 'g'))?.length ?? 0;
      expect(uses - 1, `param ${p.name} in ${file} is never used`).toBeGreaterThan(0);
    }
  });

  it('passes every module exactly the parameters it declares', () => {
    for (const file of bicepFiles) {
      for (const mod of modules(readFileSync(file, 'utf8'))) {
        const target = join(dirname(file), mod.path);
        expect(existsSync(target), `${mod.path} exists`).toBe(true);
        const declared = params(readFileSync(target, 'utf8'));
        expect(mod.params.filter((p) => !declared.some((d) => d.name === p)), `unknown params for ${mod.name}`).toEqual([]);
        const required = declared.filter((d) => !d.optional).map((d) => d.name);
        expect(required.filter((r) => !mod.params.includes(r)), `missing params for ${mod.name}`).toEqual([]);
      }
    }
  });

  it('documents every parameter of main.bicep in infra/azure/README.md, and no others', () => {
    const readme = read('infra/azure/README.md');
    const table = readme.slice(readme.indexOf('## Parameters'));
    const documented = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(params(main).map((p) => p.name).sort());
    // Secrets are secure parameters, never plain ones.
    for (const secret of ['teamsAppPassword', 'slackSigningSecret', 'slackBotToken', 'openAiApiKey']) {
      expect(main).toMatch(new RegExp(`@secure\\(\\)\\nparam ${secret} string`));
    }
  });

  it('declares the resources the READMEs promise', () => {
    const types = new Set([...all.matchAll(/^resource \w+ '([^@']+)@[^']+'/gm)].map((m) => m[1]));
    for (const type of [
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.OperationalInsights/workspaces',
      'Microsoft.Insights/components',
      'Microsoft.Insights/webtests',
      'Microsoft.Insights/diagnosticSettings',
      'Microsoft.DocumentDB/databaseAccounts',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.Authorization/roleAssignments',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(all).toContain("name: 'EnableServerless'");
    expect(all).toContain("channelName: 'MsTeamsChannel'");
    expect(all).toContain('enableRbacAuthorization: true');
    expect(all).toContain("healthCheckPath: '/healthz'");
    expect(all).toContain('keyVaultReferenceIdentity: identityId');
    expect(all).toContain("'/api/messages'".slice(1, -1));
  });

  it('configures the app for Cosmos DB with its managed identity and secrets from Key Vault', () => {
    const settings = main.slice(main.indexOf('var baseSettings'), main.indexOf('module app'));
    for (const name of ['STORE', 'COSMOS_ENDPOINT', 'COSMOS_DATABASE', 'COSMOS_CREATE_CONTAINERS', 'AZURE_CLIENT_ID', 'PORT', 'NODE_ENV', 'TEAMS_APP_ID', 'TEAMS_TENANT_ID', 'TEAMS_APP_PASSWORD', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'OPENAI_API_KEY']) {
      expect(settings, name).toMatch(new RegExp(`\\b${name}:`));
    }
    expect(settings).toContain("STORE: 'cosmos'");
    expect(settings).not.toMatch(/COSMOS_KEY/);
    expect(main).toContain("'@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='");
    for (const secret of ['TEAMS_APP_PASSWORD', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'OPENAI_API_KEY']) {
      expect(settings).toMatch(new RegExp(`${secret}: '\\$\\{kvRef\\}[\\w-]+\\)'`));
    }
  });

  it('declares the docs container the way the app creates it', () => {
    const cosmos = readFileSync(join(AZURE, 'modules/cosmos.bicep'), 'utf8');
    expect(cosmos).toContain(`name: '${CONTAINER_DEFINITION.id}'`);
    for (const path of CONTAINER_DEFINITION.partitionKey!.paths) expect(cosmos).toContain(`'${path}'`);
    expect(cosmos).toContain(`defaultTtl: ${CONTAINER_DEFINITION.defaultTtl}`);
    for (const index of CONTAINER_DEFINITION.indexingPolicy!.compositeIndexes!.flat()) {
      expect(cosmos).toMatch(new RegExp(`path: '${index.path}'\\s+order: '${index.order}'`));
    }
    expect(cosmos).toContain("'00000000-0000-0000-0000-000000000002'");
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('is multi-stage and installs production dependencies exactly as locked', () => {
    expect(lines.filter((l) => /^FROM /.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^COPY --from=\w+ \/app\/node_modules/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    // The image runs compiled JavaScript: it is built in a stage of its own, and tsx stays a dev tool.
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/^COPY --from=\w+ \/app\/dist \.\/dist$/m);
    expect(JSON.parse(read('package.json')).dependencies).not.toHaveProperty('tsx');
  });

  it('runs as a non-root user, on port 3978, with a health check against /healthz', () => {
    const users = lines.filter((l) => /^USER /.test(l));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER (root|0)(:|\s*$)/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(dockerfile).toMatch(/PORT=3978/);
    expect(dockerfile).toMatch(/^EXPOSE 3978$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "bin\/wegwijs.js", "serve"\]$/m);
  });

  it('copies every folder the server needs, and the build context leaves out the rest', () => {
    for (const dir of ['bin', 'src', 'app', 'adapters', 'prompts', 'knowledge']) expect(dockerfile).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
    for (const dir of ['bin', 'prompts', 'knowledge']) expect(dockerfile.split(/^FROM .* AS runtime$/m)[1]).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.env', 'data', 'test', '.git']) expect(ignored).toContain(entry);
  });
});
