import type { Clock, EventWait, Job, JobStore, Logger, WorkflowEvent, WorkflowStep, WorkSignal } from '../../core/index.js';
import { parseDuration } from './duration.js';

/** Why a run stopped before its workflow function returned. */
export type Interruption =
  /** A sleep or an event wait: park the job until `runAt` (or the event). */
  | { readonly kind: 'suspend'; readonly runAt: string; readonly wait: EventWait | null }
  /** The runner is stopping: release the job so it resumes from its memoized steps. */
  | { readonly kind: 'yield' }
  /** Another worker owns the job now: touch nothing. */
  | { readonly kind: 'lease-lost' }
  /** Only while a run is started at its fan-out (see StepContext.opening): the next step may act, so the run must go on as a job. */
  | { readonly kind: 'needs-job' };

/**
 * The internal signal thrown out of a workflow function to interrupt it.
 * It is also recorded on the DurableStep, so a workflow that catches
 * everything around a step cannot swallow a suspension by accident.
 */
export class RunInterrupted extends Error {
  readonly interruption: Interruption;

  constructor(interruption: Interruption) {
    // A signal, not a failure: its stack says nothing, and capturing one for every sleep, wait and opening run is the cost of an Error.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(`workflow run interrupted (${interruption.kind}); this is a runner signal, do not catch it`);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.interruption = interruption;
    this.name = 'RunInterrupted';
  }
}

export interface StepContext {
  readonly job: Job;
  /** The event that triggered the run; `waitForEvent` takes its match value from it. */
  readonly event: WorkflowEvent;
  readonly owner: string;
  readonly jobs: JobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Woken after `sendEvent`, so the new event jobs run without a polling delay. */
  readonly signal: WorkSignal;
  /** Asked before each new step: an interruption if the run must not start more work. */
  readonly checkpoint: () => Interruption | null;
  /** Waited for before each step's work, so background runs leave room for request handling (see Pacer). */
  readonly pace: () => Promise<void>;
  /**
   * Set while the run is started inside its event's fan-out, before any job
   * of its own exists: only these steps (the workflow's `readOnlySteps`) may
   * run, their results and timers are kept in memory for the caller to store
   * with the parked job, and any other step or event ends the run with
   * `needs-job`.
   */
  readonly opening?: ReadonlySet<string>;
}

/** Prefix of the memo entries holding a sleep's or wait's deadline, so a resumed run keeps its first deadline. */
const TIMER = '~until:';
/**
 * Memo entry holding the job's attempt count when a step last succeeded
 * after failures, so retries are counted per step (as Inngest does): a
 * flaky triage call early on does not use up the notification step's budget.
 * Written only after a failure, so the happy path pays nothing for it.
 */
const ATTEMPTS = '~attempts';

/** Failed attempts of the job's current step (the job's attempts since a step last succeeded). */
export function attemptsOfCurrentStep(job: Pick<Job, 'attempts' | 'steps'>): number {
  const base = job.steps[ATTEMPTS];
  return job.attempts - (typeof base === 'number' ? base : 0);
}

/**
 * WorkflowStep on the job store, with Inngest's semantics: a step's result is
 * saved as JSON before the run goes on and replayed when the job resumes, so
 * a finished step never runs again; sleeps and waits park the job in the store
 * (durable timers that survive a restart); events are sent once per step even
 * if the run is replayed.
 */
