import type { Clock, JobStore, Logger } from '../../core/index.js';

export interface JobPrunerOptions {
  readonly jobs: JobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long finished jobs are kept (their step results show what a run did); 0 keeps them for ever. */
  readonly retainMs: number;
  /** Time between passes (default an hour). */
  readonly everyMs?: number;
  /** Jobs deleted per transaction, so a large backlog never holds the database for long (default 500). */
  readonly batch?: number;
}

/**
 * Deletes finished jobs (done or cancelled, with their step results) once
 * they are older than the retention, so the queue does not grow with every
 * ticket for ever. Failed jobs stay for an operator to look at. It runs for
 * either engine: the in-process runner keeps every run in the store, and
 * with Inngest the store still holds the outbox. Several processes on one
 * database may all prune; each deletion is a plain bounded delete.
 */
export class JobPruner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly everyMs: number;
  private readonly batch: number;

  constructor(private readonly options: JobPrunerOptions) {
    this.everyMs = Math.max(1_000, options.everyMs ?? 60 * 60_000);
    this.batch = Math.max(1, options.batch ?? 500);
  }

  start(): void {
    if (this.options.retainMs <= 0 || this.timer) return;
    // A first pass soon after start-up, then one per interval; never keeps the process alive.
    this.timer = setTimeout(() => this.tick(), Math.min(this.everyMs, 60_000));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
  }

  /** One pass: deletes in batches until nothing old is left. Returns how many were deleted. */
  prune(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private tick(): void {
    this.prune()
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not prune finished jobs; trying again later'))
      .finally(() => {
        if (!this.timer) return;
        this.timer = setTimeout(() => this.tick(), this.everyMs);
        this.timer.unref();
      });
  }

  private async pass(): Promise<number> {
    if (this.options.retainMs <= 0) return 0;
    const before = new Date(this.options.clock.now().getTime() - this.options.retainMs).toISOString();
    let total = 0;
    for (;;) {
      const deleted = await this.options.jobs.deleteFinishedJobs(before, this.batch);
      total += deleted;
      if (deleted < this.batch) break;
      // Let requests in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (total > 0) this.options.logger.info({ deleted: total, finishedBefore: before }, 'pruned finished jobs');
    return total;
  }
}
