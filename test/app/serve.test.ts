import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** Starts `wegwijs serve` as a process and resolves with its port once it listens. */
async function serve(env: Record<string, string>) {
  const temp = tempDir();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WEGWIJS_DATA_DIR: temp.dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { logs: '' };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${state.logs}`)), 20_000);
    child.stderr.on('data', (chunk) => {
      state.logs += chunk;
      const match = /listens on port (\d+)/.exec(state.logs);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${state.logs}`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    temp.cleanup();
  };
  return { port, state, stop };
}

describe('wegwijs serve', () => {
  it('runs Teams in local mode only when TEAMS_LOCAL_MODE=true', async () => {
    const server = await serve({ TEAMS_LOCAL_MODE: 'true' });
    try {
      const health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as { platforms: Record<string, boolean> };
      expect(health.platforms).toMatchObject({ teams: true, slack: false });
    } finally {
      await server.stop();
    }
  });

  it('starts on the embedded defaults, says which platforms are off, and answers /healthz', async () => {
    const server = await serve({});
    try {
      const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite', platforms: { teams: false, slack: false } });
      expect(server.state.logs).toMatch(/teams is off: set TEAMS_APP_ID/);
      expect(server.state.logs).toMatch(/slack is off: set SLACK_SIGNING_SECRET/);
      expect(server.state.logs).toMatch(/npx wegwijs chat/);
    } finally {
      await server.stop();
    }
  });
});
