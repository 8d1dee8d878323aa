import { createApp } from '../compose.ts';
import { startServer } from '../server.ts';
import { settleStartupMemory } from '../serve-memory.ts';
import { cliConfig } from './config.ts';
import type { CliCommand } from './index.ts';

export const serve: CliCommand = {
  summary: 'start the bot server (Teams, Slack, health check, scheduler)',
  usage: 'serve',
  async run() {
    const config = cliConfig();
    const app = await createApp(config);
    const server = await startServer(app);
    // The start-up garbage is collected once the server listens: the platforms' requests need not
    // wait for it (~40 ms of two full collections) before the port is open.
    setImmediate(settleStartupMemory);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    app.services.log.info('Stopping');
    await server.close();
    await app.close();
    return 0;
  },
};
