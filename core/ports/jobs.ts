import type { Iso } from '../domain/ticket.js';

/**
 * Durable background work. The in-process runner executes jobs; in Inngest
 * mode the same rows act as an outbox whose events are forwarded to Inngest.
 */
export type JobState = 'pending' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled';

export interface NewJob {
  /** Workflow or event name, e.g. `ticket/filed`. */
  readonly name: string;
  /** Unique among jobs; enqueueing an existing key is a no-op (idempotency). */
  readonly key: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly runAt: Iso;
}

/** A workflow run stored already parked at its first sleep or event wait (see JobStore.enqueueParkedJob). */
export interface ParkedRun {
  /** Memoized results of the steps run before the wait, as saveStepResult would have stored them. */
  readonly steps: Readonly<Record<string, unknown>>;
  /** The event wait, or null for a sleep; the job is due at the NewJob's runAt either way. */
  readonly wait: EventWait | null;
}

/** The jobs a finishing job leaves behind, stored with its completion (see JobStore.completeJobEnqueuing). */
export interface FollowUps {
  /** Inserted unless their key exists, as enqueueJob does. */
  readonly enqueue: readonly NewJob[];
  /** Inserted parked unless their key exists, as enqueueParkedJob does. */
  readonly parked: readonly { readonly job: NewJob; readonly parked: ParkedRun }[];
}

export interface EventWait {
  readonly stepId: string;
  readonly event: string;
  /** Field path compared between the awaited event's data and this job's data, e.g. `ticketId`. */
  readonly matchField: string;
  readonly matchValue: string;
  /** When the wait times out and the step resolves to null. */
  readonly until: Iso;
}

export interface Job {
  readonly id: string;
  readonly name: string;
  readonly key: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly state: JobState;
  readonly attempts: number;
  readonly runAt: Iso;
  readonly leaseOwner: string | null;
  readonly leaseUntil: Iso | null;
  readonly lastError: string | null;
  /** Memoized step results by step id, so a resumed job skips finished steps. */
  readonly steps: Readonly<Record<string, unknown>>;
  readonly wait: EventWait | null;
  readonly createdAt: Iso;
  readonly updatedAt: Iso;
}

/** The record of the one in-process runner of a shared database, kept alive by its heartbeat. */
export interface RunnerHeartbeat {
  /** The runner's lease owner (`<hostname>-<pid>-<random>`). */
  readonly owner: string;
  readonly beatAt: Iso;
  /** Until then no other process may start the in-process runner on this database. */
  readonly expiresAt: Iso;
}

export interface JobStore {
  /** Inserts unless the key exists; returns the stored job either way. */
  enqueueJob(job: NewJob, now: Iso): Promise<Job>;
  /**
   * Optional. Inserts a run job already parked, unless the key exists: state
   * `waiting` until `job.runAt`, with `parked.steps` memoized and
   * `parked.wait` set, exactly as if it had been enqueued, claimed, had saved
   * those steps and been suspended, but in one atomic write. An engine uses it
   * for a run whose opening steps only read; without it the run is enqueued
   * and does the same work as a job.
   */
  enqueueParkedJob?(job: NewJob, parked: ParkedRun, now: Iso): Promise<void>;
  getJob(id: string): Promise<Job | null>;
  getJobByKey(key: string): Promise<Job | null>;
  /**
   * Atomically leases one due job (pending or waiting with runAt <= now, or
   * running with an expired lease) to `owner` until `leaseUntil`.
   */
  claimDueJob(owner: string, now: Iso, leaseUntil: Iso, names?: readonly string[]): Promise<Job | null>;
  /**
   * Optional. Leases up to `limit` due jobs at once, earliest due first, as
   * that many claimDueJob calls would (never one job to two claimers), in
   * one write. The runner claims its batches with it; without it, it issues
   * the claims one by one.
   */
  claimDueJobs?(owner: string, now: Iso, leaseUntil: Iso, limit: number): Promise<Job[]>;
  /** Extends a lease; false when the lease was lost. */
  renewLease(jobId: string, owner: string, leaseUntil: Iso): Promise<boolean>;
  /** Records one step's result; false when the lease was lost (the caller must stop). */
  saveStepResult(jobId: string, owner: string, stepId: string, value: unknown, now: Iso): Promise<boolean>;
  completeJob(jobId: string, owner: string, now: Iso): Promise<void>;
  /**
   * Optional. Completes the job and stores the jobs it leaves behind in one
   * atomic write, only while `owner` holds the lease (otherwise nothing is
   * stored: whoever holds it now does the work again). An event's fan-out
   * uses it so its runs and its completion cost one write; without it the
   * runner enqueues them first, then completes the job.
   */
  completeJobEnqueuing?(jobId: string, owner: string, followUps: FollowUps, now: Iso): Promise<void>;
  /** Releases the job for another attempt at `runAt`, counting the attempt. */
  retryJob(jobId: string, owner: string, runAt: Iso, error: string, now: Iso): Promise<void>;
  /** Gives up on the job for good. */
  failJob(jobId: string, owner: string, error: string, now: Iso): Promise<void>;
  /** Parks the job until `runAt` (a sleep) or until an event arrives (a wait). */
  suspendJob(jobId: string, owner: string, runAt: Iso, wait: EventWait | null, now: Iso): Promise<void>;
  /**
   * Delivers an event to jobs waiting for it whose match value equals
   * `data[matchField]`: stores the event as the waiting step's result and
   * makes the job due now. Returns how many jobs were woken.
   */
  deliverEvent(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }, now: Iso): Promise<number>;
  /** Cancels not-yet-finished jobs with these keys. */
  cancelJobs(keys: readonly string[], now: Iso): Promise<number>;
  /**
   * Makes every job leased by an owner other than `owner` due at `now`
   * (state pending, lease cleared, steps and attempts kept) and returns how
   * many. Only a store that one process at a time can open may do this: its
   * lock proves every earlier holder is gone, so their leases are orphans
   * and waiting them out would only delay work. A store that several live
   * processes share cannot tell a dead holder from a live one; it changes
   * nothing and returns null, and those leases expire on their own.
   */
  releaseOrphanedLeases(owner: string, now: Iso): Promise<number | null>;
  /** The earliest runAt among due-able jobs, so the runner can sleep until then. */
  nextJobDueAt(): Promise<Iso | null>;
  listJobs(filter: { states?: readonly JobState[]; names?: readonly string[]; limit?: number }): Promise<Job[]>;
  /**
   * Deletes up to `limit` jobs that finished (done or cancelled) before
   * `before`, with their step results; failed jobs stay for inspection.
   * Returns how many were deleted.
   */
  deleteFinishedJobs(before: Iso, limit: number): Promise<number>;
  /**
   * Only on stores several processes can open (MongoDB; SQLite's file lock
   * already allows one process): records `owner` as the one in-process
   * runner of this database until `expiresAt`, or renews its own record.
   * Atomic: of two processes starting at once, one gets the record. Returns
   * null when granted, or the record of another owner whose heartbeat has
   * not expired, and then the caller must not run.
   */
  beatRunnerHeartbeat?(owner: string, now: Iso, expiresAt: Iso): Promise<RunnerHeartbeat | null>;
  /** Removes `owner`'s record at a clean stop, so the next process need not wait for it to expire. */
  releaseRunnerHeartbeat?(owner: string): Promise<void>;
}
