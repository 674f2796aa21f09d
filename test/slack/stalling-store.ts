import type { MemoryStore } from '../../core/testing/memory-store.js';

/**
 * A simulated database election for the chosen store methods: while held,
 * every call waits (as the MongoDB driver waits for a new primary) until
 * the test releases it. Nothing is timed: only `release` lets calls through.
 */
export class Stall {
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;
  /** Calls that have waited at the gate (whether still waiting or released). */
  waited = 0;

  hold(): void {
    if (this.gate) return;
    this.gate = new Promise<void>((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = null;
    this.open = null;
  }

  /** Resolves at once when not held; otherwise when released. */
  async pass(): Promise<void> {
    if (!this.gate) return;
    this.waited += 1;
    await this.gate;
  }
}

/** The store with `methods` going through the stall first; everything else as it is. */
export function stallingStore(store: MemoryStore, stall: Stall, methods: readonly (keyof MemoryStore)[]): MemoryStore {
  const stalled = new Set<PropertyKey>(methods);
  return new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (!stalled.has(prop)) return bound;
      return async (...args: unknown[]) => {
        await stall.pass();
        return bound(...args);
      };
    },
  });
}
