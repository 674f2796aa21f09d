import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { MIGRATIONS, openSqliteStore, StoreOpenError } from './index.js';

describe('openSqliteStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the directory and file, in WAL mode with FULL sync, a busy timeout and foreign keys', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = openSqliteStore({ dataDir });
    try {
      expect(store.description).toBe(`sqlite:${join(dataDir, 'helpdesk.db')} (synchronous=FULL)`);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('honours the file name and NORMAL sync', async () => {
    const store = openSqliteStore({ dataDir: dir, fileName: 'other.db', synchronous: 'NORMAL' });
    expect(store.description).toContain(join(dir, 'other.db'));
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    await store.close();
    await store.close();
  });

  it('keeps data across reopening and applies each migration once', async () => {
    const first = openSqliteStore({ dataDir: dir });
    await first.createTicket({ id: 't1', title: 'Kept', description: 'd', requesterId: 'r', origin: { platform: 'console' }, priority: 'LOW', createdAt: new Date().toISOString() }, []);
    await first.close();
    const second = openSqliteStore({ dataDir: dir });
    try {
      expect((await second.getTicketByRef(1))?.title).toBe('Kept');
      const rows = second.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(rows).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await second.close();
    }
  });

  it('applies pending migrations in order, each recorded, all or nothing', () => {
    const db = new Database(':memory:');
    const extra = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE a (x); SELECT * FROM missing_table;' }];
    expect(() => migrate(db, extra)).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('schema_migrations', 'tickets', 'a')").pluck().get()).toBe(0);
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('migrates a database whose stats tables an earlier release made at open, keeping their rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 6));
    const later = MIGRATIONS.filter((m) => m.version > 6).map((m) => m.version);
    // As releases before migration 6 did when the database opened.
    db.exec(
      `CREATE TABLE IF NOT EXISTS ticket_metrics (ticket_id TEXT PRIMARY KEY, version INTEGER NOT NULL, open INTEGER NOT NULL, priority TEXT NOT NULL, assignee_id TEXT,
        created_ms INTEGER NOT NULL, resolved_ms INTEGER, first_response_ms INTEGER, resolution_ms INTEGER, breached INTEGER NOT NULL, reopens INTEGER NOT NULL, rating TEXT) WITHOUT ROWID;
       CREATE INDEX IF NOT EXISTS ix_metrics_open ON ticket_metrics (open, priority);
       CREATE TABLE IF NOT EXISTS ticket_metric_skills (skill TEXT NOT NULL, ticket_id TEXT NOT NULL, open INTEGER NOT NULL, PRIMARY KEY (skill, ticket_id)) WITHOUT ROWID;`,
    );
    db.exec("INSERT INTO ticket_metrics VALUES ('t1', 3, 1, 'LOW', NULL, 0, NULL, NULL, NULL, 0, 0, NULL)");
    expect(migrate(db)).toEqual([6, ...later]);
    expect(db.prepare('SELECT version FROM ticket_metrics').pluck().all()).toEqual([3]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ix_metrics_moderator'").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer release', () => {
    const file = join(dir, 'helpdesk.db');
    const db = new Database(file);
    migrate(db, [...MIGRATIONS, { version: 999, name: 'future', sql: 'CREATE TABLE future (x)' }]);
    db.close();
    expect(() => openSqliteStore({ dataDir: dir })).toThrow(/newer helpdesk release/);
  });

  it('explains a data directory that cannot be created', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const dataDir = join(file, 'data');
    const error = catchError(() => openSqliteStore({ dataDir }));
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error.message).toContain(dataDir);
    expect(error.message).toMatch(/DATA_DIR/);
  });

  it('explains a data directory that is a file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const error = catchError(() => openSqliteStore({ dataDir: file }));
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a directory/);
  });

  it('explains a database file that is not a database', () => {
    writeFileSync(join(dir, 'helpdesk.db'), 'this is not sqlite '.repeat(100));
    const error = catchError(() => openSqliteStore({ dataDir: dir }));
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error.message).toContain(join(dir, 'helpdesk.db'));
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
