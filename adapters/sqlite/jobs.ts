import type Database from 'better-sqlite3';
import type { EventWait, Job, JobState, NewJob, ParkedRun } from '../../core/index.js';
import { eventMatchesWait, eventMatchValues } from '../../core/ports/event-match.js';
import { iso, json, ms, placeholders, type StatementCache } from './sql.js';

interface JobRow {
  id: number;
  key: string;
  name: string;
  state: JobState;
  run_at: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  data: string;
  wait: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, key, name, state, run_at, attempts, lease_owner, lease_until, last_error, data, wait, created_at, updated_at';
/** Clears the lease; `due_ms` NULL takes a finished job out of the due index. */
const RELEASE = 'lease_owner = NULL, lease_until = NULL';
const HELD = "id = @id AND state = 'running' AND lease_owner = @owner";

/**
 * The job queue. `due_ms` holds when a job can next be claimed (runAt, or
 * the lease expiry while running), so claiming and "when is the next job
 * due" are one index lookup. Synchronous; callers provide the transaction.
 */
export class JobTable {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    db: Database.Database,
    private readonly cache: StatementCache,
  ) {
    this.s = prepareStatements(db);
  }

  /** Inserts unless the key exists; returns the stored job either way. */
  enqueue(job: NewJob, now: string): Job {
    this.insertOnly(job, now);
    return this.getByKey(job.key) as Job;
  }

  /** Inserts unless the key exists, without reading back: the write path of ticket saves. */
  insertOnly(job: NewJob, now: string): void {
    this.s.insert.run({ key: job.key, name: job.name, due_ms: ms(job.runAt), run_at: iso(job.runAt), data: json(job.data), now: iso(now) });
  }

  /** Inserts a run already parked at its first wait, with its memoized steps, unless the key exists (see JobStore.enqueueParkedJob). */
  insertParked(job: NewJob, parked: ParkedRun, now: string): void {
    const wait = parked.wait === null ? null : { ...parked.wait, until: iso(parked.wait.until) };
    const inserted = this.s.insertParked.run({
      key: job.key, name: job.name, due_ms: ms(job.runAt), run_at: iso(job.runAt), data: json(job.data), now: iso(now),
      wait: wait === null ? null : JSON.stringify(wait),
      wait_event: wait?.event ?? null,
      wait_value: wait?.matchValue ?? null,
    });
    if (inserted.changes !== 1) return;
    for (const [stepId, value] of Object.entries(parked.steps)) this.s.putStep.run(inserted.lastInsertRowid, stepId, json(value));
  }

  get(id: string): Job | null {
    return /^\d{1,15}$/.test(id) ? this.hydrate(this.s.byId.get(Number(id)) as JobRow | undefined) : null;
  }

  getByKey(key: string): Job | null {
    return this.hydrate(this.s.byKey.get(key) as JobRow | undefined);
  }

  /** Leases the earliest due job in one statement: no two claimers can get the same job. */
  claim(owner: string, now: string, leaseUntil: string, names: readonly string[] | undefined): Job | null {
    if (names !== undefined && names.length === 0) return null;
    const nameFilter = names === undefined ? '' : `AND name IN (${placeholders(names.length)})`;
    const sql = `UPDATE jobs SET state = 'running', lease_owner = ?, lease_until = ?, due_ms = ?, updated_at = ?
      WHERE id = (SELECT id FROM jobs WHERE due_ms <= ? ${nameFilter} ORDER BY due_ms, id LIMIT 1)
      RETURNING ${COLUMNS}`;
    const row = this.cache.get(sql).get(owner, iso(leaseUntil), ms(leaseUntil), iso(now), ms(now), ...(names ?? [])) as JobRow | undefined;
    return this.hydrate(row);
  }

  /** Leases up to `limit` of the earliest due jobs; in due order. */
  claimMany(owner: string, now: string, leaseUntil: string, limit: number): Job[] {
    if (limit <= 0) return [];
    const ids = this.s.dueIds.all(ms(now), Math.floor(limit)) as number[];
    if (ids.length === 0) return [];
    const list = JSON.stringify(ids);
    const rows = this.s.claimIds.all(owner, iso(leaseUntil), ms(leaseUntil), iso(now), list) as JobRow[];
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // The claimed jobs' memoized steps in one query, not one per job.
    const steps = new Map<number, Record<string, unknown>>();
    for (const st of this.s.stepsOfIds.all(list) as { job_id: number; step_id: string; value: string }[]) {
      let of = steps.get(st.job_id);
      if (!of) steps.set(st.job_id, (of = {}));
      of[st.step_id] = JSON.parse(st.value);
    }
    return rows.map((row) => toJob(row, steps.get(row.id) ?? {}));
  }

