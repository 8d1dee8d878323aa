/**
 * The interactive chat, driven through a pipe as a person at a terminal would type.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

describe('wegwijs chat (interactive)', () => {
  it('shows cards as text, follows /dm and /as, and reads .env from the working directory', async () => {
    const temp = tempDir();
    writeFileSync(join(temp.dir, '.env'), 'WEGWIJS_BOT_NAME=zorgbot\n');
    const result = await runCli(['chat'], {
      cwd: temp.dir,
      input: ['gewoon gepraat', 'zorgbot hulp', '/dm', 'taal en', '/as bram', 'help', '/quit', ''].join('\n'),
    });
    temp.cleanup();
    const screen = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(result.code).toBe(0);
    expect(screen).toContain('Wat Wegwijs kan');
    expect(screen).toContain('`zorgbot hulp`');
    expect(screen).toContain("All right, I'll speak English with you from now on.");
    expect(screen).toContain('bram (DM)>');
    // "gewoon gepraat" is not addressed to the bot: three answers for the three addressed lines.
    expect(screen.match(/\] zorgbot · /g)).toHaveLength(3);
    expect(screen.match(/Wat Wegwijs kan/g)).toHaveLength(2);
  });
});
