import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.ts';
import { SqliteStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('sqlite', async () => {
  const temp = tempDir();
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const file = join(temp.dir, 'wegwijs.db');
  const docs = new SqliteStore(file, clock);
  return {
    docs,
    clock,
    openAnother: async () => new SqliteStore(file, clock),
    close: async () => {
      await docs.close();
      temp.cleanup();
    },
  };
});

describe('sqlite store file', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('keeps data across a reopen, in WAL mode, with migrations applied once', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'nested', 'wegwijs.db');
    const first = new SqliteStore(file);
    await first.create('network', 'n1', 'n1', { name: 'x' });
    await first.close();
    const second = new SqliteStore(file);
    expect((await second.read<{ name: string }>('network', 'n1', 'n1'))?.data.name).toBe('x');
    await second.close();
  });

  it('fails with a clear message when the data directory cannot be written', () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const blocker = join(temp.dir, 'file-not-dir');
    writeFileSync(blocker, 'x');
    expect(() => new SqliteStore(join(blocker, 'wegwijs.db'))).toThrow(/data directory .* cannot be created or written.*WEGWIJS_DATA_DIR/);
    if (process.getuid?.() !== 0) {
      const readOnly = join(temp.dir, 'ro');
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o500);
      expect(() => new SqliteStore(join(readOnly, 'wegwijs.db'))).toThrow(/WEGWIJS_DATA_DIR/);
    }
  });
});
