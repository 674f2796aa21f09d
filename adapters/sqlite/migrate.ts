import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Raised when the database was written by a newer release than this one. */
export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`the database has schema version ${found}, but this release knows only up to ${known}`);
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Brings the schema up to date: every pending migration runs, with its
 * record in schema_migrations, inside one IMMEDIATE transaction, so a crash
 * or a second process starting at the same moment never sees half a schema.
 * Returns the versions applied.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, now = new Date()): number[] {
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    const known = migrations.reduce((m, x) => Math.max(m, x.version), 0);
    if (current > known) throw new SchemaTooNewError(current, known);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, now.toISOString());
      applied.push(m.version);
    }
    return applied;
  });
  return run.immediate();
}
