import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock, Job, JobStore, Logger, WorkSignal } from '../../core/index.js';
import { PumpLoop } from '../../core/pump-loop.js';
import { defaultBackoff } from './backoff.js';
import { JobExecutor } from './execute.js';
import { LeaseKeeper } from './lease.js';
import { DEFAULT_CONCURRENCY, DEFAULT_SLICE_MS, DEFAULT_TARGET_TURN_MS, type InProcessRunnerOptions } from './options.js';
import { Pacer } from './pacer.js';

export type { InProcessRunnerOptions } from './options.js';

/** A claimed job this process holds, running or queued behind its ticket. */
interface Held {
  readonly job: Job;
  readonly lease: LeaseKeeper;
}

/**
 * The default engine for background work: runs the helpdesk's workflows on the
 * job store inside this process. Work is durable because it lives in the
 * store (leased, memoized step by step, timers as due dates), so a crash or a
 * restart resumes where it stopped. It is for one bot process per database:
 * on MongoDB a second process starting it is refused (see heartbeat.ts), as
 * several processes are what Inngest is for. Never runs two jobs with the
 * same concurrency key (one ticket) at once. The claim loop is the shared
 * PumpLoop (core/pump-loop.ts), which the outbox relay uses too.
 */
export class InProcessRunner implements WorkSignal {
  readonly owner: string;
  private readonly jobs: JobStore;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly executor: JobExecutor;
  private readonly pacer: Pacer;
  private readonly loop: PumpLoop;

