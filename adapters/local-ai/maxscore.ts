import type { PreparedQuery } from './similar-query.js';
import { CandidateHeap, TopK } from './top-k.js';

/** What the top-k search reads from the index; arrays are used in place for speed. */
export interface SearchContext {
  readonly acc: Float32Array;
  readonly touched: Int32Array;
  readonly live: Uint8Array;
  readonly slots: Int32Array;
  readonly impacts: Float32Array;
  /** Mean number of distinct terms per ticket: the cost of scoring one candidate exactly. */
  readonly termsPerDoc: number;
  count(term: number): number;
  head(term: number): number;
  ref(slot: number): number;
  exact(slot: number): number;
  /** Whether a ticket may be suggested at all (it shares enough of the query). */
  eligible(slot: number): boolean;
}

/**
 * Exact top-k by MaxScore, term at a time. Terms are read strongest
 * first. Once the most the unread terms could add is below the k-th best
 * partial score (or the relevance floor), no unseen ticket can make the
 * results, so no new candidates are created. Each further term is then
 * either read for the existing candidates or skipped, whichever is
 * cheaper: reading costs its posting count, skipping costs an exact
 * scoring of every candidate still in contention. Candidates are finally
 * scored exactly, best partial first, stopping as soon as the rest cannot
 * win. `acc` must be all zero on entry and is left all zero.
 */
export function searchTopK(ctx: SearchContext, q: PreparedQuery, limit: number, floor: number, excluded: ReadonlySet<number>): { slot: number; score: number }[] {
  const { acc, touched, live, slots, impacts } = ctx;
  const top = new TopK(limit, ctx.ref);
  let theta = 0;
  let nTouched = 0;
  const terms = q.terms.length;

  const read = (j: number, create: boolean): void => {
    const weight = q.weights[j] ?? 0;
    const term = q.terms[j] ?? 0;
    let remaining = ctx.count(term);
    let block = ctx.head(term);
    while (remaining > 0 && block >= 0) {
      const n = Math.min(impacts[block] ?? 0, remaining);
      for (let i = block + 1, end = block + 1 + n; i < end; i++) {
        const slot = slots[i] ?? 0;
        if (live[slot] !== 1) continue;
        const before = acc[slot] ?? 0;
        if (before === 0) {
          if (!create) continue;
          touched[nTouched++] = slot;
        }
        const now = before + weight * (impacts[i] ?? 0);
        acc[slot] = now;
        if (now > theta && !excluded.has(slot)) {
          top.offer(slot, now);
          theta = top.threshold;
        }
      }
      remaining -= n;
      block = slots[block] ?? -1;
    }
  };
  const contenders = (rest: number): number => {
    const bar = Math.max(floor, theta);
    let n = 0;
    for (let i = 0; i < nTouched; i++) if ((acc[touched[i] ?? 0] ?? 0) + rest >= bar) n += 1;
    return n;
  };

  let j = 0;
  for (; j < terms; j++) {
    if (j > 0 && (q.remaining[j] ?? 0) < Math.max(floor, theta)) break;
    read(j, true);
  }
  for (; j < terms; j++) {
    if (contenders(q.remaining[j] ?? 0) * ctx.termsPerDoc <= ctx.count(q.terms[j] ?? 0)) break;
    read(j, false);
  }

  // Partial sums are float32; the slack keeps a ticket whose exact score ties the bar.
  const rest = (q.remaining[j] ?? 0) + q.best * 1e-5;
  const bar = Math.max(floor, theta);
  const candidates = new CandidateHeap(acc);
  for (let i = 0; i < nTouched; i++) {
    const slot = touched[i] ?? 0;
    if ((acc[slot] ?? 0) + rest >= bar && !excluded.has(slot)) candidates.push(slot);
  }
  const final = new TopK(limit, ctx.ref);
  for (let slot = candidates.pop(); slot >= 0; slot = candidates.pop()) {
    if ((acc[slot] ?? 0) + rest < Math.max(floor, final.threshold)) break;
    const score = ctx.exact(slot);
    if (score >= floor && ctx.eligible(slot)) final.offer(slot, score);
  }
  for (let i = 0; i < nTouched; i++) acc[touched[i] ?? 0] = 0;
  return final.entries();
}
