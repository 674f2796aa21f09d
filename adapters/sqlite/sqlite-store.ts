import type Database from 'better-sqlite3';
import type {
  CreatedTicket,
  EventWait,
  Job,
  JobState,
  NewJob,
  NewPerson,
  NewTicket,
  Person,
  PersonPatch,
  Role,
  Store,
  Ticket,
  TicketQuery,
  TicketUpdate,
} from '../../core/index.js';
import { JobTable } from './jobs.js';
import { PeopleTable } from './people.js';
import { ms, StatementCache } from './sql.js';
import { StaffCache } from './staff-cache.js';
import { TicketTable } from './tickets.js';

/** Expired dedupe keys are swept after this many claims, so the table stays small without a timer. */
const DEDUPE_SWEEP_EVERY = 1000;

/**
 * The Store on SQLite (better-sqlite3). Every write that touches more than
 * one row runs in one IMMEDIATE transaction: a ticket never exists without
 * its jobs, a save never lands without its load counts, and a crash at any
 * point leaves either all of a change or none of it. Open it with
 * `openSqliteStore`, which prepares the file, pragmas and schema.
 */
export class SqliteStore implements Store {
  private readonly cache: StatementCache;
  private readonly tickets: TicketTable;
  private readonly people: PeopleTable;
  private readonly jobs: JobTable;
  private readonly staff: StaffCache;
  private readonly s: ReturnType<typeof prepareStatements>;
  /** The hot write paths, wrapped once. */
  private readonly createTxn: Database.Transaction<(input: NewTicket, jobs: readonly NewJob[]) => CreatedTicket>;
  private readonly updateTxn: Database.Transaction<(next: Ticket, update: TicketUpdate) => Ticket>;
  /** One transaction wrapper for every other write and multi-statement read. */
  private readonly run: Database.Transaction<(fn: () => unknown) => unknown>;
  private claims = 0;
  private closed = false;

  constructor(
    /** The open connection, for backups, diagnostics and bulk import (call forgetCachedPeople after writing people). */
    readonly db: Database.Database,
    readonly description: string,
  ) {
    this.cache = new StatementCache(db);
    this.tickets = new TicketTable(db, this.cache);
    this.people = new PeopleTable(db, this.cache);
    this.jobs = new JobTable(db, this.cache);
    this.staff = new StaffCache(db, () => this.people.staff(), (id) => this.people.get(id));
    this.s = prepareStatements(db);
    this.createTxn = db.transaction((input: NewTicket, jobs: readonly NewJob[]) => this.createInTx(input, jobs));
    this.run = db.transaction((fn: () => unknown) => fn());
    this.updateTxn = db.transaction((next: Ticket, update: TicketUpdate) => this.updateInTx(next, update));
  }

  // ---- tickets --------------------------------------------------------

  private createInTx(input: NewTicket, jobs: readonly NewJob[]): CreatedTicket {
    if (input.idempotencyKey !== undefined) {
      const earlier = this.tickets.findByIdempotencyKey(input.idempotencyKey);
      if (earlier) return { ticket: earlier, created: false };
    }
    const ticket = this.tickets.create(input);
    for (const job of jobs) this.jobs.insertOnly(job, input.createdAt);
    return { ticket, created: true };
  }

  async createTicket(input: NewTicket, jobs: readonly NewJob[]): Promise<CreatedTicket> {
    return this.createTxn.immediate(input, jobs);
  }

  async getTicket(id: string): Promise<Ticket | null> {
    return this.tickets.get(id);
  }

  async getTicketByRef(ref: number): Promise<Ticket | null> {
    return this.tickets.getByRef(ref);
  }

  private updateInTx(next: Ticket, update: TicketUpdate): Ticket {
    const saved = this.tickets.save(next, update.expectedVersion);
    this.people.applyLoad(update.loadDeltas ?? [], update.assignedAt);
    for (const job of update.jobs ?? []) this.jobs.insertOnly(job, saved.updatedAt);
    if (update.cancelJobKeys?.length) this.jobs.cancel(update.cancelJobKeys, saved.updatedAt);
    return saved;
  }

  async updateTicket(next: Ticket, update: TicketUpdate): Promise<Ticket> {
    const saved = this.updateTxn.immediate(next, update);
    const touched = (update.loadDeltas ?? []).map((d) => d.personId);
    if (update.assignedAt) touched.push(update.assignedAt.personId);
    if (touched.length > 0) this.staff.changed(touched);
    return saved;
  }

  async listTickets(query: TicketQuery): Promise<Ticket[]> {
    return this.tickets.list(query);
  }

  async countTickets(query: TicketQuery): Promise<number> {
    return this.tickets.count(query);
  }

  async listResolvedTickets(afterRef: number, limit: number): Promise<Ticket[]> {
    return this.tickets.listResolved(afterRef, limit);
  }

  // ---- people ---------------------------------------------------------

  async getPerson(id: string): Promise<Person | null> {
    return this.people.get(id);
  }

  async findPersonByIdentity(identity: string): Promise<Person | null> {
    return this.read(() => this.people.findByIdentity(identity));
  }

  async findPeopleByEmail(email: string): Promise<Person[]> {
    return this.people.findByEmail(email);
  }

