import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

describe('wegwijs serve', () => {
  it('starts on the embedded defaults, says which platforms are off, and answers /healthz', async () => {
    const temp = tempDir();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', WEGWIJS_DATA_DIR: temp.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${logs}`)), 20_000);
        child.stderr.on('data', (chunk) => {
          logs += chunk;
          const match = /listens on port (\d+)/.exec(logs);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${logs}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
      expect(logs).toMatch(/teams is off: set TEAMS_APP_ID/);
      expect(logs).toMatch(/slack is off: set SLACK_SIGNING_SECRET/);
      expect(logs).toMatch(/npx wegwijs chat/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      temp.cleanup();
    }
  });
});
