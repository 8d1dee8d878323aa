/**
 * Versioned schema migrations for the SQLite store. Append only: never edit a released step.
 */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE docs (
        kind TEXT NOT NULL,
        pk TEXT NOT NULL,
        id TEXT NOT NULL,
        etag TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        expires_at INTEGER,
        PRIMARY KEY (kind, pk, id)
      ) WITHOUT ROWID;
      CREATE INDEX docs_by_kind ON docs (kind, updated_at);
    `,
  },
  {
    version: 2,
    sql: `CREATE INDEX docs_expiry ON docs (expires_at) WHERE expires_at IS NOT NULL;`,
  },
];