  async ensurePerson(input: NewPerson): Promise<Person> {
    return this.changedPerson(this.write(() => this.people.ensure(input)));
  }

  async updatePerson(id: string, patch: PersonPatch, expectedVersion: number, at: string): Promise<Person> {
    return this.changedPerson(this.write(() => this.people.patch(id, patch, expectedVersion, at)));
  }

  async addIdentity(personId: string, identity: string, at: string): Promise<Person> {
    return this.changedPerson(this.write(() => this.people.addIdentity(personId, identity, at)));
  }

  async listPeople(filter: { roles?: readonly Role[]; skill?: string; limit?: number }): Promise<Person[]> {
    return this.people.list(filter);
  }

  async listAssignmentCandidates(skills: readonly string[]): Promise<Person[]> {
    return this.staff.candidates(skills);
  }

  async listStaffSkills(): Promise<string[]> {
    return this.people.staffSkillList();
  }

  // ---- jobs -----------------------------------------------------------

  async enqueueJob(job: NewJob, now: string): Promise<Job> {
    return this.write(() => this.jobs.enqueue(job, now));
  }

  async getJob(id: string): Promise<Job | null> {
    return this.read(() => this.jobs.get(id));
  }

  async getJobByKey(key: string): Promise<Job | null> {
    return this.read(() => this.jobs.getByKey(key));
  }

  async claimDueJob(owner: string, now: string, leaseUntil: string, names?: readonly string[]): Promise<Job | null> {
    return this.write(() => this.jobs.claim(owner, now, leaseUntil, names));
  }

  async renewLease(jobId: string, owner: string, leaseUntil: string): Promise<boolean> {
    return this.jobs.renew(jobId, owner, leaseUntil);
  }

  async saveStepResult(jobId: string, owner: string, stepId: string, value: unknown, now: string): Promise<boolean> {
    return this.write(() => this.jobs.saveStep(jobId, owner, stepId, value, now));
  }

  async completeJob(jobId: string, owner: string, now: string): Promise<void> {
    this.jobs.complete(jobId, owner, now);
  }

  async retryJob(jobId: string, owner: string, runAt: string, error: string, now: string): Promise<void> {
    this.jobs.retry(jobId, owner, runAt, error, now);
  }

  async failJob(jobId: string, owner: string, error: string, now: string): Promise<void> {
    this.jobs.fail(jobId, owner, error, now);
  }

  async suspendJob(jobId: string, owner: string, runAt: string, wait: EventWait | null, now: string): Promise<void> {
    this.jobs.suspend(jobId, owner, runAt, wait, now);
  }

  async deliverEvent(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }, now: string): Promise<number> {
    return this.write(() => this.jobs.deliver(event, now));
  }

  async cancelJobs(keys: readonly string[], now: string): Promise<number> {
    return this.write(() => this.jobs.cancel(keys, now));
  }

  async nextJobDueAt(): Promise<string | null> {
    return this.jobs.nextDueAt();
  }

  async listJobs(filter: { states?: readonly JobState[]; names?: readonly string[]; limit?: number }): Promise<Job[]> {
    return this.read(() => this.jobs.list(filter));
  }

  // ---- dedupe and key-value ---------------------------------------------

  async claimOnce(key: string, ttlMs: number, now: string): Promise<boolean> {
    const nowMs = ms(now);
    this.claims += 1;
    if (this.claims % DEDUPE_SWEEP_EVERY === 0) this.s.sweepDedupe.run(nowMs);
    return this.s.claimKey.run(key, nowMs + ttlMs, nowMs).changes === 1;
  }

  async getValue(namespace: string, key: string): Promise<string | null> {
    return (this.s.getValue.get(namespace, key) as string | undefined) ?? null;
  }

  async setValue(namespace: string, key: string, value: string): Promise<void> {
    this.s.setValue.run(namespace, key, value);
  }

  /** Call after writing people through `db` directly (bulk import), so assignment does not read stale staff. */
  forgetCachedPeople(): void {
    this.staff.invalidate();
  }

  /** Closes the database (checkpointing the WAL). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.pragma('optimize');
    this.db.close();
  }

  // ---- internals --------------------------------------------------------

  private changedPerson(person: Person): Person {
    this.staff.changed([person.id]);
    return person;
  }

  /** Runs `fn` in an IMMEDIATE transaction: the write lock is taken first, so concurrent writers queue instead of failing. */
  private write<R>(fn: () => R): R {
    return this.run.immediate(fn) as R;
  }

  /** Runs several reads on one snapshot. */
  private read<R>(fn: () => R): R {
    return this.run.deferred(fn) as R;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    // A key is claimed when new, or when its previous claim has expired.
    claimKey: db.prepare(`INSERT INTO dedupe (key, expires_ms) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET expires_ms = excluded.expires_ms WHERE dedupe.expires_ms <= ?`),
    sweepDedupe: db.prepare('DELETE FROM dedupe WHERE expires_ms <= ?'),
    getValue: db.prepare('SELECT value FROM kv WHERE namespace = ? AND key = ?').pluck(),
    setValue: db.prepare('INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value'),
  };
}
