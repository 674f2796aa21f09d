import type { Iso } from './domain/ticket.js';
import type { Logger } from './ports/system.js';

/**
 * What one pass over the store found:
 * - `more`: work was found and handed on; look again at once;
 * - `full`: no capacity left; whoever finishes work calls wake();
 * - `drained`: nothing is due now; sleep until the next due time;
 * - `backoff`: work could not go out (it was rescheduled); sleep until the next due time.
 */
export type PassOutcome = 'more' | 'full' | 'drained' | 'backoff';

export interface PumpLoopOptions {
  /** Claims and hands on what is due now. A throw is logged and retried after pollMs. */
  readonly pass: () => Promise<PassOutcome>;
  /** Runs at each start before the first pass (e.g. releasing leases a dead process left). */
  readonly beforeFirstPass?: () => Promise<void>;
  /** The earliest due time in the store, so the loop can sleep until then. */
  readonly nextDueAt: () => Promise<Iso | null>;
  /** Called after a `drained` pass with the next due time (ms), when no wake-up came meanwhile. */
  readonly onDrained?: (nextDueMs: number | null) => void;
  readonly now: () => number;
  /** Longest sleep between looks at the store, so work written by other processes is seen too. */
  readonly pollMs: number;
  /** Runs `fn` after `ms`; returns a cancel function. The caller decides whether it keeps the process alive. */
  readonly timer: (fn: () => void, ms: number) => () => void;
  readonly logger: Logger;
  /** What is claimed, for log lines ("jobs", "outbox events"). */
  readonly what: string;
}

/** Floor for timer waits, so a due item that cannot be claimed yet (held elsewhere) is not polled in a tight loop. */
const MIN_DELAY_MS = 20;

/**
 * The start/stop/idle/pump loop both engines share: the in-process runner
 * and the Inngest outbox relay. One pass runs at a time; a wake-up during a
 * pass makes another pass follow it (the flag is re-checked with no await
 * between the check and the end of the pass, so none is ever lost); between
 * passes the loop sleeps until the next due time, at most pollMs.
 */
export class PumpLoop {
  private running = false;
  private stopping = false;
  private active = false;
  private again = false;
  private current: Promise<void> | null = null;
  private before: Promise<void> | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly options: PumpLoopOptions) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.before = this.options.beforeFirstPass?.() ?? null;
    this.wake();
  }

  /** Resolves once the pass in progress (if any) has ended; no pass starts afterwards until start(). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.clearTimer();
    while (this.current) await this.current;
    this.running = false;
  }

  /** Asks for a pass now (new work was written, capacity came free, someone waits for idleness). */
  wake(): void {
    if (!this.running || this.stopping) return;
    this.again = true;
    if (this.active) return;
    this.active = true;
    this.clearTimer();
    const pass = this.run();
    this.current = pass;
    void pass.then(() => {
      if (this.current === pass) this.current = null;
    });
  }

  private async run(): Promise<void> {
    try {
      if (this.before) {
        await this.before;
        this.before = null;
      }
      while (this.again && !this.stopping) {
        this.again = false;
        let outcome: PassOutcome;
        try {
          outcome = await this.options.pass();
        } catch (error) {
          this.options.logger.error({ err: error }, `could not claim ${this.options.what} from the store; trying again shortly`);
          this.schedule(this.options.pollMs);
          return;
        }
        if (this.stopping) return;
        if (outcome === 'more') {
          this.again = true;
          continue;
        }
        if (this.again || outcome === 'full') continue;
        const next = await this.scheduleNextDue();
        if (outcome === 'drained' && !this.again) this.options.onDrained?.(next);
      }
    } finally {
      this.active = false;
    }
  }

  /** Sets the timer for the next due item (at most pollMs away); returns its due time, or null. */
  private async scheduleNextDue(): Promise<number | null> {
    let next: number | null = null;
    try {
      const due = await this.options.nextDueAt();
      next = due === null ? null : Date.parse(due);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read the next due time; polling');
    }
    const wait = next === null ? this.options.pollMs : next - this.options.now();
    this.schedule(Math.min(this.options.pollMs, Math.max(MIN_DELAY_MS, wait)));
    return next;
  }

  private schedule(delay: number): void {
    if (this.stopping) return;
    this.clearTimer();
    this.cancelTimer = this.options.timer(() => {
      this.cancelTimer = null;
      this.wake();
    }, delay);
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
