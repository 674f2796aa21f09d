import type Database from 'better-sqlite3';
import type {
  CreatedTicket,
  EventWait,
  FollowUps,
  Job,
  JobState,
  NewJob,
  NewPerson,
  NewTicket,
  ParkedRun,
  Person,
  PersonPatch,
  Role,
  Store,
  Ticket,
  TicketQuery,
  TicketUpdate,
  TicketWithdrawal,
  WatchedChannel,
} from '../../core/index.js';
import type { AuditEntry, AuditQuery, SavedReply } from '../../core/index.js';
import type { TicketChangeCursor } from '../../core/index.js';
import { AuditTable } from './audit.js';
import { GroupCommit } from './group-commit.js';
import { IntakeTable } from './intake.js';
import { JobTable } from './jobs.js';
import { PeopleTable } from './people.js';
import { CacheGuard, parseStored, PersonCache, TicketCache } from './read-cache.js';
import { ms, StatementCache } from './sql.js';
import { StaffCache } from './staff-cache.js';
import { SqliteTicketStats } from './stats.js';
import { TicketTable, type WrittenTicket } from './tickets.js';

/** Expired dedupe keys are swept after this many claims, so the table stays small without a timer. */
const DEDUPE_SWEEP_EVERY = 1000;

/**
 * The Store on SQLite (better-sqlite3). Every write is atomic on its own:
 * a ticket never exists without its jobs, a save never lands without its
 * load counts, and a crash at any point leaves either all of a change or
 * none of it. Writes are group-committed (see GroupCommit): those requested
 * in the same turn of the event loop share one transaction and one disk
 * flush, each in its own savepoint, and each resolves only once committed.
 * Open it with `openSqliteStore`, which prepares the file, pragmas and schema.
 */
export class SqliteStore implements Store {
  private readonly cache: StatementCache;
  private readonly tickets: TicketTable;
  private readonly people: PeopleTable;
  private readonly jobs: JobTable;
  private readonly intake: IntakeTable;
  private readonly audit: AuditTable;
  private readonly staff: StaffCache;
  /** Keeps the ticket and person caches below coherent with the database. */
  private readonly cacheGuard: CacheGuard;
  /** Recently read and written tickets: workflow steps re-read their ticket at every step. */
  private readonly ticketCache: TicketCache;
  /** Recently read people: notices re-read requester and assignee at every step. */
  private readonly personCache: PersonCache;
  /** The ticket metrics /stats reads, in this database's own tables. */
  readonly stats: SqliteTicketStats;
  private readonly s: ReturnType<typeof prepareStatements>;
  /** Every write goes through here: one transaction and one disk flush per batch of writes. */
  private readonly group: GroupCommit;
  /** One transaction wrapper for multi-statement reads (one snapshot). */
  private readonly run: Database.Transaction<(fn: () => unknown) => unknown>;
  private claims = 0;
  private closed = false;
  /** Staff skills as last read, with what they were read at: triage asks for them on every ticket. */
  private staffSkills: { readonly dataVersion: number; readonly epoch: number; readonly list: readonly string[] } | null = null;
  /** Moves on every change to people through this store, so the memo above is dropped. */
  private peopleEpoch = 0;

  constructor(
    /** The open connection, for backups, diagnostics and bulk import (the store notices rows written through it and starts its caches over). */
    readonly db: Database.Database,
    readonly description: string,
    /** How this store holds the database alone (see DatabaseLock), or null when other processes may share it. */
    private readonly exclusive: { release(): void } | null = null,
  ) {
    this.cache = new StatementCache(db);
    this.tickets = new TicketTable(db, this.cache);
    this.people = new PeopleTable(db, this.cache);
    this.jobs = new JobTable(db, this.cache);
    this.intake = new IntakeTable(db);
    this.audit = new AuditTable(db);
    this.staff = new StaffCache(db, () => this.people.staff(), (id) => this.people.get(id));
    this.s = prepareStatements(db);
    this.cacheGuard = new CacheGuard(db);
    this.ticketCache = new TicketCache(this.cacheGuard);
    this.personCache = new PersonCache(this.cacheGuard);
    // The staff index starts over too when a write went round the store (a bulk import through `db`).
    this.cacheGuard.guard({
      clear: () => {
        this.peopleEpoch++;
        this.staff.invalidate();
      },
    });
    this.group = new GroupCommit(db, {
      // A cache that failed to follow a write starts over rather than serve stale tickets or people.
      onHookError: () => {
        this.staff.invalidate();
        this.cacheGuard.clear();
      },
      batchStarting: () => this.cacheGuard.batchStarting(),
      batchCommitted: () => this.cacheGuard.batchCommitted(),
    });
    // Metrics rows ride the same group transaction as the ticket change that caused them: no flush of their own.
    this.stats = new SqliteTicketStats(db, (work) => this.group.run(work));
    this.run = db.transaction((fn: () => unknown) => fn());
  }

