import type { Clock } from '../ports/system.js';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit skips the provider before one trial call. */
  readonly coolDownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 3, coolDownMs: 60_000 };

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * A circuit breaker for one provider. After `failureThreshold` consecutive
 * failures the provider is skipped for `coolDownMs`; then a single trial
 * call is let through (half-open): success closes the circuit, failure
 * opens it for another cool-down. Time comes from the injected clock.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly clock: Clock,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.clock.now().getTime() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  /** True when a call may go out now; a half-open circuit admits one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures += 1;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.failures >= this.options.failureThreshold) this.openedAt = this.clock.now().getTime();
  }
}
