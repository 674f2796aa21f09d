/**
 * Ids seen in the last while, in memory and bounded: the gateway replays
 * events to the same process after a resume, so a re-delivered interaction
 * or DM is recognised here without a store write on every interaction.
 * Anything that changes state is also guarded durably (the filing
 * idempotency key, click claims in the store), so two processes sharing a
 * gateway session during a deploy still act once.
 */
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 50_000,
  ) {}

  /** True the first time `id` is offered within the window. */
  firstTime(id: string, nowMs: number): boolean {
    const until = this.seen.get(id);
    if (until !== undefined && until > nowMs) return false;
    this.seen.delete(id);
    this.seen.set(id, nowMs + this.ttlMs);
    // Oldest first in insertion order: drop expired ones, and the oldest when over the bound.
    for (const [key, expires] of this.seen) {
      if (expires > nowMs && this.seen.size <= this.max) break;
      this.seen.delete(key);
    }
    return true;
  }
}
