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

  it('commits writes asked for together in one group, each with its own outcome, and reads see them', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'wegwijs.db');
    const store = new SqliteStore(file);
    await store.create('network', 'n', 'taken', { v: 0 });
    // Asked for in one go: a conflict fails only its own write.
    const writes = [
      store.create('network', 'n', 'a', { v: 1 }),
      store.create('network', 'n', 'taken', { v: 2 }),
      store.upsert('network', 'n', 'b', { v: 3 }),
    ];
    // A read asked for after them (not awaited) sees them.
    const seen = await store.read<{ v: number }>('network', 'n', 'b');
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'wegwijs_store_conflict' });
    expect(seen?.data.v).toBe(3);
    // Once a write has settled it is on disk: another connection to the file reads it.
    const other = new SqliteStore(file);
    expect((await other.read<{ v: number }>('network', 'n', 'a'))?.data.v).toBe(1);
    expect((await other.read<{ v: number }>('network', 'n', 'taken'))?.data.v).toBe(0);
    await other.close();
    await store.close();
  });
});
