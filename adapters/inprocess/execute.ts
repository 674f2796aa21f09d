import {
  DomainRejection,
  type Clock,
  type Job,
  type JobStore,
  type Logger,
  type FollowUps,
  type NewJob,
  type ParkedRun,
  type WorkflowDefinition,
  type WorkflowEvent,
  type WorkSignal,
} from '../../core/index.js';
import { attemptsOfCurrentStep, DurableStep, RunInterrupted, valueAt, type Interruption } from './durable-step.js';

/** Name prefix of workflow-run jobs (`run:ticket-pipeline`); every other job name is an event. */
export const RUN_PREFIX = 'run:';

/** A claimed job's lease as the runner keeps it; `lost` turns true when renewing it failed. */
export interface LeaseState {
  readonly lost: boolean;
}

export interface ExecutorConfig {
  readonly jobs: JobStore;
  readonly workflows: readonly WorkflowDefinition[];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly owner: string;
  readonly maxAttempts: number;
  readonly backoff: (attempt: number) => number;
  readonly signal: WorkSignal;
  readonly isStopping: () => boolean;
  /** Waited for before each step (see Pacer). */
  readonly pace: () => Promise<void>;
}

/**
 * Runs one claimed job to an outcome recorded in the store: an event job fans
 * out (wakes waiting runs, enqueues one run job per triggered workflow, so one
 * workflow's failure never blocks another's); a run job executes its workflow
 * on a DurableStep and is then completed, suspended, retried or failed.
 */
export class JobExecutor {
  private readonly byTrigger = new Map<string, WorkflowDefinition[]>();
  private readonly byId = new Map<string, WorkflowDefinition>();

  constructor(private readonly cfg: ExecutorConfig) {
    for (const wf of cfg.workflows) {
      if (this.byId.has(wf.id)) throw new Error(`two workflows share the id "${wf.id}"`);
      this.byId.set(wf.id, wf);
      this.byTrigger.set(wf.trigger, [...(this.byTrigger.get(wf.trigger) ?? []), wf]);
    }
  }

  /** The value runs must not share at once (`ticketId=t1`), or null for jobs that need no serializing. */
  concurrencyKey(job: Job): string | null {
    if (!job.name.startsWith(RUN_PREFIX)) return null;
    const wf = this.byId.get(job.name.slice(RUN_PREFIX.length));
    const event = eventOf(job);
    if (!wf?.concurrencyKey || !event) return null;
    const value = valueAt(event.data, wf.concurrencyKey);
    return typeof value === 'string' || typeof value === 'number' ? `${wf.concurrencyKey}=${value}` : null;
  }

  async execute(job: Job, lease: LeaseState): Promise<void> {
    if (job.name.startsWith(RUN_PREFIX)) await this.runWorkflow(job, lease);
    else await this.fanOut(job);
  }

  private async fanOut(job: Job): Promise<void> {
    const log = this.cfg.logger.child({ jobId: job.id, event: job.name, ...ticketOf(job.data), attempt: job.attempts + 1 });
    const event: WorkflowEvent = { name: job.name, data: { ...job.data } };
    try {
      const now = this.nowIso();
      const woken = await this.cfg.jobs.deliverEvent(event, now);
      const triggered = (this.byTrigger.get(job.name) ?? []).filter((wf) => wf.startsFor?.(event.data) ?? true);
      const runs = await Promise.all(triggered.map((wf) => this.planRun(wf, { name: `${RUN_PREFIX}${wf.id}`, key: `${job.key}>${wf.id}`, data: { event }, runAt: now }, event, log)));
      const followUps: FollowUps = { enqueue: runs.flatMap((r) => (r.parked ? [] : [r.job])), parked: runs.flatMap((r) => (r.parked ? [{ job: r.job, parked: r.parked }] : [])) };
      const { completeJobEnqueuing } = this.cfg.jobs;
      if (completeJobEnqueuing) {
        // The runs and this job's completion in one write: a crash before it commits leaves this job to run again.
        await completeJobEnqueuing.call(this.cfg.jobs, job.id, this.cfg.owner, followUps, this.nowIso());
        if (woken > 0 || followUps.enqueue.length > 0) this.cfg.signal.workAvailable();
      } else {
        // Issued together (a grouping store commits them as one); each key is idempotent, so a retry after a partial failure is harmless.
        await Promise.all([
          ...followUps.enqueue.map((run) => this.cfg.jobs.enqueueJob(run, now)),
          ...followUps.parked.map((p) => this.cfg.jobs.enqueueParkedJob?.(p.job, p.parked, now)),
        ]);
        // The runs are stored: they may be claimed while this job is being marked done.
        if (woken > 0 || followUps.enqueue.length > 0) this.cfg.signal.workAvailable();
        await this.cfg.jobs.completeJob(job.id, this.cfg.owner, this.nowIso());
      }
      log.debug({ woken, workflows: triggered.map((w) => w.id) }, 'event dispatched');
    } catch (error) {
      await this.retryOrFail(job, error, log, job.attempts + 1);
    }
  }

