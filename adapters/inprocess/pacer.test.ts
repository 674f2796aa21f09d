/**
 * The pacer lets background steps through while its slice lasts and makes
 * the rest wait for a later turn of the event loop. These tests check order
 * and interleaving, never durations: the busy steps spin well past the
 * slice so the outcome does not depend on the machine's speed.
 */
import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';

/** Keeps the thread busy, as a CPU-heavy step (local triage, rendering) does. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Pacer', () => {
  it('lets steps through at once while the slice lasts, in order', async () => {
    const pacer = new Pacer({ maxSliceMs: 1_000, targetTurnMs: 2_000 });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map(async (n) => {
      await pacer.turn();
      order.push(n);
    }));
    expect(order).toEqual([1, 2, 3]);
  });

  it('makes steps wait for a later turn once the slice is used up, so other callbacks run in between', async () => {
    const pacer = new Pacer({ maxSliceMs: 1, targetTurnMs: 1_000 });
    const log: string[] = [];
    await pacer.turn();
    log.push('a');
    // Scheduled while the first step runs: must not wait behind the steps queued after it.
    setTimeout(() => log.push('timer'), 0);
    spin(20);
    await Promise.all(['b', 'c'].map(async (name) => {
      await pacer.turn();
      log.push(name);
    }));
    expect(log).toEqual(['a', 'timer', 'b', 'c']);
  });

  it('takes smaller slices (and a smaller share) while turns run long, and grows back when they are short', async () => {
    const pacer = new Pacer({ maxSliceMs: 8, targetTurnMs: 5 });
    expect(pacer.share).toBe(1);
    await pacer.turn();
    spin(30);
    await nextTurn();
    await nextTurn();
    expect(pacer.share).toBeLessThan(1);
    const low = pacer.share;
    for (let i = 0; i < 40 && pacer.share < 1; i++) {
      await pacer.turn();
      await nextTurn();
      await nextTurn();
    }
    expect(pacer.share).toBeGreaterThan(low);
  });
});
