/**
 * `npm run bench -- teams`: a bare Microsoft 365 Agents SDK echo app and then Wegwijs (compiled,
 * `wegwijs serve` in Teams local mode) get the same driver as the Slack run: personal-chat message
 * activities with unique ids, 16 at a time, a fixed count (BENCH_COUNT, default 2000, at most
 * 60 s), then a steady 100 requests/s for 5 s. Replies are counted at a local fake Bot Connector.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeConnector } from '../test/teams/fake-connector.ts';
import { driveSide, type Request } from './lib/driver.ts';
import { BIN, ROOT, startServer } from './lib/processes.ts';
import { benchQuestions, measureBefore, printProcessFigures, printSides, type Side } from './slack.bench.ts';

const TENANT = 'bench-tenant';
const BOT = { id: '28:wegwijs-bot', name: 'Wegwijs' };

function message(url: string, serviceUrl: string, i: number, text: string): Request {
  const user = { id: `29:user-${i % 50}`, aadObjectId: `aad-user-${i % 50}`, name: `Gebruiker ${i % 50}` };
  const activity = {
    type: 'message',
    id: `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl,
    text,
    from: user,
    recipient: BOT,
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'nl-NL',
  };
  return { url: `${url}/api/messages`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) };
}

async function measure(name: string, args: string[], env: Record<string, string>, connector: FakeConnector, texts: string[]): Promise<Side> {
  const server = await startServer(args, env);
  try {
    let n = 0;
    return await driveSide(name, () => message(server.url, connector.url, n, texts[n++ % texts.length]), () => connector.sent.length, server.cpuMs, Math.max(100, texts.length));
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<void> {
  const connector = await new FakeConnector().start();
  const data = mkdtempSync(join(tmpdir(), 'wegwijs-bench-teams-'));
  try {
    const bare = await measure('bare Agents SDK echo', [join(ROOT, 'bench/apps/bare-teams.mjs')], {}, connector, ['echo']);
    connector.requests.length = 0;
    const before = await measureBefore((bin, dir) => measure('Wegwijs before', [bin, 'serve'], { WEGWIJS_DATA_DIR: dir, LOG_LEVEL: 'info', TEAMS_LOCAL_MODE: 'true' }, connector, benchQuestions()));
    connector.requests.length = 0;
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const wegwijs = await measure(
      'Wegwijs',
      [...profile, process.env.BENCH_WEGWIJS_BIN ?? BIN, 'serve'],
      { WEGWIJS_DATA_DIR: data, LOG_LEVEL: 'info', TEAMS_LOCAL_MODE: 'true' },
      connector,
      benchQuestions(),
    );
    printSides('Teams: personal-chat messages, 16 concurrent, replies counted at the fake connector', bare, wegwijs, before);
  } finally {
    await connector.close();
    rmSync(data, { recursive: true, force: true });
  }
  await printProcessFigures();
}
