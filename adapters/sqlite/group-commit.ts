import type Database from 'better-sqlite3';

/** Writes per transaction at most: enough to share one disk flush widely, small enough that a batch stays a few milliseconds. */
export const DEFAULT_MAX_BATCH = 256;

interface Queued {
  readonly work: () => unknown;
  readonly committed: ((result: unknown) => void) | undefined;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit for one better-sqlite3 connection.
 *
 * With `synchronous=FULL` every COMMIT waits for a disk flush, and that
 * flush, not the SQL, is what a write costs. Writes requested during one
 * turn of the event loop are therefore queued and run together at the end
 * of the turn (`setImmediate`) in ONE `BEGIN IMMEDIATE … COMMIT`: one flush
 * for all of them. Each write runs inside its own SAVEPOINT, so one that
 * throws (a VersionConflict, a constraint) rolls back only itself and
 * rejects only its own caller. Every caller's promise settles only after
 * the COMMIT returned, so a write that was acknowledged is as durable as
 * with one transaction per write; if the COMMIT fails, every write of the
 * batch is rejected and none of it is stored.
 *
 * Writes run in the order they were requested, and reads on the connection
 * (which run at once, outside any batch) see only committed data.
 *
 * A write requested while the connection is already inside a transaction
 * the caller opened by hand (bulk loading, a test rolling back) runs at once
 * in a savepoint of that transaction, as a nested better-sqlite3
 * transaction would: the caller's COMMIT or ROLLBACK decides its fate.
 */
export class GroupCommit {
  /** Transactions committed so far (each one disk flush with synchronous=FULL), for diagnostics and tests. */
  commits = 0;
  /** Writes committed or rejected so far through batches. */
  writes = 0;
  private queue: Queued[] = [];
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly onHookError: (error: unknown) => void;
  private readonly batchStarting: () => void;
  private readonly batchCommitted: () => void;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackTo: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    options: {
      /** Most writes in one transaction (default 256). */
      readonly maxBatch?: number;
      /** Called when a `committed` hook throws; the write is stored and its caller still resolves. */
      readonly onHookError?: (error: unknown) => void;
      /** Called before each group transaction begins (the store's read caches look for writes made round them). */
      readonly batchStarting?: () => void;
      /** Called right after each group transaction committed, before any `committed` hook; a throw goes to onHookError. */
      readonly batchCommitted?: () => void;
    } = {},
  ) {
    this.maxBatch = Math.max(1, Math.floor(options.maxBatch ?? DEFAULT_MAX_BATCH));
    this.onHookError = options.onHookError ?? (() => undefined);
    this.batchStarting = options.batchStarting ?? (() => undefined);
    this.batchCommitted = options.batchCommitted ?? (() => undefined);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT group_write');
    this.release = db.prepare('RELEASE group_write');
    this.rollbackTo = db.prepare('ROLLBACK TO group_write');
  }

  /**
   * Runs `work` (synchronous SQL) in the next group transaction and resolves
   * with its result once that transaction is committed. `committed` runs
   * right after the COMMIT, before any caller resumes (cache upkeep that
   * must not see uncommitted data).
   */
  run<R>(work: () => R, committed?: (result: R) => void): Promise<R> {
    if (this.db.inTransaction) return this.runInOuterTransaction(work, committed);
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, committed: committed as ((result: unknown) => void) | undefined, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Commits everything queued now, synchronously, before the connection is
   * closed. Writes that cannot be committed (a hand-made transaction is still
   * open) are rejected rather than left waiting for ever.
   */
  drain(): void {
    while (this.queue.length > 0 && !this.db.inTransaction) this.flushBatch();
    const left = this.queue;
    this.queue = [];
    for (const op of left) op.reject(new Error('the store was closed before this write was committed'));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.due);
  }

  private readonly due = (): void => {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    if (this.db.inTransaction) {
      // Someone holds a hand-made transaction across awaits; commit after it ends, not inside it.
      this.scheduled = true;
      setTimeout(() => {
        this.scheduled = false;
        this.schedule();
      }, 1);
      return;
    }
    this.flushBatch();
    // The rest goes in the next turn, so I/O (requests, replies) is handled in between.
    if (this.queue.length > 0) this.schedule();
  };

  /** One transaction over at most maxBatch queued writes, then every caller settled. */
  private flushBatch(): void {
    const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
    this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch);
    const outcomes: Outcome[] = [];
    this.writes += batch.length;
    try {
      this.batchStarting();
      this.begin.run();
      for (const op of batch) {
        const outcome = this.inSavepoint(op.work);
        // Disk full or an I/O error makes SQLite roll back the whole transaction: nothing of the batch is stored.
        if (!outcome.ok && !this.db.inTransaction) throw outcome.error;
        outcomes.push(outcome);
      }
      this.commit.run();
      this.commits++;
    } catch (error) {
      try {
        if (this.db.inTransaction) this.rollback.run();
      } catch {
        // The connection is broken; the callers learn of the first error below.
      }
      for (const op of batch) op.reject(error);
      return;
    }
    try {
      this.batchCommitted();
    } catch (error) {
      this.onHookError(error);
    }
    batch.forEach((op, i) => {
      const outcome = outcomes[i] as Outcome;
      if (!outcome.ok) return op.reject(outcome.error);
      this.afterCommit(op, outcome.value);
      op.resolve(outcome.value);
    });
  }

  private inSavepoint(work: () => unknown): Outcome {
    this.savepoint.run();
    try {
      const value = work();
      this.release.run();
      return { ok: true, value };
    } catch (error) {
      if (this.db.inTransaction) {
        this.rollbackTo.run();
        this.release.run();
      }
      return { ok: false, error };
    }
  }

  private runInOuterTransaction<R>(work: () => R, committed?: (result: R) => void): Promise<R> {
    const outcome = this.inSavepoint(work);
    if (!outcome.ok) return Promise.reject(outcome.error as Error);
    this.afterCommit({ committed: committed as ((result: unknown) => void) | undefined }, outcome.value);
    return Promise.resolve(outcome.value as R);
  }

  /** The write is stored whatever the hook does, so a failing hook must not turn it into a rejection (a retry would write twice). */
  private afterCommit(op: Pick<Queued, 'committed'>, value: unknown): void {
    try {
      op.committed?.(value);
    } catch (error) {
      this.onHookError(error);
    }
  }
}