  /**
   * One triggered run as it is to be stored. A run whose workflow opens with
   * read-only steps (`readOnlySteps`) is run here up to its first sleep or
   * event wait, when the store can take it parked: it is then stored once,
   * parked there with those steps' results, and the claim, the step saves and
   * the suspension it would cost as a job are skipped. Reaching any other
   * step, ending, or failing first leaves the run to be enqueued and started
   * as a job as usual (its reads are done again there), so a failure is
   * retried and recorded where it always was.
   */
  private async planRun(wf: WorkflowDefinition, run: NewJob, event: WorkflowEvent, log: Logger): Promise<{ job: NewJob; parked: ParkedRun | null }> {
    const opened = wf.readOnlySteps?.length && this.cfg.jobs.enqueueParkedJob ? await this.openRun(wf, run, event, log) : null;
    if (!opened) return { job: run, parked: null };
    return { job: { ...run, runAt: opened.runAt }, parked: { steps: opened.steps, wait: opened.wait } };
  }

  /** Runs a new run's read-only opening in memory; the parked state to store, or null when it has to run as a job. */
  private async openRun(wf: WorkflowDefinition, run: NewJob, event: WorkflowEvent, log: Logger): Promise<(ParkedRun & { runAt: string }) | null> {
    const at = run.runAt;
    const job: Job = { id: '', name: run.name, key: run.key, data: run.data, state: 'running', attempts: 0, runAt: at, leaseOwner: this.cfg.owner, leaseUntil: null, lastError: null, steps: {}, wait: null, createdAt: at, updatedAt: at };
    const step = this.stepFor(job, event, log.child({ workflow: wf.id }), () => (this.cfg.isStopping() ? { kind: 'yield' } : null), new Set(wf.readOnlySteps));
    try {
      await wf.run(event, step);
    } catch {
      // An interruption is expected; any other error is met again, retried and recorded when the run starts as a job.
    }
    await step.settle();
    const stop = step.interruption;
    if (stop?.kind !== 'suspend') return null;
    return { runAt: stop.runAt, wait: stop.wait, steps: step.memoized() };
  }

  /** The step tool of one run: a job's (memoized in the store) or, with `opening`, a new run's read-only opening (memoized in memory). */
  private stepFor(job: Job, event: WorkflowEvent, logger: Logger, checkpoint: () => Interruption | null, opening?: ReadonlySet<string>): DurableStep {
    const { owner, jobs, clock, signal, pace } = this.cfg;
    return new DurableStep({ job, event, owner, jobs, clock, logger, signal, checkpoint, pace, ...(opening ? { opening } : {}) });
  }

  private async runWorkflow(job: Job, lease: LeaseState): Promise<void> {
    const workflowId = job.name.slice(RUN_PREFIX.length);
    const wf = this.byId.get(workflowId);
    const event = eventOf(job);
    const log = this.cfg.logger.child({ jobId: job.id, workflow: workflowId, ...(event ? ticketOf(event.data) : {}), attempt: attemptsOfCurrentStep(job) + 1 });
    if (!wf || !event) {
      // A run enqueued by an older version whose workflow no longer exists, or a damaged row: not retriable.
      const reason = !wf ? `no workflow "${workflowId}" is registered` : 'the job carries no triggering event';
      log.error({ reason }, 'workflow run cannot start');
      await this.settleJob(log, () => this.cfg.jobs.failJob(job.id, this.cfg.owner, reason, this.nowIso()));
      return;
    }
    const step = this.stepFor(job, event, log, () => (lease.lost ? { kind: 'lease-lost' } : this.cfg.isStopping() ? { kind: 'yield' } : null));
    let failure: { error: unknown } | null = null;
    try {
      await wf.run(event, step);
    } catch (error) {
      if (!(error instanceof RunInterrupted)) failure = { error };
    }
    await step.settle();
    if (step.interruption) return this.interrupted(job, step.interruption, log);
    if (failure) return this.retryOrFail(job, failure.error, log, step.failedAttempts() + 1);
    await this.settleJob(log, () => this.cfg.jobs.completeJob(job.id, this.cfg.owner, this.nowIso()));
    log.info('workflow run completed');
  }

