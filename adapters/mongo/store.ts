/**
 * The MongoDB implementation of the Store port, for helpdesks that run
 * several bot processes or more than one machine. Everything is built from
 * single-document atomic operations, so it works on a standalone server as
 * well as on a replica set, and needs no multi-document transactions:
 * - ticket refs come from a counter document with `$inc`; see tickets.ts
 *   for the creation order that keeps refs gap-free and creations
 *   crash-safe;
 * - a ticket save and its side effects (jobs, cancellations, load counts,
 *   assignment time) are one atomic update of the ticket plus idempotent
 *   follow-ups from its outbox; see outbox.ts;
 * - jobs are leased with findOneAndUpdate on {dueAt <= now}, so two
 *   processes never run the same job or fire the same timer, and a crashed
 *   holder's work falls due again when its lease expires; see jobs.ts.
 * Claims also run the recovery sweep now and then, which finishes what a
 * crashed process left half-done.
 */
import type { Connection } from 'mongoose';
import type { CreatedTicket, EventWait, ImportOutcome, Iso, Job, JobState, Logger, NewJob, NewPerson, NewTicket, Person, PersonPatch, Role, RunnerHeartbeat, Store, StoreCopy, StoreRecord, StoreRecordKind, Ticket, TicketQuery, TicketUpdate, TicketWithdrawal, WatchedChannel } from '../../core/index.js';
import type { AuditEntry, AuditQuery, SavedReply } from '../../core/index.js';
import type { TicketChangeCursor } from '../../core/index.js';
import { MongoAudit } from './audit.js';
import { MongoCopy } from './copy.js';
import { MongoIntake } from './intake.js';
import { MongoRunnerHeartbeat } from './heartbeat.js';
import { MongoJobs } from './jobs.js';
import { date } from './mapping.js';
import type { Models } from './models.js';
import { Outbox } from './outbox.js';
import { MongoPeople } from './people.js';
import { MongoSmallStores } from './small.js';
import { MongoTicketStats } from './stats.js';
import { MongoTickets } from './tickets.js';
import { MongoDashboardSessions } from './dashboard-sessions.js';

/** How often (in the callers' clock) claims look for work a crashed process left unfinished. */
const RECOVERY_EVERY_MS = 30_000;
/** Work younger than this is assumed to belong to a live process. */
const RECOVERY_GRACE_MS = 60_000;

