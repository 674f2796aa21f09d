/**
 * One in-process runner per database. On a store several processes can
 * open (MongoDB), the runner keeps a heartbeat record with an expiry; a
 * second process that starts the in-process runner on the same database
 * while that record is alive is refused, because several processes are
 * what Inngest is for (see docs/runner.md). No leader election: a stopped
 * process removes its record, a crashed one's expires. Job leases stay the
 * protection against a crashed or paused holder.
 */
import type { Clock, JobStore, Logger, RunnerHeartbeat } from '../../core/index.js';

/** Another live process runs the in-process runner on this database. */
export class RunnerAlreadyActive extends Error {
  constructor(
    readonly holder: RunnerHeartbeat,
    now: Date,
  ) {
    const since = Math.max(0, Math.round((now.getTime() - Date.parse(holder.beatAt)) / 1000));
    const left = Math.max(1, Math.ceil((Date.parse(holder.expiresAt) - now.getTime()) / 1000));
    super(`another process (${holder.owner}) runs the in-process job runner on this database: its last heartbeat was ${since} s ago; if it has stopped, its record expires in ${left} s`);
    this.name = 'RunnerAlreadyActive';
  }
}

export interface RunnerHeartbeatOptions {
  readonly jobs: JobStore;
  readonly owner: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a record lives without a beat (default 30 s): the longest a crashed runner blocks the next start. */
  readonly ttlMs?: number;
  /** How often the record is renewed (default a third of ttlMs). */
  readonly beatEveryMs?: number;
}

export class RunnerHeartbeatKeeper {
  private readonly ttlMs: number;
  private readonly beatEveryMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private held = false;

  constructor(private readonly options: RunnerHeartbeatOptions) {
    this.ttlMs = Math.max(1, options.ttlMs ?? 30_000);
    this.beatEveryMs = Math.max(1, options.beatEveryMs ?? Math.floor(this.ttlMs / 3));
  }

  /** Takes the record, or rejects with RunnerAlreadyActive; then renews it until release(). */
  async acquire(): Promise<void> {
    if (!this.options.jobs.beatRunnerHeartbeat) return;
    const holder = await this.beat();
    if (holder) throw new RunnerAlreadyActive(holder, this.options.clock.now());
    this.held = true;
    this.timer = setInterval(() => {
      this.beat().then(
        (other) => {
          if (other) this.options.logger.error({ holder: other.owner }, 'another process took over the in-process job runner of this database after this one missed its heartbeats; run one process, or configure Inngest for several');
        },
        (error: unknown) => this.options.logger.warn({ err: error }, 'could not renew the in-process runner heartbeat; trying again'),
      );
    }, this.beatEveryMs);
    // The heartbeat alone must not keep a finished process alive.
    this.timer.unref();
  }

  /** One beat: null when the record is (now) this owner's, else the live holder's record. */
  async beat(): Promise<RunnerHeartbeat | null> {
    const now = this.options.clock.now().getTime();
    return (await this.options.jobs.beatRunnerHeartbeat?.(this.options.owner, new Date(now).toISOString(), new Date(now + this.ttlMs).toISOString())) ?? null;
  }

  /** Stops renewing and removes the record, so the next process may start at once. */
  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.held) return;
    this.held = false;
    try {
      await this.options.jobs.releaseRunnerHeartbeat?.(this.options.owner);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not remove the in-process runner heartbeat; it expires on its own');
    }
  }
}
