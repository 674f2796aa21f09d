import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fakes.js';
import { CircuitBreaker } from './breaker.js';
import { isModelUnavailable, parseRetryAfter, ProviderError } from './errors.js';
import { ConcurrencyLimiter } from './limiter.js';
import { orderEngines } from './providers.js';
import { withRetry } from './retry.js';

const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };

function failing(errors: ProviderError[]) {
  let i = 0;
  return async () => {
    const e = errors[i++];
    if (e) throw e;
    return 'ok';
  };
}

describe('withRetry', () => {
  it('retries rate limits and server errors with exponential backoff, honouring Retry-After', async () => {
    const waits: number[] = [];
    const out = await withRetry(
      failing([new ProviderError('p', 'server', 'x'), new ProviderError('p', 'rate-limit', 'x', { retryAfterMs: 1500 }), new ProviderError('p', 'network', 'x')]),
      policy,
      { sleep: async (ms) => void waits.push(ms), random: () => 1 },
    );
    expect(out).toBe('ok');
    expect(waits).toEqual([100, 1500, 400]);
  });

  it('does not retry timeouts, auth or bad requests, nor wait beyond the Retry-After cap', async () => {
    for (const e of [new ProviderError('p', 'timeout', 'x'), new ProviderError('p', 'auth', 'x'), new ProviderError('p', 'rate-limit', 'x', { retryAfterMs: 60_000 })]) {
      const waits: number[] = [];
      await expect(withRetry(failing([e]), policy, { sleep: async (ms) => void waits.push(ms) })).rejects.toBe(e);
      expect(waits).toEqual([]);
    }
  });

  it('stops after maxRetries', async () => {
    const errors = Array.from({ length: 5 }, () => new ProviderError('p', 'server', 'x'));
    let calls = 0;
    const fn = failing(errors);
    await expect(withRetry(async () => (calls++, fn()), policy, { sleep: async () => undefined })).rejects.toBeInstanceOf(ProviderError);
    expect(calls).toBe(4);
  });
});

describe('parseRetryAfter', () => {
  const h = (o: Record<string, string>) => ({ get: (k: string) => o[k] ?? null });
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(h({ 'retry-after': '3' }), 0)).toBe(3000);
    expect(parseRetryAfter(h({ 'retry-after-ms': '250', 'retry-after': '3' }), 0)).toBe(250);
    expect(parseRetryAfter(h({ 'retry-after': 'Thu, 01 Jan 1970 00:00:10 GMT' }), 4000)).toBe(6000);
    expect(parseRetryAfter(h({ 'retry-after': 'soon' }), 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, admits one trial after the cool-down, closes on success', () => {
    const clock = new FakeClock();
    const b = new CircuitBreaker(clock, { failureThreshold: 2, coolDownMs: 1000, misconfiguredCoolDownMs: 10_000 });
    b.failure();
    expect(b.tryAcquire()).toBe(true);
    b.success();
    b.failure();
    expect(b.state).toBe('closed');
    b.failure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    clock.advance(1000);
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.failure();
    expect(b.state).toBe('open');
    clock.advance(1000);
    expect(b.tryAcquire()).toBe(true);
    b.success();
    expect(b.state).toBe('closed');
  });

  it('opens at once and for long when the model is gone, reporting it once', () => {
    const clock = new FakeClock();
    const b = new CircuitBreaker(clock, { failureThreshold: 3, coolDownMs: 1000, misconfiguredCoolDownMs: 10_000 });
    expect(b.misconfigured()).toBe(true);
    expect(b.misconfigured()).toBe(false);
    clock.advance(9_999);
    expect(b.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(b.tryAcquire()).toBe(true);
    expect(b.misconfigured()).toBe(true);
    clock.advance(1000);
    expect(b.state).toBe('open');
  });
});

describe('isModelUnavailable', () => {
  it('recognises both providers\' answers for a missing or shut-down model, and nothing else', () => {
    expect(isModelUnavailable(404, 'The model `gpt-x` does not exist or you do not have access to it.', 'model_not_found')).toBe(true);
    expect(isModelUnavailable(404, 'models/gemini-x is not found for API version v1beta, or is not supported for generateContent.')).toBe(true);
    expect(isModelUnavailable(400, 'The model gpt-4.1-nano has been deprecated and shut down.')).toBe(true);
    expect(isModelUnavailable(404, 'Unknown path /v2/chat')).toBe(false);
    expect(isModelUnavailable(400, 'Invalid schema for response_format')).toBe(false);
    expect(isModelUnavailable(500, 'The model is overloaded.')).toBe(false);
  });
});

describe('ConcurrencyLimiter', () => {
  it('never runs more than max at once and runs everything in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((n) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        order.push(n);
        running--;
      }),
    );
    while (order.length < 5) {
      await new Promise((r) => setTimeout(r, 0));
      gates.shift()?.();
    }
    await Promise.all(tasks);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.running).toBe(0);
  });
});

describe('orderEngines (AI_PROVIDERS)', () => {
  const engine = (name: string) => ({ name, triage: async () => Promise.reject(new Error('unused')) });
  const available = { gemini: engine('gemini'), openai: engine('openai'), local: engine('local') };

  it('defaults to the configured providers, then local', () => {
    expect(orderEngines(available).engines.map((e) => e.name)).toEqual(['gemini', 'openai', 'local']);
    expect(orderEngines({ ...available, gemini: null }).engines.map((e) => e.name)).toEqual(['openai', 'local']);
  });

  it('follows the given order and keeps local last', () => {
    const r = orderEngines(available, ['local', 'OpenAI', 'gemini']);
    expect(r.engines.map((e) => e.name)).toEqual(['openai', 'gemini', 'local']);
    expect(r.notes).toHaveLength(1);
    expect(orderEngines(available, ['openai']).engines.map((e) => e.name)).toEqual(['openai', 'local']);
  });

  it('reports unknown and unconfigured names with a fix', () => {
    const r = orderEngines({ ...available, gemini: null }, ['claude', 'gemini', 'openai']);
    expect(r.engines.map((e) => e.name)).toEqual(['openai', 'local']);
    expect(r.problems[0]).toContain('"claude"');
    expect(r.problems[1]).toContain('GEMINI_API_KEY');
  });
});