  renew(id: string, owner: string, leaseUntil: string): boolean {
    return this.s.renew.run({ id: Number(id), owner, lease_until: iso(leaseUntil), due_ms: ms(leaseUntil) }).changes === 1;
  }

  saveStep(id: string, owner: string, stepId: string, value: unknown, now: string): boolean {
    const held = this.s.touchHeld.run({ id: Number(id), owner, now: iso(now) }).changes === 1;
    if (held) this.s.putStep.run(Number(id), stepId, json(value));
    return held;
  }

  /** Returns false when the lease was not held. */
  complete(id: string, owner: string, now: string): boolean {
    return this.s.complete.run({ id: Number(id), owner, now: iso(now) }).changes === 1;
  }

  retry(id: string, owner: string, runAt: string, error: string, now: string): void {
    this.s.retry.run({ id: Number(id), owner, run_at: iso(runAt), due_ms: ms(runAt), error, now: iso(now) });
  }

  fail(id: string, owner: string, error: string, now: string): void {
    this.s.fail.run({ id: Number(id), owner, error, now: iso(now) });
  }

  suspend(id: string, owner: string, runAt: string, wait: EventWait | null, now: string): void {
    const stored = wait === null ? null : { ...wait, until: iso(wait.until) };
    this.s.suspend.run({
      id: Number(id), owner, run_at: iso(runAt), due_ms: ms(runAt), now: iso(now),
      wait: stored === null ? null : JSON.stringify(stored),
      wait_event: stored?.event ?? null,
      wait_value: stored?.matchValue ?? null,
    });
  }

  /**
   * Wakes waiting jobs the event matches. The index narrows candidates to
   * jobs waiting for this event on one of the event's own values; the exact
   * field check is the shared rule in core.
   */
  deliver(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }, now: string): number {
    let woken = 0;
    for (const { id, wait } of this.waiters(event)) {
      this.s.putStep.run(id, wait.stepId, json({ name: event.name, data: event.data }));
      woken += this.s.wake.run({ id, now: iso(now), due_ms: ms(now) }).changes;
    }
    return woken;
  }

  /** Whether any job waits for this event: a read, so delivering to nobody needs no write. */
  hasWaiter(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }): boolean {
    return this.waiters(event).length > 0;
  }

  private waiters(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }): { id: number; wait: EventWait }[] {
    const values = [...eventMatchValues(event.data)];
    if (values.length === 0) return [];
    const sql = `SELECT id, wait FROM jobs WHERE state = 'waiting' AND wait_event = ? AND wait_value IN (${placeholders(values.length)})`;
    const rows = this.cache.get(sql).all(event.name, ...values) as { id: number; wait: string }[];
    return rows.map((row) => ({ id: row.id, wait: JSON.parse(row.wait) as EventWait })).filter(({ wait }) => eventMatchesWait(wait, event));
  }

  cancel(keys: readonly string[], now: string): number {
    let n = 0;
    for (const key of new Set(keys)) n += this.s.cancel.run(iso(now), key).changes;
    return n;
  }

  /** Step results go with their job (ON DELETE CASCADE). */
  deleteFinished(before: string, limit: number): number {
    if (limit <= 0) return 0;
    return this.s.deleteFinished.run(iso(before), Math.floor(limit)).changes;
  }

  /** Every job running under another owner's lease becomes due at `now`, its steps kept (see JobStore.releaseOrphanedLeases). */
  releaseOrphaned(owner: string, now: string): number {
    return this.s.releaseOrphaned.run({ owner, run_at: iso(now), due_ms: ms(now), now: iso(now) }).changes;
  }

  nextDueAt(): string | null {
    const m = this.s.nextDue.get() as number | null;
    return m === null ? null : new Date(m).toISOString();
  }

  list(filter: { states?: readonly JobState[]; names?: readonly string[]; limit?: number }): Job[] {
    const clauses: string[] = [];
    const params: unknown[] = [];
    for (const [column, values] of [['state', filter.states], ['name', filter.names]] as const) {
      if (values === undefined) continue;
      if (values.length === 0) return [];
      clauses.push(`${column} IN (${placeholders(values.length)})`);
      params.push(...values);
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.cache.get(`SELECT ${COLUMNS} FROM jobs ${where} ORDER BY id LIMIT ?`).all(...params, filter.limit ?? -1) as JobRow[];
    return rows.map((r) => this.hydrate(r) as Job);
  }

  private hydrate(row: JobRow | undefined): Job | null {
    if (!row) return null;
    const steps: Record<string, unknown> = {};
    for (const s of this.s.steps.all(row.id) as { step_id: string; value: string }[]) steps[s.step_id] = JSON.parse(s.value);
    return toJob(row, steps);
  }
}

