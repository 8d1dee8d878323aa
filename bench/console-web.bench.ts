/**
 * The network console's render time on the server: one network with 2,000 actions (history spread
 * over 12 weeks) and 100 deliberations, pages fetched over loopback HTTP from the real server
 * (so the figure includes Express and the session check: an upper bound of the render itself).
 * Goal (issue 16): < 200 ms per network page.
 * Run: `node bin/run-ts.js bench/console-web.bench.ts` (or `npm run bench -- console-web`).
 */
import { pathToFileURL } from 'node:url';
import { startServer } from '../app/server.ts';
import { consoleWebConfig, linkToken } from '../src/console-web/index.ts';
import { createHarness } from '../test/helpers/harness.ts';
import { press, startSession, step } from '../test/deliberate/session-helpers.ts';
import { fmt, percentile, timeAsync } from './util.ts';

const ACTIONS = 2000;
const DELIBERATIONS = 100;
const RUNS = 30;
const NETWORK = 'console:local:zorg';

export async function run(): Promise<void> {
  const env = { PORT: '0', HOST: '127.0.0.1', WEGWIJS_CONSOLE_SECRET: 'bench-console-secret-0123456789', SCHEDULER_INTERVAL_SECONDS: '3600' };
  Object.assign(process.env, env);
  const h = await createHarness({ env, start: '2026-09-07T09:00:00+02:00' });
  await h.say('fleur', 'zorg', 'wegwijs netwerk start "Zorgnetwerk Oost"');
  console.log(`load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  const seeding = await timeAsync(async () => {
    // The actions as the store keeps them, written straight to the store (the bot would take minutes).
    const start = h.clock.now().getTime();
    for (let i = 1; i <= ACTIONS; i++) {
      const created = new Date(start + i * 40 * 60_000).toISOString();
      const moved = new Date(start + i * 40 * 60_000 + 3 * 86_400_000).toISOString();
      const status = (['open', 'in_progress', 'stuck', 'done', 'done'] as const)[i % 5];
      const history = [{ at: created, by: `lid-${i % 25}`, event: 'created' }];
      if (status !== 'open') history.push({ at: moved, by: `lid-${i % 25}`, event: status === 'in_progress' ? 'progress' : status });
      await h.app.store.docs.create('action', NETWORK, String(i), {
        networkId: NETWORK, number: i, platform: 'console', tenantId: 'local', title: `Actie ${i}: bel het zorgkantoor over de planning`,
        ownerId: `lid-${i % 25}`, ownerName: `Lid ${i % 25}`, due: '2026-12-15', status, notes: [], history,
        createdAt: created, createdBy: `lid-${i % 25}`, updatedAt: moved, ...(status === 'done' ? { doneAt: moved } : {}),
      });
      if (i % 25 === 0) await h.app.store.members.put(NETWORK, `lid-${i % 25}`, { userId: `lid-${i % 25}`, name: `Lid ${i % 25}`, quiet: false, joinedAt: created });
    }
    await h.app.store.nextNumber(NETWORK, 'action');
    // Real deliberations through the bot: opened, one contribution, ended.
    for (let d = 0; d < DELIBERATIONS; d++) {
      const { thread } = await startSession(h, 'fleur', 'kort', 'zorg');
      await h.say('fleur', 'zorg', `Wie houdt de regie over plan ${d}?`, thread);
      for (let i = 0; i < 6; i++) await press(h, 'fleur', 'next', step(thread, i), 'zorg');
      await press(h, 'fleur', 'end', step(thread, 6), 'zorg');
    }
  });
  h.clock.set('2026-11-30T12:00:00+01:00');
  const server = await startServer(h.app);
  const config = consoleWebConfig(h.app.services.config);
  const { token } = linkToken(config, { platform: 'console', tenantId: 'local', userId: 'fleur', name: 'Fleur', lang: 'nl' }, h.clock.now().getTime());
  const login = await fetch(`${server.url}/console/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const slug = Buffer.from(NETWORK).toString('base64url');
  const listed = (await h.app.services.ports.deliberationReports?.list(NETWORK))?.length ?? 0;
  console.log(`seeded ${ACTIONS} actions and ${listed} deliberations in ${(seeding.ms / 1000).toFixed(1)} s`);
  for (const [label, path] of [
    ['overview (chart, 12 weeks)', ''],
    ['actions (all 2,000 rows shown up to 500)', '/actions?status=all'],
    ['actions (filtered: stuck)', '/actions?status=stuck'],
    ['settings', '/settings'],
    ['next nudge preview (composeNudge)', '/nudge'],
    ['deliberations', '/deliberations'],
    ['actions.csv', '/actions.csv'],
  ] as const) {
    const times: number[] = [];
    const cpu: number[] = [];
    let status = 0;
    for (let r = 0; r < RUNS; r++) {
      // CPU time of this process (server and client both run here): the cost without waiting for
      // a core, which on a shared machine can dwarf it.
      const before = process.cpuUsage();
      const { ms, value } = await timeAsync(async () => {
        const res = await fetch(`${server.url}/console/n/${slug}${path}`, { headers: { cookie } });
        await res.arrayBuffer();
        return res.status;
      });
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
      status = value;
      times.push(ms);
    }
    if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
    console.log(`${label.padEnd(42)} wall p50 ${fmt(percentile(times, 50)).padStart(12)}  p95 ${fmt(percentile(times, 95)).padStart(12)}  cpu p50 ${fmt(percentile(cpu, 50)).padStart(12)}  (goal < 200 ms)`);
  }
  await server.close();
  await h.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
