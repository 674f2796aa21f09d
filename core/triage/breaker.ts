import type { Clock } from '../ports/system.js';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit skips the provider before one trial call. */
  readonly coolDownMs: number;
  /**
   * How long a provider whose model is gone is skipped. Long, because no
   * ticket can succeed until someone changes the model setting (which means
   * a restart, and a restart closes every circuit); the trial after it only
   * notices a provider that restored access by itself.
   */
  readonly misconfiguredCoolDownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 3, coolDownMs: 60_000, misconfiguredCoolDownMs: 6 * 60 * 60_000 };

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
  /** Why the circuit is open: repeated failures, or a model the provider does not serve ({@link misconfigured}). */
  private openedBy: 'failures' | 'misconfigured' = 'failures';
  private trialInFlight = false;

  constructor(
    private readonly clock: Clock,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    const coolDown = this.openedBy === 'misconfigured' ? this.options.misconfiguredCoolDownMs : this.options.coolDownMs;
    return this.clock.now().getTime() - this.openedAt >= coolDown ? 'half-open' : 'open';
  }

  /** Open because the provider cannot serve the configured model (reported once, when it opened). */
  get misconfiguredOpen(): boolean {
    return this.state === 'open' && this.openedBy === 'misconfigured';
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
    this.openedBy = 'failures';
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures += 1;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.failures >= this.options.failureThreshold) this.open('failures');
  }

  /**
   * Opens the circuit at once for `misconfiguredCoolDownMs`: the provider
   * cannot serve the configured model. Returns false when it was already
   * open for that reason (a concurrent call failing the same way), so the
   * caller reports the problem once.
   */
  misconfigured(): boolean {
    const already = this.misconfiguredOpen;
    this.failures += 1;
    this.trialInFlight = false;
    this.open('misconfigured');
    return !already;
  }

  private open(by: 'failures' | 'misconfigured'): void {
    this.openedAt = this.clock.now().getTime();
    this.openedBy = by;
  }
}
