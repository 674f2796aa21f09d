import type { Clock, JobStore, Logger, WorkflowDefinition } from '../../core/index.js';

/**
 * Jobs held at once by default. Runs spend most of their time waiting (on a
 * commit, a chat API, an AI call), and a store that groups commits shares
 * one disk flush among all the writes made meanwhile, so many runs in flight
 * cost little and make each flush count.
 */
export const DEFAULT_CONCURRENCY = 256;

/** Default share of one event-loop turn that workflow steps may use before request handling gets its turn. */
export const DEFAULT_SLICE_MS = 8;

/** Default longest turn of the event loop the runner aims for; longer turns make it take smaller slices. */
export const DEFAULT_TARGET_TURN_MS = 10;

export interface InProcessRunnerOptions {
  readonly jobs: JobStore;
  readonly workflows: readonly WorkflowDefinition[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** Lease owner, unique per process (default `<hostname>-<pid>-<random>`). */
  readonly owner?: string;
  /** How long a claim holds a job before another process may take it over (default 60 s); renewed while the run lasts. */
  readonly leaseMs?: number;
  /** Attempts before a failing job is given up as failed (default 8). */
  readonly maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based), in ms (default exponential with jitter, capped at an hour). */
  readonly backoff?: (attempt: number) => number;
  /** Jobs held at once, running or queued behind a busy ticket (default 256; fewer while the process is busy, see `targetTurnMs`). */
  readonly concurrency?: number;
  /** Longest sleep between looks at the store, so work enqueued by other processes is found (default 1000 ms). */
  readonly pollMs?: number;
  /**
   * Milliseconds of one event-loop turn that workflow steps may use before
   * the rest wait for the next turn, so request handling (a Slack
   * acknowledgement) never queues behind a backlog of background work
   * (default 8). See Pacer.
   */
  readonly sliceMs?: number;
  /**
   * Longest turn of the event loop the runner aims for (default 10 ms):
   * while turns run longer (a burst of requests), steps take smaller slices
   * and fewer jobs are held, down to one step per turn.
   */
  readonly targetTurnMs?: number;
}