  // ---- tickets --------------------------------------------------------

  private createInTx(input: NewTicket, jobs: readonly NewJob[]): CreatedTicket & { readonly written?: WrittenTicket } {
    if (input.idempotencyKey !== undefined) {
      const earlier = this.tickets.findByIdempotencyKey(input.idempotencyKey);
      if (earlier) return { ticket: earlier, created: false };
    }
    const written = this.tickets.create(input);
    for (const job of jobs) this.jobs.insertOnly(job, input.createdAt);
    return { ticket: written.ticket, created: true, written };
  }

  async createTicket(input: NewTicket, jobs: readonly NewJob[]): Promise<CreatedTicket> {
    const { ticket, created } = await this.write(
      () => this.createInTx(input, jobs),
      (r) => {
        if (r.written) this.keepWritten(r.written);
      },
    );
    return { ticket, created };
  }

  // Ticket reads take the row and its history rows on one snapshot (see TicketTable).

  async getTicket(id: string): Promise<Ticket | null> {
    const held = this.ticketCache.get(id);
    if (held) return parseStored(held) as Ticket;
    const stored = this.read(() => this.tickets.getStored(id));
    if (!stored) return null;
    this.ticketCache.read(stored);
    return parseStored(stored) as Ticket;
  }

  async getTicketByRef(ref: number): Promise<Ticket | null> {
    return this.read(() => this.tickets.getByRef(ref));
  }

  async findTicketByIdempotencyKey(key: string): Promise<Ticket | null> {
    return this.read(() => this.tickets.findByIdempotencyKey(key));
  }

  private updateInTx(next: Ticket, update: TicketUpdate): WrittenTicket {
    const written = this.tickets.save(next, update.expectedVersion);
    const saved = written.ticket;
    this.people.applyLoad(update.loadDeltas ?? [], update.assignedAt);
    for (const job of update.jobs ?? []) this.jobs.insertOnly(job, saved.updatedAt);
    if (update.cancelJobKeys?.length) this.jobs.cancel(update.cancelJobKeys, saved.updatedAt);
    if (update.audit?.length) this.audit.write(update.audit);
    return written;
  }

  async updateTicket(next: Ticket, update: TicketUpdate): Promise<Ticket> {
    const touched = (update.loadDeltas ?? []).map((d) => d.personId);
    if (update.assignedAt) touched.push(update.assignedAt.personId);
    const written = await this.write(
      () => this.updateInTx(next, update),
      (w) => {
        this.keepWritten(w);
        if (touched.length > 0) this.changedLoad(touched);
      },
    );
    return written.ticket;
  }

  async listTickets(query: TicketQuery): Promise<Ticket[]> {
    return this.read(() => this.tickets.list(query));
  }

  async countTickets(query: TicketQuery): Promise<number> {
    return this.tickets.count(query);
  }

  async listResolvedTickets(afterRef: number, limit: number): Promise<Ticket[]> {
    return this.read(() => this.tickets.listResolved(afterRef, limit));
  }

  async listResolvedChanges(after: TicketChangeCursor | null, limit: number): Promise<Ticket[]> {
    return this.read(() => this.tickets.listResolvedChanges(after, limit));
  }

  // ---- people ---------------------------------------------------------

  async getPerson(id: string): Promise<Person | null> {
    const held = this.personCache.get(id);
    if (held) return held;
    const person = this.people.get(id);
    if (person) this.personCache.read(person);
    return person;
  }

  async findPersonByIdentity(identity: string): Promise<Person | null> {
    return this.read(() => this.people.findByIdentity(identity));
  }

  async findPeopleByEmail(email: string): Promise<Person[]> {
    return this.people.findByEmail(email);
  }

  async ensurePerson(input: NewPerson): Promise<Person> {
    // Identities are never taken away, so a person found now is the answer: no write, no wait for a commit.
    const known = this.read(() => this.people.findByIdentity(input.identity));
    if (known) return known;
    return this.write(() => this.people.ensure(input), (p) => this.changedPerson(p));
  }

  async updatePerson(id: string, patch: PersonPatch, expectedVersion: number, at: string, audit: readonly AuditEntry[] = []): Promise<Person> {
    return this.write(
      () => {
        const person = this.people.patch(id, patch, expectedVersion, at);
        this.audit.write(audit);
        return person;
      },
      (p) => this.changedPerson(p),
    );
  }

