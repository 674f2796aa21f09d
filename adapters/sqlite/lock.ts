import Database from 'better-sqlite3';

/** Another process (or another store in this one) holds the database. */
export class DatabaseInUseError extends Error {
  constructor(readonly file: string) {
    super(`the database ${file} is in use by another helpdesk process`);
    this.name = 'DatabaseInUseError';
  }
}

/**
 * The one-process-at-a-time lock of a helpdesk database: an exclusive
 * transaction held open on a small side file (`helpdesk.db.lock`) for as
 * long as the store is open. The lock is SQLite's own file lock, so the
 * operating system drops it the moment its process ends, however it ends
 * (a kill -9 included): holding it proves that whoever used the database
 * before is gone. The database itself stays unlocked, so the sqlite3 shell
 * can still read it and take backups while the helpdesk runs.
 */
export class DatabaseLock {
  private constructor(private readonly db: Database.Database) {}

  /** Takes the lock for `dbFile` at once, or throws DatabaseInUseError. */
  static acquire(dbFile: string): DatabaseLock {
    const file = `${dbFile}.lock`;
    const db = new Database(file);
    try {
      // Never wait: a holder that is alive keeps it for good.
      db.pragma('busy_timeout = 0');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(dbFile);
      throw error;
    }
    return new DatabaseLock(db);
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}