/** A job of its row and its memoized steps. */
function toJob(row: JobRow, steps: Record<string, unknown>): Job {
  return {
    id: String(row.id),
    name: row.name,
    key: row.key,
    data: JSON.parse(row.data) as Record<string, unknown>,
    state: row.state,
    attempts: row.attempts,
    runAt: row.run_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    steps,
    wait: row.wait === null ? null : (JSON.parse(row.wait) as EventWait),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insert: p(`INSERT INTO jobs (key, name, state, due_ms, run_at, data, created_at, updated_at)
      VALUES (@key, @name, 'pending', @due_ms, @run_at, @data, @now, @now) ON CONFLICT (key) DO NOTHING`),
    insertParked: p(`INSERT INTO jobs (key, name, state, due_ms, run_at, data, wait, wait_event, wait_value, created_at, updated_at)
      VALUES (@key, @name, 'waiting', @due_ms, @run_at, @data, @wait, @wait_event, @wait_value, @now, @now) ON CONFLICT (key) DO NOTHING`),
    dueIds: p('SELECT id FROM jobs WHERE due_ms <= ? ORDER BY due_ms, id LIMIT ?').pluck(),
    claimIds: p(`UPDATE jobs SET state = 'running', lease_owner = ?, lease_until = ?, due_ms = ?, updated_at = ?
      WHERE id IN (SELECT value FROM json_each(?)) RETURNING ${COLUMNS}`),
    byId: p(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`),
    byKey: p(`SELECT ${COLUMNS} FROM jobs WHERE key = ?`),
    steps: p('SELECT step_id, value FROM job_steps WHERE job_id = ?'),
    stepsOfIds: p('SELECT job_id, step_id, value FROM job_steps WHERE job_id IN (SELECT value FROM json_each(?)) ORDER BY job_id, step_id'),
    renew: p(`UPDATE jobs SET lease_until = @lease_until, due_ms = @due_ms WHERE ${HELD}`),
    touchHeld: p(`UPDATE jobs SET updated_at = @now WHERE ${HELD}`),
    putStep: p('INSERT INTO job_steps (job_id, step_id, value) VALUES (?, ?, ?) ON CONFLICT (job_id, step_id) DO UPDATE SET value = excluded.value'),
    complete: p(`UPDATE jobs SET state = 'done', due_ms = NULL, ${RELEASE}, updated_at = @now WHERE ${HELD}`),
    retry: p(`UPDATE jobs SET state = 'pending', attempts = attempts + 1, run_at = @run_at, due_ms = @due_ms,
      last_error = @error, ${RELEASE}, updated_at = @now WHERE ${HELD}`),
    fail: p(`UPDATE jobs SET state = 'failed', due_ms = NULL, last_error = @error, ${RELEASE}, updated_at = @now WHERE ${HELD}`),
    suspend: p(`UPDATE jobs SET state = 'waiting', run_at = @run_at, due_ms = @due_ms, wait = @wait, wait_event = @wait_event,
      wait_value = @wait_value, ${RELEASE}, updated_at = @now WHERE ${HELD}`),
    wake: p(`UPDATE jobs SET state = 'pending', run_at = @now, due_ms = @due_ms, wait = NULL, wait_event = NULL, wait_value = NULL,
      updated_at = @now WHERE id = @id AND state = 'waiting'`),
    releaseOrphaned: p(`UPDATE jobs SET state = 'pending', run_at = @run_at, due_ms = @due_ms, ${RELEASE}, updated_at = @now
      WHERE state = 'running' AND lease_owner IS NOT @owner`),
    deleteFinished: p(`DELETE FROM jobs WHERE id IN (
      SELECT id FROM jobs WHERE state IN ('done', 'cancelled') AND updated_at < ? ORDER BY id LIMIT ?)`),
    cancel: p(`UPDATE jobs SET state = 'cancelled', due_ms = NULL, ${RELEASE}, updated_at = ?
      WHERE key = ? AND state IN ('pending', 'running', 'waiting')`),
    nextDue: p('SELECT min(due_ms) FROM jobs WHERE due_ms IS NOT NULL').pluck(),
  };
}
