import type { Clock, JobStore, Logger } from '../../core/index.js';
import type { LeaseState } from './execute.js';

/**
 * Keeps one claimed job's lease alive while this process holds it, renewing
 * well before expiry (every third of the lease) so a long step, such as a
 * slow AI call, never loses its job to another process. `lost` turns true
 * when the store says another worker owns the job now.
 */
export class LeaseKeeper implements LeaseState {
  lost = false;
  private timer: NodeJS.Timeout | null;

  constructor(jobs: JobStore, jobId: string, owner: string, clock: Clock, leaseMs: number, logger: Logger) {
    this.timer = setInterval(() => {
      const until = new Date(clock.now().getTime() + leaseMs).toISOString();
      jobs.renewLease(jobId, owner, until).then(
        (kept) => {
          if (!kept) this.lost = true;
        },
        // A transient store error: the next renewal tries again before the lease runs out.
        (error: unknown) => logger.warn({ err: error, jobId }, 'could not renew a job lease'),
      );
    }, Math.max(10, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