  private async interrupted(job: Job, reason: Interruption, log: Logger): Promise<void> {
    const now = this.nowIso();
    switch (reason.kind) {
      case 'suspend':
        await this.settleJob(log, () => this.cfg.jobs.suspendJob(job.id, this.cfg.owner, reason.runAt, reason.wait, now));
        log.debug({ until: reason.runAt, waitFor: reason.wait?.event }, reason.wait ? 'waiting for an event' : 'sleeping');
        return;
      case 'yield':
        // Due again at once: whichever runner starts next resumes it from its memoized steps.
        await this.settleJob(log, () => this.cfg.jobs.suspendJob(job.id, this.cfg.owner, now, null, now));
        log.info('run paused for shutdown; it resumes from its last finished step');
        return;
      case 'lease-lost':
        log.warn('lease lost; another worker owns this run now, leaving it alone');
        return;
      case 'needs-job':
        // Only a run being opened at its fan-out stops this way (see openRun), never a job: released due at once, as a bug to see.
        log.error('runner bug: a run job was stopped as an opening run; it resumes from its last finished step');
        await this.settleJob(log, () => this.cfg.jobs.suspendJob(job.id, this.cfg.owner, now, null, now));
        return;
    }
  }

  /** `attempt` is 1-based and counts the current step's attempts, this one included. */
  private async retryOrFail(job: Job, error: unknown, log: Logger, attempt: number): Promise<void> {
    const now = this.nowIso();
    const text = describe(error);
    if (error instanceof DomainRejection) {
      log.warn({ code: error.error.code, reason: error.error.message }, 'workflow rejected; not retrying');
      await this.settleJob(log, () => this.cfg.jobs.failJob(job.id, this.cfg.owner, text, now));
      return;
    }
    if (attempt >= this.cfg.maxAttempts) {
      log.error({ err: error, attempts: attempt }, 'job failed for good after its last attempt');
      await this.settleJob(log, () => this.cfg.jobs.failJob(job.id, this.cfg.owner, text, now));
      return;
    }
    const delay = Math.max(0, this.cfg.backoff(attempt));
    log.warn({ err: error, retryInMs: delay, attemptsLeft: this.cfg.maxAttempts - attempt }, 'job failed; will retry');
    await this.settleJob(log, () => this.cfg.jobs.retryJob(job.id, this.cfg.owner, new Date(this.cfg.clock.now().getTime() + delay).toISOString(), text, now));
  }

  /**
   * Records an outcome. If the store itself fails here the job keeps its
   * lease until it expires and then runs again from its memoized steps, so
   * the error is logged rather than lost or rethrown into the runner's loop.
   */
  private async settleJob(log: Logger, record: () => Promise<void>): Promise<void> {
    try {
      await record();
    } catch (error) {
      log.error({ err: error }, 'could not record the job outcome; it runs again when its lease expires');
    }
  }

  private nowIso(): string {
    return this.cfg.clock.now().toISOString();
  }
}

function eventOf(job: Job): WorkflowEvent | null {
  const e = job.data['event'] as { name?: unknown; data?: unknown } | undefined;
  if (typeof e?.name !== 'string' || typeof e.data !== 'object' || e.data === null) return null;
  return { name: e.name, data: e.data as Record<string, unknown> };
}

function ticketOf(data: Readonly<Record<string, unknown>>): { ticketId?: string } {
  const id = data['ticketId'];
  return typeof id === 'string' ? { ticketId: id } : {};
}

function describe(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > 4000 ? `${text.slice(0, 3999)}…` : text;
}