export class MongoStore implements Store, StoreCopy {
  readonly description: string;
  private readonly tickets: MongoTickets;
  private readonly people: MongoPeople;
  private readonly jobs: MongoJobs;
  private readonly heartbeat: MongoRunnerHeartbeat;
  private readonly small: MongoSmallStores;
  private readonly copy: MongoCopy;
  private readonly audit: MongoAudit;
  private readonly intake: MongoIntake;
  /** The ticket metrics /stats reads, in this database's `ticket_metrics` collection. */
  readonly stats: MongoTicketStats;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;
  private lastRecovery = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly conn: Connection,
    models: Models,
    description: string,
    private readonly logger: Logger,
  ) {
    this.description = description;
    this.jobs = new MongoJobs(models);
    this.heartbeat = new MongoRunnerHeartbeat(conn);
    const outbox = new Outbox(models, this.jobs);
    this.tickets = new MongoTickets(models, outbox, logger);
    this.people = new MongoPeople(models);
    this.small = new MongoSmallStores(models);
    this.audit = new MongoAudit(models);
    this.copy = new MongoCopy(models, this.tickets, this.small, this.audit);
    this.intake = new MongoIntake(models, this.jobs);
    this.stats = new MongoTicketStats(models);
    conn.on('disconnected', () => {
      if (!this.closing) logger.warn({ store: description }, 'lost the connection to MongoDB; the driver keeps retrying');
    });
    conn.on('reconnected', () => logger.info({ store: description }, 'reconnected to MongoDB'));
  }

  /** The web dashboard's sign-in links and sessions, in this database. */
  dashboardSessions(): MongoDashboardSessions {
    return new MongoDashboardSessions(this.conn);
  }

  // ---- tickets ----
  createTicket(input: NewTicket, jobs: readonly NewJob[]): Promise<CreatedTicket> {
    return this.track(() => this.tickets.create(input, jobs));
  }
  getTicket(id: string): Promise<Ticket | null> {
    return this.track(() => this.tickets.get(id));
  }
  getTicketByRef(ref: number): Promise<Ticket | null> {
    return this.track(() => this.tickets.getByRef(ref));
  }
  findTicketByIdempotencyKey(key: string): Promise<Ticket | null> {
    return this.track(() => this.tickets.getByIdempotencyKey(key));
  }
  updateTicket(next: Ticket, update: TicketUpdate): Promise<Ticket> {
    return this.track(() => this.tickets.update(next, update));
  }
  listTickets(query: TicketQuery): Promise<Ticket[]> {
    return this.track(() => this.tickets.list(query));
  }
  countTickets(query: TicketQuery): Promise<number> {
    return this.track(() => this.tickets.count(query));
  }
  listResolvedTickets(afterRef: number, limit: number): Promise<Ticket[]> {
    return this.track(() => this.tickets.listResolved(afterRef, limit));
  }
  listResolvedChanges(after: TicketChangeCursor | null, limit: number): Promise<Ticket[]> {
    return this.track(() => this.tickets.listResolvedChanges(after, limit));
  }

  // ---- intake ----
  watchChannel(channel: WatchedChannel): Promise<boolean> {
    return this.track(() => this.intake.watch(channel));
  }
  unwatchChannel(platform: string, channelId: string): Promise<boolean> {
    return this.track(() => this.intake.unwatch(platform, channelId));
  }
  getWatchedChannel(platform: string, channelId: string): Promise<WatchedChannel | null> {
    return this.track(() => this.intake.get(platform, channelId));
  }
  listWatchedChannels(platform: string): Promise<WatchedChannel[]> {
    return this.track(() => this.intake.list(platform));
  }
  withdrawTicket(id: string, withdrawal: TicketWithdrawal): Promise<void> {
    return this.track(async () => {
      await this.intake.withdraw(id, withdrawal);
      // After the deletion decided the race; a crash in between leaves entries no read reaches.
      await this.tickets.history.remove(id);
    });
  }

  // ---- people ----
  getPerson(id: string): Promise<Person | null> {
    return this.track(() => this.people.get(id));
  }
  findPersonByIdentity(identity: string): Promise<Person | null> {
    return this.track(() => this.people.findByIdentity(identity));
  }
  findPeopleByEmail(email: string): Promise<Person[]> {
    return this.track(() => this.people.findByEmail(email));
  }
  ensurePerson(input: NewPerson): Promise<Person> {
    return this.track(() => this.people.ensure(input));
  }
  updatePerson(id: string, patch: PersonPatch, expectedVersion: number, at: Iso, audit: readonly AuditEntry[] = []): Promise<Person> {
    return this.track(async () => {
      const person = await this.people.update(id, patch, expectedVersion, at);
      await this.audit.write(audit);
      return person;
    });
  }
  addIdentity(personId: string, identity: string, at: Iso): Promise<Person> {
    return this.track(() => this.people.addIdentity(personId, identity, at));
  }
  listPeople(filter: { roles?: readonly Role[]; skill?: string; limit?: number }): Promise<Person[]> {
    return this.track(() => this.people.list(filter));
  }
  listAssignmentCandidates(skills: readonly string[]): Promise<Person[]> {
    return this.track(() => this.people.candidates(skills));
  }
  listStaffSkills(): Promise<string[]> {
    return this.track(() => this.people.staffSkills());
  }

  // ---- jobs ----
  enqueueJob(job: NewJob, now: Iso): Promise<Job> {
    return this.track(() => this.jobs.enqueue(job, now));
  }
  getJob(id: string): Promise<Job | null> {
    return this.track(() => this.jobs.get(id));
  }
  getJobByKey(key: string): Promise<Job | null> {
    return this.track(() => this.jobs.getByKey(key));
  }
  claimDueJob(owner: string, now: Iso, leaseUntil: Iso, names?: readonly string[]): Promise<Job | null> {
    return this.track(async () => {
      await this.recoverNowAndThen(now);
      return this.jobs.claim(owner, now, leaseUntil, names);
    });
  }
  renewLease(jobId: string, owner: string, leaseUntil: Iso): Promise<boolean> {
    return this.track(() => this.jobs.renewLease(jobId, owner, leaseUntil));
  }
  saveStepResult(jobId: string, owner: string, stepId: string, value: unknown, now: Iso): Promise<boolean> {
    return this.track(() => this.jobs.saveStepResult(jobId, owner, stepId, value, now));
  }
  completeJob(jobId: string, owner: string, now: Iso): Promise<void> {
    return this.track(() => this.jobs.complete(jobId, owner, now));
  }
  retryJob(jobId: string, owner: string, runAt: Iso, error: string, now: Iso): Promise<void> {
    return this.track(() => this.jobs.retry(jobId, owner, runAt, error, now));
  }
  failJob(jobId: string, owner: string, error: string, now: Iso): Promise<void> {
    return this.track(() => this.jobs.fail(jobId, owner, error, now));
  }
  suspendJob(jobId: string, owner: string, runAt: Iso, wait: EventWait | null, now: Iso): Promise<void> {
    return this.track(() => this.jobs.suspend(jobId, owner, runAt, wait, now));
  }
  deliverEvent(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }, now: Iso): Promise<number> {
    return this.track(() => this.jobs.deliver(event, now));
  }
  cancelJobs(keys: readonly string[], now: Iso): Promise<number> {
    return this.track(() => this.jobs.cancel(keys, now));
  }
  deleteFinishedJobs(before: Iso, limit: number): Promise<number> {
    return this.track(() => this.jobs.deleteFinished(before, limit));
  }
  releaseOrphanedLeases(): Promise<number | null> {
    return this.track(() => this.jobs.releaseOrphaned());
  }
  nextJobDueAt(): Promise<Iso | null> {
    return this.track(() => this.jobs.nextDueAt());
  }
  listJobs(filter: { states?: readonly JobState[]; names?: readonly string[]; limit?: number }): Promise<Job[]> {
    return this.track(() => this.jobs.list(filter));
  }

  beatRunnerHeartbeat(owner: string, now: Iso, expiresAt: Iso): Promise<RunnerHeartbeat | null> {
    return this.track(() => this.heartbeat.beat(owner, now, expiresAt));
  }
  releaseRunnerHeartbeat(owner: string): Promise<void> {
    return this.track(() => this.heartbeat.release(owner));
  }

  // ---- dedupe and key-value ----
  claimOnce(key: string, ttlMs: number, now: Iso): Promise<boolean> {
    return this.track(() => this.small.claimOnce(key, ttlMs, now));
  }
  getValue(namespace: string, key: string): Promise<string | null> {
    return this.track(() => this.small.getValue(namespace, key));
  }
  setValue(namespace: string, key: string, value: string): Promise<void> {
    return this.track(() => this.small.setValue(namespace, key, value));
  }

  // ---- audit and saved replies ----
  listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    return this.track(() => this.audit.list(query));
  }
  countAudit(query: AuditQuery): Promise<number> {
    return this.track(() => this.audit.count(query));
  }
  getSavedReply(name: string): Promise<SavedReply | null> {
    return this.track(() => this.audit.reply(name));
  }
  listSavedReplies(): Promise<SavedReply[]> {
    return this.track(() => this.audit.replies());
  }
  putSavedReply(reply: SavedReply, audit: readonly AuditEntry[]): Promise<void> {
    return this.track(() => this.audit.putReply(reply, audit));
  }
  deleteSavedReply(name: string, audit: readonly AuditEntry[]): Promise<boolean> {
    return this.track(() => this.audit.deleteReply(name, audit));
  }

  // ---- copying between stores ----
  exportRecords(): AsyncIterable<StoreRecord> {
    return this.copy.exportRecords();
  }
  importRecord(record: StoreRecord): Promise<ImportOutcome> {
    return this.track(() => this.copy.importRecord(record));
  }
  countRecords(): Promise<Record<StoreRecordKind, number>> {
    return this.track(() => this.copy.countRecords());
  }

  /**
   * Finishes ticket creations and applies side effects that a crashed
   * process left behind, older than a minute before `now`. Claims run it
   * every 30 seconds of their clock; call it directly after a known crash.
   */
  recover(now: Iso, graceMs = RECOVERY_GRACE_MS): Promise<number> {
    return this.track(() => this.tickets.recover(date(now), graceMs));
  }

  /**
   * Readies a freshly opened store: histories still embedded in ticket
   * documents are moved to ticket_history, the ref counter exists, and
   * leftovers of crashed processes are finished.
   */
  prepare(now: Iso): Promise<void> {
    return this.track(async () => {
      const moved = await this.tickets.history.migrateEmbedded();
      if (moved > 0) this.logger.info({ tickets: moved }, 'moved ticket histories out of the ticket documents');
      await this.tickets.syncRefCounter();
      await this.tickets.backfillPriorityRank();
      await this.tickets.recover(date(now), RECOVERY_GRACE_MS);
    });
  }

  /** Lets in-flight calls finish, then closes the connection. New calls are refused meanwhile. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      await this.conn.close();
      this.logger.info({ store: this.description }, 'store closed');
    })();
    return this.closing;
  }

  private async recoverNowAndThen(now: Iso): Promise<void> {
    const t = date(now).getTime();
    if (t - this.lastRecovery < RECOVERY_EVERY_MS && t >= this.lastRecovery) return;
    this.lastRecovery = t;
    try {
      const n = await this.tickets.recover(new Date(t), RECOVERY_GRACE_MS);
      if (n > 0) this.logger.warn({ tickets: n }, 'finished work a stopped process left unfinished');
    } catch (error) {
      this.logger.warn({ err: error }, 'recovery sweep failed; it will run again');
    }
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`${this.description} is closed`));
    const p = work();
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }
}