  async addIdentity(personId: string, identity: string, at: string): Promise<Person> {
    return this.write(() => this.people.addIdentity(personId, identity, at), (p) => this.changedPerson(p));
  }

  async listPeople(filter: { roles?: readonly Role[]; skill?: string; limit?: number }): Promise<Person[]> {
    return this.people.list(filter);
  }

  async listAssignmentCandidates(skills: readonly string[]): Promise<Person[]> {
    // Looks for writes that went round the store first (they empty the staff index with the read caches).
    this.cacheGuard.usable();
    return this.staff.candidates(skills);
  }

  async listStaffSkills(): Promise<string[]> {
    // data_version moves when another connection commits; peopleEpoch when this store changes people.
    const dataVersion = this.s.dataVersion.get() as number;
    const memo = this.staffSkills;
    if (memo?.dataVersion === dataVersion && memo.epoch === this.peopleEpoch) return memo.list.slice();
    const list = this.people.staffSkillList();
    this.staffSkills = { dataVersion, epoch: this.peopleEpoch, list };
    return list.slice();
  }

  // ---- jobs -----------------------------------------------------------

  async enqueueJob(job: NewJob, now: string): Promise<Job> {
    return this.write(() => this.jobs.enqueue(job, now));
  }

  async enqueueParkedJob(job: NewJob, parked: ParkedRun, now: string): Promise<void> {
    return this.write(() => this.jobs.insertParked(job, parked, now));
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

  async claimDueJobs(owner: string, now: string, leaseUntil: string, limit: number): Promise<Job[]> {
    return this.write(() => this.jobs.claimMany(owner, now, leaseUntil, limit));
  }

  async renewLease(jobId: string, owner: string, leaseUntil: string): Promise<boolean> {
    return this.write(() => this.jobs.renew(jobId, owner, leaseUntil));
  }

  async saveStepResult(jobId: string, owner: string, stepId: string, value: unknown, now: string): Promise<boolean> {
    return this.write(() => this.jobs.saveStep(jobId, owner, stepId, value, now));
  }

  async completeJob(jobId: string, owner: string, now: string): Promise<void> {
    await this.write(() => this.jobs.complete(jobId, owner, now));
  }

  async completeJobEnqueuing(jobId: string, owner: string, followUps: FollowUps, now: string): Promise<void> {
    await this.write(() => {
      if (!this.jobs.complete(jobId, owner, now)) return;
      for (const job of followUps.enqueue) this.jobs.insertOnly(job, now);
      for (const p of followUps.parked) this.jobs.insertParked(p.job, p.parked, now);
    });
  }

  async retryJob(jobId: string, owner: string, runAt: string, error: string, now: string): Promise<void> {
    return this.write(() => this.jobs.retry(jobId, owner, runAt, error, now));
  }

  async failJob(jobId: string, owner: string, error: string, now: string): Promise<void> {
    return this.write(() => this.jobs.fail(jobId, owner, error, now));
  }

  async suspendJob(jobId: string, owner: string, runAt: string, wait: EventWait | null, now: string): Promise<void> {
    return this.write(() => this.jobs.suspend(jobId, owner, runAt, wait, now));
  }

  async deliverEvent(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }, now: string): Promise<number> {
    // Most events have nobody waiting: a read settles that without a write (a write waits for a commit).
    if (!this.jobs.hasWaiter(event)) return 0;
    return this.write(() => this.jobs.deliver(event, now));
  }

  async cancelJobs(keys: readonly string[], now: string): Promise<number> {
    return this.write(() => this.jobs.cancel(keys, now));
  }

  async deleteFinishedJobs(before: string, limit: number): Promise<number> {
    return this.write(() => this.jobs.deleteFinished(before, limit));
  }

  async releaseOrphanedLeases(owner: string, now: string): Promise<number | null> {
    if (!this.exclusive) return null;
    return this.write(() => this.jobs.releaseOrphaned(owner, now));
  }

  async nextJobDueAt(): Promise<string | null> {
    return this.jobs.nextDueAt();
  }

  async listJobs(filter: { states?: readonly JobState[]; names?: readonly string[]; limit?: number }): Promise<Job[]> {
    return this.read(() => this.jobs.list(filter));
  }

