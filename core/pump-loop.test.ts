import { describe, expect, it } from 'vitest';
import { PumpLoop, type PassOutcome } from './pump-loop.js';
import { silentLogger, type Logger } from './ports/system.js';

/** Timers run only when the test says so; `now` is a number the test moves. */
function harness(script: (PassOutcome | Error)[], options: { nextDue?: () => string | null; logger?: Logger } = {}) {
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const drained: (number | null)[] = [];
  let passes = 0;
  let gate: (() => void) | null = null;
  let holdNext = false;
  const now = 1_000_000;
  const loop = new PumpLoop({
    what: 'things',
    pass: async () => {
      passes++;
      if (holdNext) {
        holdNext = false;
        await new Promise<void>((r) => (gate = r));
      }
      const next = script.shift() ?? 'drained';
      if (next instanceof Error) throw next;
      return next;
    },
    nextDueAt: async () => (options.nextDue ? options.nextDue() : null),
    onDrained: (n) => drained.push(n),
    now: () => now,
    pollMs: 1_000,
    timer: (fn, ms) => {
      const t = { fn, ms, cancelled: false };
      timers.push(t);
      return () => (t.cancelled = true);
    },
    logger: options.logger ?? silentLogger,
  });
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const live = () => timers.filter((t) => !t.cancelled);
  const fire = async () => {
    const t = live().at(-1);
    if (!t) throw new Error('no timer');
    t.cancelled = true;
    t.fn();
    await settle();
  };
  return {
    loop, drained, live, fire, settle, now,
    get passes() { return passes; },
    holdNextPass: () => (holdNext = true),
    release: async () => {
      gate?.();
      await settle();
    },
  };
}

describe('the shared pump loop', () => {
  it('sleeps until the next due time (at most pollMs, at least 20 ms) after a drained pass, and tells who waits for idleness', async () => {
    let due: string | null = new Date(1_000_000 + 300).toISOString();
    const h = harness([], { nextDue: () => due });
    h.loop.start();
    await h.settle();
    expect(h.passes).toBe(1);
    expect(h.drained).toEqual([1_000_300]);
    expect(h.live().map((t) => t.ms)).toEqual([300]);
    due = new Date(1_000_000 + 5).toISOString();
    await h.fire();
    expect(h.passes).toBe(2);
    expect(h.live().map((t) => t.ms)).toEqual([20]);
    due = null;
    await h.fire();
    expect(h.live().map((t) => t.ms)).toEqual([1_000]);
  });

  it('passes again at once after "more", and waits for a wake-up after "full"', async () => {
    const h = harness(['more', 'more', 'full']);
    h.loop.start();
    await h.settle();
    expect(h.passes).toBe(3);
    expect(h.live()).toEqual([]);
    expect(h.drained).toEqual([]);
    h.loop.wake();
    await h.settle();
    expect(h.passes).toBe(4);
    expect(h.drained).toHaveLength(1);
  });

  it('sleeps after "backoff" without reporting idleness', async () => {
    const h = harness(['backoff']);
    h.loop.start();
    await h.settle();
    expect(h.drained).toEqual([]);
    expect(h.live()).toHaveLength(1);
  });

  it('never loses a wake-up that arrives during a pass', async () => {
    const h = harness(['drained', 'drained']);
    h.holdNextPass();
    h.loop.start();
    await h.settle();
    h.loop.wake();
    h.loop.wake();
    expect(h.passes).toBe(1);
    await h.release();
    expect(h.passes).toBe(2);
    // The first pass ended with a wake-up pending: only the second reports idleness.
    expect(h.drained).toHaveLength(1);
  });

  it('logs a failed pass and tries again after pollMs', async () => {
    const errors: string[] = [];
    const logger = { ...silentLogger, error: (_: object | string, msg?: string) => void errors.push(msg ?? ''), child: () => logger } as Logger;
    const h = harness([new Error('store down'), 'drained'], { logger });
    h.loop.start();
    await h.settle();
    expect(errors).toEqual(['could not claim things from the store; trying again shortly']);
    expect(h.live().map((t) => t.ms)).toEqual([1_000]);
    await h.fire();
    expect(h.passes).toBe(2);
    expect(h.drained).toHaveLength(1);
  });

  it('runs the first-pass preparation before claiming, at every start', async () => {
    const order: string[] = [];
    let finish: () => void = () => undefined;
    const loop = new PumpLoop({
      what: 'things',
      beforeFirstPass: () => {
        order.push('before');
        return new Promise<void>((r) => (finish = r));
      },
      pass: async () => {
        order.push('pass');
        return 'full';
      },
      nextDueAt: async () => null,
      now: () => 0,
      pollMs: 1_000,
      timer: () => () => undefined,
      logger: silentLogger,
    });
    loop.start();
    loop.wake();
    await Promise.resolve();
    expect(order).toEqual(['before']);
    finish();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['before', 'pass']);
    await loop.stop();
    loop.start();
    finish();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['before', 'pass', 'before', 'pass']);
    await loop.stop();
  });

  it('stop waits for the pass in progress, cancels the timer, and ignores wake-ups until the next start', async () => {
    const h = harness(['drained', 'drained', 'drained']);
    h.holdNextPass();
    h.loop.start();
    await h.settle();
    let stopped = false;
    const stopping = h.loop.stop().then(() => (stopped = true));
    await h.settle();
    expect(stopped).toBe(false);
    await h.release();
    await stopping;
    expect(h.live()).toEqual([]);
    h.loop.wake();
    await h.settle();
    expect(h.passes).toBe(1);
    h.loop.start();
    await h.settle();
    expect(h.passes).toBe(2);
  });
});
