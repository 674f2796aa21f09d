import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseInUseError, DatabaseLock } from './lock.js';
import { migrate, SchemaTooNewError } from './migrate.js';
import { SqliteStore } from './sqlite-store.js';

export interface SqliteStoreOptions {
  /** Directory holding the database (DATA_DIR, default ./data); created when missing. `':memory:'` for a throwaway in-memory database. */
  readonly dataDir: string;
  /** Database file name inside `dataDir`. */
  readonly fileName?: string;
  /**
   * FULL (default) syncs the WAL on every commit: a filed ticket survives a
   * power cut. NORMAL is faster but may lose the last commits on power loss
   * (never on a process crash). See docs/storage.md.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How long a write waits for another process holding the lock. */
  readonly busyTimeoutMs?: number;
  /**
   * Hold the database alone (default true): a second helpdesk process on the
   * same file is refused, and jobs leased by an earlier process are known
   * to be orphans (see DatabaseLock). false only for tests and tools that
   * open one file twice on purpose.
   */
  readonly exclusive?: boolean;
}

export const DEFAULT_DB_FILE = 'helpdesk.db';

/** The store could not be opened; the message says what to do, for the start-up log. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/**
 * Opens (creating if needed) the helpdesk database: checks the directory,
 * sets WAL mode, the durability level, a busy timeout and foreign keys,
 * and applies pending migrations. Synchronous, like better-sqlite3.
 * Throws StoreOpenError with a human message when it cannot.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const synchronous = options.synchronous ?? 'FULL';
  const inMemory = options.dataDir === ':memory:';
  const file = inMemory ? ':memory:' : join(prepareDirectory(options.dataDir), options.fileName ?? DEFAULT_DB_FILE);
  const lock = inMemory || options.exclusive === false ? null : lockDatabase(file);
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    lock?.release();
    throw new StoreOpenError(
      `Cannot open the database ${file}: ${reason(error)}. Check that the file is a helpdesk database the process may write, or set DATA_DIR to another directory.`,
      { cause: error },
    );
  }
  try {
    if (!inMemory) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`the file system refused WAL mode (got ${String(mode)})`);
    }
    // A damaged file would start and then fail every write: refuse it now, with what to do.
    if (!inMemory) assertIntact(db);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('foreign_keys = ON');
    // Large enough for assignment lookups over 10,000 people and 100,000 tickets to stay in memory.
    db.pragma('cache_size = -32000');
    db.pragma('temp_store = MEMORY');
    migrate(db);
    // Refreshes planner statistics when they are missing or stale; cheap with the limit.
    db.pragma('analysis_limit = 1000');
    db.pragma('optimize = 0x10002');
  } catch (error) {
    db.close();
    lock?.release();
    if (error instanceof SchemaTooNewError)
      throw new StoreOpenError(
        `The database ${file} was written by a newer helpdesk release (${error.message}). Upgrade the helpdesk, or restore a backup made by this release.`,
        { cause: error },
      );
    throw new StoreOpenError(`Cannot prepare the database ${file}: ${reason(error)}. ${hintFor(error)}`, { cause: error });
  }
  // An in-memory database is private to its connection: exclusive by nature.
  const exclusive = lock ?? (inMemory ? { release: () => undefined } : null);
  return new SqliteStore(db, `sqlite:${inMemory ? ':memory:' : file} (synchronous=${synchronous})`, exclusive);
}

/** Takes the one-process lock, or explains which process to stop. */
function lockDatabase(file: string): DatabaseLock {
  try {
    return DatabaseLock.acquire(file);
  } catch (error) {
    if (error instanceof DatabaseInUseError)
      throw new StoreOpenError(
        `The database ${file} is in use by another helpdesk process. Only one process may use a SQLite database at a time: stop the other one first, or set DATA_DIR to another directory (several processes can share MongoDB, see docs/mongodb.md).`,
        { cause: error },
      );
    throw new StoreOpenError(`Cannot lock the database ${file}: ${reason(error)}. ${hintFor(error)}`, { cause: error });
  }
}

/** Creates the directory when missing and checks it is a directory this process may read and write. */
function prepareDirectory(dataDir: string): string {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw notADirectory(dir);
    throw new StoreOpenError(
      `Cannot create the data directory ${dir} (${reason(error)}). Set DATA_DIR to a directory the helpdesk may create and write, or create it and give this user write access.`,
      { cause: error },
    );
  }
  if (!statSync(dir).isDirectory()) throw notADirectory(dir);
  try {
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new StoreOpenError(
      `The data directory ${dir} is not readable and writable by this process (${reason(error)}). Fix its permissions (chown or chmod) or set DATA_DIR to another directory.`,
      { cause: error },
    );
  }
  return dir;
}

/** SQLite's quick_check: every page and index structure is readable (O(size), no full index-content comparison). */
function assertIntact(db: Database.Database): void {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check.replace(/\s+/g, ' ').trim()).filter((r) => r !== 'ok');
  if (problems.length > 0) throw Object.assign(new Error(`the integrity check found damage (${problems.join('; ').slice(0, 300)})`), { code: 'SQLITE_CORRUPT' });
}

function hintFor(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return 'The file is not a helpdesk database or is damaged: move it away (or restore a backup) and start again, or set DATA_DIR to another directory.';
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM')
    return 'Give the user running the helpdesk write access to the directory and its files, or set DATA_DIR to another directory.';
  if (code === 'SQLITE_FULL') return 'The disk is full: free some space.';
  return 'Check that the disk is writable and not full, or set DATA_DIR to another directory.';
}

function notADirectory(dir: string): StoreOpenError {
  return new StoreOpenError(`The data directory ${dir} exists but is not a directory. Set DATA_DIR to a directory (or move the file away).`);
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
