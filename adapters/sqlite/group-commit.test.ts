/**
 * Group commit: writes requested together share one transaction, each
 * settles only after its COMMIT, and a failing write takes down only itself
 * (or, when the COMMIT itself fails, the whole batch and nothing is stored).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  let dir: string;
  let db: Database.Database;
  let other: Database.Database;
  let group: GroupCommit;
  const insert = (v: string) => () => db.prepare('INSERT INTO t (v) VALUES (?)').run(v).lastInsertRowid;
  const stored = (conn = db) => conn.prepare('SELECT v FROM t ORDER BY id').pluck().all();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-group-'));
    db = new Database(join(dir, 'g.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE);
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);`);
    other = new Database(join(dir, 'g.db'));
    group = new GroupCommit(db);
  });
  afterEach(() => {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits writes requested in one turn as one transaction, visible only once they resolve', async () => {
    const writes = [group.run(insert('a')), group.run(insert('b')), group.run(insert('c'))];
    // Nothing ran yet: the batch waits for the end of the turn.
    expect(stored(other)).toEqual([]);
    expect(await Promise.all(writes)).toEqual([1, 2, 3]);
    expect(stored(other)).toEqual(['a', 'b', 'c']);
    expect(group.commits).toBe(1);
    expect(group.writes).toBe(3);
  });

  it('rolls back only the write that throws and rejects only its caller', async () => {
    const results = await Promise.allSettled([
      group.run(insert('a')),
      group.run(() => {
        insert('x')();
        throw new Error('version conflict');
      }),
      group.run(insert('a')), // UNIQUE violation
      group.run(insert('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'version conflict' });
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(stored(other)).toEqual(['a', 'b']);
    expect(group.commits).toBe(1);
  });

  it('rejects the whole batch and stores nothing when the COMMIT fails', async () => {
    const results = await Promise.allSettled([
      group.run(insert('a')),
      // A deferred foreign key is checked at COMMIT, so the COMMIT itself fails.
      group.run(() => db.prepare('INSERT INTO child (parent_id) VALUES (42)').run()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(db.inTransaction).toBe(false);
    expect(stored(other)).toEqual([]);
    // The connection is usable again.
    await group.run(insert('b'));
    expect(stored(other)).toEqual(['b']);
  });

  it('rejects the whole batch when SQLite rolls the transaction back', async () => {
    db.exec("CREATE TRIGGER no_z BEFORE INSERT ON t WHEN new.v = 'z' BEGIN SELECT RAISE(ROLLBACK, 'no z'); END");
    const results = await Promise.allSettled([group.run(insert('a')), group.run(insert('z')), group.run(insert('b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(stored(other)).toEqual([]);
  });

  it('runs the committed hook after the COMMIT and before the caller resumes', async () => {
    const seen: unknown[] = [];
    const write = group.run(insert('a'), () => seen.push({ inTransaction: db.inTransaction, visibleElsewhere: stored(other) }));
    await write;
    expect(seen).toEqual([{ inTransaction: false, visibleElsewhere: ['a'] }]);
  });

  it('tells when each batch starts and when it committed, before the writes\' own hooks', async () => {
    const seen: string[] = [];
    const g = new GroupCommit(db, {
      batchStarting: () => seen.push(`starting in transaction: ${db.inTransaction}`),
      batchCommitted: () => seen.push(`committed ${stored().length}`),
    });
    await Promise.all([g.run(insert('a'), () => seen.push('hook a')), g.run(insert('b'), () => seen.push('hook b'))]);
    await g.run(insert('c'));
    expect(seen).toEqual(['starting in transaction: false', 'committed 2', 'hook a', 'hook b', 'starting in transaction: false', 'committed 3']);
  });

  it('resolves the batch when batchCommitted throws, reporting it', async () => {
    const errors: unknown[] = [];
    const g = new GroupCommit(db, { onHookError: (e) => errors.push(e), batchCommitted: () => { throw new Error('guard'); } });
    await expect(g.run(insert('a'))).resolves.toBe(1);
    expect(stored(other)).toEqual(['a']);
    expect(errors).toHaveLength(1);
  });

  it('resolves a write whose hook throws, reporting the hook error', async () => {
    const errors: unknown[] = [];
    const g = new GroupCommit(db, { onHookError: (e) => errors.push(e) });
    await expect(g.run(insert('a'), () => { throw new Error('cache'); })).resolves.toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('bounds a batch and commits the rest in the following turns, in order', async () => {
    const g = new GroupCommit(db, { maxBatch: 4 });
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => g.run(insert(`v${i}`))));
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(g.commits).toBe(3);
  });

  it('runs a write at once inside a transaction the caller opened, whose ROLLBACK discards it', async () => {
    db.exec('BEGIN IMMEDIATE');
    await group.run(insert('a'));
    expect(stored()).toEqual(['a']);
    db.exec('ROLLBACK');
    expect(stored()).toEqual([]);
    expect(group.commits).toBe(0);
  });

  it('commits a queued write only after a hand-made transaction spanning turns ended', async () => {
    const write = group.run(insert('queued'));
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO t (v) VALUES ('manual')").run();
    // A few turns pass while the hand-made transaction is open: the queued write must not join it.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(group.commits).toBe(0);
    db.exec('COMMIT');
    await write;
    expect(stored(other)).toEqual(['manual', 'queued']);
  });

  it('drain() commits what is queued at once', () => {
    void group.run(insert('a'));
    group.drain();
    expect(stored(other)).toEqual(['a']);
  });
});