export class DurableStep implements WorkflowStep {
  interruption: Interruption | null = null;
  private readonly memo: Map<string, unknown>;
  private readonly seen = new Map<string, number>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly ctx: StepContext) {
    this.memo = new Map(Object.entries(ctx.job.steps));
  }

  async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const stepId = this.begin(id);
    if (this.memo.has(stepId)) return this.memo.get(stepId) as T;
    if (this.ctx.opening && !this.ctx.opening.has(id)) this.interrupt({ kind: 'needs-job' });
    this.checkpoint();
    return this.track(async () => {
      await this.ctx.pace();
      // Asked again: the runner may have been told to stop while this step waited for its turn.
      this.checkpoint();
      // Returned as JSON on the first run too, so the workflow sees the same value whether it ran or was replayed.
      const value = toJson(await fn());
      await this.save(stepId, value);
      if (this.failedAttempts() > 0) await this.save(ATTEMPTS, this.ctx.job.attempts);
      return value as T;
    });
  }

  async sendEvent(id: string, event: WorkflowEvent | WorkflowEvent[]): Promise<unknown> {
    const stepId = this.begin(id);
    if (this.memo.has(stepId)) return this.memo.get(stepId);
    if (this.ctx.opening) this.interrupt({ kind: 'needs-job' });
    this.checkpoint();
    const events = Array.isArray(event) ? event : [event];
    return this.track(async () => {
      const ids: string[] = [];
      const now = this.nowIso();
      for (const [i, e] of events.entries()) {
        if (!e.name || e.name.startsWith('run:')) throw new Error(`sendEvent: "${e.name}" is not an event name`);
        // A deterministic key: a replay of this step finds the jobs it already enqueued.
        const job = await this.ctx.jobs.enqueueJob({ name: e.name, key: `send:${this.ctx.job.id}:${stepId}:${i}`, data: e.data, runAt: now }, now);
        ids.push(job.id);
      }
      const result = { ids };
      await this.save(stepId, result);
      if (ids.length > 0) this.ctx.signal.workAvailable();
      return result;
    });
  }

  async sleep(id: string, duration: number | string): Promise<void> {
    const stepId = this.begin(id);
    return this.track(async () => {
      let until = this.deadline(stepId);
      if (until === null) {
        const ms = parseDuration(duration);
        if (ms <= 0) return;
        this.checkpoint();
        until = this.ctx.clock.now().getTime() + ms;
        await this.save(TIMER + stepId, { until: new Date(until).toISOString() });
      }
      if (this.ctx.clock.now().getTime() >= until) return;
      this.interrupt({ kind: 'suspend', runAt: new Date(until).toISOString(), wait: null });
    });
  }

  async waitForEvent(id: string, options: { event: string; timeout: number | string; match: string }): Promise<WorkflowEvent | null> {
    const stepId = this.begin(id);
    // Set by the store's deliverEvent (the event), or below on timeout (null).
    if (this.memo.has(stepId)) return this.memo.get(stepId) as WorkflowEvent | null;
    const matchField = fieldOfMatch(options.match);
    const matchValue = valueAt(this.ctx.event.data, matchField);
    if (typeof matchValue !== 'string' && typeof matchValue !== 'number' && typeof matchValue !== 'boolean')
      throw new Error(`waitForEvent "${id}": the triggering event has no scalar data.${matchField} to match on`);
    return this.track(async () => {
      let until = this.deadline(stepId);
      if (until === null) {
        this.checkpoint();
        until = this.ctx.clock.now().getTime() + parseDuration(options.timeout);
        await this.save(TIMER + stepId, { until: new Date(until).toISOString() });
      } else if (this.ctx.clock.now().getTime() >= until) {
        await this.save(stepId, null);
        return null;
      }
      const at = new Date(until).toISOString();
      return this.interrupt({ kind: 'suspend', runAt: at, wait: { stepId, event: options.event, matchField, matchValue: String(matchValue), until: at } });
    });
  }

  /** Failed attempts of the step the run is at now (resets when a step succeeds after failures). */
  failedAttempts(): number {
    const base = this.memo.get(ATTEMPTS);
    return this.ctx.job.attempts - (typeof base === 'number' ? base : 0);
  }

  /** The memoized results so far (step results and timers), as the job is to store them. */
  memoized(): Record<string, unknown> {
    return Object.fromEntries(this.memo);
  }

  /** Waits for steps still running (parallel steps), so their results are saved before the job is released. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** The memoized step id: repeated ids get a counter suffix, as Inngest does. */
  private begin(id: string): string {
    if (this.interruption) throw new RunInterrupted(this.interruption);
    const n = this.seen.get(id) ?? 0;
    this.seen.set(id, n + 1);
    if (n === 0) return id;
    if (n === 1) this.ctx.logger.warn({ stepId: id }, 'step id used more than once in one run; later uses are memoized as "<id>:<n>"');
    return `${id}:${n}`;
  }

  private checkpoint(): void {
    const reason = this.ctx.checkpoint();
    if (reason) this.interrupt(reason);
  }

  private interrupt(reason: Interruption): never {
    this.interruption ??= reason;
    throw new RunInterrupted(this.interruption);
  }

  private async save(stepId: string, value: unknown): Promise<void> {
    // Opening a run: the results are stored with the parked job, in the same write.
    if (this.ctx.opening) {
      this.memo.set(stepId, value);
      return;
    }
    const saved = await this.ctx.jobs.saveStepResult(this.ctx.job.id, this.ctx.owner, stepId, value, this.nowIso());
    if (!saved) this.interrupt({ kind: 'lease-lost' });
    this.memo.set(stepId, value);
  }

  private deadline(stepId: string): number | null {
    const timer = this.memo.get(TIMER + stepId) as { until?: unknown } | undefined;
    return typeof timer?.until === 'string' ? Date.parse(timer.until) : null;
  }

  private track<T>(body: () => Promise<T>): Promise<T> {
    const p = body();
    this.pending.add(p);
    const forget = () => this.pending.delete(p);
    p.then(forget, forget);
    return p;
  }

  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }
}

/** `'data.ticketId'` → `'ticketId'` (Inngest's match syntax; the store compares this path of the awaited event's data). */
export function fieldOfMatch(match: string): string {
  const m = /^(?:async\.)?data\.([A-Za-z0-9_$.-]+)$/.exec(match.trim());
  if (!m?.[1]) throw new Error(`waitForEvent match "${match}" must look like "data.<field>"`);
  return m[1];
}

/** Reads a dotted path inside event data. */
export function valueAt(data: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
