import { isRetryable, type ProviderError } from './errors.js';
import type { Logger } from '../ports/system.js';

/**
 * How one provider call is retried. The SDKs' own retries are switched off
 * (`maxRetries: 0`, `attempts: 1`) so both providers behave the same: only
 * rate limits, 5xx and connection failures are retried, `Retry-After` is
 * honoured, and a provider that asks for a long pause is skipped at once
 * (the chain moves to the next one) instead of holding the ticket.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff step when the provider gave no `Retry-After`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error goes to the chain. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 20_000,
};

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryHooks {
  readonly sleep?: Sleep;
  /** 0..1, for jitter; tests pass a constant. */
  readonly random?: () => number;
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

/**
 * Runs `fn` until it succeeds, fails with a non-retryable error or the
 * retries are used up. Backoff is exponential with full jitter, unless the
 * provider said how long to wait.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? realSleep;
  const random = hooks.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.maxRetries) throw error;
      const e = error as ProviderError;
      let delayMs: number;
      if (e.retryAfterMs !== undefined) {
        if (e.retryAfterMs > policy.maxRetryAfterMs) throw error;
        delayMs = e.retryAfterMs;
      } else {
        delayMs = Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
      }
      hooks.onRetry?.({ attempt: attempt + 1, delayMs, error: e });
      await sleep(delayMs);
    }
  }
}

/** The retry settings a provider adapter takes. */
export interface ProviderRetrySettings {
  /** Retries after the first attempt on 429/5xx/connection errors (default 2). */
  readonly maxRetries?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  readonly logger?: Logger | undefined;
  readonly hooks?: Pick<RetryHooks, 'sleep' | 'random'> | undefined;
}

/** The policy those settings describe, on top of the defaults. */
export function retryPolicyOf(settings: ProviderRetrySettings): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...settings.retry, ...(settings.maxRetries !== undefined ? { maxRetries: settings.maxRetries } : {}) };
}

/** `withRetry` under a provider's settings, each retry logged as `message`. */
export function withProviderRetry<T>(fn: (attempt: number) => Promise<T>, settings: ProviderRetrySettings, message: string): Promise<T> {
  return withRetry(fn, retryPolicyOf(settings), {
    ...settings.hooks,
    onRetry: ({ attempt, delayMs, error }) => settings.logger?.warn({ attempt, delayMs, kind: error.kind }, message),
  });
}
