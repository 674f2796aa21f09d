import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { EVENT_NAMES, type Clock, type Job, type JobStore, type Logger, type WorkSignal } from '../core/index.js';
import { PumpLoop } from '../core/pump-loop.js';
import type { HelpdeskInngest } from './client.js';

/** What the relay needs from the Inngest client. */
export type EventSender = Pick<HelpdeskInngest, 'send'>;

export interface OutboxRelayOptions {
  readonly jobs: JobStore;
  readonly inngest: EventSender;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Lease owner, unique per process (default `<hostname>-<pid>-<random>`). */
  readonly owner?: string;
  /** How long a claimed event stays with this process before another may send it (default 60 s). */
  readonly leaseMs?: number;
  /** Events sent per request (default 50). */
  readonly batchSize?: number;
  /** Delay before resend number `attempt` (1-based), in ms (default 1 s doubling with jitter, capped at 5 minutes). */
  readonly backoff?: (attempt: number) => number;
  /** A send that takes longer counts as failed and is retried; the event id keeps it single (default 30 s). */
  readonly sendTimeoutMs?: number;
  /** Longest sleep between looks at the store, so events written by other processes go out too (default 1000 ms). */
  readonly pollMs?: number;
}

/** Resends after this many failed attempts are logged as errors: someone should look at the Inngest connection. */
const LOUD_AFTER_ATTEMPTS = 8;

/** Default resend delay: 1 s, 2 s, 4 s … capped at 5 minutes, with equal jitter. */
export function relayBackoff(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/**
 * In Inngest mode the store's outbox is forwarded to Inngest: use cases keep
 * writing each event with its change in one transaction (so filing a ticket
 * answers the person at once and never depends on Inngest being up), and
 * this relay claims pending event jobs, sends them with the job key as the
 * event id (Inngest drops a second event with the same id, so a resend after
 * a lost reply runs nothing twice), and completes a job only after Inngest
 * accepted it. While the event API is unreachable, events wait in the store
 * and are resent with backoff, for as long as it takes.
 */
export class OutboxRelay implements WorkSignal {
  readonly owner: string;
  private readonly jobs: JobStore;
  private readonly inngest: EventSender;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly backoff: (attempt: number) => number;
  private readonly sendTimeoutMs: number;
  private readonly loop: PumpLoop;

  private started = false;
  private stopping = false;
  private idleWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(options: OutboxRelayOptions) {
    this.owner = options.owner ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.jobs = options.jobs;
    this.inngest = options.inngest;
    this.clock = options.clock;
    this.logger = options.logger.child({ component: 'outbox-relay' });
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = Math.max(1, options.batchSize ?? 50);
    this.backoff = options.backoff ?? ((attempt) => relayBackoff(attempt));
    this.sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
    this.loop = new PumpLoop({
      what: 'outbox events',
      pass: () => this.pass(),
      nextDueAt: () => this.jobs.nextJobDueAt(),
      onDrained: () => this.resolveIdle(),
      now: () => this.clock.now().getTime(),
      pollMs: Math.max(1, options.pollMs ?? 1_000),
      timer: unrefTimer,
      logger: this.logger,
    });
  }

  /** Starts forwarding, including events left unsent by an earlier process. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.logger.info({ owner: this.owner }, 'outbox relay to Inngest started');
    this.loop.start();
  }

  /** Stops claiming and resolves once the send in progress (if any) has settled; unsent events stay in the store. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.stopping = true;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w.reject(new Error('the outbox relay stopped before the work settled'));
    await this.loop.stop();
    this.started = false;
    this.logger.info('outbox relay stopped');
  }

  /** Wakes the relay now (use cases call this after writing events). */
  workAvailable(): void {
    if (!this.started || this.stopping) return;
    this.loop.wake();
  }

  /**
   * Resolves when no event is due now and no send is in progress. Events
   * waiting for a resend after a failure (backoff) do not count.
   */
  idle(): Promise<void> {
    if (!this.started || this.stopping) return Promise.reject(new Error('OutboxRelay.idle() needs a started relay'));
    return new Promise((resolve, reject) => {
      this.idleWaiters.push({ resolve, reject });
      this.workAvailable();
    });
  }

  /**
   * One pass of the shared pump loop: a batch sent goes on at once
   * ('more'); a batch Inngest did not take was rescheduled ('backoff');
   * nothing due is 'drained', which resolves idle().
   */
  private async pass(): Promise<'more' | 'backoff' | 'drained'> {
    const batch = await this.claimBatch();
    if (batch.length === 0) return 'drained';
    return (await this.forward(batch)) ? 'more' : 'backoff';
  }

  private async claimBatch(): Promise<Job[]> {
    const batch: Job[] = [];
    while (batch.length < this.batchSize && !this.stopping) {
      const now = this.clock.now().getTime();
      const job = await this.jobs.claimDueJob(this.owner, new Date(now).toISOString(), new Date(now + this.leaseMs).toISOString(), EVENT_NAMES);
      if (!job) break;
      batch.push(job);
    }
    return batch;
  }

  /** Sends one batch; true when Inngest accepted it. Never throws. */
  private async forward(batch: readonly Job[]): Promise<boolean> {
    const payload = batch.map((job) => ({ id: job.key, name: job.name, data: { ...job.data } }));
    try {
      await withTimeout(this.inngest.send(payload), this.sendTimeoutMs);
    } catch (error) {
      await this.reschedule(batch, error);
      return false;
    }
    const now = this.clock.now().toISOString();
    for (const job of batch) {
      try {
        await this.jobs.completeJob(job.id, this.owner, now);
      } catch (error) {
        // Sent but not marked: the lease expires and the event is sent again, which Inngest drops by its id.
        this.logger.warn({ err: error, jobId: job.id }, 'event sent but not marked as sent; it will be resent and deduplicated');
      }
    }
    this.logger.debug({ events: batch.map((j) => j.key) }, 'events forwarded to Inngest');
    return true;
  }

  private async reschedule(batch: readonly Job[], error: unknown): Promise<void> {
    const now = this.clock.now();
    const text = describe(error);
    let soonest = Number.POSITIVE_INFINITY;
    let attempts = 0;
    for (const job of batch) {
      const attempt = job.attempts + 1;
      attempts = Math.max(attempts, attempt);
      const delay = Math.max(0, this.backoff(attempt));
      soonest = Math.min(soonest, delay);
      try {
        await this.jobs.retryJob(job.id, this.owner, new Date(now.getTime() + delay).toISOString(), text, now.toISOString());
      } catch (storeError) {
        this.logger.warn({ err: storeError, jobId: job.id }, 'could not reschedule an event; it is resent when its lease expires');
      }
    }
    const fields = { err: error, events: batch.length, attempts, retryInMs: soonest };
    if (attempts >= LOUD_AFTER_ATTEMPTS) this.logger.error(fields, 'Inngest has not accepted events for a while; they stay in the store and will be resent');
    else this.logger.warn(fields, 'Inngest did not accept events; they stay in the store and will be resent');
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w.resolve();
  }
}

/** The relay alone must not keep a finished process alive; the bot's surfaces do. */
function unrefTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Inngest within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}
