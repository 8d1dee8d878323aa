/**
 * `wegwijs serve` (`npm start`): one HTTP server for every platform, the health check, and the
 * scheduler that drives weekly nudges and time-outs.
 */
import type { Server } from 'node:http';
import express from 'express';
import type { App } from './compose.ts';
import { platformMounts } from './platforms.ts';
import { errorCode } from '../src/core/index.ts';
import { mountConsole } from '../src/console-web/index.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(app: App): Promise<RunningServer> {
  const { config, log, clock } = app.services;
  const server = express();
  server.disable('x-powered-by');
  const mounts = platformMounts(app);
  server.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', store: config.store.kind, platforms: Object.fromEntries(mounts.map((m) => [m.name, !m.off])), time: clock.now().toISOString() });
  });
  for (const mount of mounts) {
    if (mount.off) {
      log.info({ platform: mount.name }, `${mount.name} is off: ${mount.off}`);
      continue;
    }
    await mount.mount(server, app);
    log.info({ platform: mount.name }, `${mount.name} is on`);
  }
  // The network console (web pages for members, facilitators and curators): /console.
  mountConsole(server, { services: app.services });
  if (mounts.every((m) => m.off)) log.info('No chat platform is configured. To chat locally, run: npx wegwijs chat');
  // Last: a body that could not be read (too large, not JSON) is answered with its status and a
  // short code, never with a stack trace; anything else is a 500 without detail.
  server.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const status = Number((err as { status?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode);
    const known = Number.isInteger(status) && status >= 400 && status < 500;
    log.warn({ code: errorCode(err), status: known ? status : 500 }, 'request refused');
    if (res.headersSent) return next(err);
    res.status(known ? status : 500).json({ error: known ? String((err as { type?: string }).type ?? 'bad_request').replace(/\W+/g, '_') : 'internal' });
  });

  const http: Server = await new Promise((resolve, reject) => {
    const listening = server.listen(config.port, config.host, () => resolve(listening)).on('error', reject);
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  log.info({ port }, `Wegwijs listens on port ${port}`);

  // Scheduled work, and platform requests another instance (or this one before a restart)
  // acknowledged but did not finish: taken over once their lease runs out.
  let ticking = false;
  const tick = () => {
    if (ticking) return;
    ticking = true;
    const resumed = app.inbox.resume().catch((err) => log.error({ code: (err as { code?: string }).code }, 'inbox resume failed'));
    void Promise.all([resumed, app.bot.tick()]).finally(() => (ticking = false));
  };
  const timer = setInterval(tick, config.schedulerIntervalSeconds * 1000);
  tick();

  return {
    url,
    close: async () => {
      clearInterval(timer);
      for (const mount of mounts) await mount.close?.();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections?.();
    },
  };
}
