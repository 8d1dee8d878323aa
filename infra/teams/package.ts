/**
 * `npm run teams:package`: builds the Teams app package to sideload (manifest.json with the bot
 * id from TEAMS_APP_ID, and the two icons) as infra/teams/build/wegwijs-teams.zip.
 *
 *   npm run teams:package -- [--domain bot.example.org]… [--website https://…] [--out DIR]
 *
 * `--domain` adds the bot's host to validDomains (and is the default website); `--website` sets
 * the developer, privacy and terms URLs; `--console` the web console the personal and channel tabs
 * show (default: /console on the first domain); `--no-channel-tab` leaves the channel tab out.
 * `webApplicationInfo` names the app for Teams SSO in the tab: resource `api://<console host>/<app id>`
 * (or TEAMS_SSO_RESOURCE), which must be the Application ID URI of the app registration.
 *
 * The app id comes from the validated configuration (src/config.ts), so the same variables that
 * run the bot build its package.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import AdmZip from 'adm-zip';
import { ConfigError, loadConfig, loadEnvFiles } from '../../src/config.ts';
import { ACCENT, colorIcon, outlineIcon } from './icons.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_NAME = 'wegwijs-teams.zip';

export interface PackageOptions {
  appId: string;
  version: string;
  websiteUrl: string;
  domains: string[];
  outDir: string;
  /** The web console's base URL (https), shown in the personal tab and the channel tab. */
  consoleUrl?: string;
  /** The configurable tab for channels, group chats and meetings (default: on). */
  channelTab?: boolean;
  /**
   * The Application ID URI the tab's Teams SSO token is issued for (TEAMS_SSO_RESOURCE); default
   * `api://<console host>/<app id>`, the URI the console accepts by default (src/console-web/sso.ts).
   */
  ssoResource?: string;
}

/** The manifest from the template, with every `${…}` placeholder filled in. */
export function buildManifest(options: Omit<PackageOptions, 'outDir'>): Record<string, unknown> {
  const values: Record<string, string> = {
    TEAMS_APP_ID: options.appId,
    VERSION: options.version,
    WEBSITE_URL: options.websiteUrl.replace(/\/+$/, ''),
    ACCENT_COLOR: ACCENT,
    CONSOLE_URL: (options.consoleUrl ?? `${options.websiteUrl.replace(/\/+$/, '')}/console`).replace(/\/+$/, ''),
  };
  // Teams SSO in the tab (webApplicationInfo): the same app id, and the console's host in the URI.
  values.SSO_RESOURCE = options.ssoResource ?? `api://${new URL(values.CONSOLE_URL).host}/${options.appId}`;
  const template = readFileSync(join(HERE, 'manifest.json'), 'utf8');
  const filled = template.replace(/\$\{([A-Z_]+)\}/g, (_all, name: string) => {
    if (!(name in values)) throw new Error(`manifest.json: unknown placeholder \${${name}}`);
    return values[name];
  });
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  // The tabs' pages must be on a valid domain: the console's host is added when it is not there.
  const consoleHost = new URL(values.CONSOLE_URL).host;
  manifest.validDomains = options.domains.includes(consoleHost) || !consoleHost ? options.domains : [...options.domains, consoleHost];
  if (options.channelTab === false) delete manifest.configurableTabs;
  return manifest;
}

/** Writes the zip and returns its path. The icons are drawn again if they are missing. */
export function buildPackage(options: PackageOptions): string {
  const color = join(HERE, 'color.png');
  const outline = join(HERE, 'outline.png');
  if (!existsSync(color)) writeFileSync(color, colorIcon());
  if (!existsSync(outline)) writeFileSync(outline, outlineIcon());
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(buildManifest(options), null, 2)));
  zip.addFile('color.png', readFileSync(color));
  zip.addFile('outline.png', readFileSync(outline));
  mkdirSync(options.outDir, { recursive: true });
  const path = join(options.outDir, PACKAGE_NAME);
  zip.writeZip(path);
  return path;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      domain: { type: 'string', multiple: true, default: [] },
      website: { type: 'string' },
      out: { type: 'string', default: join(HERE, 'build') },
      console: { type: 'string' },
      'no-channel-tab': { type: 'boolean', default: false },
    },
  });
  loadEnvFiles();
  const config = loadConfig();
  if (!config.teams) throw new ConfigError('TEAMS_APP_ID', 'is needed to build the Teams package (with TEAMS_APP_PASSWORD and TEAMS_TENANT_ID)');
  const pkg = JSON.parse(readFileSync(join(HERE, '..', '..', 'package.json'), 'utf8')) as { version: string };
  const domains = values.domain.map((d) => d.replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
  // The developer URLs must be https; without --website the bot's own domain is used.
  const websiteUrl = values.website ?? (domains[0] ? `https://${domains[0]}` : 'https://example.org');
  if (!values.website && !domains[0]) process.stderr.write('teams:package: no --website or --domain given; the manifest links to https://example.org\n');
  const consoleUrl = values.console ?? `${websiteUrl}/console`;
  if (!consoleUrl.startsWith('https://')) throw new Error('--console must be an https URL (Teams shows tabs only over https)');
  const path = buildPackage({ appId: config.teams.appId, version: pkg.version, websiteUrl, domains, outDir: values.out, consoleUrl, channelTab: !values['no-channel-tab'], ssoResource: config.teams.ssoResource });
  process.stdout.write(`Teams app package: ${path}\nUpload it in Teams: Apps → Manage your apps → Upload an app.\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`teams:package: ${(err as Error).message}\n`);
    process.exitCode = err instanceof ConfigError ? 2 : 1;
  }
}