  // ---- audit and saved replies --------------------------------------------

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    return this.audit.list(query);
  }

  async countAudit(query: AuditQuery): Promise<number> {
    return this.audit.countOf(query);
  }

  async getSavedReply(name: string): Promise<SavedReply | null> {
    return this.audit.reply(name);
  }

  async listSavedReplies(): Promise<SavedReply[]> {
    return this.audit.replies();
  }

  async putSavedReply(reply: SavedReply, audit: readonly AuditEntry[]): Promise<void> {
    await this.write(() => {
      this.audit.putReplyRow(reply);
      this.audit.write(audit);
    });
  }

  async deleteSavedReply(name: string, audit: readonly AuditEntry[]): Promise<boolean> {
    return this.write(() => {
      if (!this.audit.deleteReplyRow(name)) return false;
      this.audit.write(audit);
      return true;
    });
  }

  /** The ticket rows and their history, for store:copy. */
  get ticketTable(): TicketTable {
    return this.tickets;
  }

  /** Runs several reads on one snapshot, for store:copy. */
  snapshot<R>(fn: () => R): R {
    return this.read(fn);
  }

  /** The audit record and saved replies, for store:copy. */
  get auditTable(): AuditTable {
    return this.audit;
  }

  // ---- intake -------------------------------------------------------------

  async watchChannel(channel: WatchedChannel): Promise<boolean> {
    return this.write(() => this.intake.watch(channel));
  }

  async unwatchChannel(platform: string, channelId: string): Promise<boolean> {
    return this.write(() => this.intake.unwatch(platform, channelId));
  }

  async getWatchedChannel(platform: string, channelId: string): Promise<WatchedChannel | null> {
    return this.intake.get(platform, channelId);
  }

  async listWatchedChannels(platform: string): Promise<WatchedChannel[]> {
    return this.intake.list(platform);
  }

  async withdrawTicket(id: string, withdrawal: TicketWithdrawal): Promise<void> {
    const touched = withdrawal.loadDeltas.map((d) => d.personId);
    return this.write(
      () => {
        this.intake.withdraw(id, withdrawal.expectedVersion);
        this.people.applyLoad(withdrawal.loadDeltas, undefined);
        if (withdrawal.cancelJobKeys.length) this.jobs.cancel(withdrawal.cancelJobKeys, withdrawal.at);
      },
      () => {
        this.ticketCache.forget(id);
        if (touched.length > 0) this.changedLoad(touched);
      },
    );
  }

  // ---- dedupe and key-value ---------------------------------------------

  async claimOnce(key: string, ttlMs: number, now: string): Promise<boolean> {
    const nowMs = ms(now);
    this.claims += 1;
    const sweep = this.claims % DEDUPE_SWEEP_EVERY === 0;
    return this.write(() => {
      if (sweep) this.s.sweepDedupe.run(nowMs);
      return this.s.claimKey.run(key, nowMs + ttlMs, nowMs).changes === 1;
    });
  }

  async getValue(namespace: string, key: string): Promise<string | null> {
    return (this.s.getValue.get(namespace, key) as string | undefined) ?? null;
  }

  async setValue(namespace: string, key: string, value: string): Promise<void> {
    await this.write(() => this.s.setValue.run(namespace, key, value));
  }

  /** Writes committed through group commit and the transactions (disk flushes) they took, since open: diagnostics. */
  writeStats(): { readonly writes: number; readonly commits: number } {
    return { writes: this.group.writes, commits: this.group.commits };
  }

  /** Forgets every cached person and the staff index at once (writes through `db` are noticed anyway, at the next read). */
  forgetCachedPeople(): void {
    this.peopleEpoch++;
    this.staff.invalidate();
    this.personCache.clear();
  }

  /** Commits writes still queued, then closes the database (checkpointing the WAL). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.group.drain();
    this.db.pragma('optimize');
    this.db.close();
    this.exclusive?.release();
  }

  // ---- internals --------------------------------------------------------

  private changedPerson(person: Person): Person {
    this.peopleEpoch++;
    this.staff.changed([person.id]);
    this.personCache.changed([person.id]);
    return person;
  }

  /** After a committed change to these people's load (open tickets, last assignment). */
  private changedLoad(ids: readonly string[]): void {
    this.staff.changed(ids);
    this.personCache.changed(ids);
  }

  /** After a committed create or save: the ticket as written is what the next step reads. */
  private keepWritten(w: WrittenTicket): void {
    this.ticketCache.saved(w.ticket.id, w.ticket.ref, w.doc, w.from, w.appended);
  }

  /**
   * Runs `fn` in the next group transaction (IMMEDIATE: the write lock is
   * taken first, so writers of other processes queue instead of failing);
   * resolves once that transaction is committed, after `committed` ran.
   */
  private write<R>(fn: () => R, committed?: (result: R) => void): Promise<R> {
    return this.group.run(fn, committed);
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
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
  };
}
