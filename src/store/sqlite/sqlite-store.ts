/**
 * The embedded default store: one SQLite file (WAL mode), shared safely by several processes.
 * Optimistic concurrency is a conditional UPDATE on the eTag, which SQLite executes atomically.
 *
 * Writes are committed in groups: the writes asked for in one turn of the event loop (under load,
 * those of many requests at once) run in one transaction, which costs the commit once instead of
 * once per write. Each write's promise settles only after its group's COMMIT, so "written" still
 * means on disk for every caller (the inbox acknowledges a request only after that). Each write
 * keeps its own outcome (a conflict fails that write alone), and a read first commits the writes
 * asked for before it, so every reader sees what was written before it asked.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
// The real one, also where a test fakes the global timers: a queued write must always commit.
import { setImmediate } from 'node:timers';
import type Database from 'libsql';
import { WegwijsError } from '../../errors.ts';
import { StoreConflictError, systemStoreClock, type StoreClock, type Doc, type DocumentStore, type Kind, type QueryOptions, type WriteOptions } from '../document-store.ts';
import { MIGRATIONS } from './migrations.ts';

interface Row {
  kind: Kind;
  pk: string;
  id: string;
  etag: string;
  data: string;
  updated_at: string;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

// libsql (a native module and its loader) loads when a store is first opened, not when this file is
// imported: `wegwijs ask` and the other commands without a store never load it.
let Libsql: typeof Database | undefined;
function openDatabase(file: string): Database.Database {
  Libsql ??= createRequire(import.meta.url)('libsql') as typeof Database;
  return new Libsql(file);
}

export class SqliteStore implements DocumentStore {
  private readonly db: Database.Database;
  /** Prepared once per SQL text: preparing is a large part of a small read or write. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Writes waiting for the group commit at the end of this turn of the event loop. */
  private pending: PendingWrite[] = [];

  constructor(
    readonly file: string,
    private readonly clock: StoreClock = systemStoreClock,
  ) {
    prepareDirectory(file);
    try {
      this.db = openDatabase(file);
      // secure_delete: what is overwritten or deleted (a hidden note, a forgotten person) is zeroed in the file, not left in free space.
      // wal_autocheckpoint 4000 pages (16 MB of log, SQLite's default is 1000): under load the same
      // few pages (indexes, the inbox) were copied back into the file every ~1,000 writes; a bench
      // of a turn's reads and writes used ~15% less CPU. `purge` still empties the log at once.
      this.db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = 4000;');
      this.migrate();
    } catch (err) {
      throw new WegwijsError('wegwijs_store_error', `Cannot open the database at ${file}: ${(err as Error).message}`, { cause: err });
    }
  }

  async read<T>(kind: Kind, pk: string, id: string): Promise<Doc<T> | undefined> {
    this.commitPending();
    return this.readNow<T>(kind, pk, id);
  }

  private readNow<T>(kind: Kind, pk: string, id: string): Doc<T> | undefined {
    const row = this.sql('SELECT * FROM docs WHERE kind = ? AND pk = ? AND id = ? AND (expires_at IS NULL OR expires_at > ?)')
      .get(kind, pk, id, this.nowMs()) as Row | undefined;
    return row ? toDoc<T>(row) : undefined;
  }

  create<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions = {}): Promise<Doc<T>> {
    return this.write(() => this.createNow(kind, pk, id, data, options));
  }

  private createNow<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions): Doc<T> {
    const etag = randomUUID();
    const updatedAt = this.clock.now().toISOString();
    // One statement: insert, or take the place of a record that has expired (it no longer exists
    // as far as anyone can tell); a live record is left alone and the create is a conflict.
    let changes: number;
    try {
      changes = this.sql(
        `INSERT INTO docs (kind, pk, id, etag, data, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, pk, id) DO UPDATE SET etag = excluded.etag, data = excluded.data,
           updated_at = excluded.updated_at, expires_at = excluded.expires_at
         WHERE docs.expires_at IS NOT NULL AND docs.expires_at <= ?`,
      ).run(kind, pk, id, etag, JSON.stringify(data), updatedAt, this.expiry(options), this.nowMs()).changes;
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new StoreConflictError(kind, id);
      throw err;
    }
    if (changes !== 1) throw new StoreConflictError(kind, id);
    return { kind, pk, id, etag, data, updatedAt };
  }

  replace<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions & { ifMatch: string }): Promise<Doc<T>> {
    return this.write(() => this.replaceNow(kind, pk, id, data, options));
  }

  private replaceNow<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions & { ifMatch: string }): Doc<T> {
    const etag = randomUUID();
    const updatedAt = this.clock.now().toISOString();
    const result = this.sql(
        `UPDATE docs SET etag = ?, data = ?, updated_at = ?, expires_at = ?
         WHERE kind = ? AND pk = ? AND id = ? AND etag = ? AND (expires_at IS NULL OR expires_at > ?)`,
      )
      .run(etag, JSON.stringify(data), updatedAt, this.expiry(options), kind, pk, id, options.ifMatch, this.nowMs());
    if (result.changes !== 1) throw new StoreConflictError(kind, id);
    return { kind, pk, id, etag, data, updatedAt };
  }

  upsert<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions = {}): Promise<Doc<T>> {
    return this.write(() => this.upsertNow(kind, pk, id, data, options));
  }

  private upsertNow<T>(kind: Kind, pk: string, id: string, data: T, options: WriteOptions): Doc<T> {
    const etag = randomUUID();
    const updatedAt = this.clock.now().toISOString();
    this.sql(
        `INSERT INTO docs (kind, pk, id, etag, data, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, pk, id) DO UPDATE SET etag = excluded.etag, data = excluded.data,
           updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
      )
      .run(kind, pk, id, etag, JSON.stringify(data), updatedAt, this.expiry(options));
    return { kind, pk, id, etag, data, updatedAt };
  }

  delete(kind: Kind, pk: string, id: string, options: { ifMatch?: string } = {}): Promise<boolean> {
    return this.write(() => this.deleteNow(kind, pk, id, options));
  }

  private deleteNow(kind: Kind, pk: string, id: string, options: { ifMatch?: string }): boolean {
    if (options.ifMatch) {
      const result = this.sql('DELETE FROM docs WHERE kind = ? AND pk = ? AND id = ? AND etag = ?').run(kind, pk, id, options.ifMatch);
      if (result.changes === 0 && this.readNow(kind, pk, id)) throw new StoreConflictError(kind, id);
      return result.changes === 1;
    }
    return this.sql('DELETE FROM docs WHERE kind = ? AND pk = ? AND id = ?').run(kind, pk, id).changes === 1;
  }

  async query<T>(kind: Kind, options: QueryOptions = {}): Promise<Doc<T>[]> {
    this.commitPending();
    const clauses = ['kind = ?', '(expires_at IS NULL OR expires_at > ?)'];
    const params: unknown[] = [kind, this.nowMs()];
    if (options.pk !== undefined) {
      clauses.push('pk = ?');
      params.push(options.pk);
    }
    for (const [field, value] of Object.entries(options.where ?? {})) {
      if (!FIELD.test(field)) throw new WegwijsError('wegwijs_store_error', `Bad field name ${field}`);
      if (value === null) {
        clauses.push(`json_extract(data, '$.${field}') IS NULL`);
      } else {
        clauses.push(`json_extract(data, '$.${field}') = ?`);
        params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
      }
    }
    const limit = options.limit ? ` LIMIT ${Math.max(1, Math.floor(options.limit))}` : '';
    const rows = this.sql(`SELECT * FROM docs WHERE ${clauses.join(' AND ')} ORDER BY updated_at, id${limit}`).all(...params) as Row[];
    return rows.map((row) => toDoc<T>(row));
  }

  /** Removes expired records; called from time to time by the scheduler. */
  purgeExpired(): number {
    this.commitPending();
    return this.sql('DELETE FROM docs WHERE expires_at IS NOT NULL AND expires_at <= ?').run(this.nowMs()).changes;
  }

  async purge(): Promise<void> {
    this.commitPending();
    // secure_delete zeroes freed pages in the database file; the old page images still sit in the
    // -wal file until a checkpoint copies them back: TRUNCATE does that now and empties the log.
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    this.commitPending();
    this.statements.clear();
    this.db.close();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const step of MIGRATIONS) {
      if (done.has(step.version)) continue;
      const apply = this.db.transaction(() => {
        // Another process may have migrated between our check and this transaction.
        if (this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(step.version)) return;
        this.db.exec(step.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(step.version, new Date().toISOString());
      });
      apply.immediate();
    }
  }

  /** Queues a write for the group commit; settles after its group is committed (or failed). */
  private write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.commitPending());
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /**
   * Runs the waiting writes in one transaction and settles their promises. Synchronous, so the
   * order of writes and reads is the order in which they were asked for.
   */
  private commitPending(): void {
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    const run = (write: PendingWrite) => {
      try {
        outcomes.push({ ok: true, value: write.work() });
      } catch (err) {
        outcomes.push({ ok: false, value: err });
      }
    };
    if (group.length === 1) {
      run(group[0]);
    } else {
      try {
        this.db.exec('BEGIN IMMEDIATE');
      } catch (err) {
        for (const write of group) write.reject(err);
        return;
      }
      // A failing statement (a conflict) undoes itself only; the others stay in the transaction.
      for (const write of group) run(write);
      try {
        this.db.exec('COMMIT');
      } catch (err) {
        try {
          this.db.exec('ROLLBACK');
        } catch {
          // already rolled back by SQLite
        }
        for (const write of group) write.reject(err);
        return;
      }
    }
    group.forEach((write, i) => (outcomes[i].ok ? write.resolve(outcomes[i].value) : write.reject(outcomes[i].value)));
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private expiry(options: WriteOptions): number | null {
    return options.ttlSeconds ? this.nowMs() + options.ttlSeconds * 1000 : null;
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}

interface PendingWrite {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

function toDoc<T>(row: Row): Doc<T> {
  return { kind: row.kind, pk: row.pk, id: row.id, etag: row.etag, data: JSON.parse(row.data) as T, updatedAt: row.updated_at };
}

/** A missing or unwritable data directory is a clear start-up error, not a crash later. */
function prepareDirectory(file: string): void {
  if (file === ':memory:') return;
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new WegwijsError(
      'wegwijs_store_error',
      `The data directory ${dir} cannot be created or written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Set WEGWIJS_DATA_DIR to a writable folder.`,
      { cause: err },
    );
  }
}