  private started = false;
  private stopping = false;
  private held = 0;
  /** Keys with a run in progress, each with the claimed jobs queued behind it. */
  private readonly busyKeys = new Map<string, Held[]>();
  private readonly inFlight = new Set<Promise<void>>();
  /** The last pass stopped claiming because every slot was taken. */
  private saturated = false;
  /** Claims issued together in the next round (see claimRound). */
  private claimBatch = 1;
  private idleWaiters: { horizonMs: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(options: InProcessRunnerOptions) {
    this.owner = options.owner ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.jobs = options.jobs;
    this.clock = options.clock;
    this.logger = options.logger.child({ component: 'runner' });
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.pollMs = Math.max(1, options.pollMs ?? 1_000);
    const maxSliceMs = Math.max(1, options.sliceMs ?? DEFAULT_SLICE_MS);
    this.pacer = new Pacer({ maxSliceMs, targetTurnMs: Math.max(maxSliceMs, options.targetTurnMs ?? DEFAULT_TARGET_TURN_MS) });
    this.executor = new JobExecutor({
      jobs: options.jobs,
      workflows: options.workflows,
      clock: options.clock,
      logger: options.logger,
      owner: this.owner,
      maxAttempts: Math.max(1, options.maxAttempts ?? 8),
      backoff: options.backoff ?? ((attempt) => defaultBackoff(attempt)),
      signal: this,
      isStopping: () => this.stopping,
      pace: () => this.pacer.turn(),
    });
    this.loop = new PumpLoop({
      what: 'jobs',
      pass: () => this.pass(),
      // Claiming waits until the leases an earlier process left behind are released (see start).
      beforeFirstPass: () => this.releaseOrphans(),
      nextDueAt: () => this.jobs.nextJobDueAt(),
      onDrained: (next) => {
        if (this.held === 0) this.resolveIdle(next);
      },
      now: () => this.clock.now().getTime(),
      pollMs: this.pollMs,
      timer: unrefTimer,
      logger: this.logger,
    });
  }

  /**
   * Starts claiming due jobs, including work left unfinished by an earlier
   * process. On a store only one process can open (SQLite), the jobs an
   * earlier process still held are released first, so they are due at once
   * instead of after their leases run out; idle() counts them as due work.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.logger.info({ owner: this.owner, concurrency: this.concurrency }, 'in-process job runner started');
    this.loop.start();
  }

  /**
   * Stops claiming, lets each running workflow finish the step it is in
   * (the run is then released and resumes from there on the next start),
   * releases jobs queued behind a busy ticket, and resolves once nothing runs.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.stopping = true;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w.reject(new Error('the job runner stopped before the work settled'));
    await this.loop.stop();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.started = false;
    this.logger.info('in-process job runner stopped');
  }

  /** Wakes the runner now (called by use cases after they enqueue work). */
  workAvailable(): void {
    if (!this.started || this.stopping) return;
    this.loop.wake();
  }

  /**
   * Resolves when no job is due now and none is running in this process:
   * everything the work so far triggered has settled. Jobs due later (sleeps,
   * SLA timers, retries after a backoff) do not count, unless they are due
   * within `dueWithinMs` (e.g. to let a short retry run before a scripted
   * session ends). Only meaningful while the runner is started.
   */
  idle(options: { dueWithinMs?: number } = {}): Promise<void> {
    if (!this.started || this.stopping) return Promise.reject(new Error('InProcessRunner.idle() needs a started runner'));
    return new Promise((resolve, reject) => {
      this.idleWaiters.push({ horizonMs: Math.max(0, options.dueWithinMs ?? 0), resolve, reject });
      this.workAvailable();
    });
  }

  /**
   * Test helper for a runner that is not started: runs every job that is due
   * now, one at a time in the caller's task, until none is left. Returns how
   * many jobs ran.
   */
  async runDueJobsOnce(maxJobs = 10_000): Promise<number> {
    if (this.started) throw new Error('runDueJobsOnce() is for a runner that is not started');
    for (let n = 0; n < maxJobs; n++) {
      const job = await this.claim();
      if (!job) return n;
      const held = this.hold(job);
      try {
        await this.executor.execute(job, held.lease);
      } finally {
        this.release(held);
      }
    }
    throw new Error(`runDueJobsOnce: more than ${maxJobs} jobs; is a workflow looping?`);
  }

  /**
   * One pass of the shared pump loop: claims due jobs until the slots are
   * full ('full': a finishing job wakes the runner) or none is due
   * ('drained': the loop sleeps until the next due time, at most pollMs).
   */
  private async pass(): Promise<'full' | 'drained'> {
    let drained = false;
    while (this.held < this.limit() && !this.stopping) {
      if (!(await this.claimRound())) {
        drained = true;
        break;
      }
    }
    this.saturated = !drained;
    return drained ? 'drained' : 'full';
  }

  /**
   * Claims up to `claimBatch` jobs at once and dispatches them; true when
   * every claim found a job (there may be more). The claims are one call
   * where the store offers claimDueJobs, else issued together so a store
   * that groups writes commits them as one; the batch
   * doubles while the queue keeps yielding jobs and shrinks to what was
   * found when it runs dry, so an idle queue costs one claim per wake-up.
   */
  private async claimRound(): Promise<boolean> {
    const want = Math.max(1, Math.min(this.limit() - this.held, this.claimBatch));
    let found = 0;
    const { claimDueJobs } = this.jobs;
    if (claimDueJobs) {
      // One write for the whole batch, where the store can.
      const now = this.clock.now().getTime();
      for (const job of await claimDueJobs.call(this.jobs, this.owner, new Date(now).toISOString(), new Date(now + this.leaseMs).toISOString(), want)) {
        found++;
        this.dispatch(job);
      }
    } else {
      const results = await Promise.allSettled(Array.from({ length: want }, () => this.claim()));
      let failure: unknown = null;
      for (const r of results) {
        if (r.status === 'rejected') failure ??= r.reason;
        else if (r.value) {
          found++;
          this.dispatch(r.value);
        }
      }
      if (failure !== null) throw failure;
    }
    this.claimBatch = found === want ? Math.min(this.concurrency, this.claimBatch * 2) : Math.max(1, found);
    return found === want;
  }

  /**
   * Jobs to hold now: `concurrency`, scaled down with the pacer's slice
   * while the event loop is busy with other work, so a burst of requests
   * is not met by a burst of new background runs as well.
   */
  private limit(): number {
    return Math.max(1, Math.round(this.concurrency * this.pacer.share));
  }

  /** Makes the jobs an earlier (dead) process held due now, when the store can prove it is dead. */
  private async releaseOrphans(): Promise<void> {
    try {
      const released = await this.jobs.releaseOrphanedLeases(this.owner, this.clock.now().toISOString());
      if (released) this.logger.info({ jobs: released }, 'resuming jobs an earlier process left unfinished');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not release the jobs an earlier process held; they resume when their leases expire');
    }
  }

  private claim(): Promise<Job | null> {
    const now = this.clock.now().getTime();
    return this.jobs.claimDueJob(this.owner, new Date(now).toISOString(), new Date(now + this.leaseMs).toISOString());
  }

  private dispatch(job: Job): void {
    const held = this.hold(job);
    const key = this.executor.concurrencyKey(job);
    if (key !== null) {
      const queue = this.busyKeys.get(key);
      if (queue) {
        queue.push(held);
        return;
      }
      this.busyKeys.set(key, []);
    }
    this.launch(held, key);
  }

  private launch(held: Held, key: string | null): void {
    const run = this.executor.execute(held.job, held.lease).then(
      () => this.finished(held, key),
      (error: unknown) => {
        // The executor records every outcome itself; reaching here is a bug, logged so it is seen.
        this.logger.error({ err: error, jobId: held.job.id }, 'runner bug: job execution threw');
        this.finished(held, key);
      },
    );
    this.inFlight.add(run);
    void run.then(() => this.inFlight.delete(run));
  }

  private finished(held: Held, key: string | null): void {
    this.release(held);
    if (key !== null) {
      const queue = this.busyKeys.get(key) ?? [];
      const next = this.stopping ? undefined : queue.shift();
      if (next) this.launch(next, key);
      else {
        this.busyKeys.delete(key);
        for (const waiting of queue) this.handBack(waiting);
      }
    }
    // New work announces itself (workAvailable from whoever enqueued it), so a
    // finished job only calls for a look at the store when claiming stopped
    // for lack of a slot, or when someone waits for idleness.
    if (this.saturated || (this.held === 0 && this.idleWaiters.length > 0)) this.workAvailable();
  }

  /** A job queued behind a busy key when the runner stops: handed back to the store, due at once. */
  private handBack(held: Held): void {
    const done = (async () => {
      const now = this.clock.now().toISOString();
      try {
        await this.jobs.suspendJob(held.job.id, this.owner, now, null, now);
      } catch (error) {
        this.logger.warn({ err: error, jobId: held.job.id }, 'could not hand a queued job back; it runs again when its lease expires');
      } finally {
        this.release(held);
      }
    })();
    this.inFlight.add(done);
    void done.then(() => this.inFlight.delete(done));
  }

  private hold(job: Job): Held {
    this.held++;
    return { job, lease: new LeaseKeeper(this.jobs, job.id, this.owner, this.clock, this.leaseMs, this.logger) };
  }

  private release(held: Held): void {
    held.lease.stop();
    this.held--;
  }

  /** Resolves the idle waiters whose horizon the next due job lies beyond. */
  private resolveIdle(nextDue: number | null): void {
    const now = this.clock.now().getTime();
    const waiting = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiting) {
      if (nextDue !== null && nextDue <= now + w.horizonMs) this.idleWaiters.push(w);
      else w.resolve();
    }
  }
}

/** The runner alone must not keep a finished process alive; the bot's surfaces do. */
function unrefTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return () => clearTimeout(timer);
}
